"""Split an article's sentences into incident mentions: the main incident and those in passing.

    >>> groups, context = split_mentions(sentences)   # [Group(sents=[1, 4, 5], ...)], [3, 17]

A sentence starts a new mention when it reports an event with a date or a specific place that no
earlier mention has ("On May 24, it said it had assaulted a base in Dioura"); it joins a mention
whose date or place it repeats ("In Timbuktu, the assailants hit...", even paragraphs later);
without a date or place of its own it continues the current mention. Background ("juntas that
seized power between 2020 and 2023"), history ("captured ... in 2012") and running totals
("since the start of May") join nothing and end the current mention. One sentence naming two
dated places ("in the Tahoua region on May 24 and the Dosso region on May 26") opens one mention
per place, and its figures become one claim shared by both. One shooting told in scattered parts
stays one mention: a page's "Posted/Updated" stamp dates nothing, page furniture ("Watch this
story") ends no story, and a sentence dated the next day or days later joins the story when it
names no new victim, no other place and no "separate" ("late Sunday" / "early Monday", the wounded
"remained hospitalized Tuesday").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.extract.event_types import EventType
from sitrep.records import Claim, DateInfo, PlaceMention
from sitrep.vocab import GROUP_OF
from sitrep.vocab_fr import FR_NEW_INCIDENT

# Words that announce another incident ("In a separate attack", "further claimed", "elsewhere").
# "The shooting happened about 3 p.m. Saturday", "Police said the attack occurred Friday": the
# story's own event dated again, never another incident.
_RESTATED = re.compile(
    r"^(?:[^,.;]{0,40}\b(?:said|say|says)(?: that)?\s+|according to [^,]{1,40},\s+)?the\s+"
    r"(?:shooting|attack|stabbing|killing|homicide|incident|gunfire|violence)\s+(?:happened|occurred"
    r"|took place|was reported|unfolded|erupted|broke out|started|began)\b",
    re.IGNORECASE,
)
# "Another victim", "a second man" are more victims of the same shooting, not another incident.
# "heard another single gunshot": one more shot of the same shooting, not another incident.
_PERSON_AFTER = (
    r"(?!(?:\s+[\w-]*\d[\w-]*|\s+(?:young|wounded|injured|male|female|teenage|single))*\s+(?:"
    + "|".join(sorted(GROUP_OF, key=len, reverse=True))
    + r"|victim|victims|shooting victim|shot|gunshot)s?\b)"
)
_NEW_INCIDENT = re.compile(
    r"\b(?:separate|(?:another|second)" + _PERSON_AFTER + r"|further|elsewhere|meanwhile|earlier|"
    r"in a different|also (?:attacked|claimed|killed|targeted))\b|" + FR_NEW_INCIDENT,
    re.IGNORECASE,
)
# "The shooting came hours after a man was killed in ...": the story set beside another incident,
# which the sentence tells in passing; the story goes on after it.
_ASIDE = re.compile(
    r"\b(?:comes|came)\s+(?:just\s+|only\s+|about\s+|nearly\s+|less than\s+|more than\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:hours?|days?|weeks?|months?|years?)\s+(?:after|before)\b",
    re.IGNORECASE,
)


@dataclass
class Sentence:
    """What the splitter needs to know about one sentence (clean offsets)."""

    idx: int
    start: int
    end: int
    text: str
    dates: list[DateInfo] = field(default_factory=list)  # event dates (not "said on Monday")
    date_keys: list[str] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    specific: list[PlaceMention] = field(default_factory=list)  # may pin an incident
    event: EventType | None = None
    claims: list[Claim] = field(default_factory=list)
    background: bool = False
    aggregate: bool = False
    heading: bool = False


@dataclass
class Group:
    """One incident mention under construction."""

    sents: list[int] = field(default_factory=list)
    date: DateInfo | None = None
    date_key: str | None = None
    places: list[PlaceMention] = field(default_factory=list)
    anchor: int = -1
    shared_with: list[int] = field(default_factory=list)  # sentences whose figures it shares


_COUNTY = re.compile(r"\s+(?:county|parish)$", re.IGNORECASE)


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    x, y = a.text.lower(), b.text.lower()
    # "Dunklin County" and "Dunklin": one county named in full and in short
    return x == y or fuzz.ratio(x, y) >= 85 or _COUNTY.sub("", x) == _COUNTY.sub("", y)


def _place_rel(group: Group, places: list[PlaceMention]) -> str:
    """'same' | 'compatible' (one side names no specific place, or only a county: a town
    may lie in it) | 'conflict'."""
    if not group.places or not places:
        return "compatible"
    if any(_same_place(p, q) for p in places for q in group.places):
        return "same"
    if all(_COUNTY.search(p.text) for p in places) != all(_COUNTY.search(q.text) for q in group.places):
        return "compatible"  # a town and a county: the town may lie in it
    return "conflict"


def _date_rel(group: Group, key: str | None) -> str:
    if group.date_key is None or key is None:
        return "compatible"
    if group.date_key == key or _within(key, group.date_key) or _within(group.date_key, key):
        return "same"
    a, b = group.date_key.split(":", 1)[0], key.split(":", 1)[0]
    # Unresolved words of different kinds ("Tuesday", "Jan. 27") may name the same day.
    return "conflict" if a == b else "compatible"


def _slots(s: Sentence) -> list[tuple[DateInfo | None, str | None, list[PlaceMention]]]:
    """The (date, place) pairs a sentence reports: several when it lists dated places."""
    dates = _one_per_day(s)
    if s.event is not None and len(dates) >= 2 and len(s.specific) >= 2:
        n = min(len(dates), len(s.specific))
        return [(dates[i][0], dates[i][1], [s.specific[i]]) for i in range(n)]
    d, k = _earliest(dates) if dates else (None, None)
    return [(d, k, s.specific)]


def _earliest(dates: list[tuple[DateInfo, str]]) -> tuple[DateInfo, str]:
    """The sentence's first date, or an earlier day within the week before it: "still in hospital
    Wednesday, recovering from Tuesday's shooting" is Tuesday's (the later day is news about it)."""
    first = dates[0]
    if not first[0].start:
        return first
    week = _days_after(first[0].start, -7)
    days = [x for x in dates if x[0].start and x[0].precision == "day" and week <= x[0].start]
    return min(days, key=lambda x: x[0].start, default=first)


def _one_per_day(s: Sentence) -> list[tuple[DateInfo, str]]:
    """(date, key) pairs, a weekday and the date right after it ("Monday, Jan. 11") as one: the date;
    a day told twice ("a Christmas Day shooting" in a headline run into the lead's) once."""
    out: list[tuple[DateInfo, str]] = []
    for d, k in zip(s.dates, s.date_keys):
        if any(k == seen for _, seen in out):
            continue
        prev = out[-1][0] if out else None
        if prev is not None and d.span and prev.span and 0 <= d.span[0] - prev.span[1] <= 2:
            out[-1] = (d, k)
        else:
            out.append((d, k))
    return out


def split_mentions(sents: list[Sentence]) -> tuple[list[Group], list[int]]:
    """Groups of sentences, one per incident mention, and the sentences kept only as context
    (aggregates and background)."""
    groups: list[Group] = []
    context: list[int] = []
    current: Group | None = None
    after_context = False  # the sentence before was background or a running total
    title: list[int] = []
    told_event = False  # a sentence so far (the title too) names a violent event
    # "A teen survived an encounter Saturday ...": a dated sentence with no event word and no
    # figure, before any mention, dates the first mention when that one names no day itself.
    loose: tuple | None = None
    for s in sents:
        told_event = told_event or s.event is not None
        if s.heading:
            if s.idx == sents[0].idx:
                title.append(s.idx)
                # "Girl, 3, killed Sunday in ...": a headline's day dates the first mention when
                # its text names none (the headline's place is not read: it is often coarse)
                loose = next(((s.idx, d, k, []) for d, k in _one_per_day(s) if d.start), None)
            if s.event is not None or s.dates or s.specific or s.claims:
                current = None  # a section's heading; page furniture ("Watch this story") is none
            continue
        if s.aggregate or s.background:
            context.append(s.idx)
            current, after_context = None, True
            continue
        slots = _slots(s)
        targets = []
        aside = bool(_ASIDE.search(s.text))
        for date, key, places in slots:
            if date is None and not places:
                if current is not None:
                    targets.append(current)
                elif s.event is not None and groups and not _NEW_INCIDENT.search(s.text):
                    # "Police said the four victims were on the porch" after a heading or a
                    # background sentence: no day, no place, no "separate": the story goes on
                    targets.append(groups[-1])
                elif s.event is not None:
                    current = _open(groups, s, date, key, places)
                    targets.append(current)
                elif _casualties(s) and not after_context and (groups or told_event or loose):
                    # "He was pronounced dead at 6:30 p.m." after a heading or a sentence shared by
                    # two mentions: the story told so far, or the first mention of an article
                    # whose title or text names a violent event (a road crash's dead are none).
                    targets.append(groups[-1] if groups else _open(groups, s, date, key, places))
                elif s.claims:
                    context.append(s.idx)
                continue
            match = _find(groups, key, places, current)
            story = current or (groups[-1] if groups else None)
            if story is not None and date is not None and date.start and _RESTATED.search(s.text):
                # "The shooting happened about 3 p.m. Saturday": the story's own day, told again
                # (and told plainly: it wins over a day read from a heading or a statement)
                story.date, story.date_key, match = None, None, story
            if match is None and key is None and current is not None and not _NEW_INCIDENT.search(s.text):
                # a new place, no new date, no "separate": the same incident, unless set beside it
                match = None if aside else current
            if match is None and current is not None and current.date_key is None and key is not None:
                if not _NEW_INCIDENT.search(s.text):
                    match = current  # the story's first day ("shot Wednesday on Elm Road")
            if match is None and current is not None and _next_day(s, date, places, current):
                match = current  # "late Sunday" and "early Monday", "yesterday's shooting"
            if match is None and current is not None and _later_news(s, date, current):
                targets.append(current)  # the story's victim died later: the shooting keeps its day
                continue
            if match is None and (s.event is not None or s.claims):
                match = _open(groups, s, date, key, places)
            if match is None:
                if date is not None and date.start:
                    if current is not None and current.date_key is None:
                        # "It happened about 2 p.m. Tuesday at ...": the day of the story so far
                        _fill(current, date, key, [])
                        targets.append(current)
                    elif not groups and loose is None:
                        loose = (s.idx, date, key, places)
                continue
            _fill(match, date, key, places)
            targets.append(match)
        for g in targets:
            if s.idx not in g.sents:
                g.sents.append(s.idx)
            if len(targets) > 1:
                g.shared_with.append(s.idx)
        if targets and not (aside and current is not None and current not in targets):
            current = targets[-1] if len(targets) == 1 else None  # after an aside the story goes on
            after_context = False
        if loose is not None and groups:
            if groups[0].date_key is None:
                _fill(groups[0], *loose[1:])
                if loose[0] not in title:
                    groups[0].sents.insert(0, loose[0])
            loose = None
    if groups and title:
        groups[0].sents[:0] = title
    return groups, context


# The story's victims days later: in hospital, in court, mourned ("Two of the wounded remained
# hospitalized Tuesday"), not another incident
_LATER_NEWS = re.compile(
    r"\b(?:remain(?:s|ed)?|still|listed|hospitali[sz]ed|(?:critical|serious|stable|fair|good)\s+"
    r"condition|released|recovering|pronounced dead|arraigned|court|judge|funeral|vigil)\b",
    re.IGNORECASE,
)


def _later_news(s: Sentence, date, g: Group) -> bool:
    """A death, or news of the victims or the case, days after the shooting the story tells."""
    if _died_later(s, date, g):
        return True
    return (
        bool(_LATER_NEWS.search(s.text))
        and not _NEW_INCIDENT.search(s.text)
        and not any(c.reference == "additional" for c in s.claims)
        and date is not None
        and g.date is not None
        and bool(date.start and g.date.start)
        and g.date.start < date.start <= _days_after(g.date.start, 60)
    )


def _next_day(s: Sentence, date, places, g: Group) -> bool:
    """A day next to the story's, at no other place, naming no new victim and no "separate":
    the story's shooting dated once more (a late-night shooting is "Sunday" and "Monday")."""
    if date is None or g.date is None or not (date.start and g.date.start) or g.date.precision != "day":
        return False
    gap = abs((dt.date.fromisoformat(date.start[:10]) - dt.date.fromisoformat(g.date.start[:10])).days)
    return (
        gap <= 1
        and date.precision == "day"
        and _place_rel(g, places) != "conflict"
        and not _NEW_INCIDENT.search(s.text)
        and not any(c.reference != "same" for c in s.claims if c.what in ("killed", "wounded"))
    )


def _died_later(s: Sentence, date, g: Group) -> bool:
    """ "Marcus Hale died Tuesday at a hospital" after a shooting told on Sunday: a death days
    after the shooting the story tells, not another incident (no event word of its own)."""
    return (
        # no event word of its own, or one told of the victims already named ("The older boy,
        # who was shot in the chest, was pronounced dead Monday")
        (s.event is None or all(c.reference == "same" for c in s.claims))
        and bool(s.claims)
        and all(c.what == "killed" for c in s.claims)
        and date is not None
        and g.date is not None
        and bool(date.start and g.date.start)
        and g.date.start < date.start <= _days_after(g.date.start, 60)
    )


def _days_after(day: str, n: int) -> str:
    return (dt.date.fromisoformat(day[:10]) + dt.timedelta(days=n)).isoformat()


def _casualties(s: Sentence) -> bool:
    """Someone killed or hurt in this incident (not a running total, not "no one was hurt")."""
    return any(
        c.what in ("killed", "wounded") and c.scope == "incident" and not c.negated and c.low
        for c in s.claims
    )


def _open(groups: list[Group], s: Sentence, date, key, places) -> Group:
    g = Group(anchor=s.idx)
    _fill(g, date, key, places)
    groups.append(g)
    return g


def _within(key: str, wider: str) -> bool:
    """A day key inside a wider day range: "Sunday morning" in "this weekend" or "last week"."""
    if not (key.startswith("day:") and wider.startswith("day:")):
        return False
    (a, b), (lo, hi) = key[4:].split("/"), wider[4:].split("/")
    span = dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)
    # a month is too wide: "this month" in a story also holds other cases' days
    return lo <= a <= b <= hi and (a, b) != (lo, hi) and span.days <= 9


