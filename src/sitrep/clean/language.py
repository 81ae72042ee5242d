"""Which language an article is in (py3langid, whose model ships inside the package).

>>> detect_language("Le président a déclaré que l'armée était prête à intervenir.")[0]
'fr'
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 400  # a few sentences name the language reliably; more costs time, not accuracy
# Words that only English uses this often: when they make up a large share of the opening words,
# the text is English and the statistical model (the costliest step of cleaning) is not needed.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "that",
        "for",
        "with",
        "on",
        "was",
        "were",
        "said",
        "has",
        "have",
        "had",
        "by",
        "from",
        "it",
        "at",
        "is",
        "are",
        "be",
        "this",
        "which",
        "after",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "not",
        "but",
        "who",
        "been",
        "its",
        "would",
        "will",
        "than",
        "more",
        "also",
        "a",
        "an",
        "in",
        "as",
        "or",
        "into",
        "about",
        "over",
        "there",
        "when",
        "all",
        "one",
        "two",
        "people",
        "says",
        "could",
        "since",
    ]
)
WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_share(text: str, n: int = 60) -> float:
    """Share of the first ``n`` words that are common English words.  ``english_share("the cat")`` -> 0.5"""
    words = WORDS.findall(text[: SAMPLE_CHARS * 2])[:n]
    return sum(w.lower() in ENGLISH_WORDS for w in words) / len(words) if words else 0.0


def detect_language(text: str) -> tuple[str | None, float]:
    """ISO 639-1 code and probability; (None, 0.0) when there are no letters to judge by."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < 3:
        return None, 0.0
    share = english_share(text)
    if share >= 0.25:
        return "en", 1.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)
