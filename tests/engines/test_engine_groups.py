"""The Ray engine's pieces that run without a cluster: which engine a run gets, the first LSH band
two articles share (a candidate pair is scored there, once), and the sentence vectors the engine
makes before reuse reads them (only those the store's cache lacks, found by key)."""

from __future__ import annotations

import pytest

from sitrep.engines import Engine, engine_for
from sitrep.ingest import load_manifest
from sitrep.pipeline import read_articles
from sitrep.reuse import StoreEmbeddingCache
from sitrep.reuse.candidates import lsh_bands, make_minhash
from sitrep.reuse.detect import plan_reuse
from sitrep.reuse.sentences import sentence_key
from sitrep.settings import Settings
from sitrep.store import Store

ray = pytest.importorskip("ray", reason='the Ray engine is the optional extra: pip install -e ".[ray]"')

STORY = (
    "Flood waters swept through the river town of Amberley overnight, and rescue crews said "
    "nine residents were missing after the embankment near the old mill gave way on Tuesday. "
    "The county emergency office opened two shelters at the community hall and the school."
)
PAIRS = [  # (text a, text b): wording shared from all of it to none of it
    (STORY, STORY),
    (STORY, STORY + " Volunteers brought blankets and bottled water."),
    (STORY, STORY.replace("nine residents", "eleven residents").replace("Tuesday", "Monday")),
    (STORY, "The orchestra announced a new season of chamber concerts at the harbour theatre."),
]


def test_the_local_engine_schedules_nothing_its_own_way_and_ray_hooks_every_step():
    assert engine_for(Settings.build({})) == Engine()
    hooks = engine_for(Settings.build({}, engine="ray"))
    assert all(getattr(hooks, f) is not None for f in Engine.__dataclass_fields__)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_first_band_is_the_first_bucket_two_articles_share(a, b):
    from sitrep.engines.ray_groups import first_band

    ma, mb = make_minhash(a.split()), make_minhash(b.split())
    shared = [i for i, (x, y) in enumerate(zip(lsh_bands(ma), lsh_bands(mb))) if x == y]
    assert first_band(ma, mb) == (shared[0] if shared else -1)
    assert first_band(mb, ma) == first_band(ma, mb)


def test_identical_texts_share_band_zero_and_unrelated_ones_none():
    from sitrep.engines.ray_groups import first_band

    same, other = PAIRS[0], PAIRS[-1]
    assert first_band(make_minhash(same[0].split()), make_minhash(same[1].split())) == 0
    assert first_band(make_minhash(other[0].split()), make_minhash(other[1].split())) == -1


def test_vectors_the_cache_lacks_are_found_by_key_and_asked_for_once(tmp_path, seeds_dir, seed_manifest):
    from sitrep.engines.ray_engine import missing_vectors

    articles, _ = read_articles([seeds_dir / "articles"], load_manifest(seed_manifest), Settings.build({}))
    plan = plan_reuse(articles, [])
    wanted = [t for ts in plan.to_embed().values() for t in ts]
    assert wanted, "the seeds hold rewrites whose sentences MiniLM reads"
    store = Store.open(tmp_path / "s.duckdb")
    cache = StoreEmbeddingCache(store, dtype="float32")
    first = missing_vectors(plan, cache)
    assert sorted(t for ts in first.values() for t in ts) == sorted(set(wanted))
    # half of them cached: only the other half is asked for, each once
    done = sorted(set(wanted))[: len(set(wanted)) // 2 or 1]
    cache.put({sentence_key(t): [0.5, 0.5] for t in done})
    assert store.embedding_keys(cache.model, [sentence_key(t) for t in wanted]) == {
        sentence_key(t) for t in done
    }
    rest = [t for ts in missing_vectors(plan, cache).values() for t in ts]
    assert sorted(rest) == sorted(set(wanted) - set(done))
    store.close()
