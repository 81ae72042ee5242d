"""Candidate pairs without comparing everything to everything.

Two keys, each cheap per article:
- copies share word 5-grams: MinHash LSH (``minhash.py``, datasketch's values without its scipy
  import) finds them in near-constant time per query;
- rewrites share almost no 5-grams (the seeds' paraphrases: Jaccard 0.004 and 0.04) but keep the
  rare names and numbers, so an inverted index over those, restricted to keys found in few
  articles and to a time window when both dates are known, finds them.

    >>> pairs = candidate_pairs(profiles, new_ids={"a1"})   # {("a0", "a1"), ...}
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import chain

import numpy as np

from sitrep.reuse.minhash import NUM_PERM, MinHash, bands, minhash  # noqa: F401

# 5-gram Jaccard, measured on the benchmark corpus: copies with other furniture 0.77-0.84, copies
# with the last third cut 0.42-0.6, unrelated stories sharing boilerplate wording up to 0.34. So
# the LSH is tuned at 0.5 and each hit is checked against 0.4; trims the LSH misses share their
# rare names and come in through the key index.
LSH_THRESHOLD = 0.5  # minhash.BANDS, ROWS are datasketch's optimum for this threshold
MIN_JACCARD = 0.4
SHINGLE = 5
MAX_DF = 100  # a key in more articles than this says nothing about reuse ...
MAX_DF_SHARE = 0.01  # ... nor one in more than 1% of them (but always allow MIN_DF_CAP)
MIN_DF_CAP = 20
RAREST_KEYS = 24  # per article, only its rarest keys are looked up
MIN_SHARED = 3  # rewrites of the seeds share 9-20 such keys; see docs/reuse.md
MIN_SHARED_NAMES = 2  # ... of which names: numbers alone recur across unrelated stories
TOP_COPIES = 4  # copy candidates kept per new article (closest by Jaccard), beside its earliest copy
TOP_K = 10  # rewrite candidates kept per new article ...
RELATIVE = 0.5  # ... scoring at least half the best one's shared-key weight
WINDOW_DAYS = 7


@dataclass
class Profile:
    """What candidate search needs to know about one article."""

    article_id: str
    words: list[str]
    keys: set[str]
    published: date | None = None
    minhash: MinHash | None = field(default=None, repr=False)


def make_minhash(words: list[str]) -> MinHash:
    """MinHash of the word 5-grams of a text (the whole text if shorter)."""
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(len(words) - SHINGLE + 1, 1))}
    return minhash([g.encode("utf-8") for g in grams])


class Signatures:
    """Every article's MinHash, as one matrix, and the LSH buckets each falls in: each new article's
    copies are then scored in one numpy comparison (``copies``), one new article at a time."""

    def __init__(self, profiles: dict[str, Profile]):
        for p in profiles.values():
            if p.minhash is None:
                p.minhash = make_minhash(p.words)
        self.ids = list(profiles)
        self.row = {pid: i for i, pid in enumerate(self.ids)}
        self.matrix = np.stack([profiles[pid].minhash.hashvalues for pid in self.ids])
        self.buckets: dict[bytes, list[int]] = defaultdict(list)
        for i, pid in enumerate(self.ids):
            for bucket in _buckets(profiles[pid].minhash):
                self.buckets[bucket].append(i)

    def copies(self, nid: str) -> list[tuple[float, str]]:
        """(Jaccard, id) of the articles sharing an LSH bucket with ``nid`` that score at least
        ``MIN_JACCARD`` (the only ones ``linked_copies`` and ``copies_of`` keep).

        Only these are kept, and only for one new article at a time: on a pile of template-like
        stories an article shares a bucket with thousands of others, and holding every new
        article's bucket-mates at once grew a run by ~1 GB a minute (docs/scale.md)."""
        me = self.row[nid]
        mates = chain.from_iterable(self.buckets[b] for b in _buckets(MinHash(self.matrix[me])))
        rows = np.unique(np.fromiter(mates, np.int64))
        rows = rows[rows != me]
        # the share of equal values: MinHash.jaccard's estimate, for all of them at once
        jac = np.count_nonzero(self.matrix[rows] == self.matrix[me], axis=1) / float(NUM_PERM)
        keep = jac >= MIN_JACCARD
        return [(float(j), self.ids[r]) for j, r in zip(jac[keep], rows[keep])]


