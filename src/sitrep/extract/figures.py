"""Casualty and other figure claims in a sentence: what, for whom, how many, said by whom.

    >>> nlp = load_spacy(); sent = next(nlp("Two security sources said more than 30 soldiers had been killed.").sents)
    >>> [(c.what, c.group, c.low, c.high, c.qualifier, c.claimant_kind) for c in find_claims(sent)]
    [('killed', 'soldiers', 31, None, 'more_than', 'security_source')]
"""
from __future__ import annotations

import re

from sitrep.extract.claimants import find_claimant
from sitrep.extract.figure_words import (
    AGGREGATE, NON_PERSON, PERSON_ONLY, PRONOUN_ONE, REFLEXIVE, RELATIVE, SHARED, age_after_name, group_of,
    is_number,
)
from sitrep.extract.quantities import Quantity
from sitrep.extract.toll import article_toll  # noqa: F401  (re-exported for callers)
from sitrep.extract.victims import count_of, negated_at, of_noun, skip_trigger, victims_of, what_of
from sitrep.records import Claim


def _clause_text(trigger) -> str:
    node = trigger
    while node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.i < node.i:
        node = node.head          # "so many shootings and so many deaths in the last month": one clause
    if node.pos_ in ("NOUN", "ADJ", "NUM") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    return " ".join(t.text for t in node.subtree)


def _span(sent, toks) -> tuple[int, int]:
    doc = sent.doc
    return doc[min(t.i for t in toks)].idx, doc[max(t.i for t in toks)].idx + len(doc[max(t.i for t in toks)])


def _text_at(sent, span: tuple[int, int]) -> str:
    # Sliced from the sentence: ``Doc.text`` joins every token of the document on each call.
    return sent.text[span[0] - sent.start_char:span[1] - sent.start_char]


