"""From clusters of mentions to contract incidents: date, place, actors, figures, conflicts, summary.

>>> incidents = merge_incidents(extractions, articles, lineage, previous=store.load_incidents())
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date

from sitrep.extract.typer import incident_certainty
from sitrep.merge.cluster import FRESH_DAYS, link_mentions
from sitrep.merge.conflicts import figure_conflicts, outcome_conflicts
from sitrep.merge.ids import article_label, assign_ids, normalize_name, outlet_label, short_article, skeleton
from sitrep.merge.link import attach_identifiers
from sitrep.merge.reconcile import (
    ClaimEntry,
    build_figure,
    field_of,
    fold_echoes,
    killed_by_article,
    trace_origin,
)
from sitrep.merge.summary import summarize
from sitrep.merge.titles import join_titles, title_view
from sitrep.merge.views import MentionView, place_name, view_mention
from sitrep.records import (
    Article,
    ArticleExtraction,
    Figure,
    FigureClaim,
    Incident,
    IncidentActor,
    IncidentDate,
    Lineage,
    Location,
    OtherFigure,
    Outcome,
    parse_day,
)
from sitrep.vocab import DATE_RANK, FIGURE_FIELDS, GEO_RANK

DEFAULT_SUB = "armed_clash"  # the extraction record's default: weaker evidence than any other


def _anchors(group: list[MentionView]) -> list[MentionView]:
    return [v for v in group if not v.follow_up and not v.history] or group


def incident_date(group: list[MentionView]) -> IncidentDate:
    """The narrowest date the group's own reports give; follow-ups and guessed years never set it."""
    dated = [v for v in _anchors(group) if v.day_range and not v.year_guessed]
    # no incident happens after its first report was published: a later date is a follow-up's
    # own news (a charge, a death in hospital), or a weekday read in the wrong week; the day after
    # it, when no report names an earlier day, is the news's ("early Friday" in a story stamped
    # Thursday evening)
    first = min((v.published for v in group if v.published), default=None)
    for ahead in (0, 1):
        kept = [v for v in dated if first is None or v.day_range[0] <= first.toordinal() + ahead]
        if kept:
            break
    dated = kept
    texts = list(dict.fromkeys(t for v in group for t in v.mention.date.text))
    if not dated:
        return IncidentDate(text=texts)
    counts = Counter((v.day_range, v.precision) for v in dated)
    # among equally precise dates, a report published within days of its date told the news; a
    # later one (a charge, a trial) also dates other cases and steps, and counts only after it
    fresh = {
        (v.day_range, v.precision)
        for v in dated
        if v.published and v.day_range[1] + FRESH_DAYS >= v.published.toordinal()
    }
    # ties go to the earliest day: reports come after the event, and a later day among equally
    # precise reports is a vigil, a charge or a death in hospital
    (rng, prec), _ = min(
        counts.items(),
        key=lambda kv: (
            kv[0][0][1] - kv[0][0][0],
            DATE_RANK.get(kv[0][1], 5),
            kv[0] not in fresh,
            -kv[1],
            kv[0][0][0],
        ),
    )
    return IncidentDate(
        start=date.fromordinal(rng[0]).isoformat(),
        end=date.fromordinal(rng[1]).isoformat(),
        precision=prec,
        text=texts,
    )


