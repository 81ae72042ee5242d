"""Reuse across languages: a story translated or rewritten into another language (a Sahel site's
French version of a Reuters story, an English site's version of an AFP dispatch).

Copies share word 5-grams and rewrites share wording (``candidates.py``, ``gate.py``); across
languages no wording is shared, only what translation keeps: names, places, numbers. So:

1. candidates: for each new article, the articles in another language within the date window,
   ranked by the rare names and numbers they share (Banibangou, JNIM, 17, 2023); the best
   ``TOP_K`` sharing at least ``MIN_SHARED`` of them (one a name), plus, among pairs in each
   other's ``POOL`` best ranked, the ``CENTROID_TOP`` nearest per article by the mean vector of
   their first ``LEAD`` sentences (a name spelt another way, Tombouctou for Timbuktu, still comes
   in that way);
2. sentences embedded with a multilingual encoder (USE multilingual v3, ``models.load_multilingual``)
   through a cache of its own, imported only when two languages are present;
3. the order-aware alignment of rewrites (``align.py``) with the encoder's own floor ``TAU_CROSS``;
4. a reading covering ``TRANSLATION_COVERAGE`` of the derived article is a ``translation`` edge;
   direction by the usual cues (``direction.py``), then the English article as the original.

Independent reports of one event in two languages share the facts but not the order or most of
the sentences, and stay apart (docs/accuracy.md, "Across languages", gives the figures).

    >>> edges = translation_edges(prepared, new_ids, order, cache, encoder)
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

import numpy as np

from sitrep.models import MULTILINGUAL_LANGUAGES, MULTILINGUAL_MODEL
from sitrep.records import Article, ReuseEdge
from sitrep.reuse.candidates import rare_cap, within_window
from sitrep.reuse.compare import Prepared, Reading, read_semantic
from sitrep.reuse.direction import STORED_FIRST, W_WIRE, decide_edge
from sitrep.reuse.embed import EmbeddingCache, MemoryEmbeddingCache, embed_sentences
from sitrep.reuse.sentences import numbers

# Measured on 30 EN->FR sentence translations and 16 sentences of independent French reports of
# the same events (docs/accuracy.md, "Across languages"): translations >= 0.63 (10th percentile
# 0.69), independent sentences <= 0.51; a restated fact in like words reaches 0.67, which the
# order-aware chain and the coverage floor keep from making an edge.
TAU_CROSS = 0.60
# Share of the derived article's sentences aligned, as for a rewrite (detect.PARAPHRASE_COVERAGE):
# translations 0.88-1.0; independent reports of one attack <= 0.18; a French translation of a
# story and an English condensed rewrite of the same story (siblings, not one from the other) 0.53.
TRANSLATION_COVERAGE = 0.6
MIN_PAIRS = 2  # a two-sentence brief translating a wire story's lead is a translation
MIN_SHARED = 2  # names and numbers shared by a candidate pair ...
MIN_SHARED_NAMES = 1  # ... at least one a name
TOP_K = 5  # key candidates per new article
POOL = 50  # articles in another language whose leads are compared, best ranked first
LEAD = 5  # sentences whose mean vector stands for an article
CENTROID_TOP = 3
# Leads of a translation: 0.88-0.92 on written pairs, but 0.57-0.63 on real ones (a two-line brief,
# a wire story with a paragraph added), as low as independent reports of the same attack (0.50-0.75):
# the nearest few are aligned whatever their score, above a floor that only drops other stories.
CENTROID_MIN = 0.5


def language(article: Article) -> str:
    """The article's language code (an article without one was read as English)."""
    return article.language or "en"


def multilingual_pair(a: Article, b: Article) -> bool:
    """Both in languages the multilingual encoder knows, and not both English: such a pair is read
    with it (MiniLM knows English only)."""
    la, lb = language(a), language(b)
    return la in MULTILINGUAL_LANGUAGES and lb in MULTILINGUAL_LANGUAGES and (la, lb) != ("en", "en")


def crosses(a: Article, b: Article) -> bool:
    """Two articles in two different languages the multilingual encoder knows."""
    return multilingual_pair(a, b) and language(a) != language(b)


def encode(texts: list[str], model=None) -> np.ndarray:
    """Unit-length float32 vectors for ``texts`` with the multilingual encoder."""
    if model is None:
        from sitrep.models import load_multilingual

        model = load_multilingual()
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    vecs = np.asarray(model.encode(list(texts)), dtype=np.float32)
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


def multilingual_vectors(
    prepared: Iterable[Prepared], cache: EmbeddingCache | None, encoder: Callable | None
) -> dict[str, np.ndarray]:
    """Multilingual vectors of every sentence of ``prepared``, keyed by sentence key."""
    texts = [s.text for p in prepared for s in p.sentences]
    return embed_sentences(texts, _cache(cache), encoder=encoder or encode)


def _cache(cache: EmbeddingCache | None) -> EmbeddingCache:
    return cache if cache is not None else MemoryEmbeddingCache(model=MULTILINGUAL_MODEL)


def shared_keys(me: Prepared, other: Prepared, df: Counter, n: int) -> tuple[float, int, int]:
    """(idf weight, count, names among them) of the rare keys two articles share."""
    cap = rare_cap(n)
    shared = [k for k in me.profile.keys & other.profile.keys if df[k] <= cap]
    weight = sum(math.log(n / df[k]) + 1.0 for k in shared)
    return weight, len(shared), sum(not k.startswith("#") for k in shared)


