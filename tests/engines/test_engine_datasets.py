"""The Ray engine's Parquet datasets are written in parts as their rows are made (bounded memory:
``tables.PART_ROWS`` rows at a time), and every part has the types the whole table would have,
so DuckDB reads ``OUT/parquet/NAME/*.parquet`` as one table: a column null in the first part and
set in a later one is typed by its values, never null in one part and text in another.

The seeds test runs a local Ray cluster (``ray.init(num_cpus=2)``); skipped when the ``ray``
extra is missing."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sitrep
from sitrep.engines import tables
from sitrep.engines.tables import flat, write_parts


def rows_with_late_types(n: int, folder: Path | None = None):
    """Rows whose ``note`` is null in the first part and text later, and whose ``share`` is an
    integer until the last row; with ``folder``, each row checks that the parts before it are
    already written there."""
    for i in range(n):
        if folder is not None:
            assert len(list(folder.glob("*.parquet"))) == i // tables.PART_ROWS, "a part was held back"
        yield {"n": i, "note": None if i < 3 else f"row {i}", "share": i if i < n - 1 else 0.5}


def test_parts_are_written_as_rows_come_and_typed_as_the_whole_table(tmp_path, monkeypatch):
    monkeypatch.setattr(tables, "PART_ROWS", 2)
    assert write_parts(tmp_path, rows_with_late_types(5, tmp_path)) == 3

    whole = pa.Table.from_pylist(list(rows_with_late_types(5))).schema
    assert [pq.read_schema(p) for p in sorted(tmp_path.glob("*.parquet"))] == [whole] * 3
    got = duckdb.sql(f"SELECT * FROM '{tmp_path}/*.parquet' ORDER BY n")
    assert got.types == ["BIGINT", "VARCHAR", "DOUBLE"]
    assert got.fetchall() == [
        (0, None, 0.0),
        (1, None, 1.0),
        (2, None, 2.0),
        (3, "row 3", 3.0),
        (4, "row 4", 0.5),
    ]


def test_no_rows_are_no_parts(tmp_path):
    assert write_parts(tmp_path, iter([])) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("ray", reason='the Ray engine is the optional extra: pip install -e ".[ray]"')
    import ray

    from sitrep.engines.ray_engine import start

    start(num_cpus=2, include_dashboard=False, log_to_driver=False)  # tried again on a slow start
    yield
    ray.shutdown()


def dataset(out: Path, name: str, order: str):
    return duckdb.sql(f"SELECT * FROM '{out}/parquet/{name}/*.parquet' ORDER BY {order}")


def test_seeds_datasets_in_parts_say_what_the_json_files_say(
    cluster, tmp_path, monkeypatch, seeds_dir, seed_manifest, gazetteer_file
):
    monkeypatch.setattr(tables, "PART_ROWS", 2)  # the seeds' tables in several parts each
    out = tmp_path / "ray"
    sitrep.run(
        [seeds_dir / "articles"],
        out=out,
        meta=seed_manifest,
        db=tmp_path / "store.duckdb",
        gazetteer=gazetteer_file,
        report=False,
        engine="ray",
    )
    late = []  # (table, column): null in the whole first part, set in a later one
    for name in ("articles", "mentions", "claims", "incidents", "reuse_edges"):
        parts = sorted((out / "parquet" / name).glob("*.parquet"))
        assert len(parts) > 1, name
        schema = pq.read_schema(parts[0])
        assert all(pq.read_schema(p).equals(schema) for p in parts), name  # one type a column
        n = sum(pq.ParquetFile(p).metadata.num_rows for p in parts)
        assert duckdb.sql(f"SELECT count(*) FROM '{parts[0].parent}/*.parquet'").fetchall() == [(n,)]
        first, later = pq.read_table(parts[0]), pa.concat_tables(pq.read_table(p) for p in parts[1:])
        late += [
            (name, f)
            for f in schema
            if first[f.name].null_count == len(first) and later[f.name].null_count < len(later)
        ]
    # e.g. the first two articles derive from none, the first claims have no high figure
    assert {("articles", "derived_from"), ("claims", "high")} <= {(t, f.name) for t, f in late}
    assert all(not pa.types.is_null(f.type) for _, f in late), late  # typed by their values

    # DuckDB reads every part as one table, row for row what the JSON files say
    edges = json.loads((out / "reuse.json").read_text(encoding="utf-8"))["edges"]
    got = dataset(out, "reuse_edges", "source, derived")
    assert got.fetchall() == [tuple(flat(e).values()) for e in edges]
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))["articles"]
    got = dataset(out, "articles", "article_id")
    assert got.columns == list(articles[0]) and got.fetchall() == [tuple(flat(a).values()) for a in articles]
    incidents = json.loads((out / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    assert [r[0] for r in dataset(out, "incidents", "incident_id").fetchall()] == sorted(
        i["incident_id"] for i in incidents
    )
