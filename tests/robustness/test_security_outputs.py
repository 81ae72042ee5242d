"""Issue 19, the outputs: every file gets a normal file's mode under the user's umask, the note of
a sentence cut by the long-sentence cap reaches articles.json, and a run refused at the store
check leaves no --out folder behind. Real `sitrep` subprocesses."""

from __future__ import annotations

import json
import os
import stat

import pytest

from support.cli import make_articles, sitrep
from support.stores import _foreign, _newer, _text


@pytest.mark.parametrize("umask", [0o022, 0o027, 0o002])
def test_every_output_gets_the_mode_of_a_normal_file(tmp_path, umask):
    articles, out = make_articles(tmp_path), tmp_path / "out"
    old = os.umask(umask)  # the subprocess inherits it
    try:
        proc = sitrep("run", articles, "--out", out, "-q", "--format", "json", "--format", "csv")
    finally:
        os.umask(old)
    assert proc.returncode == 0, proc.stderr
    outputs = [p for p in out.iterdir() if p.suffix != ".duckdb" and not p.name.endswith(".wal")]
    assert {p.name for p in outputs} >= {"report.html", "incidents.json", "articles.json", "rejected.json"}
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in outputs}
    assert set(modes.values()) == {0o666 & ~umask}, modes


# Written for this test: one sentence of far more than 120 words, clauses joined by commas.
LONG = (
    "Witnesses said that "
    + ", ".join(f"in the market of district {i} gunmen fired on traders and shoppers" for i in range(40))
    + ", and the police said that three people had been killed in the town on Monday.\n"
)


def test_the_note_of_a_cut_sentence_is_in_articles_json(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "long.txt").write_text(LONG, encoding="utf-8")
    (folder / "short.txt").write_text("Gunmen killed two people in the town on Monday.\n", encoding="utf-8")
    proc = sitrep("run", folder, "--out", out, "-q", "--no-report")
    assert proc.returncode == 0, proc.stderr
    notes = {a["article_id"]: a["notes"] for a in json.loads((out / "articles.json").read_text())["articles"]}
    assert any("read in parts" in n for n in notes["long"]), notes["long"]
    assert not any("read in parts" in n for n in notes["short"])


@pytest.mark.parametrize("make", [_foreign, _newer, _text])
@pytest.mark.parametrize("command", ["run", "ingest"])
def test_a_run_refused_at_the_store_check_leaves_no_output_folder(tmp_path, make, command):
    articles, db = make_articles(tmp_path), tmp_path / "their.db"
    make(db)
    out = tmp_path / "new" / "out"
    proc = sitrep(command, articles, "--out", out, "--db", db, "-q")
    assert proc.returncode == 4, proc.stderr
    assert not out.exists() and not out.parent.exists()
