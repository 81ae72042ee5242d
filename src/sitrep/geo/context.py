"""Article context for resolution: the countries an article names, its sentences, nearby places.

>>> ctx = Context(text, groups, candidates)      # countries counted from names and demonyms
>>> local_country(ctx, mention, candidates, mentions)
('ML', "'central Mali'")
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from sitrep.countries import country_table
from sitrep.geo.gazetteer import Place
from sitrep.geo.place_words import demonyms, fold
from sitrep.records import Location, PlaceMention

FEATURE_CUES = {"river", "lake"}
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
SIDES = re.compile(
    r"\b(central|northern|southern|eastern|western|north|south|east|west|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+$",
    re.I,
)


@lru_cache(maxsize=1)
def neighbours() -> dict[str, set[str]]:
    return {cc: set(c.neighbours) for cc, c in country_table().items()}


class Context:
    """What the article says about where things are: countries, sentences, resolved points."""

    def __init__(self, text: str, groups: dict[str, list[PlaceMention]], cands: dict[str, list[Place]]):
        self.text = text
        self.sentences = [(m.start(), m.end()) for m in SENTENCE.finditer(text)]
        self.countries: Counter = Counter()
        firsts = []
        self.unsure = {k for k in groups if state_or_country(cands.get(k, []))}  # votes once resolved
        for key, ms in groups.items():
            named = [p for p in cands.get(key, []) if p.is_country and p.main_name]
            if len(named) == 1 and not all(m.cue in FEATURE_CUES for m in ms) and key not in self.unsure:
                self.countries[named[0].country_code] += len(ms)
                firsts += [(m.span[0], named[0].country_code) for m in ms if m.cue != "border"]
        self.lead = min(firsts)[1] if firsts else None  # the first country the article names
        for word in re.findall(r"[A-Z][\w’'-]+", text):
            if fold(word) in demonyms():
                self.countries[demonyms()[fold(word)]] += 0.5
        self.points: list[tuple[float, float, str]] = []  # (lat, lon, name) of places resolved, "home"
        self.divisions: list[tuple[tuple[int, int], Location]] = []  # resolved ADM1 mentions, by span
        self.home: Place | None = None  # the town or state the outlet's web address names
        self.states: set[tuple[str, str]] = set()  # (country, admin1 code) of the divisions named
        self.anchor = None  # (town, why) local news is about: see anchor.py; False when none
        self.anchor_states: set[tuple[str, str]] = set()  # its state's (country, admin1 code)
        self.counties: set[tuple[str, str]] = set()  # every state a county the article names may be in

    def share(self, cc: str | None) -> float:
        top = max(self.countries.values(), default=0)
        return self.countries.get(cc, 0) / top if top else 0.0

    def near_context(self, cc: str | None) -> bool:
        return any(cc in neighbours().get(c, ()) for c in self.countries)

    def sentence(self, span) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, (span[0], float("inf"))) - 1  # sorted, disjoint
        if i >= 0 and self.sentences[i][0] <= span[0] < self.sentences[i][1]:
            return self.sentences[i]
        return span


def state_or_country(ps: list[Place]) -> bool:
    """A name that is a country and, as its own name, a first-level division of another country
    ("Georgia"): it says which country only once the article's other places have decided it."""
    return any(p.is_country and p.main_name for p in ps) and any(
        p.feature_code == "ADM1" and p.main_name and not p.is_country for p in ps
    )


_SORTED: dict = {}


def _spans_between(spans, s: int, e: int):
    """The mentions starting in [s, e), by bisection over the article's mentions sorted once:
    one long sentence full of places would otherwise cost the square of their number."""
    if _SORTED.get("spans") is not spans:
        order = sorted(spans, key=lambda o: o.span[0])
        _SORTED.update(spans=spans, order=order, starts=[o.span[0] for o in order])
    order, starts = _SORTED["order"], _SORTED["starts"]
    lo = bisect.bisect_left(starts, s)
    hi = bisect.bisect_left(starts, e)
    return order[lo:hi]


NEAR_CHARS = 1000  # in a sentence longer than any real one, only places this close count


def local_country(
    ctx: Context, m: PlaceMention, cands: dict[str, list[Place]], spans
) -> tuple[str | None, str]:
    """The country the mention's own sentence puts it in, and the words that say so."""
    s, e = ctx.sentence(m.span)
    before = ctx.text[max(s, m.span[0] - 40) : m.span[0]]
    for word in re.findall(r"[A-Z][\w’'-]+", before):
        if fold(word) in demonyms():
            return demonyms()[fold(word)], f"'{word}'"
    for other in _spans_between(spans, max(s, m.span[0] - NEAR_CHARS), min(e, m.span[0] + NEAR_CHARS)):
        if other is m or other.cue == "border":
            continue
        countries = [p for p in cands.get(fold(other.text), []) if p.is_country and p.main_name]
        if countries and not state_or_country(cands.get(fold(other.text), [])):
            side = SIDES.search(ctx.text[max(s, other.span[0] - 20) : other.span[0]])
            words = f"{side.group(1)} {other.text}" if side else other.text
            return countries[0].country_code, f"'{words}'"
    return None, ""


def owner_country(ctx: Context, ms: list[PlaceMention], cands, spans) -> str | None:
    """The country whose possessive comes just before a mention ("Burkina Faso's Sahel")."""
    for m in ms:
        for other in spans:
            gap = ctx.text[other.span[1] : m.span[0]]
            if 0 <= len(gap) <= 3 and gap.strip() in ("'s", "’s"):
                countries = [p for p in cands.get(fold(other.text), []) if p.is_country and p.main_name]
                if countries:
                    return countries[0].country_code
    return None
