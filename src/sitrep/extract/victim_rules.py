"""Who the victims of a casualty trigger are: an ordered list of small named rules.

    >>> victims_of(trigger, "killed")  # the victim head tokens ("soldiers" in "killed 40 soldiers")

Each rule takes what the rules before it found and may keep, change or drop it; each names the
phrase it reads in its docstring. To add a phrasing, add a rule to the list where it belongs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.figure_words import (
    ADJ_WHAT,
    CONDITIONS,
    GROUP_OF,
    NOUN_WHAT,
    REFLEXIVE,
    SUFFER_VERBS,
    group_of,
    is_number,
)
from sitrep.extract.victims import of_noun, resolve, what_of
from sitrep.geo.marks import DATELINE


@dataclass
class _Trigger:
    """A trigger token and what every rule asks of it, computed once."""

    tok: object
    pos: str
    lemma: str
    kids: dict

    @classmethod
    def of(cls, tok) -> _Trigger:
        return cls(tok, tok.pos_, tok.lemma_.lower(), {c.dep_: c for c in tok.children})

    @property
    def verbal(self) -> bool:
        return self.pos in ("VERB", "AUX") or self.tok.tag_ in ("VBN", "VBD", "VBG")

    @property
    def passive(self) -> bool:
        return "nsubjpass" in self.kids or "auxpass" in self.kids


# A rule of a choice returns NO when it does not apply; the first rule that applies decides,
# even when what it finds is None ("was killed" with no subject in the parse: no victim).
NO = object()


def _modified_noun(t):
    """ "13 jihadists killed", "the wounded man": the trigger modifies its victim."""
    tok = t.tok
    if (
        tok.dep_ in ("acl", "amod")
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON")
        and "dobj" not in t.kids
        and not _dateline(tok.head)
    ):
        return tok.head
    return NO


def _dateline(tok) -> bool:
    """ "CEDAR FALLS — A man ... has died": the dateline opening the story (the town in capitals,
    read by the place recogniser's pattern), which the parser may take for what the verb modifies."""
    head = DATELINE.match(tok.doc.text, tok.sent.start_char)
    return head is not None and tok.idx < head.end()


def _headline_subject(t):
    """ "Man shot and killed on ...": a headline's passive, parsed as an active verb."""
    subj = t.kids.get("nsubj")
    if (
        subj is not None
        and not t.passive
        and t.lemma in ("shoot", "kill", "wound", "injure", "stab")
        and subj.tag_ == "NN"
        and GROUP_OF.get(subj.lemma_.lower())
        and not any(c.dep_ in ("det", "poss", "nummod") for c in subj.children)
    ):
        return subj
    return NO


def _subject_with_agent(t):
    """ "a man shot and killed by police Monday carried ...": a "by" agent makes it passive."""
    subj = t.kids.get("nsubj")
    if subj is not None and not t.passive and "dobj" not in t.kids and _by_agent(t.tok):
        return subj
    return NO


def _found_shot(t):
    """ "officers found a man shot in the leg", misparsed with "a man" as the subject of "shot"."""
    subj, tok = t.kids.get("nsubj"), t.tok
    if (
        subj is not None
        and not t.passive
        and (tok.tag_ == "VBN" or tok.tag_ == "VBD" and "dobj" not in t.kids)  # "found Jo Long shot dead"
        and tok.dep_ in ("ccomp", "xcomp", "oprd")
        and tok.head.lemma_ in ("find", "discover", "leave")
        and group_of(subj)
    ):
        return subj
    return NO


def _who_died(t):
    """ "the man died", "two soldiers are missing": the subject of an intransitive."""
    if t.lemma in ("die", "perish", "flee", "disappear") or t.tok.lower_ == "missing":
        return _person_subject(t.tok)
    return NO


def _counted_subject(t):
    """ "two killed and 14 injured": a number as the subject of a bare participle."""
    subj = t.kids.get("nsubj")
    if (
        t.tok.tag_ == "VBN"
        and "dobj" not in t.kids
        and subj is not None
        and is_number(subj)
        and not any(c.lemma_ == "have" for c in t.tok.children)
    ):
        return subj
    return NO


def _passive_subject(t):
    """ "three soldiers were killed" """
    return t.kids.get("nsubjpass") if t.passive else NO


def _direct_object(t):
    """ "gunmen killed 40 villagers" """
    return t.kids.get("dobj")


# Who a verb's victim is: the first rule that applies decides.
VERB_VICTIM_RULES = [
    _headline_subject,
    _subject_with_agent,
    _found_shot,
    _who_died,
    _counted_subject,
    _passive_subject,
    _direct_object,
]


def _verb_victim(t, found):
    """The victim a trigger modifies, else a verb's victim (the first of VERB_VICTIM_RULES that applies)."""
    chosen = _modified_noun(t)
    if chosen is not NO:
        return chosen
    if t.verbal:
        return next((v for v in (rule(t) for rule in VERB_VICTIM_RULES) if v is not NO), None)
    return found


def _joined_verb_subject(t, found):
    """ "was shot and killed", "opened fire, killing two": the subject of the verb it is joined to."""
    tok = t.tok
    if (
        found is not None
        or not t.verbal
        or tok.dep_ not in ("conj", "xcomp", "advcl")
        or tok.head.pos_ not in ("VERB", "AUX")
    ):
        return found
    hk = {c.dep_: c for c in tok.head.children}
    if lost_subject(tok):
        return None
    if t.passive or t.lemma in ("die", "perish"):
        return hk.get("nsubjpass") or hk.get("nsubj")
    if tok.dep_ != "advcl":
        return hk.get("nsubjpass") if "nsubjpass" in hk else None
    if tok.tag_ == "VBN" and tok.head.lemma_ == "leave":
        return hk.get("dobj")  # "a shooting that left one man critically injured"
    return found


def lost_subject(tok) -> bool:
    """ "Both victims were taken to hospitals and the teen was later pronounced dead": a noun after
    the "and" is the joined verb's own subject, which the parser hung elsewhere."""
    if tok.dep_ != "conj" or tok.head.i > tok.i:
        return False
    cc = next((t for t in reversed(tok.doc[tok.head.i + 1 : tok.i]) if t.dep_ == "cc"), None)
    return cc is not None and cc.i + 1 < tok.i and tok.doc[cc.i + 1].pos_ in ("DET", "NOUN", "PROPN", "NUM")


def _after_being_shot(t, found):
    """ "a man is recovering after being shot": the subject of the verb the clause hangs on."""
    tok = t.tok
    if (
        found is None
        and t.verbal
        and t.passive
        and tok.dep_ == "pcomp"
        and tok.head.dep_ == "prep"
        and not _shot_at(tok)
    ):
        hk = {c.dep_: c for c in tok.head.head.children}
        return hk.get("nsubj") or hk.get("nsubjpass")
    return found


def _victim_noun(t, found):
    """ "the homicide victim" is the dead person."""
    return t.tok if t.pos == "NOUN" and t.lemma == "victim" else found


def _predicate_of(t, found):
    """ "found a woman dead", "two were injured": the object or subject of the verb the adjective completes."""
    head, tok = t.tok.head, t.tok
    if tok.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and head.pos_ in ("VERB", "AUX"):
        hk = {c.dep_: c for c in head.children}
        # spaCy may make "a woman dead" a small clause with its own subject
        return (
            hk.get("dobj")
            or hk.get("nsubjpass")
            or t.kids.get("nsubj")
            or (
                hk.get("nsubj")
                if head.lemma_ in ("be", "lie", "remain", "go", "lay", "leave", "find")
                else None
            )
        )
    return found


def _counted_noun(t, found):
    """ "12 deaths", "no injuries", "the deaths of 60 soldiers": the noun counts or names its victims."""
    tok = t.tok
    if found is None and (
        any(c.dep_ in ("nummod", "amod", "det") and (is_number(c) or c.lower_ == "no") for c in tok.children)
        or of_noun(tok)
    ):
        return (
            of_noun(tok)
            if t.pos == "NOUN"
            and of_noun(tok) is not None
            and not any(c.dep_ == "nummod" for c in tok.children)
            else tok
        )
    return found


def _pronounced_dead(t, found):
    """ "pronounced the 21-year-old dead": "dead" parsed as the object."""
    tok = t.tok
    if (
        found is None
        and tok.dep_ == "dobj"
        and tok.head.lemma_ in ("pronounce", "declare")
        and any(c.dep_ == "det" for c in tok.children)
    ):
        return tok
    return found


def _number_adjective(t, found):
    """ "three wounded" """
    return t.tok.head if found is None and t.tok.dep_ == "amod" and is_number(t.tok.head) else found


# Adjectives and nouns ("dead", "injuries"), unless the noun is "victim": in this order.
ADJECTIVE_RULES = [_predicate_of, _counted_noun, _pronounced_dead, _number_adjective]


def _adjective_or_noun(t, found):
    """The victim of an adjective or noun trigger (see ADJECTIVE_RULES)."""
    if t.pos == "NOUN" and t.lemma == "victim":
        return found
    if t.pos in ("ADJ", "NOUN") or (found is None and t.tok.lower_ in ADJ_WHAT):
        for rule in ADJECTIVE_RULES:
            found = rule(t, found)
    return found


def _wounds_not_people(t, found):
    """ "six gunshot wounds" counts wounds, not people."""
    return None if t.pos == "NOUN" and t.lemma in ("wound", "condition") else found


def _who_suffered(t, found):
    """ "he suffered gunshot wounds", "was listed in critical condition", "a victim with a gunshot wound"."""
    tok = t.tok
    if found is not None or t.pos != "NOUN" or t.lemma not in ("injury", "wound", "condition"):
        return found
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.lemma_ in SUFFER_VERBS and (
        t.lemma != "condition" or any(c.lower_ in CONDITIONS for c in tok.children)
    ):
        hk = {c.dep_: c for c in verb.children}
        found = hk.get("dobj") if verb.lemma_ == "leave" else hk.get("nsubjpass") or hk.get("nsubj")
        if found is not None and found.i == tok.i:
            found = None  # "the gunshot wound was self-inflicted": no person
        if found is None and verb.dep_ == "acl":
            found = verb.head  # "a man suffering from a gunshot wound"
    elif (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "with"
        and (group_of(tok.head.head) or tok.head.head.lower_ in ("another", "one", "other", "others"))
    ):
        found = tok.head.head  # "a victim with a gunshot wound"
        if found is not None and found.i == tok.i:
            found = None
    elif (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "with"
        and tok.head.head.lemma_ in ("find", "discover", "locate")
    ):
        # "found a boy with a gunshot wound", "with" hung on the verb: the boy is hurt
        found = next((c for c in tok.head.head.children if c.dep_ == "dobj"), None)
    return found


def _whose_body(t, found):
    """ "a man's body was found" """
    tok = t.tok
    if (
        found is None
        and t.lemma == "body"
        and tok.tag_ == "NN"
        and tok.head.lemma_ in ("find", "discover", "recover", "identify", "pull")
    ):
        return next((c for c in tok.children if c.dep_ == "poss"), tok)
    return found


def _among_the_dead(t, found):
    """ "among the dead were three officers" """
    tok = t.tok
    if (
        found is None
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "among"
        and tok.head.head.pos_ in ("AUX", "VERB")
    ):
        hk = {c.dep_: c for c in tok.head.head.children}
        return hk.get("nsubj") or hk.get("attr")
    return found


# The victim of a trigger: each rule takes what the rules before it found and may keep, change or
# drop it. Order matters where a later rule corrects an earlier one (a wound is not a person).
VICTIM_RULES = [
    _verb_victim,
    _joined_verb_subject,
    _after_being_shot,
    _victim_noun,
    _adjective_or_noun,
    _wounds_not_people,
    _who_suffered,
    _whose_body,
    _among_the_dead,
]


def victims_of(trigger, what):
    """Victim head tokens of a trigger (with conjoined victims), or [] if none is stated."""
    t, found = _Trigger.of(trigger), None
    for rule in VICTIM_RULES:
        found = rule(t, found)
    if found is None:
        return []
    found = resolve(found)
    out = [found]
    # "killed his wife and then himself": the parser may join "himself" to the verb
    selves = [c for c in trigger.children if c.dep_ == "conj" and c.lower_ in REFLEXIVE]
    for c in list(found.conjuncts) + _listed_names(found) + _along_with(trigger) + selves:
        if (
            c.i > found.i
            and c.lemma_.lower() not in NOUN_WHAT
            and not _own_casualty(c)
            and (group_of(c) or c.pos_ in ("NUM", "PRON") or c.ent_type_ == "PERSON")
        ):
            out.append(c)
    return out


def _own_casualty(victim) -> bool:
    """ "one dead man and a second man suffering a graze wound": a joined victim with a casualty
    of its own, told by its own modifier, is that casualty's victim, not the first one's."""
    return any(
        what_of(t) is not None
        for c in victim.children
        if c.dep_ in ("acl", "relcl") and c.i > victim.i
        for t in c.subtree
    )


def _person_subject(verb):
    """The verb's subject; of two (a headline run into the text), the one that names a person."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    people = [c for c in subjects if group_of(c) or c.ent_type_ == "PERSON" or c.pos_ == "PRON"]
    return (people or subjects or [None])[-1]


def _shot_at(trigger) -> bool:
    """ "shot at" with nothing after: fired at, not hit."""
    return any(c.lower_ == "at" and not list(c.children) for c in trigger.children)


def _by_agent(trigger) -> bool:
    """A "by ..." agent on the verb or its conjuncts: the verb is passive whatever its parse."""
    return any(c.dep_ == "agent" for v in [trigger] + list(trigger.conjuncts) for c in v.children)


def _listed_names(victim) -> list:
    """Names listed with their ages, "Ann Roe, 55, Lee Poe, 29, and Kim Doe, 8, were killed": the
    parser hangs the second name on the first as an apposition and the last on it as a conjunct;
    an apposed name that starts a list is another victim (a lone apposed name may be the same
    person's other name, so it is left alone)."""
    if victim.pos_ != "PROPN":
        return []
    out = []
    for a in victim.children:
        if a.dep_ == "appos" and a.pos_ == "PROPN" and a.i > victim.i and a.conjuncts:
            out += [a, *a.conjuncts]
    return out


def _along_with(trigger) -> list:
    """Victims joined by "along with": "Smith was killed along with his brother" is two."""
    out = []
    for node in trigger.subtree:
        if (
            node.lower_ == "with"
            and node.dep_ == "prep"
            and node.i > 0
            and node.nbor(-1).lower_ == "along"
            and (node.i < 2 or node.nbor(-2).text != ",")
            and (  # ", along with two victims who had been shot too": an aside
                node.head.i == trigger.i or node.head.head.i == trigger.i
            )
        ):
            out.extend(g for g in node.children if g.dep_ == "pobj")
    return out
