"""Parse only what matters (issue 15): sentences that may carry an incident get spaCy's full
pipeline, the rest only its sentence splitter and NER, and extraction reads the same."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import pipeline
from sitrep.extract.figures import find_claims
from sitrep.extract.pipeline import extract_articles, make_doc
from sitrep.extract.selective import is_parsed, lemma_guesser, may_carry, parse_selective
from sitrep.records import Document

# Written for this test: a report whose middle paragraphs tell nothing of the incident.
STORY = (
    "Two men were wounded in a shooting outside a bakery in Portland on Saturday night, police said.\n\n"
    "The bakery opened on Elm Street in 1998 and is run by the Marchetti family.\n\n"
    "Neighbours described the street as quiet. The city council will discuss new lighting "
    "for Elm Street next month.\n\n"
    "Both victims were taken to Providence Hospital in stable condition.\n\n"
    "Mayor Alana Brooks visited the bakery on Sunday morning and spoke with the owners."
)
CALM = "The library reopened after its renovation. Visitors admired the new reading room in Lisbon."


def _article(article_id: str, text: str, published: str = "2026-03-09"):
    doc = Document(
        input=f"{article_id}.txt", text=text, format="txt", article_id=article_id, published=published
    )
    return clean_document(doc, article_id)


def _selective(nlp, text: str):
    return next(parse_selective(nlp, [make_doc(nlp, text)]))


def _full(nlp, text: str):
    return next(nlp.pipe([make_doc(nlp, text)]))


@pytest.mark.parametrize(
    ("sentence", "carries"),
    [
        ("Three villagers were slain near the well.", True),  # irregular form of a trigger verb
        ("The driver was flown to a trauma centre.", True),  # carried to hospital, irregular
        ("Gunmen took two aid workers hostage.", True),
        ("A fatality was reported on the ring road.", True),
        ("Protesters marched to the ministry.", True),  # an event cue, no casualty word
        ("The bakery opened on Elm Street in 1998.", False),
        ("The council will discuss new lighting next month.", False),
        ("She thanked her neighbours for the flowers.", False),
    ],
)
def test_which_sentences_get_the_full_pipeline(nlp, sentence, carries):
    doc = nlp.get_pipe("senter")(nlp.make_doc(sentence))
    assert may_carry(doc[:], lemma_guesser(nlp)) is carries


def test_the_selective_doc_keeps_text_tokens_and_entities(nlp):
    full, sel = _full(nlp, STORY), _selective(nlp, STORY)
    assert sel.text == STORY
    assert [t.text for t in sel] == [t.text for t in full]
    assert [(e.text, e.label_) for e in sel.ents] == [(e.text, e.label_) for e in full.ents]
    assert [s.text for s in sel.sents] == [s.text for s in full.sents]


def test_a_sentence_with_no_cue_keeps_its_places_but_is_not_parsed(nlp):
    sel = _selective(nlp, STORY)
    quiet = next(s for s in sel.sents if s.text.startswith("The bakery opened"))
    assert not is_parsed(quiet)
    assert not any(t.dep_ for t in quiet)  # no parse was made for it
    assert "Elm Street" in [e.text for e in sel.ents if quiet.start <= e.start < quiet.end]


def test_a_cue_sentence_keeps_its_parse_and_claims(nlp):
    full, sel = _full(nlp, STORY), _selective(nlp, STORY)
    for k, (a, b) in enumerate(zip(full.sents, sel.sents)):
        if not b.text.startswith(("Two men", "Both victims")):
            continue
        assert is_parsed(b)
        assert [(t.dep_, t.head.i, t.tag_, t.lemma_) for t in b] == [
            (t.dep_, t.head.i, t.tag_, t.lemma_) for t in a
        ]
        claims = [(c.what, c.low, c.high) for c in find_claims(b)]
        assert claims and claims == [(c.what, c.low, c.high) for c in find_claims(a)], k


def test_an_article_with_no_cue_is_read_by_senter_and_ner_only(nlp):
    sel = _selective(nlp, CALM)
    assert not any(is_parsed(s) for s in sel.sents)
    assert "Lisbon" in [e.text for e in sel.ents]


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        CALM,
        "Soldiers clashed with militants near Gao on Tuesday, killing four fighters, the army said.\n\n"
        "The town lies on the Niger river. Its market draws traders from across the region.\n\n"
        "A spokesman said two soldiers were injured and evacuated to Bamako.",
        "Heading without a full stop\n\nA woman, 34, was shot dead in her car on Friday. "
        "The street was reopened in the afternoon. Detectives appealed for witnesses.",
    ],
)
def test_extraction_is_the_same_as_from_the_full_parse(nlp, gaz, monkeypatch, text):
    article = _article("sel-1", text)
    selective = extract_articles([article], nlp=nlp, gazetteer=gaz)
    monkeypatch.setattr(pipeline, "SELECTIVE", False)
    full = extract_articles([article], nlp=nlp, gazetteer=gaz)
    assert selective["sel-1"].model_dump() == full["sel-1"].model_dump()
