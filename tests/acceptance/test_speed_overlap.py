"""--workers 2: the pool extracts while the run's own process traces reuse. The outputs and the
store are those of one process; an error or Ctrl-C during reuse ends the pool's workers and leaves
the store consistent (a run after it writes what an uninterrupted run writes)."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import sitrep
from sitrep import pipeline
from sitrep.parallel import MIN_PER_WORKER
from support.cli import SRC

REAL = Path(__file__).parents[1] / "data" / "event_types_real.jsonl"  # real news sentences
OUTPUTS = ("incidents.json", "incidents.csv", "incidents.geojson", "articles.json", "reuse.json")
TABLES = {  # the store's contents, without run ids and timestamps
    "articles": "article_id, content_hash, input, clean_text, payload",
    "extractions": "article_id, version, payload",
    "reuse_edges": "source, derived, kind, coverage, payload",
    "lineage": "article_id, derived_from, origin, independent_group, payload",
    "incidents": "incident_id, payload",
    "claims": "incident_id, field, claim_id, article_id, low, high, payload",
}


@pytest.fixture(scope="module")
def real_articles(tmp_path_factory) -> Path:
    """Articles of three consecutive real news sentences each (one event type at a time in the
    file, so neighbours are about the same kind of event: reuse has candidates to weigh)."""
    folder = tmp_path_factory.mktemp("real") / "in"
    folder.mkdir()
    texts = [json.loads(line)["text"] for line in REAL.read_text(encoding="utf-8").splitlines()]
    for i in range(0, len(texts), 3):
        (folder / f"r{i:03d}.txt").write_text("\n\n".join(texts[i : i + 3]), encoding="utf-8")
    assert len(texts) // 3 >= 2 * MIN_PER_WORKER  # enough for a pool of two workers
    return folder


def run(inputs: Path, out: Path, workers: int) -> pipeline.RunResult:
    return sitrep.run([inputs], out=out, db=out / "store.duckdb", report=False, workers=workers)


def written(out: Path) -> dict:
    files = {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    try:
        for table, cols in TABLES.items():
            files[table] = con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()
    return files


def last_run(out: Path) -> tuple[str, dict]:
    con = duckdb.connect(str(out / "store.duckdb"), read_only=True)
    try:
        status, stats = con.execute(
            "SELECT status, stats FROM runs ORDER BY started_at DESC LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    return status, json.loads(stats)


@pytest.fixture(scope="module")
def one_process(real_articles, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("w1")
    run(real_articles, out, workers=1)
    return written(out)


@pytest.mark.slow
def test_extracting_beside_reuse_writes_what_one_process_writes(real_articles, one_process, tmp_path):
    run(real_articles, tmp_path, workers=2)
    assert json.loads(one_process["incidents.json"])["incidents"]  # something was extracted
    assert one_process["extractions"] and one_process["lineage"]
    assert written(tmp_path) == one_process
    status, stats = last_run(tmp_path)
    assert status == "ok"
    assert stats["pool_seconds"]["extract"]["cpu"] > 0  # the workers extracted, not this process
    assert set(stats["stage_cpu_seconds"]) == set(stats["stage_seconds"])


def gone(pids: list[int], wait: float = 10.0) -> bool:
    deadline = time.monotonic() + wait
    while any(Path(f"/proc/{p}").exists() for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not any(Path(f"/proc/{p}").exists() for p in pids)


@pytest.mark.slow
@pytest.mark.parametrize("error", [RuntimeError("reuse failed"), KeyboardInterrupt()])
def test_an_error_in_reuse_ends_the_workers_and_leaves_the_store_consistent(
    real_articles, one_process, tmp_path, monkeypatch, error
):
    workers: list[int] = []

    def failing_reuse(*args, **kwargs):
        workers.extend(p.pid for p in mp.active_children())  # the pool, at work beside reuse
        raise error

    monkeypatch.setattr(pipeline, "trace_reuse", failing_reuse)
    with pytest.raises(type(error)):
        run(real_articles, tmp_path, workers=2)
    assert len(workers) == 2
    assert gone(workers), "a worker outlived the failed run"
    status, stats = last_run(tmp_path)
    assert status == "failed" and type(error).__name__ in stats["error"]
    con = duckdb.connect(str(tmp_path / "store.duckdb"), read_only=True)
    try:  # the articles are stored; nothing a worker extracted was written after the error
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(one_process["articles"])
        assert con.execute("SELECT count(*) FROM extractions").fetchone()[0] == 0
    finally:
        con.close()

    monkeypatch.undo()
    run(real_articles, tmp_path, workers=2)  # the next run finishes the work
    assert written(tmp_path) == one_process


def children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    return kids


@pytest.mark.slow
def test_ctrl_c_while_the_pool_runs_leaves_no_worker(real_articles, tmp_path):
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "sitrep.cli", "run", str(real_articles), "--out", str(tmp_path / "out")]
    proc = subprocess.Popen(
        [*cmd, "--workers", "2", "--no-report", "-q"],
        env=env,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # a job started in the background by a shell without job control (a CI script's `&`)
        # inherits Ctrl-C ignored, and so would the run: it gets the terminal's default back
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline, kids = time.monotonic() + 300, []
    while len(kids) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        kids = children(proc.pid)
    assert len(kids) >= 2, "the pool never started"
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
    _, said = proc.communicate(timeout=120)
    assert proc.returncode == 130, said  # interrupted, wherever the Ctrl-C landed
    assert gone(kids), "a worker outlived the interrupted run"
