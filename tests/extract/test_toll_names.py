"""Victims listed by name with their ages, with real spaCy: "Ann Roe, 55, Lee Poe, 29, and Kim
Doe, 8, were killed" is three (the parser hangs the second name on the first as an apposition);
one name told with another name for the same person stays one. Each row is a short report written
for this test (no dev-set sentence)."""

from __future__ import annotations

import pytest

from support.tolls import toll_of


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        (
            "Ann Roe, 55, Lee Poe, 29, and Kim Doe, 8, were fatally shot in a house on Elm Road in Ocala.",
            3,
            0,
        ),
        ("Rita Moss, 41, Juan Ortiz, 23, and Dev Patel, 19, were wounded in the shooting on Sunday.", 0, 3),
        ("Police said Dana Price, Omar Reyes and Tyler Grant were shot outside a bar in Enid.", 0, 3),
        ("Ray Cole, 30, and Tim Vance, 27, were shot and killed Sunday on Pine Street in Enid.", 2, 0),
        # one victim, told with his other name or his age only
        ("Ray Cole, known to his friends as Big Ray, was killed Saturday night in Enid.", 1, 0),
        ("Ray Cole, 30, was shot and killed Sunday on Pine Street in Enid.", 1, 0),
    ],
)
def test_listed_names(nlp, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured)
