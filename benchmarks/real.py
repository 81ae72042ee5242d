"""Benchmark: `sitrep run` on real news, as a user runs it, beside spaCy alone on the same texts.

    python benchmarks/real.py /work/shared/dev/gvdb/documents.jsonl /work/shared/dev/gva/documents.jsonl \
        examples/seeds/articles@examples/seeds/manifest.csv --workers 1 2 [--rounds 2] [--json FILE]

For each input (``PATH`` or ``PATH@MANIFEST``):
- the clean texts come from ``sitrep ingest`` into a scratch store (what extraction reads);
- rounds of, interleaved: spaCy alone (``load_spacy(stock=True)``, the package as shipped, over the
  clean texts with ``nlp.pipe``; import and model load included) and ``sitrep run`` in a
  subprocess on a fresh store, once per ``--workers`` value (model loading included, as a user
  waits for it). Interleaving keeps the baseline honest on a shared machine: compare the ratio,
  not the absolute figures;
- words are spaCy's (tokens that are neither space nor punctuation) over the clean texts, the same
  count for both sides; the ratio is spaCy-alone seconds / sitrep seconds (>1: sitrep faster);
- peak memory: the largest sum of RSS over the process tree (sampled every 0.1 s) and the largest
  single process (``ru_maxrss``);
- the stage split: ``stage_seconds`` from the run log in the store (``runs.stats``), wall time
  per stage, and ``stage_cpu_seconds``, the CPU time of the run's own process per stage; with a
  pool (``--workers`` > 1), extraction runs in it while the run's process traces reuse: "reuse"
  is then the wall time of reuse with the pool working beside it, "extract" only what is left of
  extraction after reuse, and ``pool_seconds.extract`` the pool's wall time (from its start to its
  last result read) and its workers' CPU time;
- startup: wall time of ``sitrep run`` on the input's first article, fresh store, to its exit (the
  outputs written), beside spaCy alone (import, load, parse) on the same article;
- sitrep's modules are compiled to bytecode first (``compileall``, as ``pip install`` does; spaCy's
  already are): where ``PYTHONDONTWRITEBYTECODE`` is set and the code runs from a source tree,
  every run would otherwise compile them again (about 0.4 CPU s of each run).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

SPACY_ALONE = r"""
import json, sys, time
t0 = time.perf_counter()
from sitrep.models import load_spacy
texts = json.load(open(sys.argv[1]))
nlp = load_spacy(stock=True)
words = 0
for doc in nlp.pipe(texts, batch_size=64):
    words += sum(1 for t in doc if not t.is_space and not t.is_punct)
print(json.dumps({"seconds": time.perf_counter() - t0, "words": words}))
"""


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            parent[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in tree) / 2**20


def timed(cmd: list[str]) -> dict:
    """Run ``cmd``; its wall seconds, peak RSS of its process tree and of its largest process."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        peak, status, usage = 0.0, None, None
        while status is None:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, usage = os.waitstatus_to_exitcode(st), ru
                break
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - t0
        proc.returncode = status  # reaped here, with its own rusage
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({status}):\n{stderr[-3000:]}")
    # wait4's ru_maxrss: the largest of the process and the children it waited for
    return {
        "seconds": seconds,
        "tree_peak_mb": round(peak, 1),
        "largest_mb": round(usage.ru_maxrss / 1024, 1),
        "stdout": stdout,
        # CPU seconds of the process and its waited-for children (the pool's workers): on a
        # shared machine a steadier comparison than wall time, but blind to using two cores
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
    }


def sitrep_cmd(data: Path, meta: Path | None, out: Path, workers: int | None) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "sitrep.cli",
        "run",
        str(data),
        "--out",
        str(out),
        "--db",
        str(out / "store.duckdb"),
        "-q",
    ]
    if meta:
        cmd += ["--meta", str(meta)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    return cmd


def clean_texts(data: Path, meta: Path | None, tmp: Path) -> list[str]:
    db = tmp / "ingest.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "sitrep.cli",
        "ingest",
        str(data),
        "--db",
        str(db),
        "-q",
        "--out",
        str(tmp / "ingest-out"),
    ]
    if meta:
        cmd += ["--meta", str(meta)]
    subprocess.run(cmd, check=True, capture_output=True)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT clean_text FROM articles ORDER BY article_id").fetchall()
    con.close()
    return [r[0] for r in rows]