def find_claims(sent, article_id: str = "") -> list[Claim]:
    """Claims stated in one spaCy sentence ``sent`` (a ``Span``).

    Spans (``span``, ``quote_span``) are character offsets into ``sent.doc.text`` (the clean
    text); the caller maps them to raw offsets. Sets ``scope="aggregate"`` for running totals
    ("since the start of May") and ``scope="shared"`` for one figure over several incidents
    ("in two attacks"); the incident splitter fills ``covers``.

        >>> find_claims(next(nlp("A man was shot and killed Tuesday, police said.").sents))[0].what
        'killed'
    """
    claims: list[Claim] = []
    quote = sent.text.rstrip()      # a sentence before a paragraph break ends in its line breaks
    killed_victims: set[int] = set()
    seen: set[tuple[str, int]] = set()
    shot_claims: dict = {}          # victim token index -> its "shot" claim
    fatal = {t.i for t in sent if t.lower_ in ("fatally", "dead", "death") or t.lemma_ in ("kill", "die")}
    for trigger in sent:
        what = what_of(trigger)
        if what is None or skip_trigger(trigger):
            continue
        if what == "shot" and trigger.lemma_ != "kill":
            # "shot and killed", "shot dead", "fatally shot", "shot to death": a death, not a wound.
            own = [c for c in trigger.children if c.dep_ in ("advmod", "acomp", "oprd", "prep", "xcomp")]
            bare = [c for c in trigger.conjuncts if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
            near = {t.i for c in own for t in c.subtree} | {c.i for c in bare} | {
                t.i for c in bare for t in c.children if t.dep_ in ("advmod", "acomp", "oprd")}
            if fatal & near or any(c.lower_ in ("dead",) for c in trigger.children):
                what = "killed"
        victims = victims_of(trigger, what)
        if what == "wounded" and trigger.lemma_ in ("injury", "wound", "condition") and victims and victims[0].i != trigger.i:
            # "suffered gunshot wounds": hit, as "was shot" is; "fatal injuries": killed.
            fatal_words = {"fatal", "mortal", "deadly", "fatally"}
            what = "killed" if any(c.lower_ in fatal_words for c in trigger.children) else "shot"
        if not victims and trigger.pos_ == "NOUN" and trigger.lemma_ == "toll":
            continue
        previous_group = claims[-1].group if claims else None
        batch: list[Claim] = []
        victim_of_claim: dict = {}
        for victim in victims + _subset_victims(trigger, victims):
            victim = _aged(victim)
            if victim.lower_ in RELATIVE or victim.lower_ in ("it", "this", "what", "which"):
                continue
            negated = negated_at(trigger, victim) or (bool(victims) and victim.i != victims[0].i and negated_at(trigger, victims[0]))
            if victim.lower_ in ("anyone", "anybody", "everyone", "everybody") and not negated:
                continue
            if any(c.lower_ in ("possible", "potential", "unconfirmed") for c in victim.children):
                continue          # "a call about a possible person shot"
            if (what, victim.i) in seen or what == "shot" and ("killed", victim.i) in seen:
                continue          # "was shot and killed": one victim, one claim
            seen.add((what, victim.i))
            if what == "killed" and victim.i in shot_claims:
                # "found shot ... has died", "suffering from a gunshot wound and died": the shot
                # victim is the dead one, so the death replaces the wound.
                wound = shot_claims.pop(victim.i)
                claims[:] = [c for c in claims if c is not wound]
            if negated and trigger.dep_ in ("relcl", "acl", "amod"):
                continue   # "those who didn't die were taken prisoner"
            head = victim
            if is_number(victim) or victim.pos_ == "PRON":
                head = of_noun(victim) or victim
            group = group_of(head)
            if head.lemma_.lower() in NON_PERSON and head.i != trigger.i:
                continue
            if group is None and head.pos_ in ("NOUN",) and head.i != victim.i:
                group = "people"
            if group is None and head.pos_ == "PROPN":
                if head.ent_type_ not in ("PERSON", "") and not _with_age(head) or trigger.lemma_ in PERSON_ONLY:
                    continue      # "Timbuktu was captured": a place, not people
                group = "people"
            if group is None and head.pos_ == "NOUN" and not is_number(head):
                if trigger.lemma_ in PERSON_ONLY or what in ("captured", "displaced"):
                    continue
                group = "people"
            if previous_group and (head.lower_ in ("more", "others", "other", "another") or (
                    group is None and is_number(victim) and head.i == victim.i)):   # "wounded 40 more", "and five were"
                group = previous_group
            if group is None and (head.lower_ in PRONOUN_ONE or head.lower_ in REFLEXIVE):
                group = "people"
            if trigger.lemma_ in PERSON_ONLY and group is None and victim.pos_ not in ("NUM", "PRON"):
                continue
            if victim.i == trigger.i:
                group = None              # "no injuries", "12 deaths": no victim group stated
            q, reference = count_of(victim)
            if reference == "additional" and victim.dep_ == "dobj" and victim.head.i == trigger.i and victim.lower_ not in ("more", "others"):
                reference = "new"     # "a man shot and killed another man": other than the killer
            if reference == "additional" and _other_than_agent(victim):
                reference = "new"     # "a man who fled after the murder of another man": other than him
            if head.i != victim.i and head.tag_ == "PRP":
                reference = "same"       # "one of them", "two of the victims"
            if reference == "new" and _headline_noun(victim):
                reference = "same"       # "Teen shot ..." names the victim the story then tells of
            if batch and reference == "same" and victim.pos_ != "PRON" and victim.i in {v.i for v in victims[1:]}:
                reference = batch[0].reference   # "his five children as well as his wife": joined, so not the same
            if negated:
                q = Quantity(0, 0, "exactly", q.text if q else "")
            if q is None or (q.low is None and trigger.pos_ in ("NOUN",) and not negated):
                if trigger.pos_ == "NOUN" or is_number(victim) and victim.lower_ not in ("all", "some", "none"):
                    continue      # "the bodies of soldiers", "no casualty numbers": not a figure
                q = Quantity(None, None, "none", "")
            if what == "shot" and victim.i in killed_victims:
                continue
            toks = [t for t in victim.subtree if t.i <= victim.i] + ([head] if head.i != victim.i else [])
            toks = [t for t in toks if t.i >= victim.left_edge.i] + ([trigger] if abs(trigger.i - victim.i) < 8 else [])
            span = _span(sent, toks)
            clause = _clause_text(trigger)
            scope = "aggregate" if AGGREGATE.search(clause) or in_past_year(trigger) else "shared" if SHARED.search(clause) else "incident"
            killer = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
            if killer is None and trigger.dep_ in ("advcl", "conj", "xcomp"):   # "it assaulted a base, killing 40"
                killer = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
            who = find_claimant(trigger, killer)
            if _also(trigger) and (reference == "new" or (
                    reference == "same" and victim.pos_ != "PRON" and head.lemma_ not in ("victim", "one"))):
                reference = "additional"     # "a woman was also shot", "the homeowner was also shot"
            batch.append(Claim(
                article_id=article_id, what="wounded" if what == "shot" else what, group=group,
                low=q.low, high=q.high, qualifier=q.qualifier,
                text=_text_at(sent, span), span=span, quote=quote,
                quote_span=(sent.start_char, sent.start_char + len(quote)), attributed_to=who.text,
                claimant_kind=who.kind, credited_outlet=who.outlet, negated=negated, scope=scope,
                victim=head.text if head.pos_ != "PRON" else victim.text, reference=reference,
                includes_killed=what == "shot",
                subset=victim.i not in {v.i for v in victims} or trigger.head.lower_ == "among",
            ))
            victim_of_claim[id(batch[-1])] = (victim.i, batch[-1].victim)
            if what == "killed":
                killed_victims.add(victim.i)
        merged = _merge_conjuncts(batch)
        for c in merged:
            index, victim_text = victim_of_claim.get(id(c), (None, None))
            if c.includes_killed and c.victim == victim_text:   # one victim, not merged ones
                shot_claims[index] = c
        claims.extend(merged)
        if what == "shot" and batch:
            claims.extend(_fatal_part(trigger, batch[0]))
    return claims


def _other_than_agent(victim) -> bool:
    """ "another man" after "a man" who, in the same sentence, acts (or is acted on) but is no casualty."""
    if not any(c.lower_ == "another" for c in victim.children):
        return False
    for tok in victim.sent:
        if tok.i < victim.i and tok.lemma_ == victim.lemma_ and (
                tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass" and not _casualty_verb(tok.head)):
            return True
    return False


def _headline_noun(victim) -> bool:
    """A capitalised singular noun with no article or number, as headlines write: "Teen shot", "Man killed"."""
    return victim.tag_ == "NN" and victim.text[:1].isupper() and not any(
        c.dep_ in ("det", "poss", "nummod") for c in victim.children)


def _casualty_verb(verb) -> bool:
    """ "was shot", "was declared dead": the verb or its predicate states a casualty."""
    predicates = [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")]
    return what_of(verb) is not None or any(what_of(c) is not None for c in predicates)


def _also(trigger) -> bool:
    """ "also" on the trigger, or on the verb it is joined to ("also shot and killed a neighbor")."""
    verbs = [trigger] + ([trigger.head] if trigger.dep_ == "conj" else [])
    return any(c.lower_ == "also" for v in verbs for c in v.children)


def _aged(victim):
    """The person in "Boy, 9, shot ..." or "Jo Long, 67 - ..." where the parser takes the age for the victim."""
    return victim.doc[victim.i - 2] if age_after_name(victim) else victim


def _with_age(name) -> bool:
    """A name given an age ("38-year-old Jo Long", "Jo Long, 38,") is a person, whatever the entity tagger says."""
    doc, i = name.doc, name.i
    return any(t.lower_ in ("old", "year-old") for t in name.lefts) or (
        i + 2 < len(doc) and age_after_name(doc[i + 2]))


_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "january", "february", "march", "april", "june", "july", "august", "september",
           "october", "november", "december"}


def _bare_year(tok) -> bool:
    """A year on its own ("in 2012", "December 2012"), not the year of a full date ("Jan. 27, 2015")."""
    if not re.fullmatch(r"(19|20)\d\d", tok.text) or tok.head.lemma_ == "block":
        return False            # "in the 1900 block of Elm Street" is an address
    date = [tok.head] + list(tok.head.children) + list(tok.head.head.children) if tok.head.lower_.rstrip(".") in _MONTHS else [tok.head]
    return not any(t.i != tok.i and t.like_num and t.text.isdigit() and int(t.text) <= 31 for t in date)


def in_past_year(trigger) -> bool:
    """History, not this report's incident: "shot to death in 2008", "since 2007, when 28 were killed".

        >>> in_past_year(next(t for t in nlp("He was shot to death in 1993.") if t.lemma_ == "shoot"))
        True
    """
    nodes = [trigger] + [a for a in trigger.ancestors][:4]
    for node in nodes:
        if node.i != trigger.i and _bare_year(node):
            return True            # "since 2007, when 28 were killed": the clause hangs on the year
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "since", "during", "until") and any(
                    _bare_year(t) for t in child.subtree):
                return True
    return False


def _subset_victims(trigger, victims) -> list:
    """Victims named as part of a total: "including three children", "among them two officers"."""
    out = []
    for node in [trigger] + list(victims):
        for child in node.children:
            if child.lower_ in ("including", "among", "includes", "include") and child.dep_ in ("prep", "advcl", "acl"):
                for g in child.children:
                    if g.dep_ in ("pobj", "dobj") and g.lower_ not in ("them", "whom", "those"):
                        out.append(g)
                        out.extend(c for c in g.conjuncts if c.i > g.i)
                    elif g.dep_ == "pobj":      # "among them two police officers"
                        out.extend(c for c in g.children if c.dep_ in ("appos", "nummod", "npadvmod"))
                        out.extend(c for c in child.children if c.dep_ in ("appos", "npadvmod", "dobj") and c.i != g.i)
    return out


def _merge_conjuncts(batch: list[Claim]) -> list[Claim]:
    """One claim per group for coordinated victims of one trigger ("a man and a woman" -> 2)."""
    out: list[Claim] = []
    for c in batch:
        prev = next((p for p in out if p.group == c.group and p.subset == c.subset and p.negated == c.negated
                     and p.what == c.what and p.low is not None and c.low is not None), None)
        if prev is None:
            out.append(c)
            continue
        prev.low += c.low
        prev.high = None if prev.high is None or c.high is None else prev.high + c.high
        prev.span = (min(prev.span[0], c.span[0]), max(prev.span[1], c.span[1]))
        prev.victim = f"{prev.victim} and {c.victim}"
    return out


def _fatal_part(trigger, shot: Claim) -> list[Claim]:
    """ "Two people were shot, one fatally": the one who died, as a killed claim."""
    # The parser hangs "one fatally" on the verb, or anywhere nearby when a "police said" follows.
    for child in trigger.sent:
        if abs(child.i - trigger.i) <= 4 and child.i > trigger.i and is_number(child) and any(
                g.lower_ in ("fatally", "dead", "mortally") for g in child.children):
            q, _ = count_of(child)
            if q is not None and q.low is not None:
                span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                return [shot.model_copy(update={
                    "what": "killed", "low": q.low, "high": q.high, "qualifier": q.qualifier,
                    "text": _text_at(child.sent, span), "span": span,
                    "includes_killed": False, "reference": "same", "victim": child.text})]
    return []
