"""The cross-article steps as Ray Data group-bys: reuse candidates (``candidate_pairs``, as
``reuse.candidates.candidate_pairs``) and incidents built per place block (``build_blocks``, as
``merge.build.build_incidents``).

    >>> plan_reuse(new, stored, candidates=candidate_pairs)   # the Ray engine's pipeline.reuse_plan
    >>> merge_incidents(extractions, articles, lineage, build=build_blocks)

Reuse candidates in three steps, each on the cluster; the selection rules are ``reuse.candidates``'s own functions:
1. per article (``map_batches``): its MinHash (``make_minhash``), the LSH buckets it falls in
   (``lsh_bands``) and its rare-name keys (``Profile.keys``), one row per bucket and per key;
2. ``groupby`` bucket-or-key: a bucket gives each new article in it the (Jaccard, id) of the
   others (what ``MinHashLSH.query`` answers locally), each pair scored once, in the first bucket
   the two share (``first_band``); a key held by 2 to ``rare_cap(n)`` articles
   gives each new article in it the posting (df, key, holders in store order);
3. ``groupby`` new article: ``best_copies`` and ``best_rewrites`` pick its pairs.
The pairs are the local engine's exactly (tested on the seeds and on real news).
"""

from __future__ import annotations

import pickle

import numpy as np
import ray

from sitrep.reuse.minhash import BANDS, ROWS

BATCH = 64  # profiles per signature task


def candidate_pairs(profiles: dict, new_ids, settings=None) -> dict[tuple[str, str], str]:
    """As ``reuse.candidates.candidate_pairs``: pairs (sorted ids) -> "copy" or "rewrite", on the
    cluster ``settings`` name (``ray_engine.connect``)."""
    from sitrep.engines.ray_engine import connect, cpus
    from sitrep.reuse.candidates import rare_cap

    new_ids = list(new_ids)
    if len(profiles) < 2 or not new_ids:
        return {}
    connect(settings)
    new = set(new_ids)
    n = len(profiles)
    items = [{"item": pickle.dumps((pos, aid in new, p))} for pos, (aid, p) in enumerate(profiles.items())]
    ds = ray.data.from_items(items).map_batches(_signatures, batch_size=BATCH, batch_format="numpy")
    parts = 2 * cpus()  # Ray's default of 200 partitions is for big clusters
    ds = ds.groupby("group", num_partitions=parts).map_groups(
        _share, fn_args=(rare_cap(n),), batch_format="numpy"
    )
    ds = ds.groupby("nid", num_partitions=parts).map_groups(_choose, fn_args=(n,), batch_format="numpy")
    rows = list(ds.iter_rows())
    found = {(r["a"], r["b"]): "copy" for r in rows if r["how"] == "copy"}
    found.update({(r["a"], r["b"]): "rewrite" for r in rows if r["how"] == "rewrite"})  # as locally
    return found


def _rows(**cols) -> dict:
    return {k: np.array(v, dtype=object) for k, v in cols.items()}


def _signatures(batch: dict) -> dict:
    """One row per (article, LSH bucket) and per (article, key)."""
    from sitrep.reuse.candidates import lsh_bands, make_minhash

    group, payload = [], []
    for raw in batch["item"]:
        pos, is_new, p = pickle.loads(raw)
        mh = make_minhash(p.words)
        me = pickle.dumps((pos, p.article_id, is_new, p.published, mh))
        group += [f"b{band}" for band in lsh_bands(mh)]
        payload += [me] * (len(group) - len(payload))
        short = pickle.dumps((pos, p.article_id, is_new, p.published, None))
        group += [f"k{k}" for k in sorted(p.keys)]
        payload += [short] * (len(group) - len(payload))
    return _rows(group=group, payload=payload)


def _share(group: dict, cap: int) -> dict:
    """What one bucket or key tells each new article in it."""
    from sitrep.reuse.candidates import MIN_JACCARD, earliness

    members = sorted(pickle.loads(x) for x in group["payload"])  # store order
    name = str(group["group"][0])
    nid, payload = [], []
    if name.startswith("b"):
        band = int(name[1:].split(":", 1)[0])
        for i, (pos, aid, is_new, day, mh) in enumerate(members):
            for other_pos, other, other_new, other_day, omh in members[i + 1 :]:
                # a pair sharing k buckets meets in each of them: it is scored in its first only
                if (is_new or other_new) and first_band(mh, omh) == band:
                    jac = float(mh.jaccard(omh))
                    if jac < MIN_JACCARD:  # not a copy: neither copy rule reads it
                        continue
                    mine, theirs = earliness(day, pos), earliness(other_day, other_pos)
                    for me, you, when, new in ((aid, other, theirs, is_new), (other, aid, mine, other_new)):
                        if new:
                            nid.append(me)
                            payload.append(pickle.dumps(("copy", (jac, you, when))))
    elif 1 < len(members) <= cap:
        posting = (len(members), name[1:], [m[1] for m in members])
        published = {m[1]: m[3] for m in members}
        for _, aid, is_new, _, _ in members:
            if is_new:
                nid.append(aid)
                payload.append(pickle.dumps(("rewrite", (posting, published))))
    return _rows(nid=nid, payload=payload)


