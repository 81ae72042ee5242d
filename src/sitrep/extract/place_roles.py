"""Whether a place named in a sentence can pin an incident, and the words around it.

    >>> place_context("hit a base in Boulkessi, near the border with Burkina Faso.", 14, 23)
    ('in Boulkessi, near the border with Burkina Faso', 'in')

A country or a wide area ("the Sahel"), a border named as context, where a source sits ("a
municipal source at Mondoro"), where a person lives or the hospital a victim was taken to pins
nothing (``is_specific``); the cue word of the context ("near", "region") helps resolve it.
"""

from __future__ import annotations

import re

from sitrep.countries import country_names
from sitrep.records import PlaceMention
from sitrep.vocab_fr import FR_CLAIMANT_NOUNS

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
    ('in Boulkessi, near the border with Burkina Faso', 'in')
    """
    left = _CTX_LEFT.search(text[max(0, start - 60) : start])
    right = _CTX_RIGHT.match(text[end : end + 80])
    lo = start - len(left.group(0)) if left else start
    hi = end + (len(right.group(0)) if right else 0)
    ctx = text[lo:hi].strip(" ,")
    others = (text[lo:start] + " " + text[end:hi]).strip()
    cue = _CUE.search(others)
    return ctx, (cue.group(1).lower() if cue else None)
