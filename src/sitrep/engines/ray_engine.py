"""The Ray engine: the run's per-article stages scheduled by Ray Data instead of a fork pool.

    $ sitrep run inputs/ --out out/ --engine ray [--address ray://head:10001]

The engine only schedules; every stage is the function the local engine runs (``ray_engine``
gives ``pipeline.run`` its hooks, ``engines.Engine``):
- inputs: local paths or URLs of any fsspec filesystem (``ingest/urls.py``), read on the driver;
- cleaning: ``pipeline.clean_or_reject`` per document, as plain Ray tasks (no model);
- reuse candidates: group-bys by LSH bucket and rare key, then by new article
  (``engines/ray_groups.py``, with ``reuse.candidates``' selection functions);
- the sentence vectors reuse will read (``ReusePlan.to_embed``, the local engine's rule: the
  sentences of the rewrite pairs past the wording gate) that the store's cache lacks: one
  ``map_batches`` over an actor pool holding MiniLM (``vectors``), before ``find_reuse`` reads them;
- extraction and geocoding: ``parallel.run_chunks`` hands ``parallel.extract_chunk`` and
  ``parallel.geo_chunk`` to ``map_stage``, the engine's ``chunks`` that ``pipeline.run`` passes down
  (one actor pool per stage, models loaded once per actor,
  batches of a few articles bound its memory), called by the local engine's ``extract_all`` and
  ``geocode_all``;
- the merge's last step, each incident's figures reconciled, conflicts and summary: a group-by
  by place block (``ray_groups.build_blocks``, running ``merge.build.build_incidents``).
Every use of Ray goes through ``connect`` (``--address``, or a local cluster).
What stays on the driver, with the same functions as the local engine, and why:
- the DuckDB store (ids, content-hash duplicates, the extraction and embedding caches): one
  writer, one transaction per batch of results, which is also what makes a killed run resume;
- reading the candidate pairs (alignment, direction: ``find_reuse``) and which mentions are one
  incident (``merge.cluster``): the clustering has corpus-wide state (the identifier weights of
  ``merge.link``, follow-ups joined by place over three years, lineage links across places), so
  no place-and-week block gives the same clusters; docs/scale.md says where that stops scaling.
Outputs: the contract's files, plus Parquet datasets (``write_datasets``) rewritten whole on each
run, so a re-run replaces them and never appends a second copy; written on the driver in parts
of a few thousand rows (``engines/tables.py``), the reuse edges read from the store a chunk at a
time as ``reuse.json`` reads them.
"""

from __future__ import annotations

import dataclasses
import logging
import pickle
import shutil
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

import ray

from sitrep.parallel import geo_chunk
from sitrep.resources import Resources
from sitrep.settings import Settings

CLEAN_BATCH = 32  # documents per cleaning task: no model, cheap per document
GEO_BATCH = 64  # articles per geocoding task: its one table opens in ~0.2 CPU s, no actor needed
WINDOW = 1000  # documents read before they are handed to the cluster: the driver holds no more
STARTS = 3  # tries at starting a local Ray cluster
log = logging.getLogger(__name__)


def ray_engine(settings: Settings):
    """The Ray engine's hooks for ``pipeline.run`` (``engines.engine_for``), bound to ``settings``."""
    from sitrep.engines import Engine
    from sitrep.engines.ray_groups import build_blocks, candidate_pairs

    return Engine(
        clean=clean_stream,
        candidates=partial(candidate_pairs, settings=settings),
        vectors=vectors,
        build=partial(build_blocks, settings=settings),
        datasets=write_datasets,
        chunks=map_stage,
    )


