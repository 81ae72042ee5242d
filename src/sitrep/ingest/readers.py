"""Readers: bytes in, Documents and Rejections out, all with the same face:

    read_x(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Document | Rejection]

``source`` is the input's name as shown to people (a path); ``read_input`` picks the reader from the
file extension and falls back to sniffing the content.

    >>> read_input(b"Soldiers were killed on Sunday.", "a.txt")[0].text
    'Soldiers were killed on Sunday.'
"""

from __future__ import annotations

import re

from sitrep.ingest.decoding import decode_bytes
from sitrep.ingest.html import read_html
from sitrep.ingest.jsonl import read_json, read_jsonl
from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, Reader, read_txt

__all__ = [
    "read_input",
    "format_of",
    "format_by_extension",
    "sniff_format",
    "read_txt",
    "read_html",
    "read_jsonl",
    "read_json",
    "read_feed",
    "read_warc",
    "DEFAULT_MAX_BYTES",
]


def sniff_format(data: bytes) -> str:
    """Format name from the first bytes: warc | rss | html | jsonl | txt."""
    head = data[:2048].lstrip()
    if data[:2] == b"\x1f\x8b" or head.startswith(b"WARC/"):
        return "warc"
    low = head[:1024].lower()
    try:
        low = decode_bytes(data[:1024]).text.lstrip().lower().encode("utf-8")
    except ValueError:
        pass
    if low.startswith((b"<!doctype html", b"<html")) or b"<body" in low:
        return "html"
    if low.startswith(b"<?xml") or low.startswith((b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in low else "rss"
    if low.startswith(b"{"):
        return "jsonl"
    if low.startswith(b"<") and re.search(rb"<(p|div|head|title|article)[\s>]", low):
        return "html"
    return "txt"


EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "rss",
    ".rss": "rss",
    ".atom": "rss",
    ".warc": "warc",
    ".warc.gz": "warc",
}


BY_LENGTH = sorted(EXTENSIONS, key=len, reverse=True)  # ".warc.gz" before ".gz"


def format_by_extension(name: str) -> str | None:
    """Format named by the file extension, or None.  ``format_by_extension("a.warc.gz")`` -> 'warc'"""
    low = name.lower()
    for ext in BY_LENGTH:
        if low.endswith(ext):
            return EXTENSIONS[ext]
    return None


def format_of(name: str, data: bytes = b"") -> str:
    """Format from the file extension, falling back to sniffing ``data``."""
    return format_by_extension(name) or sniff_format(data)


def read_feed(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """``feeds.read_feed``, imported when a feed is read: feedparser and lxml cost a run that
    reads none a few tenths of a second."""
    from sitrep.ingest.feeds import read_feed as read

    return read(data, source, max_bytes)


def read_warc(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """``warc.read_warc``, imported when a WARC file is read (warcio, as feedparser above)."""
    from sitrep.ingest.warc import read_warc as read

    return read(data, source, max_bytes)


def read_input(
    data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES, fmt: str | None = None
) -> list[Item]:
    """Read one input's bytes with the reader its name (or content) calls for."""
    readers: dict[str, Reader] = {
        "txt": read_txt,
        "html": read_html,
        "jsonl": read_jsonl,
        "json": read_json,
        "rss": read_feed,
        "warc": read_warc,
    }
    return readers[fmt or format_of(source, data)](data, source, max_bytes)
