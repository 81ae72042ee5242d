"""The ``sitrep`` command runs numpy's OpenBLAS on one thread unless the user says otherwise: its
matrices are small (sentences, candidates), where a second thread only spins (gvdb: about 5 CPU s a
run). Checked in a real ``sitrep`` process: what numpy reports once the command has run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# a command's process, asked at its exit how many threads numpy's BLAS has
PROBE = r"""
import atexit, json, sys
path = sys.argv[1]
def report():
    import numpy
    from threadpoolctl import threadpool_info
    threads = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
    open(path, "w").write(json.dumps(threads))
atexit.register(report)
sys.argv = ["sitrep", "eval", "--help"]
from sitrep.cli import main
main()
"""


@pytest.mark.parametrize(("user", "expected"), [(None, 1), ("2", 2)])
def test_the_command_runs_blas_on_one_thread_unless_the_user_sets_it(tmp_path, user, expected):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if user:
        env["OPENBLAS_NUM_THREADS"] = user
    out = tmp_path / "threads.json"
    subprocess.run([sys.executable, "-c", PROBE, str(out)], env=env, check=True, capture_output=True)
    threads = json.loads(out.read_text())
    assert threads and all(n == expected for n in threads)
