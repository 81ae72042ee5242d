"""One article's toll: repeated mentions of the same victims reconciled into one count per kind.

The one reading of what an article reports: merge/reconcile.py counts each article's report with
it (so it is what ``sitrep run`` shows), and benchmarks/gvdb.py measures it through the product.

    >>> article_toll(claims)          # claims from find_claims over one article's sentences
    {'killed': (1, 1, 1), 'wounded': (1, 1, 1)}
"""

from __future__ import annotations

import re
from collections import defaultdict

from sitrep.extract.figure_words import CORRECTION, ORDINALS, REFLEXIVE, SUPERSEDED
from sitrep.extract.identifiers import YEARS_OLD
from sitrep.extract.named_counts import TOLL_LEVEL
from sitrep.records import Claim
from sitrep.vocab import GROUP_OF, GROUP_SIDE

_SAME_WORDS = {"he", "she", "him", "her", "they", "them", "victim", "victims", "one", "who"}


# Sides whose victims are never another side's: "30 soldiers were killed ... 14 militants died" is 44.
SIDES = frozenset(GROUP_SIDE.values())
_MALE = {"man", "men", "boy", "boys", "he", "him", "himself", "father", "son", "brother", "husband"}
_FEMALE = {"woman", "women", "girl", "girls", "she", "her", "herself", "mother", "daughter", "sister", "wife"}


def _sex(victim: str | None) -> str | None:
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


def _kin_apart(claims: list[Claim]) -> list[Claim]:
    """ "The mother was shot ... the daughter was taken to a hospital": one victim named by a
    family role, then another role in a later sentence, is another victim (marked additional)."""
    out, told = [], {}
    for c in sorted(claims, key=lambda c: _at(c)):
        kin, sentence = _kin(c), c.quote_span or c.quote
        earlier = {k for k, s in told.items() if s != sentence}
        if kin and earlier and kin not in told and c.reference != "additional" and c.low == 1:
            c = c.model_copy(update={"reference": "additional"})
        if kin and kin not in told:
            told[kin] = sentence
        out.append(c)
    return out


def _killer_after(claims: list[Claim]) -> list[Claim]:
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
                and any((k.quote_span or k.quote) != sentence and _at(k) < _at(c) for k in killings)
                or _HARMED_BEFORE.search(_before(c))  # "targeted her and her mother before killing himself"
            )
        ):
            c = c.model_copy(update={"reference": "additional"})
        out.append(c)
    return out


_JOINED_SELF = re.compile(r"\band\s+(?:then\s+)?(?:him|her)self\b", re.I)  # "his two children and himself"


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


