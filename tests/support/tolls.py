"""The toll an article's sentences give, read by the product's one toll function (shared by the
figure tests)."""

from __future__ import annotations

from sitrep.extract.figures import find_claims
from sitrep.extract.toll import article_toll


def toll_of(nlp, text: str) -> tuple[int, int]:
    """(killed, wounded) best figures of ``text`` parsed by ``nlp``; 0 where none is told."""
    doc = nlp(text)
    toll = article_toll([c for s in doc.sents for c in find_claims(s)])
    return tuple((toll.get(k) or (0, 0, 0))[1] or 0 for k in ("killed", "wounded"))
