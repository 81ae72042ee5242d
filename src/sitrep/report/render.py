"""Render the report: one self-contained HTML page (inline CSS, SVG and a little JavaScript).

    >>> html = render_report(ReportData(incidents, articles, lineage, edges, rejected))

Every piece of data is escaped through ``markup.el``; the page's own script and style are allowed by
hash in a Content-Security-Policy that also forbids every network request.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from sitrep.records import Incident, RunOutputs
from sitrep.report.cards import render_card
from sitrep.report.context import Context
from sitrep.report.mapview import render_map
from sitrep.report.markup import Markup, el, join, json_script
from sitrep.report.overview import render_overview
from sitrep.report.sources import Budget, choose_listed, render_sources
from sitrep.report.timeline import render_timeline
from sitrep.report.words import EVENT_TYPES, country_name, type_label

CARD_SHARE = 0.6  # of the bytes left after the fixed parts, for incident cards; Sources get the rest


@dataclass
class ReportData(RunOutputs):
    """A run's outputs and how the page shows them."""

    title: str = "Situation report"
    max_bytes: int = (
        4_500_000  # the page's size target (the contract's limit is 5 MB); Sources get what is left
    )


def asset(name: str) -> str:
    return (resources.files("sitrep.report") / "assets" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def filters_form(incidents: list[Incident]) -> Markup:
    """The filter bar; hidden until the script shows it, so the page without JavaScript lists all."""
    countries = Counter(i.location.country_code if i.location else "" for i in incidents)
    types = Counter(i.event_type for i in incidents)
    order = list(EVENT_TYPES)
    return el(
        "form",
        {"id": "filters", "class": "filters", "hidden": True, "aria-label": "Filter incidents"},
        el(
            "label",
            None,
            "Country",
            el(
                "select",
                {"name": "country"},
                el("option", {"value": ""}, f"All countries ({len(incidents)})"),
                [
                    el("option", {"value": cc}, f"{country_name(cc) if cc else 'Unknown'} ({n})")
                    for cc, n in sorted(countries.items(), key=lambda kv: country_name(kv[0]))
                ],
            ),
        ),
        el(
            "label",
            None,
            "Type",
            el(
                "select",
                {"name": "type"},
                el("option", {"value": ""}, "All types"),
                [
                    el("option", {"value": t}, f"{type_label(t)} ({n})")
                    for t, n in sorted(
                        types.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
                    )
                ],
            ),
        ),
        el("label", None, "From", el("input", {"type": "date", "name": "from"})),
        el("label", None, "To", el("input", {"type": "date", "name": "to"})),
        el(
            "label",
            {"class": "grow"},
            "Search",
            el(
                "input",
                {"type": "search", "name": "q", "placeholder": "place, actor, outlet, words in a quote…"},
            ),
        ),
        el("button", {"type": "reset"}, "Clear"),
        el("output", {"id": "shown", "aria-live": "polite"}),
    )


def filter_data(incidents: list[Incident]) -> dict:
    """What the script filters on, per incident (the card's own text serves the text search)."""
    return {
        "incidents": [
            {
                "id": i.incident_id,
                "cc": i.location.country_code if i.location else "",
                "type": i.event_type,
                "start": i.date.start or i.date.end or "",
                "end": i.date.end or i.date.start or "",
                "words": " ".join(
                    [country_name(i.location.country_code) if i.location else "", type_label(i.event_type)]
                ),
            }
            for i in incidents
        ]
    }


def budget_cards(
    incidents: list[Incident], ctx: Context, max_bytes: int, compact: set[str] | None = None
) -> tuple[list[Markup], set[str]]:
    """Cards in page order; past ``max_bytes`` the least prominent lose their claims tables.

    Prominence: a conflict first, then more deaths. Returns the cards and the ids drawn compact;
    given ``compact``, draws exactly those compact (a second pass needs no new choice).
    """
    if compact is not None:
        return [render_card(i, ctx, full=i.incident_id not in compact) for i in incidents], compact
    full = {i.incident_id: render_card(i, ctx) for i in incidents}
    total = sum(len(c.encode("utf-8")) for c in full.values())
    compact = set()
    by_prominence = sorted(
        incidents, key=lambda i: (bool(i.conflicts), i.fatalities.best or i.fatalities.low or 0)
    )
    for inc in by_prominence:
        if total <= max_bytes:
            break
        small = render_card(inc, ctx, full=False)
        total -= len(full[inc.incident_id].encode("utf-8")) - len(small.encode("utf-8"))
        full[inc.incident_id] = small
        compact.add(inc.incident_id)
    return [full[i.incident_id] for i in incidents], compact


def render_report(data: ReportData) -> str:
    """The whole page as a string."""
    ctx = Context.build(data)
    incidents = sorted(data.incidents, key=lambda i: (i.date.start or "9999", i.incident_id))
    css, js = asset("report.css"), asset("report.js")
    csp = (
        "default-src 'none'; img-src data:; style-src "
        + csp_hash(css)
        + "; script-src "
        + csp_hash(js)
        + "; base-uri 'none'; form-action 'none'"
    )
    overview = render_overview(data, ctx)
    map_svg, timeline = render_map(incidents), render_timeline(incidents)
    data_json = json_script("sitrep-data", filter_data(incidents))
    fixed = sum(len(x.encode("utf-8")) for x in [css, js, overview, map_svg, timeline, data_json]) + 30_000
    cards, compact = budget_cards(incidents, ctx, int((data.max_bytes - fixed) * CARD_SHARE))
    used = fixed + sum(len(c.encode("utf-8")) for c in cards)
    budget = Budget(page_bytes=max(data.max_bytes - used, 20_000))
    ctx.listed = choose_listed(data.articles, ctx, budget)
    if len(ctx.listed) < len(data.articles):
        # Some cited articles have no entry: draw their names as text, not as links to nowhere.
        cards, _ = budget_cards(incidents, ctx, 0, compact)
        overview = render_overview(data, ctx)
    else:
        ctx.listed = None
    sources = render_sources(data.articles, ctx, budget, data.duplicates)
    omitted = []
    if compact:
        omitted.append(
            f"{len(compact)} incident card(s) leave out their claims tables (incidents with conflicting "
            "reports and the most deaths keep theirs)"
        )
    if budget.shown["unlisted"]:
        omitted.append(
            f"{budget.shown['unlisted']} article(s) are not listed (quoted and cited articles come first)"
        )
    if budget.shown["passages"]:
        omitted.append(f"{budget.shown['passages']} quoted article(s) show only their quoted passages")
    if budget.shown["omitted"]:
        omitted.append(f"{budget.shown['omitted']} listed article(s) have no text here")
    if budget.shown["pairs_omitted"]:
        omitted.append(f"{budget.shown['pairs_omitted']} reuse pair(s) show no aligned sentences")
    size_note = (
        el(
            "p",
            {"class": "note small"},
            "To keep this page small, "
            + "; ".join(omitted)
            + ". Every article and text is in the store (sitrep.duckdb), articles.json and reuse.json.",
        )
        if omitted
        else None
    )
    run = data.run_info or {}
    head = el(
        "head",
        None,
        Markup('<meta charset="utf-8">'),
        el("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
        el("meta", {"http-equiv": "Content-Security-Policy", "content": csp}),
        el("meta", {"name": "referrer", "content": "no-referrer"}),
        Markup('<link rel="icon" href="data:,">'),
        el(
            "title", None, f"{data.title}: {len(data.incidents)} incidents from {len(data.articles)} articles"
        ),
        Markup("<style>" + css + "</style>"),
    )
    nav = el(
        "nav",
        None,
        [
            el("a", {"href": "#" + k}, v)
            for k, v in (
                ("overview", "Overview"),
                ("map", "Map"),
                ("timeline", "Timeline"),
                ("incidents", "Incidents"),
                ("sources", "Sources"),
                ("rejected", "Rejected"),
            )
        ],
    )
    top = el(
        "header",
        {"class": "top"},
        el(
            "div",
            {"class": "wrap"},
            el("h1", None, "sitrep ", el("span", None, data.title)),
            nav,
            el(
                "span",
                {"class": "run"},
                f"{len(data.incidents)} incidents · {len(data.articles)} articles",
                f" · generated {run['generated']}" if run.get("generated") else "",
            ),
        ),
    )
    main = el(
        "main",
        {"class": "wrap"},
        el("section", {"id": "overview"}, el("h2", None, "Overview"), size_note, overview),
        filters_form(incidents),
        el(
            "section",
            {"id": "map", "class": "panel"},
            el("h2", None, "Map"),
            el("div", {"class": "mapbox"}, map_svg),
        ),
        el("section", {"id": "timeline", "class": "panel"}, el("h2", None, "Timeline"), timeline),
        el(
            "section",
            {"id": "incidents"},
            el("h2", None, f"Incidents ({len(incidents)})"),
            el(
                "p",
                {"id": "no-match", "class": "muted", "hidden": True},
                "No incident matches these filters.",
            ),
            el("div", {"class": "cards"}, cards)
            if cards
            else el("p", {"class": "muted"}, "No incident was found."),
        ),
        el(
            "section",
            {"id": "sources"},
            el("h2", None, "Sources"),
            el(
                "p",
                {"class": "muted"},
                "Articles grouped by independent origin: each copy or rewrite sits under the article it reuses. "
                "Marked passages are the quotes behind the figures above.",
            ),
            el("p", {"class": "note small"}, "Not every article is listed: see the note at the top.")
            if omitted
            else None,
            sources,
        ),
        el("footer", None, footer(run)),
    )
    body = el("body", None, top, main, data_json, Markup("<script>" + js + "</script>"))
    return "<!doctype html>\n" + el("html", {"lang": "en"}, head, body) + "\n"


def footer(run: dict) -> Markup:
    items = [join([el("dt", None, str(k)), el("dd", None, str(v))]) for k, v in run.items()]
    return join(
        [
            el(
                "p",
                None,
                "Made by sitrep. This page is self-contained: it makes no network request and works offline. "
                "Figures are as reported; low, best and high follow the output contract. Country outlines: Natural Earth "
                "(public domain), via world-atlas (ISC).",
            ),
            el("dl", None, items) if items else None,
        ]
    )
