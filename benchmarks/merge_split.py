"""Benchmark: how a run's merge splits between clustering (driver, both engines) and building the
incidents (``merge.build.build_incidents``, per place block on Ray), on a finished run's store.

    python benchmarks/merge_split.py OUT/store.duckdb

One process, one core: the store's articles, lineage and extractions (this code's extraction key)
geocoded again, then ``merge_incidents`` timed in CPU seconds, its ``build_incidents`` part apart.
"""

from __future__ import annotations

import sys
import time

from sitrep.extract import EXTRACTOR_VERSION
from sitrep.merge.build import build_incidents, merge_incidents
from sitrep.pipeline import geocode_all
from sitrep.resources import Resources
from sitrep.settings import Settings
from sitrep.store import Store


def main(path: str) -> None:
    store = Store.open(path, read_only=True)
    resources = Resources(Settings.build({}, workers=1))
    by_id = {a.article_id: a for a in store.load_articles()}
    _, lineage = store.load_reuse()
    extractions = geocode_all(
        store.get_extractions(resources.extraction_key(EXTRACTOR_VERSION)), by_id, resources
    )
    spent = [0.0]

    def timed(*args):
        t = time.process_time()
        out = build_incidents(*args)
        spent[0] += time.process_time() - t
        return out

    t = time.process_time()
    incidents = merge_incidents(extractions, by_id, lineage, build=timed)
    total = time.process_time() - t
    mentions = sum(len(x.mentions) for x in extractions.values())
    print(
        f"articles {len(by_id)} mentions {mentions} incidents {len(incidents)}: merge {total:.2f} CPU s, "
        f"of which build_incidents {spent[0]:.2f}, clustering and the rest {total - spent[0]:.2f}"
    )


if __name__ == "__main__":
    main(sys.argv[1])
