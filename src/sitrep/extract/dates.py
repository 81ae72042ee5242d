"""Dates in news text, resolved against the publication date.

    >>> resolve_date("on Sunday", "2025-06-03").start          # a Tuesday article
    '2025-06-01'
    >>> [d.text for d in find_dates("On May 24, it said it had assaulted a base")]
    ['On May 24']

Rules (documented choices):
- A weekday names the most recent such day on or before publication: "on Monday" in a Monday
  wire story is that same day (wire copy dates same-day events by weekday); "last Friday" is
  strictly before publication (a week ago when published on a Friday). The day after
  publication is the exception: a bare "Friday" in a Thursday story is tomorrow (a hearing, a
  funeral, or news dated the evening before), as stories say "last Friday" for six days ago.
- "May 24" without a year is that year's May 24, or the previous year's when it would fall more
  than a month after publication (a date a few days ahead is a hearing or a funeral to come). "mid-May" is 11-20 May, "early May" / "the start of May" 1-10, "late May" /
  "the end of May" 21-end (precision ``part_of_month``).
- A holiday names its day: "on Christmas night", "New Year's Eve", "Thanksgiving Day" (the
  fourth Thursday of November), "Memorial Day", "Labor Day", "Easter Sunday": the one on or
  before publication (or the next day's, as for a weekday); never the season ("Thanksgiving
  weekend", "Christmas lights").
- A full date that is the page's own stamp ("October 3, 2021 9:42 PM" on its own line, "By Staff
  | June 20, 2016 at 5:09PM", "(May 6, 2022) –") dates no event (``is_stamp``).
- A weekday read as the day after publication but told in the past tense ("deputies received a
  report Friday" in a Thursday story) is six days back, except the first hours after midnight
  ("early Friday": a story stamped the evening before its news) (``past_weekday``).
- "last week" is the Monday-Sunday week before publication; "last month" the calendar month
  before; "recent weeks/days/months/years" stays ``unknown`` with a ``window`` ending at
  publication.
- Without a publication date, relative words are kept (``text``, ``relative=True``) and
  ``start``/``end`` stay null for the merge stage to fill.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from sitrep.records import DateInfo, parse_day

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_PART = r"(?:mid|early|late|the\s+(?:start|beginning|middle|end)\s+of|(?:the\s+)?(?:start|beginning|middle|end)\s+of)"
_TOD = r"(?:\s+(?:morning|afternoon|evening|night))?"

# Days news names by their holiday ("a Christmas night shooting", "on New Year's Eve"): a bare
# "Christmas" or "Fourth of July" counts after "on" or before a time of day ("like the Fourth of
# July out here" is no date), and never the season around it ("Thanksgiving weekend").
_FEAST_DAY = (
    r"New\s+Years?[’']?s?\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day)|Valentine[’']?s?\s+Day|"
    r"Independence\s+Day|Memorial\s+Day|Labor\s+Day|Thanksgiving\s+Day|Easter\s+Sunday"
)
_FEAST = r"Christmas|Easter|Fourth\s+of\s+July|July\s+Fourth|Halloween|Thanksgiving"
_HOLIDAY = (
    rf"(?:\b(?:(?:on|since|by)\s+(?:the\s+)?)?({_FEAST_DAY}){_TOD}|\bon\s+(?:the\s+)?({_FEAST}){_TOD}"
    rf"|\b({_FEAST})\s+(?:morning|afternoon|evening|night))(?:,?\s+({_YEAR}))?\b"
    r"(?![\s-]+(?:weekend|holiday|break|season|time|lights|shopping|sales?|parade|festivities|tree))"
)

# Order matters: longer forms first; each alternative is one named group.
_PATTERNS = [
    ("range", rf"\b(?:between|from)\s+({_YEAR})\s+(?:and|to)\s+({_YEAR})\b"),
    ("part", rf"\b(?:in\s+|since\s+|by\s+)?({_PART})[\s-]*({_MONTH})(?:,?\s+({_YEAR}))?\b"),
    ("mday", rf"\b(?:on\s+|since\s+|by\s+)?({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+({_YEAR}))?\b"),
    (
        "dmon",
        rf"\b(?:on\s+|since\s+|by\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+({_YEAR}))?\b",
    ),
    ("iso", rf"\b({_YEAR})-(\d\d)-(\d\d)\b"),
    ("holiday", _HOLIDAY),
    ("wday", rf"\b(?:(?:on|last|this|past|since|by)\s+)?({_WDAY})(?:'s|’s)?{_TOD}\b"),
    ("month", rf"\b(?:in|since|during|by|last|this|early|late)\s+({_MONTH})(?:\s+({_YEAR}))?\b(?![\s-]*\d)"),
    ("monyear", rf"\b({_MONTH})\s+({_YEAR})\b"),
    (
        "rel",
        r"\b(?:(?:in|over|during)\s+)?(?:the\s+)?(?:recent|past|last|previous|coming)\s+(?:few\s+)?(days|weeks|months|years)\b",
    ),
    ("rel", r"\b(?:earlier\s+this|last|this|past|since\s+last)\s+(week|month|year|weekend)\b"),
    (
        "rel",
        r"\b(yesterday|today|tonight|overnight|this\s+morning|this\s+afternoon|this\s+evening|last\s+night)\b",
    ),
    ("year", rf"\b(?:in|since|during|by|of)\s+({_YEAR})\b"),
]
_RX = re.compile("|".join(f"(?P<{kind}{i}>{rx})" for i, (kind, rx) in enumerate(_PATTERNS)), re.IGNORECASE)


@dataclass
class DateMatch:
    """A date expression found in a sentence: offsets into the text searched."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple = ()
    since: bool = False  # "since the start of May": the beginning of a running total


