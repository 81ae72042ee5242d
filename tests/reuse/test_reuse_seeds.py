"""Reuse on the seed articles and on generated variants of their real text."""

from __future__ import annotations

import csv

import pytest

from sitrep.clean import clean_document
from sitrep.records import Article, Document, OffsetMap
from sitrep.reuse import MemoryEmbeddingCache, build_lineage, find_reuse

R, AP, P2, P3, P4 = (
    "000_637d78b309cbb5dc",
    "001_5fd46db9fb16ef00",
    "002_d621ef57b203f649",
    "003_a5aecea2bd63faf4",
    "004_9b07b6954dd56870",
)

FLOOD = (
    "Floods in northern Bangladesh have forced more than 200,000 people from their homes after "
    "days of monsoon rain, officials said on Tuesday.\n"
    "The Teesta and Dharla rivers burst their banks near Kurigram, submerging rice paddies and "
    "cutting the main road to Rangpur.\n"
    "Disaster management officials in Dhaka said 14 shelters had opened and that boats were "
    "carrying food to villages cut off by the water.\n"
    "Farmers said the seedlings planted last month were lost and that many families had moved "
    "their cattle onto raised embankments.\n"
    "The weather office forecast more heavy rain for the coming week across the Brahmaputra basin."
)
STABBING = (
    "A man has been charged with attempted murder after a stabbing outside a nightclub in Leeds "
    "city centre early on Tuesday, West Yorkshire Police said.\n"
    "Officers were called to Call Lane shortly after 2am and found a 24-year-old man with serious "
    "injuries; he was taken to Leeds General Infirmary.\n"
    "A 31-year-old man from Bradford was arrested nearby and will appear before magistrates on "
    "Thursday.\n"
    "Detectives have asked anyone with doorbell or dashcam footage of the area to come forward."
)


def make(aid: str, text: str, outlet=None, published=None) -> Article:
    doc = Document(
        input=f"{aid}.txt", text=text, format="txt", article_id=aid, outlet=outlet, published=published
    )
    return clean_document(doc, aid)


@pytest.fixture(scope="module")
def seeds(seeds_dir) -> dict[str, Article]:
    out = {}
    for row in csv.DictReader((seeds_dir / "manifest.csv").open(encoding="utf-8")):
        text = (seeds_dir / row["file"]).read_text(encoding="utf-8")
        out[row["article_id"]] = make(
            row["article_id"], text, row["outlet"] or None, row["published"] or None
        )
    return out


@pytest.fixture(scope="module")
def cache() -> MemoryEmbeddingCache:
    return MemoryEmbeddingCache()


@pytest.fixture(scope="module")
def seed_edges(seeds, cache):
    return find_reuse(list(seeds.values()), [], embeddings=cache)


def edge(edges, a, b):
    """The edge between a and b in either direction, or None."""
    found = [e for e in edges if {e.source, e.derived} == {a, b}]
    assert len(found) <= 1
    return found[0] if found else None


def body(text: str) -> str:
    """000 without its republisher's footer."""
    return text.split("This article was produced by Reuters")[0].rstrip()


@pytest.mark.parametrize("source,derived,minimum", [(AP, P2, 0.8), (R, P3, 0.7)])
def test_seed_paraphrases_found_with_direction(seed_edges, expected, source, derived, minimum):
    e = edge(seed_edges, source, derived)
    assert e is not None and (e.source, e.derived, e.kind) == (source, derived, "paraphrase")
    assert e.coverage >= minimum
    assert e.direction.confidence > 0 and e.direction.reasons
    spec = {(x["source"], x["derived"]): x for x in expected["reuse"]["edges"]}
    assert e.coverage >= spec[(source, derived)]["min_coverage"]


@pytest.mark.parametrize("a,b", [(R, AP), (P2, P3)])
def test_independent_reports_get_no_edge(seed_edges, a, b):
    assert edge(seed_edges, a, b) is None


def test_blend_is_partial_from_reuters_or_nothing(seed_edges, expected):
    into_004 = [e for e in seed_edges if P4 in (e.source, e.derived)]
    either = expected["reuse"]["either"][0]
    for e in into_004:
        assert (e.source, e.derived, e.kind) == (either["source"], either["derived"], "partial")
        assert either["min_coverage"] <= e.coverage <= either["max_coverage"]


def test_seed_origins(seeds, seed_edges, expected):
    lineage = build_lineage(list(seeds.values()), seed_edges)
    for aid, origin in expected["reuse"]["origins"].items():
        assert lineage[aid].origin == origin
    assert lineage[P2].derived_from == AP and lineage[P3].derived_from == R
    assert lineage[R].independent_group != lineage[AP].independent_group
    assert lineage[P2].independent_group == lineage[AP].independent_group


