"""Incident cards: what, where, when, who, and a table per figure showing every claim's evidence.

>>> html = render_card(incident, ctx)
"""

from __future__ import annotations

from sitrep.records import Figure, FigureClaim, Incident
from sitrep.report.context import Context
from sitrep.report.markup import Markup, dom_id, el, join
from sitrep.report.words import (
    CLAIMANT_KIND,
    DATE_PRECISION,
    GEO_PRECISION,
    QUALIFIER,
    country_name,
    date_span,
    figure_range,
    snake_words,
    type_class,
    type_label,
)

LOW_TYPE_CONFIDENCE = 0.5


def uncertain_type(inc) -> str:
    """A small mark after the type when the type model was unsure of it (type_confidence < 0.5)."""
    conf = getattr(inc, "type_confidence", None)
    if conf is None or conf >= LOW_TYPE_CONFIDENCE:
        return ""
    alt = getattr(inc, "type_runner_up", None)
    alt = "no event" if alt == "none" else snake_words(alt) if alt else ""
    return f" · type uncertain ({conf:.0%}{'; or ' + alt if alt else ''})"


def card_title(inc: Incident) -> str:
    """A short headline: the incident's label, else its type and place."""
    if inc.label:
        return inc.label
    place = inc.location.name if inc.location else "unknown place"
    return f"{type_label(inc.event_type)} in {place}"


def fold_claims(fig: Figure) -> list[tuple[FigureClaim, list[str]]]:
    """Claims as rows: an echo (same figure, article != origin) folds into its original's row."""
    rows: list[tuple[FigureClaim, list[str]]] = []
    key = lambda c: (c.origin, c.low, c.high, c.group)  # noqa: E731
    primary = {}
    for claim in sorted(fig.claims, key=lambda c: c.article_id != c.origin):
        k = key(claim)
        if claim.article_id != claim.origin and k in primary:
            echoes = primary[k][1]
            for aid in [claim.article_id, *claim.echoes]:
                if aid not in echoes:
                    echoes.append(aid)
            continue
        row = (claim, list(dict.fromkeys(claim.echoes)))
        primary.setdefault(k, row)
        rows.append(row)
    return rows


def source_words(claim: FigureClaim, ctx: Context) -> str:
    """``Reuters, two security sources``: outlet and claimant, for plain-words sentences."""
    outlet = claim.outlet or ctx.outlet(claim.article_id) or ctx.outlet(claim.origin)
    who = claim.attributed_to or CLAIMANT_KIND.get(claim.claimant_kind, "unattributed")
    return f"{outlet or 'article ' + claim.article_id}, {who}"


def disagreements(what: str, rows: list[tuple[FigureClaim, list[str]]], ctx: Context) -> dict:
    """``{group: plain sentence}`` for groups whose claims give different numbers."""
    by_group: dict[str | None, dict[tuple, list[FigureClaim]]] = {}
    for claim, _ in rows:
        if claim.qualifier == "vague" or (claim.low is None and claim.high is None):
            continue
        by_group.setdefault(claim.group, {}).setdefault((claim.low, claim.high), []).append(claim)
    out = {}
    for group, ranges in by_group.items():
        if len(ranges) < 2:
            continue
        parts = []
        for (low, high), claims in sorted(ranges.items(), key=lambda kv: kv[0][0] or 0):
            said = "; ".join(dict.fromkeys(f"{c.text} ({source_words(c, ctx)})" for c in claims))
            parts.append(f"{figure_range(low, high)}: {said}")
        label = f"{what} ({group})" if group else what
        out[group] = f"Sources disagree on {label}. " + " vs ".join(parts) + "."
    return out


def claim_row(claim: FigureClaim, echoes: list[str], ctx: Context, disputed: bool, shared: bool) -> Markup:
    outlet = claim.outlet or ctx.outlet(claim.article_id)
    kind = CLAIMANT_KIND.get(claim.claimant_kind, snake_words(claim.claimant_kind))
    qualifier = QUALIFIER.get(claim.qualifier, snake_words(claim.qualifier))
    notes = []
    if claim.claimant_kind == "perpetrator":
        notes.append(
            el("span", {"class": "tag warn"}, "perpetrator's own claim: never sets the best estimate alone")
        )
    if shared:
        notes.append(el("span", {"class": "tag"}, "covers several incidents: not counted in this one's low"))
        for other in claim.shared_with:
            notes.append(el("a", {"href": "#" + dom_id("inc", other), "class": "tag"}, "also " + other))
    if claim.article_id != claim.origin:
        notes.append(el("span", {"class": "tag"}, "repeats ", art_link(claim.origin, ctx)))
    quote = (
        highlight_in(claim.quote, claim.text) if claim.quote else el("span", {"class": "muted"}, "no quote")
    )
    # Cells carry no labels: the narrow-screen layout names them by position in CSS.
    details = " · ".join(x for x in (qualifier, claim.group) if x)
    return el(
        "tr",
        {"class": "disputed" if disputed else None},
        el(
            "td",
            None,
            el("strong", None, claim.text),
            el("br"),
            el("span", {"class": "num"}, figure_range(claim.low, claim.high)),
            el("span", {"class": "muted"}, " · " + details) if details else None,
            notes,
        ),
        el("td", None, claim.attributed_to or "unattributed", el("br"), el("span", {"class": "muted"}, kind)),
        el(
            "td",
            None,
            outlet or el("span", {"class": "muted"}, "unknown outlet"),
            el("br"),
            art_link(claim.article_id, ctx, with_outlet=False),
        ),
        el("td", {"class": "quote"}, el("q", None, quote)),
        el(
            "td",
            None,
            join([art_link(a, ctx) for a in echoes], " ")
            if echoes
            else el("span", {"class": "muted"}, "none"),
        ),
    )


