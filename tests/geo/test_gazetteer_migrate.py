"""An older gazetteer file is brought to the current schema: the shipped countries and divisions
move to the points units.tsv gives now, a place the user imported stays as imported, and the file's
content id changes (stored extractions that read it are redone)."""

from __future__ import annotations

import shutil

import duckdb

from sitrep.geo.gazetteer import SCHEMA, Gazetteer, prepare


def test_an_old_file_with_imports_gets_the_shipped_points(tmp_path, gazetteer_file):
    path = tmp_path / "old.duckdb"
    shutil.copy(gazetteer_file, path)
    con = duckdb.connect(str(path))
    before = con.execute("SELECT v FROM meta WHERE k = 'content_id'").fetchone()[0]
    con.execute("UPDATE places SET lat = 38.0, lon = -97.0 WHERE fcode = 'PCLI' AND cc = 'US'")
    con.execute(
        "INSERT INTO places SELECT -999999, 'Kalu Camp', 12.5, 3.5, 'P', NULL, 'NE', NULL, NULL, 0, 'import'"
    )
    con.execute("UPDATE meta SET v = '4' WHERE k = 'schema'")
    con.close()

    prepare(path)

    gaz = Gazetteer.open(path)
    us = gaz.countries["US"]
    assert (round(us.lat, 2), round(us.lon, 2)) == (39.76, -98.5)
    con = gaz.con
    assert con.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()[0] == str(SCHEMA)
    assert con.execute("SELECT v FROM meta WHERE k = 'content_id'").fetchone()[0] != before
    assert con.execute("SELECT lat, lon FROM places WHERE gid = -999999").fetchone() == (12.5, 3.5)
