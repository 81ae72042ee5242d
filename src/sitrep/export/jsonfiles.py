"""The JSON files of the contract: incidents, articles, reuse edges, rejected inputs.

>>> incidents_json(incidents)["schema_version"]
1
"""

from __future__ import annotations

from collections.abc import Iterable

from sitrep.merge.ids import article_label
from sitrep.records import SCHEMA_VERSION, Article, ArticleExtraction, Incident, Lineage, Rejection, ReuseEdge


def incidents_json(incidents: Iterable[Incident]) -> dict:
    return {"schema_version": SCHEMA_VERSION, "incidents": [i.to_dict() for i in incidents]}


def articles_json(
    articles: Iterable[Article],
    lineage: dict[str, Lineage],
    duplicates: Iterable[tuple[str, str]] = (),
    extractions: dict[str, ArticleExtraction] | None = None,
) -> dict:
    """Article metadata with lineage; ``duplicate_inputs`` lists inputs that were exact copies;
    ``set_aside`` and ``context_claims`` what extraction kept as context (running totals, history)."""
    extractions = extractions or {}
    copies: dict[str, list[str]] = {}
    for inp, aid in duplicates:
        copies.setdefault(aid, []).append(inp)
    rows = []
    for a in sorted(articles, key=lambda a: a.article_id):
        lin = lineage.get(a.article_id)
        rows.append(
            {
                "article_id": a.article_id,
                "outlet": a.outlet,
                "published": a.published,
                "title": a.title,
                "author": a.author,
                "origin": lin.origin if lin else a.article_id,
                "derived_from": lin.derived_from if lin else None,
                "independent_group": lin.independent_group if lin else a.article_id,
                "n_chars": a.n_chars,
                "language": a.language,
                "rejected": False,
                "duplicate_of": lin.duplicate_of if lin else None,
                "duplicate_inputs": sorted(copies.get(a.article_id, [])),
                "is_english": a.is_english,
                "input": a.input,
                "url": a.url,
                "format": a.format,
                "credits": [c.to_dict() for c in a.credits],
                "notes": _notes(a, extractions.get(a.article_id)),
                **_context(extractions.get(a.article_id)),
            }
        )
    return {"schema_version": SCHEMA_VERSION, "articles": rows}


def _notes(a: Article, ex: ArticleExtraction | None) -> list[str]:
    """What reading and cleaning noticed, then what extraction did (a long sentence cut, a text
    not read): the extraction's notes are about this article too."""
    return [*a.notes, *(n for n in (ex.notes if ex else []) if n not in a.notes)]


def _context(ex: ArticleExtraction | None) -> dict:
    if ex is None:
        return {"set_aside": [], "context_claims": []}
    return {
        "set_aside": [x.to_dict() for x in ex.set_aside],
        "context_claims": [c.to_dict() for c in ex.context_claims],
    }


def reuse_json(edges: Iterable[ReuseEdge], articles: dict | None = None) -> dict:
    """The reuse edges; with ``articles``, each edge also names both articles by title and outlet
    (``source_label``, ``derived_label``) and its reasons say those names instead of hashes."""
    ordered = sorted(edges, key=lambda e: (e.source, e.derived))
    return {"schema_version": SCHEMA_VERSION, "edges": [edge_json(e, articles) for e in ordered]}


def edge_json(edge: ReuseEdge, articles: dict | None = None) -> dict:
    """One edge of ``reuse.json`` (see ``reuse_json``)."""
    d = edge.to_dict()
    if articles:
        labels = {aid: article_label(articles[aid]) for aid in (d["source"], d["derived"]) if aid in articles}
        d["source_label"], d["derived_label"] = labels.get(d["source"]), labels.get(d["derived"])
        direction = d.get("direction") or {}
        for i, reason in enumerate(direction.get("reasons", [])):
            for aid, label in labels.items():
                reason = reason.replace(aid, f'"{label}"')
            direction["reasons"][i] = reason
    return d


def rejected_json(rejected: Iterable[Rejection]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "rejected": [
            {"input": r.input, "line": r.line, "code": r.code, "reason": r.reason} for r in rejected
        ],
    }