def _others_of_another_kind(claims: list[Claim]) -> list[Claim]:
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
                    o.what != c.what and (o.quote_span or o.quote) == sentence and _at(o) < _at(c) and o.low
                    for o in claims
                )
                or _survivor_before(c)  # "the woman who survived a shooting that left three others dead"
            )
            and not any(
                o.what == c.what and (o.quote_span or o.quote) == sentence and _at(o) < _at(c) for o in claims
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


def _everyone(c: Claim) -> bool:
    """ "both victims", "all four", "the toll rose to two": everyone the story has told of, not
    one more telling."""
    return _level(c) or bool(_EVERYONE.match(c.text or ""))


def _level(c: Claim) -> bool:
    """A toll's level ("the death toll rose to three"), as named_counts marks it."""
    return c.victim == TOLL_LEVEL


_EVERYONE = re.compile(r"\s*(both|all)\b", re.I)


def _ordinal(c: Claim) -> int:
    """2 for "a second victim", 0 when the claim names no ordinal."""
    return next((n for w, n in ORDINALS.items() if re.search(rf"\b{w}\b", c.text or "", re.I)), 0)


def _rest_of(c: Claim, largest: int) -> bool:
    """ "the other three" / "two other victims" / "the three others" below a count already told:
    the rest of it ("three people were shot ... Two other victims were treated" tells of one
    victim, then of the two others of the three; the parse marks them as others, the article's
    largest count decides whether they are more)."""
    return bool(_THE_OTHER.match(c.text or "")) and 0 < (_point(c) or 0) < largest


def _names(c: Claim) -> set[str]:
    """The names the claim's victims are told by ("Dana Lane, 16, also died": {"Lane"}; "Jo Roe
    and Al Poe were also wounded": {"Roe", "Poe"}), empty unless every victim is a name."""
    parts = [((p.split()[-1:]) or [""])[0] for p in (c.victim or "").split(" and ")]
    if c.low != len(parts) or any(
        not w[:1].isupper() or w.lower() in GROUP_OF or w.lower() in _SAME_WORDS or w.lower() in REFLEXIVE
        for w in parts
    ):
        return set()
    return set(parts)


def _named_within(c: Claim, names: set, largest: int) -> bool:
    """ "Two people were killed ... Ray Ortiz died at the scene ... Dana Lane also died": victims
    named one by one, no more of them than a count already told, are of that count."""
    return bool(_names(c)) and largest >= 2 and len(names) <= largest


def _shooter_counted(kept: list[Claim], claims: list[Claim]) -> list[Claim]:
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


def _point(c: Claim) -> int | None:
    """The number a claim stands for: its low, or its high for "up to N"."""
    if c.negated:
        return 0
    if c.qualifier == "up_to":
        return c.high
    return c.low


def _at(c: Claim) -> int:
    return c.span[0] if c.span else 0


def _count(claims: list[Claim]) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) of one kind of figure over one article's claims about it."""
    counted = [c for c in claims if _point(c) is not None]
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
    everyone = max((_at(c) for c in specific if _everyone(c) and c.reference != "additional"), default=-1)
    # "Four men were wounded ... A fourth man was also shot": an ordinal within a count already
    # told is one of them, not one more.
    largest = max((_point(c) or 0 for c in specific if c.reference != "additional"), default=0)
    # "A quadruple shooting ... The other three victims were taken to hospitals": the rest of a
    # larger count already told, not three more.
    names = {n for c in specific for n in _names(c)}
    adds = [
        c
        for c in specific
        if not (
            c.reference == "additional"
            and (0 < _ordinal(c) <= largest or _rest_of(c, largest) or _named_within(c, names, largest))
        )
    ]
    for sentence in by_sentence.values():
        firsts = [c for c in sentence if c.reference != "additional"]
        start = min((_at(c) for c in firsts), default=None)
        # "One man was declared dead, and another man died": others after a first victim in the
        # same sentence are that sentence's own; others alone ("another man was killed") are extra.
        inner = [
            c
            for c in sentence
            if c.reference == "additional" and not c.negated and start is not None and _at(c) > start
        ]
        # Others told twice ("wounds 2 others" ... "two others were treated") are the same others.
        extra = max(
            extra,
            sum(
                _point(c)
                for c in sentence
                if c.reference == "additional"
                and any(c is k for k in adds)
                and not c.negated
                and id(c) not in {id(x) for x in inner}
                and _at(c) > everyone
            ),
        )
        # Within a sentence, different groups add up ("a man and a 16-year-old boy were shot");
        # the same group told twice, or a victim told again ("the teen"), does not.
        per_group: dict = defaultdict(int)
        for c in firsts:
            # "a boy killed himself ... the boy turned a gun on himself": one who took his own
            # life, told twice (a killer's own death after others is marked additional)
            again_told = c.reference == "same" or (
                (c.victim or "").lower() in REFLEXIVE and not _JOINED_SELF.search(c.text or "")
            )
            side = GROUP_SIDE.get(c.group, c.group or "people") if not again_told else "same"
            per_group[side] = max(per_group[side], _point(c))
        again = per_group.pop("same", 0)
        base.append(max(sum(per_group.values()), again))
        # "The toll rose to two when a second victim died": a toll's level already counts them.
        level = any(_level(c) for c in firsts)
        told.append(base[-1] + (0 if level else sum(_point(c) for c in inner)))
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
    if c.low != 1 or word not in GROUP_OF or word in _SAME_WORDS:
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
        _point(c) or 0
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
    kept = _shooter_counted(kept, claims)
    kept = _others_of_another_kind(_kin_apart(_killer_after(kept)))
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
        top = max((_point(c) or 0 for c in dead if c.reference != "additional"), default=0)
        named = {n for c in dead for n in _names(c)}
        killed -= max(
            [
                _point(c) or 0
                for c in dead
                if c.reference == "additional"
                and c.qualifier == "exactly"
                and not 0 < _ordinal(c) <= (shot_best or 0)
                and not _named_within(c, named, top)  # one of the dead told, not another one
            ]
            or [0]
        )
        if shot_best is not None:
            # Shot victims are the dead told again, unless marked as others ("another man",
            # "a woman was also shot") or of the other sex than every dead victim.
            killed_sex = {_sex(c.victim) for c in by_what.get("killed", [])}
            distinct = max(
                [
                    _point(c) or 0
                    for c in shot
                    if c.reference == "additional"
                    or _another_in_sentence(c, by_what.get("killed", []))
                    or (
                        _sex(c.victim)
                        and killed_sex
                        and None not in killed_sex
                        and _sex(c.victim) not in killed_sex
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