def cross_candidates(
    prepared: dict[str, Prepared], new_ids: Iterable[str], embed: Callable[[list[str]], dict]
) -> set[tuple[str, str]]:
    """Pairs (sorted ids) of articles in two languages worth aligning (see the module's steps).

    Lead vectors are compared only for pairs in each other's ``POOL`` and each article keeps at
    most ``CENTROID_TOP`` such pairs, the nearest first: a pile of 1,000 English reports with one
    French article embeds the leads of at most ``POOL`` of them, not of all 1,000.
    """
    df: Counter = Counter(k for p in prepared.values() for k in p.profile.keys)
    n = len(prepared)
    ranked: dict[str, list] = {}

    def ranking(aid: str) -> list:
        """Articles in another language within the window, most shared rare keys first."""
        if aid not in ranked:
            me = prepared[aid]
            others = [
                o
                for o, p in prepared.items()
                if o != aid
                and p.sentences
                and crosses(me.article, p.article)
                and within_window(me.profile.published, p.profile.published)
            ]
            ranked[aid] = sorted(((shared_keys(me, prepared[o], df, n), o) for o in others), reverse=True)
        return ranked[aid]

    def pool(aid: str) -> set[str]:
        return {o for _, o in ranking(aid)[:POOL]}

    pairs: set[tuple[str, str]] = set()
    near: set[tuple[str, str]] = set()
    for nid in new_ids:
        if not prepared[nid].sentences:
            continue
        for (_, count, names), o in ranking(nid)[:TOP_K]:
            if count >= MIN_SHARED and names >= MIN_SHARED_NAMES:
                pairs.add((min(nid, o), max(nid, o)))
        near |= {(min(nid, o), max(nid, o)) for o in pool(nid) if nid in pool(o)}
    if near:
        leads = {aid: prepared[aid] for pair in near for aid in pair}
        vectors = embed([s.text for p in leads.values() for s in p.sentences[:LEAD]])
        centre = {aid: centroid(p, vectors) for aid, p in leads.items()}
        kept: Counter = Counter()
        for score, (x, y) in sorted(((float(centre[x] @ centre[y]), (x, y)) for x, y in near), reverse=True):
            if score < CENTROID_MIN:
                break
            if kept[x] < CENTROID_TOP and kept[y] < CENTROID_TOP:
                kept[x] += 1
                kept[y] += 1
                pairs.add((x, y))
    return pairs


def centroid(p: Prepared, vectors: dict[str, np.ndarray]) -> np.ndarray:
    """Unit mean vector of an article's first ``LEAD`` sentences."""
    v = np.mean([vectors[k] for k in p.keys[:LEAD]], axis=0)
    return v / max(float(np.linalg.norm(v)), 1e-9)


def digits_only(p: Prepared) -> Prepared:
    """``p`` with each sentence's numbers read from digits alone: "thirty-five" and "trente-cinq"
    are one number, but only English words are read, which would make them disagree."""
    facts = [(numbers(s.text, words=False), names) for s, (_, names) in zip(p.sentences, p.facts)]
    return replace(p, facts=facts)


def shows_translation(reading: Reading) -> bool:
    return reading.coverage >= TRANSLATION_COVERAGE and len(reading.pairs) >= MIN_PAIRS


def decide_translation(a: Prepared, b: Prepared, ab: Reading, ba: Reading, a_first: bool) -> ReuseEdge | None:
    """The ``translation`` edge between ``a`` and ``b`` (``ab``: b read as derived from a), or None.

    The cues of ``direction.py`` first (an earlier day, a credit, a wire); with none, the English
    article is read as the original (the common way: local sites translate wire copy), and between
    two other languages the one stored first.
    """
    if (language(a.article) == "en") != (language(b.article) == "en"):
        english = a if language(a.article) == "en" else b
        tie = (
            english is a,
            f"no cue says which came first: {english.article.article_id}, in English, is read as the original",
        )
    else:
        tie = (a_first, STORED_FIRST)
    kinds = {
        True: "translation" if shows_translation(ab) else None,
        False: "translation" if shows_translation(ba) else None,
    }
    # Being a wire (W_WIRE) is the strongest cue the text overrules here: a wire's service in
    # another language translates other wires' copy as readily as its own.
    edge = decide_edge(a, b, ab, ba, kinds, tie, W_WIRE)
    if edge is not None:
        lang = {p.article.article_id: language(p.article) for p in (a, b)}
        edge.direction.reasons.append(
            f"{edge.derived} ({lang[edge.derived]}) translates {edge.source} ({lang[edge.source]})"
        )
    return edge


def translation_edges(
    prepared: dict[str, Prepared],
    new_ids: list[str],
    order: dict[str, int],
    cache: EmbeddingCache | None = None,
    encoder: Callable | None = None,
) -> list[ReuseEdge]:
    """``translation`` edges between each new article and every article in another language.
    Nothing is embedded (nor the encoder imported) unless two such languages are present."""
    langs = {language(p.article) for p in prepared.values()} & MULTILINGUAL_LANGUAGES
    if len(langs) < 2:
        return []
    cache = _cache(cache)

    def embed(texts: list[str]) -> dict[str, np.ndarray]:
        return embed_sentences(texts, cache, encoder=encoder or encode)

    pairs = cross_candidates(prepared, new_ids, embed)
    if not pairs:
        return []
    vectors = multilingual_vectors(
        [prepared[a] for a in sorted({a for p in pairs for a in p})], cache, encoder
    )
    edges = []
    for x, y in sorted(pairs):
        px, py = digits_only(prepared[x]), digits_only(prepared[y])
        xy, yx = read_semantic(px, py, vectors, TAU_CROSS), read_semantic(py, px, vectors, TAU_CROSS)
        edge = decide_translation(px, py, xy, yx, order[x] < order[y])
        if edge is not None:
            edges.append(edge)
    return edges
