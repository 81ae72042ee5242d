"""A pile of English reports with one French article: the French one is compared with a bounded
number of them (lead vectors of at most ``POOL``), and its original is still found among them."""

from __future__ import annotations

from sitrep.reuse import MemoryEmbeddingCache, find_reuse
from sitrep.reuse.translation import POOL, encode
from support.corpus import write_corpus
from support.translation import TRANSLATION, WIRE, article


def test_one_french_article_in_an_english_pile(tmp_path):
    write_corpus(tmp_path / "pile", 3 * POOL)
    pile = [article(p.stem, p.read_text(encoding="utf-8")) for p in sorted((tmp_path / "pile").iterdir())]
    seen: list[str] = []

    def counting(texts):
        seen.extend(texts)
        return encode(texts)

    arts = [*pile, article("wire", WIRE), article("fr", TRANSLATION)]
    edges = find_reuse(
        arts, [], cross_embeddings=MemoryEmbeddingCache(model="use-multilingual-v3"), cross_encoder=counting
    )
    assert [(e.source, e.derived, e.kind) for e in edges if e.kind == "translation"] == [
        ("wire", "fr", "translation")
    ]
    # each pile article's first sentence names its report number: count whose lead was embedded
    leads = {t for t in seen if "report number" in t}
    assert 0 < len(leads) <= POOL
