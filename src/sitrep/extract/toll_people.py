"""Which of an article's casualty claims tell the same people again, and which tell others.

The toll (``toll.py``) adds groups and others; these rules say when a claim is someone already
counted: a family role told again, a killer's own death after his killing, others "of another
kind" than the dead, "both" and "all", ordinals and "the other three" within a count, victims
named one by one, a shooter said to be among the dead.
"""

from __future__ import annotations

import re

from sitrep.extract.figure_words import ORDINALS, REFLEXIVE
from sitrep.extract.named_counts import TOLL_LEVEL
from sitrep.records import Claim
from sitrep.vocab import GROUP_OF

SAME_WORDS = {"he", "she", "him", "her", "they", "them", "victim", "victims", "one", "who"}


_MALE = {"man", "men", "boy", "boys", "he", "him", "himself", "father", "son", "brother", "husband"}
_FEMALE = {"woman", "women", "girl", "girls", "she", "her", "herself", "mother", "daughter", "sister", "wife"}


def sex(victim: str | None) -> str | None:
    word = (victim or "").split()[-1:] or [""]
    w = word[0].lower()
    return "m" if w in _MALE else "f" if w in _FEMALE else None


KIN = {
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
    "wife",
    "husband",
    "cousin",
    "nephew",
    "niece",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "girlfriend",
    "boyfriend",
    "stepson",
    "stepdaughter",
}


def _kin(c: Claim) -> str | None:
    word = (c.victim or "").split()[-1:] or [""]
    return word[0].lower() if word[0].lower() in KIN else None


def kin_apart(claims: list[Claim]) -> list[Claim]:
    """ "The mother was shot ... the daughter was taken to a hospital": one victim named by a
    family role, then another role in a later sentence, is another victim (marked additional)."""
    out, told = [], {}
    for c in sorted(claims, key=lambda c: at(c)):
        kin, sentence = _kin(c), c.quote_span or c.quote
        earlier = {k for k, s in told.items() if s != sentence}
        if kin and earlier and kin not in told and c.reference != "additional" and c.low == 1:
            c = c.model_copy(update={"reference": "additional"})
        if kin and kin not in told:
            told[kin] = sentence
        out.append(c)
    return out


def killer_after(claims: list[Claim]) -> list[Claim]:
    """ "Police say he killed his wife and two sons. He then killed himself": the killer's own
    death, told by his pronoun after a sentence of his killing others, is one more death (a
    murder-suicide), not the dead told again."""
    killings = [
        c
        for c in claims
        if c.what == "killed" and _KILLING.match(c.text or "") and (c.victim or "").lower() not in REFLEXIVE
    ]
    out = []
    for c in claims:
        sentence = c.quote_span or c.quote
        if (
            c.what == "killed"
            and c.reference == "new"
            and (c.victim or "").lower() in REFLEXIVE
            and c.span
            and c.quote_span
            and (
                _HE_BEFORE.search(_before(c))
                and any((k.quote_span or k.quote) != sentence and at(k) < at(c) for k in killings)
                or _HARMED_BEFORE.search(_before(c))  # "targeted her and her mother before killing himself"
            )
        ):
            c = c.model_copy(update={"reference": "additional"})
        out.append(c)
    return out


JOINED_SELF = re.compile(r"\band\s+(?:then\s+)?(?:him|her)self\b", re.I)  # "his two children and himself"


def _before(c: Claim) -> str:
    """The claim's sentence up to the claim."""
    return c.quote[: max(c.span[0] - c.quote_span[0], 0)] if c.span and c.quote_span else ""


_HARMED_BEFORE = re.compile(
    r"\b(?:shot|shooting|killed|killing|targeted|targeting|attacked|stabbed|struck|opened fire on)\s+"
    r"(?:her|him|them|his|the|a|an|two|three|four|five|\d+)\b",
    re.I,
)
_KILLING = re.compile(
    r"(?:fatally\s+)?(?:shot|shoots|shooting|killed|kills|killing|murdered|murdering)\b", re.I
)
_HE_BEFORE = re.compile(r"\b(?:he|she|the\s+[a-z]+)\s+(?:\w+\s+){0,2}$", re.I)


