"""Issue 17's acceptance: the five English seeds and the four French test articles
(tests/support/french) through `sitrep run`, as a user runs it: the 1 June 2025 Boulkessi attack is
one incident citing French and English claims, each quote as written with its language; the 2019
attack at the same place is its own incident; a running total is no incident."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FRENCH = Path(__file__).resolve().parents[1] / "support" / "french"


@pytest.fixture(scope="module")
def out(tmp_path_factory, seeds_dir, seed_manifest) -> Path:
    work = tmp_path_factory.mktemp("french_seeds")
    folder = work / "articles"
    folder.mkdir()
    for p in [*(seeds_dir / "articles").glob("*.txt"), *(FRENCH / "articles").glob("*.txt")]:
        shutil.copy(p, folder / p.name)
    with (work / "manifest.csv").open("w", encoding="utf-8", newline="") as f:
        rows = [*csv.DictReader(seed_manifest.open(encoding="utf-8"))]
        rows += [*csv.DictReader((FRENCH / "manifest.csv").open(encoding="utf-8"))]
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    proc = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "run", str(folder), "--meta", str(work / "manifest.csv")]
        + ["--out", str(work / "out"), "--db", str(work / "store.duckdb"), "-q", "--workers", "1"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    return work / "out"


def _incidents(out: Path) -> list[dict]:
    return json.loads((out / "incidents.json").read_text(encoding="utf-8"))["incidents"]


def _at(incidents, place: str, day: str) -> list[dict]:
    return [
        i
        for i in incidents
        if (i.get("location") or {}).get("name", "").lower().startswith(place) and i["date"]["start"] == day
    ]


def test_boulkessi_is_one_incident_with_french_and_english_claims(out):
    found = _at(_incidents(out), "boulk", "2025-06-01")
    assert len(found) == 1
    inc = found[0]
    assert {"000_637d78b309cbb5dc", "fr1_sahel_reprise_reuters", "fr2_depeche_boulkessi"} <= set(
        inc["articles"]
    )
    claims = inc["fatalities"]["claims"]
    assert {c["language"] for c in claims} == {"en", "fr"}
    french = {c["text"]: c for c in claims if c["article_id"] == "fr2_depeche_boulkessi"}
    assert french["Une soixantaine de soldats maliens ont été tués"]["low"] == 60
    assert french["Une soixantaine de soldats maliens ont été tués"]["attributed_to"] == "un élu local"
    assert french["Au moins 30 soldats tués"]["claimant_kind"] == "security_source"
    text = (out.parent / "articles" / "fr2_depeche_boulkessi.txt").read_text(encoding="utf-8")
    for c in french.values():  # quotes as written, in French
        assert c["quote"] in text and c["text"] in c["quote"]
    assert "fr" in {c["language"] for c in inc["captured"]["claims"]}  # "pris en otage"


def test_the_2019_attack_at_the_same_place_is_its_own_incident(out):
    incidents = _incidents(out)
    old = _at(incidents, "boulk", "2019-09-30")
    assert len(old) == 1
    assert old[0]["articles"] == ["fr3_boulkessi_2019"]
    assert old[0]["fatalities"]["low"] == 25


def test_timbuktu_in_french_joins_the_english_incident(out):
    found = _at(_incidents(out), "timbuktu", "2025-06-02")
    assert len(found) == 1 and "fr1_sahel_reprise_reuters" in found[0]["articles"]


def test_no_running_total_is_an_incident(out):
    incidents = _incidents(out)
    assert not [i for i in incidents if i["articles"] == ["fr4_bilan_depuis_mai"]]
    claims = [c for i in incidents for c in i["fatalities"]["claims"]]
    assert not [c for c in claims if c["article_id"] == "fr4_bilan_depuis_mai"]
    assert not [c for c in claims if "depuis" in c["quote"].lower() or "since" in c["quote"].lower()]


def test_the_french_rewrite_is_traced_to_the_reuters_story(out):
    reuse = json.loads((out / "reuse.json").read_text(encoding="utf-8"))
    edges = reuse.get("edges", reuse) if isinstance(reuse, dict) else reuse
    assert any(
        e.get("source") == "000_637d78b309cbb5dc"
        and e.get("derived") == "fr1_sahel_reprise_reuters"
        and e.get("kind") == "translation"
        for e in edges
    )
