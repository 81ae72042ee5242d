"""The edge of a parsed piece (issue 15): where ``senter`` cuts a sentence without the mark of an
end (a page heading glued to the first sentence), the neighbouring fragment is parsed with it, so
the parser, as in a whole parse, decides where the sentence starts."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import pipeline
from sitrep.extract.pipeline import extract_articles, make_doc
from sitrep.extract.selective import is_parsed, parse_selective
from sitrep.records import Document

# Written for this test: page titles run into the report's first sentence, as scraped pages give.
GLUED = [
    "Maria Lopez, 41 [Updated] - The Crime Desk - Riverton GazetteMaria Lopez, a 41-year-old "
    "woman, died Sunday, two days after she was shot in the 400 block of Cedar Avenue in "
    "Northfield, according to coroner's records. Her sister said she was walking home.",
    "Owen Marsh, 19 [Photos] - Night Beat - Harbor City PostOwen Marsh, a 19-year-old student, "
    "died Friday, a week after he was shot near Pier Road, according to the medical examiner.",
    "Ana Ruiz, 52 [Video] - Metro Crime - Eastport HeraldAna Ruiz, a 52-year-old nurse, was "
    "killed Saturday when a stray bullet struck her car on Mill Road, police said.",
]
# A cut after a full stop stays a cut: the quiet sentence after it is not parsed.
CLEAN = "A man was shot dead on Pier Road on Friday. The bakery on the corner opened in 1998."


def _parses(nlp, text: str):
    selective = next(parse_selective(nlp, [make_doc(nlp, text)]))
    full = next(nlp.pipe([make_doc(nlp, text)]))
    return selective, full


@pytest.mark.parametrize("text", GLUED)
def test_a_glued_heading_is_parsed_with_the_sentence_it_runs_into(nlp, text):
    selective, full = _parses(nlp, text)
    first = next(iter(full.sents))
    assert next(iter(selective.sents)).text == first.text
    assert is_parsed(next(iter(selective.sents)))
    assert [(t.dep_, t.head.i) for t in selective[first.start : first.end]] == [
        (t.dep_, t.head.i) for t in first
    ]


@pytest.mark.parametrize("text", GLUED)
def test_a_glued_heading_gives_the_toll_of_the_whole_parse(nlp, gaz, monkeypatch, text):
    doc = Document(input="g.txt", text=text, format="txt", article_id="g1", published="2026-03-09")
    article = clean_document(doc, "g1")
    selective = extract_articles([article], nlp=nlp, gazetteer=gaz)["g1"]
    monkeypatch.setattr(pipeline, "SELECTIVE", False)
    full = extract_articles([article], nlp=nlp, gazetteer=gaz)["g1"]
    tolls = [[(c.what, c.low) for c in m.claims] for m in selective.mentions]
    assert tolls == [[(c.what, c.low) for c in m.claims] for m in full.mentions]
    assert any(what == "killed" for toll in tolls for what, _ in toll)


def test_a_cut_after_a_full_stop_keeps_the_quiet_sentence_unparsed(nlp):
    selective, _ = _parses(nlp, CLEAN)
    quiet = list(selective.sents)[-1]
    assert quiet.text.startswith("The bakery") and not is_parsed(quiet)
    assert not any(t.dep_ for t in quiet)
