"""Benchmark: the CPU seconds of the steps the Ray engine leaves on the driver, on a finished run's
store: reuse (profiles, candidates, character reading and gate: ``plan_reuse``; alignment and
direction: ``find_reuse``, every vector from the store's cache) and the merge, split between the
clustering (driver) and building the incidents (``merge.build.build_incidents``: per place block
on Ray).

    python benchmarks/driver_split.py OUT/store.duckdb

One process, one core, every article compared as new (a first run); extractions geocoded again.
"""

from __future__ import annotations

import sys
import time

from sitrep.extract import EXTRACTOR_VERSION
from sitrep.merge.build import build_incidents, merge_incidents
from sitrep.pipeline import geocode_all
from sitrep.resources import Resources
from sitrep.reuse import StoreEmbeddingCache, find_reuse
from sitrep.reuse.detect import plan_reuse
from sitrep.settings import Settings
from sitrep.store import Store


def cpu(fn, *args, **kwargs):
    t = time.process_time()
    out = fn(*args, **kwargs)
    return out, time.process_time() - t


def main(path: str) -> None:
    store = Store.open(path, read_only=True)
    resources = Resources(Settings.build({}, workers=1))
    articles = store.load_articles()
    by_id = {a.article_id: a for a in articles}
    _, lineage = store.load_reuse()
    plan, t_plan = cpu(plan_reuse, articles, [])
    cache = StoreEmbeddingCache(store, dtype=resources.embed_dtype)
    edges, t_align = cpu(find_reuse, articles, [], embeddings=cache, encoder=resources.encode, plan=plan)
    extractions = geocode_all(
        store.get_extractions(resources.extraction_key(EXTRACTOR_VERSION)), by_id, resources
    )
    spent = [0.0]

    def timed(*args):
        out, t = cpu(build_incidents, *args)
        spent[0] += t
        return out

    incidents, t_merge = cpu(merge_incidents, extractions, by_id, lineage, build=timed)
    mentions = sum(len(x.mentions) for x in extractions.values())
    print(
        f"articles {len(articles)} edges {len(edges)} mentions {mentions} incidents {len(incidents)}; "
        f"CPU s: reuse plan {t_plan:.2f}, alignment {t_align:.2f}; merge {t_merge:.2f}, of which "
        f"build_incidents {spent[0]:.2f}, clustering and the rest {t_merge - spent[0]:.2f}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
