"""Issue 12: one row per kind of place error seen on real news, with new sentences (real spaCy,
real gazetteer file), and the two-attacks-in-two-regions sentence through ``sitrep run``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer
from support.geo_places import places

# kind, sentence, the mention as written, expected (name, country, precision); None = not a place
ROWS = [
    (
        "country: GeoNames id and point",
        "Health officials in Canada said on Monday that 14 cases were confirmed.",
        "Canada",
        ("Canada", "CA", "country"),
    ),
    (
        "division: GeoNames id and point",
        "Heavy rain flooded farms across Nebraska over the weekend.",
        "Nebraska",
        ("Nebraska", "US", "admin1"),
    ),
    (
        "strong country does not drag a division",
        "Mexico's health ministry said two travellers had come back "
        "from Texas with the virus, and Mexico is testing their families.",
        "Texas",
        ("Texas", "US", "admin1"),
    ),
    (
        "well-known city over a namesake in the story's country",
        "American officials said the delegation flew to Moscow after talks in Chicago and Denver.",
        "Moscow",
        ("Moscow", "RU", "exact"),
    ),
    (
        "country over a namesake town",
        "Officials in Ohio and Kentucky said the shipment came from Lebanon last year.",
        "Lebanon",
        ("Lebanon", "LB", "country"),
    ),
    (
        "dotted country name",
        "The U.S. health agency said on Friday that cases had doubled.",
        "U.S",
        ("United States", "US", "country"),
    ),
    (
        "all-caps acronym, not the pronoun",
        "Aid groups in the US warned of shortages.",
        "US",
        ("United States", "US", "country"),
    ),
    (
        "continent",
        "Cases of the disease are rising across Africa, the agency said.",
        "Africa",
        ("Africa", None, "unknown"),
    ),
    (
        "AP dateline abbreviation",
        "HASTINGS, Neb. (AP) — Two people were hurt in a crash on Tuesday.",
        "Neb",
        ("Nebraska", "US", "admin1"),
    ),
    (
        "AP abbreviation in running text",
        "A wildfire near Kamloops, B.C., forced hundreds from their homes.",
        "B.C",
        ("British Columbia", "CA", "admin1"),
    ),
    (
        "county, not its namesake town",
        "Deputies were called to a farm in Polk County, Iowa, late Sunday.",
        "Polk County",
        ("Polk County", "US", "admin2"),
    ),  # the county of the state the text names (admin2.tsv)
    (
        "person's name that is a country",
        "Police said Jordan Ellis, 19, was wounded in the leg. Jordan told "
        "officers he did not know the shooter.",
        "Jordan",
        None,
    ),
    (
        "person's surname that is a city",
        "Officers arrested Marcus Jackson, 31, at his home. Jackson was held without bail, police said.",
        "Jackson",
        None,
    ),
    (
        "city part resolves to its city",
        "CHICAGO — Two men were wounded late Saturday on the South Side, "
        "police said. Chicago police have no suspects.",
        "South Side",
        ("Chicago", "US", "near"),
    ),
]


@pytest.mark.parametrize(
    "url,text,mention,want",
    [
        (
            "https://www.denverpost.com/2024/05/02/shooting",
            "Two teenagers were hurt in a shooting on the West Side late Friday, officers said.",
            "West Side",
            ("Denver", "US", "near"),
        ),
        (
            "https://www.houstonchronicle.com/news/x",
            "The suspect fled toward Pasadena, deputies said.",
            "Pasadena",
            ("Pasadena", "US", "exact"),
        ),
    ],
)
def test_outlet_home_places_the_story(url, text, mention, want, gaz, nlp):
    """The outlet's web address names its home: a city part is that city's, a namesake nearby wins."""
    loc = places(text, gaz, nlp, url)[mention]
    assert (loc.name, loc.country_code, loc.precision) == want, loc.reason
    if mention == "Pasadena":  # Pasadena, Texas, near Houston, not Pasadena, California
        assert loc.admin1 == "Texas", loc.reason


@pytest.mark.parametrize("kind,text,mention,want", ROWS, ids=[r[0] for r in ROWS])
def test_place_kinds(kind, text, mention, want, gaz, nlp):
    found = places(text, gaz, nlp)
    if want is None:
        assert mention not in found, f"{kind}: {found.get(mention)}"
        return
    loc = found[mention]
    assert (loc.name, loc.country_code, loc.precision) == want, loc.reason
    assert loc.reason
    if loc.feature_code in ("PCLI", "ADM1"):
        # GeoNames' own feature: its id and the point stored for it, not a centre computed per article
        unit = (
            gaz.countries[loc.country_code]
            if loc.feature_code == "PCLI"
            else next(
                p for p in gaz.admin1s.values() if p.name == loc.name and p.country_code == loc.country_code
            )
        )
        assert loc.geonameid == unit.gid and unit.gid > 0 and (loc.lat, loc.lon) == (unit.lat, unit.lon)


def test_two_attacks_in_two_regions_keep_their_own_places(tmp_path, gazetteer_file):
    """Each incident keeps its own region: the second never takes the first's place or point."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(
        "Soldiers killed in two attacks\n\nNIAMEY, June 1 (Reuters) - The defence ministry said on Saturday that "
        "more than 100 soldiers were killed in two attacks in the Tahoua region on May 24 and the Dosso region on "
        "May 26.\n",
        encoding="utf-8",
    )
    (tmp_path / "m.csv").write_text(
        "article_id,file,outlet,published,note\na,articles/a.txt,Reuters,2025-06-01,t\n", encoding="utf-8"
    )
    env = dict(os.environ, SITREP_GAZETTEER=str(gazetteer_file))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sitrep.cli",
            "run",
            str(tmp_path / "articles"),
            "--meta",
            str(tmp_path / "m.csv"),
            "--out",
            str(tmp_path / "out"),
            "--db",
            str(tmp_path / "db.duckdb"),
        ],
        check=True,
        env=env,
        cwd=tmp_path,
        capture_output=True,
    )
    incidents = json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    by_day = {i["date"]["start"]: i["location"] for i in incidents}
    assert by_day["2025-05-24"]["name"] == "Tahoua" and by_day["2025-05-26"]["name"] == "Dosso"
    g = Gazetteer.open(Path(gazetteer_file))
    for day, name in (("2025-05-24", "Tahoua"), ("2025-05-26", "Dosso")):
        unit = next(p for p in g.admin1s.values() if p.name == name and p.country_code == "NE")
        assert (by_day[day]["lat"], by_day[day]["lon"]) == (unit.lat, unit.lon)
        assert by_day[day]["precision"] == "admin1" and by_day[day]["where_prec"] == 4
