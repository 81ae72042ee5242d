"""The HTML reader: main text and metadata (title, date, author, site name) via trafilatura.

>>> read_html(page_bytes, "page.html")[0].title  # doctest: +SKIP
"""

from __future__ import annotations

import html as htmllib
import re

from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, decode_or_reject, make_doc, stem_of
from sitrep.records import Rejection

INVISIBLE = re.compile(r"<(head|script|style|noscript|template)\b|<!--", re.I)
TAG = re.compile(r"<[^<>]{0,2000}>")  # [^<>] keeps each attempt short, so the scan stays linear


def _visible_markup(html: str) -> str:
    """``html`` without head, scripts, styles and comments, in one linear pass (an element left
    open hides the rest of the page, as it does in a browser)."""
    out, pos = [], 0
    while True:
        m = INVISIBLE.search(html, pos)
        if not m:
            out.append(html[pos:])
            return "".join(out)
        out.append(html[pos : m.start()])
        closer = re.compile("-->" if m.group() == "<!--" else rf"</{m.group(1)}\s*>", re.I)
        end = closer.search(html, m.end())
        if not end:
            return "".join(out)
        pos = end.end()


def strip_tags(html: str) -> str:
    """Visible text of markup no parser could build, by deleting tags (linear time, no tree).

    >>> strip_tags("<div><div>deep <b>text</b></div></div>")
    'deep text'
    """
    text = htmllib.unescape(TAG.sub(" ", _visible_markup(html)))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# Pages whose fast extraction finds less than this get the full run with fallback extractors.
FULL_RUN_BELOW = 600
MAX_TAGS = 150_000  # news pages have a few thousand elements; 30k is already a very long page
DATE_PARAMS = {"extensive_search": False, "original_date": True}  # "Copyright 2024" is no publication date


def _trafilatura(html: str | bytes, fast: bool):
    import trafilatura  # a second of start-up that text and JSONL inputs never need

    try:
        return trafilatura.bare_extraction(
            html,
            fast=fast,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=DATE_PARAMS,
        )
    except (ValueError, TypeError, RecursionError, AttributeError):
        return None


def extract_html(html: str | bytes) -> dict | None:
    """Main text and metadata of an HTML page via trafilatura (None when it finds no text).

    >>> extract_html("<html><body><article><p>" + "Words here. " * 30 + "</p></article></body></html>")["text"][:10]
    'Words here'
    """
    # trafilatura's fast mode skips its fallback extractors (readability, jusText); they only
    # change the result when the main extractor finds little, so run them only then.
    # A page with more tags than any article page (a 300k-row table) would take trafilatura
    # minutes: keep its visible text instead, in linear time.
    too_big = html.count(b"<" if isinstance(html, bytes) else "<") > MAX_TAGS
    found = None if too_big else _trafilatura(html, fast=True)
    if not too_big and (found is None or len(found.text or "") < FULL_RUN_BELOW):
        full = _trafilatura(html, fast=False)
        if full is not None and len(full.text or "") > len((found.text or "") if found else ""):
            found = full
    if found is None or not (found.text or "").strip():
        # trafilatura drops very short pages and pages lxml cannot build (10k nested levels):
        # keep their visible text rather than lose it.
        if isinstance(html, bytes):
            html = html.decode("utf-8", errors="replace")
        import trafilatura

        try:
            text = "" if too_big else trafilatura.html2txt(html)
        except (ValueError, TypeError, RecursionError):
            text = ""
        if not text.strip():
            text = strip_tags(html)
        return {"text": text, "fallback": "too_big" if too_big else True} if text.strip() else None
    # trafilatura puts one block per line; a blank line between blocks marks paragraphs the way
    # plain-text articles do, so sentence splitting never runs a headline into its first paragraph.
    text = "\n\n".join(line for line in found.text.split("\n") if line.strip())
    return {
        "text": text,
        "title": found.title,
        "published": found.date,
        "author": found.author,
        "outlet": found.sitename,
        "url": found.url,
        "fallback": False,
    }


def read_html(
    data: bytes,
    source: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    url: str | None = None,
    article_id: str | None = None,
) -> list[Item]:
    """An HTML page: main text (navigation, ads and comments dropped) plus title, date, author, site."""
    decoded = decode_or_reject(data, source)
    if isinstance(decoded, Rejection):
        return [decoded]
    # UTF-8 bytes go to lxml as they are (it parses bytes faster than a Python string)
    found = extract_html(
        data if decoded.encoding == "utf-8" and not data.startswith(b"\xef\xbb\xbf") else decoded.text
    )
    if not found:
        return [
            Rejection(
                input=source,
                code="no_text",
                reason="The HTML page has no readable text (no body, only markup, or nested too deeply to read).",
            )
        ]
    doc = make_doc(
        decoded,
        source,
        "html",
        article_id=article_id or stem_of(source),
        url=url or found.get("url"),
        title=found.get("title"),
        published=found.get("published"),
        author=found.get("author"),
        outlet=found.get("outlet"),
    )
    doc.text = found["text"]
    if found["fallback"] == "too_big":
        doc.notes.append(
            f"page has over {MAX_TAGS:,} tags, too many for main-text extraction; kept all visible text"
        )
    elif found["fallback"]:
        doc.notes.append("main-text extraction found nothing; kept all visible text of the page")
    return [doc]
