"""RSS and Atom feeds: one Document per entry with text (content or summary), its link and date.

The XML is checked with defusedxml before feedparser sees it, so entity-expansion payloads
("billion laughs") and external entities are refused, and text that is not XML is rejected.

    >>> items = read_feed(b'<rss version="2.0"><channel><item><title>T</title>'
    ...                   b'<description>Ten were killed.</description></item></channel></rss>', "f.xml")
    >>> items[0].text
    'Ten were killed.'
"""

from __future__ import annotations

import html as htmllib
import io
import re
import time
from xml.etree.ElementTree import ParseError

import feedparser
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from lxml import etree
from lxml import html as lxml_html

from sitrep.ingest.text import DEFAULT_MAX_BYTES, Item, decode_or_reject, mb, stem_of
from sitrep.records import Document, Rejection

BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "table",
    "section",
    "article",
    "pre",
    "figure",
    "figcaption",
    "header",
    "footer",
    "hr",
    "dd",
    "dt",
}
SKIP = {"script", "style", "noscript", "template", "iframe", "object"}
XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def fragment_text(fragment: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block.  ``fragment_text("<p>a</p><p>b</p>")`` -> 'a\\n\\nb'"""
    if "<" not in fragment:
        return htmllib.unescape(fragment).strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    parts: list[str] = []
    skipping = 0
    # iterwalk, not recursion: feeds can nest deeply.
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP:
                skipping += 1
            elif not skipping:
                if tag in BLOCK:
                    parts.append("\n\n")
                if el.text and isinstance(el.tag, str):
                    parts.append(el.text)
        else:
            if tag in SKIP:
                skipping -= 1
            elif not skipping and tag in BLOCK:
                parts.append("\n\n")
            if not skipping and el.tail and el is not root:
                parts.append(el.tail)
    text = "".join(parts)
    paras = [re.sub(r"[ \t\r\f\v]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


def check_xml(text: str) -> str | None:
    """None when ``text`` is safe, well-formed XML; otherwise the reason, in plain words."""
    body = XML_DECL.sub("", text, count=1)  # the text is already decoded: drop its encoding line
    try:
        SafeET.fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        return (
            "The feed declares XML entities or external references "
            f"(a possible entity-expansion attack, e.g. 'billion laughs'); refused to parse it ({type(exc).__name__})."
        )
    except ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        msg = str(exc).split(":")[0]
        return f"The feed is not valid XML: {msg} at line {line}, column {col}."
    return None


def _iso(entry: dict) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return (
                time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)
                if (parsed.tm_hour or parsed.tm_min)
                else time.strftime("%Y-%m-%d", parsed)
            )
    return None


def _entry_text(entry: dict) -> str:
    for content in entry.get("content") or []:
        text = fragment_text(content.get("value") or "")
        if text:
            return text
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def read_feed(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Item]:
    """Entries of an RSS 2.0 / RSS 1.0 / Atom feed that carry text; entries without text rejected."""
    decoded = decode_or_reject(data, source)
    if isinstance(decoded, Rejection):
        return [decoded]
    problem = check_xml(decoded.text)
    if problem:
        return [Rejection(input=source, reason=problem, code="bad_xml")]
    body = XML_DECL.sub("", decoded.text, count=1).encode("utf-8")
    parsed = feedparser.parse(
        io.BytesIO(body), response_headers={"content-type": "application/xml; charset=utf-8"}
    )
    version = parsed.get("version") or ""
    if not parsed.entries and not version:
        return [
            Rejection(
                input=source,
                code="bad_xml",
                reason="The file is XML but not an RSS or Atom feed (no channel, feed or entries found).",
            )
        ]
    fmt = "atom" if version.startswith("atom") else "rss"
    outlet = (parsed.feed.get("title") or "").strip() or None
    items: list[Item] = []
    for n, entry in enumerate(parsed.entries, 1):
        text = _entry_text(entry)
        if not text:
            items.append(
                Rejection(
                    input=source, line=n, code="no_text", reason=f"Entry {n} has no content or summary text."
                )
            )
            continue
        if len(text) > max_bytes:
            items.append(
                Rejection(
                    input=source,
                    line=n,
                    code="too_large",
                    reason=f"Entry {n} holds {mb(len(text), max_bytes)} of text, over the limit of {mb(max_bytes, len(text))}.",
                )
            )
            continue
        notes = [decoded.note] if decoded.note else []
        items.append(
            Document(
                input=f"{source}#entry={n}",
                text=text,
                format=fmt,
                article_id=f"{stem_of(source)}-{n}",
                title=(entry.get("title") or "").strip() or None,
                url=entry.get("link") or None,
                published=_iso(entry),
                author=(entry.get("author") or "").strip() or None,
                outlet=outlet,
                encoding=decoded.encoding,
                notes=notes,
            )
        )
    if not items:
        items.append(Rejection(input=source, code="no_text", reason="The feed has no entries."))
    return items
