"""Corroboration counts a translation with its original as one source: the French version's
claims take the English wire's origin, while an independent French report is a second origin."""

from __future__ import annotations

import pytest

from sitrep.merge import merge_incidents
from sitrep.records import ArticleExtraction
from sitrep.reuse import MemoryEmbeddingCache, build_lineage, find_reuse
from support.seed_records import Builder, day
from support.translation import INDEPENDENT, TRANSLATION, WIRE, article

BANIBANGOU = dict(
    name="Banibangou", country_code="NE", admin1="Tillaberi", lat=13.5, lon=2.2, precision="exact"
)
NIS = dict(name="Islamic State Sahel Province", kind="islamist_group", role="perpetrator")
FAN = dict(name="Niger armed forces", text="soldiers", kind="state_forces", role="target")


def extraction(aid: str, text: str, phrase: str, low: int, high, qualifier: str, who: str, where: str):
    b = Builder(aid, text)
    claim = b.claim(phrase, "killed", "soldiers", low, high, qualifier, who, "security_source")
    m = b.mention(
        "attack on an army post",
        [b.place(where)],
        BANIBANGOU,
        day("2024-03-11", "lundi"),
        [claim],
        (NIS, FAN),
    )
    return ArticleExtraction(article_id=aid, mentions=[m])


@pytest.mark.parametrize("with_independent, origins", [(False, 1), (True, 2)])
def test_translation_and_original_count_once(with_independent, origins):
    arts = [
        article("wire", WIRE, outlet="Reuters", published="2024-03-12"),
        article("tr", TRANSLATION, published="2024-03-13"),
    ]
    ex = {
        "wire": extraction(
            "wire",
            arts[0].raw_text,
            "killed 17 soldiers",
            17,
            17,
            "exactly",
            "two security sources",
            "Banibangou",
        ),
        "tr": extraction(
            "tr",
            arts[1].raw_text,
            "tué 17 soldats",
            17,
            17,
            "exactly",
            "deux sources sécuritaires",
            "Banibangou",
        ),
    }
    if with_independent:
        arts.append(article("afp", INDEPENDENT, outlet="AFP", published="2024-03-12"))
        ex["afp"] = extraction(
            "afp",
            arts[2].raw_text,
            "Au moins 20 soldats",
            20,
            None,
            "at_least",
            "sources locales",
            "Banibangou",
        )
    edges = find_reuse(arts, [], cross_embeddings=MemoryEmbeddingCache(model="use-multilingual-v3"))
    lineage = build_lineage(arts, edges)
    incidents = merge_incidents(ex, {a.article_id: a for a in arts}, lineage)
    assert len(incidents) == 1
    inc = incidents[0]
    assert set(inc.articles) == set(ex)
    assert inc.independent_origins == origins
    claim_origin = {c.article_id: c.origin for c in inc.fatalities.claims}
    for c in inc.fatalities.claims:
        claim_origin.update({e: c.origin for e in c.echoes})
    assert claim_origin["tr"] == "wire"
