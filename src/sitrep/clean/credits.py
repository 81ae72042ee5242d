"""Credit lines, bylines and wire datelines: found in the raw text, kept as metadata (Credit records).

>>> find_credits("By contributor Baba Ahmed, Associated Press\\nText.")[0].author
'Baba Ahmed'
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitrep.outlets import canonical_outlet, find_outlet, spelling_pattern
from sitrep.records import Credit

AGENCY_ALT = "(?i:" + spelling_pattern() + ")"  # every spelling of a news outlet (sitrep/outlets.py)
NAME = r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|da|di|van|von|bin|al|el|ul|la|le)){0,4}"
DASH = r"\s*[—–-]{1,2}\s*"

PRODUCED = re.compile(
    r"^\s*This (?:article|story|report|content) (?:was|has been|is) (?:produced|published|provided|written|"
    r"supplied|originally published|republished) (?:by|from|with permission from) (?:the )?(?P<outlet>[A-Z][\w&.'’ -]{0,60}?)"
    r"(?: news agency| wire service| agency| wire)?(?:\s+and [^.\n]{0,80})?\.(?:[ \t]*[^\n]{0,200}?\b(?:edited|modified|"
    r"altered|changed)\b[^\n]*?\.)?[ \t]*$",
    re.M | re.I,
)
BYLINE = re.compile(
    rf"^[ \t]*By(?: contributors?| staff| reporters?)?[ \t]+(?P<authors>{NAME}(?:(?:,[ \t]*| and | & ){NAME})*?)"
    rf"(?:(?:,[ \t]*|[ \t]*[|/][ \t]*|[ \t]+(?=(?:The )?(?:{AGENCY_ALT})\b))(?P<outlet>(?:The )?(?:{AGENCY_ALT}|{NAME})))?[ \t]*$",
    re.M,
)
DATELINE = re.compile(
    rf"^[ \t]*(?P<place>[A-Z][A-Z .'’-]{{1,40}}(?:,[ \t]*[A-Z][\w .'’-]{{1,30}})?)?[ \t]*,?[ \t]*"
    rf"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{{1,2}})?[ \t]*"
    rf"\((?P<outlet>{AGENCY_ALT})\){DASH}",
    re.M | re.I,
)
TRAILER = re.compile(
    rf"^[ \t]*(?:[—–-]{{1,2}}[ \t]*)?(?P<outlet>(?:The )?(?:{AGENCY_ALT}))[ \t]*$", re.M | re.I
)
TRAILER_INLINE = re.compile(
    rf"(?<=[.!?”\"])[ \t]*[—–][ \t]*(?P<outlet>(?:The )?(?:{AGENCY_ALT}))[ \t]*$", re.M
)
COPYRIGHT = re.compile(
    rf"^[ \t]*(?:Copyright|©|\(c\))[^\n]{{0,40}}?\b(?P<outlet>(?:The )?{AGENCY_ALT})\b[^\n]{{0,120}}$", re.M
)
REPORTING = re.compile(
    r"^[ \t]*\((?P<body>(?:Reporting|Additional reporting|Writing|Editing) by [^)\n]{3,300})\)[ \t]*$", re.M
)


def normalise_outlet(name: str | None) -> str | None:
    """The outlet's usual name.  ``normalise_outlet("The Associated Press")`` -> 'Associated Press'"""
    if not name:
        return None
    return canonical_outlet(re.sub(r"\s+", " ", name).strip(" .,;:-—–"))


def _dateline_ok(m: re.Match) -> bool:
    # "(AP) —" alone is a dateline; with a place, the place must be in capitals (BAMAKO, Mali).
    place = m.group("place")
    return place is None or place.split(",")[0].strip().isupper()


