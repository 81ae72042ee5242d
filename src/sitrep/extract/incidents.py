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

from sitrep.countries import country_names
from sitrep.extract.dates import STAMPED
from sitrep.extract.event_types import EventType
from sitrep.records import Claim, DateInfo, PlaceMention
from sitrep.vocab import GROUP_OF, SAYING
from sitrep.vocab_fr import FR_CLAIMANT_NOUNS, FR_NEW_INCIDENT

# Wide areas that never pin an incident (besides countries).
BROAD_AREAS = {
    "sahel",
    "west africa",
    "africa",
    "east africa",
    "north africa",
    "lake chad basin",
    "lake chad",
    "middle east",
    "europe",
    "asia",
    "latin america",
    "the sahel",
    "sub-saharan africa",
    "horn of africa",
    "maghreb",
    "west africa's",
    "sahara",
}
CLAIMANT_NOUNS = {
    "source",
    "sources",
    "official",
    "officials",
    "resident",
    "residents",
    "activist",
    "employee",
    "worker",
    "spokesman",
    "spokesperson",
    "analyst",
    "expert",
    "specialist",
    "witness",
    "witnesses",
    "journalist",
    "doctor",
    "nurse",
    "mayor",
    "governor",
    "chief",
}
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|say|told|statement|statements|announced|acknowledged|reported|added|"
    r"confirmed|posted|wrote|tweeted|released|media|according to)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# A later step of the story, not the incident: arrests, charges, court, custody, a victim's state,
