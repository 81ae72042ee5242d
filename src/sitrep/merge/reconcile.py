"""Reconcile figures: claims traced to their origin, echoes folded, then low / best / high per group.

    >>> figs = build_figures(entries)     # {"fatalities": Figure, "wounded": ..., "arrested": ...}

The rules and their reasons are in docs/reconciliation.md.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sitrep.extract.toll import article_toll
from sitrep.merge.ids import normalize_name, outlet_label
from sitrep.records import Article, Claim, Figure, FigureClaim, Lineage, Range
from sitrep.vocab import CLAIMANT_KINDS, FIELD_OF, GROUP_OF, GROUP_SIDE, UPDATE_WORDS, VICTIM_GROUPS


@dataclass
class ClaimEntry:
    """One claim as one article states it, with the origin it was traced to."""

    claim: Claim
    article_id: str
    origin: str
    published: date | None = None


def canonical_group(group: str | None) -> str:
    """``canonical_group("Malian soldiers") == "soldiers"``; unknown and generic groups -> "people"."""
    g = normalize_name(group or "")
    for word in [g, *reversed(g.split())]:
        # the victim group's own name, or a word (plural or singular) that names it
        for w in (word, word.removesuffix("s")):
            if w in VICTIM_GROUPS:
                return w
            if w in GROUP_OF:
                return GROUP_OF[w]
    return "people" if g in ("", "unknown") else g


def trace_origin(
    claim: Claim,
    article_id: str,
    lineage: dict[str, Lineage],
    articles: dict[str, Article],
    incident_articles: Iterable[str],
) -> str:
    """The origin of a claim: the lineage origin of its article, unless the claim credits an
    outlet ("according to sources quoted by Reuters"): then the article of that outlet reporting
    the incident (with or without a reuse edge), or ``outlet:<name>`` when none is stored.

        >>> trace_origin(claim_crediting_reuters, "004", lineage, articles, ["000", "004"])
        '000'
    """
    if claim.credited_outlet:
        want = outlet_label(claim.credited_outlet)
        own = outlet_label(articles[article_id].outlet) if article_id in articles else None
        if want and want != own:
            for aid in sorted(incident_articles):
                a = articles.get(aid)
                if aid != article_id and a is not None and outlet_label(a.outlet) == want:
                    return lineage[aid].origin if aid in lineage else aid
            return f"outlet:{want}"
    lin = lineage.get(article_id)
    return lin.origin if lin else article_id


def _echo_key(e: ClaimEntry) -> tuple:
    c = e.claim
    numbers = (c.low, c.high) if c.low is not None or c.high is not None else normalize_name(c.text)
    return (c.what, canonical_group(c.group), numbers, c.negated, e.origin, c.subset)


def _slotted_keys(entries: list[ClaimEntry]) -> list[tuple]:
    """Echo keys, numbered within one sentence: "a man and a woman were killed" is two claims of
    1 (two victims), while the same figure in two sentences of one article is one claim told again."""
    seen: dict[tuple, int] = defaultdict(int)
    keys = []
    for e in entries:
        base = _echo_key(e)
        sentence = (e.article_id, e.claim.quote_span or e.claim.quote)
        slot = seen[(base, sentence)]
        seen[(base, sentence)] += 1
        keys.append(base + (slot,))
    return keys


def _primary(entries: list[ClaimEntry]) -> ClaimEntry:
    # the origin's own wording first, then a named source, then the earliest article
    return min(
        entries,
        key=lambda e: (
            e.article_id != e.origin,
            e.claim.claimant_kind == "unknown",
            not e.claim.attributed_to,
            e.article_id,
            e.claim.claim_id,
        ),
    )


def fold_echoes(
    entries: list[ClaimEntry], articles: dict[str, Article]
) -> list[tuple[FigureClaim, list[ClaimEntry]]]:
    """One FigureClaim per (what, group, numbers, origin): copies in rewrites become echoes."""
    groups: dict[tuple, list[ClaimEntry]] = defaultdict(list)
    for e, key in zip(entries, _slotted_keys(entries)):
        groups[key].append(e)
    out = []
    for members in groups.values():
        p = _primary(members)
        c = p.claim
        attributed = c.attributed_to or next(
            (m.claim.attributed_to for m in members if m.claim.attributed_to), None
        )
        kind = (
            c.claimant_kind
            if c.claimant_kind != "unknown"
            else next(
                (m.claim.claimant_kind for m in members if m.claim.claimant_kind != "unknown"), "unknown"
            )
        )
        echoes = sorted({m.article_id for m in members} - {p.article_id})
        quotes = {}
        for m in sorted(members, key=lambda m: m.article_id):
            if m.article_id in echoes and m.article_id not in quotes:
                quotes[m.article_id] = m.claim.quote
        src = articles.get(p.origin)
        outlet = (
            outlet_label(src.outlet)
            if src is not None
            else (p.origin.split(":", 1)[1] if p.origin.startswith("outlet:") else None)
        )
        low, high = (0, 0) if c.negated and c.low is None else (c.low, c.high)
        fc = FigureClaim(
            text=c.text,
            low=low,
            high=high,
            qualifier=c.qualifier,
            group=canonical_group(c.group),
            attributed_to=attributed,
            claimant_kind=kind,
            article_id=p.article_id,
            origin=p.origin,
            quote=c.quote,
            char_span=c.span,
            outlet=outlet,
            echoes=echoes,
            claim_id=c.claim_id,
            echo_quotes=quotes,
            language=c.language,
        )
        out.append((fc, members))
    out.sort(
        key=lambda t: (
            t[0].group or "",
            t[0].low if t[0].low is not None else -1,
            t[0].origin,
            t[0].article_id,
        )
    )
    return out


@dataclass
class Report:
    """What one article says about one group, its claims in one sentence added up."""

    article_id: str
    origin: str
    low: int | None
    high: int | None
    qualifier: str
    claimant_kind: str
    latest: int = 0  # latest publication day (ordinal) among the article and its echoes
    update: bool = False  # worded as a raised toll ("a second victim died", "died of his injuries")


def _side(group: str | None) -> str:
    """Soldiers, police, assailants, civilians; "generic" for words that may name any of them."""
    return GROUP_SIDE.get(canonical_group(group), "generic")


def article_reports(
    claims: list[tuple[FigureClaim, list[ClaimEntry]]], killed: dict[str, list[Claim]] | None = None
) -> list[Report]:
    """What each article reports about one group: ``article_toll`` (extract/toll.py, the one
    reading of an article's toll, also what benchmarks/gvdb.py measures) over the article's own
    claims, one report per origin the article speaks for (a figure it credits to Reuters is
    Reuters' report), a perpetrator's claims apart. ``killed`` (article -> its death claims)
    turns "were shot" counts into the wounded: the shot minus the dead they include."""
    by_source: dict[tuple, list[ClaimEntry]] = defaultdict(list)
    latest: dict[tuple, int] = defaultdict(int)
    for _, members in claims:
        days = [m.published.toordinal() for m in members if m.published]
        for m in members:
            if m.claim.subset:
                continue
            key = (m.article_id, m.origin, m.claim.claimant_kind == "perpetrator")
            by_source[key].append(m)
            latest[key] = max([latest[key], *days])
    out = []
    killed = killed or {}
    for key, entries in by_source.items():
        # An article that tells of people shot but of no death: its "shot" may include the dead
        # other reports of the incident tell of ("a man was shot" here, "the man died" there).
        dead = killed.get(key[0]) or _most_dead(killed)
        rep = _report(key, [m.claim for m in entries], dead, latest[key])
        if rep is not None:
            out.append(rep)
    return out


def _most_dead(killed: dict[str, list[Claim]]) -> list[Claim]:
    """The death claims of the article that reports the most deaths."""
    tolls = {aid: (article_toll(cs).get("killed") or (0, 0, 0))[1] or 0 for aid, cs in killed.items()}
    return killed[max(tolls, key=lambda a: (tolls[a], a))] if tolls else []


def _report(key: tuple, own: list[Claim], dead: list[Claim], latest: int) -> Report | None:
    """One source's report in one article, counted by ``article_toll``."""
    aid, origin, perpetrator = key
    what = Counter(c.what for c in own).most_common(1)[0][0]
    sides = {_side(c.group) for c in own}
    dead = [c for c in dead if _side(c.group) in sides] if what != "killed" else []
    low, best, high = article_toll(own + dead).get(what, (None, None, None))
    if best is None:
        return None  # "all who didn't die were taken prisoner": words, no number
    quals = {c.qualifier for c in own if c.low is not None or c.high is not None or c.negated}
    qual = (
        next(iter(quals))
        if len(quals) == 1
        else "exactly"
        if high is not None and high == best
        else "at_least"
    )
    kinds = {c.claimant_kind for c in own}
    kind = "perpetrator" if perpetrator else next((k for k in CLAIMANT_KINDS if k in kinds), "unknown")
    update = any(UPDATE_WORDS.search(c.quote or "") for c in own if c.what == "killed")
    return Report(aid, origin, low if qual == "up_to" else best, high, qual, kind, latest, update)


def reconcile_group(
    claims: list[tuple[FigureClaim, list[ClaimEntry]]], killed: dict[str, list[Claim]] | None = None
) -> tuple[Range, list[str]]:
    """low / best / high of one group's claims, and notes on how they were set."""
    notes: list[str] = []
    numeric = article_reports(claims, killed)
    specific = [r for r in numeric if r.qualifier != "vague"]
    pool = specific or numeric  # vague figures count only where no specific one exists
    if not pool:
        return Range(), notes
    credible = [r for r in pool if r.claimant_kind != "perpetrator"]
    low = min(r.low if r.low is not None else 0 for r in (credible or pool))
    if not credible:
        notes.append("low rests on the perpetrator's claim only; no best estimate")
    tops = [(r.high if r.high is not None else r.low, r.high is None) for r in pool]
    high = max(t[0] for t in tops)
    high_open = any(t[1] for t in tops if t[0] == high)
    best = None
    if credible:
        lo = max(r.low or 0 for r in credible)
        his = [r.high for r in credible if r.high is not None]
        if all(r.qualifier == "up_to" for r in credible):
            best = min(his)  # "up to 20" alone reads as about 20, not as 0
        elif not his or lo <= min(his):
            best = lo  # every credible report allows it: the lowest figure none contradicts
        elif (raised := _raised(credible)) is not None:
            best = raised.low
            notes.append(
                "best is a later report's raised toll (update wording or a later date); "
                "the earlier figures stay listed"
            )
        else:
            officials = [r for r in credible if r.claimant_kind in ("official", "medical")]
            later = max(officials, key=lambda r: r.latest, default=None)
            if later is not None and later.latest > 0:
                best = later.low
                notes.append("best is the latest official count")
            else:
                by_value: dict[int, set[str]] = defaultdict(set)
                for r in credible:
                    by_value[r.low or 0].add(r.origin)
                best = min(by_value, key=lambda v: (-len(by_value[v]), v))
                notes.append("best is the figure with the most independent origins")
    return Range(low=low, best=best, high=high, high_open=high_open), notes


def _raised(reports: list[Report]) -> Report | None:
    """The report that updates a toll upward: the highest, when it is worded as an update ("a
    second victim died Tuesday") or published after every lower report; None otherwise."""
    top = max(reports, key=lambda r: (r.low or 0, r.latest))
    lower = [r for r in reports if (r.low or 0) < (top.low or 0)]
    if not lower or any(
        r.update and (r.low or 0) < (top.low or 0) and r.latest >= top.latest > 0 for r in lower
    ):
        return None
    if top.update or (top.latest > 0 and all(0 < r.latest < top.latest for r in lower)):
        return top
    return None


def _total(ranges: dict[str, Range], attr: str) -> int | None:
    vals = {g: getattr(r, attr) for g, r in ranges.items()}
    if not vals or any(v is None for v in vals.values()):
        return None
    # Groups of one side may name the same victims: one report's "boy" is another's "student", a
    # "suspect" the "gunman". Within a side the largest count stands; sides add up. One article's
    # own total over its groups ("a woman and her two children": 3) is ``build_figure``'s check.
    sides: dict[str, int] = defaultdict(int)
    for g, v in vals.items():
        if g != "people":
            side = _side(g)
            sides[side] = max(sides[side], v)
    specific = sum(sides.values())
    # "10 people killed, including 3 soldiers": a generic total is not added to its own parts
    return max(specific, vals["people"]) if "people" in vals else specific


def killed_by_article(claims: list[tuple[FigureClaim, list[ClaimEntry]]]) -> dict[str, list[Claim]]:
    """The death claims each article states (its own words), to tell the wounded among the "shot"."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for _, members in claims:
        for m in members:
            out[m.article_id].append(m.claim)
    return dict(out)


def build_figure(
    claims: list[tuple[FigureClaim, list[ClaimEntry]]],
    shared: list[FigureClaim] = (),
    killed: dict[str, list[Claim]] | None = None,
) -> Figure:
    """A contract figure from folded claims; ``shared`` claims are listed but never counted;
    ``killed`` (article -> the deaths it states) is given for the wounded figure."""
    by_group: dict[str, list] = defaultdict(list)
    for fc, m in claims:
        by_group[fc.group or "people"].append((fc, m))
    ranges, notes = {}, []
    for g, items in sorted(by_group.items()):
        r, n = reconcile_group(items, killed)
        if r.low is not None or r.high is not None:
            ranges[g] = r
            notes.extend(f"{g}: {x}" for x in n)
    fig = Figure(by_group=ranges, claims=[fc for fc, _ in claims], shared_claims=list(shared), notes=notes)
    if ranges:
        fig.low, fig.best, fig.high = (_total(ranges, a) for a in ("low", "best", "high"))
        fig.high_open = any(r.high_open for r in ranges.values())
        # Each article's own total over all groups (article_toll) when it says more: "a man and
        # an officer were killed" is 2, though "people" and "police" alone are 1 each.
        whole, _ = reconcile_group(claims, killed)
        if whole.best is not None and fig.best is not None and whole.best > fig.best:
            fig.low, fig.best, fig.high, fig.high_open = whole.low, whole.best, whole.high, whole.high_open
    return fig


def field_of(what: str) -> str:
    """Which incident field a claim's ``what`` feeds: killed -> fatalities, arrested -> arrested."""
    w = re.sub(r"\s+", "_", (what or "").strip().lower())
    return FIELD_OF.get(w, w or "other")
