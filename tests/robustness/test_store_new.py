"""A store built by ``Store.open`` is complete without the checks an existing file gets: opening it
again (which checks every table and column against the schema) accepts it and adds nothing."""

from __future__ import annotations

import duckdb
import pytest

from sitrep.store import SCHEMA, STORE_VERSION, Store

COLUMNS = "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY ALL"


@pytest.mark.parametrize("folder", ["", "nested/deeper"])
def test_a_new_store_has_the_whole_schema_and_passes_the_check_later(tmp_path, folder):
    path = tmp_path / folder / "new.duckdb"
    with Store.open(path) as store:
        built = store.con.execute(COLUMNS).fetchall()
        version = store.con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        assert store.count_articles() == 0
    assert version == (STORE_VERSION,)
    with Store.open(path) as again:  # an existing file: checked, schema applied (IF NOT EXISTS)
        assert again.con.execute(COLUMNS).fetchall() == built
    with Store.open(path, read_only=True) as reader:
        assert reader.con.execute(COLUMNS).fetchall() == built
    with duckdb.connect() as ref:  # the schema as written, in memory
        ref.execute(SCHEMA)
        assert ref.execute(COLUMNS).fetchall() == built
