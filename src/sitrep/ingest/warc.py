"""WARC and WARC.gz: each HTML (or plain-text) response record goes to the html (or txt) reader.

A file cut off mid-way keeps the records read before the cut; the rest is rejected with a reason.

    >>> items = read_warc(open("crawl.warc.gz", "rb").read(), "crawl.warc.gz")  # doctest: +SKIP
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from sitrep.ingest.bounded import DecompressionBomb
from sitrep.ingest.html import read_html
from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, mb, read_txt, stem_of
from sitrep.records import Document, Rejection

HTML_TYPES = ("text/html", "application/xhtml")
RECORD_TYPES = {
    "warcinfo",
    "response",
    "resource",
    "request",
    "metadata",
    "revisit",
    "conversion",
    "continuation",
}


def _content_type(record) -> str:
    if record.http_headers is not None:
        return (record.http_headers.get_header("Content-Type") or "").lower()
    return (record.rec_headers.get_header("Content-Type") or "").lower()


def _short(record) -> bool:
    # warcio returns a short read, not an error, when the file ends inside a record: once a record
    # has been read to its end, bytes still owed by its Content-Length mean the file was cut; a cut
    # inside the headers leaves no Content-Length or a clipped record type.
    if record is None:
        return False
    return (
        record.length is None
        or record.rec_type not in RECORD_TYPES
        or getattr(record.raw_stream, "limit", 0) > 0
    )


def _cut(source: str, n: int, kept: int, detail: str) -> Rejection:
    what = "is not a WARC file" if n == 0 else f"is cut off or damaged after record {n}"
    return Rejection(
        input=source,
        line=n + 1,
        code="bad_warc",
        reason=f"The WARC file {what} ({detail}); the {kept} article(s) read before that were kept.",
    )


def iter_warc(stream: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Documents from the HTML/text response records of a WARC stream, one record at a time."""
    stem, n, kept = stem_of(source), 0, 0
    archive = ArchiveIterator(stream)
    prev = None
    try:
        for record in archive:
            if _short(prev):
                yield _cut(source, n - 1, kept, f"record {n} is shorter than its Content-Length")
                return
            prev = record
            n += 1
            if record.length is None or record.rec_type not in RECORD_TYPES:
                yield _cut(source, n - 1, kept, f"record {n} has damaged headers")
                return
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            ctype = _content_type(record)
            is_html = any(t in ctype for t in HTML_TYPES)
            if not is_html and not ctype.startswith("text/plain"):
                continue  # images, scripts, style sheets: not articles
            if record.http_headers is not None and not record.http_headers.get_statuscode().startswith("2"):
                continue  # error pages and redirects carry no article
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                yield Rejection(
                    input=source,
                    line=n,
                    code="too_large",
                    reason=f"Record {n} is over the limit of {mb(max_bytes)}.",
                )
                continue
            if _short(record):
                yield _cut(source, n - 1, kept, f"record {n} is shorter than its Content-Length")
                return
            url = record.rec_headers.get_header("WARC-Target-URI")
            reader = read_html if is_html else read_txt
            for item in reader(payload, f"{source}#record={n}", max_bytes):
                if isinstance(item, Document):
                    item.article_id, item.format = f"{stem}-{n}", "warc"
                    item.url = url or item.url
                    kept += 1
                else:  # name the record, keep the file as the input
                    item.input, item.line = source, n
                    item.reason = f"Record {n}: {item.reason}"
                yield item
    except DecompressionBomb as exc:
        yield Rejection(
            input=source,
            line=n + 1,
            code="too_large",
            reason=(
                f"The compressed file stopped being read: {exc}; the {kept} article(s) read before that were kept."
            ),
        )
        return
    except Exception as exc:  # noqa: BLE001 - warcio raises ArchiveLoadFailed, zlib.error, EOFError, ValueError...
        text = str(exc).strip()
        # warcio quotes the first line it could not read: binary, once escaped, stays readable
        detail = text.splitlines()[0][:200].encode("ascii", "backslashreplace").decode() if text else ""
        if n == 0 and getattr(stream, "raw", None).__class__.__name__ == "BoundedGunzip":
            detail = f"it is gzip-compressed but holds no WARC records: {detail}"
        yield _cut(source, n, kept, detail or type(exc).__name__)
        return
    if _short(prev):
        yield _cut(source, n - 1, kept, f"record {n} is shorter than its Content-Length")
        return
    try:
        end = stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        end = None
    if end is not None and archive.offset < end:
        # a gzip member cut off mid-way is dropped silently by warcio: the bytes left over show it
        yield _cut(source, n, kept, f"{end - archive.offset} bytes at the end could not be read as a record")
        return
    if kept == 0:
        yield Rejection(
            input=source,
            code="no_text",
            reason=f"The WARC file has no HTML or text responses among its {n} records.",
        )


def read_warc(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """All items of a WARC/WARC.gz held in memory (see ``iter_warc`` for streaming from disk)."""
    return list(iter_warc(io.BytesIO(data), source, max_bytes))
