"""`sitrep eval`: the seeds' output scores every check of expected.json; mistakes show as FAIL rows."""

from __future__ import annotations

import json

import pytest

from sitrep.evaluate import evaluate, format_table
from sitrep.export import write_outputs
from sitrep.merge import merge_incidents
from sitrep.records import Direction, ReuseEdge, RunOutputs
from support.seed_records import A0, A1, A2, A3, seed_records


def _write(out, seed_texts, mutate=None):
    ex, arts, lin = seed_records(seed_texts)
    if mutate:
        mutate(ex, arts, lin)
    incs = merge_incidents(ex, arts, lin)
    edges = [
        ReuseEdge(
            source=A1, derived=A2, kind="paraphrase", coverage=0.86, direction=Direction(confidence=0.9)
        ),
        ReuseEdge(
            source=A0, derived=A3, kind="paraphrase", coverage=0.75, direction=Direction(confidence=0.9)
        ),
    ]
    write_outputs(
        out, RunOutputs(incidents=incs, articles=list(arts.values()), lineage=lin, edges=edges, rejected=[])
    )
    return out


def test_seed_output_passes_every_check(tmp_path, seed_texts, expected):
    report = evaluate(_write(tmp_path, seed_texts), expected)
    table = format_table(report)
    assert report.passed, table
    assert len(report.rows) >= 60
    assert table.splitlines()[-1] == f"{len(report.rows)}/{len(report.rows)} checks passed"
    checks = {r.check for r in report.rows}
    assert {
        "boulkessi: fatalities low",
        "timbuktu: fatalities conflict named",
        "sirakorola: outcome conflict named",
        "tahoua: fatalities shared figure",
    } <= checks


def test_wrong_figures_and_missing_merges_fail_their_rows(tmp_path, seed_texts, expected):
    def split_004(ex, arts, lin):
        # 004 without its Reuters credit and on a different day: it no longer traces or joins
        m = ex["004_9b07b6954dd56870"].mentions[0]
        m.claims[0].credited_outlet = None
        m.date.start = m.date.end = "2025-06-05"
        m.date.precision = "day"
        m.places[0].text = "Bamako"

    report = evaluate(_write(tmp_path, seed_texts, split_004), expected)
    failed = {r.check for r in report.rows if not r.passed}
    assert "boulkessi: articles" not in failed  # 4 of 5 is within the recall threshold
    assert any(c.startswith("origin of claim in 004") for c in failed)
    assert "no incidents beyond the gold ones" in failed
    assert not report.passed and "FAIL" in format_table(report)


def test_reuse_rows_and_missing_files(tmp_path, expected):
    (tmp_path / "reuse.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "edges": [{"source": A1, "derived": A2, "kind": "partial", "coverage": 0.3}],
            }
        )
    )
    (tmp_path / "articles.json").write_text(json.dumps({"schema_version": 1, "articles": []}))
    report = evaluate(tmp_path, expected)
    rows = {r.check: r for r in report.rows}
    assert not rows["file incidents.json"].passed
    edge = rows[f"reuse edge {A1} -> {A2}"]
    assert (edge.got, edge.passed) == ("partial, 0.30", False)
    assert not rows["boulkessi: found"].passed


@pytest.mark.parametrize("gold_low, passed", [(31, True), (30, False)])
def test_a_small_hand_coded_gold_file(tmp_path, seed_texts, gold_low, passed):
    gold = {
        "incidents": [
            {
                "key": "b",
                "date": {"start": "2025-06-01"},
                "location": {"name": "Boulikessi", "country_code": "ML"},
                "fatalities": {"low": gold_low},
            }
        ]
    }
    out = _write(tmp_path, seed_texts)
    rows = {r.check: r.passed for r in evaluate(out, gold).rows}
    assert rows["b: found"] and rows["b: fatalities low"] is passed
    assert rows["no incidents beyond the gold ones"] is False  # six more incidents in the output
    gold["complete"] = False
    assert "no incidents beyond the gold ones" not in {r.check for r in evaluate(out, gold).rows}
