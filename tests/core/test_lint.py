"""The code stays as ruff wants it (pyproject.toml configures the rules): checked in the test run, so
the README's one test command is also the lint a contributor and CI run."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TREES = ["src", "tests", "benchmarks", "scripts"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_is_clean(command):
    ruff = shutil.which("ruff")
    assert ruff, "ruff is one of the dev tools: pip install -e '.[dev]'"
    proc = subprocess.run([ruff, *command, *TREES], cwd=REPO, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