# a funeral or vigil, something still to come ("will be arraigned Thursday").
_PROCEDURE_BEFORE = re.compile(
    r"(?:\b(?:arrested|arrest|arrests|charged|arraigned|arraignment|booked|indicted|sentenced|"
    r"pleaded|convicted|court|judge|hearing|custody|jail|bond|funeral|vigil|memorial|updated|"
    r"published|scheduled|will|remains?\s+(?:in\s+)?(?:the\s+)?hospital(?:ized)?|remained|"
    r"(?:critical|stable|serious|fair|good)\s+condition|expected|comment|declined|"
    r"turn(?:ed|s)?\s+(?:himself|herself|themselves)\s+in(?:to)?)\b"
    r"(?:\s+[\w'’]+){0,2}|\(@\w+\))\s*,?\s*$",
    re.IGNORECASE,
)
_PROCEDURE_AFTER = re.compile(
    r"^\s*,?\s*(?:arrested|charged|arraigned|booked|indicted|identified|announced|named|filed)\b",
    re.IGNORECASE,
)
_EVENT_VERB = re.compile(
    r"\b(?:shot|shooting|killed|wounded|injured|attacked|died|happened|occurred|struck|fired|"
    r"stabbed|found)\b",
    re.IGNORECASE,
)
# "the Dec. 12 shooting", "Saturday's attack": the date names the event itself
_EVENT_AFTER = re.compile(
    r"^\s*(?:(?:fatal|deadly|double|triple|quadruple|mass|drive-by|accidental)\s+)*"
    r"(?:shootings?|attacks?|killings?|homicides?|slayings?|stabbings?|murders?|gunfire|incident)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:insurgenc(?:y|ies)|(?:a larger |the )?trend|on the rise|a host of|several attacks|"
    r"recent attacks|series of attacks|in recent years|has battled|have battled|are ruled by|"
    r"governed by|seized power|has established|have established|has been under siege|"
    r"escalating violence|growing insecurity|has been escalating|military coups?|uprising|"
    r"ongoing (?:battle|violence|conflict)|have expelled|were expelled)\b",
    re.IGNORECASE,
)
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
# Where a person lives ("Dale Rusk, 41, living in Yorktown", "a 24-year-old from the
# Carpentersville suburb"): not where the shooting happened, so it never pins or splits off an incident.
_RESIDENCE_BEFORE = re.compile(
    r"(?:\b(?:\d{1,3}|year-old|years old)\s*,?\s+(?:of|from)|\b(?:living|lives|lived|resides|resided|"
    r"residing)\s+in|\b(?:residents?|natives?)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_BORDER_AFTER = re.compile(r"^[\s\-]*border\b", re.IGNORECASE)
_BORDER_BEFORE = re.compile(r"border (?:with|between)\s+(?:the\s+)?$|\bbased$|-$", re.IGNORECASE)
_CTX_LEFT = re.compile(
    r"(?:(?:(?:near|along|close to)\s+)?the\s+border\s+with\s+|(?:(?:in|near|at|outside|of|from|"
    r"around|across|the|town|city|village|region|province|district|state|area|commune|"
    r"(?:north|south)?(?:-?(?:east|west))?(?:ern)?|central|neighbouring|neighboring|nearby|"
    r"north|south|east|west|town of|city of|historic|restive|malian|northern|southern)\s+)*)$",
    re.IGNORECASE,
)
_CTX_RIGHT = re.compile(
    r"^(?:\s+(?:and\s+\w+\s+)?(?:region|regions|province|provinces|district|state|area|town|city|"
    r"commune|border|base|camp))?(?:,?\s*(?:near|close to|north of|south of|east of|west of|"
    r"outside|in|about \d+ ?(?:km|kilometres|kilometers|miles) (?:from|north of|south of|east of|"
    r"west of))\s[^,.;]*)?",
    re.IGNORECASE,
)
_CUE = re.compile(
    r"\b(region|province|district|state|border|near|town|city|village|commune|in)\b", re.IGNORECASE
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


def is_speech_date(text_before: str, text_after: str = "") -> bool:
    """'said on Monday', 'in a statement released Monday': the date of a statement, not an event;
    so is the day of a later step ('was arrested Friday', 'appeared in court Tuesday', 'police on
    Sunday arrested', 'a vigil will be held Sunday') or an embedded post's stamp ('(@name) May 11').
    A date that names the event itself ('said the Dec. 12 shooting', "Saturday's attack") is kept."""
    if _EVENT_AFTER.match(text_after):
        return False
    speech = _SPEECH_BEFORE.search(text_before)
    # "police say the man was shot Sunday": the date is the shooting's, told by the police
    return bool(
        (speech and not _EVENT_VERB.search(speech.group(0)))
        or _PROCEDURE_BEFORE.search(text_before)
        or STAMPED.search(text_before[-60:])  # a page's own stamp: when it was written, not what it tells
        or _PROCEDURE_AFTER.match(text_after)
    )


# The verbs of saying and publishing: a date hanging on one of them is the statement's. Not
# claimants.SAY_VERBS, which credit a figure to a source ("put the toll at", "estimate", "count"):
# here publishing ("post", "release", "update") counts and estimating does not.
_SPEECH_LEMMAS = SAYING | {
    "comment",
    "explain",
    "issue",
    "note",
    "publish",
    "release",
    "speak",
    "tweet",
    "update",
}


def is_told_date(text_before: str, text_after: str, verb) -> bool:
    """'police say a man mishandled a gun Tuesday night': the words before the date look like
    speech, but the parse hangs the date on the act told (``verb``, the verb token it depends on),
    so it is the event's day; a later step ('was arrested Friday') never is."""
    return bool(
        verb is not None
        and verb.lemma_.lower() not in _SPEECH_LEMMAS
        and _SPEECH_BEFORE.search(text_before)
        and not _PROCEDURE_BEFORE.search(text_before)
        and not _PROCEDURE_AFTER.match(text_after)
        and not _EVENT_AFTER.match(text_after)
    )


def date_verb(span, start: int, end: int):
    """The verb token a date (``start``-``end``, offsets into the parsed doc) depends on, or None
    (a sentence not parsed, a date hanging on no verb: "an autopsy Monday")."""
    if span is None:
        return None
    found = span.doc.char_span(start, end, alignment_mode="expand")
    tok = found.root if found is not None and len(found) else None
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = None if tok.head is tok else tok.head
    return None


def told_in_past(verb) -> bool:
    """'deputies received a report Friday', 'who was shot Monday night': an act told in the past;
    'is to be arraigned Friday', 'is expected to come home Wednesday' are not, nor is a statement
    ('police released the names Sunday': its day is the statement's, not the act's)."""
    if verb is None or verb.lemma_.lower() in _SPEECH_LEMMAS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("MD", "TO") for c in auxes):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in auxes)


