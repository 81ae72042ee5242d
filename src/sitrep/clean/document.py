"""Clean one Document into an Article: furniture deleted, credits kept as metadata, offsets kept.

>>> art = clean_document(Document(input="a.txt", text="Ten died.\\n\\nShare this article", format="txt"), "a")
>>> art.clean_text, art.offsets.to_raw(0)
('Ten died.', 0)
"""

from __future__ import annotations

import hashlib

from sitrep.clean.credits import find_credits, outlet_and_author
from sitrep.clean.furniture import find_furniture
from sitrep.clean.language import detect_language
from sitrep.clean.offsets import compose, delete_spans, whitespace_spans
from sitrep.clean.published import read_published
from sitrep.records import Article, Document, Removed


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace and case folded.  ``content_hash("A  b") == content_hash("a b")``"""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def titled_hash(article: Article) -> str:
    """The hash of the title and the text: for a text another article has under another title
    (a sign-in form or a video list around each page's headline), which makes it another article."""
    return content_hash(f"{article.title or ''}\n{article.clean_text}")


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def clean_document(doc: Document, article_id: str) -> Article:
    """The Article for ``doc``: clean text (raw characters deleted, never changed) and its offset map."""
    raw = doc.text
    credits = find_credits(raw)
    credit_spans = [c.span for c in credits]
    removed = [Removed(span=c.span, kind=c.kind) for c in credits]
    removed += [r for r in find_furniture(raw) if not _overlaps(r.span, credit_spans)]
    removed.sort(key=lambda r: r.span)
    mid, to_raw = delete_spans(raw, [r.span for r in removed])
    clean, to_mid = delete_spans(mid, whitespace_spans(mid))
    offsets = compose(to_raw, to_mid)

    notes = list(doc.notes)
    found_outlet, found_author = outlet_and_author(credits)
    outlet = doc.outlet
    if "outlet" not in doc.from_manifest and found_outlet and found_outlet != doc.outlet:
        # A credit line names the story's source; a site name only its republisher.
        if doc.outlet:
            notes.append(
                f"outlet {found_outlet!r} from the article's credit line (the page said {doc.outlet!r})"
            )
        outlet = found_outlet
    author = doc.author or found_author
    published, why = read_published(doc.published)
    if why:
        notes.append(why)
    language, _prob = detect_language(clean)
    return Article(
        article_id=article_id,
        input=doc.input,
        format=doc.format,
        raw_text=raw,
        clean_text=clean,
        offsets=offsets,
        title=doc.title,
        outlet=outlet,
        author=author,
        published=published,
        url=doc.url,
        language=language,
        is_english=language == "en",
        content_hash=content_hash(clean),
        credits=credits,
        removed=removed,
        notes=notes,
    )
