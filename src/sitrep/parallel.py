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

A worker that dies (killed, or ended by the system's out-of-memory killer) neither hangs the run
nor loses work: the pool is never refilled by forking this process again (its models loaded by
then), the run logs a warning naming the dead worker, and the chunks whose results had not come
back are done in this process, one after the other, by the same function: the output is the same.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

log = logging.getLogger(__name__)

CHUNK = 8  # articles per task: small enough to balance, large enough for nlp.pipe
MIN_PER_WORKER = 2 * CHUNK  # below this a pool costs more than it saves

_JOB: tuple[Callable, object] | None = None  # (task, resources), inherited by forked workers
PR_SET_PDEATHSIG = 1  # linux/prctl.h
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


def _die_with_parent(parent: int) -> None:
    """End this worker when the run's process ends, even by kill -9, which runs no clean-up: a
    worker would otherwise wait on its task pipe for ever (Linux: prctl's parent-death signal)."""
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: no such call; the worker ends with its pipe
        return
    if os.getppid() != parent:  # the parent died before the signal was set
        os._exit(1)


def _init_worker(parent: int) -> None:
    from sitrep.geo import gazetteer

    _die_with_parent(parent)
    # Ctrl-C (sent to the whole foreground group) is the parent's to handle: it ends the workers
    # (a worker dying of it first would be taken for a dead worker, its work redone in the parent)
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
    parts = [items[i : i + CHUNK] for i in range(0, len(items), CHUNK)]
    # not multiprocessing.Pool: it replaces a dead worker by a fork of this process as it is then
    # (reuse's models loaded) and never returns the dead worker's chunk, so the run waited
    # forever; with fork, this executor starts its workers once and reports a death instead
    pool = ProcessPoolExecutor(
        n, mp_context=mp.get_context("fork"), initializer=_init_worker, initargs=(os.getpid(),)
    )
    _JOB = (task, resources)
    futures: list[Future] = []
    try:
        futures.append(pool.submit(_run_job, parts[0]))  # forks the n workers
        workers = list(pool._processes.values())  # private, but 3.14's terminate_workers reads it
        futures += [pool.submit(_run_job, part) for part in parts[1:]]
        yield _in_order(futures, parts, task, resources, pool, workers)
    finally:
        _JOB = None
        if not (futures and all(f.done() for f in futures)):  # an error, Ctrl-C: end them mid-chunk
            for worker in pool._processes.values() if pool._processes else ():
                worker.terminate()
        pool.shutdown(wait=True, cancel_futures=True)  # the workers reaped (their CPU time counted)


def _in_order(futures: list[Future], parts: list, task: Callable, resources, pool, workers) -> Iterator:
    """The pool's results in input order; once a worker has died, the chunks whose results were
    lost are done here (never in a new fork of this process, whose models are loaded by now)."""
    for n, future in enumerate(futures):
        if _lost(future):  # waits for it
            pool.shutdown(wait=True)  # the other workers were ended too; all reaped, exit codes known
            left = list(zip(futures[n:], parts[n:]))
            log.warning(_death_note(workers, sum(_lost(f) for f, _ in left)))
            yield from (task(part, resources) if _lost(f) else f.result() for f, part in left)
            return
        yield future.result()


def _lost(future: Future) -> bool:
    return isinstance(future.exception(), BrokenProcessPool)


def _death_note(workers: list, n_lost: int) -> str:
    # the pool ends the other workers with SIGTERM once one has died
    dead = [w for w in workers if w.exitcode not in (None, 0, -signal.SIGTERM)]
    how = "".join(
        f"; process {w.pid} was killed by signal {-w.exitcode} ({signal.strsignal(-w.exitcode)})"
        if w.exitcode < 0
        else f"; process {w.pid} exited with status {w.exitcode}"
        for w in dead
    )
    return (
        f"A worker process died{how} (as by kill -9 or the system's out-of-memory killer). "
        f"The {n_lost} chunk(s) of work whose results were lost are done in this process instead, "
        f"one after the other: nothing is skipped, the run is only slower."
    )


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
