"""More kinds of casualty phrasing (issue 13, second pass), with real spaCy and the real pipeline.

Each row is a short report written for this test (no dev-set sentence): its text, then the killed
and injured an attentive reader counts in it.
"""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.extract.figures import find_claims
from sitrep.extract.toll import article_toll
from sitrep.merge import merge_incidents
from sitrep.records import Document


@pytest.fixture(scope="module")
def nlp():
    from sitrep.models import load_spacy

    return load_spacy()


def toll_of(nlp, text):
    doc = nlp(text)
    toll = article_toll([c for s in doc.sents for c in find_claims(s)])
    return tuple((toll.get(k) or (0, 0, 0))[1] or 0 for k in ("killed", "wounded"))


@pytest.mark.parametrize(
    "kind, text, killed, injured",
    [
        (
            "one killed and others injured, after a headline's count of the injured",
            "2 dead, 3 hurt in shooting at birthday party in Dunmore. "
            "Two people were killed and 3 others were injured when a gunman fired into the yard.",
            2,
            3,
        ),
        (
            "both victims after a man and another man",
            "A 30-year-old man was shot in the chest on Maple Street. "
            "Another man was grazed in the hand. Both victims were taken to a hospital.",
            0,
            2,
        ),
        (
            "both, then a third victim",
            "Both brothers were shot outside the store. A third man was also wounded.",
            0,
            3,
        ),
        (
            "a gerund naming a kind of person",
            "The sheriff said shooting suspect Ray Dunn had surrendered.",
            0,
            0,
        ),
    ],
)
def test_kinds(nlp, kind, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured), kind


def _product(text):
    """Through extract and merge (reconcile), as ``sitrep run`` reports one article on its own."""
    article = clean_document(Document(input="t.txt", text=text, format="txt"), "t")
    incidents = merge_incidents(extract_articles([article]), {"t": article}, {})
    inc = max(incidents, key=lambda i: len(i.fatalities.claims) + len(i.wounded.claims))
    return [(f.best if f.best is not None else f.low) or 0 for f in (inc.fatalities, inc.wounded)]


@pytest.mark.parametrize(
    "kind, text, killed, injured",
    [
        (
            # The parser ends a sentence at a comma before a name; the piece is no heading, so
            # the death told after it stays with the shooting.
            "a sentence cut at a comma is no heading",
            "Deputies were called to a house on Birch Road in Marston on Tuesday night. "
            '"We heard three shots, and then screaming," '
            "a neighbour said. "
            "Officers found a woman with a gunshot wound in the kitchen. "
            "She was taken to County General Hospital, where she was pronounced dead.",
            1,
            0,
        ),
        (
            # No sentence names a date and a place with an event word: the figures are still
            # the article's incident, not context.
            "casualty sentences that open no mention",
            "Man shot, hurt on east side\n\n"
            "It happened around 9 p.m. Friday in the 400 block of Cedar Avenue. "
            "Upon arrival, officers found a 31-year-old man suffering from a gunshot wound to the leg. "
            "He was taken to a hospital in stable condition.",
            0,
            1,
        ),
    ],
)
def test_the_product_counts_every_sentence_of_the_story(kind, text, killed, injured):
    assert _product(text) == [killed, injured], kind
