"""Kill `sitrep ingest` with SIGKILL mid-run, several times: the store stays consistent and the
next run stores every input exactly once (issues 2 and 8)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from support.corpus import write_corpus


def ingest(corpus: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--out", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored(db: Path) -> list[tuple[str, str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT article_id, input, content_hash FROM articles").fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_sigkill_mid_ingest_loses_and_duplicates_nothing(tmp_path):
    n = 2000
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_corpus(corpus, n)
    db = out / "sitrep.duckdb"

    # Time one clean run on a copy so the kills land inside the ingest, not after it.
    t0 = time.monotonic()
    ref = ingest(corpus, tmp_path / "ref")
    assert ref.wait(timeout=600) == 0, ref.stderr.read()
    full = time.monotonic() - t0
    assert len(stored(tmp_path / "ref" / "sitrep.duckdb")) == n

    killed_mid_run = 0
    rng = random.Random(3)
    for _ in range(3):
        proc = ingest(corpus, out)
        time.sleep(rng.uniform(0.35, 0.8) * full)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_mid_run += 1
        proc.wait(timeout=60)
        if db.exists():
            rows = stored(db)  # opening the store after a kill must work and be consistent
            assert len(rows) == len({r[2] for r in rows}) == len({r[1] for r in rows})
    assert killed_mid_run >= 1, "every run finished before its kill: the corpus is too small"

    final = ingest(corpus, out)
    assert final.wait(timeout=600) == 0, final.stderr.read()
    rows = stored(db)
    assert len(rows) == n
    assert {r[1] for r in rows} == {str(p) for p in corpus.iterdir()}
    assert len({r[2] for r in rows}) == n
    assert sorted(r[0] for r in rows) == sorted(r[0] for r in stored(tmp_path / "ref" / "sitrep.duckdb"))


@pytest.mark.slow
def test_sigkill_mid_pipeline_gives_the_same_incidents(tmp_path):
    """Killed during reuse/extraction (after ingest), twice; the finished store yields the same
    incidents as an uninterrupted run."""
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60, seed=11)

    def run(out: Path) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "sitrep.cli", "run", str(corpus), "--out", str(out), "-q", "--no-report"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    t0 = time.monotonic()
    ref = run(tmp_path / "ref")
    assert ref.wait(timeout=900) == 0, ref.stderr.read()
    full = time.monotonic() - t0

    out = tmp_path / "out"
    killed = 0
    for frac in (0.55, 0.8):
        proc = run(out)
        time.sleep(frac * full)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait(timeout=60)
    assert killed >= 1
    final = run(out)
    assert final.wait(timeout=900) == 0, final.stderr.read()

    def incidents(folder: Path) -> list[dict]:
        data = json.loads((folder / "incidents.json").read_text())["incidents"]
        return sorted(data, key=lambda i: i["incident_id"])

    assert incidents(out) == incidents(tmp_path / "ref")
    assert len(stored(out / "sitrep.duckdb")) == 60
