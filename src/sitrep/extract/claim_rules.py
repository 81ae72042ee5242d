"""What one victim of a casualty trigger is: ordered lists of small named rules.

find_claims (figures.py) passes each victim through VICTIM_SKIP_RULES (True drops it), then
GROUP_RULES (set ``group``; False drops it), then REFERENCE_RULES (new, same or additional
victims). Each rule names the phrase it reads in its docstring; to add a phrasing, add a rule to
the list where it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.figure_words import (
    NON_PERSON,
    ORDINAL_RANKS,
    PERSON_ONLY,
    PRONOUN_ONE,
    REFLEXIVE,
    RELATIVE,
    age_after_name,
    is_number,
)
from sitrep.extract.quantities import Quantity
from sitrep.extract.victims import not_a_head_count, what_of


@dataclass
class Victim:
    """One victim of one trigger, as the rules read and refine it."""

    trigger: object
    what: str
    victim: object
    victims: list
    previous_group: str | None
    batch: list
    negated: bool = False
    head: object = None
    group: str | None = None
    q: Quantity | None = None
    reference: str = "new"


# --- which victims are no casualty (each returns True to drop the victim), in order


def _pronoun_for_a_thing(v) -> bool:
    """ "the man who was shot" (the relative pronoun is not a second victim), "it was hit"."""
    return v.victim.lower_ in RELATIVE or v.victim.lower_ in ("it", "this", "what", "which")


def _anyone(v) -> bool:
    """ "shot at anyone who came near": no one in particular (unless "not anyone")."""
    return v.victim.lower_ in ("anyone", "anybody", "everyone", "everybody") and not v.negated


def _possible(v) -> bool:
    """ "a call about a possible person shot" """
    return any(c.lower_ in ("possible", "potential", "unconfirmed") for c in v.victim.children)


def told_by_this_sentence(v, seen: set) -> bool:
    """ "was shot and killed": one victim, one claim (the death, not also the wound)."""
    return (v.what, v.victim.i) in seen or v.what == "shot" and ("killed", v.victim.i) in seen


def _not_a_count(v) -> bool:
    """ "I shot my dad's .22", "4.1 deaths per 1,000": a calibre or a rate, not people."""
    return v.victim.like_num and not_a_head_count(v.victim)


def _one_of_a_tally(v) -> bool:
    """ "He was the second of three men killed in the county this month": a tally of several
    incidents, the victim's rank in it."""
    victim = v.victim
    ofs = [victim.head] + [t for t in victim.subtree if t.i < victim.i]
    return any(
        t.lower_ == "of" and t.i > 0 and t.nbor(-1).lower_ in ORDINAL_RANKS and t.i < victim.i for t in ofs
    )


VICTIM_SKIP_RULES = [_pronoun_for_a_thing, _anyone, _possible, _not_a_count, _one_of_a_tally]


# --- the victim group (each returns False to drop the victim), in order


def _not_a_person(v) -> bool:
    """ "killed the engine", "shot 12 rounds": objects that are never casualties."""
    return not (v.head.lemma_.lower() in NON_PERSON and v.head.i != v.trigger.i)


def _noun_of_a_number(v) -> bool:
    """ "two of the guests": a noun counted by a number ("two of", "dozens of") is people."""
    if v.group is None and v.head.pos_ in ("NOUN",) and v.head.i != v.victim.i:
        v.group = "people"
    return True


def _proper_name(v) -> bool:
    """ "Jo Long was shot" is a person; "Timbuktu was captured" a place, not people."""
    if v.group is None and v.head.pos_ == "PROPN":
        if (
            v.head.ent_type_ not in ("PERSON", "")
            and not _with_age(v.head)
            or v.trigger.lemma_ in PERSON_ONLY
        ):
            return False
        v.group = "people"
    return True


def _common_noun(v) -> bool:
    """ "the clerk was shot": people; "seized the town", "displaced the office": not a figure."""
    if v.group is None and v.head.pos_ == "NOUN" and not is_number(v.head):
        if v.trigger.lemma_ in PERSON_ONLY or v.what in ("captured", "displaced"):
            return False
        v.group = "people"
    return True


def _more_of_the_same(v) -> bool:
    """ "wounded 40 more", "and five were": the group of the claim just before."""
    if v.previous_group and (
        v.head.lower_ in ("more", "others", "other", "another")
        or (v.group is None and is_number(v.victim) and v.head.i == v.victim.i)
    ):
        v.group = v.previous_group
    return True


def _pronoun_person(v) -> bool:
    """ "he was shot", "killed himself": people."""
    if v.group is None and (v.head.lower_ in PRONOUN_ONE or v.head.lower_ in REFLEXIVE):
        v.group = "people"
    return True


