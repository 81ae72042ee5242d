"""Which rewrite candidates are worth embedding: a cheap whole-text check before the costly one.

On a topical pile (every article about a shooting, or one week in the Sahel) most articles share
rare-enough names and numbers with ten others, so nearly every sentence of the pile would be
embedded to compare pairs that are merely about the same kind of event. A rewrite keeps much of its
source's vocabulary beyond names (the seeds' rewrites, the benchmark's synonym-swapped paraphrases
and every edge found on the dev sets score >= 0.26 here; pairs of unrelated reports from the same
pile score 0.16 at the median), so pairs whose TF-IDF cosine over their words (IDF from the whole
pile) is under ``MIN_COSINE`` are not embedded. Then each article keeps at most ``MAX_PER_ARTICLE``
pairs, the most similar first, so a pile of near-identical reports degrades to its closest pairs
instead of growing quadratically.

    >>> kept = worth_embedding(pairs, {aid: profile.words for aid, profile in profiles.items()})
"""

from __future__ import annotations

import math
from collections import Counter

MIN_COSINE = 0.2  # measured: dev-set edges >= 0.267, seeds >= 0.38, benchmark >= 0.6
MAX_PER_ARTICLE = 10  # as many as the rewrite candidates each new article may have (TOP_K)


def tfidf_vectors(words: dict[str, list[str]], wanted: set[str]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors (sublinear tf, smoothed idf over all of ``words``) for ``wanted``."""
    n = len(words)
    df: Counter = Counter()
    for ws in words.values():
        df.update(set(ws))
    out = {}
    for aid in wanted:
        tf = Counter(words[aid])
        vec = {w: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[w])) + 1) for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[aid] = {w: v / norm for w, v in vec.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def worth_embedding(
    pairs: list[tuple[str, str]],
    words: dict[str, list[str]],
    min_cosine: float = MIN_COSINE,
    max_per_article: int = MAX_PER_ARTICLE,
) -> list[tuple[str, str]]:
    """The ``pairs`` (in their order) that pass the cosine floor and each article's cap."""
    if not pairs:
        return []
    vectors = tfidf_vectors(words, {a for p in pairs for a in p})
    scored = sorted(((cosine(vectors[x], vectors[y]), (x, y)) for x, y in pairs), reverse=True)
    count: Counter = Counter()
    kept = set()
    for score, (x, y) in scored:
        if score < min_cosine:
            break
        if count[x] >= max_per_article or count[y] >= max_per_article:
            continue
        count[x] += 1
        count[y] += 1
        kept.add((x, y))
    return [p for p in pairs if p in kept]