def others_of_another_kind(claims: list[Claim]) -> list[Claim]:
    """ "One person was killed and 2 others were injured": the others are others than the dead, and
    the first wounded the sentence tells of (so "2 hurt" in a headline is the same two)."""
    out = []
    for c in claims:
        sentence = c.quote_span or c.quote
        if (
            c.reference == "additional"
            and not c.includes_killed
            and (c.victim or "").lower() not in REFLEXIVE  # "shot his wife, then killed himself"
            and (
                any(
                    o.what != c.what and (o.quote_span or o.quote) == sentence and at(o) < at(c) and o.low
                    for o in claims
                )
                or _survivor_before(c)  # "the woman who survived a shooting that left three others dead"
            )
            and not any(
                o.what == c.what and (o.quote_span or o.quote) == sentence and at(o) < at(c) for o in claims
            )
        ):
            c = c.model_copy(update={"reference": "new"})
        out.append(c)
    return out


def _survivor_before(c: Claim) -> bool:
    """The sentence tells of a survivor before the claim: its others are others than that one."""
    if not c.span or not c.quote_span:
        return False
    return bool(_SURVIVOR.search(c.quote[: max(c.span[0] - c.quote_span[0], 0)]))


_SURVIVOR = re.compile(r"\b(?:survived|survivor|survives|survive)\b", re.I)


def tells_everyone(c: Claim) -> bool:
    """ "both victims", "all four", "the toll rose to two": everyone the story has told of, not
    one more telling."""
    return is_level(c) or bool(_EVERYONE.match(c.text or ""))


def is_level(c: Claim) -> bool:
    """A toll's level ("the death toll rose to three"), as named_counts marks it."""
    return c.victim == TOLL_LEVEL


_EVERYONE = re.compile(r"\s*(both|all)\b", re.I)


def ordinal(c: Claim) -> int:
    """2 for "a second victim", 0 when the claim names no ordinal."""
    return next((n for w, n in ORDINALS.items() if re.search(rf"\b{w}\b", c.text or "", re.I)), 0)


def rest_of(c: Claim, largest: int) -> bool:
    """ "the other three" / "two other victims" / "the three others" below a count already told:
    the rest of it ("three people were shot ... Two other victims were treated" tells of one
    victim, then of the two others of the three; the parse marks them as others, the article's
    largest count decides whether they are more)."""
    return bool(_THE_OTHER.match(c.text or "")) and 0 < (point(c) or 0) < largest


def victim_names(c: Claim) -> set[str]:
    """The names the claim's victims are told by ("Dana Lane, 16, also died": {"Lane"}; "Jo Roe
    and Al Poe were also wounded": {"Roe", "Poe"}), empty unless every victim is a name."""
    parts = [((p.split()[-1:]) or [""])[0] for p in (c.victim or "").split(" and ")]
    if c.low != len(parts) or any(
        not w[:1].isupper() or w.lower() in GROUP_OF or w.lower() in SAME_WORDS or w.lower() in REFLEXIVE
        for w in parts
    ):
        return set()
    return set(parts)


def named_within(c: Claim, names: set, largest: int) -> bool:
    """ "Two people were killed ... Ray Ortiz died at the scene ... Dana Lane also died": victims
    named one by one, no more of them than a count already told, are of that count."""
    return bool(victim_names(c)) and largest >= 2 and len(names) <= largest


def shooter_counted(kept: list[Claim], claims: list[Claim]) -> list[Claim]:
    """ "The shooter is among the four dead": the counts told hold his death, so his suicide told
    alone ("before killing himself") is one of them, not one more."""
    if not any(_SHOOTER_AMONG.search(c.quote or "") for c in claims):
        return kept
    return [
        c.model_copy(update={"reference": "same"})
        if c.reference == "additional" and (c.victim or "").lower() in REFLEXIVE
        else c
        for c in kept
    ]


_SHOOTER_AMONG = re.compile(
    r"\b(?:shooter|gunman|suspect|attacker|killer)\b[^.;]{0,30}\bamong\b|\bincluding (?:the )?(?:shooter|gunman)\b",
    re.I,
)
_THE_OTHER = re.compile(r"\s*(?:the\s+)?(?:other\s+\w+|\w+\s+others?)\b", re.I)


def point(c: Claim) -> int | None:
    """The number a claim stands for: its low, or its high for "up to N"."""
    if c.negated:
        return 0
    if c.qualifier == "up_to":
        return c.high
    return c.low


def at(c: Claim) -> int:
    return c.span[0] if c.span else 0
