"""One article's places resolved together, and each incident's place chosen from them: the geo
stage's entry point for ``sitrep run`` (``resolve_extraction``; ``resolve_mentions`` decides each
name)."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from sitrep.geo.anchor import anchored, article_anchor
from sitrep.geo.counties import counties_named
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.marks import police_towns, postal_mentions
from sitrep.geo.outlet import home_of
from sitrep.geo.place_words import fold
from sitrep.geo.precision import NEAR_KM
from sitrep.geo.recognise import dateline_places
from sitrep.geo.resolve import home_town, in_county, resolve_mentions
from sitrep.records import Article, ArticleExtraction, Location, PlaceMention
from sitrep.vocab import GEO_RANK


def within(loc: Location, unit: Location) -> bool:
    """``loc`` is a smaller place inside the country or division ``unit`` ("in Mali ... in
    Boulkessi"); a sibling division ("the Tahoua region ... the Dosso region") is not."""
    code = unit.feature_code or ""
    if not code.startswith(("PCL", "ADM")) or loc.country_code != unit.country_code:
        return False
    if (
        GEO_RANK[loc.precision] > GEO_RANK[unit.precision]
        or GEO_RANK[loc.precision] == GEO_RANK[unit.precision]
        and loc.feature_code is not None
    ):
        return False  # equal rank only for a town the gazetteer lacks, coded to the unit
    if code == "ADM2":  # "in Harris County ... in Houston": a town of the county's state near it
        return loc.admin1 == unit.admin1 and in_county(loc, unit)
    return code.startswith("PCL") or loc.admin1 == unit.name


def incident_location(places: list[PlaceMention]) -> Location | None:
    """The incident's place: the first one named, unless it is a unit (country, division) or unknown
    and a later place lies inside it ("in Mali ... in Boulkessi"). "near X" becomes precision near."""
    best = None
    for m in places:
        if m.resolved is None or (m.cue == "border" and len(places) > 1):
            continue
        loc = m.resolved.model_copy()
        if m.cue == "near" and loc.precision == "exact":
            loc.precision, loc.geo_precision, loc.where_prec = "near", 2, 2
            loc.reason = f"{loc.reason}; the text says near {m.text} (within ~{NEAR_KM:.0f} km)"
        if best is None:
            best = loc
            continue
        if (
            best.precision == "unknown"
            and GEO_RANK[loc.precision] <= GEO_RANK[best.precision]
            and loc.name != best.name
            or within(loc, best)
        ):
            best = loc
    return best


class Resolution(NamedTuple):
    """What the geo stage decides for one article, apart from the extraction it read: a Location per
    place mention (keyed by ``place_id``) and the incident's place per incident mention (keyed by
    ``mention_id``). Later stages read these through ``apply_resolution``'s copy."""

    places: dict[str, Location]
    incidents: dict[str, Location | None]


def place_id(article_id: str, m: PlaceMention) -> str:
    """A place mention's id: its article and raw span ("a1@120-126")."""
    return f"{article_id}@{m.span[0]}-{m.span[1]}"


def resolve_places(
    extraction: ArticleExtraction, article: Article, gazetteer: Gazetteer | None = None
) -> Resolution:
    """Resolve every place mention of one extraction jointly; the extraction is left as it is."""
    gaz = gazetteer or Gazetteer.default()
    every = list(extraction.places) + [p for mention in extraction.mentions for p in mention.places]
    if not every:
        return Resolution({}, {})
    # the dateline, which cleaning drops, takes part as context: its town and state vote
    datelined = dateline_places(article.raw_text, gaz)
    dateline = [
        d for d in datelined if not any(p.span[0] < d.span[1] and d.span[0] < p.span[1] for p in every)
    ]
    dateline += postal_mentions(article.raw_text, every + dateline)  # "in Bluefield, VA."
    police = [  # "Akron police said": the town the report is about ("Santa Cruz" is read whole)
        p
        for p in police_towns(article.raw_text, gaz)
        if not any(o.span[0] < p.span[1] and p.span[0] < o.span[1] and o.text != p.text for o in every)
    ]
    dateline += [p for p in police if not any(o.span[0] < p.span[1] and p.span[0] < o.span[1] for o in every)]
    counties = counties_named(article.raw_text, every + dateline)
    home = home_of(article.url, counties, gaz)
    order = list(dict.fromkeys(fold(p.text) for p in police))
    by_name = resolve_mentions(every + dateline, article.raw_text, gaz, home, order, datelined, counties)
    places = {place_id(article.article_id, p): by_name[fold(p.text)] for p in every}
    named = Counter(fold(p.text) for p in every)
    anchor = article_anchor(
        [by_name[fold(d.text)] for d in datelined],
        [(n, by_name[k]) for k, n in named.items()],
        home_town(gaz, home),
        [by_name[k] for k in order if k in by_name],
    )
    incidents = {}
    for mention in extraction.mentions:
        resolved = [
            p.model_copy(update={"resolved": places[place_id(article.article_id, p)]}) for p in mention.places
        ]
        incidents[mention.mention_id] = anchored(incident_location(resolved), anchor)
    return Resolution(places, incidents)


def apply_resolution(extraction: ArticleExtraction, article_id: str, res: Resolution) -> ArticleExtraction:
    """A copy of the extraction with the geo stage's two fields filled from ``res``: ``.resolved``
    on each place mention and ``.location`` on each incident mention (the output files' fields).

    Only the records on the way to those fields are copied (the extraction, its mentions, their
    places); the rest is shared with ``extraction``, which is not changed. A deep copy cost most
    of the geo stage of a run over a grown store, where every stored extraction is re-dressed
    from the cache (9,340 stored: 16 of 18 s under cProfile; docs/scale.md)."""

    def placed(p):
        loc = res.places.get(place_id(article_id, p))
        return p.model_copy(update={"resolved": loc.model_copy() if loc else None})

    mentions = []
    for mention in extraction.mentions:
        loc = res.incidents.get(mention.mention_id)
        update = {
            "places": [placed(p) for p in mention.places],
            "location": loc.model_copy() if loc else None,
        }
        mentions.append(mention.model_copy(update=update))
    return extraction.model_copy(
        update={"places": [placed(p) for p in extraction.places], "mentions": mentions}
    )


def resolve_extraction(
    extraction: ArticleExtraction, article: Article, gazetteer: Gazetteer | None = None
) -> ArticleExtraction:
    """The extraction with places resolved (a new record; ``resolve_places`` then ``apply_resolution``)."""
    if not extraction.places and not any(m.places for m in extraction.mentions):
        return extraction
    return apply_resolution(extraction, article.article_id, resolve_places(extraction, article, gazetteer))
