"""One shooting told in one article stays one incident with the article's whole toll, through
``sitrep run`` (real spaCy, real gazetteer, real DuckDB): more victims found elsewhere, the
hospital the wounded were taken to, the party "going on since Friday night", the shooting's day
told again; and the dead a shooter's suicide adds, the
wounded told beside the dead with another age. Each row is a short report written for this test (no dev-set sentence); towns and
days differ so that no two rows are one incident."""

from __future__ import annotations

import pytest

from support.cli import run_incidents

# kind, published, title, text, killed, wounded, the incident's date
ROWS = [
    (
        "another victim found at another corner",
        "2019-04-14",
        "Three men shot in Dayton",
        "Three men were shot late Saturday in Dayton, police said. Officers found two of the "
        "men near Oak Street and Grand Avenue. Police then found another victim near the "
        "intersection of 12th and Warren streets, where a 19-year-old was found shot in the arm. All three were "
        "expected to survive.",
        0,
        3,
        "2019-04-13",
    ),
    (
        "the hospital the victims were taken to",
        "2018-09-10",
        "Teen killed, another hurt in Toledo shooting",
        "A 17-year-old boy was killed and a 15-year-old boy was wounded Sunday night in a "
        "shooting on Maple Avenue in Toledo, police said. Both boys were taken to Riverside "
        "Methodist Hospital. The older boy, who was shot in the chest, was pronounced dead at "
        "Riverside at 2 a.m. Monday. "
        "The younger boy is in stable condition.",
        1,
        1,
        "2018-09-09",
    ),
    (
        "a party going on since the night before",
        "2017-06-04",
        "Shooting at Gainesville house party",
        "Officers spent the morning at a home in Gainesville after a shooting early Sunday. "
        "Police said five people were shot during a party that had been going on at the home "
        "since Saturday night. Officers said the victims were treated at a hospital and released.",
        0,
        5,
        "2017-06-04",
    ),
    (
        "the shooting's day told again, another day read before",
        "2016-03-08",
        "Two dead after shooting outside Akron bar",
        "Two men were killed and a woman was wounded in a shooting outside a bar in Akron early "
        "Sunday, police said. The shooting happened about 11 p.m. Saturday on Main Street, after "
        "an argument inside the bar.",
        2,
        1,
        "2016-03-05",
    ),
    (
        "a shooter who turned the gun on himself",
        "2015-10-21",
        "Man kills stepdaughters, then himself",
        "A man shot and killed his two stepdaughters, then turned the gun on himself at a home in "
        "Bristol on Tuesday night, police said.",
        3,
        0,
        "2015-10-20",
    ),
    (
        "two victims of other ages in one sentence",
        "2013-02-18",
        "Teen killed, another wounded in Lansing",
        "A 19-year-old male was shot and killed Sunday night in Lansing, and a 16-year-old male "
        "who was with him was shot and critically wounded, police said.",
        1,
        1,
        "2013-02-17",
    ),
]


@pytest.fixture(scope="module")
def incidents(tmp_path_factory, gazetteer_file) -> list[dict]:
    articles = [
        {"id": f"row{i}", "title": title, "published": published, "text": text}
        for i, (_, published, title, text, *_) in enumerate(ROWS)
    ]
    return run_incidents(tmp_path_factory.mktemp("toll_split"), articles, gazetteer_file)


def _figure(fig: dict | None) -> int:
    fig = fig or {}
    return (fig.get("best") if fig.get("best") is not None else fig.get("low")) or 0


@pytest.mark.parametrize("i", range(len(ROWS)), ids=[r[0] for r in ROWS])
def test_one_incident_with_the_whole_toll(incidents, i):
    _, _, _, _, killed, wounded, day = ROWS[i]
    own = [inc for inc in incidents if f"row{i}" in inc["articles"]]
    assert len(own) == 1, [inc.get("date") for inc in own]
    inc = own[0]
    assert (_figure(inc.get("fatalities")), _figure(inc.get("wounded"))) == (killed, wounded)
    assert inc["date"]["start"] == day
