"""The day of a mention when the sentence that tells it has no event word (issue 13): "It happened
about 2 p.m. Tuesday", a lead before any mention, a first line without a full stop, a victim who
died days later, and an older event dated by its month. Reports written for this test, through the
product's extraction (real spaCy, the default gazetteer)."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.records import Document


def first_mention(text: str, published: str):
    art = clean_document(Document(input="t.txt", text=text, format="txt", published=published), "t")
    mentions = extract_articles([art])["t"].mentions
    assert mentions, "no incident mention"
    return mentions[0], mentions


@pytest.mark.parametrize(
    "kind, text, published, day",
    [
        (
            "it happened on a weekday",
            "Police in Marlow are investigating a fatal shooting.\n\nIt happened around 10:40 p.m. "
            "Thursday in the 300 block of Cedar Lane, Sgt. Ann Price said.\n\nA 31-year-old man was "
            "found with a gunshot wound and died at the scene.",
            "2021-06-12",
            "2021-06-10",
        ),
        (
            "a lead with no event word",
            "MARLOW – A hunter survived a scare Saturday when a friend's rifle went off in the woods, "
            "deputies said.\n\nThe 40-year-old was taken to a hospital with a wound to the leg.",
            "2021-11-15",
            "2021-11-13",
        ),
        (
            "a first line without a full stop",
            "A 16-year-old boy who was wounded Sunday at Riverside Park in Marlow has been identified\n\n"
            "Officers said the boy was shot in the leg. He is expected to recover.",
            "2021-08-10",
            "2021-08-08",
        ),
        (
            "a victim who died days later",
            "Two men were shot Sunday night outside a bar on Main Street in Marlow, police said.\n\n"
            "Owen Hart, 29, died Wednesday at Mercy Hospital.\n\nThe other man was treated and released.",
            "2021-03-04",
            "2021-02-28",
        ),
    ],
)
def test_mention_day(kind, text, published, day):
    mention, mentions = first_mention(text, published)
    assert mention.date.start == day, kind
    assert len(mentions) == 1, kind  # the later death or the dated lead opens no mention of its own


def test_an_older_month_is_its_own_incident():
    """An older death told in passing is another incident, dated by its month: it neither adds to
    Sunday's toll nor is dropped (a report weeks after an attack is often its first account)."""
    text = (
        "A 19-year-old man was shot and killed Sunday on Elm Street in Marlow. His cousin, who "
        "was shot and killed in April, is buried nearby."
    )
    mention, mentions = first_mention(text, "2016-12-13")
    assert mention.date.start == "2016-12-11"
    assert [(c.what, c.low) for c in mention.claims] == [("killed", 1)]
    older = [m for m in mentions if m is not mention]
    assert [(m.date.start, m.date.precision) for m in older] == [("2016-04-01", "month")]
    assert [(c.what, c.low) for m in older for c in m.claims] == [("killed", 1)]
