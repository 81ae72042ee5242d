"""The offline map: an inline SVG of country outlines with one marker per incident.

    >>> svg = render_map(incidents)      # Markup; no tiles, fonts or scripts needed

Projection: equirectangular, with longitudes shrunk by cos(mid-latitude) so the mapped region keeps
its shape. The view fits the incidents (never narrower than a few hundred km), so a cluster in the
Sahel is drawn at a readable scale and a worldwide run shows the world.
"""

from __future__ import annotations

import math

from sitrep.countries import country_table
from sitrep.records import Incident
from sitrep.report.markup import Markup, dom_id, el, join
from sitrep.report.outlines import load_outlines
from sitrep.report.words import (
    EVENT_TYPES,
    GEO_PRECISION,
    country_name,
    figure_range,
    type_colour,
    type_label,
)

WIDTH = 1000.0
KM_PER_DEGREE = 111.2
# Radius of the uncertainty ring: how far the true place may be from the point drawn.
RING_KM = {"near": 15, "admin2": 40, "admin1": 150, "unknown": 150}


def ring_km(incident: Incident) -> float | None:
    """Ring radius for an imprecise place, or None when the place itself is known."""
    loc = incident.location
    if loc is None or loc.precision == "exact":
        return None
    if loc.precision == "country":
        country = country_table().get(loc.country_code or "")
        area = country.area_km2 if country else None
        return min(math.sqrt(area / math.pi), 900) if area else 400
    return RING_KM.get(loc.precision, 150)


def marker_radius(incident: Incident) -> float:
    """Marker size grows with the square root of the fatalities (best, else low)."""
    fig = incident.fatalities
    n = fig.best if fig.best is not None else (fig.low or 0)
    return min(4.0 + 1.6 * math.sqrt(max(n, 0)), 24.0)


class Projection:
    """Fits a lon/lat box into a WIDTH-wide SVG user space."""

    def __init__(self, lon0: float, lat0: float, lon1: float, lat1: float):
        self.kx = math.cos(math.radians(max(min((lat0 + lat1) / 2, 70), -70)))
        self.scale = WIDTH / ((lon1 - lon0) * self.kx)
        self.lon0, self.lat1 = lon0, lat1
        self.height = (lat1 - lat0) * self.scale
        self.box = (lon0, lat0, lon1, lat1)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.lon0) * self.kx * self.scale, (self.lat1 - lat) * self.scale

    def km(self, km: float) -> float:
        return km / KM_PER_DEGREE * self.scale


