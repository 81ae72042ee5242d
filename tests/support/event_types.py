"""One sentence through the product's extraction, for the event typing tests (issue 14)."""

from __future__ import annotations

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.records import Document


def sentence_mentions(text: str, published: str = "2026-03-02") -> list:
    """The incident mentions ``extract_articles`` finds in ``text`` as a one-sentence article."""
    art = clean_document(Document(input="t.txt", text=text, format="txt", published=published), "t")
    return extract_articles([art])["t"].mentions


def check_typed(text: str, sub: str) -> None:
    """The sentence's first mention has type ``sub``, is political, and carries a confidence and a
    runner-up type."""
    mentions = sentence_mentions(text)
    assert mentions, "no incident mention"
    m = mentions[0]
    assert (m.sub_event_type, m.political) == (sub, True)
    assert 0.0 <= m.type_confidence <= 1.0 and m.type_runner_up not in (None, sub)
