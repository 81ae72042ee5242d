"""Incidents as a GeoJSON FeatureCollection: one Point per incident that has coordinates.

>>> collection = incidents_geojson(incidents, articles)   # a dict, ready for json.dumps
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from sitrep.export.table import incident_row
from sitrep.records import Article, Incident


def incidents_geojson(incidents: Iterable[Incident], articles: dict[str, Article]) -> dict:
    """RFC 7946 FeatureCollection; coordinates are ``[lon, lat]`` and properties are the CSV row."""
    features = []
    for inc in incidents:
        loc = inc.location
        if (
            loc is None
            or loc.lat is None
            or loc.lon is None
            or not (math.isfinite(loc.lat) and math.isfinite(loc.lon))
        ):
            continue
        props = incident_row(inc, articles)
        props["location_precision"] = loc.precision
        features.append(
            {
                "type": "Feature",
                "id": inc.incident_id,
                "geometry": {"type": "Point", "coordinates": [float(loc.lon), float(loc.lat)]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}
