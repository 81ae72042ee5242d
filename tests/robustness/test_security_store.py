"""Issue 19, kinds 5 and 6: foreign, damaged and newer stores; outputs that would destroy the
store or the inputs. Real DuckDB files, real `sitrep` subprocesses; the store and the inputs are
unchanged after every refusal."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from sitrep.ingest import iter_inputs
from sitrep.records import Document, Rejection
from support.cli import ARTICLE, digest, make_articles, sitrep
from support.stores import _foreign, _newer, _sqlite, _text


@pytest.fixture()
def articles(tmp_path) -> Path:
    return make_articles(tmp_path)


@pytest.mark.parametrize(
    "make, words",
    [
        (_foreign, "another program"),
        (_newer, "newer sitrep"),
        (_sqlite, "SQLite"),
        (_text, "not a DuckDB file"),
    ],
)
def test_a_file_that_is_no_sitrep_store_is_refused_unchanged(tmp_path, articles, make, words):
    db = tmp_path / "their.db"
    make(db)
    before, inputs = digest(db), digest(articles)
    proc = sitrep("ingest", articles, "--out", tmp_path / "out", "--db", db, "-q")
    assert proc.returncode == 4, proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert digest(db) == before and digest(articles) == inputs
    assert not list(tmp_path.glob("their.db.wal"))


def _store_with_one_article(tmp_path, articles) -> Path:
    db = tmp_path / "s.duckdb"
    assert sitrep("ingest", articles, "--out", tmp_path / "o", "--db", db, "-q").returncode == 0
    return db


@pytest.mark.parametrize(
    "damage, words",
    [
        ("ALTER TABLE articles DROP COLUMN url", "has no column url"),
        ('UPDATE articles SET payload = \'{"no": "article"}\'', "an article could not be read"),
    ],
)
def test_a_damaged_store_is_reported_in_a_sentence(tmp_path, articles, damage, words):
    db = _store_with_one_article(tmp_path, articles)
    con = duckdb.connect(str(db))
    con.execute(damage)
    con.close()
    (articles / "second.txt").write_text("Soldiers repelled an attack on a base on Tuesday.\n")
    proc = sitrep("ingest", articles, "--out", tmp_path / "o", "--db", db, "-q")
    assert proc.returncode == 4, proc.stderr
    assert "damaged" in proc.stderr and words in proc.stderr and "sitrep run" in proc.stderr
    assert "Traceback" not in proc.stderr
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    # a missing column is seen before any write; a damaged payload when it is read, after the
    # new article was stored (a valid addition: the damaged row itself is left as it was)
    assert n == (1 if "DROP" in damage else 2)


def test_an_empty_duckdb_file_becomes_a_store(tmp_path, articles):
    db = tmp_path / "empty.duckdb"
    duckdb.connect(str(db)).close()
    proc = sitrep("ingest", articles, "--out", tmp_path / "o", "--db", db, "-q")
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("where", ["out_is_input", "out_inside_input", "db_is_report", "db_in_input"])
def test_outputs_that_would_overwrite_inputs_or_the_store_are_refused(tmp_path, articles, where):
    out = {"out_is_input": articles, "out_inside_input": articles / "results"}.get(where, tmp_path / "out")
    args = ["run", articles, "--out", out, "-q"]
    if where == "db_is_report":
        args += ["--db", out / "report.html"]
    if where == "db_in_input":
        args += ["--db", articles / "store.duckdb"]
    before = digest(articles)
    proc = sitrep(*args)
    assert proc.returncode == 2, proc.stderr
    assert "Choose another" in proc.stderr or "choose another" in proc.stderr
    assert digest(articles) == before
    assert not (out / "report.html").exists()


def test_own_outputs_in_an_input_folder_are_never_read_as_articles(tmp_path):
    folder = tmp_path / "old_run"
    folder.mkdir()
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "rejected.json").write_text('{"schema_version": 1, "rejected": []}')
    (folder / "incidents.csv").write_text("incident_id,event_date\nabc,2025-01-01\n")
    (folder / "report.html").write_text("<html><body><p>Four traders were killed.</p></body></html>")
    items = list(iter_inputs([folder]))
    docs = [i for i in items if isinstance(i, Document)]
    own = [i for i in items if isinstance(i, Rejection) and i.code == "own_output"]
    assert [Path(d.input).name for d in docs] == ["story.txt"]
    assert sorted(Path(r.input).name for r in own) == ["incidents.csv", "rejected.json", "report.html"]
