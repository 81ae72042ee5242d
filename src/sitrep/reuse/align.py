"""Order-aware sentence alignment: the best chain of matching sentence pairs, in reading order.

A rewrite keeps the story's sentence order and its facts; an independent report of the same event
shares the facts but neither the order nor most of the wording. So the alignment is a monotone
chain (derived sentences strictly in order, source sentences never going back) of pairs whose
similarity clears ``tau`` and whose numbers agree; a single document score cannot tell them apart.

    >>> chain = align_sentences(scores, derived_numbers, source_numbers)   # [(i, j, j_end, s), ...]
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Per-pair floors, chosen on the seeds and the generated variants (docs/reuse.md, "Thresholds").
TAU_COSINE = 0.60  # embedding cosine for a rewritten sentence
TAU_LEXICAL = 0.80  # rapidfuzz ratio for a copied or lightly edited sentence


@dataclass(frozen=True)
class Pair:
    """Derived sentence ``i`` aligned to source sentences ``j..j_end`` (inclusive) with ``score``."""

    i: int
    j: int
    j_end: int
    score: float


def window_scores(derived: np.ndarray, source: np.ndarray, lengths: np.ndarray):
    """Cosine of each derived sentence to each source sentence and to each pair of adjacent source
    sentences (a rewrite often merges two into one); returns (best score, window start, window end).

    MiniLM mean-pools its tokens, so the length-weighted mean of two sentence vectors stands in for
    the vector of their concatenation without embedding it.
    """
    single = derived @ source.T
    n, m = single.shape
    start = np.tile(np.arange(m), (n, 1))
    end = start.copy()
    best = single.copy()
    if m > 1:
        merged = source[:-1] * lengths[:-1, None] + source[1:] * lengths[1:, None]
        merged /= np.maximum(np.linalg.norm(merged, axis=1, keepdims=True), 1e-9)
        pair = derived @ merged.T  # (n, m-1): window j..j+1
        for shift in (0, 1):  # credit the window to j and to j+1
            cols = np.arange(m - 1) + shift
            better = pair > best[:, cols]
            best[:, cols] = np.where(better, pair, best[:, cols])
            start[:, cols] = np.where(better, np.arange(m - 1), start[:, cols])
            end[:, cols] = np.where(better, np.arange(m - 1) + 1, end[:, cols])
    return best, start, end


def numbers_agree(derived: set[int], source: set[int]) -> bool:
    """Numbers of an aligned pair agree unless both state numbers and share none.

    >>> numbers_agree({60, 40}, {30}), numbers_agree({30}, {30, 2})
    (False, True)
    """
    return not derived or not source or bool(derived & source)


def names_agree(derived: set[str], source: set[str], least: int = 3) -> bool:
    """Names agree unless both sentences name at least ``least`` things and share none. Rewrites
    respell names ("al Qaeda" / "al-Qaida"), so for them one or two is too few to call a conflict;
    copies keep every name, so for them one is enough (``least=1``)."""
    return len(derived) < least or len(source) < least or bool(derived & source)


def agreement(
    scores: np.ndarray,
    starts: np.ndarray,
    ends: np.ndarray,
    tau: float,
    derived_facts: list[tuple[set, set]],
    source_facts: list[tuple[set, set]],
    least_names: int = 3,
) -> np.ndarray:
    """Which pairs over ``tau`` keep the numbers and names of the derived sentence: ``facts`` are
    (numbers, names) per sentence; a window's facts are the union of its sentences'."""
    ok = np.ones(scores.shape, dtype=bool)
    for i, j in zip(*np.nonzero(scores >= tau)):
        nums, nams = set(), set()
        for k in range(starts[i, j], ends[i, j] + 1):
            nums |= source_facts[k][0]
            nams |= source_facts[k][1]
        dn, dm = derived_facts[i]
        ok[i, j] = numbers_agree(dn, nums) and names_agree(dm, nams, least_names)
    return ok


def best_chain(scores: np.ndarray, allowed: np.ndarray, tau: float) -> list[tuple[int, int]]:
    """Maximum-weight chain of (i, j) with i strictly and j weakly increasing, each pair weighing
    ``score - tau``; only pairs with ``allowed`` and ``score >= tau`` may take part.

        >>> best_chain(np.array([[0.9, 0.1], [0.2, 0.8]]), np.ones((2, 2), bool), 0.6)
        [(0, 0), (1, 1)]
    """
    n, m = scores.shape
    if n == 0 or m == 0:
        return []
    usable = allowed & (scores >= tau)
    rows = np.flatnonzero(usable.any(axis=1))
    if not len(rows):
        return []
    weight = np.where(usable, scores - tau + 1e-6, -np.inf)
    best = np.full((n, m), -np.inf)
    prefix = np.zeros(m)  # best chain ending at rows < i, columns <= j
    for i in rows:  # a row with no usable pair changes nothing
        best[i] = weight[i] + prefix
        prefix = np.maximum.accumulate(np.maximum(prefix, np.where(np.isfinite(best[i]), best[i], 0)))
    finite = np.where(np.isfinite(best), best, -1.0)
    i, j = np.unravel_index(int(np.argmax(finite)), finite.shape)
    if finite[i, j] <= 0:
        return []
    chain = [(int(i), int(j))]
    while best[i, j] - weight[i, j] > 1e-9 and i > 0:
        sub = finite[:i, : j + 1]
        i, j = np.unravel_index(int(np.argmax(sub)), sub.shape)
        chain.append((int(i), int(j)))
    return chain[::-1]


def align_sentences(
    scores: np.ndarray, starts: np.ndarray, ends: np.ndarray, agree: np.ndarray, tau: float
) -> list[Pair]:
    """The aligned pairs of one derived/source article pair from a (derived x source) score matrix.

    >>> s = np.array([[0.9, 0.2], [0.1, 0.7]])
    >>> [p.i for p in align_sentences(s, np.array([[0, 1]] * 2), np.array([[0, 1]] * 2),
    ...                               np.ones((2, 2), bool), 0.6)]
    [0, 1]
    """
    chain = best_chain(scores, agree, tau)
    return [Pair(i, int(starts[i, j]), int(ends[i, j]), float(scores[i, j])) for i, j in chain]