def find_dates(text: str) -> list[DateMatch]:
    """Date expressions in ``text``, left to right.

    >>> [(d.text, d.kind) for d in find_dates("in mid-May and on Sunday")]
    [('in mid-May', 'part'), ('on Sunday', 'wday')]
    """
    out = []
    for m in _RX.finditer(text):
        kind = re.sub(r"\d+$", "", m.lastgroup or "")
        s = m.group(0)
        if kind in ("month", "monyear") and not _month_ok(m.group(0)):
            continue
        since = s.lower().startswith("since") or text[
            max(0, m.start() - 6) : m.start()
        ].lower().strip().endswith("since")
        groups = tuple(g for g in m.groups()[m.re.groupindex[m.lastgroup] :] if g is not None)
        out.append(DateMatch(m.start(), m.end(), s, kind, groups, since))
    return out


# A page's own stamp: "October 27, 2013 11:16 AM" on its own line, "By Staff | June 20, 2016 at
# 5:09PM", "Updated: March 3, 2017", "(May 2, 2014) –": the day the page was written, not a day
# of its news.
STAMP_WORDS = r"posted|updated|published|(?:last\s+)?modified"  # the words before a page's own stamp
_STAMP_BEFORE = re.compile(rf"(?:^|\||\b(?:{STAMP_WORDS})\b[^|.]{{0,12}})[\s:,(–—-]*$", re.I)
# the stamp word right before a date, its weekday between ("Posted: Sunday, Nov. 30, 2014")
STAMPED = re.compile(rf"\b(?:{STAMP_WORDS})\b\s*(?:on\s+)?:?\s*(?:[A-Za-z]+\.?,?\s+)?$", re.I)
_STAMP_AFTER = re.compile(
    r"^[\s,;:)–—-]*(?:(?:at|@)\s*)?(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\b\.?)?\s*(?:[A-Z]{2,4}\b)?)?[\s.)]*$"
    r"|^\)\s*[–—-]",  # "(April 3, 2014) – Police said ...": a bracketed stamp before the story
    re.I,
)


def is_stamp(text: str, m: DateMatch) -> bool:
    """Whether ``m``, a full date with its year, is the page's stamp rather than a day of its news.

    >>> is_stamp("March 3, 2017 10:15 AM", find_dates("March 3, 2017 10:15 AM")[0])
    True
    """
    has_year = m.kind in ("mday", "dmon") and len(m.groups) > 2 or m.kind == "iso"
    return has_year and bool(_STAMP_BEFORE.search(text[: m.start]) and _STAMP_AFTER.match(text[m.end :]))


def _month_ok(s: str) -> bool:
    # "May" is also a verb: "in May" / "May 2025" only count with a capital M.
    word = re.search(_MONTH, s, re.IGNORECASE).group(0)
    return word[0].isupper()


def _iso(d: date) -> str:
    return d.isoformat()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


# "due in court Nov. 25" in a Nov. 22 story is three days ahead, not last year's Nov. 25
_AHEAD_DAYS = 31


def _year_for(month: int, day: int, pub: date, ahead: int = 0) -> int:
    """The year that puts month/day on or before publication, or at most ``ahead`` days after it
    (a hearing, a funeral still to come)."""
    y = pub.year
    try:
        return y - 1 if (date(y, month, day) - pub).days > ahead else y
    except ValueError:
        return y


def _info(start, end, precision, text, reason, relative=False, window=None) -> DateInfo:
    return DateInfo(
        start=_iso(start) if start else None,
        end=_iso(end) if end else None,
        precision=precision,
        text=[text],
        relative=relative,
        reason=reason,
        window=window,
    )


