"""Dates resolved against the publication date (table-driven)."""

from __future__ import annotations

import pytest

from sitrep.extract.dates import find_dates, resolve_date

TUE = "2025-06-03"  # a Tuesday
MON = "2025-06-02"  # a Monday

ROWS = [
    # words, published, start, end, precision
    ("on Sunday", TUE, "2025-06-01", "2025-06-01", "day"),
    ("on Monday", TUE, "2025-06-02", "2025-06-02", "day"),
    ("on Monday", MON, "2025-06-02", "2025-06-02", "day"),  # same-day wire copy
    ("on Tuesday", MON, "2025-06-03", "2025-06-03", "day"),  # the day after: tomorrow, not 6 days ago
    ("last Tuesday", MON, "2025-05-27", "2025-05-27", "day"),
    ("last Friday", MON, "2025-05-30", "2025-05-30", "day"),
    ("last Monday", MON, "2025-05-26", "2025-05-26", "day"),  # 'last' is strictly before
    ("Sunday's attack", MON, "2025-06-01", "2025-06-01", "day"),
    ("on Monday afternoon", MON, "2025-06-02", "2025-06-02", "day"),
    ("On May 24", MON, "2025-05-24", "2025-05-24", "day"),
    ("24 May", MON, "2025-05-24", "2025-05-24", "day"),
    ("on December 30", "2025-01-04", "2024-12-30", "2024-12-30", "day"),  # previous year
    ("May 24, 2023", MON, "2023-05-24", "2023-05-24", "day"),
    ("2025-05-20", None, "2025-05-20", "2025-05-20", "day"),
    ("in mid-May", MON, "2025-05-11", "2025-05-20", "part_of_month"),
    ("early May", MON, "2025-05-01", "2025-05-10", "part_of_month"),
    ("late May", MON, "2025-05-21", "2025-05-31", "part_of_month"),
    ("the start of May", MON, "2025-05-01", "2025-05-10", "part_of_month"),
    ("the end of February", "2024-03-10", "2024-02-21", "2024-02-29", "part_of_month"),
    ("in May", MON, "2025-05-01", "2025-05-31", "month"),
    ("last week", TUE, "2025-05-26", "2025-06-01", "week"),
    ("this week", TUE, "2025-06-02", "2025-06-03", "week"),
    ("last month", TUE, "2025-05-01", "2025-05-31", "month"),
    ("yesterday", TUE, "2025-06-02", "2025-06-02", "day"),
    ("between 2020 and 2023", TUE, "2020-01-01", "2023-12-31", "year"),
    ("in 2012", TUE, "2012-01-01", "2012-12-31", "year"),
    ("last year", TUE, "2024-01-01", "2024-12-31", "year"),
]


@pytest.mark.parametrize("words,published,start,end,precision", ROWS)
def test_resolve_date(words, published, start, end, precision):
    d = resolve_date(words, published)
    assert (d.start, d.end, d.precision) == (start, end, precision)
    assert d.text and d.text[0] in words


def test_recent_weeks_is_unknown_with_a_window():
    d = resolve_date("in recent weeks", TUE)
    assert d.start is None and d.end is None and d.precision == "unknown"
    assert d.window == ("2025-05-06", TUE)


@pytest.mark.parametrize("words", ["on Sunday", "last Friday", "May 24", "mid-May", "last week"])
def test_without_publication_date_words_are_kept_and_dates_left_null(words):
    d = resolve_date(words, None)
    assert d.start is None and d.end is None
    assert d.relative and d.text == [words] and d.reason


def test_find_dates_marks_running_totals_and_ignores_may_the_verb():
    found = find_dates("killed since the start of May, and it may rain on May 26")
    assert [(f.text, f.since) for f in found] == [("since the start of May", True), ("on May 26", False)]
    assert find_dates("Officials said the toll may rise.") == []


def test_two_dates_in_one_sentence_are_both_found():
    texts = [f.text for f in find_dates("in the Tahoua region on May 24 and the Dosso region on May 26")]
    assert texts == ["on May 24", "on May 26"]


def test_a_part_of_month_not_yet_begun_is_last_years():
    from sitrep.extract.dates import resolve_date

    info = resolve_date("mid-May", "2000-05-01")
    assert (info.start, info.end, info.precision) == ("1999-05-11", "1999-05-20", "part_of_month")
    assert resolve_date("mid-May", "2025-06-02").start == "2025-05-11"
    assert resolve_date("early May", "2025-05-03").start == "2025-05-01"
