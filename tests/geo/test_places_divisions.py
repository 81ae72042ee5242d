"""Issue 12, world news: second-order divisions (counties, English shires, a region's provinces)
and the regions that compass-named divisions share, read through ``sitrep geoparse`` (real spaCy,
real gazetteer file built by the command; new sentences, one row per kind)."""

from __future__ import annotations

import json

import pytest

from support.cli import run_incidents, sitrep
from support.geo_places import places

# kind, sentence, the mention as written, expected (name, country, precision, state or None)
ROWS = [
    (
        "county followed by its state",
        "Health officers in Marion County, Oregon, closed two wells after the flooding.",
        "Marion County",
        ("Marion County", "US", "admin2", "Oregon"),
    ),
    (
        "county whose state the story names later",
        "A tornado struck Lyon County on Monday. Kansas officials sent help to the farms there.",
        "Lyon County",
        ("Lyon County", "US", "admin2", "Kansas"),
    ),
    (
        "English county, the country in the sentence",
        "British vets found the virus on a farm in Cumbria, the UK ministry said on Friday.",
        "Cumbria",
        ("Cumbria", "GB", "admin2", "England"),
    ),
    (
        "English county whose namesakes are US towns, the country later",
        "Farmers in Essex lost their flocks to the disease, the British government said.",
        "Essex",
        ("Essex", "GB", "admin2", "England"),
    ),
    (
        "a city beside its own district of the same name",
        "Australian officials said two travellers fell ill in Adelaide after the flight.",
        "Adelaide",
        ("Adelaide", "AU", "exact", "South Australia"),
    ),
    (
        "region made of compass-named divisions",
        "Refugees fled the fighting in Kordofan, Sudanese officials said on Tuesday.",
        "Kordofan",
        ("Kordofan", "SD", "unknown", None),
    ),
    (
        "region with no country word near it",
        "Clashes spread across Kivu last month, Congolese officials said.",
        "Kivu",
        ("Kivu", "CD", "unknown", None),
    ),
    (
        "the county's seat named bare stays the city",
        "Police in Dallas said the driver fled. Dallas County deputies later found the car.",
        "Dallas",
        ("Dallas", "US", "exact", "Texas"),
    ),
    (
        "a state in a list whose next name has county namesakes",
        "Officials in Oregon, Colorado and Nevada said the recall covers eggs sold last week.",
        "Oregon",
        ("Oregon", "US", "admin1", "Oregon"),
    ),
]


@pytest.fixture(scope="module")
def geoparsed(tmp_path_factory, gaz):
    """Every row's sentence as one article, through ``sitrep geoparse`` with the test gazetteer."""
    root = tmp_path_factory.mktemp("divisions")
    articles = root / "articles.jsonl"
    articles.write_text(
        "".join(json.dumps({"id": f"r{i}", "text": r[1]}) + "\n" for i, r in enumerate(ROWS)),
        encoding="utf-8",
    )
    out = root / "geo.jsonl"
    done = sitrep("geoparse", articles, "--out", out, "--gazetteer", gaz.path, timeout=600)
    assert done.returncode == 0, done.stderr
    found = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        found.setdefault(p["article_id"], {})[p["text"]] = p
    return found


@pytest.mark.parametrize("i", range(len(ROWS)), ids=[r[0] for r in ROWS])
def test_division_kinds(i, geoparsed):
    kind, _text, mention, want = ROWS[i]
    found = geoparsed.get(f"r{i}", {})
    assert mention in found, f"{kind}: found only {sorted(found)}"
    p = found[mention]
    assert (p["name"], p["country_code"], p["precision"]) == want[:3], p["reason"]
    if want[3] is not None:
        assert p["admin1"] == want[3], p["reason"]
    assert p["lat"] is not None and p["reason"]


def test_second_order_division_carries_its_geonames_id(gaz, nlp):
    loc = places("British sheep farmers in Cumbria were told to keep flocks indoors.", gaz, nlp)["Cumbria"]
    assert loc.geonameid is not None and loc.geonameid > 0
    assert loc.precision == "admin2" and loc.where_prec == 3  # UCDP: second-order division


def test_compass_region_lies_among_its_divisions_without_geonames_id(gaz):
    region = gaz.lookup(["Kordofan"])["Kordofan"]
    assert [p.feature_code for p in region] == ["RGN"]
    named = ["North Kordofan", "South Kordofan", "West Kordofan"]
    parts = [p for n, ps in gaz.lookup(named).items() for p in ps if p.feature_code == "ADM1"]
    assert len(parts) >= 2 and region[0].gid < 0
    # its point lies among the divisions it is made of
    assert min(p.lat for p in parts) <= region[0].lat <= max(p.lat for p in parts)


# article text, its incident's place (name, precision): through `sitrep run`
INCIDENTS = {
    "a": (
        "A man was shot dead in Harris County on Saturday night, deputies said. The shooting happened "
        "in Baytown outside a convenience store.",
        ("Baytown", "exact"),  # the town inside the county named first is the incident's place
    ),
    "b": (
        "Two women were wounded in a shooting in Brazoria County on Tuesday, the sheriff said.",
        ("Brazoria County", "admin2"),  # the county alone: its own point and precision
    ),
}


def test_incident_in_a_county_takes_the_town_inside_it(tmp_path, gazetteer_file):
    articles = [
        {"id": aid, "text": text, "outlet": f"Outlet{i}", "published": f"2025-06-0{i + 1}"}
        for i, (aid, (text, _)) in enumerate(sorted(INCIDENTS.items()))
    ]
    incidents = run_incidents(tmp_path, articles, gazetteer_file)
    by_article = {i["articles"][0]: i["location"] for i in incidents if len(i["articles"]) == 1}
    for aid, (_, want) in INCIDENTS.items():
        loc = by_article[aid]
        assert (loc["name"], loc["precision"]) == want, loc["reason"]
