"""The words place recognition reads around a name (connectors, division and feature words,
titles, organisation and job words, the cues that make a capitalised run a place), and the
folding every stop-list lookup goes through."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from sitrep.countries import country_table
from sitrep.geo.gazetteer import data_file
from sitrep.vocab import MONTH_ABBREVIATIONS
from sitrep.vocab import MONTHS as CALENDAR_MONTHS
from sitrep.vocab import WEEKDAYS as CALENDAR_WEEKDAYS

CONNECTORS = {
    "of",
    "de",
    "du",
    "des",
    "la",
    "le",
    "el",
    "al",
    "es",
    "sur",
    "the",
    "and",
    "upon",
    "da",
    "do",
    "dos",
}
ADMIN_WORDS = {
    "region": "region",
    "regions": "region",
    "province": "province",
    "provinces": "province",
    "state": "state",
    "district": "district",
    "districts": "district",
    "department": "region",
    "commune": "town",
    "county": "district",
    "governorate": "region",
    "prefecture": "region",
    "cercle": "district",
    "municipality": "town",
}
FEATURE_AFTER = {
    "river": "river",
    "lake": "lake",
    "basin": "lake",
    "valley": "region",
    "delta": "region",
    "mountains": "region",
    "desert": "region",
}
FEATURE_BEFORE = {"lake": "lake", "river": "river", "mount": "region", "gulf": "region", "mounts": "region"}
TOWN_WORDS = {
    "town": "town",
    "village": "village",
    "city": "city",
    "locality": "town",
    "commune": "town",
    "area": "area",
    "hamlet": "village",
    "camp": "town",
    "capital": "city",
    "outskirts": "near",
    "island": "area",
}
PLACE_ENTS = {"GPE", "LOC"}
NAME_ENTS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "FAC"}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "president",
    "minister",
    "sheikh",
    "imam",
    "sgt",
    "maj",
    "major",
    "prof",
    "sen",
    "rep",
    "gov",
    "king",
    "queen",
    "prince",
    "pope",
    "saint",
    "st",
    "sir",
    "lord",
    "lady",
    "cmdr",
    "commander",
}
MONTHS = {*CALENDAR_MONTHS, *MONTH_ABBREVIATIONS}
WEEKDAYS = set(CALENDAR_WEEKDAYS)
ORG_WORDS = {
    "centre",
    "center",
    "institute",
    "council",
    "foundation",
    "university",
    "command",
    "agency",
    "committee",
    "organisation",
    "organization",
    "association",
    "party",
    "front",
    "movement",
    "bank",
    "fund",
    "policy",
    "world",
    "news",
    "times",
    "post",
    "press",
    "media",
    "group",
    "company",
    "airlines",
    "club",
    "league",
    "forum",
    "alliance",
    "network",
    "service",
    "services",
    "radio",
    "television",
}
JOB_WORDS = {
    "analyst",
    "researcher",
    "professor",
    "expert",
    "fellow",
    "director",
    "head",
    "editor",
    "economist",
    "correspondent",
    "scientist",
    "lecturer",
    "specialist",
    "student",
    "works",
    "worked",
    "working",
    "consultant",
    "adviser",
    "advisor",
    "manager",
    "reporter",
    "journalist",
    "studies",
    "teaches",
}
RANKS = {
    "chief",
    "fire",
    "officer",
    "sheriff",
    "deputy",
    "mayor",
    "judge",
    "coroner",
    "detective",
    "sergeant",
}
ACRONYM_PLACES = {"us", "usa", "uk", "drc", "uae"}
# "the US Centers for Disease Control", "the Ohio Department of Health", "Quebec Premier X": a
# country or state named as the owner of a public body is still a place the text names.
INSTITUTION_WORDS = {
    "department",
    "ministry",
    "government",
    "governor",
    "premier",
    "parliament",
    "senate",
    "legislature",
    "assembly",
    "army",
    "navy",
    "police",
    "health",
    "centers",
    "federal",
    "food",
    "public",
    "provincial",
    "supreme",
    "attorney",
    "secretary",
    "minister",
    "national",
}
ACCEPT_CUES = {
    "region",
    "province",
    "state",
    "district",
    "town",
    "village",
    "city",
    "area",
    "near",
    "border",
    "river",
    "lake",
    "in",
    "at",
}
CUE_WORDS = {"in", "near", "at", "outside", "around", "from", "towards", "toward"}


NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)  # called for every capitalised word: words repeat
def fold(s: str) -> str:
    """Accent-, case- and punctuation-folded form of a word run (for the stop-lists)."""
    if not s.isascii():  # NFKD leaves ASCII as it is: only other text has marks to strip
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return NOT_WORD.sub(" ", s.lower()).strip()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    shipped = [
        w.strip() for w in data_file("stoplist.txt").splitlines() if w.strip() and not w.startswith("#")
    ]
    return frozenset({fold(w) for w in shipped} | MONTHS | WEEKDAYS | set(STOP_WORDS))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """'malian' -> 'ML' (hand-kept list in data/geo/country_names.tsv)."""
    return {fold(d): cc for cc, c in country_table().items() for d in c.demonyms}
