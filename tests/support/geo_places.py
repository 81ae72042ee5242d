"""Place mentions of one written article as ``sitrep geoparse`` resolves them (real spaCy, real gazetteer)."""

from __future__ import annotations

from sitrep.clean import clean_document
from sitrep.geo.geoparse import article_places
from sitrep.records import Document


def places(text: str, gaz, nlp, url: str | None = None) -> dict[str, object]:
    """The resolved Location of each mention of ``text``, by the mention as written."""
    article = clean_document(Document(input="t.txt", text=text, format="txt", url=url), "t")
    return {m.text: m.resolved for m in article_places(article, gaz, nlp)}
