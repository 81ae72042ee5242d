"""The indexed attribute rules give every token the POS, morphology and lemma spaCy's own ruler gives."""

from pathlib import Path

import pytest

from sitrep.models import load_spacy

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds" / "articles"

# The ruler's exceptions (multi-token rules, rules on the dependency, regex rules) next to news prose.
TRICKY = [
    "I'm gonna go, and we gotta win. Let's see what he gets; she got it. There is a man, there're two.",
    "He didn't say. They don't know. It isn't over and it won't be, wasn't it?",
    "  \n\n  spaced   out\t\ttext  ",
]


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def test_fast_rules_replace_the_stock_ruler():
    assert "sitrep_attribute_rules" in load_spacy().pipe_names
    assert "attribute_ruler" not in load_spacy().pipe_names
    assert "attribute_ruler" in load_spacy(stock=True).pipe_names


@pytest.mark.parametrize(
    "texts",
    [TRICKY, [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]],
    ids=["exceptions", "seed articles"],
)
def test_same_annotations_as_spacy_own_ruler(texts):
    fast, stock = _annotations(load_spacy(), texts), _annotations(load_spacy(stock=True), texts)
    assert sum(len(d) for d in fast) > 20
    assert fast == stock
