"""A county name that several states have ("Franklin County", "Jefferson County") says the story is
American, not which state: alone it is coded to the country and moves no town; beside other
evidence (a state named, a container, a county of one state, a town resolved near it) it is that
state's county. Sentences written for these tests, resolved as ``sitrep geoparse`` does (real
spaCy, real gazetteer file)."""

from __future__ import annotations

import pytest

from support.geo_places import places

# kind, text, county as written, expected state of the county (None: coded to the country)
ROWS = [
    (
        "alone, a county of many states decides none",
        "Franklin County deputies found the stolen truck abandoned on Sunday.",
        "Franklin County",
        None,
    ),
    (
        "the county word written after the name, in lower case, alone decides none either",
        "Deputies said the man escaped from the Jefferson county jail on foot.",
        "Jefferson",
        None,
    ),
    (
        "a state named elsewhere in the text picks that state's county",
        "Deputies from Jefferson County closed the road after the crash, Alabama troopers said.",
        "Jefferson County",
        "Alabama",
    ),
    (
        "a container after the county picks its state",
        "A man was arrested in Washington County, Pennsylvania, on Tuesday.",
        "Washington County",
        "Pennsylvania",
    ),
    (
        "a county of one state named beside it picks the state both share",
        "Clay County deputies and the Sangamon County sheriff searched the farm.",
        "Clay County",
        "Illinois",
    ),
    (
        "a county twenty times as populous as any namesake is the famous one",
        "Cook County prosecutors charged the driver with reckless homicide on Monday.",
        "Cook County",
        "Illinois",
    ),
    (
        "a town the article places near one of the namesakes picks that one",
        "A man was wounded near a gas station, Madison County deputies said. The store is in Huntsville.",
        "Madison County",
        "Alabama",
    ),
]


@pytest.mark.parametrize("kind,text,county,state", ROWS, ids=[r[0] for r in ROWS])
def test_a_county_of_several_states(kind, text, county, state, gaz, nlp):
    loc = places(text, gaz, nlp)[county]
    assert loc.country_code == "US", loc.reason
    if state is None:
        assert (loc.precision, loc.admin1) == ("country", None), loc.reason
        assert "states" in loc.reason, loc.reason
    else:
        assert (loc.precision, loc.admin1) == ("admin2", state), loc.reason


# a county of several states beside an ambiguous town: the town as it resolves with no county named
TOWNS = [
    (
        "Greenville",
        "Police said a woman was hurt in Greenville late Friday, Washington County deputies added.",
    ),
    (
        "Springfield",
        "Two men were shot at a park in Springfield, and Franklin County deputies said one died.",
    ),
]


@pytest.mark.parametrize("town,text", TOWNS, ids=[t for t, _ in TOWNS])
def test_a_county_of_several_states_moves_no_town(town, text, gaz, nlp):
    alone = places(text.split(",")[0] + ".", gaz, nlp)[town]
    loc = places(text, gaz, nlp)[town]
    assert (loc.country_code, loc.admin1) == (alone.country_code, alone.admin1), loc.reason
