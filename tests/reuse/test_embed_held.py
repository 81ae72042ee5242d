"""Which sentence vectors a cache holds, asked by key (``held``): the Ray engine's question before
it embeds, answered by the cache itself, under the cache's own model tag."""

from __future__ import annotations

import pytest

from sitrep.reuse import MemoryEmbeddingCache, StoreEmbeddingCache
from sitrep.reuse.sentences import sentence_key
from sitrep.store import Store

SENTENCES = [
    "A ferry carrying forty passengers ran aground off the northern cape at dawn.",
    "Firefighters contained the warehouse blaze after six hours.",
    "Two hikers were airlifted from the ridge with minor injuries.",
]


@pytest.mark.parametrize(("stored", "asked"), [(0, 3), (1, 3), (3, 3), (2, 1)])
def test_a_store_cache_holds_the_keys_put_and_no_others(tmp_path, stored, asked):
    store = Store.open(tmp_path / "s.duckdb")
    cache = StoreEmbeddingCache(store, dtype="float32")
    keys = [sentence_key(t) for t in SENTENCES]
    cache.put({k: [0.1, 0.2] for k in keys[:stored]})
    assert cache.held(keys[:asked]) == set(keys[: min(stored, asked)])
    memory = MemoryEmbeddingCache(model=cache.model)
    memory.put({k: [0.1, 0.2] for k in keys[:stored]})
    assert memory.held(keys[:asked]) == cache.held(keys[:asked])
    store.close()


@pytest.mark.parametrize(("put_as", "asked_as"), [("bfloat16", "float32"), ("float32", "bfloat16")])
def test_vectors_of_another_dtype_are_not_held(tmp_path, put_as, asked_as):
    path = tmp_path / "s.duckdb"
    store = Store.open(path)
    keys = [sentence_key(t) for t in SENTENCES]
    StoreEmbeddingCache(store, dtype=put_as).put({k: [0.3, 0.4] for k in keys})
    assert StoreEmbeddingCache(store, dtype=asked_as).held(keys) == set()
    assert StoreEmbeddingCache(store, dtype=put_as).held(keys) == set(keys)
    store.close()
