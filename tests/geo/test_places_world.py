"""Issue 12, world news: places named inside a public body's name, continents, a famous city in a
sentence that names another country, lists of states, and island names (real spaCy, real
gazetteer file; new sentences, one row per kind)."""

from __future__ import annotations

import pytest

from support.geo_places import places

# kind, sentence, the mention as written, expected (name, country, feature code); None = not a place
ROWS = [
    (
        "division owning a public body",
        "A spokesperson for the Ohio Department of Health confirmed three more cases on Friday.",
        "Ohio",
        ("Ohio", "US", "ADM1"),
    ),
    (
        "country acronym owning a public body",
        "Investigators from the US Centers for Disease Control flew in on Tuesday.",
        "US",
        ("United States", "US", "PCLI"),
    ),
    (
        "country after 'Ministry of'",
        "The Health Ministry of Tanzania reported forty new cases overnight.",
        "Tanzania",
        ("Tanzania", "TZ", "PCLI"),
    ),
    (
        "country after a capitalised sentence opener",
        "Neighbouring Rwanda has tightened checks at its border crossings.",
        "Rwanda",
        ("Rwanda", "RW", "PCLI"),
    ),
    (
        "continent in a story about countries",
        "Exports of beef from Brazil to Africa fell sharply last year, Brazilian traders said.",
        "Africa",
        ("Africa", None, "CONT"),
    ),
    (
        "continent beside a country in the sentence",
        "Poultry from Thailand is sold across Asia, the Thai ministry said.",
        "Asia",
        ("Asia", None, "CONT"),
    ),
    (
        "famous city, another country's people in the sentence",
        "Canadian aid workers landed in Nairobi on Friday with two tonnes of vaccines.",
        "Nairobi",
        ("Nairobi", "KE", None),
    ),
    (
        "state in a list of states, the country in the sentence",
        "Sick travellers were found in Oregon, Missouri, California and Texas, US officials said.",
        "California",
        ("California", "US", "ADM1"),
    ),
    (
        "village whose namesakes all lie in the story's country, another country in the sentence",
        "Romania culled geese on Sunday. Infected ducks reached Murighiol from Ukraine last week.",
        "Murighiol",
        ("Murighiol", "RO", None),
    ),
    (
        "country by its short English name",
        "Dutch farmers said exports from the Netherlands would resume in March.",
        "Netherlands",
        ("The Netherlands", "NL", "PCLI"),
    ),
    (
        "person sharing a country's name",
        "Jordan Peterson spoke to students for an hour.",
        "Jordan",
        None,
    ),
]


@pytest.mark.parametrize("kind,text,mention,want", ROWS, ids=[r[0] for r in ROWS])
def test_world_place_kinds(kind, text, mention, want, gaz, nlp):
    found = places(text, gaz, nlp)
    if want is None:
        assert mention not in found, f"{kind}: {found.get(mention)}"
        return
    assert mention in found, f"{kind}: found only {sorted(found)}"
    loc = found[mention]
    assert (loc.name, loc.country_code) == want[:2], loc.reason
    if want[2] is None:
        assert loc.feature_class == "P" and loc.precision == "exact", loc.reason
    else:
        assert loc.feature_code == want[2], loc.reason
    assert loc.lat is not None and loc.reason


# sentence, a name that must be found as a place mention
FOUND = [
    ("Rescue boats reached the island of Nias two days after the quake.", "Nias"),
    ("Measles is spreading again across the Americas, doctors warned.", "Americas"),
    ("The Texas Department of State Health Services issued a warning.", "Texas"),
    ("Water trucks left Aix-en-Provence at dawn.", "Aix-en-Provence"),
    ("Snow fell on Salina, Hays, Colby and Goodland.", "Colby"),
]


@pytest.mark.parametrize("text,mention", FOUND, ids=[r[1] for r in FOUND])
def test_world_names_found(text, mention, gaz, nlp):
    assert mention in places(text, gaz, nlp)
