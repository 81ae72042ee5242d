"""Finding a figure's trigger, its victims and their count in a spaCy parse.

    >>> what_of(token)                 # "killed" for "killing", "wounded" for "injuries"
    >>> count_of(token)                # (Quantity, "new" | "same" | "additional")

Who the victims of a trigger are: ``victim_rules.victims_of``.
"""

from __future__ import annotations

import re

from sitrep.extract.figure_words import (
    ADJ_WHAT,
    CARRY_VERBS,
    CLOCK_WORDS,
    HYPOTHETICAL,
    MODALS,
    NON_PERSON,
    NOUN_WHAT,
    PRONOUN_ONE,
    REFLEXIVE,
    RELATIVE,
    TAKE_WHAT,
    VERB_WHAT,
    age_after_name,
    is_age_noun,
    is_number,
)
from sitrep.extract.quantities import VAGUE_WORDS, Quantity, parse_quantity


def _quantity_tokens(head):
    """Tokens that count ``head``: its number, determiner and qualifier words (not ages)."""
    toks = []
    for child in head.children:
        if (
            child.i > head.i
            and not (head.pos_ == "NUM" and child.dep_ in ("quantmod",))
            or age_after_name(child)
        ):
            continue
        if child.dep_ == "nummod" and is_age_noun(head):
            continue  # "17 y.o killed": an age, not 17 people
        if child.like_num and not_a_head_count(child):
            continue  # "just after 9 o'clock one man ...", "2.5 deaths per 1,000": no count
        if child.dep_ in ("nummod", "quantmod", "det", "advmod", "predet") or (
            child.dep_ == "amod"
            and (child.lower_ in VAGUE_WORDS or child.like_num or child.lower_ in ("more", "few"))
        ):
            toks.extend(child.subtree)
    return toks


def count_of(head) -> tuple[Quantity | None, str]:
    """How many ``head`` names, and whether it is a new, same or additional mention."""
    qt = _quantity_tokens(head)
    words = {t.lower_ for t in head.subtree if t.i <= head.i}
    more = (
        any(t.lower_ == "more" and t.i > head.i for t in head.subtree)
        or head.lower_ == "more"
        or any(
            t.lower_ == "more"
            and t.i < head.i
            and t.i + 1 < len(t.doc)
            and t.nbor(1).lower_ != "than"
            and t.head.like_num
            for t in head.subtree
        )
    )  # "one more man was wounded"
    extra = words & {"another", "second", "third", "fourth", "fifth", "other", "others", "additional"}
    reference = "additional" if extra or more else "new"
    if head.pos_ == "NUM" or is_number(head):
        toks = sorted(qt + [head], key=lambda t: t.i)
        text = head.doc[toks[0].i : toks[-1].i + 1].text
        q = parse_quantity(text)
        if head.lower_ in ("all", "some", "others", "more"):
            q = parse_quantity(text) if qt else None
        return q, reference
    if qt:
        toks = sorted(qt, key=lambda t: t.i)
        q = parse_quantity(head.doc[toks[0].i : toks[-1].i + 1].text)
        if q is not None:
            if (
                {t.lower_ for t in qt} & {"the", "this", "that", "these", "those"}
                and q.low == 1
                and q.text.lower() in ("a", "an")
            ):
                reference = "same"
            return q, reference
    if head.lower_ == "another" and head.pos_ == "PRON":
        return Quantity(1, 1, "exactly", head.text), "additional"  # "one dead and another hurt"
    if head.lower_ in PRONOUN_ONE:
        return Quantity(1, 1, "exactly", head.text), "same"
    if head.lower_ in REFLEXIVE:  # "killed himself": the shooter, one more death
        return Quantity(1, 1, "exactly", head.text), "new"
    singular = (head.tag_ in ("NN", "NNP") or is_age_noun(head)) and head.lemma_.lower() not in (
        "police",
        "personnel",
        "people",
    )
    if singular:
        dets = {t.lower_ for t in qt}
        if (
            dets & {"the", "this", "that"}
            or any(c.dep_ == "poss" for c in head.children)
            or head.pos_ == "PROPN"
        ):
            reference = "same" if reference == "new" and head.pos_ != "PROPN" else reference
        return Quantity(1, 1, "exactly", head.text), reference
    if {t.lower_ for t in qt} & {"the", "these", "those"} or head.lower_ in ("they", "them"):
        reference = "same"
    return Quantity(None, None, "none", ""), reference


def not_a_head_count(num) -> bool:
    """A number that counts no one: a clock time ("4 o'clock", "9 p.m."), a rate or share
    ("12.4 deaths"), a calibre (".22")."""
    nxt = num.doc[num.i + 1].lower_ if num.i + 1 < len(num.doc) else ""
    return bool(re.fullmatch(r"\d*\.\d+", num.text)) or nxt.replace("’", "'") in CLOCK_WORDS