def resolve_date(text: str, published: str | None) -> DateInfo:
    """Resolve one date expression against the publication date (ISO string or None).

    >>> resolve_date("mid-May", "2025-06-02").start, resolve_date("mid-May", "2025-06-02").end
    ('2025-05-11', '2025-05-20')
    >>> resolve_date("last Friday", None).start is None
    True
    """
    found = find_dates(text)
    if not found:
        return DateInfo(text=[text.strip()], precision="unknown", reason="no date expression")
    m = found[0]
    pub = parse_day(published)
    groups = list(m.groups)
    words = m.text.strip()
    low = words.lower()
    try:
        return _resolve(m.kind, groups, words, low, pub)
    except (ValueError, OverflowError) as exc:  # "February 30"; "last Sunday" before 0001-01-01
        return DateInfo(text=[words], precision="unknown", reason=f"invalid date: {exc}")


def _resolve(kind, g, words, low, pub: date | None) -> DateInfo:
    nopub = "no publication date: words kept for the merge stage"
    if kind == "range":
        a, b = int(g[0]), int(g[1])
        return _info(date(a, 1, 1), date(b, 12, 31), "year", words, "year range")
    if kind == "year":
        y = int(g[0])
        return _info(date(y, 1, 1), date(y, 12, 31), "year", words, "year")
    if kind == "iso":
        d = date(int(g[0]), int(g[1]), int(g[2]))
        return _info(d, d, "day", words, "ISO date")
    if kind in ("mday", "dmon"):
        mon, day = (g[0], g[1]) if kind == "mday" else (g[1], g[0])
        mon, day = _month_num(mon), int(day)
        year = int(g[2]) if len(g) > 2 and g[2] else None
        if year is None and pub is None:
            return _info(None, None, "day", words, nopub, relative=True)
        year = year or _year_for(mon, day, pub, ahead=_AHEAD_DAYS)
        d = date(year, mon, day)
        return _info(d, d, "day", words, "month and day", relative=len(g) < 3 or not g[2])
    if kind in ("part", "month", "monyear"):
        part = g[0].lower() if kind == "part" else None
        mon = _month_num(g[1] if kind == "part" else g[0])
        ygroup = g[2] if kind == "part" and len(g) > 2 else (g[1] if kind != "part" and len(g) > 1 else None)
        if ygroup is None and pub is None:
            prec = "part_of_month" if part else "month"
            return _info(None, None, prec, words, nopub, relative=True)
        if part is None:
            lo = 1
        elif part.startswith("mid") or "middle" in part:
            lo = 11
        elif part.startswith("early") or "start" in part or "beginning" in part:
            lo = 1
        else:
            lo = 21
        # the span must have begun by publication: "mid-May" in a 1 May story is last year's
        year = int(ygroup) if ygroup else _year_for(mon, lo, pub)
        last = calendar.monthrange(year, mon)[1]
        hi = {1: 10, 11: 20, 21: last}[lo]
        if part is None:
            return _info(
                date(year, mon, 1), date(year, mon, last), "month", words, "month", relative=not ygroup
            )
        return _info(
            date(year, mon, lo),
            date(year, mon, hi),
            "part_of_month",
            words,
            f"{part} {calendar.month_name[mon]}",
            relative=not ygroup,
        )
    if kind == "holiday":
        year = int(g[1]) if len(g) > 1 else None  # (the holiday's name, its year if given)
        if year is None and pub is None:
            return _info(None, None, "day", words, nopub, relative=True)
        # the holiday on or before publication (or the next day's, as for a weekday)
        year = year or next(
            y for y in (pub.year, pub.year - 1) if holiday_day(low, y) <= pub + timedelta(days=1)
        )
        d = holiday_day(low, year)
        return _info(d, d, "day", words, "holiday", relative=len(g) < 2)
    if kind == "wday":
        wd = WEEKDAYS[g[0].lower()]
        if pub is None:
            return _info(None, None, "day", words, nopub, relative=True)
        back = (pub.weekday() - wd) % 7
        if back == 0 and low.startswith(("last", "past")):
            back = 7
        if back == 6 and not low.startswith(("last", "past")):
            # a story says "last Friday" for six days ago; a bare "Friday" in a Thursday story is
            # tomorrow (a hearing, a funeral) or a story dated the evening before its news
            d = pub + timedelta(days=1)
            return _info(d, d, "day", words, "weekday after publication", relative=True)
        d = pub - timedelta(days=back)
        return _info(d, d, "day", words, "weekday before publication", relative=True)
    if kind == "rel":
        return _relative(g[0].lower(), words, low, pub)
    return DateInfo(text=[words], reason="unrecognised")


_FIXED_FEASTS = {
    "new year": (1, 1),  # "New Year's Eve" is caught first
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "valentine": (2, 14),
    "independence": (7, 4),
    "july": (7, 4),
    "halloween": (10, 31),
}


