"""The French counterpart of the seeds (tests/support/french, written for issue 17) read with the
five English seeds: the French translation of seed 000 is traced to it, and nothing else crosses
languages (the pairs ``expected.json`` calls independent stay apart)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from sitrep.reuse import MemoryEmbeddingCache, build_lineage, find_reuse
from support.translation import article

FRENCH = Path(__file__).resolve().parents[1] / "support" / "french"


def read(folder: Path) -> list:
    rows = csv.DictReader((folder / "manifest.csv").open(encoding="utf-8"))
    return [
        article(
            r["article_id"],
            (folder / r["file"]).read_text(encoding="utf-8"),
            outlet=r["outlet"] or None,
            published=r["published"] or None,
        )
        for r in rows
    ]


@pytest.fixture(scope="module")
def traced(seeds_dir):
    if not (FRENCH / "manifest.csv").exists():
        pytest.skip("the French test articles (tests/support/french) are not in this tree")
    arts = read(seeds_dir) + read(FRENCH)
    edges = find_reuse(arts, [], cross_embeddings=MemoryEmbeddingCache(model="use-multilingual-v3"))
    return arts, edges, json.loads((FRENCH / "expected.json").read_text(encoding="utf-8"))["reuse"]


def test_the_french_translation_of_seed_000_is_traced(traced):
    arts, edges, expected = traced
    crossing = {(e.source, e.derived, e.kind) for e in edges if e.kind == "translation"}
    assert crossing == {(e["source"], e["derived"], e["kind"]) for e in expected["edges"]}
    lineage = build_lineage(arts, edges)
    assert {aid: lineage[aid].origin for aid in expected["origins"]} == expected["origins"]


def test_independent_pairs_stay_apart(traced):
    _, edges, expected = traced
    linked = {frozenset((e.source, e.derived)) for e in edges}
    assert [p for p in expected["independent_pairs"] if frozenset(p) in linked] == []