def connect(settings: Settings | None = None) -> None:
    """Join the cluster at ``settings.address``, or start a local one (all this machine's cores);
    a cluster already joined by the caller (tests: ``ray.init(num_cpus=2)``) is used as it is.
    Every use of Ray in a run comes through here."""
    if not ray.is_initialized():
        address = settings.address if settings is not None else None
        start(address=address, include_dashboard=False, log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results in input order, as the local engine's
    context.enable_progress_bars = False
    # group-bys (reuse candidates) by sort-based shuffle: plain tasks, retried when a worker dies
    context.shuffle_strategy = ray.data.context.ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # a plan and a timing line per stage


def start(**kwargs) -> None:
    """``ray.init(**kwargs)``, tried again when a local cluster's raylet did not register within
    Ray's fixed 30 s (it happens on a loaded machine: 2 cores at a load of 25 to 30)."""
    for attempt in range(STARTS):
        try:
            ray.init(**kwargs)
            return
        except Exception as exc:  # Ray raises a bare Exception for it
            if "timed out during startup" not in str(exc) or attempt == STARTS - 1:
                raise
            log.warning("Ray did not start in time (try %d of %d): %s", attempt + 1, STARTS, exc)
            ray.shutdown()


class _Stage:
    """One actor of a pool: a ``Resources`` of its own (models loaded on first use, once) and the
    stage function it applies to each batch. Items travel pickled: records are pydantic models."""

    def __init__(self, settings: Settings, task: Callable):
        # inside an actor the stages run in this one process (no fork pool, no nested Ray)
        self.resources = Resources(dataclasses.replace(settings, engine="local", workers=1))
        self.task = task

    def __call__(self, batch: dict) -> dict:
        items = [pickle.loads(b) for b in batch["item"]]
        return {"out": [pickle.dumps(self.task(items, self.resources))]}


def cpus() -> int:
    """The cluster's CPUs (at least 1): the most actors a pool gets."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _task(batch: dict, settings: Settings, task: Callable) -> dict:
    """A stage that needs no model, as a plain Ray task (Ray's pooled workers, no actor to start)."""
    return _Stage(settings, task)(batch)


def map_stage(task: Callable, items: list, settings: Settings, batch_size: int) -> Iterator:
    """``task(batch, resources)`` for consecutive batches of ``items`` on an actor pool (or as
    plain tasks of their own batch size, for a stage with no model to load: ``PLAIN_TASKS``), each
    batch's result yielded in input order."""
    if not items:
        return
    connect(settings)
    actors = task not in PLAIN_TASKS  # a plain task costs less than starting an actor pool for it
    batch_size = PLAIN_TASKS.get(task, batch_size)
    n_blocks = max(1, min(len(items) // batch_size, 4 * cpus()))
    ds = ray.data.from_items([{"item": pickle.dumps(x)} for x in items], override_num_blocks=n_blocks)
    if actors:
        ds = ds.map_batches(
            _Stage,
            fn_constructor_args=(settings, task),
            batch_size=batch_size,
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=cpus()),
            num_cpus=1,
        )  # Ray Data restarts a dead actor and runs its batch again (max_restarts, max_task_retries -1)
    else:  # a failed task is retried (max_retries)
        ds = ds.map_batches(_task, fn_args=(settings, task), batch_size=batch_size, num_cpus=1)
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
        for out in batch["out"]:
            yield pickle.loads(out)


# --------------------------------------------------------------------------- the stages


def _clean_chunk(docs: list, resources: Resources) -> list:
    from sitrep.pipeline import clean_or_reject
    from sitrep.records import Document

    return [clean_or_reject(d, _base(d)) if isinstance(d, Document) else None for d in docs]


# stages with no model to load, or only the gazetteer (a DuckDB file: ~0.2 CPU s to open), and
# their batch sizes: run as plain Ray tasks, no actor pool
PLAIN_TASKS = {_clean_chunk: CLEAN_BATCH, geo_chunk: GEO_BATCH}


def _base(doc) -> str:
    return doc.article_id or Path(doc.input.split("#", 1)[0]).stem or "article"


def clean_stream(items: Iterable, settings: Settings) -> Iterator[tuple]:
    """(item, cleaned) for each item the reader gives, cleaned on the cluster (None for a
    rejection, which has nothing to clean), read in windows so the driver holds a few at a time."""
    window: list = []
    for item in items:
        window.append(item)
        if len(window) >= WINDOW:
            yield from _clean_window(window, settings)
            window = []
    yield from _clean_window(window, settings)


def _clean_window(window: list, settings: Settings) -> Iterator[tuple]:
    done = [c for batch in map_stage(_clean_chunk, window, settings, CLEAN_BATCH) for c in batch]
    yield from zip(window, done)


def _embed_chunk(items: list, resources: Resources) -> dict:
    """The vectors of the sentences of a few articles, by ``embed_sentences`` with the actor's
    ``Resources.encode`` (MiniLM loaded once per actor), as ``find_reuse`` would embed them."""
    from sitrep.reuse.embed import embed_sentences

    return embed_sentences([t for ts in items for t in ts], None, encoder=resources.encode)


def missing_vectors(plan, cache) -> dict[str, list[str]]:
    """The sentences ``plan`` has MiniLM read that ``cache`` lacks, each under the first article
    (in the plan's order) that has it: what the local engine's ``find_reuse`` would embed. Only
    the keys are looked up (``cache.held``), never the stored vectors."""
    from sitrep.reuse.sentences import sentence_key

    wanted = plan.to_embed() if plan is not None else {}
    keys = {t: sentence_key(t) for ts in wanted.values() for t in ts}
    seen = cache.held(sorted(set(keys.values()))) if keys else set()
    out: dict[str, list[str]] = {}
    for aid, texts in wanted.items():
        for t in texts:
            if keys[t] not in seen:
                seen.add(keys[t])
                out.setdefault(aid, []).append(t)
    return out


def vectors(store, plan, resources: Resources) -> int:
    """The vectors of the sentences reuse's ``plan`` reads that the store's cache lacks, made on
    an actor pool holding MiniLM and stored as each batch comes back (one transaction each), so
    ``find_reuse`` finds every vector it reads in the cache. Returns how many were stored."""
    from sitrep.parallel import CHUNK
    from sitrep.reuse import StoreEmbeddingCache

    cache = StoreEmbeddingCache(store, dtype=resources.settings.embed_dtype)
    items = list(missing_vectors(plan, cache).values())
    # the actors embed in the driver's dtype (found from its CPU when the settings leave it open)
    settings = dataclasses.replace(resources.settings, embed_dtype=resources.embed_dtype)
    n = 0
    for vecs in map_stage(_embed_chunk, items, settings, CHUNK):
        cache.put({k: v.tolist() for k, v in vecs.items()})
        n += len(vecs)
    return n


# --------------------------------------------------------------------------- Parquet outputs


def write_datasets(out_dir: Path, outputs) -> list[Path]:
    """``OUT/parquet/{articles,mentions,claims,incidents,reuse_edges}/``: one Parquet dataset per
    table, each replacing the last run's whole (the outputs cover every stored article, so a
    re-run never appends a second copy). DuckDB reads them directly:
    ``SELECT * FROM 'OUT/parquet/claims/*.parquet'``. Each is written in parts of
    ``tables.PART_ROWS`` rows as its rows are made (``tables.write_parts``), in bounded memory.
    Written here by pyarrow, not Ray Data: the rows are made on the driver from the store, and
    ``ray.data.from_arrow``/``from_arrow_refs`` take tables already made (a materialized
    dataset), so Ray Data would only copy every table through the object store first."""
    from sitrep.engines.tables import dataset_rows, write_parts

    root = Path(out_dir) / "parquet"
    written = []
    for name, rows in dataset_rows(outputs).items():
        final, tmp = root / name, root / f".{name}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        write_parts(tmp, rows)  # an empty table is an empty folder (no rows to type its columns by)
        shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
        written.append(final)
    return written
