"""Benchmark: `sitrep run --engine ray` (or local) on N real dev articles, for docs/scale.md.

    python benchmarks/ray_scale.py 250 500 1000 --engine ray --json /tmp/ray/scale.jsonl

The corpus: the dev sets' texts (GVA, GVDB, GeoVirus; ``--dev`` folder) in a fixed order, each
with an id of its own. Beyond the number of distinct texts, texts come round again with one
generated line appended ("Republished as item N."), so that they are new articles, not
content-hash duplicates: a syndication-like load on the reuse stage (every repeat is a copy of an
earlier article); the figures say how many articles were such repeats. With ``--generated`` the
articles beyond the dev texts are generated instead (``corpus.generate``: template stories with
their own copies, trimmed copies and rewrites, not real news; the rows say how many).

Each size runs in a subprocess on a fresh store; measured: wall seconds, CPU seconds of the whole
process tree (driver, Ray's daemons and workers: the run's session, sampled from /proc every
0.2 s, each process's last reading), peak RSS of the tree, and the stage split from the run log.

The subprocess is this script's ``--child`` mode: ``pipeline.run`` with the settings ``sitrep run
--no-report -q`` builds, plus a progress callback that logs each stage's progress with the time
(``WORK/ENGINEN.log``). Beside it, ``WORK/ENGINEN.timeline.jsonl`` gets a line every 5 s (wall,
the session's CPU seconds so far, the tree's RSS, the machine's 1-minute load), so a long run can
be read while it goes, and each stage's CPU seconds are the timeline's CPU between the stage's
first and last progress line (``stage_cpu``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from corpus import generate
from real import stage_seconds, tree_rss_mb

DEV = Path("/work/shared/dev")
FILES = ("gva/documents.jsonl", "gvdb/documents.jsonl", "geovirus/articles.jsonl")


def corpus(n: int, dev: Path, path: Path, texts: int | None = None, generated: bool = False) -> int:
    """Write ``n`` documents to ``path``; the number of them beyond the dev texts (repeats, or
    generated articles with ``generated``). ``texts``: only the first so many dev texts (each then
    comes round n / texts times: a syndication-heavy load)."""
    docs = []
    for name in FILES:
        if (dev / name).exists():
            docs += [json.loads(line) for line in (dev / name).open(encoding="utf-8") if line.strip()]
    docs = docs[:texts] if texts else docs
    extra = generate(max(0, n - len(docs))) if generated else []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            if i >= len(docs) and generated:
                _, text, meta = extra[i - len(docs)]
                doc = {"id": f"s{i:07d}", "text": text, **meta}
            else:
                doc = dict(docs[i % len(docs)], id=f"s{i:07d}")
            if i >= len(docs) and not generated:
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


def child(data: str, out: str, engine: str, workers: int | None) -> None:
    """Run the pipeline as ``sitrep run DATA --out OUT --db OUT/store.duckdb --no-report -q``
    does, logging progress lines ``time stage done total`` to stderr (at most one a second per
    stage, and every stage's first)."""
    from sitrep.pipeline import run
    from sitrep.settings import Settings

    last: dict[str, float] = {}

    def progress(stage: str, done: int, total: int | None) -> None:
        now = time.time()
        if now - last.get(stage, 0.0) >= 1.0 or stage not in last:
            last[stage] = now
            print(f"{now:.2f} {stage} {done} {total}", file=sys.stderr, flush=True)

    formats = ("json", "csv", "geojson")
    settings = Settings.build(os.environ, formats=formats, report=False, workers=workers, engine=engine)
    run([data], out, None, str(Path(out) / "store.duckdb"), settings=settings, progress=progress)
    print(f"{time.time():.2f} end 0 0", file=sys.stderr, flush=True)


def stage_cpu(log: Path, timeline: list[dict], start: float) -> dict:
    """CPU seconds of the session from each stage's first progress line to the next stage's
    ('start': from the launch to the first line)."""
    marks = [(start, "start")]
    for line in log.read_text().splitlines():
        parts = line.split()
        if (
            len(parts) == 4
            and parts[0].replace(".", "").isdigit()
            and (not marks or marks[-1][1] != parts[1])
        ):
            marks.append((float(parts[0]), parts[1]))

    def cpu_at(t: float) -> float:
        before = [r["cpu"] for r in timeline if r["time"] <= t]
        return before[-1] if before else 0.0

    out: dict[str, float] = {}
    for (t, stage), (t_next, _) in zip(marks, marks[1:]):
        out[stage] = round(out.get(stage, 0.0) + cpu_at(t_next) - cpu_at(t), 1)
    return out


def counts(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    tables = ("articles", "extractions", "incidents", "claims", "reuse_edges", "embeddings")
    row = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    con.close()
    return row


def measure(
    n: int, engine: str, work: Path, dev: Path, workers: int | None = None, generated: bool = False
) -> dict:
    work.mkdir(parents=True, exist_ok=True)
    data, out = work / f"corpus{n}.jsonl", work / f"{engine}{n}"
    extra = corpus(n, dev, data, generated=generated)
    shutil.rmtree(out, ignore_errors=True)  # a fresh store: a kept one would skip the stored extractions
    row = {"engine": engine, "articles": n, _extra_key(generated): extra, "workers": workers}
    return row | timed(data, out, engine, workers, work / f"{engine}{n}")


def batched(
    n: int,
    k: int,
    engine: str,
    work: Path,
    dev: Path,
    workers: int | None,
    done: set[int],
    texts: int | None = None,
    generated: bool = False,
):
    """The ``n``-article corpus (as ``measure`` builds it) run as ``k`` successive runs on one
    store (``WORK/ENGINEN``), each given its batch's articles only: a store that grows run by run,
    as a day's articles arrive. Yields one row per batch run; batches in ``done`` are skipped (a
    run stopped mid-batch is resumed by running that batch again: stored articles are not redone)."""
    work.mkdir(parents=True, exist_ok=True)
    whole, out = work / f"corpus{n}.jsonl", work / f"{engine}{n}"
    extra = corpus(n, dev, whole, texts, generated)  # the same file every time: written again on resume
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    for b in (b for b in range(k) if b not in done):
        lo, hi = b * n // k, (b + 1) * n // k
        data = work / f"corpus{n}_batch{b}.jsonl"
        data.write_text("".join(lines[lo:hi]), encoding="utf-8")
        print(
            f"{time.strftime('%H:%M:%S')} batch {b} of {k}: articles {lo}-{hi - 1}",
            file=sys.stderr,
            flush=True,
        )
        row = {"engine": engine, "batch": b, "batches": k, "total": n, "first": lo, "articles": hi - lo}
        row |= {_extra_key(generated): max(0, hi - max(lo, n - extra)), "workers": workers}
        row |= timed(data, out, engine, workers, work / f"{engine}{n}_batch{b}")
        data.unlink()  # the store keeps the articles
        yield row


def _extra_key(generated: bool) -> str:
    """The row's name for the articles beyond the dev texts."""
    return "generated" if generated else "repeats"


def timed(data: Path, out: Path, engine: str, workers: int | None, stem: Path) -> dict:
    """Run ``--child`` on ``data`` into ``out`` in a session of its own and measure it; its log and
    timeline are ``STEM.log`` and ``STEM.timeline.jsonl``."""
    cmd = [sys.executable, __file__, "--child", str(data), str(out), "--engine", engine]
    cmd += ["--workers", str(workers)] if workers else []
    t0, start = time.perf_counter(), time.time()
    log_path, timeline_path = stem.with_suffix(".log"), stem.with_suffix(".timeline.jsonl")
    log, timeline_file = log_path.open("w"), timeline_path.open("w")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    peak, cpu, timeline, loads, next_line = 0.0, {}, [], [], 0.0
    while proc.poll() is None:
        rss = tree_rss_mb(proc.pid)
        peak = max(peak, rss)
        session_cpu(proc.pid, cpu)
        timeline.append(
            {"time": round(time.time(), 2), "cpu": round(sum(cpu.values()), 1), "rss_mb": round(rss)}
        )
        if time.time() >= next_line:
            next_line = time.time() + 5
            timeline[-1]["load_1min"] = os.getloadavg()[0]
            loads.append(timeline[-1]["load_1min"])
            timeline_file.write(json.dumps(timeline[-1]) + "\n")
            timeline_file.flush()
        time.sleep(0.2)
    timeline.append({"time": time.time(), "cpu": round(sum(cpu.values()), 1)})
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): see {log_path}")
    return {
        "started": time.strftime("%H:%M:%S", time.gmtime(start)),
        "seconds": round(time.perf_counter() - t0, 1),
        "cpu_seconds": round(sum(cpu.values()), 1),
        "tree_peak_mb": round(peak),
        "stage_seconds": stage_seconds(out / "store.duckdb"),
        "stage_cpu": stage_cpu(log_path, timeline, start),
        "counts": counts(out / "store.duckdb"),
        "reuse_json_mb": round((out / "reuse.json").stat().st_size / 1e6, 1),
        "load_1min": {
            "min": min(loads, default=0),
            "mean": round(sum(loads) / max(len(loads), 1), 1),
            "max": max(loads, default=0),
        },
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", type=int, nargs="+")
    ap.add_argument("--engine", default="ray", choices=("local", "ray"))
    ap.add_argument("--work", type=Path, default=Path("/tmp/sitrep-scale"))
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--json", type=Path, help="append one JSON line per size")
    ap.add_argument("--workers", type=int, help="sitrep run --workers (default: the machine's cores)")
    ap.add_argument("--batches", type=int, help="run each size as K successive runs on one store")
    ap.add_argument("--texts", type=int, help="use only the first M dev texts (with --batches)")
    ap.add_argument(
        "--generated", action="store_true", help="generated articles beyond the dev texts, not repeats"
    )
    if argv is None and sys.argv[1:2] == ["--child"]:  # the measured run itself
        return child(sys.argv[2], sys.argv[3], sys.argv[5], int(sys.argv[7]) if len(sys.argv) > 7 else None)
    args = ap.parse_args(argv)
    for n in args.sizes:
        if args.batches:
            rows = batched(
                n,
                args.batches,
                args.engine,
                args.work,
                args.dev,
                args.workers,
                done_batches(args, n),
                args.texts,
                args.generated,
            )
        else:
            rows = [measure(n, args.engine, args.work, args.dev, args.workers, args.generated)]
        for row in rows:
            print(json.dumps(row), flush=True)
            if args.json:
                with args.json.open("a") as fh:
                    fh.write(json.dumps(row) + "\n")


def done_batches(args: argparse.Namespace, n: int) -> set[int]:
    """The batches of this size and split that already have a line in ``--json``."""
    if not args.json or not args.json.exists():
        return set()
    rows = [json.loads(line) for line in args.json.read_text().splitlines() if line.strip()]
    key = (args.engine, args.batches, n, args.generated)
    return {
        r["batch"]
        for r in rows
        if (r.get("engine"), r.get("batches"), r.get("total"), "generated" in r) == key
    }


if __name__ == "__main__":
    main()