def _buckets(signature: MinHash) -> list[bytes]:
    """The LSH buckets of ``signature``: each band's bucket, prefixed by the band's number."""
    return [bytes([i]) + bucket for i, bucket in enumerate(bands(signature))]


def best_copies(
    nid: str, scored: Iterable[tuple[float, str]], order: dict[str, tuple]
) -> set[tuple[str, str]]:
    """The copy candidates of ``nid`` among the (Jaccard, id) of the articles sharing an LSH band
    with it (the Ray engine finds those by a group-by on the band): pairs with ``linked_copies``."""
    return {tuple(sorted((nid, other))) for other in linked_copies(scored, order)}


def linked_copies(scored: Iterable[tuple[float, str]], order: dict[str, tuple]) -> set[str]:
    """The copies a new article is compared with: its earliest copy (``order``: id -> ``earliness``),
    which lineage needs to name the story's origin, and the ``TOP_COPIES`` closest.

    Not all of them: K copies of one syndicated story would make K * (K - 1) / 2 edges, each with
    its aligned passages (the store's and ``reuse.json``'s size, quadratic in the story's reach);
    so each copy adds at most ``TOP_COPIES`` + 1 edges. A story with up to ``TOP_COPIES`` + 2
    copies keeps all its pairs. Boilerplate shared by a whole site is bounded the same way."""
    copies = [(jac, other) for jac, other in scored if jac >= MIN_JACCARD]
    linked = {other for _, other in sorted(copies, reverse=True)[:TOP_COPIES]}
    if copies:
        linked.add(min((order[o], o) for _, o in copies)[1])
    return linked


def earliness(published: date | None, position: int) -> tuple:
    """How early an article is, to find a story's first copy: by publication date (undated last),
    then by position in the store (stored articles first)."""
    return (published is None, published or date.min, position)


def copies_of(scored: Iterable[tuple[float, str]]) -> set[str]:
    """The ids among (Jaccard, id) close enough to be copies (all of them, not ``TOP_COPIES``)."""
    return {other for jac, other in scored if jac >= MIN_JACCARD}


def lsh_bands(signature: MinHash) -> list[str]:
    """The LSH buckets ``signature`` falls in, one per band (band, hash): the Ray engine groups by them."""
    return [f"{i}:{bucket.hex()}" for i, bucket in enumerate(bands(signature))]


class KeyIndex:
    """Which articles hold each rare name or number (``Profile.keys``), for the rewrite search."""

    def __init__(self, profiles: dict[str, Profile]):
        self.index: dict[str, list[str]] = defaultdict(list)
        for pid, p in profiles.items():
            for k in p.keys:
                self.index[k].append(pid)
        self.n = max(len(profiles), 1)
        self.cap = rare_cap(self.n)
        self.keys = {pid: p.keys for pid, p in profiles.items()}
        self.published = {pid: p.published for pid, p in profiles.items()}

    def postings(self, nid: str) -> list:
        """(df, key, ids holding it in store order) of ``nid``'s keys rare enough to look up."""
        return [(len(ids), k, ids) for k in self.keys[nid] if 1 < len(ids := self.index[k]) <= self.cap]

    def rewrites(
        self, nid: str, copies: set[str] = frozenset(), unlinked=frozenset()
    ) -> set[tuple[str, str]]:
        """``best_rewrites`` of ``nid``: pairs sharing at least ``MIN_SHARED`` rare names/numbers,
        best ``TOP_K``, within ``WINDOW_DAYS`` of each other when both dates are known; its
        ``copies`` (``copies_of``) are left out of its rewrite ranking, and the copies it is not
        linked to (``unlinked``: ``copies_of`` less ``linked_copies``) out of every ranking."""
        return best_rewrites(nid, self.postings(nid), self.n, self.published, copies, unlinked)


def rare_cap(n: int) -> int:
    """The most articles a key may be found in and still be rare, among ``n``."""
    return min(MAX_DF, max(MIN_DF_CAP, int(MAX_DF_SHARE * n)))


