"""The run as a user sees it: articles stored once, re-runs and copies, a busy or unwritable store."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

import sitrep
from sitrep.errors import StoreBusy, StoreUnavailable
from sitrep.records import Article, OffsetMap
from sitrep.store import STORE_VERSION, Store


def _articles(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT article_id, content_hash FROM articles ORDER BY 1").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, seeds_dir, seed_manifest):
    out = tmp_path_factory.mktemp("seeds_out")
    first = sitrep.run([seeds_dir / "articles"], out=out, meta=seed_manifest)
    second = sitrep.run([seeds_dir / "articles"], out=out, meta=seed_manifest)
    return out, first, second


def test_seeds_are_stored_once_with_manifest_metadata(seeds_run):
    out, first, second = seeds_run
    rows = _articles(out / "sitrep.duckdb")
    assert [r[0] for r in rows] == [
        "000_637d78b309cbb5dc",
        "001_5fd46db9fb16ef00",
        "002_d621ef57b203f649",
        "003_a5aecea2bd63faf4",
        "004_9b07b6954dd56870",
    ]
    assert first.n_new == 5
    with Store.open(out / "sitrep.duckdb", read_only=True) as store:
        by_id = {a.article_id: a for a in store.load_articles()}
    assert by_id["000_637d78b309cbb5dc"].outlet == "Reuters"
    assert by_id["001_5fd46db9fb16ef00"].published == "2025-06-03"


def test_second_run_on_same_store_adds_nothing(seeds_run):
    out, first, second = seeds_run
    assert second.n_new == 0 and second.n_already == 5 and second.n_total == 5
    assert len(_articles(out / "sitrep.duckdb")) == 5
    with Store.open(out / "sitrep.duckdb", read_only=True) as store:
        runs = store.con.execute("SELECT status FROM runs").fetchall()
    assert [r[0] for r in runs] == ["ok", "ok"]


def test_copy_under_another_name_is_noted_as_duplicate(tmp_path, seeds_dir, seed_manifest):
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir / "articles", folder)
    shutil.copy(folder / "001_5fd46db9fb16ef00.txt", folder / "zz_copy_of_ap.txt")
    out = tmp_path / "out"
    result = sitrep.run([folder], out=out, ingest_only=True)
    assert len(_articles(out / "sitrep.duckdb")) == 5
    assert result.duplicates == [(str(folder / "zz_copy_of_ap.txt"), "001_5fd46db9fb16ef00")]
    with Store.open(out / "sitrep.duckdb", read_only=True) as store:
        assert store.duplicates() == [(str(folder / "zz_copy_of_ap.txt"), "001_5fd46db9fb16ef00")]


def test_a_failing_batch_stores_nothing(tmp_path):
    def article(aid: str, h: str) -> Article:
        return Article(
            article_id=aid,
            input=aid,
            format="txt",
            raw_text="x",
            clean_text="x",
            offsets=OffsetMap(segments=[(0, 0, 1)]),
            content_hash=h,
        )

    with Store.open(tmp_path / "s.duckdb") as store:
        store.add_batch([article("a", "h1")])
        with pytest.raises(duckdb.Error):  # second "b" breaks the primary key mid-batch
            store.add_batch([article("b", "h2"), article("c", "h3"), article("b", "h4")])
        assert store.article_ids() == {"a"}


def test_a_busy_store_gives_a_clear_message(tmp_path, seeds_dir):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import time, duckdb
        con = duckdb.connect({str(db)!r})
        con.execute("CREATE TABLE t (x INT)")
        print("ready", flush=True)
        time.sleep(60)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match="in use by another sitrep run"):
            Store.open(db, wait=0.5)
        cli = subprocess.run(
            [
                sys.executable,
                "-m",
                "sitrep.cli",
                "run",
                str(seeds_dir / "articles"),
                "--out",
                str(tmp_path / "o"),
                "--db",
                str(db),
                "-q",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert cli.returncode == 3
        assert "in use by another sitrep run" in cli.stderr
    finally:
        holder.kill()
        holder.wait()


def test_an_unwritable_store_fails_cleanly(tmp_path, seeds_dir):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the store's folder should be")
    with pytest.raises(StoreUnavailable):
        sitrep.run([seeds_dir / "articles"], out=tmp_path / "o", db=blocker / "s.duckdb")
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "run",
            str(seeds_dir / "articles"),
            "--out",
            str(tmp_path / "o2"),
            "--db",
            str(blocker / "s.duckdb"),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 4 and "store" in cli.stderr.lower()
    assert blocker.read_text().startswith("a file where")


def test_nothing_usable_exits_non_zero_and_lists_rejections(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    cli = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "run", str(bad), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert cli.returncode == 2
    rejected = json.loads((tmp_path / "o" / "rejected.json").read_text())["rejected"]
    assert [r["input"] for r in rejected] == [str(bad / "empty.txt")]


def test_a_new_store_appears_whole_with_no_leftovers(tmp_path):
    # Built beside its path and moved into place: a kill mid-creation leaves no table-less file.
    path = tmp_path / "s" / "sitrep.duckdb"
    with Store.open(path) as store:
        tables = {
            r[0] for r in store.con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert {"articles", "extractions", "incidents", "claims", "meta"} <= tables
    assert not [p.name for p in path.parent.iterdir() if p.name.startswith(".new-store-")]
    with Store.open(path, read_only=True) as store:
        assert store.con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone() == (
            STORE_VERSION,
        )
