"""The timeline: one lane per event type; a day is a dot, a span ("mid-May") is a bar.

>>> svg = render_timeline(incidents)     # Markup
"""

from __future__ import annotations

import datetime as dt

from sitrep.records import Incident
from sitrep.report.markup import Markup, dom_id, el, join
from sitrep.report.words import DATE_PRECISION, EVENT_TYPES, date_span, parse_date, type_colour, type_label

WIDTH, GUTTER, ROW, MAX_ROWS = 1000.0, 190.0, 14.0, 6


def incident_days(inc: Incident) -> tuple[dt.date, dt.date] | None:
    """(start, end) of an incident's date, or None when it has none."""
    start = parse_date(inc.date.start) or parse_date(inc.date.end)
    if start is None:
        return None
    end = parse_date(inc.date.end) or start
    return (start, max(end, start))


def ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks at a step that suits the span: days, weeks, months or years."""
    days = (last - first).days
    out = []
    if days <= 21:
        step = 1 if days <= 10 else 2
        d = first
        while d <= last:
            out.append((d, f"{d.day} {d:%b}"))
            d += dt.timedelta(days=step)
    elif days <= 120:
        d = first + dt.timedelta(days=(7 - first.weekday()) % 7)  # Mondays
        while d <= last:
            out.append((d, f"{d.day} {d:%b}"))
            d += dt.timedelta(days=7)
    elif days <= 1100:
        y, m = first.year, first.month
        every = 1 if days <= 400 else 3
        while dt.date(y, m, 1) <= last:
            d = dt.date(y, m, 1)
            if d >= first and (m - 1) % every == 0:
                out.append((d, f"{d:%b %Y}" if m == 1 or not out else f"{d:%b}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        for y in range(first.year + 1, last.year + 1):
            out.append((dt.date(y, 1, 1), str(y)))
    return out


def render_timeline(incidents: list[Incident]) -> Markup:
    """SVG timeline of every dated incident, linking each mark to its card."""
    dated = [(i, incident_days(i)) for i in incidents]
    dated = [(i, d) for i, d in dated if d]
    if not dated:
        return el("p", {"class": "muted"}, "No incident has a date.")
    first = min(d[0] for _, d in dated) - dt.timedelta(days=1)
    last = max(d[1] for _, d in dated) + dt.timedelta(days=2)
    span = max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return GUTTER + (day - first).days / span * (WIDTH - GUTTER - 10)

    order = list(EVENT_TYPES)
    types = sorted({i.event_type for i, _ in dated}, key=lambda t: order.index(t) if t in order else 99)
    parts, y = [], 28.0
    for etype in types:
        rows: list[float] = []  # right edge of the last mark in each row
        marks = []
        for inc, (start, end) in sorted(
            ((i, d) for i, d in dated if i.event_type == etype), key=lambda p: p[1]
        ):
            x0, x1 = x_of(start), x_of(end + dt.timedelta(days=1))
            is_day = (end - start).days == 0 and inc.date.precision in ("day", "unknown")
            left, right = (
                (x0 + (x1 - x0) / 2 - 5, x0 + (x1 - x0) / 2 + 5) if is_day else (x0, max(x1, x0 + 6))
            )
            row = next((k for k, edge in enumerate(rows) if edge + 2 < left), None)
            if row is None:
                if len(rows) < MAX_ROWS:
                    rows.append(right)
                    row = len(rows) - 1
                else:  # a crowded lane overlaps marks rather than growing without bound
                    row = min(range(len(rows)), key=rows.__getitem__)
            rows[row] = max(rows[row], right)
            cy = y + 8 + row * ROW
            colour = type_colour(etype)
            tip = f"{inc.label or inc.incident_id}: {date_span(inc.date.start, inc.date.end)} ({DATE_PRECISION.get(inc.date.precision, inc.date.precision)})"
            if inc.date.text:
                tip += " from “" + "”, “".join(inc.date.text) + "”"
            shape = (
                el("circle", {"cx": f"{(left + right) / 2:.1f}", "cy": f"{cy:.1f}", "r": "5", "fill": colour})
                if is_day
                else el(
                    "rect",
                    {
                        "x": f"{left:.1f}",
                        "y": f"{cy - 4:.1f}",
                        "width": f"{right - left:.1f}",
                        "height": "8",
                        "rx": "4",
                        "fill": colour,
                    },
                )
            )
            marks.append(
                el(
                    "a",
                    {
                        "href": "#" + dom_id("inc", inc.incident_id),
                        "class": "tm",
                        "data-inc": inc.incident_id,
                    },
                    el("title", None, tip),
                    shape,
                )
            )
        height = 16 + max(len(rows), 1) * ROW
        parts.append(
            el(
                "rect",
                {
                    "class": "lane",
                    "x": "0",
                    "y": f"{y:.1f}",
                    "width": f"{WIDTH:.0f}",
                    "height": f"{height - 4:.1f}",
                },
            )
        )
        parts.append(el("text", {"class": "lanelabel", "x": "8", "y": f"{y + 13:.1f}"}, type_label(etype)))
        parts.extend(marks)
        y += height
    axis = []
    for day, label in ticks(first, last):
        x = x_of(day)
        axis.append(
            el("line", {"class": "tick", "x1": f"{x:.1f}", "x2": f"{x:.1f}", "y1": "20", "y2": f"{y:.1f}"})
        )
        axis.append(el("text", {"class": "ticklabel", "x": f"{x:.1f}", "y": "14"}, label))
    svg = el(
        "svg",
        {
            "class": "timeline",
            "viewBox": f"0 0 {WIDTH:.0f} {y + 4:.0f}",
            "role": "img",
            "aria-label": f"Timeline of {len(dated)} dated incidents",
            "xmlns": "http://www.w3.org/2000/svg",
        },
        el("g", None, axis),
        el("g", None, parts),
    )
    undated = len(incidents) - len(dated)
    note = (
        el("p", {"class": "muted"}, f"{undated} incident(s) have no date and are not on the timeline.")
        if undated
        else None
    )
    legend = el(
        "p",
        {"class": "muted small"},
        "A dot is an incident dated to the day; a bar is one known only to a span (a week, “mid-May”, a month).",
    )
    return join([svg, legend, note])
