"""What merging needs to know about one mention: its place keys, date range, type family, actors.

>>> view = view_mention(mention, article, lineage_of_article)
>>> view.day_range      # (first, last) proleptic ordinals, or None when the date is unknown
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sitrep.extract.identifiers import Identifiers
from sitrep.merge.ids import normalize_name, skeleton
from sitrep.records import Article, IncidentMention, Lineage, parse_day

# Type families: mentions of one incident are often typed differently by different outlets
# (a clash in one, an attack or a shelling in another), so only families have to agree.
FAMILY = {
    "battles": "violence",
    "explosions_remote_violence": "violence",
    "violence_against_civilians": "violence",
    "riots": "violence",
    "protests": "demonstration",
    "strategic_developments": "strategic",
}
GENERIC_ACTORS = {
    "unknown",
    "unidentified",
    "unidentified gunmen",
    "gunmen",
    "unknown gunmen",
    "assailants",
    "attackers",
    "militants",
    "insurgents",
    "jihadists",
    "extremists",
    "terrorists",
    "armed men",
    "suspects",
    "a suspect",
    "shooter",
    "gunman",
    "people",
    "civilians",
    # who answers every shooting in a town: naming them links no two reports
    "police",
    "officers",
    "police officers",
    "us police",
    "deputies",
    "sheriffs office",
}


@lru_cache(maxsize=1)
def unnamed_actors() -> frozenset[str]:
    """The actor names that name no one: ``GENERIC_ACTORS`` and the actor table's generic entries
    ("Unidentified gunman", "Civilians"): two reports of "the suspect" share no actor."""
    from sitrep.extract.actors import ActorDictionary

    entries = ActorDictionary.load().entries
    table = {normalize_name(e.name) for e in entries if e.generic and "{country}" not in e.name}
    return frozenset(GENERIC_ACTORS | table)


FOLLOW_UP_WORDS = re.compile(r"\b(arrest\w*|charg\w*|sentenc\w*|convict\w*|trial|court|indict\w*)\b", re.I)
FOLLOW_UP_WHATS = {"arrested", "charged", "sentenced", "convicted", "detained"}
ADDRESS_CUES = {"address", "street", "block", "road", "building"}
ADDRESS_RE = re.compile(
    r"\b(\d+\s+block|block of|street|st\.|avenue|ave\.?|road|rd\.|boulevard|blvd|lane|drive|"
    r"highway|square|corner of|intersection)\b",
    re.I,
)
COARSE_PRECISIONS = {"country", "admin1", "unknown"}
PLACE_WORDS = re.compile(
    r"\b(region|province|state|district|department|city|town|village|county|"
    r"commune|municipality|governorate|prefecture|area)\b"
)


@lru_cache(maxsize=200_000)
def place_name(text: str) -> str:
    """Normalised place name without admin words: ``place_name("the Tahoua region") == "tahoua"``."""
    name = PLACE_WORDS.sub(" ", normalize_name(text))
    name = re.sub(r"^(the|of)\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip()


@dataclass
class MentionView:
    mention: IncidentMention
    article_id: str
    origin: str
    derived_from: str | None
    published: date | None
    order: int = 0
    names: set[str] = field(default_factory=set)  # normalised place names
    skeletons: set[str] = field(default_factory=set)
    geonameid: int | None = None  # only when the place itself resolved
    country: str | None = None
    coarse_place: bool = True  # no place finer than a country/region
    addresses: list[str] = field(default_factory=list)
    day_range: tuple[int, int] | None = None
    precision: str = "unknown"
    year_guessed: bool = False
    family: str = "violence"
    perpetrators: set[str] = field(default_factory=set)  # names and aliases, non-generic
    actor_names: set[str] = field(default_factory=set)
    follow_up: bool = False
    history: bool = False
    ids: Identifiers = field(default_factory=Identifiers)  # victims, streets (merge/link.py)
    counts: tuple[int, int] | None = None  # (killed, wounded) this report states
    stated: dict[tuple, set[int]] = field(default_factory=dict)  # (what, group, source kind)
    update: bool = False  # says a toll changed ("died later", "has risen to")

    @property
    def block_keys(self) -> set[str]:
        # a skeleton of one or two consonants ("Gao" -> "g") would lump unrelated towns: such
        # short names block on their full spelling instead
        keys = {f"s:{skeleton(n)}" if len(skeleton(n)) >= 3 else f"n:{n}" for n in self.names}
        if self.geonameid is not None:
            keys.add(f"g:{self.geonameid}")
        return keys


def _parse_day(text: str | None) -> int | None:
    day = parse_day(text)
    return day.toordinal() if day else None


def _is_address(text: str, cue: str | None) -> bool:
    return (cue or "") in ADDRESS_CUES or bool(ADDRESS_RE.search(text))


def _date_range(mention: IncidentMention) -> tuple[int, int] | None:
    d = mention.date
    start, end = _parse_day(d.start), _parse_day(d.end)
    if start is None and d.window:
        start, end = _parse_day(d.window[0]), _parse_day(d.window[1])
        # a vague window ("in recent weeks") longer than a month cannot place an incident
        if start is None or end is None or end - start > 31:
            return None
    if start is None:
        return None
    return (start, max(end or start, start))


def _states_casualties(mention: IncidentMention) -> bool:
    """Killed or wounded of the mention's own incident, stated: a report of violence, whatever
    its lead was typed as (an arrest, a protest)."""
    return any(
        c.scope == "incident" and c.what in ("killed", "wounded") and not c.negated and (c.low or 0) > 0
        for c in mention.claims
    )


def view_mention(
    mention: IncidentMention, article: Article | None, lineage: Lineage | None, order: int = 0
) -> MentionView:
    """Build the merge view of one mention (pure; the mention is not changed)."""
    aid = mention.article_id
    published = None
    if article is not None and article.published:
        p = _parse_day(article.published)
        published = date.fromordinal(p) if p else None
    v = MentionView(
        mention=mention,
        article_id=aid,
        origin=lineage.origin if lineage else aid,
        derived_from=lineage.derived_from if lineage else None,
        published=published,
        order=order,
    )
    first = mention.places[0] if mention.places else None
    loc = mention.location or (first.resolved if first else None)  # geo may set only the place
    if loc is not None:
        v.country = loc.country_code
        own = place_name(loc.name)
        place_texts = {place_name(p.text) for p in mention.places}
        # a location that fell back to the country (unknown town) must not merge every town
        if loc.precision not in COARSE_PRECISIONS or own in place_texts or not place_texts:
            if loc.geonameid is not None:
                v.geonameid = loc.geonameid
            if own:
                v.names.add(own)
    for p in mention.places:
        if _is_address(p.text, p.cue):
            v.addresses.append(normalize_name(p.text))
        elif p is first or not v.names:
            v.names.add(place_name(p.text))
        if p.resolved is not None and v.country is None:
            v.country = p.resolved.country_code
    v.names.discard("")
    # a mention placed only in a country ("an attack in Mali") may join a finer incident there
    # (a village the gazetteer lacks keeps its own name at country precision: that is not coarse)
    is_country = (
        loc is not None
        and loc.precision == "country"
        and ((loc.feature_code or "").startswith("PCL") or loc.geonameid is not None)
    )
    v.coarse_place = not v.names or (is_country and v.names <= {place_name(loc.name)} and not v.addresses)
    v.skeletons = {skeleton(n) for n in v.names}
    v.day_range = _date_range(mention)
    v.precision = mention.date.precision if v.day_range else "unknown"
    # an undated article's "May 24" gets a year from the parser's clock, not from the text
    if (
        v.day_range
        and published is None
        and not any(re.search(r"\b(19|20)\d\d\b", t) for t in mention.date.text)
    ):
        v.year_guessed = True
    v.family = FAMILY.get(mention.event_type, "violence")
    if _states_casualties(mention):
        v.family = "violence"  # "police investigate after a boy, 4, was shot": a shooting's report
    for a in mention.actors:
        names = {normalize_name(a.name), *(normalize_name(x) for x in a.aliases)} - {""}
        if a.kind != "unknown" and not names & unnamed_actors():
            v.actor_names |= names
            if a.role == "perpetrator":
                v.perpetrators |= names
    whats = {c.what for c in mention.claims}
    v.follow_up = (
        mention.sub_event_type == "arrests"
        or bool(whats)
        and whats <= FOLLOW_UP_WHATS
        or (
            mention.event_type == "strategic_developments"
            and bool(FOLLOW_UP_WORDS.search(mention.label or ""))
        )
    )
    if v.day_range and published is not None:
        v.history = mention.in_passing and published.toordinal() - v.day_range[1] > 365
    return v