def _person_only_verb(v) -> bool:
    """ "seized the base": verbs whose figure needs a person (or a number or pronoun)."""
    return not (v.trigger.lemma_ in PERSON_ONLY and v.group is None and v.victim.pos_ not in ("NUM", "PRON"))


def _no_group_stated(v) -> bool:
    """ "no injuries", "12 deaths": the trigger is its own victim, no group stated."""
    if v.victim.i == v.trigger.i:
        v.group = None
    return True


GROUP_RULES = [
    _not_a_person,
    _noun_of_a_number,
    _proper_name,
    _common_noun,
    _more_of_the_same,
    _pronoun_person,
    _person_only_verb,
    _no_group_stated,
]


# --- new, same or additional victims (each may change v.reference), in order


def _other_than_the_killer(v) -> None:
    """ "a man shot and killed another man": other than the killer, not more victims."""
    victim = v.victim
    if (
        v.reference == "additional"
        and victim.dep_ == "dobj"
        and victim.head.i == v.trigger.i
        and victim.lower_ not in ("more", "others")
    ):
        v.reference = "new"


def _other_than_agent_rule(v) -> None:
    """ "a man who fled after the murder of another man": other than him."""
    if v.reference == "additional" and _other_than_agent(v.victim):
        v.reference = "new"


def _part_of_them(v) -> None:
    """ "one of them", "two of the victims": victims already told."""
    if v.head.i != v.victim.i and v.head.tag_ == "PRP":
        v.reference = "same"


def _headline_victim(v) -> None:
    """ "Teen shot ..." names the victim the story then tells of."""
    if v.reference == "new" and _headline_noun(v.victim):
        v.reference = "same"


def _own_hand(v) -> None:
    """ "A girl is in fair condition after she accidentally shot herself": the sentence's subject
    told again, not one more victim (a shooter who "then shot himself" stays one more)."""
    t = v.trigger
    if (
        v.victim.lower_ in REFLEXIVE
        and t.dep_ == "advcl"
        and any(c.dep_ == "mark" for c in t.children)
        and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in t.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in t.head.children)
    ):
        v.reference = "same"


def _killer_too(v) -> None:
    """ "fatally shot his wife and then killed himself", "killed two before killing himself": the
    shooter, one more death than the victims told in the same sentence."""
    t = v.trigger
    if v.what != "killed" or v.victim.lower_ not in REFLEXIVE or t.dep_ not in ("conj", "advcl", "pcomp"):
        return
    verb = t.head.head if t.dep_ == "pcomp" else t.head  # "before killing himself": via "before"
    if any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVE for c in verb.children) and _casualty_verb(verb):
        v.reference = "additional"


def _joined_victims(v) -> None:
    """ "his five children as well as his wife": joined, so not the same as the first."""
    if (
        v.batch
        and v.reference == "same"
        and v.victim.pos_ != "PRON"
        and v.victim.i in {x.i for x in v.victims[1:]}
    ):
        v.reference = v.batch[0].reference


REFERENCE_RULES = [
    _other_than_the_killer,
    _other_than_agent_rule,
    _part_of_them,
    _headline_victim,
    _own_hand,
    _killer_too,
    _joined_victims,
]


def _other_than_agent(victim) -> bool:
    """ "another man" after "a man" who, in the same sentence, acts (or is acted on) but is no casualty."""
    if not any(c.lower_ == "another" for c in victim.children):
        return False
    for tok in victim.sent:
        if (
            tok.i < victim.i
            and tok.lemma_ == victim.lemma_
            and (tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass" and not _casualty_verb(tok.head))
        ):
            return True
    return False


def _headline_noun(victim) -> bool:
    """A capitalised singular noun with no article or number, as headlines write: "Teen shot", "Man killed"."""
    return (
        victim.tag_ == "NN"
        and victim.text[:1].isupper()
        and not any(c.dep_ in ("det", "poss", "nummod") for c in victim.children)
    )


def _casualty_verb(verb) -> bool:
    """ "was shot", "was declared dead": the verb or its predicate states a casualty."""
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")]
    return what_of(verb) is not None or any(what_of(c) is not None for c in predicates)


def _with_age(name) -> bool:
    """A name given an age ("38-year-old Jo Long", "Jo Long, 38,") is a person, whatever the entity tagger says."""
    doc, i = name.doc, name.i
    return any(t.lower_ in ("old", "year-old") for t in name.lefts) or (
        i + 2 < len(doc) and age_after_name(doc[i + 2])
    )
