"""One article's toll: repeated mentions of the same victims reconciled into one count per kind.

The one reading of what an article reports: merge/reconcile.py counts each article's report with
it (so it is what ``sitrep run`` shows), and benchmarks/gvdb.py measures it through the product.

    >>> article_toll(claims)          # claims from find_claims over one article's sentences
    {'killed': (1, 1, 1), 'wounded': (1, 1, 1)}
"""

from __future__ import annotations

import re
from collections import defaultdict

from sitrep.extract.figure_words import CORRECTION, REFLEXIVE, SUPERSEDED
from sitrep.extract.identifiers import YEARS_OLD
from sitrep.extract.toll_people import (
    JOINED_SELF,
    SAME_WORDS,
    at,
    is_level,
    killer_after,
    kin_apart,
    named_within,
    ordinal,
    others_of_another_kind,
    point,
    rest_of,
    sex,
    shooter_counted,
    tells_everyone,
    victim_names,
)
from sitrep.records import Claim
from sitrep.vocab import GROUP_OF, GROUP_SIDE

# Sides whose victims are never another side's: "30 soldiers were killed ... 14 militants died" is 44.
SIDES = frozenset(GROUP_SIDE.values())


def _count(claims: list[Claim]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one kind of figure over one article's claims about it."""
    counted = [c for c in claims if point(c) is not None]
    if not counted:
        return None, None, None
    # Specific figures win over vague ones ("dozens") where both exist (CONTRACT.md).
    specific = [c for c in counted if c.qualifier != "vague"] or counted
    by_sentence: dict = defaultdict(list)
    for c in specific:
        by_sentence[c.quote_span or c.quote].append(c)
    base, told, extra = [], [], 0
    # "Both victims were taken to a hospital" after "a man ... another man": everyone told so far,
    # so others told before it are in it; others told after it add to it.
    everyone = max((at(c) for c in specific if tells_everyone(c) and c.reference != "additional"), default=-1)
    # "Four men were wounded ... A fourth man was also shot": an ordinal within a count already
    # told is one of them, not one more.
    largest = max((point(c) or 0 for c in specific if c.reference != "additional"), default=0)
    # "A quadruple shooting ... The other three victims were taken to hospitals": the rest of a
    # larger count already told, not three more.
    names = {n for c in specific for n in victim_names(c)}
    adds = [
        c
        for c in specific
        if not (
            c.reference == "additional"
            and (0 < ordinal(c) <= largest or rest_of(c, largest) or named_within(c, names, largest))
        )
    ]
    for sentence in by_sentence.values():
        firsts = [c for c in sentence if c.reference != "additional"]
        start = min((at(c) for c in firsts), default=None)
        # "One man was declared dead, and another man died": others after a first victim in the
        # same sentence are that sentence's own; others alone ("another man was killed") are extra.
        inner = [
            c
            for c in sentence
            if c.reference == "additional" and not c.negated and start is not None and at(c) > start
        ]
        # Others told twice ("wounds 2 others" ... "two others were treated") are the same others.
        extra = max(
            extra,
            sum(
                point(c)
                for c in sentence
                if c.reference == "additional"
                and any(c is k for k in adds)
                and not c.negated
                and id(c) not in {id(x) for x in inner}
                and at(c) > everyone
            ),
        )
        # Within a sentence, different groups add up ("a man and a 16-year-old boy were shot");
        # the same group told twice, or a victim told again ("the teen"), does not.
        per_group: dict = defaultdict(int)
        for c in firsts:
            # "a boy killed himself ... the boy turned a gun on himself": one who took his own
            # life, told twice (a killer's own death after others is marked additional)
            again_told = c.reference == "same" or (
                (c.victim or "").lower() in REFLEXIVE and not JOINED_SELF.search(c.text or "")
            )
            side = GROUP_SIDE.get(c.group, c.group or "people") if not again_told else "same"
            per_group[side] = max(per_group[side], point(c))
        again = per_group.pop("same", 0)
        base.append(max(sum(per_group.values()), again))
        # "The toll rose to two when a second victim died": a toll's level already counts them.
        level = any(is_level(c) for c in firsts)
        told.append(base[-1] + (0 if level else sum(point(c) for c in inner)))
    # Others told inside a sentence count with it; others told alone add to the largest telling.
    best = max(max(told), max(base) + extra)
    lows = [c.low or 0 for c in specific]
    highs = [c.high for c in specific]
    low = max(min(lows), 0) if lows else None
    high = None if any(h is None for h in highs) else max(max(highs), best)
    return min(low, best) if low is not None else None, best, high


def _count_sides(claims: list[Claim]) -> tuple[int | None, int | None, int | None]:
    """``_count`` over all claims, or the sum over sides when larger: different sides told in
    different sentences are different victims; generic words ("the man") may name any side's."""
    whole = _count(claims)
    by_side: dict = defaultdict(list)
    for c in claims:
        if GROUP_SIDE.get(c.group or "") in SIDES:
            by_side[GROUP_SIDE[c.group]].append(c)
    if len(by_side) < 2:
        return whole
    parts = [_count(cs) for cs in by_side.values()]
    parts = [p for p in parts if p[1] is not None]
    best = sum(p[1] for p in parts)
    if whole[1] is not None and best <= whole[1]:
        return whole
    high = None if any(p[2] is None for p in parts) else max(sum(p[2] for p in parts), best)
    return min(p[0] or 0 for p in parts), best, high


def _named_one(c: Claim) -> str | None:
    """The noun one victim is told by ("a teen", "his brother"), None for a number or a pronoun."""
    word = ((c.victim or "").split()[-1:] or [""])[0]
    # a person noun ("teen", "passenger"), never "himself", a name or a page's words
    if c.low != 1 or word not in GROUP_OF or word in SAME_WORDS:
        return None
    return word


def _another_in_sentence(shot: Claim, killed: list[Claim]) -> bool:
    """ "A man was killed and a teen suffered a gunshot wound": one victim hit and another dead,
    told by other nouns in one sentence, are two people."""
    noun, age = _named_one(shot), _age(shot)
    sentence = shot.quote_span or shot.quote
    return bool(noun) and any(
        (k.quote_span or k.quote) == sentence
        and k.reference != "same"
        # other nouns, or the same noun with other ages ("a 17-year-old male ... a 15-year-old male")
        and (_named_one(k) not in (None, noun) or None not in (age, _age(k)) and age != _age(k))
        for k in killed
    )


def _age(c: Claim) -> str | None:
    m = YEARS_OLD.search(c.text or "")
    return m.group(1).lower() if m else None


def _hurt_others(hurt: list[Claim], shot: list[Claim], rest: int) -> int:
    """ "A woman was shot ... Two other people were treated for minor injuries": others hurt, told
    apart from the shot, are more victims; not when they are the shot less the dead ("four were
    shot, one died; the three others were treated")."""
    told_shot = {c.quote_span or c.quote for c in shot if c.reference != "additional"}
    others = [
        point(c) or 0
        for c in hurt
        if c.reference == "additional" and not c.negated and (c.quote_span or c.quote) not in told_shot
    ]
    n = max(others, default=0)
    return 0 if n == rest else n


def _superseded(c: Claim) -> bool:
    """The figure is told as one the article says was replaced ("police initially said eight")."""
    if not c.span or not c.quote_span:
        return False
    before = c.quote[: max(c.span[0] - c.quote_span[0], 0)]
    words = list(SUPERSEDED.finditer(before))
    return bool(words) and not CORRECTION.search(before[words[-1].end() :])


def _past(c: Claim) -> bool:
    """The figure is an earlier shooting's, told as background: "mourning a teen who was killed in
    a previous shooting there", "killed at the same corner weeks earlier", "in retaliation for the
    January death of another man"."""
    if not c.span or not c.quote_span:
        return False
    start, end = c.span[0] - c.quote_span[0], c.span[1] - c.quote_span[0]
    return bool(_PAST_AFTER.match(c.quote[max(end, 0) :]) or _PAST_BEFORE.search(c.quote[: max(start, 0)]))


_EARLIER = r"(?:previous|prior|earlier|unrelated|separate)"
_PAST_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:in|during)\s+(?:a|an|the)\s+" + _EARLIER + r"\s+(?:[\w-]+\s+){0,2}?"
    r"(?:shooting|incident|homicide|killing|attack|slaying|robbery)\b"
    r"|[^.;]{0,60}?\b(?:weeks|months|years|a year)\s+(?:earlier|ago)\b|[^.;,]{0,60}?\blast year\b",
    re.I,
)
_PAST_BEFORE = re.compile(r"\bin (?:retaliation|revenge) for\b[^.;]{0,40}$|\b" + _EARLIER + r"\s+$", re.I)


