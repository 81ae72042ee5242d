"""The article's anchor town (dateline, outlet's home) in local news, and division abbreviations
written alone: one row per kind, with sentences written for these tests (real spaCy, real gazetteer
file), and the incident's place through ``sitrep run``."""

from __future__ import annotations

import json

import pytest

from sitrep.geo.precision import km
from support.cli import sitrep
from support.geo_places import places

# kind, text, outlet address, mention as written, expected (name, country, admin1, precision)
ROWS = [
    (
        "a school named in a report with an all-caps dateline lies in the dateline's town",
        "TOPEKA, Kan. (AP) — Two people were wounded at Riverside Elementary School on Monday, police said.",
        None,
        "Riverside Elementary School",
        ("Topeka", "US", "Kansas", "near"),
    ),
    (
        "a street named in a story from a town's outlet lies in that town",
        "A teenager was shot near Oak Street on Sunday night, police said.",
        "http://www.tulsaworld.com/news/local/story.html",
        "Oak Street",
        ("Tulsa", "US", "Oklahoma", "near"),
    ),
    (
        "a title-case dateline is read, and a far small namesake in another state is not the place",
        "Spokane — Officers found the victim in Greenacres after a neighbour called 911.",
        None,
        "Greenacres",
        ("Spokane", "US", "Washington", "near"),
    ),
    (
        "a namesake in the dateline's state beats a larger one elsewhere",
        "DENVER (KDVR) — Two men were hurt in a shooting in Clifton late Saturday.",
        None,
        "Clifton",
        ("Clifton", "US", "Colorado", "exact"),
    ),
    (
        "an all-caps division abbreviation written alone",
        "Bushfires burned across NSW on Monday, officials in Sydney said.",
        None,
        "NSW",
        ("New South Wales", "AU", "New South Wales", "admin1"),
    ),
    (
        "a Canadian province's abbreviation written alone",
        "Health officials in PEI confirmed two new cases on Thursday.",
        None,
        "PEI",
        ("Prince Edward Island", "CA", "Prince Edward Island", "admin1"),
    ),
]


@pytest.mark.parametrize("kind,text,url,mention,want", ROWS, ids=[r[0] for r in ROWS])
def test_anchor_kinds(kind, text, url, mention, want, gaz, nlp):
    loc = places(text, gaz, nlp, url)[mention]
    assert (loc.name, loc.country_code, loc.admin1, loc.precision) == want, loc.reason
    assert loc.reason and loc.lat is not None


@pytest.mark.parametrize(
    "text,mention",
    [
        ("The ALA met in Chicago on Friday.", "ALA"),  # an all-caps word that is no listed abbreviation
        ("Officials in Ohio said the truck came from Ashland.", None),  # no dateline, no outlet: no anchor
    ],
)
def test_no_anchor_no_guess(text, mention, gaz, nlp):
    found = places(text, gaz, nlp)
    if mention:
        assert mention not in found
    for loc in found.values():
        assert "dateline" not in loc.reason and "outlet's home" not in loc.reason


def test_division_points_are_published_points(gaz):
    """Divisions carry a published point of the division, not a centre computed from their towns:
    the point lies inside the division's own towns' extent, and countries carry GeoNames' PCLI point."""
    for cc, code, town in (("AU", "04", "Brisbane"), ("US", "TX", "Austin"), ("CA", "01", "Edmonton")):
        unit = gaz.admin1s[(cc, code)]
        capital = next(p for p in gaz.lookup([town])[town] if p.country_code == cc and p.admin1 == code)
        assert unit.gid > 0 and km(unit.lat, unit.lon, capital.lat, capital.lon) < 1500
    us = gaz.countries["US"]
    assert us.gid == 6252001 and (round(us.lat, 2), round(us.lon, 2)) == (39.76, -98.5)


def test_incident_without_a_town_takes_the_dateline_town(tmp_path, gazetteer_file):
    """Through ``sitrep run``: an incident whose sentences name only a street takes the dateline's
    town, near it, and says so; a later article's incident in another town keeps its own town."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "Man killed in overnight shooting\n\nLUBBOCK, Texas (KCBD) — A 24-year-old man was shot and killed "
        "on Quaker Avenue early Saturday, police said. Officers found him in a parked car.\n",
        encoding="utf-8",
    )
    (tmp_path / "m.csv").write_text(
        "article_id,file,outlet,published,note\na,articles/a.txt,KCBD,2025-03-08,t\n", encoding="utf-8"
    )
    done = sitrep(
        "run",
        tmp_path / "articles",
        "--meta",
        tmp_path / "m.csv",
        "--out",
        tmp_path / "out",
        "--db",
        tmp_path / "db.duckdb",
        "--gazetteer",
        gazetteer_file,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    incidents = json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    assert incidents
    loc = incidents[0]["location"]
    assert (loc["name"], loc["country_code"], loc["precision"]) == ("Lubbock", "US", "near"), loc
    assert "dateline" in loc["reason"] and loc["where_prec"] == 2 and loc["geo_precision"] == 2


@pytest.mark.parametrize("dateline", ["KAMPALA, Uganda (Reuters) —", "BAMAKO, 2 juin 2025 —", "Nairobi —"])
def test_a_national_capital_dateline_anchors_nothing(dateline, gaz, nlp):
    """Wire services cover a whole country from its capital: a capital's dateline must not pull an
    incident the text places elsewhere (or nowhere) into the capital. The gazetteer's towns carry no
    feature code, so the capital is known from the country table."""
    from sitrep.geo.anchor import article_anchor

    found = places(
        f"{dateline} Gunmen attacked an army post in the north on Sunday, officials said.", gaz, nlp
    )
    town = next(loc for text, loc in found.items() if dateline.lower().startswith(text.lower()))
    assert town.feature_class == "P", town.reason
    assert article_anchor([town], [], None) is None
