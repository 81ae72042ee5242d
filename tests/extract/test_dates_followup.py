"""The incident's day when a report also tells later steps (issue 13): an arrest, a charge, a court
date, a victim's state in hospital, a vigil, an embedded post's stamp, a coarse date that a later
sentence pins down, the night hours around midnight, and a follow-up published days later. Reports
written for this test, through the product's extraction (real spaCy) and through `sitrep run`."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.extract.dates import resolve_date
from sitrep.records import Document
from support.cli import run_incidents


def mentions(text: str, published: str):
    art = clean_document(Document(input="t.txt", text=text, format="txt", published=published), "t")
    found = extract_articles([art])["t"].mentions
    assert found, "no incident mention"
    return found


@pytest.mark.parametrize(
    "kind, text, published, day",
    [
        (
            "an arrest told before the shooting's day",
            "Neighbor charged in Elm Road shooting\n\nA Harlow man was arrested Friday and charged with "
            "assault.\n\nDeputies say the 52-year-old neighbor was shot Wednesday evening outside his "
            "home on Elm Road in Harlow.",
            "2022-04-09",
            "2022-04-06",
        ),
        (
            "a victim's state on a later day",
            "Girl recovering\n\nAn 8-year-old girl remains in the hospital Tuesday after an accidental "
            "shooting on Monday at a house on Birch Street in Harlow.",
            "2022-04-12",
            "2022-04-11",
        ),
        (
            "police on a later day arrested",
            "Arrest made\n\nHarlow police on Thursday arrested a man suspected of wounding three people "
            "at a birthday party late Tuesday night on Quarry Lane.",
            "2022-05-06",
            "2022-05-03",
        ),
        (
            "a statement naming the dated shooting",
            "Suspect identified\n\nDetectives said the June 4 shooting outside a Harlow diner started "
            "with a quarrel over a parking space.\n\nThe suspect was booked on June 7.",
            "2022-06-20",
            "2022-06-04",
        ),
        (
            "police say the man was shot",
            "Man wounded\n\nPolice say a 24-year-old man was shot Sunday afternoon on Cole Avenue in "
            "Harlow. He is expected to survive.",
            "2022-07-12",
            "2022-07-10",
        ),
        (
            "a coarse date pinned by a later sentence",
            "Two hurt\n\nTwo people were wounded in a shooting in Harlow this weekend.\n\nOfficers said "
            "the shooting happened about 2 a.m. Sunday outside a club on Pine Street.",
            "2022-08-15",
            "2022-08-14",
        ),
        (
            "a vigil still to come",
            "Teen killed\n\nA 16-year-old was shot and killed Friday night on Vale Street in Harlow, "
            "police said. A vigil will be held Monday at the school.",
            "2022-09-17",
            "2022-09-16",
        ),
        (
            "an embedded post's stamp",
            "Boy hit by stray bullet\n\nA 6-year-old boy was hit by a stray bullet Tuesday night in "
            "Harlow, police said.\n\nPrayers for the family tonight — Dana Reyes (@danareyes) March 9, "
            "2022\n\nThe boy was taken to a hospital.",
            "2022-03-09",
            "2022-03-08",
        ),
        (
            "a hearing a few days ahead",
            "Charges filed\n\nA Harlow man was charged in the shooting of his cousin on Oct. 2. He is "
            "due in court Oct. 21.",
            "2022-10-18",
            "2022-10-02",
        ),
        (
            "early in the morning of a named day",
            "Shooting at bar\n\nTwo men were shot early Saturday morning outside a bar on Mill Road in "
            "Harlow, police said.",
            "2022-11-21",
            "2022-11-19",
        ),
        (
            "just after midnight on a named day",
            "Three wounded\n\nThree people were wounded just after midnight Thursday at an apartment "
            "on Gale Street in Harlow.",
            "2022-12-02",
            "2022-12-01",
        ),
        (
            "late at night on a named day",
            "Woman shot\n\nA woman was shot late Tuesday night in a parking lot on Fern Street in "
            "Harlow, police said.",
            "2023-01-12",
            "2023-01-10",
        ),
    ],
)
def test_incident_day(kind, text, published, day):
    found = mentions(text, published)
    assert found[0].date.start == day, kind
    assert all(m.date.start in (day, None) for m in found), kind  # no mention dated by the later step


@pytest.mark.parametrize(
    "text, published, day",
    [
        ("due in court Nov. 25", "2021-11-22", "2021-11-25"),  # a hearing ahead, not last year's
        ("on Dec. 30", "2022-01-03", "2021-12-30"),  # the end of last year
        ("on March 3", "2022-09-10", "2022-03-03"),
        ("is to be arraigned Friday", "2022-09-15", "2022-09-16"),  # a Thursday story: tomorrow
        ("last Friday", "2022-09-15", "2022-09-09"),
    ],
)
def test_resolved_day(text, published, day):
    assert resolve_date(text, published).start == day


FOLLOW_UP = [
    {
        "id": "first",
        "title": "Man wounded in Harlow shooting",
        "published": "2022-04-17",
        "text": "HARLOW — A 30-year-old man was shot Saturday night outside a convenience store on "
        "Bridge Street in Harlow, police said.\n\nOfficers found the man with a gunshot wound to the "
        "leg. He was taken to Harlow General Hospital in stable condition.\n\nNo arrest has been made.",
    },
    {
        "id": "later",
        "title": "Suspect charged in Bridge Street shooting",
        "published": "2022-04-27",
        "text": "HARLOW — A 22-year-old man was arrested Tuesday and charged in the April 16 shooting "
        "outside a convenience store on Bridge Street in Harlow.\n\nPolice said the 30-year-old "
        "victim was shot in the leg and has been released from the hospital.\n\nThe suspect is due "
        "in court May 3.",
    },
]


def test_a_follow_up_keeps_the_incidents_day(tmp_path, gazetteer_file):
    incidents = run_incidents(tmp_path, FOLLOW_UP, gazetteer_file)
    dated = {i["date"]["start"] for i in incidents}
    assert "2022-04-16" in dated
    assert dated <= {"2022-04-16"}, dated  # the arrest or the hearing dates no incident