def _line_credits(line: str) -> Iterator[tuple[re.Match, str]]:
    """(match, kind) for each credit form that fits this line; cheap tests first, since most
    lines are paragraphs of story."""
    head = line.lstrip()[:3]
    if len(line) <= 400:
        if head.startswith("Thi"):
            m = PRODUCED.match(line)
            if m:
                yield m, "produced"
        if head == "By " or head.startswith("By"):
            m = BYLINE.match(line)
            if m:
                yield m, "byline"
        if len(line) <= 60:
            m = TRAILER.match(line)
            if m:
                yield m, "trailer"
        if head.startswith(("Cop", "©", "(c")):
            m = COPYRIGHT.match(line)
            if m:
                yield m, "trailer"
        if head.startswith("("):
            m = REPORTING.match(line)
            if m:
                yield m, "reporting"
    if "(" in line[:90]:
        m = DATELINE.match(line)
        if m and _dateline_ok(m):
            yield m, "dateline"
    tail = line[-40:]
    if "—" in tail or "–" in tail:
        m = TRAILER_INLINE.search(line, max(0, len(line) - 40))
        if m:
            yield m, "trailer"


def find_credits(text: str) -> list[Credit]:
    """Credit lines, bylines and wire datelines in ``text`` (raw offsets; their text is furniture)."""
    found: list[Credit] = []
    base = 0
    for raw_line in text.split("\n"):
        line, start = raw_line.rstrip("\r"), base
        base += len(raw_line) + 1
        if not line.strip():
            continue
        for m, form in _line_credits(line):
            span = _strip_span(text, (start + m.start(), start + m.end()))
            if form == "byline":
                credit = _byline(m, span)
                if credit is None:
                    continue
            elif form == "reporting":
                names = re.findall(r"by ([^;]+)", m.group("body"))
                credit = Credit(
                    text="", span=span, kind="credit_line", author=names[0].strip() if names else None
                )
            else:
                kind = "dateline" if form == "dateline" else "credit_line"
                outlet = m.group("outlet")
                # "produced by our newsroom" credits no outlet by name
                credit = Credit(
                    text="",
                    span=span,
                    kind=kind,
                    outlet=normalise_outlet(outlet) if outlet[:1].isupper() else None,
                )
            credit.text = text[span[0] : span[1]]  # exactly what the span names
            found.append(credit)
    found.sort(key=lambda c: c.span)
    return _drop_nested(found)


def _agency(name: str) -> bool:
    o = find_outlet(name)
    return o is not None and o.credit


def _byline(m: re.Match, span: tuple[int, int]) -> Credit | None:
    line = m.group()
    if len(line) > 160 or line.rstrip().endswith("."):
        return None  # a sentence that starts with "By", not a byline
    authors = re.split(r",\s*| and | & ", m.group("authors"))
    outlet = m.group("outlet")
    if outlet is None and authors and _agency(authors[-1]):
        outlet = authors.pop()
    elif outlet is None and _agency(authors[0]):  # "By Reuters"
        outlet, authors = authors[0], []
    return Credit(
        text="",
        span=span,
        kind="byline",
        outlet=normalise_outlet(outlet),
        author=", ".join(a.strip() for a in authors if a.strip()) or None,
    )


def _strip_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start] in " \t\n\r":
        start += 1
    while end > start and text[end - 1] in " \t\n\r":
        end -= 1
    return (start, end)


def _drop_nested(credits: list[Credit]) -> list[Credit]:
    out: list[Credit] = []
    for c in credits:
        if out and c.span[0] < out[-1].span[1]:
            continue
        out.append(c)
    return out


def outlet_and_author(credits: list[Credit]) -> tuple[str | None, str | None]:
    """Best outlet and author the credits name: a credit line beats a byline beats a dateline."""
    rank = {"credit_line": 0, "byline": 1, "dateline": 2}
    outlet = next((c.outlet for c in sorted(credits, key=lambda c: rank[c.kind]) if c.outlet), None)
    author = next((c.author for c in credits if c.kind == "byline" and c.author), None)
    return outlet, author
