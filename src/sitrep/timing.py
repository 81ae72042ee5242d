"""Seconds per stage of a run, read from the pipeline's progress calls (kept in the run log).

>>> timer = StageTimer(progress)      # a Progress callback itself
>>> timer("extract", 0, 10); ...; timer.seconds()
{'read': 1.2, 'extract': 30.5, ...}

Stages follow one another in this process; work a pool of processes does beside them (extraction
while this process traces reuse) is timed apart by ``beside``: its wall time from the pool's start
to its last result read, and its workers' CPU time.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class StageTimer:
    """Wraps a progress callback; a stage's time runs from its first call to the next stage's."""

    def __init__(self, progress: Callable[[str, int, int | None], None]):
        self.progress = progress
        self.totals: dict[str, float] = {}
        self.cpu: dict[str, float] = {}  # this process's CPU seconds (its threads; no pool workers)
        self.pools: dict[str, dict[str, float]] = {}  # beside: {"wall": s, "cpu": workers' s}
        self.stage: str | None = "start"  # opening the store, before the first input
        self.since, self.cpu_since = time.perf_counter(), time.process_time()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage != self.stage:
            self._close()
            self.stage = stage
        self.progress(stage, done, total)

    def _close(self) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        if self.stage is not None:
            self.totals[self.stage] = self.totals.get(self.stage, 0.0) + now - self.since
            self.cpu[self.stage] = self.cpu.get(self.stage, 0.0) + cpu - self.cpu_since
        self.since, self.cpu_since = now, cpu

    def seconds(self) -> dict[str, float]:
        """Seconds per stage so far (the current stage up to now), rounded to 0.01 s."""
        self._close()
        return {k: round(v, 2) for k, v in self.totals.items()}

    def cpu_seconds(self) -> dict[str, float]:
        """This process's CPU seconds per stage so far, rounded to 0.01 s."""
        self._close()
        return {k: round(v, 2) for k, v in self.cpu.items()}

    @contextmanager
    def beside(self, name: str) -> Iterator[None]:
        """Times the pool of processes the block starts and ends (``pools[name]``): wall seconds
        and the CPU seconds of the child processes reaped meanwhile (0 when no pool ran)."""
        wall, cpu = time.perf_counter(), _children_cpu()
        try:
            yield
        finally:
            self.pools[name] = {
                "wall": round(time.perf_counter() - wall, 2),
                "cpu": round(_children_cpu() - cpu, 2),
            }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