def fit_view(points: list[tuple[float, float, float]]) -> Projection:
    """A view around (lon, lat, ring_km) points, padded, at least ~8 degrees tall, aspect 0.45-0.7."""
    if not points:
        return Projection(-180, -58, 180, 84)
    pad = [p[2] / KM_PER_DEGREE for p in points]
    lon0 = min(p[0] - d for p, d in zip(points, pad))
    lon1 = max(p[0] + d for p, d in zip(points, pad))
    lat0 = min(p[1] - d for p, d in zip(points, pad))
    lat1 = max(p[1] + d for p, d in zip(points, pad))
    cx, cy = (lon0 + lon1) / 2, (lat0 + lat1) / 2
    half_w = max((lon1 - lon0) * 0.65, 7.0)
    half_h = max((lat1 - lat0) * 0.65, 4.0)
    kx = math.cos(math.radians(max(min(cy, 70), -70)))
    # Keep the frame between 0.45 and 0.7 as tall as wide (in projected units).
    if half_h / (half_w * kx) > 0.7:
        half_w = half_h / 0.7 / kx
    elif half_h / (half_w * kx) < 0.45:
        half_h = half_w * kx * 0.45
    half_w, half_h = min(half_w, 180.0), min(half_h, 85.0)
    cx = max(min(cx, 180 - half_w), -180 + half_w)
    cy = max(min(cy, 85 - half_h), -85 + half_h)
    return Projection(cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def country_paths(proj: Projection, highlight: set[str]) -> list[Markup]:
    """One <path> per country whose outline meets the view (with a margin)."""
    lon0, lat0, lon1, lat1 = proj.box
    mx, my = (lon1 - lon0) * 0.3, (lat1 - lat0) * 0.3
    out, labels = [], []
    for country in load_outlines():
        parts, best = [], None
        for ring in country["rings"]:
            lons, lats = ring[0::2], ring[1::2]
            if (
                max(lons) < lon0 - mx
                or min(lons) > lon1 + mx
                or max(lats) < lat0 - my
                or min(lats) > lat1 + my
            ):
                continue
            coords, last = [], None
            for lon, lat in zip(lons, lats):
                x, y = proj.xy(lon, lat)
                pt = f"{x:.1f} {y:.1f}"
                if pt != last:
                    coords.append(pt)
                    last = pt
            if len(coords) > 2:
                parts.append("M" + " ".join(coords) + "Z")
                size = (max(lons) - min(lons)) * (max(lats) - min(lats))
                if best is None or size > best[0]:
                    best = (size, (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
        if not parts:
            continue
        iso2 = country["iso2"]
        out.append(
            el(
                "path",
                {
                    "d": "".join(parts),
                    "class": "land has" if iso2 in highlight else "land",
                    "data-iso2": iso2 or None,
                },
                el("title", None, country["name"]),
            )
        )
        if iso2 in highlight and best and len(highlight) <= 12:  # more labels than that would clutter
            x, y = proj.xy(best[1], best[2])
            labels.append(
                el("text", {"x": f"{x:.1f}", "y": f"{y:.1f}", "class": "clabel"}, country_name(iso2))
            )
    return out + labels


def render_map(incidents: list[Incident]) -> Markup:
    """The map section's figure: SVG, legend, and a note on incidents that could not be placed."""
    placed = [
        i for i in incidents if i.location and i.location.lat is not None and i.location.lon is not None
    ]
    proj = fit_view([(i.location.lon, i.location.lat, ring_km(i) or 0) for i in placed])
    highlight = {i.location.country_code for i in placed if i.location.country_code}
    markers = []
    for inc in sorted(placed, key=marker_radius, reverse=True):  # small markers drawn on top
        x, y = proj.xy(inc.location.lon, inc.location.lat)
        ring = ring_km(inc)
        colour = type_colour(inc.event_type)
        tip = f"{inc.label or inc.location.name}: {figure_range(inc.fatalities.low, inc.fatalities.high)} killed"
        if ring:
            tip += f" (place {GEO_PRECISION.get(inc.location.precision, '')})"
        shapes = [el("title", None, tip)]
        if ring:
            shapes.append(
                el(
                    "circle",
                    {
                        "class": "ring",
                        "cx": f"{x:.1f}",
                        "cy": f"{y:.1f}",
                        "r": f"{max(proj.km(ring), 6):.1f}",
                        "stroke": colour,
                    },
                )
            )
        shapes.append(
            el(
                "circle",
                {
                    "class": "pt",
                    "cx": f"{x:.1f}",
                    "cy": f"{y:.1f}",
                    "r": f"{marker_radius(inc):.1f}",
                    "fill": colour,
                },
            )
        )
        markers.append(
            el(
                "a",
                {"href": "#" + dom_id("inc", inc.incident_id), "class": "mk", "data-inc": inc.incident_id},
                shapes,
            )
        )
    svg = el(
        "svg",
        {
            "class": "map",
            "viewBox": f"0 0 {WIDTH:.0f} {proj.height:.0f}",
            "role": "img",
            "aria-label": f"Map of {len(placed)} incidents",
            "xmlns": "http://www.w3.org/2000/svg",
        },
        el(
            "rect",
            {"class": "sea", "x": "0", "y": "0", "width": f"{WIDTH:.0f}", "height": f"{proj.height:.0f}"},
        ),
        el("g", {"class": "countries"}, country_paths(proj, highlight)),
        el("g", {"class": "markers"}, markers),
    )
    types = sorted(
        {i.event_type for i in placed}, key=lambda t: list(EVENT_TYPES).index(t) if t in EVENT_TYPES else 99
    )
    legend = el(
        "ul",
        {"class": "legend"},
        [el("li", None, swatch(type_colour(t)), " ", type_label(t)) for t in types],
        el("li", None, "size: fatalities (best estimate)"),
        el("li", None, swatch(None), " dashed ring: place known only to a district, region or country"),
    )
    missing = len(incidents) - len(placed)
    note = (
        el("p", {"class": "muted"}, f"{missing} incident(s) have no coordinates and are not on the map.")
        if missing
        else None
    )
    return join([svg, legend, note])


def swatch(colour: str | None) -> Markup:
    """A small legend dot (filled with the colour), or a dashed ring when colour is None."""
    shape = (
        el("circle", {"cx": "6", "cy": "6", "r": "5", "fill": colour})
        if colour
        else el("circle", {"cx": "6", "cy": "6", "r": "4.5", "class": "ring", "stroke": "#555"})
    )
    return el("svg", {"class": "sw", "viewBox": "0 0 12 12", "aria-hidden": "true"}, shape)
