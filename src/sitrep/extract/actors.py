"""Actors: names normalised through a dictionary (``sitrep/data/actors.json``), roles from the parse.

    >>> d = ActorDictionary.load()
    >>> [(m.entry.name, m.text) for m in d.find("JNIM claimed an attack on Mali's army")]
    [('JNIM', 'JNIM'), ('Malian armed forces', "Mali's army")]
    >>> role_of(doc, start, end)          # 'perpetrator' | 'target' | 'other'

The dictionary is data: regions as keys, each with actors (canonical name, kind, aliases,
descriptive patterns that only apply where the region's countries are named). Generic words
("soldiers", "the army") name the state forces of the country where the incident happened.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from sitrep.vocab import SAYING
from sitrep.vocab_fr import FR_ATTACK_NOUNS, FR_ATTACK_VERBS, FR_DEFENCE_VERBS, FR_SPEECH_LEMMAS

ATTACK_VERBS = {
    "attack",
    "assault",
    "raid",
    "ambush",
    "storm",
    "kill",
    "target",
    "seize",
    "capture",
    "overrun",
    "hit",
    "strike",
    "shoot",
    "bomb",
    "shell",
    "kidnap",
    "abduct",
    "massacre",
    "execute",
    "murder",
    "stab",
    "wound",
    "injure",
    "burn",
    "loot",
    "torch",
    "overwhelm",
    "launch",
    "fire",
    "besiege",
    "claim",
    "carry",
    "detonate",
    "behead",
    "slaughter",
    "neutralise",
    "neutralize",
    "arrest",
    "invade",
    "overran",
}
ATTACK_NOUNS = {
    "attack",
    "assault",
    "raid",
    "ambush",
    "offensive",
    "strike",
    "bombing",
    "shelling",
    "killing",
    "massacre",
    "incursion",
    "infiltration",
    "siege",
    "shooting",
}
SPEECH_VERBS = SAYING | {"accuse", "allege", "claim", "describe"}
DEFENCE_VERBS = {
    "repel",
    "repulse",
    "resist",
    "defend",
    "withdraw",
    "retreat",
    "fight",
    "react",
    "pull",
    "respond",
}
# French lemmas read the French parse the same way (issue 17); no English lemma is French.
ATTACK_VERBS |= FR_ATTACK_VERBS
ATTACK_NOUNS |= FR_ATTACK_NOUNS
DEFENCE_VERBS |= FR_DEFENCE_VERBS
SPEECH_VERBS |= FR_SPEECH_LEMMAS
PRONOUNS = {"it", "they", "its", "their", "he", "she", "we"}


@dataclass(frozen=True)
class ActorEntry:
    name: str
    kind: str = "unknown"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    generic: bool = False
    country_words: tuple[str, ...] = ()
    region: str = "global"


@dataclass
class ActorMatch:
    start: int
    end: int
    text: str
    entry: ActorEntry


def _alias_regex(alias: str) -> str:
    out = []
    for ch in alias:
        if ch in " -":
            out.append(r"[\s\-]+")
        elif ch in "'’":
            out.append("'?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@dataclass
class ActorDictionary:
    entries: list[ActorEntry]
    region_countries: dict[str, set[str]]
    _alias_rx: re.Pattern = field(repr=False, default=None)
    _alias_of: dict[str, ActorEntry] = field(repr=False, default_factory=dict)
    _descriptions: list[tuple[str, re.Pattern, ActorEntry]] = field(repr=False, default_factory=list)
    country_words: dict[str, str] = field(default_factory=dict)  # "malian" -> "ML"
    _country_rx: re.Pattern | None = field(repr=False, default=None)  # any of country_words

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorDictionary:
        """The dictionary shipped with sitrep, or one of the same shape at ``path``."""
        if path is None:
            return _default()
        return _build(json.loads(Path(path).read_text(encoding="utf-8")))

    def find(self, text: str, countries: set[str] | None = None) -> list[ActorMatch]:
        """Actor names in ``text`` (longest match wins), descriptions only for ``countries``
        (None: every region)."""
        norm = text.replace("’", "'")
        found = []
        for m in self._alias_rx.finditer(norm):
            entry = self._alias_of.get(_key(m.group(0)))
            if entry and entry.generic and countries:  # "suspects" is US crime news only there
                allowed = self.region_countries.get(entry.region) or set()
                if allowed and not (allowed & countries):
                    continue
            if entry:
                found.append(ActorMatch(m.start(), m.end(), text[m.start() : m.end()], entry))
        for region, rx, entry in self._descriptions:
            allowed = self.region_countries.get(region) or set()
            if countries is not None and allowed and not (allowed & countries):
                continue
            for m in rx.finditer(norm):
                found.append(ActorMatch(m.start(), m.end(), text[m.start() : m.end()], entry))
        found.sort(key=lambda a: (a.start, -(a.end - a.start)))
        out, last_end = [], -1
        for a in found:  # drop matches inside a longer one
            if a.start >= last_end:
                out.append(a)
                last_end = a.end
        return out

    def country_in(self, text: str) -> str | None:
        """The country of the first of ``country_words`` (in the dictionary's order) that ``text``
        holds as a word, any case; one search of the combined pattern rules most texts out."""
        if self._country_rx is None or not self._country_rx.search(text):
            return None
        for w, code in self.country_words.items():
            if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE):
                return code
        return None

    def state_forces(self, country: str | None, kind: str = "state_forces") -> ActorEntry | None:
        """The dictionary's entry for a country's state forces (or police), if it has one."""
        for e in self.entries:
            if e.kind == kind and e.country == country and not e.generic:
                return e
        return None

    def canonical(self, entry: ActorEntry, country: str | None) -> tuple[str, str | None]:
        """Name and country of an actor, generic words resolved against the incident's country."""
        if "{country}" not in entry.name:
            return entry.name, entry.country
        known = self.state_forces(country, entry.kind) if country else None
        if known:
            return known.name, country
        base = self.state_forces(country) if country else None
        adjective = base.country_words[-1] if base and base.country_words else (country or "")
        return entry.name.replace("{country}", adjective).strip().capitalize(), country


def _key(s: str) -> str:
    return re.sub(r"[\s\-]+", " ", s.replace("’", "'").replace("'", "")).lower().strip()


def _build(data: dict) -> ActorDictionary:
    entries, aliases, descriptions, regions, words = [], {}, [], {}, {}
    for region, block in data["regions"].items():
        regions[region] = set(block.get("countries", []))
        for a in block["actors"]:
            e = ActorEntry(
                a["name"],
                a.get("kind", "unknown"),
                a.get("country"),
                tuple(a.get("aliases", [])),
                bool(a.get("generic")),
                tuple(a.get("country_words", [])),
                region,
            )
            entries.append(e)
            for alias in e.aliases:
                aliases.setdefault(_key(alias), e)
            for pat in a.get("descriptions", []):
                descriptions.append((region, re.compile(pat, re.IGNORECASE), e))
            for w in e.country_words:
                words[w.lower()] = e.country
    alt = sorted({_alias_regex(a) for e in entries for a in e.aliases}, key=len, reverse=True)
    rx = re.compile(r"(?<![\w'])(?:" + "|".join(alt) + r")(?![\w])", re.IGNORECASE)
    any_word = r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else None
    country_rx = re.compile(any_word, re.IGNORECASE) if any_word else None
    return ActorDictionary(entries, regions, rx, aliases, descriptions, words, country_rx)


@lru_cache(maxsize=1)
def _default() -> ActorDictionary:
    text = resources.files("sitrep").joinpath("data", "actors.json").read_text("utf-8")
    return _build(json.loads(text))


def role_of(doc, start: int, end: int) -> str:
    """Role of the actor named at clean offsets [start, end) of a parsed ``doc``, from the parse.

    Subject of an attack verb, agent of a passive one or the one who claims an attack:
    perpetrator. Object of an attack verb, passive subject of one, or "an attack on X": target.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    tok = span.root
    french = _french_case_role(tok)
    if french:
        return french
    for _ in range(4):  # climb through appositions, conjunctions and compounds
        if tok.dep_ in ("appos", "conj", "compound", "amod", "nmod", "poss") and tok.head.i != tok.i:
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in ATTACK_NOUNS:
                return "perpetrator"  # "JNIM's attack"
            tok = tok.head
        else:
            break
    head, dep = tok.head, tok.dep_
    hl = head.lemma_.lower()
    if dep in ("nsubj", "csubj"):
        if hl in ATTACK_VERBS or (
            hl in ("take", "bear", "accept") and any(c.lower_ == "responsibility" for c in head.children)
        ):
            return "perpetrator"
        if hl in DEFENCE_VERBS:
            return "target"
        if hl in SPEECH_VERBS and _claims_attack(head):
            return "perpetrator"
        if hl in SPEECH_VERBS and _claims_attack(head, DEFENCE_VERBS):
            return "target"  # "the army said it had repelled the attack"
        return "other"
    if dep in ("nsubjpass", "nsubj:pass"):  # the English and the French (UD) label
        return "target" if hl in ATTACK_VERBS else "other"
    if dep in ("dobj", "obj", "attr"):
        return "target" if hl in ATTACK_VERBS else "other"
    if dep == "pobj":
        prep = head
        gov = prep.head
        gl = gov.lemma_.lower()
        if prep.lower_ == "by" and (gl in ATTACK_VERBS or gl in ATTACK_NOUNS):
            return "perpetrator"
        if prep.lower_ in ("on", "against", "targeting") and (gl in ATTACK_NOUNS or gl in ATTACK_VERBS):
            return "target"
        if prep.lower_ in ("with", "between") and gl in ("clash", "fighting", "battle", "fight"):
            return "target"
        if prep.lower_ in ("of",) and gl in ("body", "bodies", "death", "killing"):
            return "target"
    return "other"


def _french_case_role(tok) -> str | None:
    """The French parse marks a role by its preposition: "revendiquée par le JNIM" (agent),
    "l'attaque contre les FAMa", "l'attaque du camp" (target). The English labels never carry
    these, so English is untouched."""
    case = {c.lower_ for c in tok.children if c.dep_ == "case"}
    head = tok.head.lemma_.lower()
    if tok.dep_ == "obl:agent" and head in ATTACK_VERBS:
        return "perpetrator"
    if tok.dep_ in ("nmod", "obl:arg", "obl:mod") and (head in ATTACK_NOUNS or head in ATTACK_VERBS):
        if case & {"contre", "du", "de", "des"}:
            return "target"
        if "par" in case:
            return "perpetrator"
    return None


def _claims_attack(verb, verbs=ATTACK_VERBS) -> bool:
    """'JNIM said it had killed 40 soldiers': the speaker is the one who attacked."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and child.lemma_.lower() in verbs:
            subj = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if child.dep_ == "xcomp" or any(
                s.lower_ in PRONOUNS or s.lower_ == "fighters" or any(t.lower_ in PRONOUNS for t in s.subtree)
                for s in subj
                if s.dep_ == "nsubj"
            ):
                return True
    return False
