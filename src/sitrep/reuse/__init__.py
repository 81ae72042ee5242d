"""Reuse: exact and near duplicates, paraphrases and partial blends, and who derived from whom.

    >>> edges = find_reuse(new_articles, stored_articles, embeddings=cache)
    >>> lineage = build_lineage(all_articles, edges)

Interface (owned by the reuse stage):
- ``find_reuse(new: list[Article], stored: list[Article], embeddings: EmbeddingCache | None = None)
  -> list[ReuseEdge]``: edges between each new article and every other article (new or stored);
  edges among stored articles stay in the store as they are (``Store.save_reuse``).
- ``build_lineage(articles: list[Article], edges: list[ReuseEdge]) -> dict[str, Lineage]``.
- ``EmbeddingCache``: ``get(keys) -> dict[key, vector]`` / ``put(dict)``; the pipeline passes
  one backed by the store's ``embeddings`` table so each sentence is embedded once, ever.
"""

from sitrep.reuse.detect import EmbeddingCache, find_reuse  # noqa: F401
from sitrep.reuse.embed import MemoryEmbeddingCache, StoreEmbeddingCache  # noqa: F401
from sitrep.reuse.graph import build_lineage  # noqa: F401