def _current(claims: list[Claim]) -> list[Claim]:
    """Claims less the replaced figures, where the article tells the same kind of figure otherwise."""
    told = {c.what for c in claims if not _superseded(c)}
    return [c for c in claims if c.what not in told or not _superseded(c)]


def article_toll(claims: list[Claim]) -> dict[str, tuple[int | None, int | None, int | None]]:
    """Per kind of figure (killed, wounded, ...), the (low, best, high) count ONE article reports
    (``_toll``): its text's claims, and its title's (``extract/title.py``) only for the kinds its
    text gives no figure of ("Four injured in shooting" over "the victims were airlifted"): a
    title's dead net out of the text's shot as the text's dead would."""
    body = [c for c in claims if not c.in_title]
    out = _toll(body)
    told = {what for what, (_, best, _) in out.items() if best is not None}
    missing = [c for c in claims if c.in_title and ("wounded" if c.includes_killed else c.what) not in told]
    return _toll(body + missing) if missing else out


def _toll(claims: list[Claim]) -> dict[str, tuple[int | None, int | None, int | None]]:
    """Per kind of figure (killed, wounded, ...), the (low, best, high) count ONE article reports.

    Rule, for one article (never across articles):
    - Aggregates (running totals) and subsets ("including three children") are left out.
    - Claims in the same sentence about different victims add up ("a man and a woman were killed").
    - Mentions in different sentences are the same victims told again ("a man was shot and killed
      ... the victim died at the scene" is 1 killed): the largest sentence total wins, plus
      victims marked as additional ("another man", "a second victim", "10 other people");
      others told after a first victim in the same sentence count with that sentence only.
    - "Were shot" counts people hit, dead or not: injured = shot - killed when the shot count
      covers the dead ("two people were shot; one died" -> killed 1, wounded 1), or when a shot
      victim is a re-mention of a dead one; otherwise the shot victims are other people.
    - A specific figure beats a vague one; negations ("no one was hurt") count 0.

        >>> _toll(find_claims(sent) for sent in doc.sents)   # doctest: +SKIP
    """
    kept = _current([c for c in claims if c.scope != "aggregate" and not c.subset and not _past(c)])
    kept = shooter_counted(kept, claims)
    kept = others_of_another_kind(kin_apart(killer_after(kept)))
    by_what: dict[str, list[Claim]] = defaultdict(list)
    for c in kept:
        by_what["shot" if c.includes_killed else c.what].append(c)
    out = {}
    for what, cs in by_what.items():
        if what != "shot":
            out[what] = _count_sides(cs)
    shot = by_what.get("shot")
    if shot:
        _, shot_best, _ = _count_sides(shot)
        killed = (out.get("killed") or (None, 0, None))[1] or 0
        # The dead marked as others ("the second victim was pronounced dead") are not the shot
        # victims told again, so they do not net against them; unless their rank falls within
        # the shot ("three were shot, one fatally ... a second victim died"): one of them died.
        dead = by_what.get("killed", [])
        top = max((point(c) or 0 for c in dead if c.reference != "additional"), default=0)
        named = {n for c in dead for n in victim_names(c)}
        killed -= max(
            [
                point(c) or 0
                for c in dead
                if c.reference == "additional"
                and c.qualifier == "exactly"
                and not 0 < ordinal(c) <= (shot_best or 0)
                and not named_within(c, named, top)  # one of the dead told, not another one
            ]
            or [0]
        )
        if shot_best is not None:
            # Shot victims are the dead told again, unless marked as others ("another man",
            # "a woman was also shot") or of the other sex than every dead victim.
            killed_sex = {sex(c.victim) for c in by_what.get("killed", [])}
            distinct = max(
                [
                    point(c) or 0
                    for c in shot
                    if c.reference == "additional"
                    or _another_in_sentence(c, by_what.get("killed", []))
                    or (
                        sex(c.victim)
                        and killed_sex
                        and None not in killed_sex
                        and sex(c.victim) not in killed_sex
                    )
                ]
                or [0]
            )
            from_shot = max(shot_best - killed, distinct, 0)
            low, best, high = out.get("wounded", (None, None, None))
            best = max(
                best or 0, from_shot + _hurt_others(by_what.get("wounded", []), shot, shot_best - killed)
            )
            out["wounded"] = (
                min(low, best) if low is not None else best,
                best,
                None if high is None and "wounded" in out else max(high or 0, best),
            )
    return out
