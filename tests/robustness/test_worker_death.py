"""A pool worker that dies (``kill -9``, the system's out-of-memory killer) neither hangs the run
nor loses anything: the chunks whose results were lost are done in the run's own process, which is
never forked again, and the outputs are those of one process. The kills are real SIGKILLs to real
worker processes; the run is the real `sitrep run --workers 2` on real news sentences."""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from sitrep.parallel import MIN_PER_WORKER, run_chunks
from support.cli import SRC

REAL = Path(__file__).parents[1] / "data" / "event_types_real.jsonl"  # real news sentences
OUTPUTS = ("incidents.json", "incidents.csv", "reuse.json", "articles.json", "rejected.json")
DIES_ON = 40  # the item whose chunk kills the worker given it


def tenfold_or_die(chunk: list, resources) -> list:
    """Ten times each item, with the process that computed it; a worker given ``DIES_ON`` dies of
    SIGKILL mid-chunk (the run's own process computes it)."""
    if DIES_ON in chunk and os.getpid() != resources.parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return [(x * 10, os.getpid()) for x in chunk]


def failing(chunk: list, resources) -> list:
    if DIES_ON in chunk:
        raise ValueError("a bad chunk")
    return chunk


@pytest.mark.timeout(120)  # the old multiprocessing.Pool waited forever for the lost chunk
def test_a_worker_killed_mid_chunk_loses_nothing_and_no_process_is_forked_again(caplog):
    items = list(range(100))
    done = [
        pair
        for pairs in run_chunks(tenfold_or_die, items, SimpleNamespace(parent=os.getpid()), 2, 100)
        for pair in pairs
    ]
    assert [x for x, _ in done] == [x * 10 for x in items]  # all of them, in input order
    by = {x // 10: pid for x, pid in done}
    assert by[DIES_ON] == os.getpid()  # the dead worker's chunk, done here
    assert len(set(by.values()) - {os.getpid()}) <= 2  # the two workers forked at the start, no other
    assert "A worker process died" in caplog.text and "was killed by signal 9" in caplog.text
    assert not mp.active_children()  # the surviving worker ended and reaped


def test_an_error_in_a_worker_still_ends_the_run_and_the_workers():
    with pytest.raises(ValueError, match="a bad chunk"):
        for _ in run_chunks(failing, list(range(100)), SimpleNamespace(), 2, 100):
            pass
    assert not mp.active_children()


@pytest.fixture(scope="module")
def real_articles(tmp_path_factory) -> Path:
    """One JSONL file of articles, each three consecutive real news sentences."""
    lines = [json.loads(line)["text"] for line in REAL.read_text(encoding="utf-8").splitlines()]
    docs = [
        {"id": f"real-{i}", "title": f"Report {i}", "text": "\n\n".join(lines[i : i + 3])}
        for i in range(0, len(lines), 3)
    ]
    assert len(docs) >= 2 * MIN_PER_WORKER  # enough for a pool of two workers
    path = tmp_path_factory.mktemp("real") / "articles.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def start(articles: Path, out: Path, workers: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "sitrep.cli", "run", str(articles), "--out", str(out)]
    return subprocess.Popen(
        [*cmd, "--workers", str(workers), "--no-report", "-q"],
        env=env,
        start_new_session=True,  # its own process group: a hung run is ended with its workers
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def cpu_seconds(pid: int) -> float:
    """A process's CPU time so far (a forked worker's starts at 0); -1 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return -1.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """The processes ``pid``'s main thread has forked (the pools' workers)."""
    try:
        return [int(kid) for kid in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def working_worker(proc: subprocess.Popen, wait: float = 300) -> int | None:
    """A worker of the run's first pool (extraction's) once it has parsed for a while: each has
    over a second of CPU work in all here, so a third of a second in it is mid-work."""
    deadline = time.monotonic() + wait
    while proc.poll() is None and time.monotonic() < deadline:
        busy = [pid for pid in children(proc.pid) if cpu_seconds(pid) >= 0.3]
        if busy:
            return busy[0]
        time.sleep(0.02)
    return None


def stored(out: Path) -> dict:
    con = duckdb.connect(str(out / "sitrep.duckdb"), read_only=True)
    try:
        return {
            "articles": con.execute("SELECT input FROM articles ORDER BY ALL").fetchall(),
            "extractions": con.execute(
                "SELECT article_id, version, payload FROM extractions ORDER BY ALL"
            ).fetchall(),
        }
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_a_worker_killed_during_extraction_neither_hangs_the_run_nor_loses_an_article(
    real_articles, tmp_path
):
    one = start(real_articles, tmp_path / "w1", workers=1)
    _, said = one.communicate(timeout=300)
    assert one.returncode == 0, said

    run = start(real_articles, tmp_path / "w2", workers=2)
    victim = working_worker(run)
    assert victim, "the pool never started"
    os.kill(victim, signal.SIGKILL)
    try:
        _, said = run.communicate(timeout=300)  # a whole run takes well under a minute here
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("the run hung once a worker was killed")
    assert run.returncode == 0, said
    assert f"process {victim} was killed by signal 9" in said  # the user is told what happened

    n_inputs = len(real_articles.read_text(encoding="utf-8").splitlines())
    assert (
        len(stored(tmp_path / "w2")["articles"])
        + len(json.loads((tmp_path / "w2/rejected.json").read_text())["rejected"])
        == n_inputs
    )
    assert stored(tmp_path / "w2") == stored(tmp_path / "w1")  # every article extracted, as by one process
    for name in OUTPUTS:
        assert (tmp_path / "w2" / name).read_bytes() == (tmp_path / "w1" / name).read_bytes(), name


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_workers_end_when_the_run_is_killed(real_articles, tmp_path):
    """kill -9 of the run's process runs no clean-up: its workers must still end (they would wait
    on their task pipe for ever, orphaned), and the store stays readable."""
    run = start(real_articles, tmp_path / "out", workers=2)
    victim = working_worker(run)
    assert victim, "the pool never started"
    workers = children(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    run.stderr.close()  # not read to its end: orphaned workers would hold it open
    deadline = time.monotonic() + 30
    while any(cpu_seconds(pid) >= 0 for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if cpu_seconds(pid) >= 0]
    for pid in left:  # not to leave them behind when the test fails
        os.kill(pid, signal.SIGKILL)
    assert workers and not left, f"workers {left} outlived the run"
    assert stored(tmp_path / "out")["articles"]  # what was committed is there
