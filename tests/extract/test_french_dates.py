"""French dates (issue 17): resolved against the publication date as their English words are;
the text stays as written; "depuis ..." starts a running total."""

from __future__ import annotations

import pytest

from sitrep.extract.french import find_dates_fr, resolve_date_fr

PUBLISHED = "2024-11-13"  # a Wednesday

CASES = [
    # text, start, end, precision
    ("samedi 9 novembre", "2024-11-09", "2024-11-09", "day"),
    ("le 1er novembre", "2024-11-01", "2024-11-01", "day"),
    ("le 28 octobre 2023", "2023-10-28", "2023-10-28", "day"),
    ("mardi dernier", "2024-11-12", "2024-11-12", "day"),
    ("vendredi soir", "2024-11-08", "2024-11-08", "day"),
    ("à la mi-octobre", "2024-10-11", "2024-10-20", "part_of_month"),
    ("fin septembre", "2024-09-21", "2024-09-30", "part_of_month"),
    ("en août", "2024-08-01", "2024-08-31", "month"),
    ("hier", "2024-11-12", "2024-11-12", "day"),
]


@pytest.mark.parametrize("text, start, end, precision", CASES)
def test_french_date(text, start, end, precision):
    found = find_dates_fr(f"L'attaque a eu lieu {text} près du village.")
    assert len(found) == 1, [d.text for d in found]
    info = resolve_date_fr(found[0], PUBLISHED)
    assert (info.start, info.end, info.precision) == (start, end, precision)
    assert info.text == [found[0].text.strip()]
    assert not found[0].since


@pytest.mark.parametrize(
    "sentence",
    [
        "Depuis début octobre, au moins 150 civils ont été tués dans la région.",
        "Depuis le début de l'année, plus de 900 personnes ont péri.",
        "Depuis la mi-septembre, les attaques se multiplient.",
    ],
)
def test_since_starts_a_running_total(sentence):
    assert any(d.since for d in find_dates_fr(sentence))


def test_year_and_range_are_kept_as_history():
    kinds = [(d.kind, d.groups[-1]) for d in find_dates_fr("entre 2016 et 2018, puis en 2021")]
    assert kinds == [("range", "2018"), ("year", "2021")]
