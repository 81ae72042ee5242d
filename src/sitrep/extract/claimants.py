"""Who said a figure: the claimant phrase, its kind, and the outlet it was credited to.

>>> c = find_claimant(trigger_token)       # a spaCy Token inside the claim's sentence
>>> c.text, c.kind, c.outlet
('two security sources', 'security_source', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.outlets import outlet_in_text
from sitrep.vocab import SAYING

# Verbs that attribute what follows to their subject.
SAY_VERBS = SAYING | {
    "allege",
    "assert",
    "cite",
    "claim",
    "count",
    "declare",
    "describe",
    "disclose",
    "document",
    "estimate",
    "explain",
    "indicate",
    "inform",
    "insist",
    "note",
    "put",
    "quote",
    "record",
    "recount",
    "reveal",
    "testify",
    "tweet",
    "warn",
}
# Claimant kinds, tried in order: the first pattern found in the claimant phrase wins; a None
# pattern stands for any outlet of sitrep/data/outlets.json named in the phrase.
# Data table: extend it with a region's outlets, groups and institutions.
KIND_PATTERNS: list[tuple[str, str | None]] = [
    (
        "security_source",
        r"\b(security|military|army|police|intelligence|defen[cs]e) (source|insider)s?\b"
        r"|\bsources? (in|within|close to) the (army|military|police|security)",
    ),
    (
        "medical",
        r"\b(hospital|doctors?|medics?|medical|nurses?|paramedics?|coroner|health|morgue"
        r"|ambulance|clinic|surgeons?|physicians?|red cross|red crescent|msf)\b",
    ),
    (
        "civil_society",
        r"\b(activists?|civil society|rights (group|monitor|organi[sz]ation)s?"
        r"|human rights|ngos?|amnesty|observatory|community leaders?|elders?"
        r"|association|advocates?|campaigners?|charity|union|humanitarian)\b",
    ),
    (
        "witness",
        r"\b(residents?|witness(es)?|eyewitness(es)?|neighbou?rs?|survivors?|villagers?"
        r"|relatives?|family|families|locals|bystanders?|passers-by|traders?|mother"
        r"|father|brother|sister|son|daughter|friends?|wife|husband|onlookers?|students?)\b",
    ),
    (
        "media",
        r"\b(media|newspaper|television|radio|tv"
        r"|broadcaster|news agency|outlet|press|reporters?|journalists?)\b",
    ),
    ("media", None),
    (
        "perpetrator",
        r"\b(jnim|al[- ]qa[e']?ida|al[- ]qaeda|islamic state|isis|isil|is sahel|iswap"
        r"|boko haram|al[- ]shabaa?b|taliban|hamas|hezbollah|houthis?|wagner|m23|rsf)\b",
    ),
    (
        "official",
        r"\b(army|military|armed forces|police|sheriff|deput(y|ies)|ministry|minister"
        r"|government|spokes(man|woman|person)|authorit(y|ies)|officials?|governor"
        r"|mayor|statement|department|officers?|chief|detectives?|lieutenant|sergeant"
        r"|captain|sgt|lt|commander|command|prefect|municipal|junta|president|council"
        r"|prosecutors?|attorney|investigators?|troopers?|agency|fire|dispatch|county"
        r"|city|state|administration|united nations|un|ocha|mission|forces|patrol"
        r"|fbi|atf|marshal|agents?|cops?|dispatchers?|administrator|pd|fama|gendarmerie)\b",
    ),
    (
        "perpetrator",
        r"\b(jnim|al[- ]qa[e']?ida|al[- ]qaeda|islamic state|isis|isil|is sahel|iswap"
        r"|boko haram|al[- ]shabaa?b|taliban|hamas|hezbollah|houthis?|wagner"
        r"|the group|militants?|jihadists?|insurgents?|rebels?|gunmen|attackers?"
        r"|fighters|extremists?|terrorists?|the suspects?|the gunman|the shooter"
        r"|jama'?a|jama’a|nusrat|m23|rsf|ansaroul)\b",
    ),
]
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "who", "which", "that"}


@dataclass(frozen=True)
class Claimant:
    """Who a figure is attributed to: phrase, kind, outlet credited, and char span in the doc."""

    text: str | None = None
    kind: str = "unknown"
    outlet: str | None = None
    span: tuple[int, int] | None = None


def claimant_kind(phrase: str, verb: str = "", patterns=KIND_PATTERNS, claim_verb: str = "claim") -> str:
    """Kind of a claimant phrase: ``"two security sources"`` -> ``"security_source"``.

    ``patterns`` and ``claim_verb`` are the language's (``vocab_fr`` holds the French ones)."""
    low = phrase.lower().replace("’", "'")
    for kind, pattern in patterns:
        if re.search(pattern, low) if pattern is not None else outlet_in_text(phrase):
            return kind
    if verb == claim_verb:  # "X claimed it had killed ..." by an unknown X: a perpetrator's claim
        return "perpetrator"
    return "unknown"


def credited_outlet(phrase: str) -> str | None:
    """The news outlet named in a claimant phrase ("sources quoted by Reuters" -> "Reuters")."""
    return outlet_in_text(phrase)


