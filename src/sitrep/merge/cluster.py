"""Which mentions are one incident: blocked by place and date, then checked pairwise against clusters.

>>> groups = cluster_mentions([view_mention(m, article, lineage) for m in mentions])
>>> [[v.mention.mention_id for v in g] for g in groups]      # one list per incident
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.extract.identifiers import Identifiers
from sitrep.merge.link import LINK_THRESHOLD, compare, link_clusters
from sitrep.merge.views import MentionView
from sitrep.vocab import DATE_RANK

NAME_RATIO = 85  # Boulkessi ~ Boulikessi is 95; Dosso ~ Douentza is 46
ADDRESS_RATIO = 85
FOLLOW_UP_DAYS = 3 * 365
FRESH_DAYS = 3  # an undated report this soon after an incident in its town is about it
FRESH_WEEKS = 30  # days within which a follow-up may rest on the place alone
UNDATED_LOOKBACK = 60  # days before publication an undated report may refer to


@dataclass
class Cluster:
    idx: int
    members: list[MentionView] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    geonameids: set[int] = field(default_factory=set)
    country: str | None = None
    day_range: tuple[int, int] | None = None
    family: str = "violence"
    perpetrators: set[str] = field(default_factory=set)
    actor_names: set[str] = field(default_factory=set)
    addresses: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    ids: Identifiers = field(default_factory=Identifiers)
    counts: tuple[int, int] | None = None
    reasons: dict[str, list[str]] = field(default_factory=dict)  # mention id -> why it joined
    stated: dict[tuple, set[int]] = field(default_factory=dict)  # counts by group, source kind
    update: bool = False
    refused: list[tuple[str, str]] = field(default_factory=list)  # (article id, why kept apart)

    def refuse(self, article_id: str, why: str) -> None:
        """Record that a report of ``article_id`` was kept apart from this incident, and why."""
        self.refused.append((article_id, why))

    def add(self, v: MentionView, reasons: list[str] | None = None) -> None:
        anchor = not self.members
        if not anchor:
            self.reasons[v.mention.mention_id] = reasons or why_joined(v, self)
        self.members.append(v)
        self.ids.update(v.ids)
        self.counts = self.counts or v.counts
        for k, ns in v.stated.items():
            self.stated[k] = self.stated.get(k, set()) | ns
        self.update = self.update or v.update
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

    def absorb(self, other: Cluster, reasons: list[str]) -> None:
        """Take in another cluster whole (merge/link.py): its first mention joins for ``reasons``."""
        for i, v in enumerate(other.members):
            self.add(v, reasons if i == 0 else other.reasons.get(v.mention.mention_id))
        self.refused.extend(other.refused)


def why_joined(v: MentionView, c: Cluster) -> list[str]:
    """The evidence that put mention ``v`` into cluster ``c``, in words."""
    out = []
    if _lineage_link(v, c):
        out.append("copied from or rewritten from a report already in this incident")
    if v.geonameid is not None and v.geonameid in c.geonameids or v.names & c.names:
        out.append("same place: " + ", ".join(sorted(v.names & c.names) or ["same gazetteer place"]))
    elif v.coarse_place:
        out.append("the only incident that fits its country- or region-level place")
    if _address_match(v, c):
        out.append("same address")
    if v.day_range and c.day_range and _dates_ok(v, c, slack=1):
        out.append("same date" if v.day_range == c.day_range else "overlapping dates")
    elif not v.day_range or v.year_guessed:
        out.append("undated report; date taken from this incident")
    if v.actor_names & c.actor_names:
        out.append("same actors: " + ", ".join(sorted(v.actor_names & c.actor_names)))
    if v.follow_up:
        out.append("follow-up (arrest, charge, trial) of this incident")
    out += compare(v, c).reasons
    return list(dict.fromkeys(out))


def _place_score(v: MentionView, c: Cluster) -> int:
    if v.geonameid is not None and v.geonameid in c.geonameids:
        return 3
    if v.names & c.names:
        return 2
    if any(fuzz.ratio(a, b) >= NAME_RATIO for a in v.names for b in c.names):
        return 1
    return 0


def _address_match(v: MentionView, c: Cluster) -> bool | None:
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
    """``c`` holds the mention of the report ``v`` copies or rewrites that plays ``v``'s part:
    a copy's lead story is its source's lead story, and an aside its source's aside (a copy's lead
    never joins the older shooting its source names in passing)."""
    src = {v.derived_from, v.origin} & c.articles - {None, v.article_id}
    return bool(src) and any(
        m.article_id in src and m.mention.in_passing == v.mention.in_passing for m in c.members
    )


def _copy_of_lead(v: MentionView, c: Cluster) -> bool:
    """``v`` is the lead of a copy or rewrite of a report whose lead ``c`` holds, dated (the dates
    are checked after) or published within days of it: one story, whatever town each was read as
    (a suburb in one, its county in the other)."""
    if v.mention.in_passing or not _lineage_link(v, c):
        return False
    if v.day_range and not v.year_guessed:
        return True
    days = [m.published.toordinal() for m in c.members if m.published]
    lo, hi = c.day_range or ((min(days), max(days)) if days else (None, None))
    return (
        v.published is not None
        and lo is not None
        and lo - FRESH_DAYS <= v.published.toordinal() <= hi + FRESH_DAYS
    )


def _fresh(v: MentionView, c: Cluster) -> bool:
    """An undated report published within days of the incident, placed in the same named town."""
    if v.geonameid is None or v.geonameid not in c.geonameids:
        return False
    if c.day_range is None:  # the incident is the undated one: its reports against v's date
        days = [m.published.toordinal() for m in c.members if m.published]
        return (
            bool(days)
            and v.day_range is not None
            and not v.year_guessed
            and all(0 <= d - v.day_range[1] <= FRESH_DAYS for d in days)
        )
    if c.day_range[1] - c.day_range[0] > 2:
        return False  # "last December": days after a month's end tell nothing of which day
    return v.published is not None and 0 <= v.published.toordinal() - c.day_range[1] <= FRESH_DAYS


def score(v: MentionView, c: Cluster, allow_same_article: bool = False, refused: list | None = None) -> int:
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
    if place == 0 and not _copy_of_lead(v, c):
        return 0
    addr = _address_match(v, c)
    if addr is False:
        return 0
    # "late Friday" vs "early Saturday" at the same address, street or victim is one shooting:
    # one day of slack
    if not _dates_ok(v, c, slack=1):
        return 0
    ev = compare(v, c)
    # a person, block, street or age the report states outright
    if not (addr or ev.stated or ev.age or _dates_ok(v, c, slack=0)):
        return 0
    if ev.conflict and not _lineage_link(v, c):  # a copy's counts or names are not a conflict
        if refused is not None:
            refused.append((c.idx, ev.conflict))
        return 0
    s = place + (3 if addr else 0) + (1 if v.actor_names & c.actor_names else 0) + ev.points
    strong = (
        bool(addr)
        or ev.points >= LINK_THRESHOLD
        or _lineage_link(v, c)
        or (place >= 1 and not v.coarse_place and bool(v.actor_names & c.actor_names))
    )  # a named armed group at a named town
    undated = not v.day_range or v.year_guessed or not c.day_range
    if undated and not strong and not _fresh(v, c):
        return 0  # an undated report joins on strong evidence, or a named town within days
    if v.day_range and c.day_range and v.day_range == c.day_range and v.precision == "day":
        s += 2
    if _lineage_link(v, c):
        s += 5
    return s


def _place_and_days_only(v: MentionView, c: Cluster) -> bool:
    """Dates that only overlap (a weekend, "in May") and a place in common, nothing else shared:
    no address, person, counts, actors, wording or lineage."""
    overlap_only = v.day_range and c.day_range and v.day_range != c.day_range and not v.year_guessed
    if not overlap_only or _address_match(v, c) or v.actor_names & c.actor_names or _lineage_link(v, c):
        return False
    return not compare(v, c).points


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
    ev = compare(v, c)
    if ev.conflict:
        return 0
    linked = linked or ev.points >= LINK_THRESHOLD
    if not linked and n_at_place != 1:
        return 0  # several incidents at that place and nothing names which one
    after = _days_after(v, c)
    if not linked and after is None:
        return 0  # a follow-up that names no time: the town's only incident may be another
    if not linked and not 0 <= after <= FRESH_WEEKS:
        return 0  # months later, the only incident at a town's name is not evidence enough
    return 2 + (2 if linked else 0)


def _days_after(v: MentionView, c: Cluster) -> int | None:
    """Days from the incident's last day (else its last report) to the follow-up's date (else its
    publication); None when either side has neither."""
    end = (
        c.day_range[1]
        if c.day_range
        else max((m.published.toordinal() for m in c.members if m.published), default=None)
    )
    start = v.day_range[0] if v.day_range else v.published.toordinal() if v.published else None
    return None if start is None or end is None else start - end


def _sort_key(v: MentionView):
    return (
        v.follow_up or v.history,
        v.coarse_place,
        v.derived_from is not None,
        v.day_range is None or v.year_guessed,
        DATE_RANK.get(v.precision, 5),
        v.mention.in_passing,
        v.published.toordinal() if v.published else 10**7,
        v.order,
    )


class _Index:
    """Clusters by block key, and by (block key, day) so a big place is not scanned whole."""

    def __init__(self):
        self.by_key: dict[str, set[int]] = {}
        self.by_day: dict[tuple[str, int], list[int]] = {}
        self.loose: dict[str, list[int]] = {}  # undated or wider than two months
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


def _greedy(views: list[MentionView]) -> list[Cluster]:
    """Group mention views into incidents, greedily, best-fitting cluster first.

    Mentions are visited dated originals first, then coarser dates, derived copies, undated
    mentions, country-only places and follow-ups, so each joins a cluster whose date and place
    were set by the most precise report.
    """
    clusters: list[Cluster] = []
    index = _Index()
    refused: list[tuple[int, str]] = []  # (cluster, why) the current mention was kept out of
    for v in sorted(views, key=_sort_key):
        refused.clear()
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
            fitting = 0
            for i in sorted(index.candidates(v)):
                s = score(v, clusters[i], refused=refused)
                fitting += s > 0
                if s > best_score:
                    best, best_score = i, s
            # a place and days in common name the incident only when it is the one that fits:
            # in a city with several shootings that week they name none of them
            if best is not None and fitting > 1 and _place_and_days_only(v, clusters[best]):
                best, best_score = None, 0
            if best is None and v.follow_up:
                pool = set()
                for k in v.block_keys:
                    pool.update(index.by_key.get(k, ()))
                violent = [
                    i
                    for i in sorted(pool)
                    if clusters[i].family == "violence" and _place_score(v, clusters[i]) > 0
                ]
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
        for i, why in refused:
            if i != best:
                clusters[i].refuse(v.article_id, why)
                clusters[best].refuse(clusters[i].members[0].article_id, why)
    return clusters


def cluster_mentions(views: list[MentionView]) -> list[list[MentionView]]:
    """Group mention views into incidents: by place and date first, then joined on strong evidence."""
    return [c.members for c in link_mentions(views)]


def link_mentions(views: list[MentionView]) -> list[Cluster]:
    """``cluster_mentions`` keeping the clusters, with why each mention joined (``Cluster.reasons``)."""
    return link_clusters(_greedy(views))
