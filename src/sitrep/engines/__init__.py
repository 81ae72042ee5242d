"""Engines schedule the run's stages; they never reimplement one.

- ``local`` (default): one machine, per-article stages in a fork pool (``sitrep.parallel``).
- ``ray``: Ray Data actor pools on a local or remote Ray cluster (``ray_engine``; the optional
  extra ``pip install -e ".[ray]"``). Ray is imported only when this engine is chosen.

``engine_for(settings)`` is the one place a run picks its engine: it says which steps the engine
schedules its own way (an ``Engine`` of hooks, each None for the local engine); every stage
function is the same for both. The per-article stages (extraction, geocoding) go through
``parallel.run_chunks``, which hands its chunks to the engine's ``chunks`` when the run gives one
(Ray Data's ``map_stage``), else to this machine's fork pool.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.util import find_spec

from sitrep.errors import BadArguments

ENGINES = ("local", "ray")


def check_engine(engine: str, address: str | None) -> None:
    """Refuse an unknown engine, an address without Ray, and Ray when it is not installed."""
    if engine not in ENGINES:
        raise BadArguments(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}.")
    if address and engine != "ray":
        raise BadArguments("--address names a Ray cluster: give it with --engine ray.")
    if engine == "ray" and find_spec("ray") is None:
        raise BadArguments('--engine ray needs Ray, which is not installed: pip install -e ".[ray]".')


@dataclass(frozen=True)
class Engine:
    """The steps an engine schedules its own way; None: the local engine's way, in this process."""

    clean: Callable | None = None  # (documents, settings) -> (document, cleaned) pairs, in order
    candidates: Callable | None = None  # plan_reuse's candidate search: (profiles, new ids) -> pairs
    vectors: Callable | None = None  # (store, plan, resources): the plan's missing vectors, stored
    build: Callable | None = None  # merge_incidents' build: incidents from their clusters
    datasets: Callable | None = None  # (out folder, outputs) -> files written besides the contract's
    chunks: Callable | None = None  # (task, items, settings, size): extraction's and geo's chunks, in order


def engine_for(settings) -> Engine:
    """The run's engine (``settings.engine``); Ray is imported only for ``ray``."""
    if settings.engine != "ray":
        return Engine()
    from sitrep.engines.ray_engine import ray_engine

    return ray_engine(settings)
