"""Issue 19, editing an article and re-running: a new text of the same input (the same resolved
path, or the same record id in the same JSONL file) replaces the stored article under its id, the
old text is kept in `article_versions`, and nothing counts twice. Real `sitrep` subprocesses over
a real DuckDB store."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from support.cli import SRC, sitrep
from support.corpus import write_corpus

# Written for these tests: one incident, its toll in words, the figure changes between versions.
STORY = (
    "Gunmen stormed a wedding party in the village of Karu on Friday evening, killing {n} guests "
    "and wounding several others, police said on Saturday.\n\n"
    "A police spokesman said the attackers fled on motorcycles before soldiers arrived.\n"
)
OTHER = (
    "A bomb exploded at a bus station in the city of Tamale on Monday, killing {n} passengers, "
    "a hospital official said.\n"
)


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def tolls(out: Path) -> list[int | None]:
    incidents = json.loads((out / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    return sorted(i["fatalities"]["best"] for i in incidents)


def article_ids(out: Path) -> list[str]:
    return [a["article_id"] for a in json.loads((out / "articles.json").read_text())["articles"]]


def run_ok(*args) -> subprocess.CompletedProcess:
    proc = sitrep("run", *args, "-q", "--no-report")
    assert proc.returncode == 0, proc.stderr
    return proc


def test_an_edited_file_replaces_its_article_and_keeps_the_old_text(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "karu.txt").write_text(STORY.format(n="five"), encoding="utf-8")
    (folder / "tamale.txt").write_text(OTHER.format(n="nine"), encoding="utf-8")
    run_ok(folder, "--out", out)
    assert tolls(out) == [5, 9]

    (folder / "karu.txt").write_text(STORY.format(n="seven"), encoding="utf-8")  # a figure fixed
    run_ok(folder, "--out", out)
    assert tolls(out) == [7, 9]  # the new figure, and the old one no longer counts
    assert article_ids(out) == ["karu", "tamale"]  # one article with that id
    db = out / "sitrep.duckdb"
    history = query(
        db, "SELECT article_id, clean_text, replaced_by_hash, replaced_by_run FROM article_versions"
    )
    assert len(history) == 1
    aid, old_text, new_hash, run = history[0]
    assert aid == "karu" and "killing five guests" in old_text
    assert new_hash == query(db, "SELECT content_hash FROM articles WHERE article_id = 'karu'")[0][0]
    assert run == query(db, "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1")[0][0]
    claims = query(db, "SELECT article_id, low FROM claims WHERE field = 'fatalities' ORDER BY low")
    assert claims == [("karu", 7), ("tamale", 9)]

    run_ok(folder, "--out", out)  # unchanged: nothing is added, nothing replaced
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 2
    assert query(db, "SELECT count(*) FROM article_versions")[0][0] == 1
    assert tolls(out) == [7, 9]


def test_the_same_file_named_from_another_folder_is_the_same_input(tmp_path):
    """The key is the resolved path: a relative path from elsewhere names the same file."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "karu.txt").write_text(STORY.format(n="five"), encoding="utf-8")
    run_ok(folder / "karu.txt", "--out", out)
    (folder / "karu.txt").write_text(STORY.format(n="six"), encoding="utf-8")
    run_ok(folder / ".." / "in" / "karu.txt", "--out", out)
    assert article_ids(out) == ["karu"] and tolls(out) == [6]


def test_a_file_of_the_same_name_in_another_folder_is_another_input(tmp_path):
    out = tmp_path / "out"
    for sub, n in (("east", "five"), ("west", "eight")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "report.txt").write_text(STORY.format(n=n), encoding="utf-8")
    run_ok(tmp_path / "east", "--out", out)
    run_ok(tmp_path / "west", "--out", out)
    assert article_ids(out) == ["report", "report-2"]
    assert query(out / "sitrep.duckdb", "SELECT count(*) FROM article_versions")[0][0] == 0


