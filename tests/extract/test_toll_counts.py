"""Killed and injured as ``sitrep run`` reports them (issue 13), one row per kind of toll error seen
on US local news: the event's name counting its victims ("a quadruple shooting"), others hurt told
apart from the shot, the rest of the shot told again, and round-up or month tallies that are no one
incident's. Each row is a short report written for this test (no dev-set sentence)."""

from __future__ import annotations

import json
import os

import pytest

from support.cli import sitrep

# kind, article text, killed, injured the incident must carry
ROWS = [
    (
        "the event's name counts the shot",
        "Police are investigating a quadruple shooting outside a bowling alley on Maple Avenue in Fresno "
        "late Friday. The victims were taken to hospitals.",
        0,
        4,
    ),
    (
        "the event's name counts the dead",
        "Detectives are investigating a double homicide at a duplex on Cedar Lane in Tulsa on Tuesday night.",
        2,
        0,
    ),
    (
        "one dead in a double shooting: the other is hurt",
        "A 30-year-old man died in a double shooting on Birch Street in Akron early Sunday, police said.",
        1,
        1,
    ),
    (
        "others hurt told apart from the shot",
        "A woman was shot in the arm at a gas station on Main Street in Omaha on Monday. "
        "Two other customers were hurt by flying glass.",
        0,
        3,
    ),
    (
        "the rest of the shot told again",
        "Four people were shot at a house party on Lake Road in Dayton on Saturday. One man died at the "
        "scene. The three others were treated and released.",
        1,
        3,
    ),
    (
        "a toll's new level counts the dead told with it",
        "Two people were shot at a bus stop on Grant Street in Wichita on Friday. The death toll rose to two "
        "on Sunday when the second victim died at a hospital.",
        2,
        0,
    ),
    (
        "a ranked death within the shot is one of them",
        "Three people were shot outside a bar on Hill Street in Reno early Saturday, one fatally. On Monday "
        "police said a second victim had died.",
        2,
        1,
    ),
    (
        "a figure the article says was replaced",
        "Six people were wounded when someone opened fire at a block party on Vine Street in Peoria on "
        "Saturday night. Police initially said eight people had been shot.",
        0,
        6,
    ),
    (
        "the shooter's own death after his victim's",
        "A man fatally shot his estranged wife at her apartment on Ridge Road in Flint on Tuesday and then "
        "killed himself, police said.",
        2,
        0,
    ),
    (
        "the rest of a larger count told again",
        "Police responded to a triple shooting that left a man dead outside a diner on Lake Street in "
        "Joliet on Friday. The other two victims were taken to hospitals.",
        1,
        2,
    ),
    (
        "a round-up's tally is no one incident's",
        "A 19-year-old man was shot and killed on Oak Street in Memphis on Thursday night, police said. "
        "His death came amid a string of shootings across the city that left two other people dead and "
        "seven wounded.",
        1,
        0,
    ),
    (
        "a month's tally is no one incident's",
        "A 22-year-old man was fatally shot on Pine Avenue in Toledo on Wednesday. Police said 31 people "
        "were killed in the city in August, the most in years.",
        1,
        0,
    ),
]


@pytest.fixture(scope="module")
def tolls(tmp_path_factory, gazetteer_file) -> dict[str, tuple[int, int]]:
    """One ``sitrep run`` over every row's article; per article, the incident citing it with the
    most of its claims, read as (killed, injured)."""
    tmp = tmp_path_factory.mktemp("tolls")
    (tmp / "articles").mkdir()
    meta = ["article_id,file,outlet,published,note"]
    for n, (_, text, _, _) in enumerate(ROWS):
        (tmp / "articles" / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
        meta.append(f"a{n},articles/a{n}.txt,Local News,2024-0{1 + n % 9}-1{n % 9},t")
    (tmp / "m.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    os.environ["SITREP_GAZETTEER"] = str(gazetteer_file)
    try:
        done = sitrep(
            "run",
            tmp / "articles",
            "--meta",
            tmp / "m.csv",
            "--out",
            tmp / "out",
            "--db",
            tmp / "db.duckdb",
            timeout=600,
        )
    finally:
        os.environ.pop("SITREP_GAZETTEER", None)
    assert done.returncode == 0, done.stderr[-2000:]
    incidents = json.loads((tmp / "out" / "incidents.json").read_text())["incidents"]
    return {f"a{n}": _toll(incidents, f"a{n}") for n in range(len(ROWS))}


def _toll(incidents: list[dict], aid: str) -> tuple[int, int]:
    def own(inc: dict) -> int:
        return sum(c["article_id"] == aid for key in ("fatalities", "wounded") for c in inc[key]["claims"])

    inc = max((i for i in incidents if aid in i["articles"]), key=own)
    return tuple(
        (inc[key]["best"] if inc[key]["best"] is not None else inc[key]["low"]) or 0
        for key in ("fatalities", "wounded")
    )


@pytest.mark.parametrize("n", range(len(ROWS)), ids=[r[0] for r in ROWS])
def test_incident_carries_the_article_toll(tolls, n):
    _, _, killed, injured = ROWS[n]
    assert tolls[f"a{n}"] == (killed, injured)