def highlight_in(quote: str, phrase: str) -> Markup:
    """The quote with the figure phrase marked, when it occurs in it."""
    at = quote.find(phrase) if phrase else -1
    if at < 0:
        return el("span", None, quote)
    return join([quote[:at], el("mark", None, phrase), quote[at + len(phrase) :]])


def art_link(article_id: str, ctx: Context, with_outlet: bool = True) -> Markup:
    """A short in-page link to an article's entry under Sources."""
    art = ctx.articles.get(article_id)
    label = short_id(article_id)
    if with_outlet:
        label = (art.outlet if art and art.outlet else "article") + " " + label
    return ref(article_id, label, ctx)


def ref(article_id: str, label: str, ctx: Context) -> Markup:
    """A link to the article's entry, or plain text when a big page does not list that article."""
    if ctx.listed is not None and article_id not in ctx.listed:
        return el("span", {"class": "aref", "title": article_id}, label)
    return el("a", {"class": "aref", "href": "#" + dom_id("art", article_id)}, label)


def short_id(article_id: str) -> str:
    """``000_637d78b309cbb5dc`` -> ``000_637d…``; short ids stay as they are."""
    return article_id if len(article_id) <= 10 else article_id[:8] + "…"


def figure_block(what: str, fig: Figure, ctx: Context, full: bool = True) -> tuple[Markup | None, list[str]]:
    """A figure's low/best/high and its claims table, and the plain-words disagreements found.

    ``full=False`` (a big page's less prominent incidents) keeps the numbers and disagreements but
    leaves the claims table out.
    """
    if not fig.claims and not fig.shared_claims and fig.low is None and fig.best is None:
        return None, []
    rows = fold_claims(fig)
    found = disagreements(what, rows, ctx)
    stats = el(
        "p",
        {"class": "lbh"},
        "low ",
        _num(fig.low),
        " best ",
        _num(fig.best),
        " high ",
        _num(fig.high, open_word="open"),
        "+" if fig.high_open and fig.high is not None else "",
    )
    groups = None
    if len(fig.by_group) > 1:
        groups = el(
            "p",
            {"class": "muted small"},
            "By group: "
            + "; ".join(
                f"{g} {figure_range(r.low, r.high)}" + (f" (best {r.best})" if r.best is not None else "")
                for g, r in fig.by_group.items()
            ),
        )
    if not full:
        n = len(fig.claims) + len(fig.shared_claims)
        return el(
            "section",
            {"class": "figure"},
            el("h4", None, what.capitalize()),
            stats,
            groups,
            el(
                "p",
                {"class": "muted small"},
                f"{n} claim(s); their table is left out to keep this page small (see incidents.json).",
            ),
        ), list(found.values())
    head = el(
        "tr", None, [el("th", None, h) for h in ("Claim", "Said by", "Outlet", "Exact quote", "Echoed by")]
    )
    body = [claim_row(c, e, ctx, c.group in found and c.qualifier != "vague", False) for c, e in rows]
    body += [claim_row(c, list(c.echoes), ctx, False, True) for c in fig.shared_claims]
    table = el(
        "div",
        {"class": "tablewrap"},
        el("table", {"class": "claims"}, el("thead", None, head), el("tbody", None, body)),
    )
    return el("section", {"class": "figure"}, el("h4", None, what.capitalize()), stats, groups, table), list(
        found.values()
    )


def _num(value: int | None, open_word: str = "–") -> Markup:
    return el("b", None, str(value)) if value is not None else el("b", {"class": "muted"}, open_word)


