"""Benchmark: the steps the Ray engine leaves on the driver, and the ones it runs on the cluster,
timed as the engine runs them, on a finished run's store: reuse (profiles, character reading and
gate: ``plan_reuse``, with the engine's candidate search; alignment and direction: ``find_reuse``,
every vector from the store's cache) and the merge, split into the clustering (``merge.cluster``'s
greedy pass, ``merge.link``'s blocking and joins: driver) and building the incidents (the
engine's ``build``: ``build_incidents`` here, per place block on Ray with ``--engine ray``).

    python benchmarks/driver_split.py STORE.duckdb [--engine ray] [--first N] [--repeat K]

One process (with ``--engine ray``, also a local Ray cluster: the group-bys' wall seconds and the
driver's CPU are given, their tasks' CPU is not); every article compared as new (a first run);
extractions geocoded again. ``--first N`` keeps the store's first N articles; ``--repeat K``
adds K-1 copies of every article (the same real text under a new id, its mentions and lineage
renamed with it): a store K times larger of repeated real texts, for how the clustering grows.
Extractions are the store's under this code's extraction key, else under the key most articles
have (printed: an older extractor's output, labelled so); they are geocoded (untimed) before they
are copied, each copy keeping its original's places.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

import sitrep.merge.build as build_module
import sitrep.merge.cluster as cluster_module
import sitrep.merge.link as link_module
from sitrep.engines import engine_for
from sitrep.extract import EXTRACTOR_VERSION
from sitrep.merge.build import build_incidents, merge_incidents
from sitrep.pipeline import geocode_all
from sitrep.records import Article, ArticleExtraction, Lineage
from sitrep.resources import Resources
from sitrep.reuse import StoreEmbeddingCache, find_reuse
from sitrep.reuse.candidates import candidate_pairs
from sitrep.reuse.detect import plan_reuse
from sitrep.settings import Settings
from sitrep.store import Store


class Clock:
    """CPU seconds (this process) and wall seconds spent inside wrapped functions, by name."""

    def __init__(self):
        self.cpu: Counter = Counter()
        self.wall: Counter = Counter()

    def wrap(self, name: str, fn):
        def timed(*args, **kwargs):
            c, w = time.process_time(), time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.cpu[name] += time.process_time() - c
                self.wall[name] += time.perf_counter() - w

        return timed


class Overlay(StoreEmbeddingCache):
    """The store's vectors, and the ones made here kept in memory (the store is opened read-only)."""

    def __init__(self, store, **kwargs):
        super().__init__(store, **kwargs)
        self.made: dict = {}

    def get(self, keys: list[str]) -> dict:
        found = {k: self.made[k] for k in keys if k in self.made}
        return found | super().get([k for k in keys if k not in found])

    def put(self, vectors: dict) -> None:
        self.made.update(vectors)


def extraction_key(store: Store, resources: Resources) -> str:
    key = resources.extraction_key(EXTRACTOR_VERSION)
    held = Counter(k for keys in store.extraction_keys().values() for k in keys)
    return key if key in held or not held else held.most_common(1)[0][0]


def repeated(records: dict, ids: list[str], k: int, kind) -> dict:
    """``records`` with K-1 renamed copies of each (every article id in it suffixed ``~rN``)."""
    if k <= 1:
        return records
    pattern = re.compile("|".join(re.escape(a) for a in sorted(ids, key=len, reverse=True)))
    out = dict(records)
    for n in range(2, k + 1):
        for aid, rec in records.items():
            text = pattern.sub(lambda m, n=n: f"{m.group(0)}~r{n}", rec.model_dump_json())
            out[f"{aid}~r{n}"] = kind.model_validate_json(text)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--engine", default="local", choices=("local", "ray"))
    ap.add_argument("--first", type=int, default=0, help="only the store's first N articles")
    ap.add_argument("--repeat", type=int, default=1, help="each article K times (renamed copies)")
    ap.add_argument("--no-reuse", action="store_true", help="time the merge only")
    args = ap.parse_args(argv)

    store = Store.open(args.store, read_only=True)
    settings = Settings.build({}, workers=1, engine=args.engine)
    resources = Resources(settings)
    engine = engine_for(settings)
    articles = store.load_articles()[: args.first or None]
    ids = [a.article_id for a in articles]
    _, lineage = store.load_reuse()
    key = extraction_key(store, resources)
    wanted = set(ids)
    stored = {a: x for a, x in store.get_extractions(key).items() if a in wanted}
    by_id = repeated({a.article_id: a for a in articles}, ids, args.repeat, Article)
    lineage = repeated({a: x for a, x in lineage.items() if a in by_id}, ids, args.repeat, Lineage)
    # geocoded before the copies are made: a copy's places are its original's (same text), and
    # geocoding 100k copies again would cost more than the merge this times
    stored = geocode_all(stored, {a.article_id: a for a in articles}, resources, engine)
    stored = repeated(stored, ids, args.repeat, ArticleExtraction)
    clock = Clock()
    line = [f"articles {len(by_id)} ({len(articles)} stored x {args.repeat}); extractions under {key}"]

    if not args.no_reuse:
        everything = list(by_id.values())
        candidates = clock.wrap("candidates", engine.candidates or candidate_pairs)
        plan = clock.wrap("plan", plan_reuse)(everything, [], candidates=candidates)
        cache = Overlay(store, dtype=resources.embed_dtype)
        edges = clock.wrap("align", find_reuse)(
            everything, [], embeddings=cache, encoder=resources.encode, plan=plan
        )
        line.append(
            f"reuse: {len(edges)} edges; plan CPU {clock.cpu['plan']:.2f} s, of which candidates "
            f"{clock.cpu['candidates']:.2f} (wall {clock.wall['candidates']:.2f}); "
            f"alignment CPU {clock.cpu['align']:.2f}"
        )

    extractions = stored
    # the clustering's parts, as merge_incidents calls them
    greedy, links = cluster_module._greedy, cluster_module.link_clusters
    compare, context = link_module.compare, link_module._context
    cluster_module._greedy = clock.wrap("greedy", greedy)
    cluster_module.link_clusters = clock.wrap("link", links)
    link_module.compare = clock.wrap("compare", compare)
    link_module._context = clock.wrap("compare", context)
    attach = build_module.attach_identifiers
    build_module.attach_identifiers = clock.wrap("identifiers", attach)
    try:
        incidents = clock.wrap("merge", merge_incidents)(
            extractions, by_id, lineage, build=clock.wrap("build", engine.build or build_incidents)
        )
    finally:
        cluster_module._greedy, cluster_module.link_clusters = greedy, links
        link_module.compare, link_module._context = compare, context
        build_module.attach_identifiers = attach
    c = clock.cpu
    mentions = sum(len(x.mentions) for x in extractions.values())
    line.append(
        f"merge: {mentions} mentions, {len(incidents)} incidents; CPU {c['merge']:.2f} s: identifiers "
        f"{c['identifiers']:.2f}, greedy pass {c['greedy']:.2f}, link_clusters {c['link']:.2f} "
        f"(of which pair checks {c['compare']:.2f}, blocking, weights and union-find "
        f"{c['link'] - c['compare']:.2f}), build {c['build']:.2f} (wall {clock.wall['build']:.2f}), "
        f"the rest {c['merge'] - c['identifiers'] - c['greedy'] - c['link'] - c['build']:.2f}"
    )
    print("\n".join(line))


if __name__ == "__main__":
    main()
