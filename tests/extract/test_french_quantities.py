"""French counts and their qualifiers (issue 17): the contract's bounds, as the English ones."""

from __future__ import annotations

import pytest

from sitrep.extract.french import parse_quantity_fr

CASES = [
    # phrase, low, high, qualifier
    ("au moins 45 gendarmes", 45, None, "at_least"),
    ("au minimum sept civils", 7, None, "at_least"),
    ("pas moins de 18 personnes", 18, None, "at_least"),
    ("plus de 70 militaires", 71, None, "more_than"),
    ("plus d'une vingtaine de morts", 21, None, "more_than"),
    ("jusqu'à 90 victimes", 0, 90, "up_to"),
    ("moins de dix blessés", 0, 10, "up_to"),
    ("environ 35 assaillants", 35, 35, "about"),
    ("près de 130 villageois", 130, 130, "about"),
    ("une quarantaine de fidèles", 40, 40, "about"),
    ("une centaine de combattants", 100, 100, "about"),
    ("une quinzaine d'élèves", 15, 15, "about"),
    ("des dizaines de morts", 12, None, "vague"),
    ("des centaines de déplacés", 100, None, "vague"),
    ("plusieurs soldats", 3, None, "vague"),
    ("de nombreux habitants", 10, None, "vague"),
    ("quelques passagers", 3, None, "vague"),
    ("vingt-sept civils", 27, 27, "exactly"),
    ("soixante-douze soldats", 72, 72, "exactly"),
    ("vingt et un villageois", 21, 21, "exactly"),
    ("quatre-vingt-dix-neuf", 99, 99, "exactly"),
    ("deux cent trente personnes", 230, 230, "exactly"),
    ("1 200 familles", 1200, 1200, "exactly"),
    ("entre 40 et 55 tués", 40, 55, "about"),
    ("18 à 21 morts", 18, 21, "about"),
]


@pytest.mark.parametrize("phrase, low, high, qualifier", CASES)
def test_french_quantity(phrase, low, high, qualifier):
    q = parse_quantity_fr(phrase)
    assert q is not None, phrase
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("phrase", ["la route nationale", "le camp a été pillé", "aucun chiffre"])
def test_no_count_where_there_is_none(phrase):
    assert parse_quantity_fr(phrase) is None