def incident_location(group: list[MentionView]) -> Location | None:
    """The most precise resolved place; else the most used spelling, unresolved."""
    anchors = _anchors(group)
    texts = Counter(v.mention.places[0].text for v in anchors if v.mention.places)
    spelled = texts.most_common(1)[0][0] if texts else None
    locs = [
        v.mention.location or v.mention.places[0].resolved
        for v in anchors
        if v.mention.location is not None or (v.mention.places and v.mention.places[0].resolved)
    ]
    if locs:
        names = Counter(normalize_name(loc.name) for loc in locs)
        best = min(locs, key=lambda loc: (GEO_RANK.get(loc.precision, 5), -names[normalize_name(loc.name)]))
        if (
            not spelled
            or best.precision not in ("country", "admin1", "unknown")
            or place_name(best.name) in {place_name(t) for t in texts}
        ):
            return best
        # the gazetteer fell back to a wider area: keep the town's name, with the area's honesty
        return best.model_copy(
            update={
                "name": spelled,
                "geonameid": None,
                "reason": f"{spelled} not in the gazetteer; coordinates of {best.name} ({best.precision})",
            }
        )
    if not spelled:
        return None
    country = next((v.country for v in group if v.country), None)
    return Location(
        name=spelled,
        country_code=country,
        precision="unknown",
        reason="no gazetteer match; name as most reports spell it",
    )


def incident_actors(group: list[MentionView]) -> list[IncidentActor]:
    merged: dict[str, IncidentActor] = {}
    roles: dict[str, Counter] = defaultdict(Counter)
    for v in group:
        for a in v.mention.actors:
            key = normalize_name(a.name)
            act = merged.setdefault(key, IncidentActor(name=a.name, kind=a.kind))
            for alias in [a.text, *a.aliases]:
                if alias and alias != act.name and alias not in act.aliases:
                    act.aliases.append(alias)
            roles[key][a.role] += 1
    for key, act in merged.items():
        act.role = roles[key].most_common(1)[0][0]
    order = {"perpetrator": 0, "target": 1, "other": 2}
    return sorted(merged.values(), key=lambda a: (order.get(a.role, 3), a.name))


def incident_type(group: list[MentionView]) -> tuple[str, str]:
    votes = Counter((v.mention.event_type, v.mention.sub_event_type) for v in _anchors(group))
    # "armed_clash" is the record's default, so any other sub-type said by a report is more telling
    return min(votes, key=lambda k: (k[1] == DEFAULT_SUB, -votes[k], k))


def _place_key(inc_loc: Location | None, group: list[MentionView]) -> str:
    name = skeleton(inc_loc.name) if inc_loc else ""
    addr = next((a for v in group for a in v.addresses), "")
    country = (inc_loc.country_code if inc_loc else None) or ""
    return f"{country.lower()}|{name}|{addr}"


def _outlet_namer(articles: dict[str, Article]):
    def outlet_of(origin: str) -> str:
        if origin.startswith("outlet:"):
            return origin.split(":", 1)[1]
        a = articles.get(origin)
        return outlet_label(a.outlet) if a is not None and a.outlet else short_article(origin)

    return outlet_of


def linked_by(cluster, articles: dict[str, Article]) -> list[dict]:
    """Why each report after the first joined this incident: the evidence, in words."""
    out = []
    for v in cluster.members[1:]:
        a = articles.get(v.article_id)
        out.append(
            {
                "mention": v.mention.mention_id,
                "article_id": v.article_id,
                "article": article_label(a) if a else v.article_id,
                "evidence": cluster.reasons.get(v.mention.mention_id, []),
            }
        )
    return out


def kept_apart(cluster, articles: dict[str, Article]) -> list[dict]:
    """Reports whose place and date fit this incident but whose evidence conflicts, and why."""
    mine = {v.article_id for v in cluster.members}
    out, seen = [], set()
    for aid, why in cluster.refused:
        if aid in mine or aid in seen:
            continue  # other evidence brought it in after all, or said twice
        seen.add(aid)
        a = articles.get(aid)
        out.append({"article_id": aid, "article": article_label(a) if a else aid, "reason": why})
    return out


def _published(article: Article | None) -> date | None:
    return parse_day(article.published) if article else None


