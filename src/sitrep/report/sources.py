"""Sources: articles grouped by origin, rewrites under their originals, aligned sentences, texts.

    >>> ctx.listed = choose_listed(articles, ctx, budget := Budget(page_bytes=2_000_000))
    >>> html = render_sources(articles, ctx, budget, duplicates)

A big run has more text than a page should carry, so this section spends a byte budget: entries for
articles cited by incidents first (with the articles they derive from, so the tree holds), then the
rest; article texts quoted first (in full, else only their quoted passages); aligned sentences while
they fit. The page says what was left out; everything is in the store and the JSON files.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.records import Article, ReuseEdge
from sitrep.report.cards import short_id
from sitrep.report.context import Context, Mark
from sitrep.report.markup import Markup, dom_id, el, external_href, join
from sitrep.report.words import REUSE_KIND, format_date, percent

ENTRY_BYTES = 330  # markup of one article's line, beyond its title, outlet and id


@dataclass
class Budget:
    """Bytes this section may add to the page, and how they were spent."""

    page_bytes: int = 3_000_000
    text_share: float = 0.35  # of page_bytes, for article texts
    aligned_share: float = 0.15  # of page_bytes, for aligned sentence pairs
    shown: dict = field(
        default_factory=lambda: {"full": 0, "passages": 0, "omitted": 0, "pairs_omitted": 0, "unlisted": 0}
    )

    def __post_init__(self):
        self.text = int(self.page_bytes * self.text_share)
        self.aligned = int(self.page_bytes * self.aligned_share)
        self.entries = self.page_bytes - self.text - self.aligned


def choose_listed(articles: list[Article], ctx: Context, budget: Budget) -> set[str]:
    """Articles that get an entry: quoted, then cited, then the rest, each with its ancestors (so the
    tree holds), while the budget lasts."""

    def rank(art: Article) -> int:
        return 0 if art.article_id in ctx.marks else 1 if art.article_id in ctx.incidents_of else 2

    listed: set[str] = set()
    for art in sorted(articles, key=rank):
        chain, aid = [], art.article_id
        while aid and aid not in listed and aid in ctx.articles and aid not in chain:
            chain.append(aid)
            lin = ctx.lineage.get(aid)
            aid = lin.derived_from if lin else None
        cost = sum(ENTRY_BYTES + len(ctx.articles[a].title or "") + 90 + 3 * len(a) for a in chain)
        if cost > budget.entries:
            continue
        budget.entries -= cost
        listed.update(chain)
    budget.shown["unlisted"] = len(articles) - len(listed)
    return listed


def plan_texts(articles: list[Article], ctx: Context, budget: Budget) -> dict[str, Markup]:
    """``article_id -> marked text`` (full, else only the quoted passages) while the budget lasts.

    Quoted articles first, shortest first; each text is rendered to count its real bytes.
    """
    plan = {}
    for art in sorted(articles, key=lambda a: (a.article_id not in ctx.marks, len(a.clean_text))):
        marks = ctx.marks.get(art.article_id, [])
        if not marks and len(art.clean_text) > budget.text:
            budget.shown["omitted"] += 1
            continue
        body = marked_text(art.clean_text, marks + ctx.asides.get(art.article_id, []))
        how = "full"
        if len(body.encode("utf-8")) > budget.text and marks:
            body, how = marked_text(art.clean_text, marks, passages_only=True), "passages"
        size = len(body.encode("utf-8"))
        if size > budget.text:
            budget.shown["omitted"] += 1
            continue
        budget.text -= size
        budget.shown[how] += 1
        plan[art.article_id] = (how, body)
    return plan


def marked_text(text: str, marks: list[Mark], passages_only: bool = False) -> Markup:
    """The text with each mark as <mark>; overlapping marks split into segments with both classes."""
    points = sorted({0, len(text), *[m.start for m in marks], *[m.end for m in marks]})
    out = []
    for a, b in zip(points, points[1:]):
        active = [m for m in marks if m.start <= a and m.end >= b]
        if not active:
            if not passages_only:
                out.append(text[a:b])
            elif out and out[-1] != " … ":
                out.append(" … ")
            continue
        kinds = sorted({m.kind for m in active})
        inner = min(active, key=lambda m: m.end - m.start)
        out.append(el("mark", {"class": " ".join(kinds), "title": inner.note}, text[a:b]))
    return join(out)


def side_by_side(edge: ReuseEdge, ctx: Context, budget: Budget) -> Markup:
    """A <details> with the derived article's sentences next to the source's."""
    if not edge.aligned:
        return el("p", {"class": "muted small"}, "No aligned sentences recorded.")
    size = sum(len(p.source_text) + len(p.derived_text) + 60 for p in edge.aligned) + 300
    if size > budget.aligned:
        budget.shown["pairs_omitted"] += 1
        return None
    budget.aligned -= size
    head = el(
        "tr",
        None,
        el("th", {"scope": "col"}, "Source: ", source_name(edge.source, ctx)),
        el("th", {"scope": "col"}, "This article"),
        el("th", {"scope": "col"}, "Similarity"),
    )
    rows = [
        el(
            "tr",
            None,
            el("td", None, p.source_text),
            el("td", None, p.derived_text),
            el("td", {"class": "num"}, f"{p.score:.2f}"),
        )
        for p in edge.aligned
    ]
    return el(
        "details",
        {"class": "sbs"},
        el("summary", None, f"Aligned sentences with {source_name(edge.source, ctx)} ({len(edge.aligned)})"),
        el(
            "div",
            {"class": "tablewrap"},
            el("table", {"class": "pairs"}, el("thead", None, head), el("tbody", None, rows)),
        ),
    )


def source_name(article_id: str, ctx: Context) -> str:
    art = ctx.articles.get(article_id)
    return f"{art.outlet if art and art.outlet else 'article'} {short_id(article_id)}"


def entry(
    art: Article, ctx: Context, plan: dict, budget: Budget, children: list[Markup], dupes: dict
) -> Markup:
    """One article's line: what it is, where it came from, its aligned sentences and its text."""
    lin = ctx.lineage.get(art.article_id)
    edges = ctx.edges_into.get(art.article_id, [])
    parent = lin.derived_from if lin else None
    via = next((e for e in edges if e.source == parent), None)
    kind = "original"
    if parent:  # the parent is the entry this one is nested under, so "of what" is its position
        kind = (
            f"{REUSE_KIND.get(via.kind, via.kind)} · {percent(via.coverage)} of sentences aligned"
            if via
            else "derived"
        )
    extra = [
        el(
            "p",
            {"class": "muted small"},
            "Also shares text with ",
            el("a", {"href": "#" + dom_id("art", e.source)}, source_name(e.source, ctx)),
            f" ({REUSE_KIND.get(e.kind, e.kind)}, {percent(e.coverage)} of its sentences aligned)",
        )
        for e in edges
        if e.source != parent
    ]
    href = external_href(art.url)
    title = art.title or (art.clean_text[:90].strip() + ("…" if len(art.clean_text) > 90 else ""))
    text = None
    if art.article_id in plan:
        how, body = plan[art.article_id]
        quoted = len({(m.start, m.end) for m in ctx.marks.get(art.article_id, []) if m.kind != "fig"})
        asides = len(ctx.asides.get(art.article_id, [])) if how == "full" else 0
        label = (
            f"Text ({len(art.clean_text):,} characters"
            + (f", {quoted} quoted passage(s)" if quoted else "")
            + (f", {asides} sentence(s) kept as context" if asides else "")
            + ")"
        )
        text = el(
            "details",
            {"class": "text"},
            el("summary", None, label + (": quoted passages only" if how == "passages" else "")),
            el("div", {"class": "body"}, body),
        )
    n_inc = len(ctx.incidents_of.get(art.article_id, []))
    return el(
        "li",
        {"class": "src", "id": dom_id("art", art.article_id)},
        el(
            "div",
            {"class": "srchead"},
            el("span", {"class": "kind" + (" orig" if kind == "original" else "")}, kind),
            el("strong", {"class": "title"}, title),
            el(
                "span",
                {"class": "meta"},
                art.outlet or "unknown outlet",
                " · ",
                format_date(art.published) or "date unknown",
                " · ",
                el("a", {"href": href, "rel": "noreferrer"}, "link") if href else "no link",
                " · ",
                el("code", None, art.article_id),
                f" · in {n_inc} incident(s)" if n_inc else None,
            ),
        ),
        el("p", {"class": "muted small"}, "Also received as: ", ", ".join(dupes[art.article_id]))
        if art.article_id in dupes
        else None,
        side_by_side(via, ctx, budget) if via else None,
        extra,
        text,
        el("ul", {"class": "derived"}, children) if children else None,
    )


