"""Counts told without a victim noun: the event's name ("a quadruple shooting", "a double
homicide"), a toll's new level ("the death toll rose to three") and a shooter's own death ("then
turned the gun on himself").

    >>> [(c.what, c.low) for c in named_counts(sent, "a1", sent.text, scope_of)]   # doctest: +SKIP
    [('wounded', 4)]
"""

from __future__ import annotations

from sitrep.extract.claimants import find_claimant
from sitrep.extract.figure_words import MULTIPLE_EVENTS, MULTIPLES, REFLEXIVE, TOLL_VERBS, VERB_WHAT, group_of
from sitrep.extract.quantities import parse_quantity
from sitrep.records import Claim

TOLL_LEVEL = "toll"  # the victim of a toll's level: everyone the story has told of (toll.py)


def named_counts(sent, article_id: str, quote: str, scope_of) -> list[Claim]:
    """Claims of one spaCy sentence ``sent`` counted by an event's name or a toll's level;
    ``scope_of(token, low)`` says whether a figure is a running total or a round-up's."""
    if any(t.dep_ == "mark" and t.lower_ in ("if", "unless", "whether") for t in sent):
        return []  # "if so, the shooting becomes a triple homicide": a condition, not a count
    out = []
    for tok in sent:
        found = _multiple(tok, sent) or _toll_level(tok) or _turned_on_self(tok, sent)
        if found is None:
            continue
        what, n, first = found
        # the shooter's own death is one more than the victims told ("killed two, then himself");
        # not when the one who turned the gun is told by a noun ("a boy turned a gun on himself"):
        # then he is the victim the sentence tells of, by that noun's group
        subject = _own_subject(tok) if first.lower_ in REFLEXIVE else None
        reference = "additional" if first.lower_ in REFLEXIVE and subject is None else "new"
        span = (first.idx, tok.idx + len(tok)) if first.i < tok.i else (tok.idx, first.idx + len(first))
        who = find_claimant(tok, None)
        out.append(
            Claim(
                article_id=article_id,
                what="wounded" if what == "shot" else what,
                group=(group_of(subject) if subject is not None else None) or "people",
                low=n,
                high=n,
                qualifier="exactly",
                text=sent.text[span[0] - sent.start_char : span[1] - sent.start_char],
                span=span,
                quote=quote,
                quote_span=(sent.start_char, sent.start_char + len(quote)),
                attributed_to=who.text,
                claimant_kind=who.kind,
                credited_outlet=who.outlet,
                scope=scope_of(tok, n),
                victim=TOLL_LEVEL if tok.lower_ == "toll" else (subject or first).text,
                reference=reference,
                includes_killed=what == "shot",
            )
        )
    return out


def _multiple(tok, sent):
    """("shot" | "killed", n, first token) for "a quadruple shooting", "a double fatal shooting";
    the plural ("triple shootings") is several events, so it counts no one."""
    what = MULTIPLE_EVENTS.get(tok.lower_)
    if what is None:  # most words: the words before are not read
        return None
    before = [t for t in tok.doc[max(tok.i - 3, sent.start) : tok.i] if t.text != "-"]
    if not before:
        return None
    fatal = before[-1].lower_ == "fatal" and len(before) > 1
    word = before[-2] if fatal else before[-1]
    if word.lower_ not in MULTIPLES:
        return None
    return ("killed" if fatal else what), MULTIPLES[word.lower_], word


def _toll_level(tok):
    """("killed", n, number token) for "the death toll rose to three", "the toll stands at 4"."""
    if tok.lower_ != "toll" or tok.dep_ != "nsubj" or tok.head.lemma_ not in TOLL_VERBS:
        return None
    verb = tok.head
    nums = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.like_num]
    nums += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("to", "at")
        for g in c.children
        if g.like_num
    ]
    q = parse_quantity(nums[0].text) if nums else None
    if q is None or q.low is None:
        return None
    return "killed", q.low, nums[0]


_WEAPONS = {"gun", "weapon", "rifle", "pistol", "handgun", "shotgun", "firearm"}
_SURVIVED = {"attempt", "try", "survive", "critical", "hospitalize", "injure", "wound", "stable", "treat"}


def _turned_on_self(tok, sent):
    """("killed", 1, "himself") for "then turned the gun on himself" (a shooter's suicide), unless
    the sentence tells he lived ("tried to turn the gun on himself", "... and is in critical
    condition")."""
    if tok.lemma_ != "turn" or not any(c.dep_ == "dobj" and c.lemma_ in _WEAPONS for c in tok.children):
        return None
    me = next(
        (
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "on"
            for g in c.children
            if g.lower_ in REFLEXIVE
        ),
        None,
    )
    # he lived: "tried to turn the gun on himself", "... himself and is in critical condition";
    # read in his own clause, not over the sentence ("wounded two before turning the gun on himself")
    told = [tok.head] * (tok.dep_ == "xcomp") + [t for t in sent if me is not None and t.i > me.i]
    if me is None or any(t.lemma_.lower() in _SURVIVED for t in told):
        return None
    return "killed", 1, me


def _own_subject(turn):
    """The person noun that turned the gun ("a 10-year-old boy turned a gun on himself"), or None
    for a pronoun or a verb joined to an earlier one ("shot two, then turned the gun on himself")."""
    subj = next((c for c in turn.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or turn.dep_ in ("conj", "advcl", "pcomp", "xcomp"):
        return None
    # "the man turned the gun on himself after killing his wife": he killed another first
    others = any(
        t.lemma_ in _HARM and any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVE for c in t.children)
        for t in turn.sent
    )
    return subj if group_of(subj) and not others else None


# the verbs that harm someone ("executed his wife", "maimed two"): figure_words' own, so a verb it
# learns counts here too
_HARM = {lemma for lemma, what in VERB_WHAT.items() if what in ("killed", "wounded", "shot")}
