"""Benchmark: words/s of ``extract_articles`` beside spaCy's own full pipeline on the same texts.

    python benchmarks/extract.py --words 200000

Texts are the five seed articles replicated with other Sahel places, dates and numbers swapped in
(so every article differs), cleaned with ``clean_document`` as the pipeline does. Both runs use the
same process, the same clean texts and ``nlp.pipe``; models and the gazetteer are warmed up first.
Peak memory is the process's maximum resident set size (ru_maxrss). On a shared machine the wall
clock is inflated by other processes, so CPU time (``process_time``) is reported too.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import time
from pathlib import Path

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.models import load_spacy
from sitrep.records import Document

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"
TOWNS = [
    "Gao",
    "Menaka",
    "Kidal",
    "Mopti",
    "Sevare",
    "Djenne",
    "Bankass",
    "Koro",
    "Niono",
    "Segou",
    "Kayes",
    "Nioro",
    "Ansongo",
    "Tessit",
    "Leré",
    "Diafarabe",
    "Macina",
    "Tenenkou",
    "Douentza",
]
BF_TOWNS = ["Arbinda", "Dori", "Gorom-Gorom", "Kaya", "Fada N'gourma", "Ouahigouya", "Titao", "Solenzo"]
NE_REGIONS = ["Tillaberi", "Maradi", "Agadez", "Diffa", "Zinder"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_articles(words: int, seed: int = 7):
    """Seed articles replicated with places, weekdays and figures varied, up to ``words`` words."""
    rng = random.Random(seed)
    rows = list(csv.DictReader((SEEDS / "manifest.csv").open(encoding="utf-8")))
    base = [((SEEDS / r["file"]).read_text(encoding="utf-8"), r["published"] or None) for r in rows]
    arts, total, i = [], 0, 0
    while total < words:
        text, pub = base[i % len(base)]
        text = re.sub(r"Boulk?i?kessi", rng.choice(TOWNS), text)
        text = text.replace("Timbuktu", rng.choice(TOWNS)).replace("Djibo", rng.choice(BF_TOWNS))
        text = text.replace("Tahoua", rng.choice(NE_REGIONS))
        text = re.sub(r"\bSunday\b", rng.choice(DAYS), text)
        text = re.sub(r"\b(30|60|13|40|200)\b", lambda m: str(int(m.group(1)) + rng.randint(1, 9)), text)
        doc = Document(input=f"bench{i}.txt", text=text, format="txt", published=pub)
        arts.append(clean_document(doc, f"bench{i:05d}"))
        total += len(text.split())
        i += 1
    return arts, total


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", type=Path, help="append the result as one JSON line to this file")
    args = ap.parse_args()
    arts, words = make_articles(args.words)
    nlp = load_spacy(stock=True)  # the baseline: the model's pipeline as shipped
    extract_articles(arts[:5])  # warm-up: models, gazetteer, dictionaries
    list(nlp.pipe([a.clean_text for a in arts[:5]]))
    mem_before = peak_mb()
    t, c = time.perf_counter(), time.process_time()
    for _ in nlp.pipe((a.clean_text for a in arts), batch_size=args.batch_size):
        pass
    spacy_s, spacy_cpu = time.perf_counter() - t, time.process_time() - c
    mem_spacy = peak_mb()
    t, c = time.perf_counter(), time.process_time()
    out = extract_articles(arts)
    extract_s, extract_cpu = time.perf_counter() - t, time.process_time() - c
    mentions = sum(len(e.mentions) for e in out.values())
    claims = sum(len(m.claims) for e in out.values() for m in e.mentions)
    print(f"articles            {len(arts)}")
    print(f"words               {words}")
    print(f"spaCy alone         {spacy_s:8.1f} s  {words / spacy_s:8.0f} words/s")
    print(f"extract_articles    {extract_s:8.1f} s  {words / extract_s:8.0f} words/s")
    print(f"ratio (wall)        {spacy_s / extract_s:8.2f} x spaCy alone")
    print(
        f"CPU time            spaCy {spacy_cpu:.1f} s ({words / spacy_cpu:.0f} words/s), "
        f"extract {extract_cpu:.1f} s ({words / extract_cpu:.0f} words/s), "
        f"ratio {spacy_cpu / extract_cpu:.2f} x"
    )
    print(f"mentions / claims   {mentions} / {claims}")
    print(
        f"peak RSS            after warm-up {mem_before:.0f} MB, after spaCy {mem_spacy:.0f} MB, "
        f"after extraction {peak_mb():.0f} MB"
    )
    if args.json:  # the line benchmarks/run_all.py collects; wall clock, CPU ratio in the notes
        record = {
            "stage": "extract",
            "n": len(arts),
            "n_words": words,
            "unit": "words/s",
            "throughput": round(words / extract_s, 1),
            "seconds": round(extract_s, 2),
            "baseline": "spaCy sm alone",
            "baseline_throughput": round(words / spacy_s, 1),
            "ratio": round(spacy_s / extract_s, 3),
            "peak_mb": round(peak_mb(), 1),
            "cpu_ratio": round(spacy_cpu / extract_cpu, 3),
            "mentions": mentions,
            "claims": claims,
            "notes": f"{words:,} words; wall clock; CPU ratio {spacy_cpu / extract_cpu:.2f}; "
            f"{mentions} mentions, {claims} claims",
        }
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
