"""Merge benchmark: time and peak memory of ``merge_incidents`` on generated mentions.

    python benchmarks/merge.py --sizes 1000 10000 50000

Each size runs in its own process so peak memory is that size's alone. The generator makes
incidents at a pool of invented towns over a year, each reported by 1-5 articles (some rewrites of
another, some undated, some spelling the town differently, some placing it only in the country),
with casualty claims from several kinds of sources: roughly what a busy news pile looks like.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

SYLLABLES = [
    "ba",
    "kou",
    "ma",
    "di",
    "sa",
    "ra",
    "ti",
    "bou",
    "ke",
    "lo",
    "ni",
    "go",
    "da",
    "fa",
    "zi",
    "mo",
    "ta",
    "ye",
    "wa",
    "ho",
    "gu",
    "pe",
    "so",
    "le",
    "nu",
    "ka",
]
KINDS = ["official", "security_source", "witness", "medical", "civil_society", "perpetrator"]
COUNTRIES = ["ML", "BF", "NE", "NG", "TD", "CM", "SD", "SO"]


def generate(n_mentions: int, seed: int = 7):
    from sitrep.records import (
        ActorMention,
        Article,
        ArticleExtraction,
        Claim,
        DateInfo,
        IncidentMention,
        Lineage,
        Location,
        OffsetMap,
        PlaceMention,
    )

    rng = random.Random(seed)
    n_places = max(20, n_mentions // 8)
    places = []
    for k in range(n_places):
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        places.append((name, rng.choice(COUNTRIES), 1_000_000 + k))
    start = date(2025, 1, 1)
    articles, lineage, extractions = {}, {}, {}
    n, inc = 0, 0
    while n < n_mentions:
        inc += 1
        name, cc, gid = rng.choice(places)
        day = start + timedelta(days=rng.randint(0, 364))
        perp = rng.choice(["JNIM", "ISSP", "Ansaru", "unknown gunmen"])
        true_toll = rng.randint(1, 80)
        first_aid = None
        for r in range(rng.randint(1, 5)):
            aid = f"a{inc}_{r}"
            published = (day + timedelta(days=rng.randint(0, 3))).isoformat()
            derived = first_aid if first_aid and rng.random() < 0.3 else None
            undated = rng.random() < 0.1  # no date in the text ...
            unpublished = undated and rng.random() < 0.5  # ... and half of those no pub date
            articles[aid] = Article(
                article_id=aid,
                input=aid,
                format="txt",
                raw_text="x",
                clean_text="x",
                offsets=OffsetMap(),
                outlet=f"Outlet{r}",
                published=None if unpublished else published,
            )
            lineage[aid] = Lineage(
                article_id=aid, derived_from=derived, origin=derived or aid, independent_group=derived or aid
            )
            first_aid = first_aid or aid
            spelled = name if rng.random() > 0.1 else name[:-1] + name[-1] * 2
            coarse = rng.random() < 0.05
            loc = Location(
                name=cc if coarse else name,
                country_code=cc,
                precision="country" if coarse else "exact",
                geonameid=None if coarse else gid,
            )
            low = max(1, true_toll + rng.randint(-5, 5))
            claims = [
                Claim(
                    claim_id=f"{aid}#c1",
                    article_id=aid,
                    what="killed",
                    group=rng.choice(["soldiers", "civilians", None]),
                    low=low,
                    high=low,
                    text=str(low),
                    quote=f"{low} killed",
                    attributed_to="sources",
                    claimant_kind=rng.choice(KINDS),
                )
            ]
            date_info = (
                DateInfo(text=["on Sunday"])
                if undated
                else DateInfo(start=day.isoformat(), end=day.isoformat(), precision="day", text=["on Sunday"])
            )
            m = IncidentMention(
                mention_id=f"{aid}#m1",
                article_id=aid,
                date=date_info,
                location=loc,
                places=[] if coarse else [PlaceMention(text=spelled, span=(0, len(spelled)))],
                actors=[
                    ActorMention(
                        name=perp,
                        text=perp,
                        role="perpetrator",
                        kind="unknown" if perp == "unknown gunmen" else "islamist_group",
                    )
                ],
                claims=claims,
            )
            extractions[aid] = ArticleExtraction(article_id=aid, mentions=[m])
            n += 1
            if n >= n_mentions:
                break
    return extractions, articles, lineage, inc


def run_one(n: int) -> dict:
    from sitrep.merge import merge_incidents
    from sitrep.merge.build import _gc_paused
    from sitrep.merge.cluster import cluster_mentions
    from sitrep.merge.views import view_mention

    with _gc_paused():  # generating is not what is measured; keep it quick
        ex, arts, lin, n_true = generate(n)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    with _gc_paused():  # as merge_incidents runs it
        views = [
            view_mention(m, arts[m.article_id], lin[m.article_id], i)
            for i, e in enumerate(ex.values())
            for m in e.mentions
        ]
        cluster_mentions(views)
    t_cluster, c_cluster = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    incidents = merge_incidents(ex, arts, lin)
    t_total, c_total = time.perf_counter() - t0, time.process_time() - c0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "mentions": n,
        "generated_incidents": n_true,
        "incidents": len(incidents),
        "cluster_s": round(t_cluster, 3),
        "merge_s": round(t_total, 3),
        "cluster_cpu_s": round(c_cluster, 3),
        "merge_cpu_s": round(c_total, 3),
        "cpu_us_per_mention": round(1e6 * c_total / n, 1),
        "peak_rss_mb": round(rss_after / 1024, 1),
        "merge_rss_increase_mb": round((rss_after - rss_before) / 1024, 1),
    }


def record(r: dict) -> dict:
    """The line benchmarks/run_all.py collects: CPU time of ``merge_incidents`` (wall in the notes).
    No baseline: no library clusters and reconciles mentions on its own."""
    n = r["mentions"]
    return {
        "stage": "merge",
        "n": n,
        "unit": "mentions/s",
        "throughput": round(n / r["merge_cpu_s"], 1),
        "seconds": r["merge_cpu_s"],
        "baseline": None,
        "baseline_throughput": None,
        "ratio": None,
        "peak_mb": r["peak_rss_mb"],
        "notes": f"CPU s (wall {r['merge_s']} s); {r['incidents']} incidents merged from "
        f"{r['generated_incidents']} generated; peak includes the generated records "
        f"(merge added {r['merge_rss_increase_mb']} MB)",
        "details": r,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--json", help="append one JSON line per size to this file")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for n in args.sizes:
        res = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
        if args.json:
            with open(args.json, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(record(rows[-1])) + "\n")
    print(
        "\n| mentions | incidents (generated) | incidents (merged) | cluster CPU s | merge CPU s "
        "| merge wall s | CPU us/mention | peak RSS MB | RSS added by merge MB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['mentions']} | {r['generated_incidents']} | {r['incidents']} "
            f"| {r['cluster_cpu_s']} | {r['merge_cpu_s']} | {r['merge_s']} "
            f"| {r['cpu_us_per_mention']} | {r['peak_rss_mb']} | {r['merge_rss_increase_mb']} |"
        )


if __name__ == "__main__":
    main()
