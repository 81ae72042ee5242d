"""The per-article stages on several cores: a process pool whose workers share the models.

    >>> with extraction_started(articles, resources, workers=2, batch_size=100) as batches:
    ...     other_work()                                     # the pool extracts meanwhile
    ...     for batch in batches:                            # {article_id: ArticleExtraction}
    ...         store.put_extractions(key, batch.values())

Work is cut into chunks that come back in input order, and each chunk goes through the same
function whatever the number of workers, so the output is the same as one process's (tested).
Workers are forked from the run's process (Linux): the spaCy model and the actor table are loaded
once in the parent before the pool starts and shared by the workers; each worker opens its own
gazetteer, since a DuckDB connection does not survive a fork. Where fork is unavailable, or the
work is too small to pay for a pool, everything runs in this process. The run starts
extraction's pool before it traces reuse in its own process (neither reads the other's output),
so the workers are forked before reuse loads MiniLM and ONNX Runtime (whose threads do not survive
a fork) and never hold them.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

CHUNK = 8  # articles per task: small enough to balance, large enough for nlp.pipe
MIN_PER_WORKER = 2 * CHUNK  # below this a pool costs more than it saves

_JOB: tuple[Callable, object] | None = None  # (task, resources), inherited by forked workers
_INHERITED: list = []  # a forked worker's copies of its parent's gazetteers, never used


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def pool_size(workers: int | None, n_items: int) -> int:
    """Processes worth starting for ``n_items`` articles (1: no pool)."""
    if "fork" not in mp.get_all_start_methods():
        return 1
    return max(1, min(workers or default_workers(), n_items // MIN_PER_WORKER))


def _init_worker() -> None:
    from sitrep.geo import gazetteer

    # Ctrl-C is the parent's to handle: it terminates the pool (a worker would die mid-chunk and
    # be replaced by a fork of the parent as it is then, reuse's models loaded)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    # the inherited connections are kept referenced so that no destructor runs in the worker
    _INHERITED.extend(gazetteer._OPEN.values())
    gazetteer._OPEN.clear()
    _JOB[1].__dict__.pop("gazetteer", None)  # Resources opens its own on first use


def _run_job(chunk):
    task, resources = _JOB
    return task(chunk, resources)


def run_chunks(
    task: Callable, items: list, resources, workers: int | None, chunk: int, chunks: Callable | None = None
) -> Iterator:
    """``task(chunk, resources)`` for consecutive chunks of ``items``, in order, on ``workers``
    processes (``chunk`` items per task when there is no pool); ``chunks``, the caller's engine's
    own scheduling (``Engine.chunks``; Ray: ``map_stage``), runs them instead when given."""
    with started_chunks(task, items, resources, workers, chunk, chunks) as results:
        yield from results


@contextmanager
def started_chunks(
    task: Callable, items: list, resources, workers: int | None, chunk: int, chunks: Callable | None = None
) -> Iterator[Iterator]:
    """``run_chunks``'s results, the pool (if one is worth it) already at work when this is
    entered, so that the caller can do something else meanwhile (the run traces reuse); without a
    pool, or with an engine's ``chunks``, the work is done as the results are read. Leaving, read
    to the end or not (an error, Ctrl-C), terminates the pool's workers."""
    global _JOB
    if chunks is not None:  # the engine chosen by the run (engines.engine_for), not here
        yield chunks(task, items, resources.settings, CHUNK)
        return
    n = pool_size(workers, len(items))
    if n == 1:
        yield (task(items[start : start + chunk], resources) for start in range(0, len(items), chunk))
        return
    _JOB = (task, resources)
    try:
        parts = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
        with mp.get_context("fork").Pool(n, initializer=_init_worker) as pool:
            yield pool.imap(_run_job, parts)  # its feeder thread hands out the parts from now on
    finally:
        _JOB = None


def extract_chunk(articles: list, resources) -> dict:
    from sitrep.extract import extract_articles
    from sitrep.extract.pipeline import why_not_extracted

    settings = resources.settings
    read = [a for a in articles if why_not_extracted(a, settings.max_extract_chars) is None]
    french = any(a.language == "fr" for a in read)
    # models load only for a chunk that is parsed, the French one only for French text
    return extract_articles(
        articles,
        nlp=resources.nlp if len(read) > sum(a.language == "fr" for a in read) else None,
        nlp_fr=resources.nlp_fr if french else None,
        actors=resources.actors if read else None,
        gazetteer=resources.gazetteer,
        batch_size=settings.parse_batch,
        max_chars=settings.max_extract_chars,
    )


@contextmanager
def extraction_started(
    articles: list,
    resources,
    workers: int | None = None,
    batch_size: int = 100,
    chunks: Callable | None = None,
) -> Iterator[Iterator[dict]]:
    """``extract_articles`` over ``articles``, read in input order as dicts of about
    ``batch_size`` extractions, on ``workers`` processes (default: the machine's cores) already at
    work when this is entered, or scheduled by ``chunks`` (``started_chunks``)."""
    if pool_size(workers, len(articles)) > 1 and chunks is None:
        _ = resources.nlp, resources.actors, resources.gazetteer  # loaded once, before the fork
        if any(a.language == "fr" for a in articles):
            _ = resources.nlp_fr  # French text to read: its model too, once, before the fork
    with started_chunks(extract_chunk, articles, resources, workers, batch_size, chunks) as results:
        yield _batches(results, batch_size)


def _batches(results: Iterator[dict], size: int) -> Iterator[dict]:
    batch: dict = {}
    for done in results:
        batch.update(done)
        if len(batch) >= size:
            yield batch
            batch = {}
    if batch:
        yield batch


def geo_chunk(items: list, resources) -> list:
    from sitrep.geo import resolve_extraction

    return [(aid, resolve_extraction(x, a, resources.gazetteer)) for aid, x, a in items]


def geocode(
    extractions: dict, articles: dict, resources, workers: int | None = None, chunks: Callable | None = None
) -> dict:
    """``resolve_extraction`` for each extraction whose article is known, on ``workers`` processes
    or scheduled by ``chunks`` (``run_chunks``)."""
    items = [(aid, x, articles[aid]) for aid, x in extractions.items() if aid in articles]
    _ = resources.gazetteer  # built or migrated once, before any worker opens it
    done = run_chunks(geo_chunk, items, resources, workers, len(items) or 1, chunks)
    return dict(pair for pairs in done for pair in pairs)
