"""Benchmark: `sitrep run --engine ray` (or local) on N real dev articles, for docs/scale.md.

    python benchmarks/ray_scale.py 250 500 1000 --engine ray --json /tmp/ray/scale.jsonl

The corpus: the dev sets' texts (GVA, GVDB, GeoVirus; ``--dev`` folder) in a fixed order, each
with an id of its own. Beyond the number of distinct texts, texts come round again with one
generated line appended ("Republished as item N."), so that they are new articles, not
content-hash duplicates: a syndication-like load on the reuse stage (every repeat is a copy of an
earlier article); the figures say how many articles were such repeats.

Each size runs in a subprocess on a fresh store; measured: wall seconds, CPU seconds of the whole
process tree (driver, Ray's daemons and workers: the run's session, sampled from /proc every
0.2 s, each process's last reading), peak RSS of the tree, and the stage split from the run log.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from real import stage_seconds, tree_rss_mb

DEV = Path("/work/shared/dev")
FILES = ("gva/documents.jsonl", "gvdb/documents.jsonl", "geovirus/articles.jsonl")


def corpus(n: int, dev: Path, path: Path) -> int:
    """Write ``n`` documents to ``path``; the number of them that are repeats."""
    docs = []
    for name in FILES:
        if (dev / name).exists():
            docs += [json.loads(line) for line in (dev / name).open(encoding="utf-8") if line.strip()]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            doc = dict(docs[i % len(docs)], id=f"s{i:07d}")
            if i >= len(docs):
                doc["text"] = f"{doc['text']}\n\nRepublished as item {i}."
            fh.write(json.dumps(doc) + "\n")
    return max(0, n - len(docs))


def session_cpu(session: int, seen: dict[int, float]) -> None:
    """Record into ``seen`` the CPU seconds (user + system) of every process of ``session`` (the
    run was started in a session of its own; Ray's daemons and workers inherit it)."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            seen[int(entry)] = max(seen.get(int(entry), 0.0), (int(fields[11]) + int(fields[12])) / tick)


def measure(n: int, engine: str, work: Path, dev: Path) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    data, out = work / f"corpus{n}.jsonl", work / f"{engine}{n}"
    repeats = corpus(n, dev, data)
    cmd = [sys.executable, "-m", "sitrep.cli", "run", str(data), "--out", str(out)]
    cmd += ["--db", str(out / "store.duckdb"), "--engine", engine, "--no-report", "-q"]
    t0 = time.perf_counter()
    log = (work / f"{engine}{n}.log").open("w")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    peak, cpu = 0.0, {}
    while proc.poll() is None:
        peak = max(peak, tree_rss_mb(proc.pid))
        session_cpu(proc.pid, cpu)
        time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): see {work}/{engine}{n}.log")
    return {
        "engine": engine,
        "articles": n,
        "repeats": repeats,
        "seconds": round(time.perf_counter() - t0, 1),
        "cpu_seconds": round(sum(cpu.values()), 1),
        "tree_peak_mb": round(peak),
        "stage_seconds": stage_seconds(out / "store.duckdb"),
        "load_1min": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=int, nargs="+")
    ap.add_argument("--engine", default="ray", choices=("local", "ray"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/sitrep-scale"))
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--json", type=Path, help="append one JSON line per size")
    args = ap.parse_args(argv)
    for n in args.sizes:
        row = measure(n, args.engine, args.work, args.dev)
        print(json.dumps(row), flush=True)
        if args.json:
            with args.json.open("a") as fh:
                fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
