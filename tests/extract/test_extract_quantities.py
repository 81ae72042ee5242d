"""parse_quantity: numbers as news reports write them, with the contract's qualifier rules."""

from __future__ import annotations

import pytest

from sitrep.extract.quantities import parse_quantity

ROWS = [
    # text, low, high, qualifier
    ("30", 30, 30, "exactly"),
    ("two", 2, 2, "exactly"),
    ("twenty-five", 25, 25, "exactly"),
    ("two hundred and ten", 210, 210, "exactly"),
    ("1,200", 1200, 1200, "exactly"),
    ("one", 1, 1, "exactly"),
    ("a", 1, 1, "exactly"),
    ("an", 1, 1, "exactly"),
    ("a dozen", 12, 12, "exactly"),
    ("half a dozen", 6, 6, "exactly"),
    ("at least 60", 60, None, "at_least"),
    ("no fewer than 8", 8, None, "at_least"),
    ("more than 30", 31, None, "more_than"),
    ("over 100", 101, None, "more_than"),
    ("More than 400", 401, None, "more_than"),
    ("up to 5", 0, 5, "up_to"),
    ("at most 7", 0, 7, "up_to"),
    ("about 280", 280, 280, "about"),
    ("around 50", 50, 50, "about"),
    ("approximately 280", 280, 280, "about"),
    ("nearly 200", 200, 200, "about"),
    ("some 30", 30, 30, "about"),
    ("between 30 and 40", 30, 40, "about"),
    ("dozens", 12, None, "vague"),
    ("hundreds", 100, None, "vague"),
    ("several", 3, None, "vague"),
    ("a few", 3, None, "vague"),
    ("many", 10, None, "vague"),
    ("scores", 10, None, "vague"),
    ("no", 0, 0, "exactly"),
    ("a 25-year-old", 1, 1, "exactly"),  # the article counts one person, not 25
    ("more than twenty-five", 26, None, "more_than"),
]


@pytest.mark.parametrize("text,low,high,qualifier", ROWS)
def test_parse_quantity(text, low, high, qualifier):
    q = parse_quantity(text)
    assert q is not None, text
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text", ["in her 20s", "at 10:30 p.m.", "in 2012", "the", "since May", "25-year-old"]
)
def test_not_a_count(text):
    assert parse_quantity(text) is None
