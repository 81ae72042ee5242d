"""Who schedules the per-article stages' chunks: the engine the run chose (``Engine.chunks``),
passed down by the caller; ``parallel.run_chunks`` never picks an engine from the settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import sitrep
from sitrep.parallel import run_chunks
from sitrep.resources import Resources
from sitrep.settings import Settings

CHILD = r"""
import json, sys
from sitrep.parallel import run_chunks
from sitrep.resources import Resources
from sitrep.settings import Settings

resources = Resources(Settings.build({}, engine=sys.argv[1], workers=1))
items = list(range(int(sys.argv[2])))
done = list(run_chunks(lambda chunk, res: [x * 10 for x in chunk], items, resources, 1, 3))
print(json.dumps({"chunks": done, "ray_imported": "ray" in sys.modules}))
"""


@pytest.mark.parametrize(
    ("engine", "n", "chunks"),
    [
        ("ray", 7, [[0, 10, 20], [30, 40, 50], [60]]),
        ("local", 7, [[0, 10, 20], [30, 40, 50], [60]]),
        ("ray", 0, []),
        ("ray", 2, [[0, 10]]),
    ],
)
def test_without_a_scheduler_given_chunks_run_here_whatever_the_settings_engine(engine, n, chunks):
    env = dict(os.environ, PYTHONPATH=str(Path(sitrep.__file__).parents[1]))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, engine, str(n)], capture_output=True, text=True, env=env, check=True
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"chunks": chunks, "ray_imported": False}


def one_by_one(task, items, settings, size):
    """A scheduler of its own: each item alone, with resources built from the settings it is given."""
    resources = Resources(settings)
    for item in items:
        yield task([item], resources)


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_a_scheduler_given_by_the_caller_runs_every_chunk_in_order(engine):
    resources = Resources(Settings.build({}, engine=engine, workers=1))
    done = list(
        run_chunks(lambda chunk, res: (res.settings.engine, chunk), [4, 5, 6], resources, 1, 2, one_by_one)
    )
    assert done == [(engine, [4]), (engine, [5]), (engine, [6])]


def test_the_ray_engine_hands_the_chunks_to_ray_data():
    pytest.importorskip("ray", reason='the Ray engine is the optional extra: pip install -e ".[ray]"')
    from sitrep.engines import engine_for
    from sitrep.engines.ray_engine import map_stage

    assert engine_for(Settings.build({}, engine="ray")).chunks is map_stage
    assert engine_for(Settings.build({})).chunks is None