def _phrase(head) -> tuple[str, tuple[int, int]]:
    """The claimant noun phrase: its left part and head, plus "quoted by X"-style modifiers."""
    toks = [t for t in head.subtree if t.i <= head.i]
    for child in head.rights:
        if child.dep_ in ("acl", "compound", "nummod") or (
            child.dep_ == "prep" and child.lower_ in ("at", "for", "with", "from") and child.i == head.i + 1
        ):
            toks.extend(child.subtree)
    toks = [t for t in toks if not t.is_punct or t.text in "'’-"]
    if not toks:
        return head.text, (head.idx, head.idx + len(head.text))
    start, end = min(t.i for t in toks), max(t.i for t in toks)
    span = head.doc[start : end + 1]
    return span.text, (span.start_char, span.end_char)


def _resolve_pronoun(tok):
    """The subject noun a pronoun speaker ("it said") stands for, from this or earlier sentences."""
    doc = tok.doc
    for i in range(tok.i - 1, max(tok.i - 120, -1), -1):
        t = doc[i]
        if (
            t.dep_ in ("nsubj", "nsubjpass", "appos")
            and t.pos_ in ("PROPN", "NOUN")
            and t.lower_ not in _PRONOUNS
        ):
            return t
    return None


def _speaker(verb, trigger=None):
    """The subject (or "by X" agent) of a speech verb, or None."""
    if any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "expl" for c in verb.children):
        return None  # "it is estimated that ..."
    subjects = [
        c
        for c in verb.children
        if c.dep_ == "nsubj"
        and c.lower_ not in ("who", "that", "which")
        and (trigger is None or trigger.i not in {t.i for t in c.subtree})
    ]
    if subjects:
        return subjects[-1]  # "The attack killed 60, an activist told the AP": the activist
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if verb.i > 0 and verb.doc[verb.i - 1].pos_ in ("NOUN", "PROPN"):
        head = verb.doc[verb.i - 1]  # "..., military sources said" parsed without a subject
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
        return head
    return None


def _according_to(tok):
    """The object of an "according to X" / "as reported by X" attached to ``tok``."""
    for child in tok.children:
        if child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        if child.dep_ == "prep" and child.lower_ in ("per",):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _make(head, verb_lemma: str, verb=None, killer=None) -> Claimant:
    if head.lower_ in _PRONOUNS and head.lower_ in ("it", "they", "we"):
        resolved = _resolve_pronoun(head)
        text, span = (
            _phrase(resolved) if resolved is not None else (head.text, (head.idx, head.idx + len(head.text)))
        )
    else:
        text, span = _phrase(head)
    # The kind comes from the claimant itself, not the outlet quoting it ("sources quoted by Reuters").
    kind = claimant_kind(
        head.doc[head.left_edge.i : head.i + 1].text if head.lower_ not in _PRONOUNS else text, verb_lemma
    )
    # "X said it had killed 40 soldiers": the speaker is the killer -> its own (perpetrator) claim.
    if (
        kind == "unknown"
        and killer is not None
        and (killer.lower_ == head.lower_ or killer.lower_ in ("it", "they", "we"))
    ):
        kind = "perpetrator"
    outlet = credited_outlet(text)
    if verb is not None and outlet is None:
        for child in verb.children:  # "told The Associated Press", "told Reuters"
            if child.dep_ in ("dobj", "dative", "pobj") and credited_outlet(
                " ".join(t.text for t in child.subtree)
            ):
                outlet = credited_outlet(" ".join(t.text for t in child.subtree))
            if child.dep_ == "prep" and child.lower_ == "to":  # "said to AFP"
                for g in child.children:
                    outlet = outlet or credited_outlet(" ".join(t.text for t in g.subtree))
    return Claimant(text=text, kind=kind, outlet=outlet, span=span)


def find_claimant(trigger, killer=None) -> Claimant:
    """Who the figure at ``trigger`` (a Token) is attributed to, looking up the parse then around.

    ``killer`` is the token that did the killing if known ("it" in "it said it had killed"), so
    that a speaker claiming its own attack counts as a perpetrator.
    """
    sent = trigger.sent
    # 1. The nearest speech verb or "according to" among the trigger and its ancestors.
    node = trigger
    while True:
        obj = _according_to(node)
        if obj is not None:
            return _make(obj, "according", None, killer)
        if node.i != trigger.i and node.lemma_ in SAY_VERBS and node.pos_ in ("VERB", "AUX"):
            head = _speaker(node, trigger)
            if head is not None:
                return _make(head, node.lemma_, node, killer)
        if node.head.i == node.i:  # Token objects are rebuilt on access: compare indices
            break
        node = node.head
    # 2. Anywhere in the sentence: "according to X", then a speech verb with a subject.
    for tok in sent:
        obj = _according_to(tok)
        if obj is not None:
            return _make(obj, "according", None, killer)
    for tok in sent:
        if tok.lemma_ in SAY_VERBS and tok.pos_ == "VERB" and tok.i != trigger.i:
            head = _speaker(tok, trigger)
            if head is not None and head.lower_ not in ("who", "which", "that"):
                return _make(head, tok.lemma_, tok, killer)
    return Claimant()
