"""Precision codes and Location building: exact / near / admin2 / admin1 / country / unknown.

ACLED ``geo_precision``: 1 the named town, 2 near a town or within a district, 3 a larger region
(provincial capital or centroid). UCDP GED ``where_prec``: 1 exact, 2 within 25 km of a known
point, 3 second-order division, 4 first-order division, 5 linear feature (river, road, border),
6 country, 7 international waters or airspace.

    >>> make_location("Boulkessi", "country", "not in the gazetteer", country_code="ML").where_prec
    6
"""

from __future__ import annotations

import math

from sitrep.records import Location
from sitrep.vocab import ACLED_GEO as ACLED
from sitrep.vocab import UCDP_WHERE as UCDP

NEAR_KM = 25.0


def make_location(name: str, precision: str, reason: str, linear: bool = False, **fields) -> Location:
    """A Location with its ACLED and UCDP precision codes filled from ``precision``."""
    loc = Location(name=name, precision=precision, reason=reason, **fields)
    loc.geo_precision = 3 if linear else ACLED[precision]
    loc.where_prec = 5 if linear else UCDP[precision]
    return loc


def place_precision(feature_class: str | None, feature_code: str | None, is_country: bool) -> str:
    """The precision a gazetteer entry of this kind gives."""
    if is_country:
        return "country"
    if feature_code == "ADM1":
        return "admin1"
    if feature_code in ("ADM2", "ADM3", "ADM4", "ADMD"):
        return "admin2"
    if feature_class in ("P", "S", "T", "V", "R", None):
        return "exact"
    return "unknown"  # rivers, lakes, regions: a reference point, no extent


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))
