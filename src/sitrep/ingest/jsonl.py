r"""JSON Lines (one article per line) and .json readers: good lines kept, bad lines rejected by number.

>>> read_jsonl(b'{"id": "a", "text": "Ten died."}\n{broken', "x.jsonl")[1].reason
'Line 2 is not valid JSON: Expecting property name enclosed in double quotes at column 2.'
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import BinaryIO

from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, mb, stem_of
from sitrep.records import Document, Rejection

TEXT_KEYS = ("text", "content", "body", "article", "maintext")


def _first_text(rec: dict) -> str | None:
    for key in TEXT_KEYS:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _record_to_doc(rec: dict, source: str, fmt: str, default_id: str) -> Document | str:
    """A Document from a JSON object, or the reason it is unusable."""
    text = _first_text(rec)
    if text is None:
        keys = ", ".join(sorted(map(str, rec))[:8]) or "none"
        return f"has no article text (expected one of the keys {', '.join(TEXT_KEYS)}; found {keys})"
    rid = rec.get("id", rec.get("article_id"))
    # an id is a string or a whole number; an object, list or true/false would become a
    # Python repr ("{'nested': 'obj'}", "True"): the record's own place names it instead
    usable = isinstance(rid, str) or isinstance(rid, int) and not isinstance(rid, bool)
    named = usable and bool(str(rid).strip())
    rid = str(rid).strip() if named else default_id

    def opt(key: str) -> str | None:
        value = rec.get(key)
        return (
            str(value).strip() or None
            if value is not None and not isinstance(value, (dict, list, bool))
            else None
        )

    return Document(
        input=source,
        text=text,
        format=fmt,
        article_id=rid,
        title=opt("title"),
        url=opt("url"),
        published=opt("published") or opt("date"),
        outlet=opt("outlet") or opt("source"),
        author=opt("author"),
        encoding="utf-8",
        key=f"id={rid}" if named else None,  # walk.input_key puts the file's path before it
    )


def _unique_ids(items: list[Item]) -> list[Item]:
    """Make article ids unique inside one input: a repeated id gets a suffix and a note."""
    seen: dict[str, int] = {}
    for item in items:
        if isinstance(item, Document) and item.article_id:
            n = seen.get(item.article_id, 0) + 1
            seen[item.article_id] = n
            if n > 1:
                item.notes.append(f"id {item.article_id!r} repeats an earlier record; renamed")
                item.article_id = f"{item.article_id}_{n}"
                item.key = item.key and f"id={item.article_id}"
    return items


def parse_jsonl_line(raw: bytes, source: str, lineno: int, max_bytes: int = DEFAULT_MAX_BYTES) -> Item | None:
    """One JSONL line as a Document, a Rejection naming the line, or None for a blank line."""
    where = f"{source}#line={lineno}"
    if len(raw) > max_bytes:
        return Rejection(
            input=source,
            line=lineno,
            code="too_large",
            reason=f"Line {lineno} is longer than the limit of {mb(max_bytes)}; it was skipped.",
        )
    if not raw.strip():
        return None
    try:
        rec = json.loads(raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Rejection(
            input=source,
            line=lineno,
            code="encoding",
            reason=f"Line {lineno} is not valid UTF-8 (byte {exc.start}).",
        )
    except json.JSONDecodeError as exc:
        return Rejection(
            input=source,
            line=lineno,
            code="bad_json",
            reason=f"Line {lineno} is not valid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}.",
        )
    except RecursionError:
        return Rejection(
            input=source, line=lineno, code="bad_json", reason=f"Line {lineno} is nested too deeply to read."
        )
    if not isinstance(rec, dict):
        return Rejection(
            input=source,
            line=lineno,
            code="bad_json",
            reason=f"Line {lineno} is JSON but not an object with article fields.",
        )
    doc = _record_to_doc(rec, where, "jsonl", f"{stem_of(source)}-{lineno}")
    if isinstance(doc, str):
        return Rejection(input=source, line=lineno, code="no_text", reason=f"Line {lineno} {doc}.")
    return doc


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of a binary stream; a line over ``max_bytes`` comes back cut at max_bytes + 1 bytes
    (so the caller can reject it) and the rest of it is skipped without being held in memory."""
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the enormous line in chunks
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line.rstrip(b"\r\n") if len(line) <= max_bytes else line


def iter_jsonl(stream: BinaryIO, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Items of a JSONL stream, one line at a time (memory bounded by the longest allowed line)."""
    seen: dict[str, int] = {}
    any_line = False
    for lineno, line in enumerate(_lines(stream, max_bytes), 1):
        item = parse_jsonl_line(line, source, lineno, max_bytes)
        if item is None:
            continue
        any_line = True
        if isinstance(item, Document) and item.article_id:
            count = seen[item.article_id] = seen.get(item.article_id, 0) + 1
            if count > 1:  # a repeated id inside one file: keep the record under a new name
                item.notes.append(f"id {item.article_id!r} repeats an earlier line; renamed")
                item.article_id = f"{item.article_id}_{count}"
                item.key = item.key and f"id={item.article_id}"
        yield item
    if not any_line:
        yield Rejection(input=source, reason="The file is empty.", code="empty")


def read_jsonl(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """One article per line; good lines kept, bad lines rejected by line number."""
    return list(iter_jsonl(io.BytesIO(data), source, max_bytes))


def read_json(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """A .json file: one article object, a list of them, or (failing that) JSON lines."""
    try:
        rec = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return read_jsonl(data, source, max_bytes)
    recs = rec if isinstance(rec, list) else [rec]
    items: list[Item] = []
    for i, r in enumerate(recs, 1):
        where = source if len(recs) == 1 else f"{source}#record={i}"
        doc = (
            _record_to_doc(r, where, "jsonl", stem_of(source) if len(recs) == 1 else f"{stem_of(source)}-{i}")
            if isinstance(r, dict)
            else "is not an object with article fields"
        )
        if isinstance(doc, str):
            what = "The JSON file" if len(recs) == 1 else f"Record {i}"
            items.append(
                Rejection(
                    input=source, line=None if len(recs) == 1 else i, code="no_text", reason=f"{what} {doc}."
                )
            )
        else:
            items.append(doc)
    return _unique_ids(items) or [
        Rejection(input=source, code="empty", reason="The JSON file holds an empty list.")
    ]
