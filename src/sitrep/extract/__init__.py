"""Extract: every incident an article reports, with type, date, places, actors and figure claims.

    >>> extractions = extract_articles(articles)        # {article_id: ArticleExtraction}

Interface (owned by the extract stage):
- ``extract_articles(articles: list[Article]) -> dict[str, ArticleExtraction]``: runs spaCy once
  over the clean texts (``nlp.pipe``), all spans mapped back to raw offsets.
- ``EXTRACTOR_VERSION``: bump when output changes, so the store's cached extractions are redone.
Sub-modules: ``quantities`` (numbers and qualifiers), ``figures`` (casualty claims), ``claimants``
(who said so), ``dates`` (resolve against the publication date), ``event_types`` (ACLED typing),
``actors`` (actor dictionary), ``incidents`` (splitting an article into incident mentions).
"""

from sitrep.extract.pipeline import EXTRACTOR_VERSION, extract_articles  # noqa: F401
