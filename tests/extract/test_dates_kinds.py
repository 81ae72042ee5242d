"""The incident's day through the product's extraction (real spaCy) and `sitrep run` (issue 13):
a holiday named for the day, a page's own stamp line that is not the news's day, a day the police
tell ("police say a man fired ... Friday evening"), the hours around midnight, a funeral or a later
death that must not date the shooting, an article without a publication date, and a report stamped
the evening before its news. Reports written for this test."""

from __future__ import annotations

import pytest

from support.cli import run_incidents
from support.event_types import sentence_mentions


def mentions(text: str, published: str | None):
    found = sentence_mentions(text, published)
    assert found, "no incident mention"
    return found


@pytest.mark.parametrize(
    "kind, text, published, day",
    [
        (
            "a holiday's night",
            "Man killed on Christmas night\n\nA 19-year-old man was shot and killed on Christmas night "
            "outside a house on Larch Street in Fenwick, police said.",
            "2021-12-27",
            "2021-12-25",
        ),
        (
            "a holiday's evening is the holiday, not its eve",
            "Man wounded on Christmas evening\n\nA 40-year-old man was shot in the leg on Christmas "
            "evening outside a bar on Quarry Road in Fenwick, police said.",
            "2021-12-27",
            "2021-12-25",
        ),
        (
            "a holiday of the year before",
            "Girl hurt by stray bullet\n\nA 7-year-old girl was struck by a stray bullet on New Year's "
            "Eve while watching fireworks from a porch on Dalton Avenue in Fenwick.",
            "2022-01-02",
            "2021-12-31",
        ),
        (
            "a holiday whose day moves",
            "Two wounded\n\nTwo brothers were wounded in a shooting on Thanksgiving night at a home on "
            "Orchard Lane in Fenwick, deputies said.",
            "2021-11-29",
            "2021-11-25",
        ),
        (
            "a stamp line with a clock time",
            "Two men wounded outside bar\n\nOctober 3, 2021 9:42 PM\n\nTwo men were wounded Saturday "
            "night in a shooting outside a bar on Weir Road in Fenwick.",
            "2021-10-03",
            "2021-10-02",
        ),
        (
            "a bracketed stamp before the story",
            "(May 6, 2022) – Police swarmed a parking lot on Hollis Street in Fenwick after a gunman "
            "opened fire on a woman as Thursday night got underway.",
            "2022-05-06",
            "2022-05-05",
        ),
        (
            "a byline stamp",
            "Man shot on Quay Street\n\nBy Staff | March 14, 2022 at 6:10PM\n\nA man was shot Sunday "
            "afternoon on Quay Street in Fenwick and is in serious condition.",
            "2022-03-14",
            "2022-03-13",
        ),
        (
            "a day the police tell",
            "Neighbor dispute\n\nDeputies say a man drew a gun Friday evening during an argument on "
            "Ridge Road in Fenwick and wounded a neighbor in the arm.",
            "2022-06-19",
            "2022-06-17",
        ),
        (
            "shortly after midnight",
            "Three hurt at party\n\nThree people were wounded shortly after midnight Sunday at a house "
            "party on Brook Lane in Fenwick, police said.",
            "2022-07-18",
            "2022-07-17",
        ),
        (
            "a funeral days later",
            "Funeral held for teen\n\nA funeral was held Saturday for a 15-year-old boy who was shot "
            "and killed Monday night outside a recreation center on Tamarack Road in Fenwick.",
            "2022-08-21",
            "2022-08-15",
        ),
        (
            "a victim who died days later",
            "Shooting victim dies\n\nA 40-year-old man who was shot Saturday outside a bar on Keel "
            "Street in Fenwick died Tuesday at a hospital, police said.",
            "2022-09-14",
            "2022-09-10",
        ),
        (
            "a count of the year so far",
            "Toddler dies\n\nA 3-year-old boy who shot himself with his grandfather's pistol at a home "
            "on Pike Road in Fenwick on Sunday died Tuesday.\n\nHis death follows three other shootings "
            "of children this year in the county.",
            "2022-10-12",
            "2022-10-09",
        ),
    ],
)
def test_incident_day(kind, text, published, day):
    found = mentions(text, published)
    assert found[0].date.start == day, kind
    assert all(m.date.start in (day, None) for m in found), kind  # no mention dated otherwise
    assert all(m.date.precision != "year" for m in found), kind  # "this year" dates no incident


@pytest.mark.parametrize(
    "text",
    [
        "Two men were shot on Friday outside a store on Arden Street in Fenwick, police said.",
        "A woman was wounded on Christmas night on Pell Street in Fenwick.",
    ],
)
def test_without_a_publication_date_a_relative_day_stays_open(text):
    date = mentions("Shooting in Fenwick\n\n" + text, None)[0].date
    assert date.start is None and date.relative, date
    assert date.text  # the words are kept for the merge stage


EVENING_BEFORE = [
    {
        "id": "evening",
        "title": "Two killed at Fenwick gas station",
        "published": "2022-03-10",  # a Thursday: the story was filed before midnight
        "text": "FENWICK — Two men were killed and a third was wounded early Friday when a gunman "
        "opened fire inside a gas station on Crane Avenue in Fenwick, police said.",
    },
    {
        "id": "morning",
        "title": "Victims of Crane Avenue gas station shooting named",
        "published": "2022-03-11",
        "text": "FENWICK — Police named the two men killed early Friday morning at a gas station on "
        "Crane Avenue in Fenwick. A third man was wounded.",
    },
]


def test_a_story_stamped_the_evening_before_keeps_its_day(tmp_path, gazetteer_file):
    incidents = run_incidents(tmp_path, EVENING_BEFORE, gazetteer_file)
    assert {i["date"]["start"] for i in incidents} == {"2022-03-11"}


@pytest.mark.parametrize("published", ["2023-01-03", None])
def test_a_day_told_twice_in_one_sentence_is_one_incident(published):
    # a headline run into the lead names the day twice: one incident, which keeps the victim
    text = (
        "Victim Of New Year's Eve Shooting In Springfield Identified « KXYZ NewsSPRINGFIELD, Ill. "
        "(KXYZ) – Police have released the identity of the victim of a deadly New Year's Eve shooting "
        "in Springfield. Ray Dunmore, 41, was found shot in the back in a home on Alder Court."
    )
    found = mentions(text, published)
    assert len(found) == 1, [m.date.text for m in found]
    assert any(c.quote.startswith("Ray Dunmore") for c in found[0].claims)
