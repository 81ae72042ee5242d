"""US local news names its county more often than its state: a county found in one state of the
gazetteer's county list places the article's ambiguous towns in that state, a county
beside a famous city's or a country's namesake makes the namesake the town meant, and the outlet's
home town in its web address is the namesake in the county's state. Sentences written for these tests, through
``sitrep run`` on JSON Lines articles (real spaCy, real gazetteer file)."""

from __future__ import annotations

import pytest

from support.cli import run_incidents
from support.geo_places import places

# kind, text, outlet address, mention as written, expected (name, admin1)
ROWS = [
    (
        "a county of one state picks that state's town among several namesakes",
        "A man was shot outside a bar in Springfield early Sunday, the Sangamon County coroner said.",
        None,
        "Springfield",
        ("Springfield", "Illinois"),
    ),
    (
        "a county beside a famous foreign city's name makes the American town the one meant",
        "Deputies with the Bourbon County Sheriff's Office said a woman was wounded in Paris on Friday.",
        None,
        "Paris",
        ("Paris", "Kentucky"),
    ),
    (
        "the county written as one name ('Latah County') does the same",
        "Officers said two students were hurt in a shooting in Moscow, and Latah County deputies helped.",
        None,
        "Moscow",
        ("Moscow", "Idaho"),
    ),
    (
        "a country's name beside a county of the one state with a town of that name is the town",
        "A woman was wounded in a shooting in Mexico on Sunday, the Audrain County sheriff said.",
        None,
        "Mexico",
        ("Mexico", "Missouri"),
    ),
]


@pytest.mark.parametrize("kind,text,url,mention,want", ROWS, ids=[r[0] for r in ROWS])
def test_counties_decide_the_state(kind, text, url, mention, want, gaz, nlp):
    loc = places(text, gaz, nlp, url)[mention]
    assert (loc.name, loc.country_code, loc.admin1) == (*want[:1], "US", want[1]), loc.reason
    assert loc.precision == "exact" and loc.lat is not None, loc.reason


def test_a_county_in_several_states_alone_decides_none(gaz, nlp):
    """A county name found in many states ("Washington County") says the story is American, not which
    state: Springfield is placed as it is with no county named."""
    without = places("A teenager was shot in Springfield on Monday, police said.", gaz, nlp)["Springfield"]
    text = "A teenager was shot in Springfield on Monday, Washington County deputies said."
    loc = places(text, gaz, nlp)["Springfield"]
    assert (loc.country_code, loc.admin1) == ("US", without.admin1), loc.reason


ARTICLES = [
    {  # the incident's own sentence names the town and a one-state county
        "id": "county",
        "title": "Man shot outside bar",
        "published": "2025-05-03",
        "url": "http://example.org/story/1",
        "text": "A 30-year-old man was shot outside a bar in Springfield on Saturday night, the "
        "Sangamon County coroner said. He died at a hospital early Sunday.",
    },
    {  # a famous city's namesake beside its county
        "id": "famous",
        "title": "Hunter hurt in Paris",
        "published": "2025-11-16",
        "url": "http://example.org/story/2",
        "text": "A 62-year-old hunter was accidentally shot in the leg in Paris on Saturday morning, "
        "according to the Bourbon County Sheriff's Office. He was treated and released.",
    },
    {  # the county the text names (one state has it) places the incident, not the outlet's home
        "id": "home",
        "title": "Shooting at a home",
        "published": "2025-05-05",
        "url": "http://www.rochesterpost.example/news/2025/05/05/shooting.html",
        "text": "A woman was wounded in a shooting at a home on Monday night, Olmsted County "
        "deputies said. She is expected to recover.",
    },
]


def test_county_places_through_run(tmp_path, gazetteer_file):
    """Through ``sitrep run``: a one-state county picks the incident's town among namesakes and
    beside a famous city's name, and, named alone, is the incident's place at its own precision."""
    incidents = run_incidents(tmp_path, ARTICLES, gazetteer_file)
    by_article = {a: i["location"] for i in incidents for a in i["articles"]}
    assert len(by_article) == len(ARTICLES), [(i["articles"], i["location"]["name"]) for i in incidents]
    got = {a: (loc["name"], loc["country_code"], loc["admin1"]) for a, loc in by_article.items()}
    assert got == {
        "county": ("Springfield", "US", "Illinois"),
        "famous": ("Paris", "US", "Kentucky"),
        "home": ("Olmsted County", "US", "Minnesota"),
    }, got
    # the text's own county is the smallest unit it supports; the outlet's town is only a guess
    assert by_article["home"]["precision"] == "admin2", by_article["home"]
