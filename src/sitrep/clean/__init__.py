r"""Clean: strip site furniture, keep credit lines as metadata, keep an offset map to the raw text.

    >>> from sitrep.records import Document
    >>> doc = Document(input="a.txt", text="By Jane Doe, Reuters\n\nTen died.", format="txt")
    >>> article = clean_document(doc, article_id="a")
    >>> article.clean_text, article.outlet, article.author, article.offsets.to_raw(0)
    ('Ten died.', 'Reuters', 'Jane Doe', 22)

Interface (owned by the clean stage):
- ``clean_document(doc: Document, article_id: str) -> Article`` (pure): sets clean_text,
  offsets, credits, removed, outlet/author from credit lines when the document has none,
  language/is_english and content_hash (normalised: whitespace and case folded, furniture
  removed, so the same story with other furniture hashes the same).
"""

from sitrep.clean.document import clean_document  # noqa: F401