def first_band(a, b) -> int:
    """The first LSH band in which MinHashes ``a`` and ``b`` fall in the same bucket (``lsh_bands``:
    a bucket is its band's hash values, so one bucket is equal values), -1 if none."""
    n = BANDS * ROWS
    same = (a.hashvalues[:n] == b.hashvalues[:n]).reshape(BANDS, ROWS).all(axis=1)
    return int(same.argmax()) if same.any() else -1


def _choose(group: dict, n: int) -> dict:
    """One new article's copy and rewrite candidates, by the local engine's rules."""
    from sitrep.reuse.candidates import best_copies, best_rewrites, copies_of, linked_copies

    nid = str(group["nid"][0])
    scored, postings, published, order = set(), [], {}, {}
    for raw in group["payload"]:
        how, what = pickle.loads(raw)
        if how == "copy":
            scored.add(what[:2])
            order[what[1]] = what[2]  # its ``earliness``: the earliest copy is always linked
        else:
            postings.append(what[0])
            published.update(what[1])
    unlinked = copies_of(scored) - linked_copies(scored, order)
    a, b, how = [], [], []
    for kind, pairs in (
        ("copy", best_copies(nid, scored, order)),
        ("rewrite", best_rewrites(nid, postings, n, published, copies_of(scored), unlinked)),
    ):
        for x, y in sorted(pairs):
            a.append(x)
            b.append(y)
            how.append(kind)
    return _rows(a=a, b=b, how=how)


# --------------------------------------------------------------------------- incident blocks


def build_blocks(
    blocks: list[tuple], articles: dict, lineage: dict, entry_cover: dict, settings=None
) -> list:
    """As ``merge.build.build_incidents`` (the merge's last step: each cluster's figures
    reconciled, conflicts and summary), run on the cluster: one row per incident, ``groupby``
    place block (country and place name), each group built by ``build_incidents`` itself with the
    articles and lineage its incidents name. Each article goes to the object store once
    (``ray.put``); a row names its articles by id. Incidents in the blocks' order."""
    from sitrep.engines.ray_engine import connect, cpus

    if not blocks:
        return []
    connect(settings)
    arts_of = {b[0]: {v.article_id for v in b[1].members} for b in blocks}
    rows = [_block_row(pos, b, arts_of, articles, lineage, entry_cover) for pos, b in enumerate(blocks)]
    named = sorted({a for r in rows for a in r["articles"]})
    refs = {a: ray.put(articles[a]) for a in named}  # the rows' tasks fetch what they name
    ds = (
        ray.data.from_items(rows)
        .groupby("block", num_partitions=max(1, min(len(rows), 2 * cpus())))
        .map_groups(_build, fn_args=(refs,), batch_format="numpy")
    )
    built = sorted((int(r["pos"]), r["out"]) for r in ds.iter_rows())
    if [p for p, _ in built] != list(range(len(blocks))):  # a group-by retried must not lose or repeat one
        raise RuntimeError(f"{len(built)} incidents built for {len(blocks)} clusters")
    return [pickle.loads(out) for _, out in built]


def _block_row(
    pos: int, block: tuple, arts_of: dict, articles: dict, lineage: dict, entry_cover: dict
) -> dict:
    """One incident's row: its block key, what building it reads (pickled) and the ids of the
    articles it names (sent apart, once each)."""
    iid, cluster, loc, when, shared = block
    covers = [entry_cover[id(e)] for e in shared]
    named = {v.article_id for v in cluster.members} | {aid for aid, _ in cluster.refused}
    named |= {e.article_id for e in shared} | {e.origin for e in shared}
    named |= {a for cover in covers for i in cover for a in arts_of.get(i, ())}
    named |= {lineage[a].origin for a in list(named) if a in lineage}
    payload = (pos, block, covers, {a: lineage[a] for a in sorted(named) if a in lineage})
    key = f"{loc.country_code or ''}|{loc.name}" if loc is not None else ""
    return {
        "block": key,
        "item": pickle.dumps(payload),
        "articles": [a for a in sorted(named) if a in articles],
    }


def _build(group: dict, refs: dict) -> dict:
    """The incidents of one place block, each by ``build_incidents``; the block's articles are
    fetched once from the object store."""
    from sitrep.merge.build import build_incidents

    ids = sorted({str(a) for names in group["articles"] for a in names})
    fetched = dict(zip(ids, ray.get([refs[a] for a in ids])))
    pos, out = [], []
    for raw, names in zip(group["item"], group["articles"]):
        n, block, covers, lineage = pickle.loads(raw)
        cover = {id(e): c for e, c in zip(block[4], covers)}
        articles = {str(a): fetched[str(a)] for a in names}
        pos.append(n)
        out.append(pickle.dumps(build_incidents([block], articles, lineage, cover)[0]))
    return _rows(pos=pos, out=out)
