"""Seconds per stage of a run, read from the pipeline's progress calls (kept in the run log).

>>> timer = StageTimer(progress)      # a Progress callback itself
>>> timer("extract", 0, 10); ...; timer.seconds()
{'read': 1.2, 'extract': 30.5, ...}
"""

from __future__ import annotations

import time
from collections.abc import Callable


class StageTimer:
    """Wraps a progress callback; a stage's time runs from its first call to the next stage's."""

    def __init__(self, progress: Callable[[str, int, int | None], None]):
        self.progress = progress
        self.totals: dict[str, float] = {}
        self.stage: str | None = "start"  # opening the store, before the first input
        self.since = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        if stage != self.stage:
            self._close()
            self.stage = stage
        self.progress(stage, done, total)

    def _close(self) -> None:
        now = time.perf_counter()
        if self.stage is not None:
            self.totals[self.stage] = self.totals.get(self.stage, 0.0) + now - self.since
        self.since = now

    def seconds(self) -> dict[str, float]:
        """Seconds per stage so far (the current stage up to now), rounded to 0.01 s."""
        self._close()
        return {k: round(v, 2) for k, v in self.totals.items()}
