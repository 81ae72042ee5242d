"""Country outlines for the offline map: Natural Earth 1:110m via the world-atlas TopoJSON file.

The package ships ``assets/countries-110m.json`` (made once with ``build_outlines`` from the npm
package world-atlas 2.0.2, ``countries-110m.json``; see ``assets/NOTICE-outlines.txt``):

    >>> countries = load_outlines()            # [{"name": "Mali", "iso2": "ML", "rings": [...]}]

Each ring is a flat list ``[lon0, lat0, lon1, lat1, ...]`` rounded to 0.01 degree.

To rebuild: ``npm pack world-atlas`` in a temp dir, untar, then
``python -m sitrep.report.outlines package/countries-110m.json src/sitrep/report/assets/countries-110m.json``.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from importlib import resources

from sitrep.countries import country_table


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc of a quantized, delta-encoded TopoJSON topology."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Stitch a ring from arc indices (``~i`` is arc ``i`` reversed), dropping shared end points."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        points.extend(arc[1:] if points else arc)
    return points


def build_outlines(topology: dict) -> list[dict]:
    """Decode world-atlas ``countries`` into ``{"name", "iso2", "rings"}`` dicts."""
    by_numeric = {c.iso_numeric: code for code, c in country_table().items()}
    # Three Natural Earth units have no ISO numeric code; the gazetteer files them under these.
    by_name = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
    arcs = decode_arcs(topology)
    out = []
    for geom in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geom.get("arcs", [])], "MultiPolygon": geom.get("arcs", [])}.get(
            geom["type"], []
        )
        rings = []
        for polygon in polygons:
            for ring in polygon:
                flat = []
                for lon, lat in ring_points(ring, arcs):
                    flat += [round(lon, 2), round(lat, 2)]
                rings.append(flat)
        if rings:
            name = geom.get("properties", {}).get("name", "")
            iso2 = by_numeric.get(str(geom.get("id", ""))) or by_name.get(name, "")
            out.append({"name": name, "iso2": iso2, "rings": rings})
    return out


@lru_cache(maxsize=1)
def load_outlines() -> list[dict]:
    """The shipped country outlines (cached per process)."""
    path = resources.files("sitrep.report") / "assets" / "countries-110m.json"
    return json.loads(path.read_text(encoding="utf-8"))["countries"]


if __name__ == "__main__":  # one-off conversion, see the module docstring
    source, target = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as f:
        countries = build_outlines(json.load(f))
    with open(target, "w", encoding="utf-8") as f:
        json.dump(
            {
                "source": "Natural Earth 1:110m countries via world-atlas 2.0.2 (countries-110m.json)",
                "licence": "Natural Earth: public domain; world-atlas: ISC, Copyright 2013-2019 Michael Bostock",
                "countries": countries,
            },
            f,
            separators=(",", ":"),
        )
    print(f"{len(countries)} countries -> {target}")