def test_aligned_pairs_carry_raw_spans(seed_edges, seeds):
    e = edge(seed_edges, R, P3)
    assert len(e.aligned) >= 10
    for p in e.aligned:
        assert seeds[R].raw_text[slice(*p.source_span)] == p.source_text
        assert seeds[P3].raw_text[slice(*p.derived_span)] == p.derived_text
        assert 0.6 <= p.score <= 1.0
    assert any("Reuters has not independently verified" in p.derived_text for p in e.aligned)


def test_spans_map_through_cleaning(seeds, cache):
    # A cleaned article whose clean text drops a furniture line from the raw text.
    furniture = "HOME | WORLD | AFRICA\nAdvertisement\n"
    raw = furniture + seeds[P2].raw_text
    cleaned = Article(
        article_id="p2c",
        input="p2c",
        format="txt",
        raw_text=raw,
        clean_text=seeds[P2].raw_text,
        offsets=OffsetMap(segments=[(0, len(furniture), len(seeds[P2].raw_text))]),
    )
    edges = find_reuse([cleaned], [seeds[AP]], embeddings=cache)
    e = edge(edges, AP, "p2c")
    assert e is not None and e.derived == "p2c"
    for p in e.aligned:
        assert p.derived_span[0] >= len(furniture)
        assert raw[slice(*p.derived_span)] == p.derived_text


def test_incremental_run_compares_only_the_new_article_and_reuses_cache(seeds, seed_edges, cache):
    stored = [seeds[R], seeds[AP], seeds[P3]]
    before = len(cache.vectors)
    edges = find_reuse([seeds[P2]], stored, embeddings=cache)
    assert len(cache.vectors) == before  # every sentence was embedded once already
    # the stored articles' own edges stay in the store (Store.save_reuse); only P2's are new
    assert edges and all(P2 in (e.source, e.derived) for e in edges)
    assert {(e.source, e.derived) for e in edges} == {
        (e.source, e.derived) for e in seed_edges if P2 in (e.source, e.derived)
    }
    assert edge(edges, AP, P2).kind == "paraphrase"


def test_copy_with_other_furniture_is_duplicate(seeds, cache):
    text = (
        "Sahel Daily | News | Africa\n"
        + body(seeds[R].raw_text)
        + (
            "\nShare this story on Facebook, X and WhatsApp.\nCopyright 2025 Sahel Daily. All rights reserved."
        )
    )
    copy = make("dup", text, outlet="Sahel Daily", published="2025-06-03")
    edges = find_reuse([copy], [seeds[R], seeds[AP]], embeddings=cache)
    e = edge(edges, R, "dup")
    assert (e.source, e.derived, e.kind) == (R, "dup", "duplicate") and e.coverage >= 0.85
    assert edge(edges, AP, "dup") is None
    assert build_lineage([seeds[R], copy], edges)["dup"].duplicate_of == R


def test_trimmed_copy_is_near_duplicate_even_undated(seeds, cache):
    paras = [p for p in body(seeds[R].raw_text).split("\n\n") if p.strip()]
    trimmed = make("trim", "\n\n".join(paras[: 2 * len(paras) // 3]))  # last third cut, no date
    edges = find_reuse([trimmed], [seeds[R]], embeddings=cache)
    e = edge(edges, R, "trim")
    assert (e.source, e.derived, e.kind) == (R, "trim", "near_duplicate")
    assert e.coverage >= 0.85 and e.direction.confidence > 0


def test_unrelated_stories_same_day_get_no_edge(seeds, cache):
    flood = make("flood", FLOOD, outlet="Dhaka Tribune", published="2025-06-03")
    knife = make("knife", STABBING, outlet="Yorkshire Post", published="2025-06-03")
    assert find_reuse([flood, knife], [seeds[AP]], embeddings=cache) == []


def test_seed_with_second_story_appended_is_partial(seeds, cache):
    blend = make(
        "blend",
        body(seeds[R].raw_text) + "\n\n" + FLOOD + "\n" + STABBING,
        outlet="World Digest",
        published="2025-06-04",
    )
    edges = find_reuse([blend], [seeds[R]], embeddings=cache)
    e = edge(edges, R, "blend")
    assert (e.source, e.derived, e.kind) == (R, "blend", "partial")
    assert 0.4 <= e.coverage <= 0.85
    assert build_lineage([seeds[R], blend], edges)["blend"].origin == R
