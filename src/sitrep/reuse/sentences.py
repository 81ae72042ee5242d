"""Cheap sentence splitting, normalisation and the facts (numbers, names) a rewrite keeps.

>>> [s.text for s in split_sentences("Two men died on Monday. Gen. Smith said 3 more were hurt.")]
['Two men died on Monday.', 'Gen. Smith said 3 more were hurt.']
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from sitrep.vocab import CARDINALS, MONTHS, WEEKDAYS

# A regex splitter, not a parser: the reuse stage splits every article, so it must be cheap.
_BOUNDARY = re.compile(r"""(?<=[.!?])["”’)\]]*\s+(?=["“‘(\[]?[A-Z0-9])""")
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "st",
    "no",
    "vs",
    "rep",
    "sen",
    "gov",
    "prof",
    "jr",
    "sr",
    "inc",
    "co",
    "corp",
    "ltd",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "e.g",
    "i.e",
    "approx",
    "est",
    "fig",
}
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS = 5  # shorter lines ("WIDENING INSECURITY", "/", "Published") are furniture or headings


@dataclass(frozen=True)
class Sentence:
    """One sentence of a clean text: ``text == clean_text[start:end]``."""

    start: int
    end: int
    text: str

    @property
    def n_words(self) -> int:
        return len(_WORD.findall(self.text))


def split_sentences(text: str, min_words: int = MIN_WORDS) -> list[Sentence]:
    """Sentences of ``text`` with at least ``min_words`` words, by line breaks and end punctuation.

    >>> len(split_sentences("Hello there.\\n/\\nIt rained in Bamako on Monday night."))
    1
    """
    out: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group()
        cuts = [0]
        for m in _BOUNDARY.finditer(chunk):
            # only the last word matters: a window longer than any abbreviation decides as the
            # whole line would, without scanning the line again at each boundary
            before = chunk[max(0, m.start() - 40) : m.start()].rstrip('"”’)]')
            last = _LAST_WORD.search(before)
            if last and (last.group(1).lower() in _ABBREV or len(last.group(1)) == 1):
                continue  # "Gen. Smith", "J. Smith": not a boundary
            cuts.append(m.end())
        cuts.append(len(chunk))
        for a, b in zip(cuts, cuts[1:]):
            piece = chunk[a:b]
            stripped = piece.strip()
            if not stripped:
                continue
            s = base + a + (len(piece) - len(piece.lstrip()))
            sent = Sentence(s, s + len(stripped), stripped)
            if sent.n_words >= min_words:
                out.append(sent)
    return out


def normalise(text: str) -> str:
    """Case-, quote- and space-folded text: the form copies share.

    >>> normalise("Mali’s  ARMY said")
    "mali's army said"
    """
    t = unicodedata.normalize("NFKC", text).lower()
    return _SPACES.sub(" ", t.translate(_FOLD)).strip()


_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACES = re.compile(r"\s+")


def sentence_key(text: str) -> str:
    """Cache key of a sentence: a hash of its normalised text.

    >>> len(sentence_key("Two died."))
    40
    """
    return key_of_normalised(normalise(text))


def key_of_normalised(norm: str) -> str:
    """``sentence_key`` of a text already ``normalise``d."""
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters only)."""
    return [w.lower() for w in _WORD.findall(normalise(text))]


_NUMBER_WORDS = {**CARDINALS, "hundred": 100, "dozen": 12}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def numbers(text: str, words: bool = True) -> set[int]:
    """The numbers a sentence states, digits or English words ("ten" == "10"); years included.
    ``words=False``: digits only (what a sentence and its translation both write the same way).

    >>> sorted(numbers("at least 60 soldiers and ten others, 1,200 in all"))
    [10, 60, 1200]
    """
    found = set()
    for m in _NUMBER.finditer(text):
        digits = m.group().replace(",", "").split(".")[0]
        if digits:
            found.add(int(digits))
    for w in _WORD.findall(text.lower()) if words else ():
        if w in _NUMBER_WORDS and w not in ("dozen", "hundred", "one"):
            found.add(_NUMBER_WORDS[w])  # "one" and "dozens" are too often not a figure
    return found


_CAP = re.compile(r"\b[A-Z][\w’'-]*[\w]")
_NOT_NAMES = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "as",
    "after",
    "before",
    "according",
    *WEEKDAYS,
    *MONTHS,
    "last",
    "one",
    "two",
    "some",
    "all",
    "many",
    "however",
    "while",
    "when",
    "of",
    "for",
    "with",
    "by",
    "from",
    "if",
    "mr",
    "mrs",
    "ms",
}


def names(text: str) -> set[str]:
    """Capitalised words that are not sentence furniture: the names a rewrite must keep.

    >>> sorted(names("Then JNIM attacked Boulkessi, near Burkina Faso, on Sunday."))
    ['boulkessi', 'burkina', 'faso', 'jnim']
    """
    out = set()
    lead = len(text) - len(text.lstrip(" \"“‘'("))
    for m in _CAP.finditer(text):
        if m.start() <= lead:
            continue  # the first word is capitalised anyway
        w = re.sub(r"['’]s$", "", m.group()).lower()
        for part in w.split("-"):
            if len(part) > 2 and part not in _NOT_NAMES:
                out.add(part)
    return out


_PHRASE = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+")


def name_phrases(text: str) -> set[str]:
    """Runs of two or more capitalised words ("Rida Lyammouri", "Burkina Faso"): far rarer than
    their single words, so the blocking keys that scale best.

        >>> sorted(name_phrases("The Malian army said Rida Lyammouri of the Policy Centre spoke."))
        ['policy centre', 'rida lyammouri']
    """
    out = set()
    for m in _PHRASE.finditer(text):
        parts = [w.lower() for w in m.group().split()]
        while parts and parts[0] in _NOT_NAMES:
            parts.pop(0)
        if len(parts) >= 2:
            out.add(" ".join(parts))
    return out