def _fill(g: Group, date, key, places) -> None:
    if key is not None and g.date_key is not None and _within(key, g.date_key):
        # the day a coarse date ("this weekend", "last week", "last night") turns out to be
        texts = g.date.text + [t for t in date.text if t not in g.date.text]
        g.date, g.date_key = date.model_copy(deep=True, update={"text": texts}), key
    elif g.date_key is None and key is not None:
        g.date, g.date_key = date.model_copy(deep=True), key
    elif key is not None and key == g.date_key and date.text[0] not in g.date.text:
        g.date.text.append(date.text[0])  # every wording of the date: "on Sunday", "Sunday's"
    for p in places:
        if not any(_same_place(p, q) for q in g.places):
            g.places.append(p)


def _find(groups: list[Group], key, places, current: Group | None) -> Group | None:
    """The mention a dated/placed sentence belongs to: one that repeats its date or place and
    conflicts on neither; else the current mention if nothing conflicts."""
    for g in reversed(groups):
        d, p = _date_rel(g, key), _place_rel(g, places)
        if "conflict" not in (d, p) and "same" in (d, p):
            return g
    if current is not None and "conflict" not in (_date_rel(current, key), _place_rel(current, places)):
        return current
    if groups and groups[-1].date_key is None and not groups[-1].places:
        return groups[-1]  # a mention with neither date nor place yet takes the first ones
    return None
