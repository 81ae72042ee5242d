"""Cached extractions are keyed by every resource they read: importing a gazetteer re-resolves the
places of articles already in the store, and the run says what it redid and why."""

from __future__ import annotations

import json
import shutil
from dataclasses import FrozenInstanceError
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import sitrep
from sitrep.cli import app
from sitrep.geo.gazetteer import Gazetteer, default_path, prepare
from sitrep.settings import DEFAULT_GAZETTEER, Settings

# Made-up place names, each in a phrasing where only the gazetteer can tell it is a place.
PLACES = [
    (
        "Korvandi",
        14.21,
        -3.87,
        "Korvandi came under attack on Tuesday when gunmen killed six villagers, officials in Mali said.",
    ),
    (
        "Sirakele",
        13.64,
        -4.52,
        "Residents of Sirakele said gunmen killed nine villagers on Tuesday in central Mali.",
    ),
]


@pytest.fixture
def gazetteer(tmp_path):
    """A copy of the default gazetteer (built first when this machine has none): the import writes to it."""
    path = tmp_path / "gaz.duckdb"
    shutil.copy(prepare(default_path()), path)
    return path


def _locations(out) -> dict[str, tuple]:
    """Each incident's place name and coordinates, by the article that reports it."""
    incidents = json.loads((out / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    found = {}
    for inc in incidents:
        loc = inc.get("location") or {}
        for aid in inc["articles"]:
            found[aid] = (loc.get("name"), loc.get("lat"), loc.get("lon"))
    return found


def test_gazetteer_import_re_resolves_stored_articles(gazetteer, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name, _lat, _lon, text in PLACES:
        (articles / f"{name.lower()}.txt").write_text(text + "\n", encoding="utf-8")
    out, db = tmp_path / "out", tmp_path / "store.duckdb"

    first = sitrep.run([articles], out=out, db=db, gazetteer=gazetteer, report=False)
    assert first.notes == []  # nothing was cached before: nothing redone
    before = _locations(out)
    for name, _lat, _lon, _text in PLACES:
        assert before[name.lower()][0] != name  # not a place yet: the country stands in

    csv = tmp_path / "places.csv"
    csv.write_text(
        "name,lat,lon,country_code,admin1,feature_class,alternate_names\n"
        + "".join(f"{name},{lat},{lon},ML,,P,\n" for name, lat, lon, _text in PLACES),
        encoding="utf-8",
    )
    imported = CliRunner().invoke(app, ["gazetteer", "import", str(csv), "--gazetteer", str(gazetteer)])
    assert imported.exit_code == 0, imported.output

    second = sitrep.run([articles], out=out, db=db, gazetteer=gazetteer, report=False)
    assert second.n_new == 0  # the same articles, read from the store
    after = _locations(out)
    for name, lat, lon, _text in PLACES:
        assert after[name.lower()] == (name, lat, lon)
    assert len(second.notes) == 1
    assert f"redone for {len(PLACES)} stored article(s)" in second.notes[0]
    assert "gazetteer changed" in second.notes[0] and "extractor" not in second.notes[0]

    con = duckdb.connect(str(db), read_only=True)
    stats = json.loads(con.execute("SELECT stats FROM runs WHERE run_id = ?", [second.run_id]).fetchone()[0])
    con.close()
    assert stats["notes"] == second.notes  # the run's notes are kept in the store

    third = sitrep.run([articles], out=out, db=db, gazetteer=gazetteer, report=False)
    assert third.notes == [] and _locations(out) == after  # unchanged resources: the cache holds


@pytest.mark.parametrize(
    "environ, given, gazetteer, dtype",
    [
        ({}, {}, DEFAULT_GAZETTEER, None),
        ({"SITREP_GAZETTEER": "/srv/g.duckdb"}, {}, Path("/srv/g.duckdb"), None),
        (
            {"SITREP_GAZETTEER": "/srv/g.duckdb"},
            {"gazetteer": "/tmp/mine.duckdb"},
            Path("/tmp/mine.duckdb"),
            None,
        ),
        ({"SITREP_EMBED_DTYPE": "float32"}, {"gazetteer": None}, DEFAULT_GAZETTEER, "float32"),
        ({"SITREP_EMBED_DTYPE": "float32"}, {"embed_dtype": "bfloat16"}, DEFAULT_GAZETTEER, "bfloat16"),
    ],
)
def test_settings_take_arguments_then_the_environment_then_defaults(environ, given, gazetteer, dtype):
    s = Settings.build(environ, **given)
    assert (s.gazetteer, s.embed_dtype) == (gazetteer, dtype)
    with pytest.raises(FrozenInstanceError):
        s.max_bytes = 1


def test_unknown_settings_are_refused():
    with pytest.raises(TypeError, match="max_mb"):
        Settings.build({}, max_mb=3)


def test_opening_a_missing_gazetteer_builds_nothing(tmp_path):
    with pytest.raises(FileNotFoundError):
        Gazetteer.open(tmp_path / "none.duckdb")
    assert list(tmp_path.iterdir()) == []


def test_the_cli_gazetteer_option_beats_the_environment(gazetteer, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(PLACES[0][3] + "\n", encoding="utf-8")
    monkeypatch.setenv("SITREP_GAZETTEER", str(tmp_path / "elsewhere.duckdb"))
    run = CliRunner().invoke(
        app,
        [
            "run",
            str(tmp_path / "a.txt"),
            "--out",
            str(tmp_path / "out"),
            "--gazetteer",
            str(gazetteer),
            "--no-report",
            "-q",
        ],
    )
    assert run.exit_code == 0, run.output
    assert not (tmp_path / "elsewhere.duckdb").exists()
