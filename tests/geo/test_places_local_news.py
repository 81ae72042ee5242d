"""US local news places: a state's postal code after a dateline's town, the outlet's home in a web
address that ends with the town, a name that is both a country and a US state, a big city over a
namesake division of a small country, neighbourhoods, an incident placed only in the country. One
row per kind, sentences written for these tests (real spaCy, real gazetteer file); the incident's
place through ``sitrep run`` on JSON Lines articles with their web addresses."""

from __future__ import annotations

import pytest

from support.cli import run_incidents
from support.geo_places import places

# kind, text, outlet address, mention as written, expected (name, country, admin1, precision)
ROWS = [
    (
        "a state's postal code after an all-caps dateline town picks that state's town",
        "ALBANY, GA (WXGA) — Two men were wounded outside a gas station on Tuesday, police said.",
        None,
        "ALBANY",
        ("Albany", "US", "Georgia", "exact"),
    ),
    (
        "another postal code, a smaller namesake of a bigger city",
        "PORTLAND, ME (WPME) - A woman was hurt when shots were fired into her car overnight.",
        None,
        "PORTLAND",
        ("Portland", "US", "Maine", "exact"),
    ),
    (
        "a web address ending with the town after a call sign makes a neighbourhood that town's",
        "A man was shot in the Fountain City neighborhood early Sunday, officers said.",
        "http://www.wbir10knoxville.com/news/local/shooting.html",
        "Fountain City",
        ("Knoxville", "US", "Tennessee", "near"),
    ),
    (
        "'a <city> neighborhood' names the city itself",
        "Gunfire wounded two men in a Spokane neighborhood on Sunday, officers said.",
        None,
        "Spokane",
        ("Spokane", "US", "Washington", "exact"),
    ),
    (
        "a name both a country and a US state, with a US town next to it, is the state",
        "Deputies in Valdosta said the boy was shot at a relative's home in rural Georgia on Friday.",
        None,
        "Georgia",
        ("Georgia", "US", "Georgia", "admin1"),
    ),
    (
        "the same name among the Caucasus countries is the country",
        "Officials in Tbilisi said Georgia and Armenia would reopen the border crossing on Monday.",
        None,
        "Georgia",
        ("Georgia", "GE", None, "country"),
    ),
    (
        "a city of hundreds of thousands beats a small island country's namesake division",
        "A teenager was shot in Saint Paul late Saturday, and police arrested a suspect on Sunday.",
        None,
        "Saint Paul",
        ("Saint Paul", "US", "Minnesota", "exact"),
    ),
    (
        "a neighbourhood the city's possessive names is that city's, not a namesake town",
        "Two men were wounded Friday night in Fresno's Sunnyside neighborhood, police said.",
        None,
        "Sunnyside",
        ("Fresno", "US", "California", "near"),
    ),
    (
        "a neighbourhood without its city lies in the dateline's town",
        "AKRON, Ohio (WAKR) — A woman was wounded in the Kenmore neighborhood on Tuesday.",
        None,
        "Kenmore",
        ("Akron", "US", "Ohio", "near"),
    ),
]


@pytest.mark.parametrize("kind,text,url,mention,want", ROWS, ids=[r[0] for r in ROWS])
def test_local_news_kinds(kind, text, url, mention, want, gaz, nlp):
    loc = places(text, gaz, nlp, url)[mention]
    assert (loc.name, loc.country_code, loc.admin1, loc.precision) == want, loc.reason
    assert loc.reason and loc.lat is not None


def test_a_possessive_country_keeps_its_division(gaz, nlp):
    """A country's possessive is no city owning a neighbourhood: the division stays a division."""
    loc = places("Gunmen attacked a convoy in Mali's Mopti region on Monday.", gaz, nlp)["Mopti"]
    assert loc.country_code == "ML" and loc.precision != "near", loc.reason


ARTICLES = [
    {  # the outlet's home from its address, an incident whose sentences name only the country
        "id": "home",
        "title": "Shooting leaves one dead",
        "published": "2025-05-03",
        "url": "http://www.fox4tucson.com/news/2025/05/03/shooting.html",
        "text": "One man died in a shooting on Friday night, one of the deadliest weeks in the "
        "United States this year, police said. Officers found him in a parked car.",
    },
    {  # a postal code in the dateline and a neighbourhood named after a far town
        "id": "postal",
        "title": "Two wounded in overnight shooting",
        "published": "2025-05-04",
        "url": "http://example.org/story/1",
        "text": "SPRINGFIELD, MO (KSPR) - Two people were wounded in a shooting in the Westport "
        "neighborhood late Saturday, police said. Both were taken to a hospital.",
    },
    {  # a postal code after a town in running text
        "id": "text",
        "title": "Teen shot on Sunday",
        "published": "2025-05-05",
        "url": "http://example.org/story/2",
        "text": "A teenager was shot in Florence, SC, on Sunday, and deputies are looking for a gray sedan.",
    },
    {  # no dateline, no outlet town: the town whose police the article quotes
        "id": "police",
        "title": "Man hurt at apartments",
        "published": "2025-06-21",
        "url": "http://example.org/story/3",
        "text": "An elderly man was hit by gunfire at Cedar Ridge Apartments on June 20, the Killeen "
        "Police Department said. He is expected to recover.",
    },
]


def test_incident_places_through_run(tmp_path, gazetteer_file):
    """Through ``sitrep run``: the outlet's home (an address ending with the town) places an incident
    whose sentences name only the country; a postal code picks the town's state, in a dateline or in
    the text; the town whose police the article quotes places an incident with no dateline."""
    incidents = run_incidents(tmp_path, ARTICLES, gazetteer_file)
    by_article = {a: i["location"] for i in incidents for a in i["articles"]}
    assert len(by_article) == len(ARTICLES), [(i["articles"], i["location"]["name"]) for i in incidents]
    home, postal = by_article["home"], by_article["postal"]
    assert (home["name"], home["admin1"], home["precision"]) == ("Tucson", "Arizona", "near"), home
    assert "outlet's home" in home["reason"]
    assert (postal["name"], postal["admin1"]) == ("Springfield", "Missouri"), postal
    text, police = by_article["text"], by_article["police"]
    assert (text["name"], text["admin1"]) == ("Florence", "South Carolina"), text
    assert (police["name"], police["admin1"], police["precision"]) == ("Killeen", "Texas", "near"), police
    assert "police" in police["reason"]
