"""The cue filter never drops a cue that matches: it only spares regexes that cannot."""

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.cue_filter import CueFilter, word_starts
from sitrep.extract.event_types import load_cues, norm_text, shared_cue_filter

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds" / "articles"
WORDS = [
    "Militants",
    "ambushed",
    "an",
    "army",
    "patrol",
    "KILLING",
    "riot",
    "police",
    "anti-riot",
    "storm",
    "stormed",
    "re-took",
    "retook",
    "al-Qaeda",
    "kidnappers",
    "tear",
    "gas",
    "teargas",
    "drone",
    "strikes",
    "Air",
    "strike",
    "US",
    "IED",
    "protesters",
    "were",
    "shot",
    "dead",
    "ſhot",
    "Kill",
    "by",
    "a",
    "mob",
]


def _matching(text: str) -> set[str]:
    t = norm_text(text)
    return {name for name, rx in load_cues().items() if rx.search(t)}


def test_word_starts_of_simple_patterns():
    assert word_starts(r"\bkill(?:ed|ing)?\b") == {"kil"}
    assert word_starts(r"\b(?:attack|assault|raid)\w*") == {"att", "ass", "rai"}
    assert word_starts(r"\b(?<!anti-)riot\w*") == {"rio"}
    assert word_starts(r"kill") is None  # no word boundary: may start inside a word
    assert word_starts(r"\bUS\b") is None  # fewer than three fixed letters
    assert word_starts(r"\b[Kk]ill") is None  # a class: not pinned down


def test_filter_keeps_every_matching_cue_on_seed_sentences():
    f = shared_cue_filter()
    sentences = [
        s
        for p in sorted(SEEDS.glob("*.txt"))
        for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8"))
    ]
    assert len(sentences) > 80
    tried = 0
    for s in sentences:
        maybe = f.candidates(norm_text(s))
        assert _matching(s) <= maybe, s
        tried += len(maybe)
    assert tried < 0.5 * len(sentences) * len(load_cues())  # and it does spare most regexes


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.sampled_from([" ", ", ", "-", " '"]))
def test_filter_keeps_every_matching_cue_on_random_text(words, sep):
    text = sep.join(words)
    assert _matching(text) <= shared_cue_filter().candidates(norm_text(text))


def test_a_small_filter():
    f = CueFilter({"kill": [r"\bkill\w*"], "raid": [r"\braid", r"raided"]})
    assert f.candidates("They KILLED two.") == {"kill", "raid"}  # "raided" pins nothing
    assert CueFilter({"kill": [r"\bkill\w*"]}).candidates("a skilled man") == set()