def run_stats(db: Path) -> dict:
    """The last finished run's log (``runs.stats``)."""
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT stats FROM runs WHERE status = 'ok' ORDER BY started_at DESC LIMIT 1"
    ).fetchone()
    con.close()
    return json.loads(row[0]) if row and row[0] else {}


def stage_seconds(db: Path) -> dict:
    return run_stats(db).get("stage_seconds", {})


def spacy_alone(texts: list[str], tmp: Path) -> dict:
    path = tmp / "texts.json"
    path.write_text(json.dumps(texts))
    r = timed([sys.executable, "-c", SPACY_ALONE, str(path)])
    r.update(json.loads(r.pop("stdout").strip().splitlines()[-1]))
    return r


def first_article(data: Path, tmp: Path) -> Path:
    """The input's first article as an input of its own (a jsonl line or the first file)."""
    if data.is_file() and data.suffix == ".jsonl":
        one = tmp / "one.jsonl"
        with data.open() as fh:
            one.write_text(fh.readline())
        return one
    first = sorted(p for p in data.rglob("*") if p.is_file())[0]
    return first


def compile_sitrep() -> None:
    """The bytecode of the ``sitrep`` package the runs import, written beside its sources."""
    import importlib.util

    spec = importlib.util.find_spec("sitrep")
    for folder in spec.submodule_search_locations or []:
        subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True, capture_output=True)


def bench(spec: str, workers: list[int | None], rounds: int, keep: Path | None = None) -> dict:
    data, _, meta = spec.partition("@")
    data, meta = Path(data), Path(meta) if meta else None
    with tempfile.TemporaryDirectory(prefix="sitrep-real-") as t:
        tmp = Path(t)
        texts = clean_texts(data, meta, tmp)
        base, runs = [], {w: [] for w in workers}
        for r in range(rounds):
            base.append(spacy_alone(texts, tmp))
            for w in workers:
                out = tmp / f"run-{w}-{r}"
                res = timed(sitrep_cmd(data, meta, out, w))
                stats = run_stats(out / "store.duckdb")
                res["stages"], res["stage_cpu"] = (
                    stats.get("stage_seconds", {}),
                    stats.get("stage_cpu_seconds", {}),
                )
                res["pool"] = stats.get("pool_seconds", {}).get("extract")  # beside reuse, with a pool
                res["incidents"] = len(json.loads((out / "incidents.json").read_text())["incidents"])
                runs[w].append(res)
                if keep:  # the last round's outputs, to diff against another version
                    dest = keep / f"{Path(data).parent.name}-w{w}"
                    shutil.rmtree(dest, ignore_errors=True)
                    shutil.copytree(out, dest, ignore=shutil.ignore_patterns("*.duckdb*"))
        one = first_article(data, tmp)
        start = timed(sitrep_cmd(one, None, tmp / "startup", workers[0]))
        one_texts = clean_texts(one, None, tmp / "startup")
        start_spacy = spacy_alone(one_texts, tmp)
    words = base[0]["words"]
    spacy_s = statistics.median(b["seconds"] for b in base)
    result = {
        "input": spec,
        "articles": len(texts),
        "words": words,
        "spacy_seconds": round(spacy_s, 2),
        "spacy_words_per_s": round(words / spacy_s, 1),
        "spacy_tree_peak_mb": max(b["tree_peak_mb"] for b in base),
        "spacy_cpu_seconds": statistics.median(b["cpu_seconds"] for b in base),
        "startup_seconds": round(start["seconds"], 2),
        "startup_spacy_seconds": round(start_spacy["seconds"], 2),
        "startup_cpu_seconds": start["cpu_seconds"],
        "startup_spacy_cpu_seconds": start_spacy["cpu_seconds"],
        "runs": {},
    }
    for w, rs in runs.items():
        best = min(rs, key=lambda x: x["seconds"])
        sec = statistics.median(x["seconds"] for x in rs)
        result["runs"][str(w)] = {
            "seconds": round(sec, 2),
            "articles_per_s": round(len(texts) / sec, 2),
            "words_per_s": round(words / sec, 1),
            "ratio": round(spacy_s / sec, 3),
            "tree_peak_mb": max(x["tree_peak_mb"] for x in rs),
            "largest_mb": max(x["largest_mb"] for x in rs),
            "stages": best["stages"],
            "stage_cpu": best["stage_cpu"],
            "extract_pool": best["pool"],
            "incidents": best["incidents"],
            "cpu_seconds": statistics.median(x["cpu_seconds"] for x in rs),
            # CPU time is steadier than wall time on a shared machine (but blind to a second core)
            "ratio_cpu": round(
                statistics.median(b["cpu_seconds"] for b in base)
                / statistics.median(x["cpu_seconds"] for x in rs),
                3,
            ),
            "all_seconds": [round(x["seconds"], 2) for x in rs],
        }
    return result