def render_sources(
    articles: list[Article], ctx: Context, budget: Budget, duplicates: list[tuple[str, str]]
) -> Markup:
    """Origin groups, largest first; within each, a tree of rewrites under what they rewrite.

    Lists ``ctx.listed`` (see ``choose_listed``, which spends the budget's entry bytes) or, when it
    is None, every article.
    """
    listed = ctx.listed if ctx.listed is not None else {a.article_id for a in articles}
    plan = plan_texts([a for a in articles if a.article_id in listed], ctx, budget)
    dupes: dict[str, list[str]] = {}
    for source_input, twin in duplicates:
        dupes.setdefault(twin, []).append(source_input)
    children: dict[str, list[str]] = {}
    roots = []
    for art in articles:
        lin = ctx.lineage.get(art.article_id)
        parent = lin.derived_from if lin else None
        if parent and parent in ctx.articles and parent != art.article_id:
            children.setdefault(parent, []).append(art.article_id)
        else:
            roots.append(art.article_id)
    seen: set[str] = set()

    def tree(aid: str, depth: int = 0) -> Markup:
        seen.add(aid)
        # A chain of rewrites deeper than 100 stops nesting (the page and Python's stack both).
        kids = [
            tree(k, depth + 1) for k in children.get(aid, []) if k not in seen and k in listed and depth < 100
        ]
        hidden = sum(1 for k in children.get(aid, []) if k not in seen)
        if hidden:
            kids.append(
                el("li", {"class": "muted small"}, f"{hidden} more derived article(s) not listed here")
            )
        return entry(ctx.articles[aid], ctx, plan, budget, kids, dupes)

    def group_size(aid: str, depth: int = 0) -> int:
        return 1 + (sum(group_size(k, depth + 1) for k in children.get(aid, [])) if depth < 50 else 0)

    roots.sort(key=lambda a: (-group_size(a), a))
    groups = [el("ul", {"class": "origin"}, tree(r)) for r in roots if r in listed and r not in seen]
    # Anything left is in a cycle of derived_from links; show it flat rather than lose it.
    groups += [
        el("ul", {"class": "origin"}, tree(a.article_id))
        for a in articles
        if a.article_id in listed and a.article_id not in seen
    ]
    return join(groups)
