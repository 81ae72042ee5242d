"""Find reuse edges between new articles and every other article.

Steps: split each article into sentences; find candidate pairs (MinHash LSH for copies, rare
names and numbers for rewrites); align copied pairs by character similarity (no embedding); keep
the rewrite candidates whose whole-text wording is close enough (``gate``); embed the sentences of
those only (through the cache, so each sentence once, ever)
and align them by cosine; classify each pair and decide its direction.

    >>> edges = find_reuse(new_articles, stored_articles, embeddings=MemoryEmbeddingCache())
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.records import Article, ReuseEdge
from sitrep.reuse.candidates import candidate_pairs
from sitrep.reuse.compare import (
    Prepared,
    Reading,
    lexical_matrix,
    prepare_article,
    read_lexical,
    read_semantic,
)
from sitrep.reuse.direction import STORED_FIRST, W_CONTAINED, credits_outlet, decide_edge, outlet_of
from sitrep.reuse.embed import EmbeddingCache, MemoryEmbeddingCache, embed_sentences  # noqa: F401
from sitrep.reuse.gate import worth_embedding
from sitrep.reuse.translation import (
    TAU_CROSS,
    crosses,
    multilingual_pair,
    multilingual_vectors,
    translation_edges,
)

# Document-level thresholds, chosen on the seeds and generated variants (docs/reuse.md).
COPY_SHARE = 0.8  # share of aligned pairs with copied wording that makes a pair a copy
EDITED_SHARE = 0.5  # ... and a lightly edited one
PARAPHRASE_COVERAGE = 0.6  # seeds' rewrites: 0.83, 0.88; anything else: <= 0.39
PARTIAL_COVERAGE = 0.1
MIN_PARTIAL_PAIRS = 3
LEXICAL_ENOUGH = 0.5  # a pair this covered by copied wording is read by characters alone


def classify(reading: Reading, credited: bool) -> str | None:
    """The kind of reuse one orientation shows, or None.

    ``credited``: the derived article names the source's outlet, which lets a small block of
    rewritten sentences count as reuse (a blend quoting a wire story) rather than shared facts.
    """
    cov, n = reading.coverage, len(reading.pairs)
    if n == 0:
        return None
    if reading.verbatim >= COPY_SHARE and reading.whole_derived:
        return "duplicate" if reading.whole_source else "near_duplicate"
    if reading.verbatim >= EDITED_SHARE and reading.whole_derived:
        return "near_duplicate"
    if reading.verbatim >= COPY_SHARE and cov >= PARTIAL_COVERAGE and n >= MIN_PARTIAL_PAIRS:
        return "partial"
    if cov >= PARAPHRASE_COVERAGE:
        return "paraphrase"
    if credited and cov >= PARTIAL_COVERAGE and n >= MIN_PARTIAL_PAIRS:
        return "partial"
    return None


def decide(a: Prepared, b: Prepared, ab: Reading, ba: Reading, a_first: bool) -> ReuseEdge | None:
    """The edge between ``a`` and ``b`` (``ab``: b read as derived from a), or None.

    ``a_first``: a was stored before b, the tie-break when no cue says which came first. Only weak
    cues (containment, W_CONTAINED) yield to the text when one reading alone shows reuse.
    """
    kinds = {
        True: classify(ab, credits_outlet(b.article, outlet_of(a.article))),
        False: classify(ba, credits_outlet(a.article, outlet_of(b.article))),
    }
    return decide_edge(a, b, ab, ba, kinds, (a_first, STORED_FIRST), W_CONTAINED)


@dataclass
class ReusePlan:
    """What ``find_reuse`` will read, decided before any sentence is embedded: the pairs read by
    characters (``readings``), those to read by MiniLM (``semantic``) and by the multilingual
    encoder (``other``). Both engines embed what ``to_embed`` says (the Ray engine beforehand, on
    the actors that extract), so neither embeds a sentence the other would not."""

    new: list[Article]
    stored: list[Article]
    order: dict[str, int]
    articles: dict[str, Article]
    prepared: dict[str, Prepared]
    readings: dict[tuple[str, str], tuple[Reading, Reading]]
    semantic: list[tuple[str, str]]
    other: list[tuple[str, str]]

    def to_embed(self) -> dict[str, list[str]]:
        """The sentences MiniLM reads, by article (sorted ids): those of the ``semantic`` pairs."""
        needed = sorted({aid for pair in self.semantic for aid in pair})
        return {aid: [s.text for s in self.prepared[aid].sentences] for aid in needed}


def plan_reuse(new: list[Article], stored: list[Article], candidates=candidate_pairs) -> ReusePlan:
    """Candidate pairs (``candidates``), their character reading, and which pairs need vectors."""
    new_ids = [a.article_id for a in new]
    order = {a.article_id: i for i, a in enumerate([*stored, *new])}
    articles = {a.article_id: a for a in [*stored, *new]}
    prepared = {aid: prepare_article(a) for aid, a in articles.items()}
    pairs = candidates({aid: p.profile for aid, p in prepared.items()}, new_ids)
    # two languages share no wording: such pairs are found and read by translation.py
    pairs = {p: how for p, how in pairs.items() if not crosses(articles[p[0]], articles[p[1]])}

    readings: dict[tuple[str, str], tuple[Reading, Reading]] = {}
    semantic: list[tuple[str, str]] = []
    for (x, y), how in sorted(pairs.items()):
        px, py = prepared[x], prepared[y]
        if not px.sentences or not py.sentences:
            continue
        m = lexical_matrix(px, py)
        xy, yx = read_lexical(px, py, m), read_lexical(py, px, m.T)
        copied = max((r for r in (xy, yx)), key=lambda r: r.coverage)
        if (copied.coverage >= LEXICAL_ENOUGH and copied.verbatim >= COPY_SHARE) or how == "copy":
            # Shared 5-grams but few shared rare names: boilerplate, not a rewrite; the
            # character reading is all it gets.
            readings[(x, y)] = (xy, yx)
        else:
            semantic.append((x, y))

    # only pairs whose wording is close enough to be a rewrite are embedded (see gate.py)
    semantic = worth_embedding(semantic, {aid: p.profile.words for aid, p in prepared.items()})
    # rewrites within another language are read with the multilingual encoder, not English MiniLM
    other = [(x, y) for x, y in semantic if multilingual_pair(articles[x], articles[y])]
    semantic = [p for p in semantic if p not in other]
    return ReusePlan(new, stored, order, articles, prepared, readings, semantic, other)


def find_reuse(
    new: list[Article],
    stored: list[Article],
    embeddings: EmbeddingCache | None = None,
    encoder=None,
    cross_embeddings: EmbeddingCache | None = None,
    cross_encoder=None,
    candidates=candidate_pairs,
    plan: ReusePlan | None = None,
) -> list[ReuseEdge]:
    """Edges between each new article and every other article (new or stored): the run stores
    them beside the edges it has (``Store.save_reuse``), which stand. ``encoder`` embeds sentences (the run's
    ``Resources.encode``; default ``embed.encode``); ``cross_encoder`` and ``cross_embeddings``
    are the multilingual encoder and its cache, used only for articles not in English
    (``translation.py``; default ``translation.encode``, in memory). ``candidates`` finds the pairs
    (``candidate_pairs``; the Ray engine's runs the same rules as group-bys on a cluster);
    ``plan``: ``plan_reuse``'s, when the caller made it first (to embed what it names beforehand).

        >>> edges = find_reuse([a1], [a0], embeddings=MemoryEmbeddingCache())
        >>> [(e.source, e.derived, e.kind, e.coverage) for e in edges]
    """
    plan = plan or plan_reuse(new, stored, candidates)
    with one_blas_thread():
        return _find(plan, embeddings, encoder, cross_embeddings, cross_encoder)


def one_blas_thread():
    """numpy's BLAS on one thread while pairs are read: each reading multiplies matrices of tens of
    sentences, too small for a second thread to help, and OpenBLAS's spins between calls cost six
    times the work (gvdb's 330 readings: 0.54 CPU s and 1.4 s wall on its default two threads,
    0.09 and 0.18 on one). The products are the same up to float rounding (OpenBLAS's threaded
    kernel sums some in another order: 1e-7), the edges of the dev sets and seeds identical."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1, user_api="blas")


def _find(
    plan: ReusePlan,
    embeddings: EmbeddingCache | None,
    encoder,
    cross_embeddings: EmbeddingCache | None,
    cross_encoder,
) -> list[ReuseEdge]:
    """``find_reuse``'s work once the plan is made."""
    new_ids = [a.article_id for a in plan.new]
    order, prepared, readings = plan.order, plan.prepared, dict(plan.readings)
    semantic, other = plan.semantic, plan.other
    if other:
        vectors = multilingual_vectors(
            [prepared[a] for a in sorted({a for p in other for a in p})], cross_embeddings, cross_encoder
        )
        for x, y in other:
            px, py = prepared[x], prepared[y]
            readings[(x, y)] = (
                read_semantic(px, py, vectors, TAU_CROSS),
                read_semantic(py, px, vectors, TAU_CROSS),
            )
    if semantic:
        texts = [t for ts in plan.to_embed().values() for t in ts]
        vectors = embed_sentences(
            texts, embeddings if embeddings is not None else MemoryEmbeddingCache(), encoder=encoder
        )
        for x, y in semantic:
            px, py = prepared[x], prepared[y]
            readings[(x, y)] = (read_semantic(px, py, vectors), read_semantic(py, px, vectors))

    edges = []
    for (x, y), (xy, yx) in sorted(readings.items()):
        edge = decide(prepared[x], prepared[y], xy, yx, order[x] < order[y])
        if edge is not None:
            edges.append(edge)
    edges += translation_edges(prepared, new_ids, order, cross_embeddings, cross_encoder)
    return edges
