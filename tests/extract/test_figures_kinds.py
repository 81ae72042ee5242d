"""Casualty figures by kind of phrasing, with real spaCy, and the toll update in reconcile.

Each row is a short report written for this test (no dev-set sentence): its text, then the killed
and injured an attentive reader counts in it.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.merge.reconcile import ClaimEntry, build_figure, fold_echoes
from sitrep.records import Claim
from support.tolls import toll_of


@pytest.mark.parametrize(
    "kind, text, killed, injured",
    [
        (
            "victims across sentences",
            "The grandmother was shot twice while standing on her porch on Oak Lane late Sunday. "
            "The grandson was taken to a hospital with a wound to the arm.",
            0,
            2,
        ),
        (
            "victims across sentences, one dead",
            "The father was shot and killed in the driveway. "
            "His daughter was taken to a hospital, where she is expected to recover.",
            1,
            1,
        ),
        (
            "both",
            "Two brothers were sitting in a parked car when a gunman opened fire. "
            "Both were hit and taken to a local hospital.",
            0,
            2,
        ),
        (
            "the other two",
            "Three teenagers were shot near the park. One of them died, "
            "and the other two were treated for their wounds.",
            1,
            2,
        ),
        (
            "a second man",
            "A man was shot in the leg on Main Street. A second man was shot in the hand a block away.",
            0,
            2,
        ),
        ("grazed", "A 19-year-old was grazed by a bullet during the exchange of gunfire.", 0, 1),
        (
            "treated and released",
            "The clerk was treated and released from a nearby hospital after the robbery.",
            0,
            1,
        ),
        ("listed in stable condition", "The victim was listed in stable condition on Monday night.", 0, 1),
        (
            "non-life-threatening wounds",
            "A 40-year-old man suffered non-life-threatening wounds in the shooting.",
            0,
            1,
        ),
        ("an age written short", "Relatives of a 19 y.o killed near the bus depot gathered on Sunday.", 1, 0),
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
        ("a headline's 'shot, killed'", "Woman shot, killed in Eastwood; suspect in custody", 1, 0),
        ("found someone shot to death", "Deputies found Carl Weems shot to death in a barn.", 1, 0),
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


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        # a weekday and its date are one date: the one-sentence report (no publication date, as on
        # republishing sites) stays one incident with its death
        (
            "Kim Lee, 44, died Sunday, March 8, after being shot in Glendale, according to Los Angeles County "
            "coroner's records.",
            1,
            0,
        ),
        # a headline run into the first line tells the same victims again
        (
            "2 hurt in Elm Street shooting\n\nTwo men were hurt in a shooting on Elm Street in Dayton on "
            "Friday night, police said. Both were taken to Miami Valley Hospital.",
            0,
            2,
        ),
        # a sentence cut at a comma is no heading: the parser ends a sentence at a closing quote
        # after a comma; the piece is no heading, so the death told after it stays with the shooting
        (
            "Deputies were called to a shooting at a house on Birch Road in Marston on Tuesday night. "
            '"We heard three shots, and then screaming," '
            "a neighbour said. "
            "Officers found a woman with a gunshot wound in the kitchen. "
            "She was taken to County General Hospital, where she was pronounced dead.",
            1,
            0,
        ),
        # casualty sentences that open no mention (no sentence names a date and a place with an
        # event word): the figures are still the article's incident, not context
        (
            "Man shot, hurt on east side\n\n"
            "It happened around 9 p.m. Friday in the 400 block of Cedar Avenue. "
            "Upon arrival, officers found a 31-year-old man suffering from a gunshot wound to the leg. "
            "He was taken to a hospital in stable condition.",
            0,
            1,
        ),
    ],
)
def test_the_product_reads_one_article_as_its_toll(text, killed, injured):
    """Through extract and merge (reconcile), as ``sitrep run`` reports an article on its own."""
    from sitrep.clean import clean_document
    from sitrep.extract import extract_articles
    from sitrep.merge import merge_incidents
    from sitrep.records import Document

    article = clean_document(Document(input="t.txt", text=text, format="txt"), "t")
    incidents = merge_incidents(extract_articles([article]), {"t": article}, {})
    inc = max(incidents, key=lambda i: len(i.fatalities.claims) + len(i.wounded.claims))
    value = [(f.best if f.best is not None else f.low) or 0 for f in (inc.fatalities, inc.wounded)]
    assert value == [killed, injured]


def _killed(aid, n, quote, pub):
    c = Claim(
        claim_id=f"{aid}#c1",
        article_id=aid,
        what="killed",
        group="people",
        low=n,
        high=n,
        text=str(n),
        quote=quote,
        quote_span=(0, len(quote)),
        attributed_to="a neighbour",
        claimant_kind="witness",
    )
    return ClaimEntry(c, aid, aid, date.fromisoformat(pub) if pub else None)


@pytest.mark.parametrize(
    "later_quote, later_pub, best",
    [
        # update wording, same day: the raised toll is the figure
        ("A second victim died of his injuries at the hospital, bringing the toll to 2.", "2026-03-02", 2),
        # a later publication that raises the toll, even without update wording
        ("Two people were killed in the shooting.", "2026-03-05", 2),
        # an equally dated report that disagrees, without update wording: the lower, as before
        ("Two people were killed in the shooting.", "2026-03-02", 1),
    ],
)
def test_a_later_report_raises_the_toll_and_the_first_claim_stays(later_quote, later_pub, best):
    first = _killed("a", 1, "One person was killed in the shooting.", "2026-03-02")
    later = _killed("b", 2, later_quote, later_pub)
    fig = build_figure(fold_echoes([first, later], {}))
    assert fig.best == best
    assert sorted(c.low for c in fig.claims) == [1, 2]  # the earlier claim is kept
