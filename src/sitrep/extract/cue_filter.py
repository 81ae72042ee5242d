"""Which cue patterns can match a sentence at all, from the first letters of its words.

    >>> f = CueFilter({"kill": [r"\\bkill(?:ed|ing)?\\b"], "us": [r"\\bUS\\b"]})
    >>> sorted(f.candidates("Gunmen killed three people."))
    ['kill', 'us']

Typing a sentence tries some forty cue regexes on it, and most find nothing. A pattern that starts
at a word boundary with three fixed letters ("\\bkill...", "\\b(?:attack|raid)...") can only match
where a word starts with those letters, so a cue is tried only when one of the sentence's words
starts with one of its patterns' first three letters. A pattern whose start is not pinned down
that way keeps its cue always tried, so the answer is the same as trying every cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the regex parser's module (renamed in Python 3.11)
    from re import _parser as _sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre

_WORD = re.compile(r"\w+")
_ZERO_WIDTH = {"ASSERT", "ASSERT_NOT"}


class CueFilter:
    """An index from three-letter word starts to the cues whose patterns can begin there."""

    def __init__(self, cues: dict[str, Iterable[str]]):
        self.always: set[str] = set()
        self.by_start: dict[str, set[str]] = {}
        for name, patterns in cues.items():
            starts: set[str] = set()
            for pattern in patterns:
                found = word_starts(pattern)
                if found is None:
                    self.always.add(name)
                    break
                starts |= found
            else:
                for s in starts:
                    self.by_start.setdefault(s, set()).add(name)

    def candidates(self, text: str) -> set[str]:
        """The cues that may match ``text`` (a superset of those that do)."""
        out = set(self.always)
        for word in _WORD.findall(text.casefold()):
            out |= self.by_start.get(word[:3], set())
        return out


def word_starts(pattern: str) -> set[str] | None:
    """The casefolded first three letters of every match of ``pattern``, or None if not fixed.

    Only a pattern that begins with ``\\b`` qualifies: its match starts a word.
    """
    try:
        items = list(_sre.parse(pattern, re.IGNORECASE))
    except Exception:  # an unusual pattern: keep its cue always tried
        return None
    items = [i for i in items if str(i[0]) not in _ZERO_WIDTH]
    if not items or str(items[0][0]) != "AT" or str(items[0][1]) != "AT_BOUNDARY":
        return None
    return _starts(items[1:], "")


def _starts(items: list, acc: str) -> set[str] | None:
    if len(acc) == 3:
        return {acc}
    if not items:
        return None
    op, av = str(items[0][0]), items[0][1]
    rest = items[1:]
    if op == "LITERAL":
        ch = chr(av).casefold()
        return _starts(rest, acc + ch) if len(ch) == 1 and _WORD.fullmatch(ch) else None
    if op == "SUBPATTERN":
        return _starts(list(av[-1]) + rest, acc)
    if op == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            found = _starts(list(alternative) + rest, acc)
            if found is None:
                return None
            out |= found
        return out
    return None  # a class, a repeat, a look-around: not pinned down
