"""Reports of different shootings are never one incident on a surname and an age alone when they
place their shootings in different towns (two 19-year-old Whitcombs, two states' worth of
Jacksons). Through the real product (`sitrep.pipeline.run`: real spaCy, DuckDB, gazetteer) on
articles written for these tests."""

from __future__ import annotations

import pytest

from support.articles_run import run_written

HAND = dict(
    id="hand",
    outlet="Northern Tier Times",
    published="2019-11-14",
    title="Man shoots himself in the hand at Towanda home",
    text=(
        "Tyrell Whitcomb, 19, accidentally shot himself in the hand Tuesday night at his home on "
        "Birch Lane in Towanda, Pennsylvania, police said. He was treated at a hospital and released."
    ),
)
BAR = dict(
    id="bar",
    outlet="Tri-County Herald",
    published="2019-11-14",
    title="Teen arrested after shooting outside Dunmore bar",
    text=(
        "Police arrested Marcus Whitcomb, 19, after a man was shot in the leg Tuesday night outside "
        "a bar on Kessler Avenue in Dunmore, Pennsylvania. The wounded man, 30, was listed in stable "
        "condition."
    ),
)


@pytest.mark.slow
def test_same_surname_and_age_in_two_towns_stay_two_incidents(tmp_path):
    incidents, ids = run_written(tmp_path, [HAND, BAR])
    assert any(ids["hand"] in i["articles"] for i in incidents)
    assert any(ids["bar"] in i["articles"] for i in incidents)
    assert not any({ids["hand"], ids["bar"]} <= set(i["articles"]) for i in incidents)