def _jsonl(path: Path, records: list[tuple[str | None, str]]) -> None:
    lines = [json.dumps({"text": text, **({"id": rid} if rid else {})}) for rid, text in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_jsonl_record_is_its_file_and_its_id(tmp_path):
    out, feed, other = tmp_path / "out", tmp_path / "wire.jsonl", tmp_path / "archive.jsonl"
    _jsonl(feed, [("k1", STORY.format(n="five")), ("t1", OTHER.format(n="nine"))])
    run_ok(feed, "--out", out)
    # the record moves down a line and its figure is fixed: its id still names it
    _jsonl(feed, [("t1", OTHER.format(n="nine")), ("k1", STORY.format(n="seven"))])
    run_ok(feed, "--out", out)
    assert article_ids(out) == ["k1", "t1"] and tolls(out) == [7, 9]
    # another file numbering its records the same way holds other articles
    _jsonl(other, [("k1", OTHER.format(n="two"))])
    run_ok(other, "--out", out)
    assert article_ids(out) == ["k1", "k1-2", "t1"] and tolls(out) == [2, 7, 9]
    assert query(out / "sitrep.duckdb", "SELECT count(*) FROM article_versions")[0][0] == 1


def test_an_input_that_now_copies_another_article_is_noted_as_a_copy(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY.format(n="five"), encoding="utf-8")
    (folder / "b.txt").write_text(OTHER.format(n="nine"), encoding="utf-8")
    run_ok(folder, "--out", out)
    (folder / "a.txt").write_text(OTHER.format(n="nine"), encoding="utf-8")
    run_ok(folder, "--out", out)
    assert article_ids(out) == ["b"] and tolls(out) == [9]
    rows = json.loads((out / "articles.json").read_text())["articles"]
    assert [Path(p).name for p in rows[0]["duplicate_inputs"]] == ["a.txt"]
    db = out / "sitrep.duckdb"
    assert query(db, "SELECT article_id, replaced_by_hash FROM article_versions") == [("a", None)]


def test_a_store_of_version_1_is_migrated_and_learns_its_inputs(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "karu.txt").write_text(STORY.format(n="five"), encoding="utf-8")
    run_ok(folder, "--out", out)
    db = out / "sitrep.duckdb"
    con = duckdb.connect(str(db))  # make it a store as version 1 wrote it
    con.execute("DROP TABLE input_keys")
    con.execute("DROP TABLE article_versions")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'store_version'")
    con.close()

    run_ok(folder, "--out", out)  # unchanged: accepted, migrated, the input's key learnt
    assert query(db, "SELECT value FROM meta WHERE key = 'store_version'") == [("2",)]
    assert [Path(k).name for (k,) in query(db, "SELECT input_key FROM input_keys")] == ["karu.txt"]
    (folder / "karu.txt").write_text(STORY.format(n="six"), encoding="utf-8")
    run_ok(folder, "--out", out)
    assert article_ids(out) == ["karu"] and tolls(out) == [6]


def _edges(db: Path) -> list[tuple]:
    return query(db, "SELECT source, derived, kind FROM reuse_edges ORDER BY ALL")


@pytest.mark.parametrize(
    "old, new",
    [
        ("killing five guests", "killing seven guests"),  # a figure: the copy no longer matches
        ("fled on motorcycles", "fled on motorbikes"),  # a word: still a copy of the report
    ],
)
def test_a_version_stored_by_ingest_alone_is_traced_and_extracted_by_the_next_run(tmp_path, old, new):
    """The steps apart: `sitrep ingest` stores the new version and stops (as a run killed right
    after storing it); the next run finds it without lineage or extraction and derives both, the
    same as a fresh store would."""
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    story = STORY.format(n="five")
    (folder / "karu.txt").write_text(story, encoding="utf-8")
    (folder / "copy.txt").write_text(story.replace("\n\n", "\n\nReporting by a stringer. "), encoding="utf-8")
    run_ok(folder, "--out", out)
    db = out / "sitrep.duckdb"
    assert len(_edges(db)) == 1

    (folder / "karu.txt").write_text(story.replace(old, new), encoding="utf-8")
    assert sitrep("ingest", folder, "--out", out, "-q").returncode == 0
    assert query(db, "SELECT count(*) FROM extractions WHERE article_id = 'karu'") == [(0,)]
    assert _edges(db) == []  # the edges of the old text are gone with it
    run_ok(folder, "--out", out)
    run_ok(folder, "--out", tmp_path / "fresh")
    assert _edges(db) == _edges(tmp_path / "fresh" / "sitrep.duckdb")
    assert query(db, "SELECT count(*) FROM lineage") == [(2,)]
    assert query(db, "SELECT count(*) FROM extractions WHERE article_id = 'karu'")[0][0] >= 1
    claims = "SELECT article_id, low, origin FROM claims WHERE field = 'fatalities' ORDER BY ALL"
    assert query(db, claims) == query(tmp_path / "fresh" / "sitrep.duckdb", claims)
    assert tolls(out) == tolls(tmp_path / "fresh")
    assert article_ids(out) == ["copy", "karu"]


def _incidents(out: Path) -> list[dict]:
    return json.loads((out / "incidents.json").read_text(encoding="utf-8"))["incidents"]


def _start(folder: Path, out: Path) -> subprocess.Popen:
    import os

    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep.cli", "run", str(folder), "--out", str(out), "-q", "--no-report"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


@pytest.mark.slow
def test_sigkill_while_a_new_version_replaces_the_old_leaves_one_version(tmp_path):
    """Kill the run that stores edited versions at random moments: each time the store holds each
    article once (the old text and no history, or the new text and its history row), and the
    next run ends with the new figures, each counted once."""
    n = 40
    folder, out = tmp_path / "in", tmp_path / "out"
    write_corpus(folder, n)
    run_ok(folder, "--out", out)
    db = out / "sitrep.duckdb"
    old_hashes = dict(query(db, "SELECT article_id, content_hash FROM articles"))
    new_tolls = {}
    for path in sorted(folder.iterdir()):  # every article's toll corrected
        text = path.read_text(encoding="utf-8")
        toll = int(re.search(r"killing (\d+) people", text).group(1)) + 100
        path.write_text(re.sub(r"killing \d+ people", f"killing {toll} people", text), encoding="utf-8")
        new_tolls[path.stem] = toll
    t0 = time.monotonic()
    ref = _start(folder, tmp_path / "ref")  # how long a whole run takes, on a fresh store
    ref.wait(timeout=600)
    full = time.monotonic() - t0
    rng = random.Random(19)
    for _ in range(3):
        proc = _start(folder, out)
        time.sleep(rng.uniform(0.2, 0.9) * full)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        rows = query(db, "SELECT article_id, content_hash FROM articles")
        history = dict(query(db, "SELECT article_id, content_hash FROM article_versions"))
        assert sorted(a for a, _ in rows) == sorted(old_hashes)  # each id once, none lost
        for aid, h in rows:
            if h == old_hashes[aid]:
                assert aid not in history
            else:
                assert history[aid] == old_hashes[aid]
    run_ok(folder, "--out", out)
    assert query(db, "SELECT count(*) FROM article_versions") == [(n,)]
    claims = query(db, "SELECT DISTINCT article_id, low FROM claims WHERE field = 'fatalities'")
    assert {a: low for a, low in claims if low is not None and low >= 100} == new_tolls
    assert all(low >= 100 for _, low in claims if low is not None)  # no old figure counts
