"""Benchmark the reuse stage: time, peak memory, recall/precision on planted pairs; thresholds on
the seeds; embedding throughput in float32 and bfloat16.

    python benchmarks/reuse.py --sizes 1000 2000           # corpora (one subprocess per size)
    python benchmarks/reuse.py --thresholds                # the numbers behind docs/reuse.md
    python benchmarks/reuse.py --throughput 2000           # sentences/s, float32 vs bfloat16
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from itertools import permutations
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SEEDS = HERE.parent / "examples" / "seeds"


def run_size(n: int, seed: int, threads: int = 0) -> dict:
    """One corpus of ``n`` articles through find_reuse, in this process."""
    if threads:
        import torch

        torch.set_num_threads(threads)
    from reuse_corpus import make_corpus

    from sitrep.reuse import detect
    from sitrep.reuse.embed import MemoryEmbeddingCache

    res = bench_resources()
    corpus = make_corpus(n, seed=seed)
    stats = {"embedded": 0, "embed_s": 0.0, "candidates": 0}
    embed, cands = detect.embed_sentences, detect.candidate_pairs

    def timed_embed(texts, cache=None, **kw):
        t = time.perf_counter()
        before = len(cache.vectors)
        out = embed(texts, cache, **kw)
        stats["embed_s"] += time.perf_counter() - t
        stats["embedded"] += len(cache.vectors) - before
        return out

    def counted(profiles, new_ids):
        found = cands(profiles, new_ids)
        stats["candidates"] = len(found)
        return found

    detect.embed_sentences, detect.candidate_pairs = timed_embed, counted
    from sitrep.models import load_embedder

    load_embedder()  # model load is not part of the stage's time
    t = time.perf_counter()
    edges = detect.find_reuse(corpus.articles, [], embeddings=MemoryEmbeddingCache(), encoder=res.encode)
    elapsed = time.perf_counter() - t
    found = {(e.source, e.derived): e for e in edges}
    undirected = {frozenset(k): e for k, e in found.items()}
    per_kind, right_kind, right_way, confusion = {}, 0, 0, {}
    for (src, der), kind in corpus.planted.items():
        e = undirected.get(frozenset((src, der)))
        hit = per_kind.setdefault(kind, [0, 0])
        hit[1] += 1
        if e is not None:
            hit[0] += 1
            right_kind += e.kind == kind
            confusion[f"{kind}->{e.kind}"] = confusion.get(f"{kind}->{e.kind}", 0) + 1
            right_way += (e.source, e.derived) == (src, der)
    planted = {frozenset(k) for k in corpus.planted}
    true_edges = sum(frozenset(k) in planted for k in found)
    twins_hit = sum(frozenset(p) in undirected for p in corpus.independent)
    recalled = sum(h[0] for h in per_kind.values())
    return {
        "n": n,
        "dtype": res.embed_dtype,
        "seconds": round(elapsed, 1),
        "embed_seconds": round(stats["embed_s"], 1),
        "sentences_embedded": stats["embedded"],
        "candidate_pairs": stats["candidates"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "planted": len(corpus.planted),
        "recall": round(recalled / max(len(planted), 1), 4),
        "recall_by_kind": {k: round(h[0] / h[1], 4) for k, h in per_kind.items()},
        "kind_right": round(right_kind / max(recalled, 1), 4),
        "kinds": confusion,
        "direction_right": round(right_way / max(recalled, 1), 4),
        "edges": len(found),
        "precision": round(true_edges / max(len(found), 1), 4),
        "independent_twins": len(corpus.independent),
        "twins_with_edge": twins_hit,
    }


def seed_articles():
    from sitrep.clean import clean_document
    from sitrep.records import Document

    out = {}
    for row in csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8")):
        text = (SEEDS / row["file"]).read_text(encoding="utf-8")
        doc = Document(
            input=row["file"],
            text=text,
            format="txt",
            article_id=row["article_id"],
            outlet=row["outlet"] or None,
            published=row["published"] or None,
        )
        out[row["article_id"][:3]] = clean_document(doc, row["article_id"])
    return out


def bench_resources():
    """The run's resources as ``sitrep run`` would build them (SITREP_EMBED_DTYPE=float32 honoured)."""
    import os

    from sitrep.resources import Resources
    from sitrep.settings import Settings

    return Resources(Settings.build(os.environ))


