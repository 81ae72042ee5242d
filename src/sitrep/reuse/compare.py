"""Compare two articles sentence by sentence, each read as the derived text of the other.

>>> pa, pb = prepare_article(a), prepare_article(b)
>>> reading = read_lexical(pa, pb)          # b read as derived from a
>>> reading.coverage, reading.pairs
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cdist

from sitrep.records import AlignedPair, Article, parse_day
from sitrep.reuse import align
from sitrep.reuse.candidates import Profile, article_keys
from sitrep.reuse.sentences import (
    Sentence,
    key_of_normalised,
    name_phrases,
    names,
    normalise,
    numbers,
    split_sentences,
    words,
)

COPIED = 90  # rapidfuzz ratio of an aligned pair whose wording is copied, not rewritten
FULL = 0.85  # coverage that counts as "all of it" ...
FURNITURE_LINES = 3  # ... as does all but this many lines (site furniture the cleaner left)


def mostly(total: int, matched: int) -> bool:
    """``matched`` of ``total`` sentences is all of them, up to furniture.

    >>> mostly(20, 17), mostly(11, 8), mostly(8, 5)
    (True, True, False)
    """
    if total == 0:
        return False
    return matched >= FULL * total or (total - matched <= FURNITURE_LINES and matched >= 0.7 * total)


@dataclass
class Prepared:
    """An article split into sentences, with what comparisons need from each."""

    article: Article
    sentences: list[Sentence]
    norms: list[str]
    keys: list[str]
    facts: list[tuple[set, set]]
    lengths: np.ndarray
    profile: Profile


@dataclass
class Reading:
    """The derived article's sentences aligned to the source's (one orientation of a pair)."""

    pairs: list[align.Pair]
    n_derived: int
    n_source: int
    copied: list[bool]  # per pair: the wording is copied (character ratio >= COPIED)

    @property
    def coverage(self) -> float:
        return len(self.pairs) / self.n_derived if self.n_derived else 0.0

    @property
    def source_coverage(self) -> float:
        used = {k for p in self.pairs for k in range(p.j, p.j_end + 1)}
        return len(used) / self.n_source if self.n_source else 0.0

    @property
    def whole_derived(self) -> bool:
        """All of the derived text is aligned, but for a few furniture lines."""
        return mostly(self.n_derived, len(self.pairs))

    @property
    def whole_source(self) -> bool:
        """All of the source is aligned, but for a few furniture lines."""
        used = {k for p in self.pairs for k in range(p.j, p.j_end + 1)}
        return mostly(self.n_source, len(used))

    @property
    def verbatim(self) -> float:
        """Share of aligned pairs that are copied wording rather than rewritten."""
        if not self.pairs:
            return 0.0
        return sum(self.copied) / len(self.pairs)

    @property
    def mean_score(self) -> float:
        return float(np.mean([p.score for p in self.pairs])) if self.pairs else 0.0


def prepare_article(article: Article) -> Prepared:
    """Split ``article.clean_text`` and note each sentence's key, numbers and names.

    >>> prepare_article(article).sentences[0].text
    """
    sents = split_sentences(article.clean_text)
    facts = [(numbers(s.text), names(s.text)) for s in sents]
    all_names = set().union(*(f[1] for f in facts)) if facts else set()
    all_numbers = set().union(*(f[0] for f in facts)) if facts else set()
    phrases = set().union(*(name_phrases(s.text) for s in sents)) if sents else set()
    profile = Profile(
        article.article_id,
        words(article.clean_text),
        article_keys(all_names | phrases, all_numbers),
        parse_day(article.published),
    )
    norms = [normalise(s.text) for s in sents]
    return Prepared(
        article=article,
        sentences=sents,
        norms=norms,
        keys=[key_of_normalised(n) for n in norms],
        facts=facts,
        lengths=np.array([max(s.n_words, 1) for s in sents], dtype=np.float32),
        profile=profile,
    )


def _reading(
    scores, starts, ends, derived: Prepared, source: Prepared, tau: float, least_names: int
) -> Reading:
    ok = align.agreement(scores, starts, ends, tau, derived.facts, source.facts, least_names)
    pairs = align.align_sentences(scores, starts, ends, ok, tau)
    copied = [
        fuzz.ratio(derived.norms[p.i], " ".join(source.norms[p.j : p.j_end + 1])) >= COPIED for p in pairs
    ]
    return Reading(pairs, len(derived.sentences), len(source.sentences), copied)


def read_lexical(source: Prepared, derived: Prepared, matrix: np.ndarray | None = None) -> Reading:
    """Align by character similarity (rapidfuzz ratio): copies and light edits, no embedding."""
    if matrix is None:
        matrix = lexical_matrix(source, derived)
    idx = np.tile(np.arange(matrix.shape[1]), (matrix.shape[0], 1))
    return _reading(matrix, idx, idx, derived, source, align.TAU_LEXICAL, least_names=1)


def lexical_matrix(source: Prepared, derived: Prepared) -> np.ndarray:
    """(derived x source) rapidfuzz ratios in [0, 1]."""
    if not source.norms or not derived.norms:
        return np.zeros((len(derived.norms), len(source.norms)), dtype=np.float32)
    return cdist(derived.norms, source.norms, scorer=fuzz.ratio, dtype=np.float32) / 100.0


def read_semantic(
    source: Prepared, derived: Prepared, vectors: dict[str, np.ndarray], tau: float = align.TAU_COSINE
) -> Reading:
    """Align by embedding cosine, letting one derived sentence match two merged source sentences
    (``tau``: the encoder's floor for a rewritten sentence)."""
    if not source.sentences or not derived.sentences:
        return Reading([], len(derived.sentences), len(source.sentences), [])
    d = np.stack([vectors[k] for k in derived.keys])
    s = np.stack([vectors[k] for k in source.keys])
    scores, starts, ends = align.window_scores(d, s, source.lengths)
    return _reading(scores, starts, ends, derived, source, tau, least_names=3)


def aligned_pairs(src: Prepared, der: Prepared, reading: Reading) -> list[AlignedPair]:
    """The reading's pairs with raw spans and raw text, for a person to check."""
    out = []
    for p in reading.pairs:
        ds = der.sentences[p.i]
        s0, s1 = src.sentences[p.j], src.sentences[p.j_end]
        dspan = der.article.raw_span(ds.start, ds.end)
        sspan = src.article.raw_span(s0.start, s1.end)
        out.append(
            AlignedPair(
                source_span=sspan,
                derived_span=dspan,
                score=round(p.score, 3),
                source_text=src.article.raw_text[sspan[0] : sspan[1]],
                derived_text=der.article.raw_text[dspan[0] : dspan[1]],
            )
        )
    return out
