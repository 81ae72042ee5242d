"""The part of the shot who died, and the one hit beside the dead, with real spaCy: each row is a
short report written for this test (no dev-set sentence), then the killed and injured an
attentive reader counts in it; and the night and weekend words of a report's date."""

from __future__ import annotations

import pytest

from sitrep.extract.dates import resolve_date
from support.tolls import toll_of


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        # "one fatally" after a time and a place: one of the shot died, the rest were hurt
        ("Three men were shot late Friday on Garner Road in Pell City, one fatally.", 1, 2),
        ("Five people were shot early Sunday outside a lounge in Marlow, two of them fatally.", 2, 3),
        ("Police said four teens were shot Saturday at a park in Ridgeview, one of them fatally.", 1, 3),
        ("Six people were shot, including one who died, during a party on Elm Court on Saturday.", 1, 5),
        # right after the verb, as before
        ("Two women were shot, one fatally, on Bay Street.", 1, 1),
        # the death of all of them stays a death of all
        ("Two brothers were fatally shot Sunday outside their home in Marlow.", 2, 0),
        # one dead and another hit, told by other nouns in one sentence: two people
        ("A woman was killed and a boy suffered a gunshot wound to the foot Friday in Marlow.", 1, 1),
        ("A driver died and his passenger suffered gunshot wounds in the crash on Route 9.", 1, 1),
        # one person hit who then died: one death, no wound
        ("A 12-year-old boy died Sunday after accidentally shooting himself at a home in Marlow.", 1, 0),
        ("A man suffered a gunshot wound and died at the hospital Friday in Marlow.", 1, 0),
        ("Officers found a man with a gunshot wound on Bay Street, and the man died there.", 1, 0),
    ],
)
def test_the_dead_among_the_shot(nlp, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured)


@pytest.mark.parametrize(
    "words, published, start",
    [
        # a night's shooting told the next day: the early hours of that day
        ("overnight", "2021-03-14", "2021-03-14"),
        ("last night", "2021-03-14", "2021-03-13"),
        # "this weekend" is the weekend published in, or the one just before
        ("this weekend", "2021-03-15", "2021-03-13"),  # a Monday: the weekend just past
        ("this weekend", "2021-03-14", "2021-03-13"),  # a Sunday: its own weekend
        ("last weekend", "2021-03-17", "2021-03-13"),
    ],
)
def test_night_and_weekend_words(words, published, start):
    d = resolve_date(words, published)
    assert d.start == start
    assert d.start <= published  # never a day after the report
