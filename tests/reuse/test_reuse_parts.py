"""Parts of the reuse stage: splitting, facts, alignment, candidates, direction, lineage."""

from __future__ import annotations

import numpy as np
import pytest

from sitrep.records import Article, Direction, OffsetMap, ReuseEdge, parse_day
from sitrep.reuse.align import Pair, best_chain, numbers_agree, window_scores
from sitrep.reuse.candidates import Profile, candidate_pairs, make_minhash, within_window
from sitrep.reuse.compare import Reading
from sitrep.reuse.direction import canonical_outlet, outlet_of, weigh_direction
from sitrep.reuse.embed import MemoryEmbeddingCache, embed_sentences
from sitrep.reuse.graph import build_lineage
from sitrep.reuse.sentences import name_phrases, names, numbers, sentence_key, split_sentences, words


def article(aid, text, outlet=None, published=None):
    return Article(
        article_id=aid,
        input=aid,
        format="txt",
        raw_text=text,
        clean_text=text,
        offsets=OffsetMap(segments=[(0, 0, len(text))]),
        outlet=outlet,
        published=published,
    )


def test_split_sentences_keeps_offsets_and_drops_short_lines():
    text = 'WIDENING INSECURITY\nLt. Col. Goita spoke on Monday in Bamako. "We hold the town," he said to reporters.\n/\n'
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Lt. Col. Goita spoke on Monday in Bamako.",
        '"We hold the town," he said to reporters.',
    ]
    assert all(text[s.start : s.end] == s.text for s in sents)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("killed at least 60 soldiers and wounded 40 more", {60, 40}),
        ("one soldier died and 10 other people were wounded", {10}),
        ("ten others who were wounded", {10}),
        ("more than 1,200 people", {1200}),
        ("between 2020 and 2023", {2020, 2023}),
        ("dozens of militants", set()),
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


def test_names_skip_the_first_word():
    assert names("Videos showed JNIM fighters in Boulkessi.") == {"jnim", "boulkessi"}
    assert name_phrases("The Malian army met Rida Lyammouri in Burkina Faso.") == {
        "rida lyammouri",
        "burkina faso",
    }


def test_sentence_key_ignores_case_quotes_and_space():
    assert sentence_key("Mali’s army  said") == sentence_key("mali's Army said")
    assert words("Mali’s army") == ["mali's", "army"]


def test_numbers_must_agree():
    assert not numbers_agree({30}, {60, 40})
    assert numbers_agree({60}, {60, 40}) and numbers_agree(set(), {5})


def test_best_chain_is_monotone():
    # Two strong but crossing matches: only one can be in an order-preserving chain.
    scores = np.array([[0.1, 0.9], [0.95, 0.1]])
    chain = best_chain(scores, np.ones_like(scores, bool), 0.6)
    assert chain == [(1, 0)]
    # A derived sentence may follow two in a row of the same source sentence (a split).
    scores = np.array([[0.8, 0.1], [0.7, 0.2], [0.1, 0.9]])
    assert best_chain(scores, np.ones_like(scores, bool), 0.6) == [(0, 0), (1, 0), (2, 1)]
    assert best_chain(np.full((2, 2), 0.5), np.ones((2, 2), bool), 0.6) == []


def test_window_scores_credit_merged_sentences():
    rng = np.random.default_rng(0)
    s = rng.normal(size=(3, 8)).astype(np.float32)
    s /= np.linalg.norm(s, axis=1, keepdims=True)
    merged = (s[0] + s[1]) / np.linalg.norm(s[0] + s[1])
    best, start, end = window_scores(merged[None, :], s, np.array([1.0, 1.0, 1.0]))
    assert best[0, 0] == pytest.approx(1.0, abs=1e-5) and (start[0, 0], end[0, 0]) == (0, 1)


def test_candidates_find_copies_and_shared_rare_keys():
    base = "the army said on monday that insurgents attacked a base near the border " * 3
    other = "floods forced thousands from their homes after days of heavy monsoon rain " * 3
    profiles = {
        "a": Profile("a", base.split(), {"boulkessi", "jnim", "#280"}, parse_day("2025-06-02")),
        "b": Profile("b", base.split() + ["today"], set(), parse_day("2025-06-03")),
        "c": Profile("c", other.split(), {"boulkessi", "jnim", "#280"}, parse_day("2025-06-04")),
        "d": Profile("d", other.split()[:9], {"boulkessi", "jnim", "#280"}, parse_day("2025-08-01")),
    }
    found = candidate_pairs(profiles, ["a", "b"])
    assert found[("a", "b")] == "copy"
    assert found[("a", "c")] == "rewrite"
    assert ("a", "d") not in found  # outside the time window
    assert make_minhash(base.split()).jaccard(make_minhash(base.split())) == 1.0
    assert within_window(None, parse_day("2025-01-01"))


def test_direction_cues():
    wire = article(
        "w", "Gunmen killed five people, police said.\nThis article was produced by Reuters news agency."
    )
    copy = article(
        "c", "Gunmen killed five people, police told Reuters.", outlet="Daily", published="2025-06-03"
    )
    assert outlet_of(wire) == "Reuters" and canonical_outlet("AP") == "Associated Press"
    whole = Reading([Pair(i, i, i, 0.9) for i in range(6)], 6, 10, [False] * 6)
    half = Reading([Pair(i, i, i, 0.9) for i in range(5)], 10, 6, [False] * 5)
    score, reasons = weigh_direction(wire, copy, whole, half)
    assert score >= 0.8 and len(reasons) == 3 and "c is contained in w" in reasons[2]
    early = article("e", "x", published="2025-06-01")
    score, reasons = weigh_direction(copy, early, half, half)
    assert score == pytest.approx(-0.5) and "before" in reasons[0]


def test_memory_cache_embeds_each_sentence_once():
    cache = MemoryEmbeddingCache()
    vecs = embed_sentences(["Gunmen killed five people.", "gunmen  killed five people."], cache)
    assert len(vecs) == 1 and len(cache.vectors) == 1
    v = next(iter(vecs.values()))
    assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-4


def _edge(src, der, kind="paraphrase", cov=0.9):
    return ReuseEdge(source=src, derived=der, kind=kind, coverage=cov, direction=Direction(confidence=0.5))


def test_lineage_breaks_cycles_and_ignores_small_partials():
    arts = [article(x, "text") for x in "abcde"]
    edges = [
        _edge("a", "b", "duplicate", 1.0),
        _edge("b", "c"),
        _edge("c", "a", cov=0.7),
        _edge("a", "d", "partial", 0.2),
        _edge("d", "e", "near_duplicate", 0.95),
    ]
    lin = build_lineage(arts, edges)
    assert lin["b"].duplicate_of == "a" and lin["b"].origin == "a"
    assert lin["c"].origin == "a" and lin["a"].derived_from is None
    assert lin["d"].origin == "d" and lin["e"].origin == "d"
    assert lin["d"].independent_group != lin["a"].independent_group


def test_store_cache_keeps_vectors_between_runs(tmp_path):
    from sitrep.reuse.embed import StoreEmbeddingCache
    from sitrep.store import Store

    text = "Gunmen killed five people in the market on Sunday."
    with Store.open(tmp_path / "s.duckdb") as store:
        first = embed_sentences([text], StoreEmbeddingCache(store))
    with Store.open(tmp_path / "s.duckdb") as store:
        cache = StoreEmbeddingCache(store)
        stored = cache.get([sentence_key(text)])
        assert list(stored) == [sentence_key(text)]
        again = embed_sentences([text], cache)
    key = sentence_key(text)
    assert np.allclose(first[key], again[key], atol=1e-6)
