"""Merging decides on what kind of evidence two reports share (typed flags on ``Evidence``), and
shows it in words (``linked_by``); a generic actor ("the suspect") is no shared actor. Reports
written for these tests: identifiers read by the real reader, and whole runs of ``sitrep run``
(real spaCy, real DuckDB, real gazetteer)."""

from __future__ import annotations

import pytest

from sitrep.extract.identifiers import read_identifiers
from sitrep.merge.cluster import Cluster
from sitrep.merge.link import compare
from support.cli import run_incidents

# kind, report a, report b, the flags expected set, the reason's start
PAIRS = [
    (
        "a compass word written out or abbreviated names one block",
        "Officers found the man in the 1600 block of NW 7th Street.",
        "The shooting happened in the 1600 block of Northwest 7th Street, police said.",
        {"block"},
        "same block: ",
    ),
    (
        "the same victim named with an age",
        "Police identified the man killed as Darnell Whitcombe, 34.",
        "Darnell Whitcombe, 34, died at the scene, a neighbor said.",
        {"person", "victim"},
        "same ",
    ),
    (
        "the same age and no name",
        "A 71-year-old woman was grazed by a bullet.",
        "The 71-year-old was treated and released, police said.",
        {"age"},
        "same age: 71",
    ),
    (
        "a street alone",
        "Shots were fired on Larkspur Avenue late Friday.",
        "Neighbors on Larkspur Avenue said they heard shots.",
        {"street"},
        "same street: ",
    ),
]
FLAGS = ("person", "victim", "age", "block", "street")


@pytest.mark.parametrize("kind,a,b,flags,reason", PAIRS, ids=[p[0] for p in PAIRS])
def test_evidence_flags_say_what_the_reasons_say(kind, a, b, flags, reason):
    ev = compare(Cluster(idx=0, ids=read_identifiers(a)), Cluster(idx=1, ids=read_identifiers(b)))
    assert {f for f in FLAGS if getattr(ev, f)} == flags, ev
    assert any(r.startswith(reason) for r in ev.reasons), ev.reasons
    assert ev.stated == bool(flags & {"person", "block", "street"})


DATED = {
    "id": "dated",
    "outlet": "Harbor Courier",
    "published": "2025-03-02",
    "title": "Man killed in Baltimore shooting",
    "text": "BALTIMORE, Md. -- A man was shot and killed Saturday night outside a corner store in "
    "Baltimore, police said. Officers said the man and the suspect had argued before the suspect fired.",
}
UNDATED = {
    "id": "undated",
    "outlet": "Bay Ledger",
    "title": "Woman wounded at Baltimore shopping center",
    "text": "BALTIMORE, Md. -- A woman was wounded in a shooting in the parking lot of a shopping center "
    "in Baltimore, police said. Officers said the suspect fired from a gray sedan and drove away.",
}


def test_the_suspect_in_two_reports_is_no_shared_actor(tmp_path, gazetteer_file):
    """An undated report joins an incident in its town only on strong evidence: two reports that
    each speak of "the suspect" name no actor in common, so two shootings stay two."""
    incidents = run_incidents(tmp_path, [DATED, UNDATED], gazetteer_file)
    assert {"dated", "undated"} <= {a for i in incidents for a in i["articles"]}  # both were read
    together = [i for i in incidents if {"dated", "undated"} <= set(i["articles"])]
    assert not together, [e for i in together for e in i["linked_by"]]