@contextmanager
def _gc_paused():
    # Merging allocates many small records and frees few: the cyclic collector's full passes
    # rescan the whole heap again and again and made merging grow quadratically (measured:
    # 20k mentions 16.8 s with it, 6.5 s without). Nothing here makes reference cycles.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def merge_incidents(
    extractions: dict[str, ArticleExtraction],
    articles: dict[str, Article],
    lineage: dict[str, Lineage],
    previous: Iterable[Incident] = (),
    build=None,
) -> list[Incident]:
    """Merge every article's incident mentions into reconciled incidents (pure; inputs unchanged).
    ``build`` makes the incidents of the clusters (``build_incidents``; the Ray engine runs it
    per place block on a cluster).

    >>> merge_incidents({"a": extraction}, {"a": article}, {"a": lineage})[0].fatalities.low
    31
    """
    with _gc_paused():
        return _merge(extractions, articles, lineage, previous, build or build_incidents)


def _merge(extractions, articles, lineage, previous, build) -> list[Incident]:
    views, order = [], 0
    for aid in sorted(extractions):
        for m in extractions[aid].mentions:
            views.append(view_mention(m, articles.get(m.article_id), lineage.get(m.article_id), order))
            order += 1
    attach_identifiers(views, articles)
    clusters = link_mentions(views)
    # an article whose text tells no incident may still join one by its headline
    empty = [articles[a] for a in sorted(extractions) if not extractions[a].mentions and a in articles]
    join_titles(clusters, [t for t in (title_view(a, order) for a in empty) if t is not None])
    groups = [c.members for c in clusters]
    locs = [incident_location(g) for g in groups]
    dates = [incident_date(g) for g in groups]
    ids = assign_ids(
        [
            (_place_key(loc, g), d.start, {v.mention.mention_id for v in g})
            for g, loc, d in zip(groups, locs, dates)
        ],
        [(p.incident_id, set(p.mentions)) for p in previous],
    )
    inc_of = {v.mention.mention_id: iid for iid, g in zip(ids, groups) for v in g}
    arts_of = {iid: {v.article_id for v in g} for iid, g in zip(ids, groups)}

    # shared figures: one claim, every incident it covers (by the mentions listing it or covered)
    shared: dict[str, list[ClaimEntry]] = defaultdict(list)
    shared_cover: dict[str, set[str]] = defaultdict(set)
    for v in views:
        for c in v.mention.claims:
            if c.scope == "shared" and v.mention.mention_id in inc_of:
                key = c.claim_id or f"{v.mention.mention_id}:{c.text}"
                covered = {inc_of[m] for m in [v.mention.mention_id, *c.covers] if m in inc_of}
                if key not in shared_cover:
                    art = articles.get(v.article_id)
                    shared[key].append(
                        ClaimEntry(
                            c,
                            v.article_id,
                            trace_origin(
                                c,
                                v.article_id,
                                lineage,
                                articles,
                                set().union(*(arts_of[i] for i in covered)),
                            ),
                            _published(art),
                        )
                    )
                shared_cover[key] |= covered
    shared_by_inc: dict[str, list[ClaimEntry]] = defaultdict(list)
    entry_cover: dict[int, set[str]] = {}
    for key, entries in shared.items():
        for e in entries:
            entry_cover[id(e)] = shared_cover[key]
            for iid in shared_cover[key]:
                shared_by_inc[iid].append(e)

    blocks = [
        (iid, c, loc, d, shared_by_inc.get(iid, [])) for iid, c, loc, d in zip(ids, clusters, locs, dates)
    ]
    incidents = build(blocks, articles, lineage, entry_cover)
    incidents.sort(
        key=lambda i: (i.date.start or "9999", i.location.name if i.location else "", i.incident_id)
    )
    return incidents


def build_incidents(
    blocks: list[tuple], articles, lineage, entry_cover: dict[int, set[str]]
) -> list[Incident]:
    """The incident of each (id, cluster, place, date, shared claim entries) block: figures
    reconciled, conflicts named, summary written. A block reads only its own members, its shared
    entries (``entry_cover``: the incidents each covers, by ``id(entry)``), and the articles and
    lineage those name, so blocks can be built apart (the Ray engine's ``build_blocks``)."""
    outlet_of = _outlet_namer(articles)
    incidents = []
    for iid, c, loc, d, shared_entries in blocks:
        inc = _build(iid, c.members, loc, d, articles, lineage, shared_entries, entry_cover, outlet_of)
        inc.linked_by = linked_by(c, articles)
        inc.kept_apart = kept_apart(c, articles)
        incidents.append(inc)
    return incidents


