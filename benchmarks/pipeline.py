"""Benchmark: the whole `sitrep run` on N *generated* articles (growth past the real data; real text: real.py).

    python benchmarks/pipeline.py --n 2000 [--json results.json]

Prints articles/s, words/s, peak memory (RSS of the run), time per stage, and the ratio of the
whole pipeline's words/s to spaCy's full en_core_web_sm pipeline alone (nlp.pipe) on the same
clean texts. Each side runs in its own fresh process so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402

SPACY_ALONE = r"""
import json, resource, sys, time
from pathlib import Path
from sitrep.models import load_spacy
texts = [p.read_text() for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = load_spacy(stock=True)          # the model's pipeline as shipped
t0 = time.perf_counter()
n_words = 0
for doc in nlp.pipe(texts, batch_size=64):
    n_words += sum(1 for t in doc if not t.is_space and not t.is_punct)
dt = time.perf_counter() - t0
print(json.dumps({"seconds": dt, "words": n_words,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SITREP_RUN = r"""
import json, resource, sys, time
import sitrep
from sitrep.models import load_spacy, load_embedder
load_spacy(); load_embedder()          # model loading is not throughput: load before the clock
stages, last = {}, [time.perf_counter(), "read"]
def progress(stage, done, total):
    now = time.perf_counter()
    if stage != last[1]:
        stages[last[1]] = stages.get(last[1], 0) + now - last[0]
        last[0], last[1] = now, stage
t0 = time.perf_counter()
res = sitrep.run([sys.argv[1]], out=sys.argv[2], meta=sys.argv[3], progress=progress)
dt = time.perf_counter() - t0
stages[last[1]] = stages.get(last[1], 0) + time.perf_counter() - last[0]
print(json.dumps({"seconds": dt, "articles": res.n_total, "incidents": len(res.incidents),
                  "stages": stages,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench(n: int, workdir: Path) -> dict:
    corpus = workdir / "corpus"
    manifest = write_corpus(corpus, n)
    spacy = _child(SPACY_ALONE, str(corpus))
    run = _child(SITREP_RUN, str(corpus), str(workdir / "out"), str(manifest))
    words = spacy["words"]
    return {
        "stage": "pipeline (generated text, growth only)",
        "n": n,
        "n_words": words,
        "unit": "words/s",
        "throughput": round(words / run["seconds"], 1),
        "baseline_throughput": round(words / spacy["seconds"], 1),
        "seconds": round(run["seconds"], 2),
        "articles_per_s": round(n / run["seconds"], 2),
        "words_per_s": round(words / run["seconds"], 1),
        "baseline": "spaCy sm alone",
        "baseline_words_per_s": round(words / spacy["seconds"], 1),
        "ratio": round(spacy["seconds"] / run["seconds"], 3),
        "peak_mb": round(run["peak_mb"], 1),
        "baseline_peak_mb": round(spacy["peak_mb"], 1),
        "stages_s": {k: round(v, 2) for k, v in run["stages"].items()},
        "incidents": run["incidents"],
        "notes": f"n = articles; wall clock; {run['incidents']} incidents; stage seconds "
        + ", ".join(f"{k} {v:.0f}" for k, v in run["stages"].items()),
    }


def main(argv: list[str] | None = None) -> list[dict]:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[2000])
    ap.add_argument("--json", type=Path, help="append results as JSON lines to this file")
    args = ap.parse_args(argv)
    results = []
    for n in args.n:
        with tempfile.TemporaryDirectory() as tmp:
            r = bench(n, Path(tmp))
        results.append(r)
        print(
            f"pipeline n={n}: {r['articles_per_s']} articles/s, {r['words_per_s']} words/s, "
            f"spaCy alone {r['baseline_words_per_s']} words/s, ratio {r['ratio']}, "
            f"peak {r['peak_mb']} MB, stages {r['stages_s']}"
        )
        if args.json:
            with args.json.open("a") as fh:
                fh.write(json.dumps(r) + "\n")
    return results


if __name__ == "__main__":
    main()
