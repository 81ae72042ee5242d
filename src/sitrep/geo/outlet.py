"""The outlet's home: the town or state a local news site's web address names. Local news is mostly
about its home, so the home is context for the article's places (``resolve_mentions``)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from sitrep.geo.counties import county_state_codes
from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.geo.place_words import fold, stop_words

HOST_NOISE = {"www", "com", "org", "net", "news", "local", "online", "web", "edu", "gov", "co", "tv", "radio"}


def home_of(url: str | None, counties: dict[str, frozenset[str]], gaz: Gazetteer) -> Place | None:
    """The outlet's home town, its state decided by the US counties the text names
    (``counties_named``; one rule for ``sitrep run`` and ``sitrep geoparse``)."""
    return outlet_home(url, gaz, {("US", st) for st in county_state_codes(counties)})


def outlet_home(url: str | None, gaz: Gazetteer, states: set[tuple[str, str]] = frozenset()) -> Place | None:
    """The town or state an outlet's web address names ("baltimore.cbslocal.com",
    "chicagotribune.com", "abc7chicago.com" -> Chicago): local news is mostly about its home. Big places only
    (a city of 100,000 or a state), named by a whole label or the start of one."""
    if not url:
        return None
    host = (urlparse(url[url.rfind("http") :]).hostname or "").lower()
    labels = [w for w in re.split(r"[.\-]", host)[:-1] if w not in HOST_NOISE and len(w) >= 5]
    # the name starts a label ("chicagotribune"), or ends one after a short call sign ("abc7chicago")
    queries = {w[:k] for w in labels for k in range(5, len(w) + 1)}
    queries |= {w[-k:] for w in labels for k in range(max(5, len(w) - 7), len(w) + 1)}
    queries -= stop_words()  # "centralillinoisproud", "capitalgazette": words, not places
    found = gaz.lookup(sorted(queries))
    best = [
        p
        for q, ps in found.items()
        for p in ps
        if p.main_name
        and fold(p.name).replace(" ", "") == q
        and (p.feature_class == "P" and p.population >= 100_000 or p.feature_code == "ADM1")
    ]
    # ``states``: those the article's counties decide ("onlineathens.com" and Oglethorpe County: Georgia's)
    return (
        max(best, key=lambda p: ((p.country_code, p.admin1) in states, len(p.name), p.population))
        if best
        else None
    )
