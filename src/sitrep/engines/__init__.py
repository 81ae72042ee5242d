"""Engines schedule the run's stages; they never reimplement one.

- ``local`` (default): one machine, per-article stages in a fork pool (``sitrep.parallel``).
- ``ray``: Ray Data actor pools on a local or remote Ray cluster (``ray_engine``; the optional
  extra ``pip install -e ".[ray]"``). Ray is imported only when this engine is chosen.
"""

from __future__ import annotations

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
