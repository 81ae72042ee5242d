"""Others told after a count already given, with real spaCy: "two other victims" after "three
people were shot" and one named victim are the rest of the three, not two more; after a smaller
count they are more. Each row is a short report written for this test (no dev-set sentence)."""

from __future__ import annotations

import pytest

from support.tolls import toll_of


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        # the rest of a larger count told first
        (
            "Three people were shot outside a laundromat on Cherry Street in Boise on Sunday. A 31-year-old "
            "man died at the scene. Two other victims were taken to a hospital in stable condition.",
            1,
            2,
        ),
        (
            "A 20-year-old woman was killed in a triple shooting on Laurel Drive in Mesa on Monday. "
            "Two other men were also shot and are expected to recover.",
            1,
            2,
        ),
        (
            "Five people were shot at a park on Bay Street in Tampa on Sunday afternoon. A 17-year-old "
            "boy was flown to a trauma center. Three others were driven to a hospital by relatives.",
            0,
            5,
        ),
        # the others go beyond a smaller count: more victims
        (
            "A man was shot in the arm on Vine Street in Provo on Friday. Two other people were also shot.",
            0,
            3,
        ),
        (
            "One person was killed in a shooting at a bowling alley on Hill Road in Akron. "
            "Two others were wounded, police said.",
            1,
            2,
        ),
    ],
)
def test_others_after_a_count(nlp, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured)
