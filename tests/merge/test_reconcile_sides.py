"""Groups of one side name the same victims across reports: one report's "boy" is another's
"student" (children, civilians), one's "suspect" another's "gunman" (suspects, militants). Across
articles the largest count of a side stands and sides add up; one article that counts both groups
itself ("a woman and her two children") still gives its own total."""

from __future__ import annotations

import pytest

from sitrep.merge.reconcile import ClaimEntry, build_figure, fold_echoes
from support.claims import killed_entry


def said(aid: str, n: int, group: str, quote: str) -> ClaimEntry:
    return killed_entry(aid, n, n, group=group, who="police", pub="2024-05-04", quote=quote)


def best(*entries: ClaimEntry) -> int | None:
    return build_figure(fold_echoes(list(entries), {})).best


# kind, claims of two articles, the incident's best figure
ROWS = [
    (
        "a boy in one report, a student in another: one victim",
        [
            said("a", 1, "children", "A 14-year-old boy was killed."),
            said("b", 1, "civilians", "A student died."),
        ],
        1,
    ),
    (
        "a suspect in one report, the gunman in another: one death",
        [said("a", 1, "suspects", "The suspect was killed."), said("b", 1, "militants", "The gunman died.")],
        1,
    ),
    (
        "the larger count of a side stands",
        [said("a", 1, "children", "A girl was killed."), said("b", 3, "civilians", "Three residents died.")],
        3,
    ),
    (
        "different sides add up",
        [said("a", 2, "police", "Two officers were killed."), said("b", 1, "civilians", "A resident died.")],
        3,
    ),
]


@pytest.mark.parametrize("kind,entries,want", ROWS, ids=[r[0] for r in ROWS])
def test_a_side_counts_once_across_reports(kind, entries, want):
    assert best(*entries) == want


def test_one_article_that_counts_both_groups_keeps_its_total():
    one = [
        said("a", 1, "people", "A woman and her two children were killed."),
        said("a", 2, "children", "A woman and her two children were killed."),
    ]
    assert best(*one) == 3
