"""One article about one shooting is one incident, however its sentences are laid out: a page's
"Posted/Updated" stamp, a video caption between paragraphs, a county and a town named for one
scene, the wounded still in hospital days later. An article's genuinely other incidents (a second
shooting an hour later, a killing years ago) stay apart. Through the real product
(`sitrep.pipeline.run`: real spaCy, DuckDB, gazetteer) on articles written for these tests."""

from __future__ import annotations

import pytest

from support.articles_run import run_written

STAMP = dict(
    id="stamp",
    outlet="Valley News 7",
    published="2023-06-12",
    title="Three hurt in shooting outside bowling alley",
    text=(
        "Three hurt in shooting outside bowling alley Posted: Friday, June 9, 2023 7:15 AM CDT "
        "Updated: Monday, June 12, 2023 4:02 PM CDT\n\n"
        "Three people were wounded late Thursday when gunfire erupted in the parking lot of a "
        "bowling alley on Crandall Road in Towanda, Pennsylvania, police said.\n\n"
        "Officers found two men and a woman with gunshot wounds. All three were expected to survive."
    ),
    want=dict(date="2023-06-08", killed=0, wounded=3),
)
CAPTION = dict(
    id="caption",
    outlet="Tri-County Herald",
    published="2022-09-18",
    title="Two wounded in drive-by on Kessler Avenue",
    text=(
        "Two men were shot Saturday evening in a drive-by on Kessler Avenue in Dunmore, "
        "Pennsylvania, police said.\n\n"
        "Watch this story\n\n"
        "Police said the two victims were standing beside a parked car when someone fired from a "
        "passing SUV. Both men were taken to a hospital with wounds to their legs."
    ),
    want=dict(date="2022-09-17", killed=0, wounded=2),
)
HOSPITAL = dict(
    id="hospital",
    outlet="Lakeshore Daily",
    published="2021-08-16",
    title="Man killed, two teens hurt in Garnet Street shooting",
    text=(
        "A 20-year-old man was killed Saturday night in a shooting on Garnet Street in Sayre, "
        "Pennsylvania, police said. Two teenage boys were also shot and wounded.\n\n"
        "Both of the wounded teens remained hospitalized at a regional medical center Monday "
        "morning, a police spokeswoman said.\n\n"
        "Investigators have not named a suspect."
    ),
    want=dict(date="2021-08-14", killed=1, wounded=2),
)
COUNTY = dict(
    id="county",
    outlet="Northern Tier Times",
    published="2020-02-11",
    title="Teen dies in accidental shooting",
    text=(
        "A 16-year-old girl was killed Sunday morning in an accidental shooting at a home in "
        "Bradford County, deputies said.\n\n"
        "The sheriff said the rifle went off while a relative was cleaning it.\n\n"
        "The girl was struck Sunday morning inside a home on Pecan Hollow Lane just outside "
        "Towanda, investigators said. She died at the scene."
    ),
    want=dict(date="2020-02-09", killed=1, wounded=0),
)

SECOND = dict(
    id="second",
    outlet="Lakeshore Daily",
    published="2021-10-04",
    title="Two shootings an hour apart in Sayre",
    text=(
        "A 33-year-old man was shot in the shoulder Sunday night outside a convenience store on "
        "Garnet Street in Sayre, Pennsylvania, police said.\n\n"
        "About an hour later, a second shooting was reported on Marlow Road in Towanda, where a "
        "woman was wounded in the hand. Police do not believe the shootings are connected."
    ),
)
PAST = dict(
    id="past",
    outlet="Tri-County Herald",
    published="2023-04-25",
    title="Clerk wounded in store robbery",
    text=(
        "A store clerk was shot and wounded Monday night during a robbery at a gas station on "
        "Kessler Avenue in Dunmore, Pennsylvania, police said.\n\n"
        "In March 2019, another clerk at the same station was shot and killed in a holdup.\n\n"
        "The clerk wounded Monday was treated at a hospital and released."
    ),
)


@pytest.mark.slow
def test_one_shooting_told_in_scattered_parts_is_one_incident(tmp_path):
    docs = [STAMP, CAPTION, HOSPITAL, COUNTY]
    incidents, ids = run_written(tmp_path, [{k: v for k, v in d.items() if k != "want"} for d in docs])
    for d in docs:
        own = [i for i in incidents if ids[d["id"]] in i["articles"]]
        assert len(own) == 1, (d["id"], [i["mentions"] for i in own])
        inc, want = own[0], d["want"]
        assert inc["date"]["start"] == want["date"], d["id"]
        assert (inc["fatalities"]["best"] or 0) == want["killed"], d["id"]
        assert (inc["wounded"]["best"] or 0) == want["wounded"], d["id"]


@pytest.mark.slow
def test_a_second_shooting_and_a_past_killing_stay_apart(tmp_path):
    incidents, ids = run_written(tmp_path, [SECOND, PAST])
    second = [i for i in incidents if ids["second"] in i["articles"]]
    assert len(second) == 2  # the shooting on Garnet Street and the one on Marlow Road
    assert sorted(i["wounded"]["best"] for i in second) == [1, 1]
    past = [i for i in incidents if ids["past"] in i["articles"]]
    # the 2019 killing is history told in passing: never folded into Monday's robbery
    monday = [i for i in past if i["date"]["start"] == "2023-04-24"]
    assert len(monday) == 1
    assert monday[0]["fatalities"]["best"] in (None, 0)
    assert monday[0]["wounded"]["best"] == 1
