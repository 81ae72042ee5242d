"""Site furniture in an article's text: related-links blocks, lone punctuation, image alt text and
captions, stray footnote marks, sign-up/share prompts. Found as raw spans; never part of a sentence.

    >>> [r.kind for r in find_furniture("Text.\\n\\nYou may be interested in\\n/\\n/")]
    ['related_links', 'lone_punctuation', 'lone_punctuation']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitrep.outlets import photo_pattern
from sitrep.records import Removed

RELATED = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:be interested in|like|have missed)|related(?: (?:stories|articles|content|"
    r"coverage|news|topics|links|reading))?|read more|more (?:stories|news|on this(?: story)?|from [\w .'’-]{1,40})|"
    r"recommended(?: (?:for you|stories|reading))?|most (?:read|popular|viewed)|see also|also read|trending(?: now)?|"
    r"top stories|latest (?:news|stories)|what to read next|explore more|in other news|don'?t miss)\s*[:.…]*$",
    re.I,
)
LINK_PREFIX = re.compile(
    r"^(?:read more|related|see also|also read|read also|watch|listen|more)\s*[:|»>-]\s*\S", re.I
)
LONE_PUNCT = re.compile(r"^[\s\W_]+$")
CAPTION_PREFIX = re.compile(
    r"^(?:supporting image for story|image(?: caption| source)?|photo(?:graph)?(?: credit)?|picture|caption|"
    r"file photo|pictured|video|watch|gallery|credit|illustration)\s*[:|,-]",
    re.I,
)
PHOTO_CREDIT = re.compile(
    r"\((?:(?:" + photo_pattern() + r")[ /-]?(?:Photo|Wire|Media|Images|via Getty Images|"
    r"Pool|File)?(?:/[^()\n]{0,80})?|(?:[^()\n]{0,60}/)?(?:" + photo_pattern() + r")"
    r"(?: via Getty Images)?|File(?: photo)?|Photo[:/][^()\n]{0,80}|Handout[^()\n]{0,60})\)[ \t]*$"
)
PHOTO_TAIL = re.compile(r"(?:Photograph|Photo|Image|Picture)\s*:\s*[^.\n]{1,80}/[^.\n]{1,40}$")
PROMPT = re.compile(  # (?![a-z]): "Subscribers said..." is a sentence, "Subscribe" a prompt
    r"^(?:sign up|subscribe|share (?:this|on|via)|follow us|follow [\w .]{1,30} on (?:twitter|x|facebook|instagram)|"
    r"click here|tap here|download (?:our|the) app|get (?:our|the) (?:free )?newsletter|join (?:us|our)|"
    r"story continues below|continue reading|skip (?:to|ad)|copyright (?:©|\(c\)|\d{4})|© ?\d{4}|"
    r"all rights reserved|we use cookies|accept (?:all )?cookies|(?:leave|post|add) a comment|"
    r"comments? \(\d+\)|\d+ comments?$|report an? (?:error|correction))(?![a-z])",
    re.I,
)
LONE_WORDS = {
    "published",
    "updated",
    "advertisement",
    "advertising",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "e-mail",
    "print",
    "comments",
    "comment",
    "listen",
    "save",
    "close",
    "menu",
    "copy link",
    "link copied",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "telegram",
    "x",
    "more",
    "next",
    "previous",
    "back to top",
    "top",
    "home",
    "loading",
    "loading...",
    "read more",
}
# Superscripts and daggers stuck to a word or punctuation (not after units: km², m³), and
# bracketed reference numbers stuck to a word ("said[3]"). The regex finds candidates fast; the
# context is checked in Python (a look-behind first pattern would be tried at every character).
FOOTNOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰†‡※]+|\[\d{1,3}\]")
UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])(?:m|km|cm|mm|ft|in|mi|sq)$")
AFTER_OK = set(" \t\r\n.,;:!?)]”\"'’")
HEADLINE_LIKE = re.compile(r"^[^.!?]{1,140}[^.!?:;,\"”]$")


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for each line of ``text``, newline excluded."""
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _span(start: int, line: str) -> tuple[int, int]:
    lead = len(line) - len(line.lstrip())
    return (start + lead, start + len(line.rstrip()))


def line_kind(line: str) -> str | None:
    """The furniture kind of one whole line, or None when it is text.  ``line_kind("Share this article")`` -> 'prompt'"""
    s = line.strip()
    if not s:
        return None
    if LONE_PUNCT.match(s):
        return "lone_punctuation"
    if s.lower().rstrip(":.") in LONE_WORDS:
        return "prompt"
    if len(s) > 400:
        return None
    if CAPTION_PREFIX.match(s):
        return "image_alt" if s.lower().startswith(("supporting image", "image")) else "caption"
    if len(s) < 300 and (PHOTO_CREDIT.search(s) or PHOTO_TAIL.search(s)):
        return "caption"
    if len(s) < 200 and PROMPT.match(s):
        return "prompt"
    if len(s) < 200 and LINK_PREFIX.match(s) and HEADLINE_LIKE.match(s):
        return "related_links"
    return None


def _is_footnote(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    if end < len(text) and text[end] not in AFTER_OK:
        return False
    if text[start] == "[":  # "[3]" only straight after a word or punctuation
        return before.islower() or before in '.,;:”"'
    if before.isspace() or before.isdigit():
        return False
    return not UNIT_BEFORE.search(text[max(0, start - 4) : start])


def find_furniture(text: str) -> list[Removed]:
    """Spans of furniture in ``text`` (raw offsets), each with its kind."""
    removed: list[Removed] = []
    in_related = False
    for start, _end, line in _lines(text):
        s = line.strip()
        if not s:
            continue
        if RELATED.match(s):
            in_related = True
            removed.append(Removed(span=_span(start, line), kind="related_links"))
            continue
        kind = line_kind(line)
        if in_related and kind is None and HEADLINE_LIKE.match(s):
            kind = "related_links"  # link titles under a "Read more" heading
        elif kind is None:
            in_related = False
        if kind:
            removed.append(Removed(span=_span(start, line), kind=kind))
            in_related = in_related or (kind == "related_links")  # "Read more: X" opens a links block
    for m in FOOTNOTE.finditer(text):
        if _is_footnote(text, m.start(), m.end()):
            removed.append(Removed(span=m.span(), kind="footnote_mark"))
    return removed