def of_noun(tok):
    """The noun in "dozens of soldiers" / "two of the victims" / "the deaths of 60 soldiers"."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "to", "among"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def resolve(tok):
    """Follow relative pronouns to the noun they stand for ("soldiers who were killed")."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def what_of(trigger) -> str | None:
    lemma, low = trigger.lemma_.lower(), trigger.lower_
    if trigger.pos_ == "VERB":
        if trigger.tag_ == "VBG" and trigger.dep_ in (
            "compound",
            "amod",
            "pobj",
            "nsubj",
            "dobj",
            "nsubjpass",
        ):
            return None  # "the shooting death of", "after a shooting"
        if lemma in ("strike", "hit") and _struck_by_fire(trigger):
            return "shot"  # "the victim was struck once in the back"
        if lemma in CARRY_VERBS and _to_hospital(trigger):
            return "shot"  # "was taken to a hospital": hurt (or dead), as "was shot" is
        if lemma == "treat" and _treated_and_released(trigger):
            return "wounded"  # "was treated and released": hurt, alive
        if lemma == "take":
            for c in trigger.children:
                if c.dep_ in ("oprd", "dobj", "attr", "xcomp") and c.lower_ in TAKE_WHAT:
                    return TAKE_WHAT[c.lower_]
                if c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children):
                    return "arrested"
            return None
        if low in ("dead", "missing") or (trigger.dep_ in ("amod",) and low in ADJ_WHAT):
            return ADJ_WHAT.get(low)
        return VERB_WHAT.get(lemma) or ADJ_WHAT.get(low if trigger.dep_ in ("amod", "acomp", "oprd") else "")
    if trigger.pos_ == "ADJ":
        return ADJ_WHAT.get(low)
    if trigger.pos_ == "NOUN":
        if lemma == "victim" and _dead_victim(trigger):
            return "killed"  # "the homicide victim", "the victim of a fatal shooting"
        if (
            low == "shot"
            and any(c.dep_ == "nummod" for c in trigger.children)
            and trigger.dep_ not in ("dobj", "pobj")
        ):
            return "shot"  # headline "Three shot, one dead"
        return NOUN_WHAT.get(lemma) or NOUN_WHAT.get(low)
    return None


def _struck_by_fire(verb) -> bool:
    """A passive "was struck" / "was hit" in a shooting report is hit by gunfire, unless by a vehicle."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if any(g.dep_ == "neg" for c in verb.conjuncts for g in c.children):
        return False  # "was struck by a stray bullet but was not hurt"
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    fired = ("round", "shot", "bullet", "fire")
    return not any(g.lemma_.lower() in NON_PERSON and g.lemma_.lower() not in fired for g in agents)


def _to_hospital(verb) -> bool:
    """A passive "taken / rushed / flown to (a) hospital", not "drove to the hospital" of one's own."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            words = [t.lower_ for t in prep.subtree]
            if "hospital" in words or "hospitals" in words or ("medical" in words and "center" in words):
                return True
    return False


def _treated_and_released(verb) -> bool:
    """A passive "treated and released" (or "treated at a hospital and released")."""
    return any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.lemma_ == "release" for c in verb.conjuncts
    )


def _dead_victim(victim) -> bool:
    """A victim named as dead by what he is the victim of: "homicide victim", "victim of a deadly shooting"."""
    if any(c.dep_ == "compound" and c.lemma_.lower() in ("homicide", "murder") for c in victim.children):
        return True
    event = of_noun(victim)
    return event is not None and any(t.lower_ in ("fatal", "deadly") for t in event.subtree if t.i < event.i)


def skip_trigger(trigger) -> bool:
    """Hypothetical, questioned or future figures: "whether any were killed", "could kill"."""
    if _noun_modifier(trigger):
        return True
    node = trigger
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "mark" and c.lower_ in ("whether", "if", "unless", "until"):
                return True
            if c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ in ("to", "na")):
                return True  # "could kill", "to kill him", "was gonna die"
            if c.dep_ == "advmod" and c.lower_ in ("possibly", "nearly", "almost", "narrowly"):
                return True
        if node.dep_ == "xcomp" and node.head.lemma_ in HYPOTHETICAL:
            return True
        if node.head.lemma_ == "let" and any(c.dep_ == "neg" for c in node.head.children):
            return True  # "don't let him die": a fear, not a death
        if node.head.i == node.i or node.dep_ not in ("conj", "xcomp", "oprd", "acomp"):
            break
        node = node.head
    return (
        any(t.lower_ == "how" for t in trigger.subtree)
        or trigger.lemma_ == "life"
        and trigger.head.lemma_ not in ("claim", "take", "lose", "cost")
    )


def _noun_modifier(trigger) -> bool:
    """ "the shooting suspect", "said shooting victim ...": a gerund naming a kind of person, not
    someone shot (the parser makes the noun its object)."""
    if trigger.tag_ != "VBG" or trigger.i + 1 >= len(trigger.doc):
        return False
    noun = trigger.nbor(1)
    return (
        noun.dep_ == "dobj"
        and noun.head.i == trigger.i
        and noun.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in noun.children)
        and not any(c.dep_ in ("nsubj", "aux") for c in trigger.children)
    )


def negated_at(trigger, victim) -> bool:
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    return any(
        t.lower_ in ("no", "none", "nobody", "zero", "neither") for t in victim.subtree if t.i <= victim.i
    )
