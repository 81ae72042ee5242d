"""Disagreements named in plain words, with who said what.

>>> figure_conflicts("fatalities", figure, outlet_of)
[Conflict(field='fatalities', explanation='more than 30 (Reuters: two security sources) vs at least 60 (AP: a civil society activist)')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from sitrep.merge.ids import normalize_name
from sitrep.records import Conflict, Figure, FigureClaim, Outcome
from sitrep.vocab import FIELD_VERB

# the extract stage says "seized" for a place taken and "captured" for people taken prisoner,
# so "captured" is not a side of an outcome dispute
TAKEN = {"seized", "overran", "overtook", "took_control", "took control", "occupied", "took"}
HELD = {
    "repelled",
    "held",
    "foiled",
    "thwarted",
    "pushed_back",
    "pushed back",
    "retook",
    "regained",
    "recaptured",
    "defended",
}


def value_phrase(fc: FigureClaim) -> str:
    """Words for a claim's numbers: ``more_than`` with low 31 -> "more than 30"."""
    q, low, high = fc.qualifier, fc.low, fc.high
    if q == "vague" or (low is None and high is None):
        return fc.text
    if q == "more_than" and low is not None:
        return f"more than {low - 1}"
    if q == "at_least":
        return f"at least {low}"
    if q == "up_to":
        return f"up to {high}"
    if q == "about":
        return f"about {low}"
    if low is not None and high is not None and low != high:
        return f"{low}-{high}"
    return str(low if low is not None else high)


def _join(words: list[str]) -> str:
    words = list(dict.fromkeys(w for w in words if w))
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _same_source(claims: list[FigureClaim]) -> str | None:
    """The one source every side quotes (e.g. the army via several outlets), if there is one."""
    names = [c.attributed_to for c in claims]
    if not all(names):
        return None
    first = normalize_name(names[0])
    if all(fuzz.token_set_ratio(first, normalize_name(n)) >= 80 for n in names[1:]):
        return min(names, key=len)
    return None


def figure_conflicts(field: str, figure: Figure, outlet_of: Callable[[str], str]) -> list[Conflict]:
    """One conflict per group whose specific claims disagree on the numbers.

    ``outlet_of(origin)`` names an origin for a reader ("Reuters", "AP", or an article label).
    """
    out = []
    by_group: dict[str, list[FigureClaim]] = defaultdict(list)
    for c in figure.claims:
        if c.qualifier != "vague" and (c.low is not None or c.high is not None):
            by_group[c.group or "people"].append(c)
    for group, claims in sorted(by_group.items()):
        sides: dict[tuple, list[FigureClaim]] = defaultdict(list)
        for c in claims:
            sides[(c.low, c.high)].append(c)
        if len(sides) < 2:
            continue
        ordered = sorted(sides.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1] or 0))
        source = _same_source(claims)
        parts = []
        for k, (_, side) in enumerate(ordered):
            phrase = value_phrase(side[0])
            origins = _join([outlet_of(c.origin) for c in side])
            if source:
                if k == 0:
                    phrase = f"{phrase} {group} {FIELD_VERB.get(field, field)}"
                parts.append(f"{phrase} ({source}, via {origins})")
            else:
                cites = "; ".join(
                    dict.fromkeys(
                        f"{outlet_of(c.origin)}: {c.attributed_to}"
                        if c.attributed_to
                        else outlet_of(c.origin)
                        for c in side
                    )
                )
                parts.append(f"{phrase} ({cites})")
        prefix = f"{group}: " if len(by_group) > 1 else ""
        out.append(Conflict(field=field, explanation=prefix + " vs ".join(parts)))
    return out


def outcome_conflicts(outcomes: Iterable[Outcome]) -> list[Conflict]:
    """ "seized (JNIM) vs repelled (army)" when one side says a place fell and the other it held."""
    taken, held, seen = [], [], set()
    for o in outcomes:
        word = normalize_name(o.outcome)
        who = o.attributed_to or o.claimant_kind
        side = (
            taken
            if (word in TAKEN or word.replace(" ", "_") in TAKEN)
            else (held if (word in HELD or word.replace(" ", "_") in HELD) else None)
        )
        # "seized" and "captured" from the same claimant are one statement said two ways
        if side is None or (id(side), normalize_name(who)) in seen:
            continue
        seen.add((id(side), normalize_name(who)))
        side.append(f"{o.outcome} ({who})")
    if taken and held:
        return [Conflict(field="outcome", explanation=f"{_join(taken)} vs {_join(held)}")]
    return []
