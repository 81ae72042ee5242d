"""Figures an attentive reader would not count, and victims told twice, by kind (issue 13), with
real spaCy. Each row is a short report written for this test (no dev-set sentence): its text,
then the killed and injured an attentive reader counts in it."""

from __future__ import annotations

import pytest

from support.tolls import toll_of


@pytest.mark.parametrize(
    "kind, text, killed, injured",
    [
        (
            "a clock time before the count",
            "Deputies reached the trailer park just after 11 o’clock and found one man dead beside a pickup.",
            1,
            0,
        ),
        (
            "a rate",
            "The county's homicide rate rose to 14.2 deaths per 100,000 residents, the report said. "
            "A woman was shot and wounded on Birch Road on Monday.",
            0,
            1,
        ),
        (
            "a calibre",
            '"I only fired my cousin’s .22 at a can," the 14-year-old told deputies. '
            "His friend was grazed on the arm.",
            0,
            1,
        ),
        (
            "a fear, not a death",
            '"Don\'t let my sister die," the woman begged the dispatcher. '
            "Her sister was listed in stable condition on Tuesday.",
            0,
            1,
        ),
        (
            "gonna die",
            '"I really thought I was gonna die out there," said the clerk, who was shot in the leg.',
            0,
            1,
        ),
        (
            "an ordinal within a count already told",
            "Four teenagers were wounded outside the skating rink late Friday. Officers found three "
            "of them near the curb. A fourth teen was also shot but was driven to a hospital by a friend.",
            0,
            4,
        ),
        (
            "an ordinal past the count told",
            "A man was shot in the hip on Alder Court. A second man was shot a block away minutes later.",
            0,
            2,
        ),
        (
            "a self-inflicted wound after its victim",
            "A 7-year-old boy is in critical condition after he accidentally shot himself with a "
            "pistol he found in a closet.",
            0,
            1,
        ),
        (
            "a joined victim with a wound of his own",
            "Troopers found one dead man and a second man suffering a graze wound to the hand.",
            1,
            1,
        ),
        (
            "the victim's rank in a tally of several shootings",
            "Reyes was the third of four people killed by gunfire in the city over the long weekend.",
            0,
            0,
        ),
        (
            "a dateline the parser takes for the victim",
            "GLEN HAVEN — A second man shot outside the Lantern Tavern on Pine Street on Saturday "
            "has died, deputies said Monday. Rick Moss, 52, died Sunday at Mercy Hospital. Al Dole, "
            "47, was killed at the scene.",
            2,
            0,
        ),
    ],
)
def test_misreadings(nlp, kind, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured), kind
