"""Which mentions are one incident: blocked by place and date, then checked pairwise against clusters.

    >>> groups = cluster_mentions([view_mention(m, article, lineage) for m in mentions])
    >>> [[v.mention.mention_id for v in g] for g in groups]      # one list per incident
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from sitrep.merge.views import MentionView
from sitrep.vocab import DATE_RANK

NAME_RATIO = 85      # Boulkessi ~ Boulikessi is 95; Dosso ~ Douentza is 46
ADDRESS_RATIO = 85
FOLLOW_UP_DAYS = 3 * 365
UNDATED_LOOKBACK = 60   # days before publication an undated report may refer to


@dataclass
class Cluster:
    idx: int
    members: list[MentionView] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    geonameids: set[int] = field(default_factory=set)
    country: Optional[str] = None
    day_range: Optional[tuple[int, int]] = None
    family: str = "violence"
    perpetrators: set[str] = field(default_factory=set)
    actor_names: set[str] = field(default_factory=set)
    addresses: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)

    def add(self, v: MentionView) -> None:
        anchor = not self.members
        self.members.append(v)
        self.names |= v.names
        if v.geonameid is not None:
            self.geonameids.add(v.geonameid)
        self.country = self.country or v.country
        if anchor:
            self.family = v.family
        # a follow-up (arrest, sentencing) or a guessed year never moves the incident's date
        if v.day_range and not v.follow_up and not v.year_guessed:
            if self.day_range is None:
                self.day_range = v.day_range
            else:
                s, e = max(self.day_range[0], v.day_range[0]), min(self.day_range[1], v.day_range[1])
                if s <= e:
                    self.day_range = (s, e)
        if not v.follow_up:
            self.perpetrators |= v.perpetrators
        self.actor_names |= v.actor_names
        self.addresses.extend(a for a in v.addresses if a not in self.addresses)
        self.articles.add(v.article_id)


def _place_score(v: MentionView, c: Cluster) -> int:
    if v.geonameid is not None and v.geonameid in c.geonameids:
        return 3
    if v.names & c.names:
        return 2
    if any(fuzz.ratio(a, b) >= NAME_RATIO for a in v.names for b in c.names):
        return 1
    return 0


def _address_match(v: MentionView, c: Cluster) -> Optional[bool]:
    """True/False when both name an address; None when either does not."""
    if not v.addresses or not c.addresses:
        return None
    return any(fuzz.token_set_ratio(a, b) >= ADDRESS_RATIO for a in v.addresses for b in c.addresses)


def _dates_ok(v: MentionView, c: Cluster, slack: int) -> bool:
    if not v.day_range or not c.day_range or v.year_guessed:
        return True
    (a, b), (s, e) = v.day_range, c.day_range
    return a <= e + slack and s <= b + slack


def _lineage_link(v: MentionView, c: Cluster) -> bool:
    return bool({v.derived_from, v.origin} & c.articles - {None, v.article_id})


def score(v: MentionView, c: Cluster, allow_same_article: bool = False) -> int:
    """How well mention ``v`` fits cluster ``c``; 0 means they clearly disagree somewhere."""
    if v.article_id in c.articles and not allow_same_article:
        return 0  # the article itself told its incidents apart
    if v.country and c.country and v.country != c.country:
        return 0
    if v.family != c.family:
        return 0
    if v.perpetrators and c.perpetrators and not v.perpetrators & c.perpetrators:
        return 0
    place = 1 if v.coarse_place else _place_score(v, c)
    if place == 0:
        return 0
    addr = _address_match(v, c)
    if addr is False:
        return 0
    # "late Friday" vs "early Saturday" at the same address is one shooting: one day of slack
    if not _dates_ok(v, c, slack=1 if addr else 0):
        return 0
    s = place + (3 if addr else 0) + (1 if v.actor_names & c.actor_names else 0)
    if v.day_range and c.day_range and v.day_range == c.day_range and v.precision == "day":
        s += 2
    if _lineage_link(v, c):
        s += 5
    return s


def _follow_up_score(v: MentionView, c: Cluster, n_at_place: int) -> int:
    """A later arrest or sentencing joins the violent incident it follows up on."""
    if c.family != "violence" or (v.country and c.country and v.country != c.country):
        return 0
    if _place_score(v, c) == 0 or _address_match(v, c) is False:
        return 0
    if v.day_range and c.day_range:
        gap = v.day_range[0] - c.day_range[1]
        if gap < 0 or gap > FOLLOW_UP_DAYS:
            return 0
    linked = bool(v.actor_names & c.actor_names) or bool(_address_match(v, c)) or _lineage_link(v, c)
    if not linked and n_at_place != 1:
        return 0  # several incidents at that place and nothing names which one
    return 2 + (2 if linked else 0)


def _sort_key(v: MentionView):
    return (v.follow_up or v.history, v.coarse_place, v.derived_from is not None,
            v.day_range is None or v.year_guessed, DATE_RANK.get(v.precision, 5),
            v.mention.in_passing, v.published.toordinal() if v.published else 10**7, v.order)


class _Index:
    """Clusters by block key, and by (block key, day) so a big place is not scanned whole."""

    def __init__(self):
        self.by_key: dict[str, set[int]] = {}
        self.by_day: dict[tuple[str, int], list[int]] = {}
        self.loose: dict[str, list[int]] = {}          # undated or wider than two months
        self.by_country_day: dict[tuple[str, int], list[int]] = {}
        self.by_article: dict[str, set[int]] = {}

    def register(self, c: Cluster, v: MentionView) -> None:
        for k in v.block_keys:
            self.by_key.setdefault(k, set()).add(c.idx)
            r = c.day_range
            if r and r[1] - r[0] <= 62:
                for d in range(r[0], r[1] + 1):
                    self.by_day.setdefault((k, d), []).append(c.idx)
            else:
                self.loose.setdefault(k, []).append(c.idx)
        r = c.day_range
        if c.country and r and r[1] - r[0] <= 62:
            for d in range(r[0], r[1] + 1):
                self.by_country_day.setdefault((c.country, d), []).append(c.idx)
        self.by_article.setdefault(v.article_id, set()).add(c.idx)

    def country_candidates(self, v: MentionView) -> set[int]:
        """Clusters in ``v``'s country on ``v``'s days: an undated country-only mention has none
        (it is too vague to join anything but its own lineage's incident)."""
        out: set[int] = set()
        r = v.day_range
        if v.country and r and not v.year_guessed and r[1] - r[0] <= 62:
            for d in range(r[0], r[1] + 1):
                out.update(self.by_country_day.get((v.country, d), ()))
        return out

    def candidates(self, v: MentionView) -> set[int]:
        out: set[int] = set()
        r = v.day_range
        days = None
        if r and not v.year_guessed and r[1] - r[0] <= 62 and not v.follow_up:
            days = range(r[0] - 1, r[1] + 2)
        elif (not r or v.year_guessed) and v.published is not None and not v.follow_up:
            # no date in the text: news reports what happened in the weeks before publication
            p = v.published.toordinal()
            days = range(p - UNDATED_LOOKBACK, p + 2)
        for k in v.block_keys:
            if days is not None:
                for d in days:
                    out.update(self.by_day.get((k, d), ()))
                out.update(self.loose.get(k, ()))
            else:
                out.update(self.by_key.get(k, ()))
        for a in (v.derived_from, v.origin):
            if a and a != v.article_id:
                out.update(self.by_article.get(a, ()))
        return out


def cluster_mentions(views: list[MentionView]) -> list[list[MentionView]]:
    """Group mention views into incidents, greedily, best-fitting cluster first.

    Mentions are visited dated originals first, then coarser dates, derived copies, undated
    mentions, country-only places and follow-ups, so each joins a cluster whose date and place
    were set by the most precise report.
    """
    clusters: list[Cluster] = []
    index = _Index()
    for v in sorted(views, key=_sort_key):
        best, best_score = None, 0
        if v.coarse_place:
            pool = index.country_candidates(v) | index.candidates(v)
            fits = [(score(v, clusters[i], allow_same_article=True), i) for i in sorted(pool)]
            fits = [(s, i) for s, i in fits if s > 0]
            linked = [(s, i) for s, i in fits if s >= 5]
            # a country-only mention joins only when exactly one incident there fits
            fits = linked or fits
            if len(fits) == 1:
                best_score, best = fits[0]
        else:
            for i in sorted(index.candidates(v)):
                s = score(v, clusters[i])
                if s > best_score:
                    best, best_score = i, s
            if best is None and v.follow_up:
                pool = set()
                for k in v.block_keys:
                    pool.update(index.by_key.get(k, ()))
                violent = [i for i in sorted(pool) if clusters[i].family == "violence"
                           and _place_score(v, clusters[i]) > 0]
                for i in violent:
                    s = _follow_up_score(v, clusters[i], len(violent))
                    if s > best_score:
                        best, best_score = i, s
        if best is None:
            if v.history:
                continue  # a past event named in passing never makes an incident of its own
            best = len(clusters)
            clusters.append(Cluster(idx=best))
        clusters[best].add(v)
        index.register(clusters[best], v)
    return [c.members for c in clusters]
