"""Killed and injured as ``sitrep run`` reports them (issue 13), one row per kind of toll error seen
on US local news: the event's name counting its victims ("a quadruple shooting"), others hurt told
apart from the shot, the rest of the shot told again, and round-up or month tallies that are no one
incident's. Each row is a short report written for this test (no dev-set sentence)."""

from __future__ import annotations

import pytest

from support.tolls import run_tolls

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
    return run_tolls(tmp_path_factory.mktemp("tolls"), [(text, "") for _, text, _, _ in ROWS], gazetteer_file)


@pytest.mark.parametrize("n", range(len(ROWS)), ids=[r[0] for r in ROWS])
def test_incident_carries_the_article_toll(tolls, n):
    _, _, killed, injured = ROWS[n]
    assert tolls[f"a{n}"] == (killed, injured)
