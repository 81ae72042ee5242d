"""A shooter who turned the gun on himself after harming someone else is one more dead, whatever
verb told the harm: the harm verbs are figure_words' (``VERB_WHAT``), so "executed his wife" and
"assassinated a judge" count as "killed his wife" does. Each row is a short report written for
this test (no dev-set sentence), read by real spaCy."""

from __future__ import annotations

import pytest

from support.tolls import toll_of


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        (
            "Police said the man turned the gun on himself after he executed his estranged wife at their"
            " home in Dayton on Sunday.",
            2,
            0,
        ),
        (
            "Detectives said the suspect turned the gun on himself after he assassinated a county judge"
            " outside the courthouse in Yreka on Tuesday.",
            2,
            0,
        ),
        (
            "Investigators said the guard turned his weapon on himself after he had beheaded a coworker at"
            " the plant in Rome, Georgia, on Friday.",
            2,
            0,
        ),
        # no one else harmed: the boy who turned the gun is the one victim, not one more
        ("A 15-year-old boy turned a gun on himself at his home in Salem on Monday, police said.", 1, 0),
    ],
)
def test_suicide_after_harm_counts_once_more(nlp, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured)
