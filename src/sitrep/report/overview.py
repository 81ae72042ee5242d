"""The overview: counts, reuse, incidents by country and type, date range, fatalities, rejections.

>>> html = render_overview(data, ctx)
"""

from __future__ import annotations

from collections import Counter

from sitrep.merge.ids import article_label
from sitrep.records import Incident
from sitrep.report.cards import short_id
from sitrep.report.context import Context
from sitrep.report.markup import Markup, dom_id, el, join
from sitrep.report.words import REUSE_KIND, country_name, date_span, percent, type_label

LIST_LIMIT = 12


def fatality_totals(incidents: list[Incident]) -> tuple[int, int, bool]:
    """(sum of lows, sum of highs, whether any high is open); an open high counts its largest claim."""
    low = high = 0
    open_ended = False
    for inc in incidents:
        fig = inc.fatalities
        low += fig.low or 0
        if fig.high is None:
            known = [c.low for c in fig.claims if c.low is not None] + [fig.best or 0, fig.low or 0]
            high += max(known)
            open_ended = open_ended or bool(fig.claims) or fig.low is not None
        else:
            high += fig.high
            open_ended = open_ended or fig.high_open  # "at least 60": 60 is only a floor
    return low, high, open_ended


def tile(label: str, value, note=None, small: bool = False) -> Markup:
    return el(
        "div",
        {"class": "tile"},
        el("div", {"class": "tv num" + (" tvs" if small else "")}, value),
        el("div", {"class": "tl"}, label),
        el("div", {"class": "tn"}, note) if note else None,
    )


def count_table(title: str, counts: Counter, label, limit: int = 12) -> Markup:
    """Counts with bars; past ``limit`` rows the rest fold into a <details>."""
    top = max(counts.values(), default=1)

    def row(key, n):
        return el(
            "tr",
            None,
            el("td", None, label(key)),
            el("td", {"class": "num"}, str(n)),
            el(
                "td",
                {"class": "barcell", "aria-hidden": "true"},
                el(
                    "svg",
                    {"viewBox": "0 0 100 8", "preserveAspectRatio": "none", "class": "bar"},
                    el("rect", {"width": f"{100 * n / top:.1f}", "height": "8", "rx": "2"}),
                ),
            ),
        )

    ranked = counts.most_common()
    table = el(
        "table",
        {"class": "counts"},
        el("caption", None, title),
        el("tbody", None, [row(k, n) for k, n in ranked[:limit]]),
    )
    if len(ranked) <= limit:
        return el("div", None, table)
    rest = el(
        "details",
        None,
        el("summary", None, f"{len(ranked) - limit} more"),
        el("table", {"class": "counts"}, el("tbody", None, [row(k, n) for k, n in ranked[limit:]])),
    )
    return el("div", None, table, rest)


def render_overview(data, ctx: Context) -> Markup:
    incidents, articles = data.incidents, data.articles
    origins = {ctx.origin_of(a.article_id) for a in articles}
    derived = [
        a for a in articles if (ctx.lineage.get(a.article_id) and ctx.lineage[a.article_id].derived_from)
    ]
    starts = sorted(d for i in incidents for d in (i.date.start, i.date.end) if d)
    low, high, open_ended = fatality_totals(incidents)
    tiles = el(
        "div",
        {"class": "tiles"},
        tile("incidents", str(len(incidents))),
        tile(
            "articles read",
            str(len(articles)),
            f"+ {len(data.duplicates)} exact duplicate(s) skipped" if data.duplicates else None,
        ),
        tile("independent origins", str(len(origins))),
        tile("copies or rewrites", str(len(derived))),
        tile("fatalities, low–high", f"{low}–{high}{'+' if open_ended else ''}", "summed over incidents"),
        tile("dates", date_span(starts[0], starts[-1]) if starts else "none", small=True),
        tile("inputs rejected", str(len(data.rejected))),
    )
    kinds = Counter()
    reuse_items = []
    for art in derived:
        lin = ctx.lineage[art.article_id]
        edge = next((e for e in ctx.edges_into.get(art.article_id, []) if e.source == lin.derived_from), None)
        kind = REUSE_KIND.get(edge.kind, edge.kind) if edge else "derived"
        kinds[kind] += 1
        if len(reuse_items) < LIST_LIMIT:
            reuse_items.append(
                el(
                    "li",
                    None,
                    el("a", {"href": "#" + dom_id("art", art.article_id)}, _name(art.article_id, ctx)),
                    f" is a {kind} of ",
                    el("a", {"href": "#" + dom_id("art", lin.derived_from)}, _name(lin.derived_from, ctx)),
                    f" ({percent(edge.coverage)} of its sentences aligned)" if edge else "",
                )
            )
    reuse = el(
        "div",
        {"class": "reuse"},
        el("h3", None, "Copies and rewrites"),
        el(
            "p",
            None,
            "; ".join(f"{k}: {n}" for k, n in kinds.most_common())
            if kinds
            else "No article reuses another's text.",
        ),
        el("ul", None, reuse_items) if reuse_items else None,
        el("p", {"class": "muted small"}, f"… and {len(derived) - LIST_LIMIT} more under Sources.")
        if len(derived) > LIST_LIMIT
        else None,
    )
    by_country = Counter(i.location.country_code if i.location else None for i in incidents)
    by_type = Counter(i.event_type for i in incidents)
    tables = el(
        "div",
        {"class": "twocol"},
        count_table("Incidents by country", by_country, country_name),
        count_table("Incidents by type", by_type, type_label),
    )
    return join(
        [
            tiles,
            tables,
            el("div", {"class": "twocol"}, reuse, el("div", None, render_rejected(data.rejected))),
        ]
    )


def _name(article_id: str, ctx: Context) -> str:
    art = ctx.articles.get(article_id)
    return article_label(art) if art else short_id(article_id)


def render_rejected(rejected) -> Markup:
    """Inputs that could not be used, with reasons, and a link to rejected.json beside the report."""
    head = el("h3", {"id": "rejected"}, "Inputs rejected")
    link = el("a", {"href": "rejected.json"}, "rejected.json")
    if not rejected:
        return join([head, el("p", {"class": "muted"}, "No input was rejected.")])
    rows = [
        el(
            "tr",
            None,
            el("td", None, el("code", None, r.input + (f" (line {r.line})" if r.line else ""))),
            el("td", None, r.reason),
            el("td", None, el("code", None, r.code)),
        )
        for r in rejected[:200]
    ]
    more = (
        el("p", {"class": "muted small"}, f"… and {len(rejected) - 200} more in ", link)
        if len(rejected) > 200
        else None
    )
    table = el(
        "div",
        {"class": "tablewrap"},
        el(
            "table",
            {"class": "rejected"},
            el(
                "thead",
                None,
                el("tr", None, el("th", None, "Input"), el("th", None, "Reason"), el("th", None, "Code")),
            ),
            el("tbody", None, rows),
        ),
    )
    if len(rejected) > 8:
        table = el(
            "details", None, el("summary", None, f"Show the {min(len(rejected), 200)} rejected inputs"), table
        )
    return join(
        [
            head,
            el(
                "p",
                None,
                f"{len(rejected)} input(s) could not be used; the full list is in ",
                link,
                " beside this page.",
            ),
            table,
            more,
        ]
    )