def is_background(text: str) -> bool:
    return bool(_BACKGROUND.search(text))


def is_specific(place: PlaceMention, sent_text: str, sent_start: int, doc=None) -> bool:
    """A place that can pin an incident: not a country or wide area, not the border named as
    context, not where a source sits ("a municipal source at Mondoro")."""
    name = place.text.lower().strip()
    if name in country_names() or name in BROAD_AREAS or name.removeprefix("the ") in BROAD_AREAS:
        return False
    s, e = place.span[0] - sent_start, place.span[1] - sent_start
    if _BORDER_AFTER.search(sent_text[e:]) or _BORDER_BEFORE.search(sent_text[:s]):
        return False
    if _at_care(place.text, sent_text[:s], sent_text[e:], doc):
        return False
    if _RESIDENCE_BEFORE.search(sent_text[max(0, s - 40) : s]):
        return False
    if doc is not None:
        span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        if span is not None and len(span):
            tok = span.root
            for _ in range(3):  # place -> prep -> noun: "source at Mondoro", "residents of X"
                tok = tok.head
                if tok.lower_ in CLAIMANT_NOUNS or tok.lower_ in FR_CLAIMANT_NOUNS:
                    return False
                if tok.dep_ in ("ROOT",) or tok.pos_ == "VERB":
                    break
    return True


# Where the wounded were taken ("Stroger Hospital", "a hospital in Temple"): never where the
# shooting happened, so it never pins (or splits off) an incident.
_CARE = r"(?:hospital|medical cent(?:er|re)|health cent(?:er|re)|trauma cent(?:er|re)|infirmary|clinic)"
_CARE_NAME = r"(?:'s)?(?:\s+(?:[A-Z][\w'.&-]*|&|of|and)){0,4}?\s+(?=[A-Z])(?i:" + _CARE + ")"
_CARE_AFTER = re.compile("^" + _CARE_NAME)
_CARE_BEFORE = re.compile(_CARE + r",?\s+(?:in|of|at)\s+$", re.IGNORECASE)
_TAKEN_TO = re.compile(r"\b(?:at|to)\s+$", re.IGNORECASE)


def _at_care(name: str, before: str, after: str, doc) -> bool:
    """A place named as a hospital: "Stroger Hospital", "a hospital in Temple", or "at Stroger"
    in an article (``doc``, whose text is read only then: spaCy rebuilds it) that names "Stroger
    Hospital" elsewhere."""
    if _CARE_AFTER.match(after[:60]) or _CARE_BEFORE.search(before[-40:]):
        return True
    if not _TAKEN_TO.search(before[-10:]):
        return False
    if re.search(_CARE + "$", name, re.IGNORECASE):  # "taken to Mercy Hospital"
        return True
    return doc is not None and bool(re.search(r"\b" + re.escape(name) + _CARE_NAME, doc.text))


def place_context(text: str, start: int, end: int) -> tuple[str, str | None]:
    """Words around a place (offsets into ``text``) that help resolve it, and its cue word.

    >>> place_context("hit a base in Boulkessi, near the border with Burkina Faso.", 14, 23)
    ('in Boulkessi, near the border with Burkina Faso', 'near')
    """
    left = _CTX_LEFT.search(text[max(0, start - 60) : start])
    right = _CTX_RIGHT.match(text[end : end + 80])
    lo = start - len(left.group(0)) if left else start
    hi = end + (len(right.group(0)) if right else 0)
    ctx = text[lo:hi].strip(" ,")
    others = (text[lo:start] + " " + text[end:hi]).strip()
    cue = _CUE.search(others)
    return ctx, (cue.group(1).lower() if cue else None)


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
