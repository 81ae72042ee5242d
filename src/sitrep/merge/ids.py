"""Names and keys: normalised place names, spelling skeletons, outlet labels and stable incident ids.

>>> skeleton("Boulikessi") == skeleton("Boulkessi")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sitrep.outlets import outlet_label  # noqa: F401 (re-exported: citations name outlets by it)


@lru_cache(maxsize=200_000)
def normalize_name(text: str) -> str:
    """Lower-case ASCII letters and digits with single spaces: ``normalize_name("Tombouctou ")``."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’`]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """Consonant skeleton of a name (vowels dropped, doubles collapsed): a blocking key that
    tolerates the usual transliteration variants.

        >>> skeleton("Boulkessi")
        'blks'
    """
    name = normalize_name(text).replace(" ", "")
    name = re.sub(r"[aeiouyhw]", "", name)  # h/w: "Ghao"/"Gao", "Ouagadougou"/"Wagadugu"
    return re.sub(r"(.)\1+", r"\1", name)


def short_article(article_id: str) -> str:
    """A readable article label: ``"004_9b07b6954dd56870"`` -> ``"004"`` (hash suffixes say nothing
    to a reader); other ids are kept whole."""
    m = re.match(r"^(.+?)_[0-9a-f]{8,}$", article_id)
    return m.group(1) if m else article_id


def article_label(article) -> str:
    """How a reader names an article: its title and outlet (the URL's site when no outlet is
    given), never a hash alone: ``"Man shot on Elm Street (WXYZ)"``."""
    from urllib.parse import urlparse

    outlet = outlet_label(article.outlet)
    if not outlet and article.url:
        url = re.sub(r"^https?://web\.archive\.org/web/[^/]+/", "", article.url)  # the archived site
        host = (urlparse(url if "://" in url else "http://" + url).hostname or "").lower()
        outlet = host[4:] if host.startswith("www.") else host or None
    title = (article.title or "").strip() or _opening(article)
    return f"{title} ({outlet})" if outlet else title


def _opening(article, words: int = 9) -> str:
    """An untitled article named by its first words and its short id, so a reader can tell it
    apart from the others and find its file: ``"A rebel group affiliated with ... [003]"``."""
    text = getattr(article, "clean_text", "") or ""
    first = text.strip().split("\n", 1)[0].split()
    short = short_article(article.article_id)
    if not first:
        return short
    opening = " ".join(first[:words]) + (" ..." if len(first) > words else "")
    return f"{opening} [{short}]"


def make_incident_id(place_key: str, date_start: str | None, salt: str = "") -> str:
    """Stable id from the place key and start date: ``make_incident_id("ml|boulkessi", "2025-06-01")``."""
    raw = f"{place_key}|{date_start or 'undated'}|{salt}"
    return "inc_" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def assign_ids(
    groups: list[tuple[str, str | None, set[str]]], previous: Iterable[tuple[str, set[str]]] = ()
) -> list[str]:
    """Incident ids for new groups ``(place_key, date_start, mention_ids)``.

    An id of the last run is kept when its mention set overlaps a new group's (largest overlap
    first, each old id used once), so an incident keeps its id when articles are added; the
    others take a hash of place and date, salted by their first mention when two collide.

        >>> assign_ids([("ml|boulkessi", "2025-06-01", {"a#m1"})], [("inc_old", {"a#m1"})])
        ['inc_old']
    """
    previous = [(pid, set(ms)) for pid, ms in previous]
    by_mention: dict[str, list[int]] = {}
    for k, (_, ms) in enumerate(previous):
        for m in ms:
            by_mention.setdefault(m, []).append(k)
    pairs = []
    for g, (_, _, ms) in enumerate(groups):
        counts: dict[int, int] = {}
        for m in ms:
            for k in by_mention.get(m, ()):
                counts[k] = counts.get(k, 0) + 1
        pairs.extend((-n, g, k) for k, n in counts.items())
    ids: list[str | None] = [None] * len(groups)
    used_old: set[int] = set()
    for _, g, k in sorted(pairs):
        if ids[g] is None and k not in used_old:
            ids[g] = previous[k][0]
            used_old.add(k)
    # An old id whose mentions all changed (e.g. re-extraction renumbered them) is not reserved:
    # the same place and date hash to the same id again, which is what stability asks.
    taken = {i for i in ids if i}
    for g, (key, start, ms) in enumerate(groups):
        if ids[g] is None:
            new = make_incident_id(key, start)
            salt = min(ms) if ms else str(g)
            n = 0
            while new in taken:  # the salted id may be an old incident's that another group kept
                new = make_incident_id(key, start, salt=salt + (f"#{n}" if n else ""))
                n += 1
            ids[g] = new
            taken.add(new)
    return ids  # type: ignore[return-value]
