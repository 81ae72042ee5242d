"""``sitrep geoparse``: every place mention of every article, resolved, with raw offsets.

>>> rows = geoparse_articles([seed_000], Gazetteer.default())
>>> rows[0]["text"], rows[0]["start"], rows[0]["country_code"], rows[0]["precision"]
('Mali', 26, 'ML', 'country')
"""

from __future__ import annotations

from sitrep.geo.counties import counties_named
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.outlet import home_of
from sitrep.geo.place_words import fold
from sitrep.geo.recognise import dateline_places, find_place_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.records import Article, PlaceMention


def article_places(article: Article, gazetteer: Gazetteer, nlp=None) -> list[PlaceMention]:
    """Place mentions of one article with raw spans and ``.resolved`` set."""
    text = article.clean_text
    ents = []
    if nlp is not None:
        ents = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    mentions = find_place_mentions(text, ents, gazetteer=gazetteer)
    for m in mentions:
        m.span = article.raw_span(*m.span)
        m.text = article.raw_text[m.span[0] : m.span[1]]
    datelined = dateline_places(article.raw_text, gazetteer)
    mentions += [
        d for d in datelined if not any(m.span[0] < d.span[1] and d.span[0] < m.span[1] for m in mentions)
    ]
    counties = counties_named(article.raw_text, mentions)
    home = home_of(article.url, counties, gazetteer)
    resolved = resolve_mentions(
        mentions, article.raw_text, gazetteer, home, datelined=datelined, counties=counties
    )
    for m in mentions:
        m.resolved = resolved[fold(m.text)].model_copy()
    return mentions


def geoparse_articles(articles: list[Article], gazetteer: Gazetteer | None = None, nlp=None) -> list[dict]:
    """One dict per place mention (contract keys); unresolved mentions keep text and offsets."""
    from sitrep.models import load_spacy

    gaz = gazetteer or Gazetteer.default()
    nlp = nlp if nlp is not None else load_spacy()
    rows = []
    for article in articles:
        for m in article_places(article, gaz, nlp):
            loc = m.resolved
            rows.append(
                {
                    "article_id": article.article_id,
                    "start": m.span[0],
                    "end": m.span[1],
                    "text": m.text,
                    "name": loc.name if loc else m.text,
                    "lat": loc.lat if loc else None,
                    "lon": loc.lon if loc else None,
                    "geonameid": loc.geonameid if loc else None,
                    "country_code": loc.country_code if loc else None,
                    "admin1": loc.admin1 if loc else None,
                    "feature_class": loc.feature_class if loc else None,
                    "precision": loc.precision if loc else "unknown",
                    "geo_precision": loc.geo_precision if loc else None,
                    "where_prec": loc.where_prec if loc else None,
                    "cue": m.cue,
                    "source": m.source,
                    "reason": loc.reason if loc else None,
                }
            )
    return rows
