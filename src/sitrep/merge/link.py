"""The evidence that two reports are one incident beyond place and date: the same victims, the
same block or street, the same counts, setting and weapon; and the evidence that they are not.

    >>> attach_identifiers(views, articles)          # each view gets its part of its article
    >>> ev = compare(view, cluster)                   # Evidence(points, reasons, conflict, flags)
    >>> groups = link_clusters(clusters)              # second pass: strong evidence joins clusters

Linking rests on these because local news often names no town the gazetteer finds and dates a
follow-up by its own day; two reports naming the same victim are one incident whatever their
places say, and two naming different victims are two whatever their places say.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from sitrep.extract.identifiers import Identifiers, read_identifiers, words
from sitrep.merge.views import MentionView
from sitrep.records import Article
from sitrep.vocab import UPDATE_WORDS

VICTIM_POINTS = 5
AGE_POINTS = 2  # "a 6-year-old" in both: telling, but many reports name a 17-year-old
BLOCK_POINTS = 4
STREET_POINTS = 2
ROUND_UP_AGES = 3  # a report giving more ages than this is a round-up, not one incident: a shared
# age tells nothing, and its lead keeps its own sentences
LINK_THRESHOLD = 5  # a victim, or a block and one more thing
MAX_POSTINGS = 40  # a key shared by more clusters than this identifies nothing
STRONG_WINDOW = 400  # days: a victim named again at a trial or a funeral
PERSON_WINDOW = 30  # days: anyone else named (a suspect, a witness) links only a month
BLOCK_WINDOW = 7  # days: the same block and more within a week
STREET_WINDOW = 2  # days: a street alone links only reports of the same days
RARE_WORDS = 6  # blocking keys from a report's rarest words
WORDING_HIGH = 0.2
CONTEXT_NEEDS_DAYS = True
WORDING_LOW = 0.12
PLACE_POINTS = 1  # place and day only support a stated identifier or close wording
WORDING_SAME = 0.4  # worded this alike at the same place: one incident told again days later
FOLLOW_WINDOW = 7  # days: a death in hospital, a vigil, the victim named, told in like words
SPELT_LENGTH = 6  # a street name this long may be misspelt by one letter and still be the same
SPELT_RATIO = 90
STORY_PARTS = 3  # an article telling more main stories than this is a round-up


@dataclass
class Evidence:
    """Why two reports may be one incident: ``points``, the ``reasons`` in words (incidents.json's
    ``linked_by``), the first ``conflict`` (``kept_apart``), and what kind of evidence it holds,
    the flags merging decides on (never the reasons' words)."""

    points: int = 0
    reasons: list[str] = field(default_factory=list)
    conflict: str | None = None
    person: bool = False  # the same person named, or the same surname with the same age
    victim: bool = False  # ... and said to be the victim, or named with the same age
    age: bool = False  # the same age, no one named
    block: bool = False  # the same block, or the same two streets (a corner)
    street: bool = False  # the same street
    wording: bool = False  # the incident's sentences worded alike
    retold: bool = False  # told again within days in like words at the same place
    same_days: bool = False  # dated, or published, the same or next day

    @property
    def stated(self) -> bool:
        """An identifier the reports state outright: a person, a block or a street."""
        return self.person or self.block or self.street

    def add(self, other: Evidence) -> None:
        """Take in ``other``'s points, reasons and flags (wording, place and day beside identifiers)."""
        self.points += other.points
        self.reasons += other.reasons
        for flag in FLAGS:
            setattr(self, flag, getattr(self, flag) or getattr(other, flag))


FLAGS = ("person", "victim", "age", "block", "street", "wording", "retold", "same_days")


def _counts(v: MentionView) -> tuple[int, int] | None:
    got: dict[str, int] = {}
    for c in v.mention.claims:
        if c.scope != "incident" or c.what not in ("killed", "wounded"):
            continue
        n = 0 if c.negated else c.low
        if n is not None:
            got[c.what] = max(got.get(c.what, 0), n)
    return (got.get("killed", 0), got.get("wounded", 0)) if got else None


def stated_counts(v: MentionView) -> dict[tuple, set[int]]:
    """Exact killed and wounded counts the report states, by victim group and the kind of source
    saying them ("a 17-year-old boy was killed", police said: ("killed", None, "official") -> {1})."""
    out: dict[tuple, set[int]] = defaultdict(set)
    for c in v.mention.claims:
        if c.scope != "incident" or c.what not in ("killed", "wounded") or c.qualifier != "exactly":
            continue
        if c.subset or c.reference == "additional" or c.includes_killed:
            continue  # a part, "another man", or "4 shot" (hit, some of whom died)
        n = 0 if c.negated else c.low
        if n is not None and (c.high is None or c.high == n):
            out[(c.what, c.group, c.claimant_kind)].add(n)
    return dict(out)


def count_conflict(a, b) -> str | None:
    """Two reports (or incidents) published the same day whose same kind of named source (police
    and police, say) gives one count each of the same victims, different, neither saying the toll
    changed: why they are two incidents, in words; None when nothing conflicts. Across days a toll
    rises or is revised without a word said, and an unattributed count (the outlet's own words)
    is too often a part ("a man was killed") to refuse on."""
    if a.update or b.update:
        return None
    day = _last_published(a)
    if day is None or day != _last_published(b):
        return None
    for key in sorted(set(a.stated) & set(b.stated), key=str):
        what, group, kind = key
        x, y = a.stated[key], b.stated[key]
        if kind == "unknown" or len(x) != 1 or len(y) != 1 or x == y:
            continue
        (n,), (m,) = x, y
        return (
            f"different counts from the same kind of source ({kind}): {n} vs {m} "
            f"{group + ' ' if group else ''}{what}, and neither report says the toll changed"
        )
    return None


def _last_published(x) -> int | None:
    """The day a mention view, or a cluster's latest report, was published."""
    if hasattr(x, "members"):
        r = _published_range(x)
        return r[1] if r else None
    return x.published.toordinal() if x.published else None


def attach_identifiers(views: list[MentionView], articles: dict[str, Article]) -> None:
    """Give each view the identifiers of its part of the article: a mention's own sentences,
    and for the article's lead mention also the title and every sentence no other mention claims."""
    by_article: dict[str, list[MentionView]] = defaultdict(list)
    for v in views:
        by_article[v.article_id].append(v)
        v.counts = _counts(v)
        v.stated = stated_counts(v)
    for aid, vs in by_article.items():
        art = articles.get(aid)
        if art is None:
            continue
        text = art.raw_text
        lead = next((v for v in vs if not v.mention.in_passing), vs[0])
        taken = sorted(s for v in vs if v is not lead for s in v.mention.sentences)
        for v in vs:
            if v is lead:
                continue
            v.ids = read_identifiers(" ".join(text[a:b] for a, b in v.mention.sentences))
        rest, pos = [], 0
        for a, b in taken:
            rest.append(text[pos:a])
            pos = max(pos, b)
        rest.append(text[pos:])
        lead.ids = read_identifiers(" ".join(rest), title=art.title or "")
        if len(lead.ids.ages) > ROUND_UP_AGES:
            # a round-up or a year in review names many victims: its lead keeps its own sentences
            lead.ids = read_identifiers(
                " ".join(text[a:b] for a, b in lead.mention.sentences), title=art.title or ""
            )
        # "Des Moines, 24 miles away" reads like a name and an age: a place is never a victim
        places = {p.text.lower() for v in vs for p in v.mention.places}
        for v in vs:
            v.ids.drop_people(places)
            own = ((art.title or "") + ". " if v is lead else "") + " ".join(
                text[a:b] for a, b in v.mention.sentences
            )  # the lead mention reads with the title
            v.ids.words = words(own)
            v.update = bool(UPDATE_WORDS.search(own))


def _victims_differ(a: Identifiers, b: Identifiers) -> bool:
    """Both name victims with ages, and neither report names any of the other's."""
    if not a.victims or not b.victims:
        return False
    return not (set(a.victims) & b.capitalised) and not (set(b.victims) & a.capitalised)


def compare(a, b) -> Evidence:
    """The evidence that two reports (a mention view or a cluster each) tell one incident, and
    the first evidence that they do not (``conflict``, in words): different victims named,
    different blocks, or different counts from the same kind of source with no update wording."""
    ev = _identifiers(a.ids, b.ids, a.counts, b.counts)
    # a named victim outweighs the counts (the count is then more likely misread than the victim)
    if not ev.conflict and not ev.victim:
        ev.conflict = count_conflict(a, b)
    return ev


def _identifiers(a: Identifiers, b: Identifiers, counts_a, counts_b) -> Evidence:
    ev = Evidence()
    people = a.people & b.people
    aged = {s for s in set(a.ages) & set(b.ages) if a.ages[s] == b.ages[s]}
    if people or aged:
        ev.points += VICTIM_POINTS
        ev.person = True
        said = {p.split()[-1] for p in people} | aged
        # a victim: said with an age near the killing words, or named as the one killed or shot
        victim = said & (set(a.victims) | set(b.victims)) or people & (a.slain | b.slain)
        who = (
            "same victim"
            if victim and people
            else "same surname and age"
            if not people
            else "same person and age"
            if aged
            else "same person named"
        )
        ev.victim = who in ("same victim", "same person and age")
        ev.reasons.append(
            f"{who}: " + ", ".join(sorted(people) or [f"{s}, {a.ages[s]}" for s in sorted(aged)])
        )
    elif _victims_differ(a, b):
        ev.conflict = (
            f"different victims named: {', '.join(sorted(a.victims))} vs {', '.join(sorted(b.victims))}"
        )
        return ev
    years = (a.years & b.years) - {a.ages[s] for s in aged}
    if years and max(len(a.years), len(b.years)) <= ROUND_UP_AGES:
        ev.points += AGE_POINTS
        ev.age = True
        ev.reasons.append("same age: " + ", ".join(str(y) for y in sorted(years)))
    blocks = _same_spelt(a.blocks, b.blocks)
    streets = _same_spelt(a.streets, b.streets)
    if a.blocks and b.blocks and not streets:
        ev.conflict = (
            f"different blocks named: {', '.join(sorted(a.blocks))} vs {', '.join(sorted(b.blocks))}"
        )
        return ev
    if blocks or len(streets) > 1:
        # a block, or two streets both name (a corner: "51st Street and Indiana Avenue")
        ev.points += BLOCK_POINTS
        ev.block = True
        ev.reasons.append("same block: " + ", ".join(sorted(blocks or streets)))
    elif streets:
        ev.points += STREET_POINTS
        ev.street = True
        ev.reasons.append("same street: " + ", ".join(sorted(streets)))
    if counts_a and counts_b and counts_a == counts_b and sum(counts_a) > 0:
        ev.points += 1
        ev.reasons.append(f"same counts: {counts_a[0]} killed, {counts_a[1]} injured")
    setting = (a.settings & b.settings) - {"home", "vehicle"}
    if setting:
        ev.points += 1
        ev.reasons.append("same setting: " + ", ".join(sorted(setting)))
    if a.weapons & b.weapons:
        ev.points += 1
        ev.reasons.append("same weapon: " + ", ".join(sorted(a.weapons & b.weapons)))
    return ev


def _same_spelt(xs: set[str], ys: set[str]) -> set[str]:
    """Names both sets hold, a one-letter slip in a long name forgiven ("6200 Minock" in one
    outlet, "6200 Minnock" in another; compass words are not part of a street's name,
    ``identifiers.DIRECTIONS``); a block's number must be the same."""
    out = xs & ys
    for x in xs - out:
        for y in ys:
            if (
                len(x) >= SPELT_LENGTH
                and x.split()[:-1] == y.split()[:-1]
                and fuzz.ratio(x, y) >= SPELT_RATIO
            ):
                out.add(x)
    return out


def _keys(ids: Identifiers, idf: dict[str, float]) -> set[str]:
    keys = {f"p:{p}" for p in ids.people} | {f"a:{s}|{n}" for s, n in ids.ages.items()}
    keys |= {f"b:{b}" for b in ids.blocks} | {f"s:{s}" for s in ids.streets}
    # the report's rarest words ("Cloud", "quadruple") find other reports worded alike
    rare = sorted((w for w in ids.words if idf.get(w, 0) > 0), key=lambda w: -idf[w])[:RARE_WORDS]
    return keys | {f"w:{w}" for w in rare}


def _count_keys(c) -> set[str]:
    """The same counts published the same or next day ("2 teens shot" / "Two teens injured"):
    a key held by few clusters on a quiet day, and dropped (MAX_POSTINGS) on a busy one."""
    days = {v.published.toordinal() for v in c.members if v.published}
    if not c.counts or not sum(c.counts):
        return set()
    return {f"k:{c.counts}|{d + k}" for d in days for k in (0, 1)}


def _place_day_keys(c) -> set[str]:
    """The same place on the same or next day: reports whose rare words differ ("teen" / "boy, 17")
    meet here, for wording, counts and ages to decide; a busy city's day holds more clusters
    than MAX_POSTINGS and drops out."""
    r = c.day_range or _published_range(c)
    if not r or r[1] - r[0] > 2:
        return set()
    places = {f"n:{n}" for n in c.names} | {f"g:{g}" for g in c.geonameids}
    return {f"d:{p}|{d}" for p in places for d in range(r[0], r[1] + 2)}


def _vector(ids: Identifiers, idf: dict[str, float]) -> dict[str, float]:
    vec = {w: (1 + math.log(n)) * idf.get(w, 0.0) for w, n in ids.words.items()}
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {w: x / norm for w, x in vec.items()}


def wording(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two tf-idf vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _idf(clusters: list) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for c in clusters:
        for w in c.ids.words:
            df[w] += 1
    n = len(clusters) + 1
    # a word in a single report links nothing: weight 0 keeps it out of keys and cosines
    return {w: math.log(n / k) if k > 1 else 0.0 for w, k in df.items()}


def _context(a, b, sim: float) -> Evidence:
    """Wording, place and day: support that counts only next to a stated identifier or each other."""
    ev = Evidence()
    if sim >= WORDING_HIGH:
        ev.points += 3
    elif sim >= WORDING_LOW:
        ev.points += 2
    if ev.points:
        ev.wording = True
        ev.reasons.append(f"close wording of the incident's sentences (cosine {sim:.2f})")
    if (a.geonameids & b.geonameids) or (a.names & b.names):
        ev.points += PLACE_POINTS
        ev.reasons.append("same place: " + ", ".join(sorted(a.names & b.names) or ["same gazetteer place"]))
    elif _named_in(a, b) or _named_in(b, a):
        # one report places it at a street or a neighbourhood, the other at the town both name
        ev.points += PLACE_POINTS
        ev.reasons.append("same place: " + ", ".join(sorted(_named_in(a, b) | _named_in(b, a))))
    gap = _gap(a.day_range, b.day_range)
    same_place = bool((a.geonameids & b.geonameids) or (a.names & b.names))
    if gap is not None and gap <= 1:
        ev.points += 1
        ev.same_days = True
        ev.reasons.append("same or next day")
    elif gap is not None and gap <= FOLLOW_WINDOW and sim >= WORDING_SAME and same_place:
        ev.retold = True
        ev.reasons.append(f"told again within {gap} days in like words at the same place")
    elif (
        gap is None
        and (_gap(_published_range(a), _published_range(b)) or 0) <= 1
        and _published_range(a)
        and _published_range(b)
    ):
        ev.same_days = True
        ev.reasons.append("published the same or next day")
    elif CONTEXT_NEEDS_DAYS:
        return Evidence()  # wording and place alone, days apart or undated: two incidents
    return ev


def _named_in(a, b) -> set[str]:
    """Place names of ``a`` that ``b``'s own words also name ("buffalo" in "... shooting in Buffalo")."""
    return {n for n in a.names if len(n) > 3 and all(w in b.ids.words for w in n.split())}


def _days(c) -> tuple[int, int] | None:
    return c.day_range


def _published_range(c) -> tuple[int, int] | None:
    days = [v.published.toordinal() for v in c.members if v.published]
    return (min(days), max(days)) if days else None


def _gap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int | None:
    if not a or not b:
        return None
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _may_join(a, b, ev: Evidence) -> bool:
    """Whether the evidence would join ``a`` and ``b``, its conflict aside (the caller's)."""
    if ev.points < LINK_THRESHOLD:
        return False
    victim, block, named_victim = ev.person, ev.block, ev.victim
    if a.country and b.country and a.country != b.country and not ev.stated and not a.names & b.names:
        return False  # a named victim, street or the same place name outweighs a gazetteer's guess
    # an arrest or a trial report (another type family) joins the shooting by its victim
    # a report typed otherwise (its lead read as a protest or a threat) joins by a stated
    # identifier told in like words on the same days: both tell the same shooting
    retyped = ev.stated and ev.wording and ev.same_days
    if (a.family != "violence" or b.family != "violence") and not (named_victim or retyped):
        return False
    if a.articles & b.articles and not (named_victim or block):
        return False  # one article told these apart, and nothing it states says otherwise
    if victim and not (a.ids.people & b.ids.people) and not (ev.block or ev.street) and _placed_apart(a, b):
        return False  # a surname and an age alone ("Jackson, 19") in two towns: two people
    retold = ev.retold
    window = (
        STRONG_WINDOW
        if named_victim
        else PERSON_WINDOW
        if victim
        else BLOCK_WINDOW
        if block
        else FOLLOW_WINDOW
        if retold
        else STREET_WINDOW
    )
    day_gap = _gap(_days(a), _days(b))
    if day_gap is not None and day_gap > (window if victim or block else FOLLOW_WINDOW if retold else 1):
        return False
    if day_gap is not None:
        return True  # both dated, within the window: a report published weeks later of that day
    pub_gap = _gap(_published_range(a), _published_range(b))
    return pub_gap is None or pub_gap <= window


def _story_keys_of(v, passing: bool = False) -> set[str]:
    return set() if (v.mention.in_passing and not passing) or v.history else {f"t:{v.article_id}"}


def _story_keys(c, passing: bool = False) -> set[str]:
    """The articles whose main story (not a mention in passing) this cluster holds; with
    ``passing``, also those it holds a short part of (a mention in passing, not history)."""
    return {k for v in c.members for k in _story_keys_of(v, passing)}


def _one_story(a, b, ev: Evidence, leads: dict[str, int]) -> bool:
    """Two parts of one article's main story that its splitter told apart (a death dated Friday,
    the shooting Thursday; the gunman found dead minutes later, named by his home town): the same
    person named in both, within a day. Two shootings one article tells name different people."""
    # the story's lead on one side: the other part may be short (two sentences read as an aside)
    shared = _story_keys(a) & _story_keys(b, passing=True) | _story_keys(a, passing=True) & _story_keys(b)
    # a round-up or a year in review tells many stories, and names people again across them
    if ev.conflict or not shared or any(leads[k[2:]] > STORY_PARTS for k in shared):
        return False
    # the parts' own days, a guessed year too (both parts guess the same one)
    part = [[v for v in c.members if f"t:{v.article_id}" in shared] for c in (a, b)]
    if any(not v.day_range and v.mention.date.text for v in part[0] + part[1]):
        return False  # a day it could not place ("Jan. 23" with no year): it may be another's
    if any(
        x.day_range and y.day_range and _gap(x.day_range, y.day_range) > 1 for x in part[0] for y in part[1]
    ):
        return False
    if (
        a.counts
        and b.counts
        and any(x and y and max(x, y) > 2 * min(x, y) for x, y in zip(a.counts, b.counts))
    ):
        return False  # "killing 14, wounding 60" beside "2 dead, 5 hurt": another shooting recalled
    places = {w for n in a.names | b.names for w in n.split()}
    named = {p.split()[-1] for p in a.ids.people} & b.ids.capitalised
    named |= {p.split()[-1] for p in b.ids.people} & a.ids.capitalised
    named -= places
    if not named:
        return False
    ev.reasons.append("one article's story told in two parts, naming " + ", ".join(sorted(named)))
    return True


def _placed_apart(a, b) -> bool:
    """Both are placed, at no place name or gazetteer place in common, and neither's own words
    name the other's place."""
    if not a.names or not b.names or a.names & b.names or a.geonameids & b.geonameids:
        return False
    return not (_named_in(a, b) or _named_in(b, a))


def _date_follow_ups(a, b) -> None:
    """Reports dated days after the other cluster's incident (a charge, a funeral, "last week's
    shooting") are follow-ups: the incident keeps the first report's date."""
    if not a.day_range or not b.day_range:
        return
    first, later = (a, b) if a.day_range[0] <= b.day_range[0] else (b, a)
    # a report published before the later date was written cannot be news of that later day:
    # the earlier date is then the odd one (a weekday read in the wrong week), not a follow-up's
    reported = _published_range(first)
    for v in later.members:
        if v.day_range and v.day_range[0] > first.day_range[1] + 1:
            v.follow_up = v.follow_up or reported is None or v.day_range[0] > reported[0]


def link_clusters(clusters: list) -> list:
    """Join clusters that strong evidence says are one incident (union-find over blocked pairs).

    Candidates share a victim, block or street key held by few clusters, so the pass stays
    near-linear; each join is recorded on the surviving cluster's ``reasons``.
    """
    idf = _idf(clusters)
    vectors = [_vector(c.ids, idf) for c in clusters]
    index: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for k in _keys(c.ids, idf) | _count_keys(c) | _place_day_keys(c) | _story_keys(c, passing=True):
            index[k].append(i)
    parent = list(range(len(clusters)))
    leads = Counter(k[2:] for c in clusters for v in c.members for k in _story_keys_of(v))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = sorted(
        {
            (i, j)
            for post in index.values()
            if len(post) <= MAX_POSTINGS
            for x, i in enumerate(post)
            for j in post[x + 1 :]
        }
    )
    for i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        a, b = clusters[ri], clusters[rj]
        ev = compare(a, b)
        # wording, place and day support weak evidence; an age, a street and a setting reach the
        # threshold yet say nothing of days, which the wording of a report told again does
        weak = not (ev.person or ev.block)
        if ev.points < LINK_THRESHOLD or weak:
            ctx = _context(a, b, wording(vectors[i], vectors[j]))
            if ctx.points >= 2:  # wording, place and day alone must agree on two of them
                ev.add(ctx)
        if not _may_join(a, b, ev) and not _one_story(a, b, ev, leads):
            continue
        if ev.conflict:  # all else would join them: kept apart, and why
            a.refuse(b.members[0].article_id, ev.conflict)
            b.refuse(a.members[0].article_id, ev.conflict)
            continue
        keep, gone = (ri, rj) if ri < rj else (rj, ri)
        _date_follow_ups(a, b)
        clusters[keep].absorb(clusters[gone], ev.reasons)
        parent[gone] = keep
    return [c for i, c in enumerate(clusters) if find(i) == i]
