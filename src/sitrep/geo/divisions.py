"""Gazetteer rows beyond towns, countries and states: second-order divisions and the regions that
compass-named divisions share.

- ``admin2_rows``: GeoNames' second-order divisions (counties, districts, a region's provinces:
  "Suffolk", "Pangasinan", "Santa Clara County") from the shipped ``data/geo/admin2.tsv``, with
  their GeoNames ids (``make_admin2.py`` says where their points come from).
- ``compass_regions``: a name that several first-level divisions of one country carry after a
  compass word ("North/South/West Darfur", "West/Central/East Java") is the region they make up,
  read as news writes it ("Darfur", "Java"); its point is the middle of those divisions' points and
  it has no GeoNames id (a negative local id), since no packaged source lists such regions.

Each returns ``(places, names)``: place rows in the gazetteer's column order and ``(name, gid, kind)``.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

COMPASS = re.compile(
    r"^(?:north|south|east|west|central|northern|southern|eastern|western|nord|sud) (.+)$", re.I
)
# names a division's short form must keep: "Scott County" is never just "Scott" (the town)
KEEP_WHOLE = ("county", "parish", "borough")


def admin2_lines(text: str) -> list[list[str]]:
    """The fields of admin2.tsv's ``text``, a list per division: country, admin1, admin2, GeoNames
    id, lat, lon, population, name (the file's one reader)."""
    return [line.split("\t") for line in text.splitlines()[1:]]


def admin2_rows(text: str, short) -> tuple[list[tuple], list[tuple]]:
    """Rows for the divisions of admin2.tsv's ``text``; ``short`` cuts a division word ("Bokaro
    District" -> "Bokaro")."""
    places, names = [], []
    for cc, admin1, admin2, gid, lat, lon, pop, name in admin2_lines(text):
        g = int(gid)
        places.append((g, name, float(lat), float(lon), "A", "ADM2", cc, admin1, admin2, int(pop), "default"))
        names.append((name, g, "name"))
        cut = short(name)
        if cut and not name.lower().endswith(KEEP_WHOLE):
            names.append((cut, g, "alt"))
    return places, names


def compass_regions(divisions: list[tuple[str, str, str, float, float, int]], first_id: int):
    """Regions from first-level divisions ``(country, admin1 code, name, lat, lon, population)``
    (a division may come twice, under its local and its English name); a name the country already
    uses for a division is left to it ("Virginia" beside "West Virginia"). Local ids count down
    from ``first_id``."""
    taken = {(cc, name.lower()) for cc, _, name, *_ in divisions}
    groups = defaultdict(dict)
    for cc, code, name, lat, lon, pop in divisions:
        m = COMPASS.match(name)
        if m:
            old = groups[(cc, m.group(1))].get(code)
            groups[(cc, m.group(1))][code] = (lat, lon, max(pop, old[2] if old else 0))
    places, names = [], []
    for (cc, name), by_code in sorted(groups.items()):
        members = list(by_code.values())
        if len(members) < 2 or (cc, name.lower()) in taken:
            continue
        gid = first_id - len(places)
        lat = statistics.fmean(m[0] for m in members)
        lon = statistics.fmean(m[1] for m in members)
        places.append(
            (gid, name, lat, lon, "L", "RGN", cc, None, None, sum(m[2] for m in members), "default")
        )
        names.append((name, gid, "name"))
    return places, names
