"""Benchmark: the floor under `sitrep run`'s cost, the models its output needs, beside spaCy alone.

    python benchmarks/floor.py /work/shared/dev/gvdb/documents.jsonl [--rounds 2]

Issue 15 asks for a whole run at least as fast as spaCy alone on the same texts. Two models' work
is part of every run's output whatever the rest of the code does: spaCy's named-entity recogniser
over every word (places, actors and the people of every claim are its entities) and MiniLM over
the sentences of the rewrite pairs that pass the wording gate (the paraphrase evidence). This
script measures, each in a fresh process, on the clean texts of a `sitrep ingest` of the input:

- **spaCy alone**: the stock pipeline over every text (``real.py``'s baseline, the issue's);
- **NER alone**: the same package with only its ``ner`` pipe (which has a tok2vec of its own, so
  it needs no other pipe), over every text;
- **MiniLM alone**: the distinct sentences a fresh run embeds (``plan_reuse`` over the ingested
  articles, all new, as a run plans them; ``ReusePlan.to_embed``) with the run's embedder,
  dtype and batch size (``Resources.encode``); the planning's own CPU is left out (``plan_cpu``).

Once, untimed, **windows**: the share of tokens in the sentences the selective parse gives the
full pipeline (``doc.user_data["sitrep_read"]``), which the claims' and types' rules read parsed.

Each figure is the CPU time of its process (user + system, import and model load included, as
``real.py`` counts a run), so that a busy machine moves them less than wall time. NER alone plus
MiniLM alone is a lower bound on a run's CPU with its output as it is: when it reaches spaCy
alone, 1.0x is out of reach without changing the output (another model, fewer sentences read).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from real import clean_texts

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
what, path = sys.argv[1], sys.argv[2]
out = {}
if what in ("spacy", "ner"):
    from sitrep.models import load_spacy
    texts = json.load(open(path))
    nlp = load_spacy(stock=True)
    if what == "ner":
        nlp.select_pipes(enable=["ner"])
    out["tokens"] = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
elif what == "windows":  # not timed: the share of words the selective parse gives the parser
    from sitrep.models import load_spacy
    from sitrep.extract.pipeline import make_doc
    from sitrep.extract.selective import parse_selective
    texts = json.load(open(path))
    nlp = load_spacy()
    read = total = 0
    for doc in parse_selective(nlp, (make_doc(nlp, t) for t in texts)):
        total += len(doc)
        read += sum(end - start for start, end in doc.user_data.get("sitrep_read", []))
    out |= {"tokens": total, "read": read, "share": read / max(total, 1)}
else:
    from sitrep.store import Store
    from sitrep.reuse.detect import plan_reuse
    from sitrep.resources import Resources
    from sitrep.settings import Settings
    cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    before = cpu()
    store = Store.open(path, read_only=True)
    plan = plan_reuse(store.load_articles(), [])
    sentences = sorted({t for texts in plan.to_embed().values() for t in texts})
    out["plan_cpu"] = cpu() - before  # the run's own work, not the model's: left out of "cpu"
    Resources(Settings.build({})).encode(sentences)
    out["sentences"] = len(sentences)
r = resource.getrusage(resource.RUSAGE_SELF)
out |= {"cpu": r.ru_utime + r.ru_stime - out.get("plan_cpu", 0), "wall": time.perf_counter() - t0}
print(json.dumps(out))
"""


def measure(what: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(path)], check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", type=Path, help="a file or folder `sitrep ingest` reads")
    ap.add_argument("--meta", type=Path)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        texts = tmp / "texts.json"
        texts.write_text(json.dumps(clean_texts(args.input, args.meta, tmp)))
        for r in range(args.rounds):  # interleaved, so a load change touches all three alike
            row = {
                "round": r,
                "spacy": measure("spacy", texts),
                "ner": measure("ner", texts),
                "minilm": measure("minilm", tmp / "ingest.duckdb"),
            }
            floor = row["ner"]["cpu"] + row["minilm"]["cpu"]
            row["floor_cpu"] = round(floor, 2)
            row["floor_ratio"] = round(row["spacy"]["cpu"] / floor, 3)  # the best ratio possible
            if r == 0:  # the same every round: how much of the text the parser must read
                row["windows"] = measure("windows", texts)
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
