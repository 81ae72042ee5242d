"""A faster stand-in for spaCy's ``attribute_ruler``, with the same rules and the same results.

    >>> nlp = use_fast_attribute_rules(spacy.load("en_core_web_sm"))

The English model's ``attribute_ruler`` maps each tag to its POS and morphology, plus a few
exceptions ("gonna", "let's"), through spaCy's general ``Matcher``: every one of its 179 patterns is
tried at every token, which costs about an eighth of the whole pipeline's time. Here the same
patterns are indexed by the first token's lowercase form or tag, so a token is checked against the
two or three rules that can apply. The order of application is the ruler's own (by rule number,
later rules win), and matching reads the tags and dependencies as the tagger and parser left them,
as the ruler's matcher does. ``tests/test_attribute_rules.py`` checks that every token's POS,
morphology and lemma come out identical to the stock pipeline's.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_KEYS = ("LOWER", "TAG", "DEP", "IS_SPACE")


class FastAttributeRules:
    """The rules of a loaded ``AttributeRuler``, indexed for lookup by lowercase form and tag."""

    def __init__(self, ruler):
        rules = []  # (rule number, token index to set, token specs, attrs)
        for number, pattern in enumerate(ruler.patterns):
            for seq in pattern["patterns"]:
                for spec in seq:
                    if set(spec) - set(_KEYS) or any(
                        isinstance(v, dict) and set(v) - {"IN", "NOT_IN", "REGEX"} for v in spec.values()
                    ):
                        raise ValueError(f"unsupported attribute rule: {spec}")
                rules.append((number, pattern.get("index", 0), seq, ruler.attrs[number]))
        self.by_lower: dict[str, list] = {}
        self.by_tag: dict[str, list] = {}
        self.anywhere: list = []
        self._seen: dict[tuple, list] = {}
        for rule in rules:
            first = rule[2][0]
            for key, index in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
                value = first.get(key)
                if isinstance(value, str):
                    index.setdefault(value, []).append(rule)
                    break
                if isinstance(value, dict) and "IN" in value:
                    for v in value["IN"]:
                        index.setdefault(v, []).append(rule)
                    break
            else:
                self.anywhere.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        rows = [(t.lower_, t.tag_, t.dep_, t.is_space) for t in doc]
        matches = []
        for i, row in enumerate(rows):
            for rule in self._candidates(row):
                seq = rule[2]
                if (
                    len(seq) == 1
                    or i + len(seq) <= len(rows)
                    and all(_fits(s, rows[i + k]) for k, s in enumerate(seq) if k)
                ):
                    matches.append((rule[0], i, len(seq), rule[1], rule[3]))
        matches.sort(key=lambda m: (m[0], m[1]))  # the ruler's order: later rules win
        for _number, start, length, index, attrs in matches:
            set_token_attrs(doc[start + (index if index >= 0 else length + index)], attrs)
        return doc

    def _candidates(self, row: tuple) -> list:
        """The rules whose first token fits this token (remembered: words and tags repeat)."""
        found = self._seen.get(row)
        if found is None:
            if len(self._seen) > 100_000:
                self._seen.clear()
            lower, tag = row[0], row[1]
            rules = self.by_lower.get(lower, []) + self.by_tag.get(tag, []) + self.anywhere
            found = self._seen[row] = [r for r in rules if _fits(r[2][0], row)]
        return found


def _fits(spec: dict, row: tuple) -> bool:
    for key, want in spec.items():
        have = row[_KEYS.index(key)]
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"] or "NOT_IN" in want and have in want["NOT_IN"]:
                return False
            if "REGEX" in want and not re.search(want["REGEX"], have):
                return False
        elif have != want:
            return False
    return True


@Language.factory("sitrep_attribute_rules")
def _make(nlp: Language, name: str):
    return FastAttributeRules(nlp.get_pipe("attribute_ruler"))


def use_fast_attribute_rules(nlp: Language) -> Language:
    """Swap the pipeline's ``attribute_ruler`` for the indexed version of the same rules."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe("sitrep_attribute_rules", before="attribute_ruler")
    except ValueError:  # a rule of a kind this does not handle: keep spaCy's own ruler
        return nlp
    nlp.remove_pipe("attribute_ruler")
    return nlp
