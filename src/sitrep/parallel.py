"""The per-article stages on several cores: a process pool whose workers load the models once.

    >>> for batch in extract_batches(articles, workers=2, batch_size=100):
    ...     store.put_extractions(version, batch.values())   # {article_id: ArticleExtraction}

Batches come back in the input order and each article is extracted by the same function whatever
the number of workers, so the output is the same as one process's (tested). Workers are forked
from the run's process (Linux): the spaCy model is loaded once in the parent before the pool
starts, so each worker has it without loading it again; where fork is unavailable they are
spawned and load it once each in the initializer.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from typing import Iterator, Optional

CHUNK = 8              # articles per task: small enough to balance, large enough for nlp.pipe
MIN_PER_WORKER = 2 * CHUNK   # below this a pool costs more than it saves


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:        # not Linux
        return os.cpu_count() or 1


_INHERITED: list = []     # a forked worker's copies of its parent's open gazetteers, never used


def _own_gazetteer() -> None:
    from sitrep.geo import gazetteer

    # A DuckDB connection does not survive fork (its threads stay in the parent): a worker opens
    # its own gazetteer; the inherited ones are kept referenced so that no destructor runs here.
    _INHERITED.extend(gazetteer._OPEN.values())
    gazetteer._OPEN.clear()


def _init_worker() -> None:
    from sitrep.models import load_spacy

    _own_gazetteer()
    load_spacy()


def _extract_chunk(articles):
    from sitrep.extract import extract_articles

    return extract_articles(articles)


def _open_gazetteer(path):
    try:
        from sitrep.geo.gazetteer import Gazetteer

        return Gazetteer.open(path)
    except ImportError:
        return None


def _geo_chunk(task):
    from sitrep.geo import resolve_extraction

    items, path = task
    gazetteer = _open_gazetteer(path)
    return [(aid, resolve_extraction(x, a, gazetteer)) for aid, x, a in items]


def geocode(extractions: dict, articles: dict, gazetteer_path=None,
            workers: Optional[int] = None) -> dict:
    """``resolve_extraction`` for each extraction whose article is known, in order, on ``workers``
    processes (the gazetteer is opened, and built if missing, here first, then once per worker)."""
    items = [(aid, x, articles[aid]) for aid, x in extractions.items() if aid in articles]
    workers = max(1, min(workers or default_workers(), len(items) // MIN_PER_WORKER))
    if workers == 1 or "fork" not in mp.get_all_start_methods():
        return dict(_geo_chunk((items, gazetteer_path)))
    _open_gazetteer(gazetteer_path)         # built once, before the workers open it read-only
    chunks = [(items[i:i + CHUNK], gazetteer_path) for i in range(0, len(items), CHUNK)]
    with mp.get_context("fork").Pool(workers, initializer=_own_gazetteer) as pool:
        return dict(pair for done in pool.imap(_geo_chunk, chunks) for pair in done)


def extract_batches(articles: list, workers: Optional[int] = None,
                    batch_size: int = 100) -> Iterator[dict]:
    """``extract_articles`` over ``articles`` in batches of ``batch_size``, in input order, on
    ``workers`` processes (default: the machine's cores; 1 runs in this process)."""
    from sitrep.extract import extract_articles
    from sitrep.models import load_spacy

    workers = max(1, min(workers or default_workers(), len(articles) // MIN_PER_WORKER))
    if workers == 1:
        for start in range(0, len(articles), batch_size):
            yield extract_articles(articles[start:start + batch_size])
        return
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        load_spacy()             # loaded once here, shared by the forked workers
    chunks = [articles[i:i + CHUNK] for i in range(0, len(articles), CHUNK)]
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        batch: dict = {}
        for done in pool.imap(_extract_chunk, chunks):
            batch.update(done)
            if len(batch) >= batch_size:
                yield batch
                batch = {}
        if batch:
            yield batch
