"""The selective parse remembers the rule lemmatizer's answers (issue 15): the lemmas are the
same whether the memo is cold, warm or too small to keep anything, and it stays within its bound."""

from __future__ import annotations

import pytest

from sitrep.extract import selective
from sitrep.extract.pipeline import make_doc
from sitrep.extract.selective import is_parsed, lemma_memo, parse_selective

# Written for this test: inflected forms (plural nouns, past and present verbs, comparatives) that
# repeat across sentences, so a warm memo answers most of them.
TEXTS = [
    "Two gunmen shot three villagers, who were wounded, and the villagers' houses were burned.",
    "The wounded villagers said the gunmen had been shooting for hours before soldiers arrived.",
    "Soldiers killed four attackers; the attackers' bodies were taken to larger towns nearby.",
    "Police said the shootings were the deadliest attacks the towns had seen in years.",
]


def _lemmas(nlp) -> list[list[str]]:
    docs = parse_selective(nlp, (make_doc(nlp, t) for t in TEXTS))
    return [[t.lemma_ for s in d.sents if is_parsed(s) for t in s] for d in docs]


@pytest.fixture
def cold(nlp):
    lemma_memo(nlp).clear()
    yield lemma_memo(nlp)
    lemma_memo(nlp).clear()


def test_cold_warm_and_unkept_memos_give_the_same_lemmas(nlp, cold, monkeypatch):
    first = _lemmas(nlp)
    assert cold, "the parse fills the memo"
    assert _lemmas(nlp) == first  # warm: answered from the memo
    cold.clear()
    monkeypatch.setattr(selective, "LEMMA_MEMO", 1)  # cleared before nearly every new word
    assert _lemmas(nlp) == first


@pytest.mark.parametrize("bound", [3, 10, 40])
def test_the_memo_stays_within_its_bound(nlp, cold, monkeypatch, bound):
    monkeypatch.setattr(selective, "LEMMA_MEMO", bound)
    _lemmas(nlp)
    assert 0 < len(cold) <= bound


@pytest.mark.parametrize(
    ("sentence", "word", "lemma"),
    [
        ("Gunmen shot two farmers and wounded three others.", "wounded", "wound"),
        ("Two farmers were killed by gunmen.", "farmers", "farmer"),
        ("The attackers fled after the shootings.", "shootings", "shooting"),
    ],
)
def test_lemmas_from_a_warm_memo_are_the_words_own(nlp, cold, sentence, word, lemma):
    for _ in range(2):  # cold, then warm
        doc = next(parse_selective(nlp, [make_doc(nlp, sentence)]))
        assert {t.lemma_ for t in doc if t.text == word} == {lemma}
