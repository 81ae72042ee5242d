"""Derivation graph: derived_from, origin and independent group per article.

An article's ``derived_from`` is its best source among the edges that say most of its text comes
from elsewhere (duplicate, near_duplicate, paraphrase, translation, or a partial edge covering at
least half of it). A low-coverage partial edge (a blend quoting a wire story) stays an edge, for claim-level
attribution, but does not make the blend a copy: its own reporting keeps it its own origin.

    >>> lineage = build_lineage(articles, edges)
    >>> lineage["002"].origin
    '001'
"""

from __future__ import annotations

from sitrep.records import Article, Lineage, ReuseEdge

KIND_RANK = {"duplicate": 3, "near_duplicate": 2, "paraphrase": 1, "translation": 1, "partial": 0}
PARTIAL_DERIVES = 0.5


def derives(edge: ReuseEdge) -> bool:
    """Whether an edge makes its derived article a copy or rewrite of its source."""
    return edge.kind != "partial" or edge.coverage >= PARTIAL_DERIVES


def build_lineage(articles: list[Article], edges: list[ReuseEdge]) -> dict[str, Lineage]:
    """``Lineage`` per article: best source, root of its derivation tree, and independent group.

    >>> build_lineage([a0, a1], [ReuseEdge(source="a0", derived="a1", ...)])["a1"].origin
    'a0'
    """
    ids = [a.article_id for a in articles]
    known = set(ids)
    parent: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    # Strongest edges first; an edge that would close a cycle is skipped, so the graph is a forest.
    ranked = sorted(
        (e for e in edges if derives(e) and e.source in known and e.derived in known),
        key=lambda e: (-KIND_RANK[e.kind], -e.coverage, -e.direction.confidence, e.source, e.derived),
    )
    for e in ranked:
        if e.derived in parent or e.source == e.derived or _ancestor(parent, e.derived, e.source):
            continue
        parent[e.derived] = e.source
        if e.kind == "duplicate":
            duplicate_of[e.derived] = e.source

    origin = {aid: _root(parent, aid) for aid in ids}
    # Independent groups: origins joined by any derivation edge (one article may rewrite two
    # copies of the same story whose trees were built apart).
    group = {o: o for o in set(origin.values())}

    def find(x: str) -> str:
        while group[x] != x:
            group[x] = group[group[x]]
            x = group[x]
        return x

    for e in edges:
        if derives(e) and e.source in known and e.derived in known:
            ra, rb = find(origin[e.source]), find(origin[e.derived])
            if ra != rb:
                group[max(ra, rb)] = min(ra, rb)
    return {
        aid: Lineage(
            article_id=aid,
            derived_from=parent.get(aid),
            origin=origin[aid],
            independent_group=find(origin[aid]),
            duplicate_of=duplicate_of.get(aid),
        )
        for aid in ids
    }


def _ancestor(parent: dict[str, str], node: str, of: str) -> bool:
    """True if ``node`` is ``of`` or one of its ancestors."""
    seen = set()
    while of not in seen:
        if of == node:
            return True
        seen.add(of)
        if of not in parent:
            return False
        of = parent[of]
    return False


def _root(parent: dict[str, str], node: str) -> str:
    seen = set()
    while node in parent and node not in seen:
        seen.add(node)
        node = parent[node]
    return node