def best_rewrites(
    nid: str, postings: list, n: int, published: dict, copies: set[str] = frozenset(), unlinked=frozenset()
) -> set[tuple[str, str]]:
    """The rewrite candidates of ``nid`` from its rare keys' postings (df, key, ids holding the key
    in store order), among ``n`` articles (the Ray engine gathers postings by a group-by on the key).

    ``copies`` (``nid``'s, by the LSH) share all its keys: ranked with the rest, they take the
    ``TOP_K`` places, set the ``RELATIVE`` bar out of a rewrite's reach and fill its
    ``RAREST_KEYS`` with its own story's keys, so a pile holding a few copies of a text loses
    that text's rewrites. So the ranking is made twice: over every match, as ever (a copy among
    them keeps its rewrite reading, for its reworded parts), and over the matches that are not
    copies, where a key held by ``nid`` and its copies only is one article's key."""
    pairs = ranked_rewrites(nid, postings, n, published)
    if copies:
        postings = [
            (len(m), k, m) for _, k, ids in postings if len(m := [o for o in ids if o not in copies]) > 1
        ]
        pairs |= ranked_rewrites(nid, postings, n, published)
    # the copies ``nid`` is not linked to (``linked_copies``) are not compared at all
    return {p for p in pairs if (p[1] if p[0] == nid else p[0]) not in unlinked}


def ranked_rewrites(nid: str, postings: list, n: int, published: dict) -> set[tuple[str, str]]:
    """The best ``TOP_K`` of ``nid``'s matches in its ``RAREST_KEYS`` postings, by shared-key weight."""
    me = published.get(nid)
    pairs = set()
    score: Counter = Counter()
    shared: Counter = Counter()
    shared_names: Counter = Counter()
    for df, k, members in sorted(postings)[:RAREST_KEYS]:
        idf = math.log(n / df) + 1.0
        for other in members:
            if other != nid:
                score[other] += idf
                shared[other] += 1
                shared_names[other] += not k.startswith("#")
    kept, top = 0, None
    for other, weight in score.most_common():
        if kept >= TOP_K or (top is not None and weight < RELATIVE * top):
            break
        if shared[other] < MIN_SHARED or shared_names[other] < MIN_SHARED_NAMES:
            continue
        if not within_window(me, published.get(other)):
            continue
        pairs.add(tuple(sorted((nid, other))))
        kept += 1
        top = weight if top is None else top
    return pairs


def within_window(a: date | None, b: date | None, days: int = WINDOW_DAYS) -> bool:
    """True unless both dates are known and further apart than ``days``."""
    return a is None or b is None or abs((a - b).days) <= days


def candidate_pairs(profiles: dict[str, Profile], new_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """Candidate pairs (sorted ids) with how they were found: "copy" (LSH only) or "rewrite"
    (shared rare keys; such pairs may be compared by embeddings). Each new article's candidates
    are chosen before the next one's are looked up, so what a run holds beyond the indexes is its
    pairs, whatever the pile's shape.

        >>> candidate_pairs({}, [])
        {}
    """
    new_ids = list(new_ids)
    if len(profiles) < 2 or not new_ids:  # nothing to compare (one article: no LSH to build)
        return {}
    signatures, keys = Signatures(profiles), KeyIndex(profiles)
    order = {pid: earliness(p.published, i) for i, (pid, p) in enumerate(profiles.items())}
    copy_pairs, rewrite_pairs = set(), set()
    for nid in new_ids:
        scored = signatures.copies(nid)
        linked = linked_copies(scored, order)
        copy_pairs |= {tuple(sorted((nid, other))) for other in linked}
        copies = copies_of(scored)
        rewrite_pairs |= keys.rewrites(nid, copies, copies - linked)
    found = dict.fromkeys(sorted(copy_pairs), "copy")
    found.update(dict.fromkeys(sorted(rewrite_pairs), "rewrite"))
    return found


def article_keys(names: set[str], numbers: set[int]) -> set[str]:
    """Blocking keys: names, and numbers other than the small ones every story has."""
    return set(names) | {f"#{n}" for n in numbers if n >= 10}
