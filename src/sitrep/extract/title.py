"""Figures read from an article's title, where the title is not part of its text.

Many pages give the toll in the headline only ("Four injured in drive-by shooting") and tell the
story with "the victims" in the body. ``extract/toll.py`` counts a title's figure of a kind only
when the body states none of that kind (the body's own count is the fuller one: a headline
rounds, merges other shootings and reports later developments). A title claim has no span in
the text (``in_title``, ``span`` and ``quote_span`` None) and quotes the title.

    >>> title_claims(article, nlp(article.title), find_claims)   # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sitrep.records import Article, ArticleExtraction, Claim


def needs_title(article: Article) -> bool:
    """A title the text does not already carry (some sources prepend it to the text)."""
    title = _flat(article.title or "")
    return bool(title) and title not in _flat(article.clean_text[: len(article.title or "") + 400])


def title_text(article: Article) -> str:
    """The title as the parser reads it best: a Title-Cased Headline ("Teen Killed After
    Accidental Shooting") in sentence case, where the parser would take every word for a name;
    the same length, so a claim's span reads its words in the title as written."""
    title = article.title or ""
    words = re.findall(r"[A-Za-z]{4,}", title)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.6 * len(words):
        return title
    return title[:1] + title[1:].lower()


def title_claims(article: Article, doc, find_claims: Callable) -> list[Claim]:
    """The claims of the parsed title ``doc``, marked as the title's; none from a title over
    several shootings or a running total ("15 wounded, including 2 children, in shootings
    citywide" names no one incident), no subsets (never counted)."""
    found = [c for sent in doc.sents for c in find_claims(sent, article.article_id)]
    if any(c.scope != "incident" for c in found):
        return []
    out = []
    for c in found:
        if not c.subset:
            out.append(
                c.model_copy(
                    update={
                        "in_title": True,
                        "text": article.title[c.span[0] : c.span[1]] if c.span else c.text,
                        "span": None,
                        "quote_span": None,
                        "quote": article.title,
                        "claim_id": f"{article.article_id}#t{len(out) + 1}",
                        "article_id": article.article_id,
                        "language": c.language or article.language,
                    }
                )
            )
    return out


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def add_title_claims(ex: ArticleExtraction, claims: list[Claim]) -> None:
    """The title's claims go to the article's main incident (its first mention not told in
    passing), which the title names."""
    main = next((m for m in ex.mentions if not m.in_passing), ex.mentions[0] if ex.mentions else None)
    if main is not None:
        main.claims[:0] = claims