def thresholds() -> None:
    """Coverage, copied share and mean score of every orientation: seeds and generated variants."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from test_reuse_seeds import FLOOD, STABBING, body, make

    from sitrep.reuse.compare import prepare_article, read_lexical, read_semantic
    from sitrep.reuse.embed import MemoryEmbeddingCache, embed_sentences

    arts = seed_articles()
    text = body(arts["000"].raw_text)
    paras = [p for p in text.split("\n\n") if p.strip()]
    arts["dup"] = make(
        "dup", "Sahel Daily | News\n" + text + "\nShare this story on Facebook, X and WhatsApp."
    )
    arts["trim"] = make("trim", "\n\n".join(paras[: 2 * len(paras) // 3]))
    arts["blend"] = make("blend", text + "\n\n" + FLOOD + "\n" + STABBING)
    arts["flood"], arts["knife"] = make("flood", FLOOD), make("knife", STABBING)
    prep = {k: prepare_article(a) for k, a in arts.items()}
    vec = embed_sentences(
        [s.text for p in prep.values() for s in p.sentences],
        MemoryEmbeddingCache(),
        encoder=bench_resources().encode,
    )
    print(
        f"{'source>derived':16s} {'sem.cov':>7s} {'src.cov':>7s} {'mean':>5s} {'lex.cov':>7s} "
        f"{'copied':>6s} {'pairs':>5s}"
    )
    for a, b in permutations(prep, 2):
        if (
            {a, b} & {"dup", "trim", "blend", "flood", "knife"}
            and "000" not in (a, b)
            and "001" not in (a, b)
        ):
            continue
        sem, lex = read_semantic(prep[a], prep[b], vec), read_lexical(prep[a], prep[b])
        print(
            f"{a + '>' + b:16s} {sem.coverage:7.2f} {sem.source_coverage:7.2f} {sem.mean_score:5.2f} "
            f"{lex.coverage:7.2f} {lex.verbatim:6.2f} {len(sem.pairs):5d}"
        )
    # The per-pair cosine floor: rewrites' coverage against the best non-reuse pair of seeds.
    from sitrep.reuse import align

    rewrites = [("001", "002"), ("000", "003")]
    skip = set(rewrites) | {(y, x) for x, y in rewrites}
    seeds = ["000", "001", "002", "003", "004"]
    print("\ntau   rewrites(001>002, 000>003)  best non-reuse seed orientation (excluding x>004)")
    for tau in (0.5, 0.55, 0.6, 0.65, 0.7):
        align.TAU_COSINE = tau
        cov = {
            (x, y): read_semantic(prep[x], prep[y], vec).coverage
            for x, y in permutations(seeds, 2)
            if (x, y) not in skip
        }
        others = {k: v for k, v in cov.items() if k[1] != "004"}
        worst = max(others, key=others.get)
        blend = max((v, k) for k, v in cov.items() if k[1] == "004")
        rw = [read_semantic(prep[x], prep[y], vec).coverage for x, y in rewrites]
        print(
            f"{tau:.2f}  {rw[0]:.2f} {rw[1]:.2f}   {worst[0]}>{worst[1]} {others[worst]:.2f}"
            f"   (into 004: {blend[1][0]}>004 {blend[0]:.2f}, 000>004 {cov[('000', '004')]:.2f})"
        )


def throughput(n: int) -> None:
    """Sentences/s of the embedder in float32 and bfloat16 autocast, 1 and 2 threads, and the
    cosine of bfloat16 vectors to float32 ones."""
    import torch
    from reuse_corpus import make_corpus

    from sitrep.reuse.embed import encode
    from sitrep.reuse.sentences import split_sentences

    texts = [
        s.text for a in make_corpus(max(n // 8, 50), seed=7).articles for s in split_sentences(a.clean_text)
    ][:n]
    encode(texts[:64])  # load and warm up
    ref = None
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for dtype in ("float32", "bfloat16"):
            t = time.perf_counter()
            v = encode(texts, dtype=dtype)
            rate = len(texts) / (time.perf_counter() - t)
            if dtype == "float32":
                ref = v
            cos = np.sum(v * ref, axis=1)
            print(
                f"threads={threads} {dtype:9s} {rate:7.1f} sentences/s  cosine to float32: "
                f"min {cos.min():.4f} mean {cos.mean():.4f}"
            )


def record(r: dict) -> dict:
    """The line benchmarks/run_all.py collects. The baseline is the embedder's share of the same run
    (the ``embed_sentences`` calls inside ``find_reuse``, timed there): how fast the stage would be
    if it did nothing but embed."""
    return {
        "stage": "reuse",
        "n": r["n"],
        "unit": "articles/s",
        "throughput": round(r["n"] / r["seconds"], 1),
        "seconds": r["seconds"],
        "baseline": "MiniLM embedding alone (timed in run)",
        "baseline_throughput": round(r["n"] / r["embed_seconds"], 1) if r["embed_seconds"] else None,
        "ratio": round(r["embed_seconds"] / r["seconds"], 3) if r["seconds"] else None,
        "peak_mb": r["peak_rss_mb"],
        "notes": f"recall {r['recall']}, precision {r['precision']}, direction right {r['direction_right']}, "
        f"{r['sentences_embedded']} sentences embedded ({r['dtype']})",
        "details": r,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10000, 20000, 50000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    ap.add_argument("--thresholds", action="store_true")
    ap.add_argument("--throughput", type=int, metavar="N_SENTENCES")
    ap.add_argument("--json", type=Path, help="append one JSON line per corpus size to this file")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.seed, args.threads)))
    elif args.thresholds:
        thresholds()
    elif args.throughput:
        throughput(args.throughput)
    else:
        for n in args.sizes:  # a fresh process per size, so peak memory is that size's own
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--one",
                    str(n),
                    "--seed",
                    str(args.seed),
                    "--threads",
                    str(args.threads),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            print(out.stdout.strip().splitlines()[-1], flush=True)
            if args.json:
                with args.json.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(record(json.loads(out.stdout.strip().splitlines()[-1]))) + "\n")


if __name__ == "__main__":
    main()
