"""Issue 19, kinds 2, 7, 9 and 10: misuse of options and file options, gazetteer import of
hostile files, terminal escapes. Every case: a plain message, the documented exit code, nothing
changed, no traceback, bounded time (real `sitrep` subprocesses)."""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from pathlib import Path

import duckdb
import pytest

from sitrep.geo.gazetteer import build_default, default_path
from support.cli import ARTICLE, digest, make_articles, sitrep


@pytest.fixture()
def articles(tmp_path) -> Path:
    return make_articles(tmp_path)


@pytest.fixture()
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "option",
    [
        ["--max-mb", "nan"],
        ["--max-mb", "inf"],
        ["--max-mb", "-3"],
        ["--wait", "nan"],
        ["--format", "xlsx"],
        ["--format", "csv", "--format", "exe"],
    ],
)
def test_bad_option_values_are_refused_before_any_work(tmp_path, articles, option):
    proc = sitrep("run", articles, "--out", tmp_path / "out", *option, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert option[-1] in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("special", ["/dev/zero", "fifo", "folder"])
@pytest.mark.parametrize("command", ["meta", "gold", "import"])
def test_file_options_take_regular_files_only(tmp_path, articles, fifo, special, command):
    path = {"/dev/zero": Path("/dev/zero"), "fifo": fifo, "folder": tmp_path}[special]
    if command == "meta":
        proc = sitrep("ingest", articles, "--out", tmp_path / "out", "--meta", path, timeout=60)
    elif command == "gold":
        proc = sitrep("eval", tmp_path, "--gold", path, timeout=60)
    else:
        proc = sitrep("gazetteer", "import", path, "--gazetteer", tmp_path / "g.duckdb", timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "not a regular file" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "gold, words",
    [
        (None, "No such file"),
        ("{broken", "not readable JSON"),
        ("[1, 2]", "holds a list"),
        ('{"incidents": 5}', "must be a list"),
        ('{"incidents": [3]}', "must be an object"),
        ('{"incidents": [{"date": 5}]}', "not shaped like"),
        ('{"reuse": []}', "must be a dict"),
    ],
)
def test_a_bad_gold_file_is_exit_2_not_a_failed_check(tmp_path, gold, words):
    out = tmp_path / "out"
    out.mkdir()
    (out / "incidents.json").write_text('{"schema_version": 1, "incidents": []}')
    path = tmp_path / "gold.json"
    if gold is not None:
        path.write_text(gold)
    proc = sitrep("eval", out, "--gold", path, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr


def test_geoparse_out_a_folder_is_refused(tmp_path, articles):
    proc = sitrep("geoparse", articles, "--out", tmp_path, timeout=60)
    assert proc.returncode == 2 and "is a folder" in proc.stderr


@pytest.mark.parametrize("what", ["text", "store"])
def test_gazetteer_option_must_name_a_gazetteer(tmp_path, articles, what):
    gaz = tmp_path / "gaz.duckdb"
    if what == "text":
        gaz.write_text("Bamako,12.6,-8.0\n")
    else:
        assert sitrep("ingest", articles, "--out", tmp_path / "o", "--db", gaz, "-q").returncode == 0
    before = digest(gaz)
    proc = sitrep("run", articles, "--out", tmp_path / "out", "--gazetteer", gaz, timeout=60)
    assert proc.returncode == 4, proc.stderr
    assert "gazetteer" in proc.stderr and ("sitrep store" in proc.stderr or "not a DuckDB" in proc.stderr)
    assert digest(gaz) == before


def test_terminal_escapes_in_names_are_shown_escaped(tmp_path):
    folder = tmp_path / "evil\x1b]0;owned\x07\x1b[2J[bold" / "]x[" / "]y"  # the path holds "[/]"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE)
    proc = sitrep("run", folder, "--out", folder / "out", timeout=60)
    assert proc.returncode == 2
    assert "\x1b" not in proc.stderr and "\x07" not in proc.stderr
    assert "\\x1b" in proc.stderr and "[bold/]x[/]y" in proc.stderr  # shown, not obeyed


# --------------------------------------------------------------------------- gazetteer import


@pytest.fixture(scope="module")
def base_gazetteer(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gaz") / "base.duckdb"
    if default_path().exists():
        shutil.copy(default_path(), path)
    else:
        build_default(path)
    return path


@pytest.fixture()
def gazetteer(tmp_path, base_gazetteer) -> Path:
    path = tmp_path / "gaz.duckdb"
    shutil.copy(base_gazetteer, path)
    return path


def _row(gid, name, lat, lon) -> str:
    return (
        "\t".join(
            [
                str(gid),
                name,
                name,
                "",
                str(lat),
                str(lon),
                "P",
                "PPL",
                "ZZ",
                "",
                "01",
                "",
                "",
                "",
                "100",
                "",
                "",
                "",
                "",
            ]
        )
        + "\n"
    )


def _place(gaz: Path, gid: int):
    con = duckdb.connect(str(gaz), read_only=True)
    row = con.execute("SELECT name, lat, lon FROM places WHERE gid = ?", [gid]).fetchone()
    con.close()
    return row


def test_a_zip_member_name_is_never_run_as_sql(tmp_path, gazetteer):
    marker = tmp_path / "owned.csv"
    archive = tmp_path / "places.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"x'); COPY (SELECT 42) TO '{marker}'; --.txt", _row(990000001, "Quillmarsh", 10.5, 3.25))
        zf.writestr("../../escape.txt", _row(990000002, "Brackenfold", -10.5, -3.25))
    proc = sitrep("gazetteer", "import", archive, "--gazetteer", gazetteer, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert not marker.exists() and not (tmp_path.parent / "escape.txt").exists()
    assert _place(gazetteer, 990000001) == ("Quillmarsh", 10.5, 3.25)
    assert _place(gazetteer, 990000002) == ("Brackenfold", -10.5, -3.25)


def test_bad_rows_are_refused_with_reasons_and_never_delete_a_place(tmp_path, gazetteer):
    good = tmp_path / "good.txt"
    good.write_text(_row(990000011, "Tamberlie", 11.0, 4.0))
    assert sitrep("gazetteer", "import", good, "--gazetteer", gazetteer).returncode == 0
    dump = tmp_path / "dump.txt"
    dump.write_text(
        _row(990000011, "Tamberlie", 95.0, 4.0)
        + _row("12ab", "Nowhere", 1, 1)
        + _row(990000012, "Ostwick", "nan", 2)
        + _row(990000013, "Farrowby", 5, 181)
        + _row(990000014, "Pellingham", 12.25, -1.5)
    )
    proc = sitrep("gazetteer", "import", dump, "--gazetteer", gazetteer, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert _place(gazetteer, 990000011) == ("Tamberlie", 11.0, 4.0)  # kept, not deleted
    assert _place(gazetteer, 990000014) == ("Pellingham", 12.25, -1.5)  # the good row is in
    assert _place(gazetteer, 990000012) is None and _place(gazetteer, 990000013) is None
    for words in ("latitude 95.0", "12ab is not a number", "latitude nan", "longitude 181"):
        assert words in proc.stderr, proc.stderr


def test_an_import_that_fails_half_way_changes_nothing(tmp_path, gazetteer):
    good, junk = tmp_path / "good.txt", tmp_path / "junk.txt"
    good.write_text(_row(990000021, "Harrowgate Minor", 9.0, 9.0))
    junk.write_text("this is\tnot a dump\n")
    before = _place(gazetteer, 990000021)
    proc = sitrep("gazetteer", "import", good, junk, "--gazetteer", gazetteer, timeout=120)
    assert proc.returncode == 2 and "unchanged" in proc.stderr and "Traceback" not in proc.stderr
    assert before is None and _place(gazetteer, 990000021) is None


def test_a_user_csv_row_with_bad_coordinates_is_refused_with_its_line(tmp_path, gazetteer):
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "name,lat,lon,country_code\nWexley Cross,12.5,-1.25,ZZ\nBadplace,inf,3,ZZ\nOtherbad,12,north,ZZ\n"
    )
    proc = sitrep("gazetteer", "import", csv, "--gazetteer", gazetteer, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "line 3" in proc.stderr and "line 4" in proc.stderr
    con = duckdb.connect(str(gazetteer), read_only=True)
    names = {r[0] for r in con.execute("SELECT name FROM places WHERE src = 'user'").fetchall()}
    con.close()
    assert names == {"Wexley Cross"}
    assert json.dumps(sorted(names))
