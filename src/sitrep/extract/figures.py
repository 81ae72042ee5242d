"""Casualty and other figure claims in a sentence: what, for whom, how many, said by whom.

>>> nlp = load_spacy(); sent = next(nlp("Two security sources said more than 30 soldiers had been killed.").sents)
>>> [(c.what, c.group, c.low, c.high, c.qualifier, c.claimant_kind) for c in find_claims(sent)]
[('killed', 'soldiers', 31, None, 'more_than', 'security_source')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.claim_rules import (
    GROUP_RULES,
    REFERENCE_RULES,
    VICTIM_SKIP_RULES,
    Victim,
    told_by_this_sentence,
)
from sitrep.extract.claimants import find_claimant
from sitrep.extract.figure_words import (
    AGGREGATE,
    MONTH_TALLY,
    REFLEXIVE,
    ROUNDUP,
    SHARED,
    TALLY_AT_LEAST,
    age_after_name,
    group_of,
    is_number,
)
from sitrep.extract.named_counts import named_counts
from sitrep.extract.quantities import Quantity
from sitrep.extract.toll import article_toll  # noqa: F401  (re-exported for callers)
from sitrep.extract.victim_rules import lost_subject, victims_of
from sitrep.extract.victims import count_of, negated_at, of_noun, skip_trigger, what_of
from sitrep.records import Claim
from sitrep.vocab import MONTH_ABBREVIATIONS, MONTHS


def _clause_text(trigger) -> str:
    node = trigger
    while node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.i < node.i:
        node = node.head  # "so many shootings and so many deaths in the last month": one clause
    if node.pos_ in ("NOUN", "ADJ", "NUM") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    return " ".join(t.text for t in node.subtree)


def _span(sent, toks) -> tuple[int, int]:
    doc = sent.doc
    return doc[min(t.i for t in toks)].idx, doc[max(t.i for t in toks)].idx + len(doc[max(t.i for t in toks)])


def _text_at(sent, span: tuple[int, int]) -> str:
    # Sliced from the sentence: ``Doc.text`` joins every token of the document on each call.
    return sent.text[span[0] - sent.start_char : span[1] - sent.start_char]


def find_claims(sent, article_id: str = "") -> list[Claim]:
    """Claims stated in one spaCy sentence ``sent`` (a ``Span``).

    Spans (``span``, ``quote_span``) are character offsets into ``sent.doc.text`` (the clean
    text); the caller maps them to raw offsets. Sets ``scope="aggregate"`` for running totals
    ("since the start of May") and ``scope="shared"`` for one figure over several incidents
    ("in two attacks"); the incident splitter fills ``covers``.

    Each trigger's victims pass, in order, the rules of VICTIM_SKIP_RULES, GROUP_RULES and
    REFERENCE_RULES (each a small function with its example phrase), then become a claim.

        >>> find_claims(next(nlp("A man was shot and killed Tuesday, police said.").sents))[0].what
        'killed'
    """
    state = _Sentence(sent, article_id)
    for trigger in sent:
        what = what_of(trigger)
        if what is None or skip_trigger(trigger):
            continue
        what = _shot_dead(trigger, what, state.fatal)
        victims = victims_of(trigger, what)
        what = _wound_kind(trigger, what, victims)
        if not victims and trigger.pos_ == "NOUN" and trigger.lemma_ == "toll":
            continue
        previous_group = state.claims[-1].group if state.claims else None
        batch: list[Claim] = []
        victim_of_claim: dict = {}
        for victim in victims + _subset_victims(trigger, victims):
            v = Victim(trigger, what, _aged(victim), victims, previous_group, batch)
            claim = _claim(state, v)
            if claim is None:
                continue
            batch.append(claim)
            victim_of_claim[id(claim)] = (v.victim.i, claim.victim)
            if what == "killed":
                state.killed_victims.add(v.victim.i)
        merged = _merge_conjuncts(batch)
        for c in merged:
            index, victim_text = victim_of_claim.get(id(c), (None, None))
            if c.includes_killed and c.victim == victim_text:  # one victim, not merged ones
                state.shot_claims[index] = c
        state.claims.extend(merged)
        if what == "shot" and batch:
            state.claims.extend(_fatal_part(trigger, batch[0]))
    state.claims.extend(
        named_counts(sent, state.article_id, state.quote, lambda tok, low: _scope(state, tok, low))
    )
    return state.claims


def _scope(state: _Sentence, tok, low: int | None, shared: bool = False) -> str:
    """ "aggregate" for a running total, history, a round-up or a month's tally around ``tok``;
    else, where asked, "shared" for one figure over several incidents ("in two attacks"); else
    "incident". A round-up ("in separate shootings across the city") is no one incident's, so it
    is read before (and wins over) the shared wording its words may also match."""
    clause = _clause_text(tok)
    tally = state.roundup or (low or 0) >= TALLY_AT_LEAST and bool(MONTH_TALLY.search(clause))
    if tally or AGGREGATE.search(clause) or in_past_year(tok):
        return "aggregate"
    return "shared" if shared and SHARED.search(clause) else "incident"


@dataclass
class _Sentence:
    """What find_claims remembers across the triggers of one sentence."""

    sent: object
    article_id: str
    claims: list = field(default_factory=list)
    killed_victims: set = field(default_factory=set)
    seen: set = field(default_factory=set)  # (what, victim token index) already claimed
    shot_claims: dict = field(default_factory=dict)  # victim token index -> its "shot" claim
    fatal: set = field(default_factory=set)

    def __post_init__(self):
        self.quote = self.sent.text.rstrip()  # a sentence before a paragraph break ends in its line breaks
        self.roundup = bool(ROUNDUP.search(self.quote))  # read once per sentence, not per claim
        self.fatal = {
            t.i for t in self.sent if t.lower_ in ("fatally", "dead", "death") or t.lemma_ in ("kill", "die")
        }


def _shot_dead(trigger, what: str, fatal: set) -> str:
    """ "shot and killed", "shot dead", "fatally shot", "shot to death": a death, not a wound."""
    if what != "shot" or trigger.lemma_ == "kill":
        return what
    own = [c for c in trigger.children if c.dep_ in ("advmod", "acomp", "oprd", "prep", "xcomp")]
    # "Man shot, killed in ...": a headline joins the two participles with a comma
    joined = _own_conjuncts(trigger) + [
        c for c in trigger.children if c.dep_ == "advcl" and c.i == trigger.i + 2 and c.nbor(-1).text == ","
    ]
    # "had shot him and had also shot and killed his grandmother": a verb with its own object
    # tells of another victim, so its death is not this one's
    obj = any(c.dep_ == "dobj" for c in trigger.children)
    bare = [
        c
        for c in joined
        if not any(g.dep_ in ("nsubj", "nsubjpass") or obj and g.dep_ == "dobj" for g in c.children)
        and not lost_subject(c)
    ]
    near = (
        {t.i for c in own for t in c.subtree}
        | {c.i for c in bare}
        | {t.i for c in bare for t in c.children if t.dep_ in ("advmod", "acomp", "oprd")}
    )
    # "four were shot ..., one fatally", "including one who died": the death of a part of them
    tail = _fatal_tail(trigger)
    near = {i for i in near if not _in_counted_part(trigger.doc[i], trigger) and (not tail or i != tail[1].i)}
    # "shot four strangers before killing himself", "taken to a hospital, where the gunman died":
    # a death with its own victim or subject is that one's, not theirs
    near = {
        i
        for i in near
        if not any(
            c.lower_ in REFLEXIVE or c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
            for c in trigger.doc[i].children
        )
    }
    if fatal & near or any(c.lower_ in ("dead",) for c in trigger.children):
        return "killed"
    return what


def _has_subject(tok) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _own_conjuncts(trigger) -> list:
    """The verbs joined to ``trigger`` in its own clause: "a man was shot and killed, and a boy
    was shot and wounded" joins "killed" to the first "shot" only. A trigger with its own subject
    takes no verb before it; none takes a verb after the next one with a subject."""
    own = _has_subject(trigger)
    out = []
    for c in sorted(trigger.conjuncts, key=lambda t: t.i):
        if c.i < trigger.i:
            if not own:
                out.append(c)
            continue
        if _has_subject(c):
            break
        out.append(c)
    return out


def _fatal_tail(trigger):
    """(number, fatal word) of ", one fatally" / ", two of them fatally" after ``trigger`` in its
    sentence, wherever the parser hangs them; None when there is none."""
    toks = [t for t in trigger.sent if t.i > trigger.i]
    for k, t in enumerate(toks):
        if not is_number(t) or t.i == 0 or t.nbor(-1).text != ",":
            continue
        rest = [x.lower_ for x in toks[k + 1 : k + 4]]
        if rest[:2] in (["of", "them"], ["of", "whom"]):
            rest = rest[2:]
        if rest[:1] and rest[0] in ("fatally", "mortally"):
            return t, next(x for x in toks[k + 1 : k + 4] if x.lower_ == rest[0])
    return None


def _in_counted_part(tok, trigger) -> bool:
    """``tok`` hangs on a number below ``trigger`` ("one fatally", "one who died")."""
    while tok.i != trigger.i and tok.head.i != tok.i:
        tok = tok.head
        # "five were shot, including two men who were killed": the death of a part of them
        if tok.i != trigger.i and (is_number(tok) or tok.lower_ == "including"):
            return True
    return False


def _wound_kind(trigger, what: str, victims: list) -> str:
    """ "suffered gunshot wounds": hit, as "was shot" is; "fatal injuries": killed."""
    if (
        what == "wounded"
        and trigger.lemma_ in ("injury", "wound", "condition")
        and victims
        and victims[0].i != trigger.i
    ):
        fatal_words = {"fatal", "mortal", "deadly", "fatally"}
        return "killed" if any(c.lower_ in fatal_words for c in trigger.children) else "shot"
    return what


def _claim(state: _Sentence, v: Victim) -> Claim | None:
    """The claim about one victim, or None when a rule drops it."""
    victims, trigger = v.victims, v.trigger
    v.negated = negated_at(trigger, v.victim) or (
        bool(victims) and v.victim.i != victims[0].i and negated_at(trigger, victims[0])
    )
    if any(rule(v) for rule in VICTIM_SKIP_RULES) or told_by_this_sentence(v, state.seen):
        return None
    state.seen.add((v.what, v.victim.i))
    if v.what == "killed" and v.victim.i in state.shot_claims:
        # "found shot ... has died", "suffering from a gunshot wound and died": the shot
        # victim is the dead one, so the death replaces the wound.
        wound = state.shot_claims.pop(v.victim.i)
        state.claims[:] = [c for c in state.claims if c is not wound]
    if v.negated and trigger.dep_ in ("relcl", "acl", "amod"):
        return None  # "those who didn't die were taken prisoner"
    v.head = v.victim
    if is_number(v.victim) or v.victim.pos_ == "PRON":
        v.head = of_noun(v.victim) or v.victim
    v.group = group_of(v.head)
    if not all(rule(v) for rule in GROUP_RULES):
        return None
    v.q, v.reference = count_of(v.victim)
    for rule in REFERENCE_RULES:
        rule(v)
    if v.negated:
        v.q = Quantity(0, 0, "exactly", v.q.text if v.q else "")
    if v.q is None or (v.q.low is None and trigger.pos_ in ("NOUN",) and not v.negated):
        if trigger.pos_ == "NOUN" or is_number(v.victim) and v.victim.lower_ not in ("all", "some", "none"):
            return None  # "the bodies of soldiers", "no casualty numbers": not a figure
        v.q = Quantity(None, None, "none", "")
    if v.what == "shot" and v.victim.i in state.killed_victims:
        return None
    if _also(trigger) and (
        v.reference == "new"
        or (v.reference == "same" and v.victim.pos_ != "PRON" and v.head.lemma_ not in ("victim", "one"))
    ):
        v.reference = "additional"  # "a woman was also shot", "the homeowner was also shot"
    return _as_claim(state, v)


def _as_claim(state: _Sentence, v: Victim) -> Claim:
    """The Claim record: spans, scope, claimant."""
    sent, trigger, victim, head = state.sent, v.trigger, v.victim, v.head
    toks = [t for t in victim.subtree if t.i <= victim.i] + ([head] if head.i != victim.i else [])
    toks = [t for t in toks if t.i >= victim.left_edge.i] + (
        [trigger] if abs(trigger.i - victim.i) < 8 else []
    )
    span = _span(sent, toks)
    q = v.q
    scope = _scope(state, trigger, q.low, shared=True)
    killer = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if killer is None and trigger.dep_ in ("advcl", "conj", "xcomp"):  # "it assaulted a base, killing 40"
        killer = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
    who = find_claimant(trigger, killer)
    return Claim(
        article_id=state.article_id,
        what="wounded" if v.what == "shot" else v.what,
        group=v.group,
        low=q.low,
        high=q.high,
        qualifier=q.qualifier,
        text=_text_at(sent, span),
        span=span,
        quote=state.quote,
        quote_span=(sent.start_char, sent.start_char + len(state.quote)),
        attributed_to=who.text,
        claimant_kind=who.kind,
        credited_outlet=who.outlet,
        negated=v.negated,
        scope=scope,
        victim=head.text if head.pos_ != "PRON" else victim.text,
        reference=v.reference,
        includes_killed=v.what == "shot",
        subset=victim.i not in {x.i for x in v.victims} or trigger.head.lower_ == "among",
    )


def _also(trigger) -> bool:
    """ "also" on the trigger, or on the verb it is joined to ("also shot and killed a neighbor")."""
    verbs = [trigger] + ([trigger.head] if trigger.dep_ == "conj" else [])
    return any(c.lower_ == "also" for v in verbs for c in v.children)


def _aged(victim):
    """The person in "Boy, 9, shot ..." or "Jo Long, 67 - ..." where the parser takes the age for the victim."""
    return victim.doc[victim.i - 2] if age_after_name(victim) else victim


_MONTHS = {*MONTH_ABBREVIATIONS, *MONTHS}
FATAL_PART_REACH = 8  # tokens after "shot" within which "one fatally" tells its dead


def _bare_year(tok) -> bool:
    """A year on its own ("in 2012", "December 2012"), not the year of a full date ("Jan. 27, 2015")."""
    if not re.fullmatch(r"(19|20)\d\d", tok.text) or tok.head.lemma_ == "block":
        return False  # "in the 1900 block of Elm Street" is an address
    date = (
        [tok.head] + list(tok.head.children) + list(tok.head.head.children)
        if tok.head.lower_.rstrip(".") in _MONTHS
        else [tok.head]
    )
    return not any(t.i != tok.i and t.like_num and t.text.isdigit() and int(t.text) <= 31 for t in date)


def in_past_year(trigger) -> bool:
    """History, not this report's incident: "shot to death in 2008", "since 2007, when 28 were killed".

    >>> in_past_year(next(t for t in nlp("He was shot to death in 1993.") if t.lemma_ == "shoot"))
    True
    """
    nodes = [trigger] + [a for a in trigger.ancestors][:4]
    for node in nodes:
        if node.i != trigger.i and _bare_year(node):
            return True  # "since 2007, when 28 were killed": the clause hangs on the year
        for child in node.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("in", "since", "during", "until")
                and any(_bare_year(t) for t in child.subtree)
            ):
                return True
    return False


def _subset_victims(trigger, victims) -> list:
    """Victims named as part of a total: "including three children", "among them two officers"."""
    out = []
    for node in [trigger] + list(victims):
        for child in node.children:
            if child.lower_ in ("including", "among", "includes", "include") and child.dep_ in (
                "prep",
                "advcl",
                "acl",
            ):
                for g in child.children:
                    if g.dep_ in ("pobj", "dobj") and g.lower_ not in ("them", "whom", "those"):
                        out.append(g)
                        out.extend(c for c in g.conjuncts if c.i > g.i)
                    elif g.dep_ == "pobj":  # "among them two police officers"
                        out.extend(c for c in g.children if c.dep_ in ("appos", "nummod", "npadvmod"))
                        out.extend(
                            c
                            for c in child.children
                            if c.dep_ in ("appos", "npadvmod", "dobj") and c.i != g.i
                        )
    return out


_BOTH = re.compile(r"\s*both\b", re.I)


def _merge_conjuncts(batch: list[Claim]) -> list[Claim]:
    """One claim per group for coordinated victims of one trigger ("a man and a woman" -> 2)."""
    out: list[Claim] = []
    for c in batch:
        prev = next(
            (
                p
                for p in out
                if p.group == c.group
                and p.subset == c.subset
                and p.negated == c.negated
                and p.what == c.what
                and p.low is not None
                and c.low is not None
            ),
            None,
        )
        if prev is None:
            out.append(c)
            continue
        if not (prev.low == 2 and _BOTH.match(prev.text or "")):  # "both Ann, 32, and Lee, 34": two
            prev.low += c.low
            prev.high = None if prev.high is None or c.high is None else prev.high + c.high
        prev.span = (min(prev.span[0], c.span[0]), max(prev.span[1], c.span[1]))
        prev.victim = f"{prev.victim} and {c.victim}"
    return out


def _fatal_part(trigger, shot: Claim) -> list[Claim]:
    """ "Two people were shot, one fatally": the one who died, as a killed claim."""
    # The parser hangs "one fatally" on the verb, or anywhere nearby when a "police said" follows;
    # a place or a time may come between ("were shot early Sunday in Elm City, one fatally")
    tail = _fatal_tail(trigger)
    for child in trigger.sent:
        if (
            0 < child.i - trigger.i <= (len(trigger.sent) if tail else FATAL_PART_REACH)
            and is_number(child)
            and (
                tail
                and child.i == tail[0].i
                or any(
                    g.lower_ in ("fatally", "dead", "mortally") or (g.dep_ == "relcl" and g.lemma_ == "die")
                    for g in child.children
                )
            )
        ):
            q, _ = count_of(child)
            if q is not None and q.low is not None:
                span = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                return [
                    shot.model_copy(
                        update={
                            "what": "killed",
                            "low": q.low,
                            "high": q.high,
                            "qualifier": q.qualifier,
                            "text": _text_at(child.sent, span),
                            "span": span,
                            "includes_killed": False,
                            "reference": "same",
                            "victim": child.text,
                        }
                    )
                ]
    return []
