"""Shared parts of the readers (names, limits, decoding into a Document) and the plain-text reader.

Every reader has the same face:

    read_x(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | Rejection]

    >>> read_txt(b"Soldiers were killed on Sunday.", "a.txt")[0].text
    'Soldiers were killed on Sunday.'
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.ingest.decoding import BinaryInput, Decoded, UndecodableInput, decode_bytes
from sitrep.records import Document, Rejection

DEFAULT_MAX_BYTES = 20_000_000
Item = Document | Rejection
Reader = Callable[..., list[Item]]
TEXT_KEYS = ("text", "content", "body", "article", "maintext")


def stem_of(source: str) -> str:
    """File name without its extensions: ``stem_of("a/b.warc.gz")`` -> 'b'."""
    name = source.split("#", 1)[0].rsplit("/", 1)[-1]
    for ext in (
        ".warc.gz",
        ".gz",
        ".jsonl",
        ".ndjson",
        ".json",
        ".html",
        ".htm",
        ".xhtml",
        ".txt",
        ".text",
        ".xml",
        ".rss",
        ".atom",
        ".warc",
        ".md",
    ):
        if name.lower().endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)]
    return name.rsplit(".", 1)[0] if "." in name[1:] else name


def mb(n: int, other: int | None = None) -> str:
    """A size for people: ``mb(2_500_000)`` -> '2.5 MB'; in bytes when it would read the same as ``other``."""
    text = f"{n / 1_000_000:.1f} MB"
    if other is not None and text == f"{other / 1_000_000:.1f} MB":
        return f"{n:,} bytes"
    return text


def decode_or_reject(data: bytes, source: str, line: int | None = None) -> Decoded | Rejection:
    """Decoded text, or a Rejection saying why the bytes are not usable text."""
    if not data.strip():
        return Rejection(
            input=source,
            reason="The file is empty." if not data else "The file holds only whitespace.",
            code="empty",
            line=line,
        )
    try:
        decoded = decode_bytes(data)
    except BinaryInput as exc:
        return Rejection(input=source, reason=str(exc), code="binary", line=line)
    except UndecodableInput as exc:
        return Rejection(input=source, reason=str(exc), code="encoding", line=line)
    if not decoded.text.strip():
        return Rejection(input=source, reason="The file holds only whitespace.", code="empty", line=line)
    return decoded


def make_doc(decoded: Decoded, source: str, fmt: str, **fields) -> Document:
    notes = [decoded.note] if decoded.note else []
    return Document(
        input=source, text=decoded.text, format=fmt, encoding=decoded.encoding, notes=notes, **fields
    )


def read_txt(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """A plain-text article: the whole file is the text.  ``read_txt(b"Hi.", "x.txt")``"""
    decoded = decode_or_reject(data, source)
    if isinstance(decoded, Rejection):
        return [decoded]
    return [make_doc(decoded, source, "txt", article_id=stem_of(source), title=headline(decoded.text))]


def headline(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a headline (short, no final stop).

    >>> headline("Gunmen kill 12 in Djibo\\n\\nGunmen killed 12 people on Sunday.")
    'Gunmen kill 12 in Djibo'
    """
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    if not rest.strip() or not (3 <= len(first) <= 200) or first[-1] in '.!?:;,"”':
        return None
    return first