def render_card(inc: Incident, ctx: Context, full: bool = True) -> Markup:
    """One incident's card (``full=False``: without the claims tables)."""
    loc = inc.location
    where: list = ["unknown place"]
    if loc:
        names = [loc.name] + [n for n in (loc.admin2, loc.admin1) if n and n != loc.name]
        where = [
            el("strong", None, ", ".join(names)),
            ", ",
            country_name(loc.country_code),
            el("span", {"class": "tag"}, GEO_PRECISION.get(loc.precision, snake_words(loc.precision))),
        ]
        if loc.lat is not None and loc.lon is not None:
            where.append(el("span", {"class": "muted small"}, f" {loc.lat:.3f}, {loc.lon:.3f}"))
        if loc.reason:
            where += [el("br"), el("span", {"class": "muted small"}, "Why: ", loc.reason)]
    when = [
        el("strong", None, date_span(inc.date.start, inc.date.end)),
        el("span", {"class": "tag"}, DATE_PRECISION.get(inc.date.precision, snake_words(inc.date.precision))),
    ]
    if inc.date.text:
        when += [
            el("br"),
            el("span", {"class": "muted small"}, "from the words "),
            join([el("q", None, t) for t in inc.date.text], ", "),
        ]
    actors = [
        el(
            "li",
            None,
            el("strong", None, a.name),
            " ",
            el("span", {"class": "tag role-" + _slug(a.role)}, a.role),
            el("span", {"class": "muted small"}, " " + snake_words(a.kind))
            if a.kind and a.kind != "unknown"
            else None,
            el("span", {"class": "muted small"}, " (also: " + ", ".join(a.aliases) + ")")
            if a.aliases
            else None,
        )
        for a in inc.actors
    ]
    figures = inc.figures()
    blocks, plain = [], []
    for what, fig in figures:
        block, found = figure_block(what, fig, ctx, full)
        if block:
            blocks.append(block)
            plain += found
    notes = [c for c in inc.conflicts]
    conflict = None
    if plain or notes:
        conflict = el(
            "div",
            {"class": "conflict", "role": "note"},
            el("strong", None, "Conflicting reports"),
            el(
                "ul",
                None,
                [el("li", None, p) for p in plain],
                [
                    el(
                        "li",
                        {"class": "muted"},
                        "As reconciled (",
                        snake_words(c.field),
                        "): ",
                        c.explanation,
                    )
                    for c in notes
                ],
            ),
        )
    sources = [ref(a, ctx.outlet(a) or short_id(a), ctx) for a in inc.articles]
    fat = inc.fatalities
    top_open = "+" if fat.high_open and fat.high is not None and fat.high != fat.low else ""
    headline_fig = (
        f"{figure_range(fat.low, fat.high)}{top_open} killed"
        if (fat.low is not None or fat.high is not None)
        else "no death toll reported"
    )
    return el(
        "article",
        {"class": "card", "id": dom_id("inc", inc.incident_id), "data-inc": inc.incident_id},
        el(
            "header",
            None,
            el(
                "p",
                {"class": "kicker"},
                el("i", {"class": "dot " + type_class(inc.event_type)}),
                type_label(inc.event_type),
                " · ",
                snake_words(inc.sub_event_type),
                "" if inc.political else " · not political (crime)",
                uncertain_type(inc),
            ),
            el("h3", None, card_title(inc)),
            el(
                "p",
                {"class": "headline"},
                el("span", {"class": "num"}, headline_fig),
                " · ",
                date_span(inc.date.start, inc.date.end),
                " · ",
                country_name(loc.country_code) if loc else "unknown country",
            ),
        ),
        el("p", {"class": "summary"}, inc.summary) if inc.summary else None,
        conflict,
        el(
            "dl",
            {"class": "facts"},
            el("dt", None, "Where"),
            el("dd", None, where),
            el("dt", None, "When"),
            el("dd", None, when),
            el("dt", None, "Who"),
            el(
                "dd",
                None,
                el("ul", {"class": "actors"}, actors)
                if actors
                else el("span", {"class": "muted"}, "no actor named"),
            ),
            el("dt", None, "Sources"),
            el(
                "dd",
                None,
                f"{len(inc.articles)} article(s), {inc.independent_origins} independent origin(s): ",
                join(sources, " "),
            ),
            *linked_by_rows(inc),
        ),
        blocks,
        el("p", {"class": "muted small"}, "Incident id ", el("code", None, inc.incident_id)),
    )


def linked_by_rows(inc: Incident) -> list:
    """Why the reports are one incident: each joining article by title and outlet, and its evidence."""
    links = getattr(inc, "linked_by", None) or []
    apart = getattr(inc, "kept_apart", None) or []
    items = [
        el("li", None, link["article"], ": ", "; ".join(link["evidence"]) or "no reason recorded")
        for link in links
    ]
    rows = [el("dt", None, "Linked by"), el("dd", None, el("ul", {"class": "links"}, items))] if links else []
    if apart:  # reports that fit its place and date but were refused, and why
        kept = [el("li", None, k["article"], ": ", k["reason"]) for k in apart]
        rows += [el("dt", None, "Kept apart"), el("dd", None, el("ul", {"class": "links"}, kept))]
    return rows


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in (text or "other").lower())[:30]