def holiday_day(words: str, year: int) -> date:
    """The day a holiday named in ``words`` (lower case) falls on in ``year``.

    >>> holiday_day("thanksgiving night", 2024).isoformat()
    '2024-11-28'
    """
    if "eve" in words.split() and "new year" in words:
        return date(year, 12, 31)
    if "thanksgiving" in words:  # the fourth Thursday of November
        return date(year, 11, 1) + timedelta(days=(3 - date(year, 11, 1).weekday()) % 7 + 21)
    if "memorial" in words:  # the last Monday of May
        return date(year, 5, 31) - timedelta(days=date(year, 5, 31).weekday())
    if "labor" in words:  # the first Monday of September
        return date(year, 9, 1) + timedelta(days=(7 - date(year, 9, 1).weekday()) % 7)
    if "easter" in words:
        return easter(year)
    # whole words: "Christmas evening" is Christmas, not its eve
    month, day = next(md for key, md in _FIXED_FEASTS.items() if re.search(rf"\b{key}\b", words))
    return date(year, month, day)


# The first hours after midnight: "early Friday", "Friday morning" in a story stamped Thursday
# evening are the next day's news, whatever the tense.
_FIRST_HOURS = re.compile(r"\b(?:early|morning|dawn|midnight|overnight|wee hours)\b", re.IGNORECASE)


def past_weekday(info: DateInfo, before: str) -> DateInfo:
    """A weekday read as the day after publication (``resolve_date``) but told in the past tense
    ("deputies received a report Friday" in a Thursday story) is six days back; the first hours
    of the next day ("early Friday", words ``before`` the date) stay the next day.

    >>> past_weekday(resolve_date("Friday night", "2022-09-15"), "a man was shot ").start
    '2022-09-09'
    """
    if info.reason != "weekday after publication" or _FIRST_HOURS.search(before[-25:] + " " + info.text[0]):
        return info
    d = date.fromisoformat(info.start) - timedelta(days=7)
    return _info(d, d, "day", info.text[0], "weekday before publication (told in the past)", relative=True)


_WINDOW_DAYS = {"days": 7, "weeks": 28, "months": 92, "years": 3 * 365}


def _relative(unit: str, words: str, low: str, pub: date | None) -> DateInfo:
    if unit in _WINDOW_DAYS:  # "recent weeks": no date, only a window
        if pub is None:
            return _info(None, None, "unknown", words, "vague: no publication date", relative=True)
        win = (_iso(pub - timedelta(days=_WINDOW_DAYS[unit])), _iso(pub))
        return _info(None, None, "unknown", words, f"vague: recent {unit}", relative=True, window=win)
    if pub is None:
        prec = {"week": "week", "weekend": "week", "month": "month", "year": "year"}.get(unit, "day")
        return _info(None, None, prec, words, "no publication date: words kept", relative=True)
    if unit in ("yesterday",):
        d = pub - timedelta(days=1)
        return _info(d, d, "day", words, "day before publication", relative=True)
    if unit in ("today", "tonight", "this morning", "this afternoon", "this evening") or unit.startswith(
        "this "
    ):
        return _info(pub, pub, "day", words, "publication day", relative=True)
    if unit == "overnight":
        # "shot overnight" in the next day's news: a night's shootings are mostly told (and
        # logged) after midnight, so the early hours of the publication day
        return _info(pub, pub, "day", words, "the night ending on the publication day", relative=True)
    if unit == "last night":
        d = pub - timedelta(days=1)
        return _info(d, pub, "day", words, "night before publication", relative=True)
    this = low.startswith(("this", "earlier this"))
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday())
        if unit == "weekend":
            # "this weekend" in a report is the weekend it is published in or just after
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7) if this else monday - timedelta(days=2)
            return _info(sat, min(sat + timedelta(days=1), pub), "week", words, "weekend", relative=True)
        if this:
            return _info(monday, pub, "week", words, "this week", relative=True)
        return _info(
            monday - timedelta(days=7),
            monday - timedelta(days=1),
            "week",
            words,
            "the week before publication",
            relative=True,
        )
    if unit == "month":
        first = pub.replace(day=1)
        if this:
            return _info(first, pub, "month", words, "this month", relative=True)
        prev_last = first - timedelta(days=1)
        return _info(
            prev_last.replace(day=1), prev_last, "month", words, "the month before publication", relative=True
        )
    if unit == "year":
        y = pub.year if this else pub.year - 1
        return _info(
            date(y, 1, 1), date(y, 12, 31) if not this else pub, "year", words, "year", relative=True
        )
    return DateInfo(text=[words], reason="unrecognised")