def show(r: dict) -> None:
    print(
        f"{r['input']}: {r['articles']} articles, {r['words']:,} words; spaCy alone "
        f"{r['spacy_seconds']} s = {r['spacy_words_per_s']:,} words/s "
        f"(peak {r['spacy_tree_peak_mb']} MB)"
    )
    for w, x in r["runs"].items():
        print(
            f"  sitrep run --workers {w}: {x['seconds']} s, {x['articles_per_s']} articles/s, "
            f"{x['words_per_s']:,} words/s, ratio {x['ratio']}x spaCy alone, peak "
            f"{x['tree_peak_mb']} MB (tree) / {x['largest_mb']} MB (largest process), "
            f"{x['incidents']} incidents, runs {x['all_seconds']}; CPU s {x['cpu_seconds']} "
            f"(spaCy alone {r['spacy_cpu_seconds']}), CPU ratio {x['ratio_cpu']}x"
        )
        print("    stages (s): " + ", ".join(f"{k} {v}" for k, v in x["stages"].items()))
        if x["stage_cpu"]:
            print(
                "    stages, CPU s of the run's process: "
                + ", ".join(f"{k} {v}" for k, v in x["stage_cpu"].items())
            )
        if x["extract_pool"] and x["extract_pool"]["cpu"]:
            print(
                f"    extraction pool (beside reuse): wall {x['extract_pool']['wall']} s from its start "
                f"to its last result read, workers' CPU {x['extract_pool']['cpu']} s"
            )
    print(
        f"  startup, one article: sitrep run {r['startup_seconds']} s; spaCy alone "
        f"(import, load, parse) {r['startup_spacy_seconds']} s; CPU s {r['startup_cpu_seconds']} "
        f"against {r['startup_spacy_cpu_seconds']}"
    )


def records(r: dict) -> list[dict]:
    """One record per ``--workers`` value in the format ``run_all.py`` tabulates."""
    name = Path(r["input"].split("@")[0])
    label = name.parent.name if name.is_file() else name.name
    out = []
    for w, x in r["runs"].items():
        out.append(
            {
                "stage": f"sitrep run, real text: {label}, --workers {w}",
                "n": r["articles"],
                "unit": "words/s",
                "throughput": x["words_per_s"],
                "seconds": x["seconds"],
                "baseline": "spaCy sm alone, 1 process (same run; import and model load included)",
                "baseline_throughput": r["spacy_words_per_s"],
                "ratio": x["ratio"],
                "peak_mb": x["tree_peak_mb"],
                "n_words": r["words"],
                "notes": (
                    f"{r['words']:,} words; {x['articles_per_s']} articles/s; wall clock incl. "
                    f"model loading; largest process {x['largest_mb']} MB; stage s: "
                    + ", ".join(f"{k} {v}" for k, v in x["stages"].items())
                    + f"; startup on one article {r['startup_seconds']} s (spaCy alone "
                    f"{r['startup_spacy_seconds']} s); {x['incidents']} incidents"
                ),
            }
        )
    return out


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="+", help="PATH or PATH@MANIFEST (a folder with its manifest)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=1, help="interleaved rounds (median reported)")
    ap.add_argument("--json", type=Path, help="append results as JSON lines to this file")
    ap.add_argument("--keep", type=Path, help="copy each run's output folder here (no store)")
    args = ap.parse_args(argv)
    compile_sitrep()
    results = []
    for spec in args.inputs:
        r = bench(spec, args.workers, args.rounds, args.keep)
        results.append(r)
        show(r)
        if args.json:
            with args.json.open("a") as fh:
                for rec in records(r):
                    fh.write(json.dumps(rec) + "\n")
    return results


if __name__ == "__main__":
    main()
