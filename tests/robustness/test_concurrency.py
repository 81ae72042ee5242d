"""Two `sitrep run` processes on one store: the second exits with a clear message, or waits with
--wait; the store is never corrupted (issue 8)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb

from support.corpus import write_corpus


def _run(corpus, out, db, *extra) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "run",
            str(corpus),
            "--out",
            str(out),
            "--db",
            str(db),
            "-q",
            "--no-report",
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_run_is_refused_then_waits(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40)
    db = tmp_path / "shared.duckdb"
    first = _run(corpus, tmp_path / "o1", db)
    deadline = time.monotonic() + 120
    while not db.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    refused = _run(corpus, tmp_path / "o2", db)
    _, err = refused.communicate(timeout=300)
    waiting = _run(corpus, tmp_path / "o3", db, "--wait", "600")
    assert first.wait(timeout=900) == 0, first.stderr.read()
    assert refused.returncode == 3, err
    assert "in use by another sitrep run" in err
    assert waiting.wait(timeout=900) == 0, waiting.stderr.read()
    con = duckdb.connect(str(db), read_only=True)
    try:
        n, distinct = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
        statuses = [r[0] for r in con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()]
    finally:
        con.close()
    assert n == distinct == 40
    assert statuses == ["ok", "ok"]  # the refused run never touched the store
    a = json.loads((tmp_path / "o1" / "incidents.json").read_text())["incidents"]
    b = json.loads((tmp_path / "o3" / "incidents.json").read_text())["incidents"]
    assert [i["incident_id"] for i in a] == [i["incident_id"] for i in b]
