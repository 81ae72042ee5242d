"""A generational suffix ("Jr.", "III") belongs to a name: the person is read without it, with the
age that follows it, so two reports that write the suffix once and once not name the same person.
Names invented for this test."""

from __future__ import annotations

import pytest

from sitrep.extract.identifiers import read_identifiers


@pytest.mark.parametrize(
    "text, people, ages",
    [
        (
            "Marcus Leland Jr., 34, was shot and killed Sunday, police said.",
            {"marcus leland"},
            {"leland": 34},
        ),
        ("Marcus Leland, 34, was shot and killed Sunday, police said.", {"marcus leland"}, {"leland": 34}),
        ("The victim was identified as Marcus Leland Jr. He died at the scene.", {"marcus leland"}, {}),
        (
            "Police named Ray Ortiz III, 19, and Dana Lane, 16.",
            {"ray ortiz", "dana lane"},
            {"ortiz": 19, "lane": 16},
        ),
        ("Tobias Grant Sr. 61 and his son were wounded.", {"tobias grant"}, {"grant": 61}),
    ],
)
def test_suffix_is_part_of_the_name(text, people, ages):
    ids = read_identifiers(text)
    assert ids.people == people
    assert ids.ages == ages