def _build(iid, group, loc, when, articles, lineage, shared_entries, entry_cover, outlet_of) -> Incident:
    event_type, sub = incident_type(group)
    arts = sorted({v.article_id for v in group})
    entries: dict[str, list[ClaimEntry]] = defaultdict(list)
    seen: set[tuple] = set()
    for v in group:
        pub = v.published
        for c in v.mention.claims:
            if c.scope != "incident":
                continue  # shared figures are handled once for all incidents; aggregates never
            k = (v.article_id, c.claim_id or c.text, c.span)
            if k in seen:
                continue
            seen.add(k)
            origin = trace_origin(c, v.article_id, lineage, articles, arts)
            entries[field_of(c.what)].append(ClaimEntry(c, v.article_id, origin, pub))
    shared_folded: dict[str, list[FigureClaim]] = defaultdict(list)
    by_field: dict[str, list[ClaimEntry]] = defaultdict(list)
    for e in shared_entries:
        by_field[field_of(e.claim.what)].append(e)
    for f, es in by_field.items():
        for fc, members in fold_echoes(es, articles):
            cover = set().union(*(entry_cover[id(m)] for m in members))
            fc.shared_with = sorted(cover - {iid})
            shared_folded[f].append(fc)
    figures: dict[str, Figure] = {}
    folded = {f: fold_echoes(entries.get(f, []), articles) for f in set(entries) | set(shared_folded)}
    killed = killed_by_article(folded.get("fatalities", []))
    for f, claims in folded.items():
        figures[f] = build_figure(claims, shared_folded.get(f, []), killed=killed if f == "wounded" else None)
    outcomes: list[Outcome] = []
    for v in group:
        for o in v.mention.outcomes:
            if not any(o.outcome == x.outcome and o.attributed_to == x.attributed_to for x in outcomes):
                outcomes.append(o)
    # independence: an article adds its own origin unless all it says here is credited elsewhere
    origins: set[str] = set()
    for fig in figures.values():
        origins |= {c.origin for c in fig.claims} | {c.origin for c in fig.shared_claims}
    with_claims = {e.article_id for es in entries.values() for e in es}
    with_claims |= {e.article_id for e in shared_entries}
    for aid in arts:
        if aid not in with_claims:
            origins.add(lineage[aid].origin if aid in lineage else aid)
    inc = Incident(
        incident_id=iid,
        event_type=event_type,
        sub_event_type=sub,
        political=any(v.mention.political for v in group),
        date=when,
        location=loc,
        **incident_certainty([v.mention for v in group], sub),
        actors=incident_actors(group),
        fatalities=figures.pop("fatalities", Figure()),
        wounded=figures.pop("wounded", Figure()),
        captured=figures.pop("captured", Figure()),
        other_figures=[OtherFigure(what=f, figure=fig) for f, fig in sorted(figures.items())],
        articles=arts,
        mentions=[v.mention.mention_id for v in group],
        independent_origins=len(origins),
        origins=sorted(origins),
        outcomes=outcomes,
        label=next((v.mention.label for v in group if v.mention.label), ""),
        filled_dates=[
            v.mention.mention_id for v in group if (not v.day_range or v.year_guessed) and when.start
        ],
    )
    for f in FIGURE_FIELDS:
        inc.conflicts.extend(figure_conflicts(f, getattr(inc, f), outlet_of))
    for of in inc.other_figures:
        inc.conflicts.extend(figure_conflicts(of.what, of.figure, outlet_of))
    inc.conflicts.extend(outcome_conflicts(outcomes))
    inc.notes = [f"{f}: {n}" for f in FIGURE_FIELDS for n in getattr(inc, f).notes]
    inc.summary = summarize(inc, outlet_of)
    return inc
