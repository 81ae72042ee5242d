"""Run every stage's benchmark with its in-run baseline; write docs/benchmarks.md and plots.

    python benchmarks/run_all.py            # the full suite (see docs/benchmarks.md for its time)
    python benchmarks/run_all.py --quick    # small sizes, to check the suite itself

Each benchmark script takes ``--json FILE`` and appends one JSON record per measurement:
``stage, n, unit, throughput, seconds, baseline, baseline_throughput, ratio, peak_mb`` (plus
anything of its own). This script collects them into one table and plots time and memory against
corpus size for the stages measured at several sizes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GVDB = REPO.parent / "shared" / "dev" / "gvdb" / "dev.tsv"

# (name, args for the full suite, args for --quick); the full suite is sized for ~40 min on 2 cores
DEV = REPO.parent / "shared" / "dev"
REAL = [
    str(DEV / "gvdb" / "documents.jsonl"),
    str(DEV / "gva" / "documents.jsonl"),
    "examples/seeds/articles@examples/seeds/manifest.csv",
]
SUITE = [
    # real news first: the whole `sitrep run` beside spaCy alone (benchmarks/real.py)
    ("real", [*REAL, "--workers", "1", "2"], [REAL[-1], "--workers", "1", "2"]),
    ("ingest", ["--n", "2000", "10000", "--repeat", "1"], ["--n", "300", "--repeat", "1"]),
    ("reuse", ["--sizes", "2000", "10000", "20000"], ["--sizes", "300", "600"]),
    ("extract", ["--words", "200000"], ["--words", "20000"]),
    ("geo", ["--rows", "30000", "--repeat", "20"], ["--rows", "3000", "--repeat", "3"]),
    ("merge", ["--sizes", "1000", "10000", "50000"], ["--sizes", "500", "1000"]),
    ("pipeline", ["--n", "500", "2000"], ["--n", "100"]),  # generated text: growth only
    (
        "report",
        ["--incidents", "1000", "--articles", "10000", "--runs", "3"],
        ["--incidents", "100", "--articles", "1000", "--runs", "1"],
    ),
    ("gvdb", [], ["--limit", "50"]),  # full: all 400 articles of the dev split
]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores, {mem:.0f} GiB, {cpu}, Python {platform.python_version()}"


def run_one(name: str, args: list[str], results: Path) -> tuple[bool, float, str]:
    script = HERE / f"{name}.py"
    if not script.exists():
        return False, 0.0, "script missing"
    if name == "gvdb" and not GVDB.exists():
        return False, 0.0, f"GVDB data not found at {GVDB}"
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(script), *args, "--json", str(results)], capture_output=True, text=True, cwd=REPO
    )
    took = time.monotonic() - t0
    tail = (proc.stdout + proc.stderr).strip().splitlines()[-3:]
    return proc.returncode == 0, took, " | ".join(tail)


def fmt(v, nd=1) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def table(records: list[dict]) -> str:
    head = (
        "| stage | corpus size | throughput | baseline (same run) | ratio | peak memory | notes |\n"
        "| --- | ---: | ---: | --- | ---: | ---: | --- |"
    )
    rows = []
    for r in records:
        unit = r.get("unit", "items/s")
        base = r.get("baseline")
        base_txt = f"{base}: {fmt(r.get('baseline_throughput'))} {unit}" if base else "–"
        rows.append(
            f"| {r['stage']} | {fmt(r.get('n'))} | {fmt(r.get('throughput'))} {unit} | {base_txt} "
            f"| {fmt(r.get('ratio'), 2)} | {fmt(r.get('peak_mb'))} MB | {r.get('notes', '')} |"
        )
    return head + "\n" + "\n".join(rows)


def plot(records: list[dict], out_dir: Path) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    by_stage: dict[str, list[dict]] = {}
    for r in records:
        if isinstance(r.get("n"), (int, float)) and r.get("seconds") is not None:
            by_stage.setdefault(r["stage"], []).append(r)
    by_stage = {k: sorted(v, key=lambda r: r["n"]) for k, v in by_stage.items() if len(v) >= 2}
    if not by_stage:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for key, label, fname in (
        ("seconds", "time (s)", "time.png"),
        ("peak_mb", "peak memory (MB)", "memory.png"),
    ):
        fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
        for stage, rs in by_stage.items():
            ax.plot([r["n"] for r in rs], [r.get(key) or 0 for r in rs], marker="o", label=stage)
        ax.set_xlabel("corpus size (articles; mentions for merge)")
        ax.set_ylabel(label)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        ax.set_title(f"sitrep: {label} against corpus size")
        fig.tight_layout()
        path = out_dir / fname
        fig.savefig(path)
        plt.close(fig)
        paths.append(path)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, to check the suite")
    ap.add_argument("--only", nargs="*", help="run only these stages")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "benchmarks.md")
    args = ap.parse_args()

    results = REPO / "benchmarks" / "_work" / "results.jsonl"
    results.parent.mkdir(parents=True, exist_ok=True)
    if args.only and results.exists():  # re-measure some stages, keep the others' records
        keep = [
            line
            for line in results.read_text().splitlines()
            if json.loads(line).get("stage") not in args.only
        ]
        results.write_text("".join(line + "\n" for line in keep))
    else:
        results.unlink(missing_ok=True)
    status = []
    t0 = time.monotonic()
    for name, full, quick in SUITE:
        if args.only and name not in args.only:
            continue
        ok, took, tail = run_one(name, quick if args.quick else full, results)
        status.append((name, ok, took, tail))
        print(f"{name}: {'ok' if ok else 'FAILED'} in {took:.0f} s  {tail}", flush=True)
    total = time.monotonic() - t0
    records = [json.loads(line) for line in results.read_text().splitlines()] if results.exists() else []
    plots = plot(records, args.out.parent / "img")

    cmd = "python benchmarks/run_all.py" + (" --quick" if args.quick else "")
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `{cmd}` on {dt.date.today().isoformat()}; the whole suite took {total / 60:.0f} min.",
        "",
        f"Machine: {machine()}.",
        "",
        "Every ratio is against a baseline measured in the same run on the same texts "
        "(the library a stage is built on, doing its part alone). The real-text rows come first: "
        "`sitrep run` as a user runs it (a subprocess on a fresh store, model loading included) "
        "against spaCy alone in one process (import and model load included), interleaved; their "
        "peak memory is the sum over the run's process tree. Elsewhere throughput excludes model "
        "loading and peak memory is the benchmark process's maximum resident set.",
        "",
        table(records),
        "",
    ]
    if plots:
        lines += ["## Growth with corpus size", ""]
        lines += [f"![{p.stem}](img/{p.name})" for p in plots] + [""]
    lines += [
        "## Suite status",
        "",
        "| benchmark | status | time | last lines |",
        "| --- | --- | ---: | --- |",
    ]
    lines += [
        f"| {n} | {'ok' if ok else 'failed'} | {t:.0f} s | {tail.replace('|', '/')[:200]} |"
        for n, ok, t, tail in status
    ]
    notes = REPO / "docs" / "benchmarks_notes.md"
    if notes.exists():
        lines += ["", notes.read_text().strip()]
    args.out.write_text("\n".join(lines) + "\n")
    print(f"wrote {args.out} ({len(records)} measurements, {len(plots)} plots)")


if __name__ == "__main__":
    main()
