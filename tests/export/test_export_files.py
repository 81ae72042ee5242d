"""The contract's files: CSV columns, valid GeoJSON, JSON round-trips, rejected.json, atomic writes."""

from __future__ import annotations

import csv
import json
import math

import pytest

from sitrep.export import write_outputs
from sitrep.export.table import CSV_COLUMNS
from sitrep.merge import merge_incidents
from sitrep.records import Credit, Direction, Incident, Rejection, ReuseEdge, RunOutputs
from support.contract import CONTRACT_COLUMNS
from support.seed_records import A0, A1, A2, A3, seed_records


@pytest.fixture(scope="module")
def written(tmp_path_factory, seed_texts):
    ex, arts, lin = seed_records(seed_texts)
    arts[A0].credits.append(
        Credit(text="This article was produced by Reuters news agency.", span=(0, 10), outlet="Reuters")
    )
    incidents = merge_incidents(ex, arts, lin)
    edges = [
        ReuseEdge(
            source=A1,
            derived=A2,
            kind="paraphrase",
            coverage=0.9,
            direction=Direction(confidence=0.8, reasons=["dated earlier"]),
        )
    ]
    rejected = [Rejection(input="bad.jsonl", line=3, code="bad_json", reason="line 3 is not JSON")]
    out = tmp_path_factory.mktemp("out")
    paths = write_outputs(
        out,
        RunOutputs(
            incidents=incidents,
            articles=list(arts.values()),
            lineage=lin,
            edges=edges,
            rejected=rejected,
            duplicates=[("copy/000.txt", A0)],
        ),
        formats=("json", "csv", "geojson", "parquet"),
    )
    return out, paths, incidents


def test_csv_has_the_contract_columns_in_order(written):
    out, _, incidents = written
    assert CSV_COLUMNS == CONTRACT_COLUMNS
    with open(out / "incidents.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert len(rows) == len(incidents) + 1
    table = [dict(zip(rows[0], r)) for r in rows[1:]]
    boul = next(r for r in table if r["location"] == "Boulkessi")
    assert (boul["fatalities_low"], boul["independent_origins"], boul["n_articles"]) == ("31", "2", "5")
    assert (boul["time_precision"], boul["date_prec"]) == ("1", "1")
    assert "more than 30" in boul["notes"]
    djibo = next(r for r in table if r["location"] == "Djibo")
    assert (djibo["time_precision"], djibo["date_prec"], djibo["where_prec"]) == ("2", "4", "1")


def test_geojson_is_a_valid_feature_collection(written):
    out, _, incidents = written
    gj = json.loads((out / "incidents.geojson").read_text())
    assert gj["type"] == "FeatureCollection"
    with_coords = [i for i in incidents if i.location and i.location.lat is not None]
    assert len(gj["features"]) == len(with_coords) > 0
    for f in gj["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    tim = next(f for f in gj["features"] if f["properties"]["location"] == "Timbuktu")
    assert tim["geometry"]["coordinates"] == [-3.00742, 16.77348]


def test_incidents_json_round_trips(written):
    out, _, incidents = written
    data = json.loads((out / "incidents.json").read_text())
    assert data["schema_version"] == 1
    back = [Incident.from_dict(d) for d in data["incidents"]]
    assert back == incidents


def test_articles_reuse_and_rejected_files(written):
    out, _, _ = written
    arts = json.loads((out / "articles.json").read_text())["articles"]
    a0 = next(a for a in arts if a["article_id"] == A0)
    for key in (
        "article_id",
        "outlet",
        "published",
        "title",
        "author",
        "origin",
        "derived_from",
        "independent_group",
        "n_chars",
        "language",
        "rejected",
        "duplicate_inputs",
        "is_english",
        "credits",
    ):
        assert key in a0
    assert a0["duplicate_inputs"] == ["copy/000.txt"] and a0["credits"][0]["outlet"] == "Reuters"
    assert next(a for a in arts if a["article_id"] == A3)["origin"] == A0
    reuse = json.loads((out / "reuse.json").read_text())
    assert reuse["edges"][0]["direction"]["reasons"] == ["dated earlier"]
    rej = json.loads((out / "rejected.json").read_text())
    assert rej == {
        "schema_version": 1,
        "rejected": [{"input": "bad.jsonl", "line": 3, "code": "bad_json", "reason": "line 3 is not JSON"}],
    }


def test_parquet_matches_csv_and_no_temp_files_are_left(written):
    import pyarrow.parquet as pq

    out, paths, incidents = written
    table = pq.read_table(out / "incidents.parquet")
    assert table.column_names[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS
    assert table.num_rows == len(incidents)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)


def test_non_finite_numbers_become_null(tmp_path, seed_texts):
    ex, arts, lin = seed_records(seed_texts)
    incs = merge_incidents(ex, arts, lin)
    incs[0].location.lat = math.nan
    write_outputs(
        tmp_path,
        RunOutputs(incidents=incs, articles=list(arts.values()), lineage=lin, edges=[], rejected=[]),
        formats=("json", "geojson"),
    )
    data = json.loads((tmp_path / "incidents.json").read_text())
    assert data["incidents"][0]["location"]["lat"] is None
    gj = json.loads((tmp_path / "incidents.geojson").read_text())
    assert incs[0].incident_id not in {f["id"] for f in gj["features"]}
    assert not (tmp_path / "incidents.csv").exists()
