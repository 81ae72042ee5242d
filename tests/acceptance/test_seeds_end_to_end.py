"""The acceptance example: `sitrep run` on the five seed articles reproduces expected.json.

Runs the real pipeline (real spaCy, real MiniLM embeddings, real DuckDB) once through the command
line, as a new user would, and checks its output files against what a careful analyst read."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from support.contract import CONTRACT_COLUMNS


@pytest.fixture(scope="module")
def out(tmp_path_factory, seeds_dir, seed_manifest) -> Path:
    out = tmp_path_factory.mktemp("seeds_e2e")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "run",
            str(seeds_dir / "articles"),
            "--meta",
            str(seed_manifest),
            "--out",
            str(out),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    return out


def _load(out: Path, name: str) -> dict:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _incident(incidents: list[dict], exp: dict) -> dict:
    names = [exp["location"]["name"], *exp["location"].get("variants_in_text", [])]
    found = [
        inc
        for inc in incidents
        if inc.get("location")
        and inc["location"].get("country_code") == exp["location"]["country_code"]
        and any(fuzz.ratio(inc["location"]["name"].lower(), n.lower()) >= 85 for n in names)
    ]
    assert len(found) == 1, f"{exp['key']}: {len(found)} incidents match"
    return found[0]


def test_all_contract_files_are_written(out):
    for name in (
        "incidents.json",
        "incidents.csv",
        "incidents.geojson",
        "articles.json",
        "reuse.json",
        "report.html",
        "rejected.json",
        "sitrep.duckdb",
    ):
        assert (out / name).exists(), name
    assert _load(out, "incidents.json")["schema_version"] == 1


def test_reuse_edges_and_origins(out, expected):
    edges = {(e["source"], e["derived"]): e for e in _load(out, "reuse.json")["edges"]}
    for exp in expected["reuse"]["edges"]:
        edge = edges.get((exp["source"], exp["derived"]))
        assert edge, f"missing {exp['source']} -> {exp['derived']}"
        assert edge["kind"] == exp["kind"] and edge["coverage"] >= exp["min_coverage"]
        assert edge["aligned"], "aligned sentence pairs are the evidence for the call"
    for a, b in expected["reuse"]["independent_pairs"]:
        assert (a, b) not in edges and (b, a) not in edges
    for either in expected["reuse"]["either"]:
        edge = edges.get((either["source"], either["derived"]))
        if edge:
            assert edge["kind"] == "partial"
            assert either["min_coverage"] <= edge["coverage"] <= either["max_coverage"]
    origins = {a["article_id"]: a["origin"] for a in _load(out, "articles.json")["articles"]}
    assert {k: origins[k] for k in expected["reuse"]["origins"]} == expected["reuse"]["origins"]


def test_reuse_reasons_name_articles_by_title_or_opening(out, seed_texts):
    """Seeds 002-004 have no title and no outlet: the reasons name them by their first words and
    short id, never by the id alone ("003 credits Reuters" tells a reader nothing)."""
    reasons = [r for e in _load(out, "reuse.json")["edges"] for r in e["direction"]["reasons"]]
    assert reasons
    for article_id in seed_texts:
        short = article_id.split("_")[0]
        assert f'"{short}"' not in " ".join(reasons), short
    opening = " ".join(seed_texts["003_a5aecea2bd63faf4"].split()[:5])
    assert any(opening in r and "[003]" in r for r in reasons)


def test_one_incident_per_expected_incident(out, expected, seed_texts):
    texts = seed_texts
    incidents = _load(out, "incidents.json")["incidents"]
    for exp in expected["incidents"]:
        inc = _incident(incidents, exp)
        assert inc["event_type"] == exp["event_type"], exp["key"]
        if "sub_event_type" in exp:
            assert inc["sub_event_type"] == exp["sub_event_type"], exp["key"]
        assert inc["date"]["start"] == exp["date"]["start"], exp["key"]
        assert inc["date"]["end"] == exp["date"]["end"], exp["key"]
        assert inc["date"]["precision"] == exp["date"]["precision"], exp["key"]
        # expected.json lists 003 under Timbuktu, but 003 never names Timbuktu: an article can
        # only be counted for an incident it reports, so require those that name the place.
        names = [exp["location"]["name"], *exp["location"].get("variants_in_text", [])]
        naming = {a for a in exp["articles"] if any(n in texts[a] for n in names)}
        assert naming <= set(inc["articles"]), exp["key"]
        assert len(naming) >= len(exp["articles"]) - 1


def test_boulkessi_figures_conflict_and_provenance(out, expected):
    exp = next(i for i in expected["incidents"] if i["key"] == "boulkessi")
    inc = _incident(_load(out, "incidents.json")["incidents"], exp)
    fat = inc["fatalities"]
    assert fat["low"] == 31
    assert fat["high"] is None or fat["high"] >= 60  # "at least 60": open above
    assert inc["independent_origins"] in (2, 3)
    claims = fat["claims"]
    sixty = [c for c in claims if c["low"] == 60]
    assert sixty and sixty[0]["origin"] == "001_5fd46db9fb16ef00"
    assert "002_d621ef57b203f649" in sixty[0].get("echoes", []) or any(
        c["article_id"] == "002_d621ef57b203f649" and c["origin"] == "001_5fd46db9fb16ef00" for c in claims
    )
    thirty_one = [c for c in claims if c["low"] == 31]
    assert thirty_one and all(c["origin"] == "000_637d78b309cbb5dc" for c in thirty_one)
    credited = [c for c in claims if c["article_id"] == "004_9b07b6954dd56870" and c["low"] == 31]
    credited += [c for c in thirty_one if "004_9b07b6954dd56870" in c.get("echoes", [])]
    assert credited, "004's 'more than 30', credited to Reuters, must trace to 000"
    text = " ".join(c["explanation"] for c in inc["conflicts"])
    assert "30" in text and "60" in text
    assert inc["wounded"]["low"] == 40 or any(c["low"] == 40 for c in inc["wounded"]["claims"])


def test_timbuktu_figures(out, expected):
    exp = next(i for i in expected["incidents"] if i["key"] == "timbuktu")
    inc = _incident(_load(out, "incidents.json")["incidents"], exp)
    militants = inc["fatalities"]["by_group"]["militants"]
    assert militants["low"] == 13 and militants["high"] == 14
    assert inc["fatalities"]["by_group"]["soldiers"]["low"] == 1
    assert any("13" in c["explanation"] and "14" in c["explanation"] for c in inc["conflicts"])
    assert any(c["low"] == 10 for c in inc["wounded"]["claims"])
    arrested = [o for o in inc["other_figures"] if o["what"] == "arrested"]
    assert arrested and arrested[0]["figure"]["low"] == 31


def test_shared_figure_is_kept_once_and_out_of_low(out, expected):
    incidents = _load(out, "incidents.json")["incidents"]
    tahoua = _incident(incidents, next(i for i in expected["incidents"] if i["key"] == "tahoua"))
    dosso = _incident(incidents, next(i for i in expected["incidents"] if i["key"] == "dosso"))
    for inc in (tahoua, dosso):
        assert inc["fatalities"]["low"] in (None, 0)
        assert any(c["low"] == 101 for c in inc["fatalities"]["shared_claims"])
    assert tahoua["incident_id"] != dosso["incident_id"]


def test_no_incident_from_aggregates_or_history(out):
    incidents = _load(out, "incidents.json")["incidents"]
    for inc in incidents:
        for field in ("fatalities", "wounded", "captured"):
            assert all(c["low"] != 401 for c in inc[field]["claims"]), "aggregate used as a toll"
        assert not (inc["date"]["start"] or "").startswith("2012")
        assert not (inc["date"]["start"] or "").startswith("2020")
    assert len(incidents) == 7


def test_not_incidents_are_kept_as_context_with_a_reason(out, expected, seeds_dir):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (seeds_dir / "articles").glob("*.txt")}
    articles = _load(out, "articles.json")["articles"]
    aside = [(a["article_id"], x) for a in articles for x in a["set_aside"]]
    for aid, x in aside:  # each is the article's own sentence, at its offsets
        assert texts[aid][x["span"][0] : x["span"][1]] == x["text"]
    for item in expected["not_incidents"]:
        holders = [x for _, x in aside if item["text"] in x["text"]]
        assert holders, f"not kept as context: {item['text']}"
        want = "running_total" if "aggregate" in item["why"] else "background"
        assert {x["reason"] for x in holders} == {want}
    totals = [c for a in articles for c in a["context_claims"] if c["low"] == 401]
    assert {c["article_id"] for c in totals} == {"000_637d78b309cbb5dc", "004_9b07b6954dd56870"}
    assert all(c["scope"] == "aggregate" for c in totals)
    report = (out / "report.html").read_text(encoding="utf-8")
    assert report.count('<mark class="aside"') >= len(expected["not_incidents"])


def test_every_quote_is_the_articles_own_text(out, seeds_dir):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (seeds_dir / "articles").glob("*.txt")}
    n = 0
    for inc in _load(out, "incidents.json")["incidents"]:
        for field in ("fatalities", "wounded", "captured"):
            for c in inc[field]["claims"]:
                s, e = c["char_span"]
                assert c["text"] == texts[c["article_id"]][s:e]
                assert c["quote"] in texts[c["article_id"]]
                n += 1
    assert n >= 10


def test_csv_has_the_contract_columns(out):
    with (out / "incidents.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[: len(CONTRACT_COLUMNS)] == CONTRACT_COLUMNS


def test_sitrep_eval_passes_on_its_own_output(out, seeds_dir):
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "eval", str(out), "--gold", str(seeds_dir / "expected.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
