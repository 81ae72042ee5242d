"""Issue 12, speed of geo: the whole-word test, the list-neighbour lookups and the division reverse
lookup read precomputed sets and maps; they must answer as the scans they replace did (real
gazetteer file, real spaCy; new sentences)."""

from __future__ import annotations

import re

import pytest

from sitrep.geo.recognise import written_in
from support.geo_places import places

TEXT = "A man was shot near O'Brien's bar; the turkey farm in Zürich-Nord closed. Man-made dams held."

# word, as the per-candidate regex \bword\b answered it
WORDS = ["man", "turkey", "zürich", "nord", "o'brien", "brien", "made", "dam", "held", "bar;", "shot near"]


@pytest.mark.parametrize("word", WORDS)
def test_whole_word_test_answers_as_the_regex(word):
    want = re.search(rf"\b{re.escape(word)}\b", TEXT) is not None
    assert written_in(TEXT, word) == want


# kind, sentence, mention, a place (True) or not (False)
ROWS = [
    (
        "capitalised common word opening a sentence",
        "Hope faded overnight. Rescuers said hope was gone by noon.",
        "Hope",
        False,
    ),
    (
        "town in a list the tagger may read as people",
        "Storms flooded Ashland, Medford and Grants Pass overnight.",
        "Medford",
        True,
    ),
    ("town after its division, state read back", "Flooding hit Tulsa, Oklahoma, on Sunday.", "Tulsa", True),
]


@pytest.mark.parametrize("kind,text,mention,is_place", ROWS, ids=[r[0] for r in ROWS])
def test_recognition_kinds_kept(kind, text, mention, is_place, gaz, nlp):
    found = places(text, gaz, nlp)
    assert (mention in found) == is_place, f"{kind}: {sorted(found)}"


def test_division_reverse_lookup_matches_a_scan(gaz):
    for (cc, name), keys in gaz.admin1_keys.items():
        assert keys == [k for k, p in gaz.admin1s.items() if k[0] == cc and p.name == name]
    assert sum(map(len, gaz.admin1_keys.values())) == len(gaz.admin1s)
