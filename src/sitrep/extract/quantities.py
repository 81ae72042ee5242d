"""Numbers as news reports write them, with the contract's qualifier rules.

>>> parse_quantity("more than 30")
Quantity(low=31, high=None, qualifier='more_than', text='more than 30', start=0, end=12)
>>> parse_quantity("dozens").low, parse_quantity("dozens").qualifier
(12, 'vague')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.vocab import CARDINALS

# Number words; "a"/"an"/"one"/"single" count one person ("a woman was wounded").
UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "nobody": 0,
    "a": 1,
    "an": 1,
    "single": 1,
    **CARDINALS,
    "both": 2,
    "couple": 2,
    "pair": 2,
    "twin": 2,
    "twins": 2,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# No count of people in one report is larger (the world has about eight billion people); a bigger
# number is a typo, a hoax or an attack on the store's integer columns: its text is kept, not its value.
MAX_COUNT = 100_000_000
# Exact collective words.
EXACT_WORDS = {
    "dozen": 12,
    "a dozen": 12,
    "half a dozen": 6,
    "half-dozen": 6,
    "a half-dozen": 6,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
    "a score of": 20,
}
# Vague words: the ACLED codebook's conservative low, high open (CONTRACT.md).
VAGUE_WORDS = {
    "dozens": 12,
    "scores": 10,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10000,
    "hundreds of thousands": 100_000,
    "millions": 1_000_000,
    "several": 3,
    "a few": 3,
    "few": 3,
    "many": 10,
    "numerous": 10,
    "multiple": 2,
    "a number of": 3,
    "a handful of": 3,
    "a handful": 3,
    "countless": 10,
}
# Qualifier phrases that stand before a number (longest first when matching).
QUALIFIERS = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "above": "more_than",
    "just over": "more_than",
    "well over": "more_than",
    "up to": "up_to",
    "at most": "up_to",
    "as many as": "up_to",
    "no more than": "up_to",
    "fewer than": "up_to",
    "less than": "up_to",
    "under": "up_to",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "approx.": "about",
    "just under": "about",
    "an approximate": "about",
}
_QUAL_RE = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((re.escape(q) for q in VAGUE_WORDS), key=len, reverse=True))
_EXACT_RE = "|".join(sorted((re.escape(q) for q in EXACT_WORDS), key=len, reverse=True))
_WORD = "|".join(sorted(list(UNITS) + list(MULTIPLIERS) + ["and"], key=len, reverse=True))
_WORDNUM_RE = rf"(?:{_WORD})(?:[\s-]+(?:{_WORD}))*"
_DIGITS_RE = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand|hundred))?"
# Ages, decades, times, ordinals and years are not counts of people.
_NOT_COUNT = re.compile(
    r"\d+(?:-|\s)(?:years?|months?|weeks?|days?)(?:-|\s)olds?|\d+s\b|\d+:\d+|\d+(?:st|nd|rd|th)\b"
    r"|\d+\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b1[89]\d\d\b|\b20\d\d\b|\d+-(?:year|month|week|day)\b",
    re.I,
)
_NUMBER_RE = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_QUAL_RE})\s+)?(?:"
    rf"(?:between\s+)?(?P<rlow>\d[\d,]*|{_WORDNUM_RE})\s*(?:-|–|to|or|and)\s*(?P<rhigh>\d[\d,]*|{_WORDNUM_RE})(?=\W|$)"
    rf"|(?P<vague>{_VAGUE_RE})|(?P<exact>{_EXACT_RE})|(?P<digits>{_DIGITS_RE})|(?P<words>{_WORDNUM_RE}))(?![\w-])",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    """A parsed count: ``low``..``high`` (``None`` = open) and how the text qualified it."""

    low: int | None
    high: int | None
    qualifier: str
    text: str
    start: int = 0
    end: int = 0


def words_to_int(text: str) -> int | None:
    """``"twenty-five"`` -> 25, ``"two hundred and ten"`` -> 210, ``"1,200"`` -> 1200."""
    text = text.lower().replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|thousand|hundred)?", text)
    if m:
        if len(m.group(1)) > 12:  # past any count, and float() of 400 digits is infinite
            return MAX_COUNT + 1
        return int(float(m.group(1)) * MULTIPLIERS.get(m.group(2) or "", 1))
    return sum_words(re.split(r"[\s-]+", text), UNITS, MULTIPLIERS, "and")


def sum_words(words: list[str], units: dict, multipliers: dict, joiner: str) -> int | None:
    """The number a run of number words names, in any language whose tables are given
    (``["two", "hundred", "and", "ten"]`` -> 210); None when a word is no number word."""
    total, current, seen = 0, 0, False
    for word in words:
        if word == joiner:
            continue
        if word in units:
            current += units[word]
        elif word in multipliers:
            current = max(current, 1) * multipliers[word]
            if multipliers[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def implausible(n: int | None) -> bool:
    """A count no report of people could make (``implausible(3_000_000_000)`` -> True)."""
    return n is not None and not 0 <= n <= MAX_COUNT


def qualifier_bounds(n: int, qualifier: str) -> tuple[int | None, int | None]:
    if qualifier == "at_least":
        return n, None
    if qualifier == "more_than":
        return n + 1, None
    if qualifier == "up_to":
        return 0, n
    return n, n


def parse_quantity(text: str) -> Quantity | None:
    """The first count of people in ``text``, or ``None``; ages, times and years are skipped.

    >>> parse_quantity("at least 60").low, parse_quantity("up to 5").high
    (60, 5)
    """
    masked = _NOT_COUNT.sub(lambda m: "#" * len(m.group()), text)
    for m in _NUMBER_RE.finditer(masked):
        qual_word = (m.group("qual") or "").lower()
        qualifier = QUALIFIERS.get(qual_word, "exactly")
        if m.group("rlow"):
            low, high = words_to_int(m.group("rlow")), words_to_int(m.group("rhigh"))
            if implausible(low) or implausible(high):
                return _as_text(text, m)
            if low is None or high is None or low >= high:
                # not a range: "twenty-five", "two hundred and ten"
                body = text[m.start("rlow") : m.end("rhigh")]
                n = words_to_int(body)
                if n is None:
                    continue
                if implausible(n):
                    return _as_text(text, m)
                low, high = qualifier_bounds(n, qualifier)
                return Quantity(low, high, qualifier, text[m.start() : m.end()], m.start(), m.end())
            if qualifier == "up_to":
                low = 0
            q = "about" if qualifier == "exactly" else qualifier
            return Quantity(
                low,
                high if qualifier not in ("at_least", "more_than") else None,
                q,
                text[m.start() : m.end()],
                m.start(),
                m.end(),
            )
        if m.group("vague"):
            n = VAGUE_WORDS[m.group("vague").lower()]
            return Quantity(n, None, "vague", text[m.start() : m.end()], m.start(), m.end())
        if m.group("exact"):
            n = EXACT_WORDS[m.group("exact").lower()]
        else:
            n = words_to_int(m.group("digits") or m.group("words"))
            if n is None:
                continue
            if implausible(n):
                return _as_text(text, m)
        if qual_word == "some" and n <= 1:  # "some one" is not a count
            qualifier = "exactly"
        low, high = qualifier_bounds(n, qualifier)
        return Quantity(low, high, qualifier, text[m.start() : m.end()], m.start(), m.end())
    return None


def _as_text(text: str, m: re.Match) -> Quantity:
    """An implausible number: the words are kept as the claim's text, the count stays unknown."""
    return Quantity(None, None, "none", text[m.start() : m.end()], m.start(), m.end())
