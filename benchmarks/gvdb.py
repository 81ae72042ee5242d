"""Killed / injured exact-match accuracy of find_claims + article_toll on the GVDB dev split.

    python benchmarks/gvdb.py [/work/shared/dev/gvdb/dev.tsv] [--limit N] [--errors K] [--title glued|strip|split]

Gold (README of the data): killed = victims whose ``victim-was`` has ``killed``; injured =
victims with ``injured`` or ``hospitalized`` and not ``killed``. The data is read from its path,
never copied into the repository.
"""
from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.extract.figures import find_claims
from sitrep.extract.toll import article_toll
from sitrep.models import load_spacy

DEFAULT = Path("/work/shared/dev/gvdb/dev.tsv")


def strip_title(text: str, title: str, keep: bool = False) -> str:
    """The body without the page title GVDB glues to its start ("...Los Angeles TimesJassely Lupoe, a").

    ``keep`` keeps the title as a paragraph of its own ("title\n\nbody") instead of dropping it.
    """
    title = title.strip()
    if not title or not text.startswith(title):
        return text
    body = text[len(title):].lstrip()
    return f"{title}\n\n{body}" if keep else body


def read_gold(path: Path, limit: int | None = None, title: str = "glued") -> list[dict]:
    """Rows of the GVDB TSV as {id, text, killed, injured}; ``title``: glued (as given), strip or split."""
    csv.field_size_limit(sys.maxsize)
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            victims = json.loads(row["Json"]).get("victim-section") or []
            was = [set(v.get("victim-was") or []) for v in victims]
            rows.append({
                "id": row["Article id"],
                "text": row["Full text"] if title == "glued" else strip_title(
                    row["Full text"], row["Article title"], keep=title == "split"),
                "killed": sum("killed" in w for w in was),
                "injured": sum(bool(w & {"injured", "hospitalized"}) and "killed" not in w for w in was),
                "annotated": any(was),   # the annotator marked at least one victim's outcome
            })
            if limit and len(rows) >= limit:
                break
    return rows


def predict(docs) -> list[dict]:
    """(killed, injured) best counts per spaCy doc, 0 where the article states none."""
    out = []
    for doc in docs:
        claims = [c for sent in doc.sents for c in find_claims(sent)]
        toll = article_toll(claims)
        out.append({"killed": (toll.get("killed") or (0, 0, 0))[1] or 0,
                    "injured": (toll.get("wounded") or (0, 0, 0))[1] or 0})
    return out


def _bucket(pred: int, gold: int) -> str:
    if pred == gold:
        return "exact"
    if gold == 0:
        return "false figure (gold 0)"
    if pred == 0:
        return "missed (pred 0)"
    return "over" if pred > gold else "under"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--title", choices=("glued", "strip", "split"), default="glued",
                    help="the title GVDB glues to the text's start: leave it (glued), cut it off "
                         "(strip), or keep it as a paragraph of its own (split); it is the TSV's title column")
    ap.add_argument("--errors", type=int, default=0, help="list K article ids per error kind")
    ap.add_argument("--json", type=Path, help="append the result as one JSON line to this file")
    args = ap.parse_args(argv)
    rows = read_gold(Path(args.path), args.limit, args.title)
    nlp = load_spacy()
    t0 = time.perf_counter()
    preds = predict(nlp.pipe((r["text"] for r in rows), batch_size=32))
    secs = time.perf_counter() - t0
    words = sum(len(r["text"].split()) for r in rows)
    print(f"{len(rows)} articles, {words} words, {secs:.1f} s ({words / secs:.0f} words/s incl. spaCy)")
    acc = {}
    for key in ("killed", "injured"):
        ok = sum(p[key] == r[key] for p, r in zip(preds, rows))
        buckets = Counter(_bucket(p[key], r[key]) for p, r in zip(preds, rows))
        print(f"{key}: exact {ok}/{len(rows)} = {ok / len(rows):.3f}   "
              + ", ".join(f"{k} {v}" for k, v in buckets.most_common() if k != "exact"))
        pairs = Counter((r[key], p[key]) for p, r in zip(preds, rows) if p[key] != r[key])
        print("   most common (gold, pred) errors:", ", ".join(f"{g}->{p} x{n}" for (g, p), n in pairs.most_common(8)))
        sub = [(p, r) for p, r in zip(preds, rows) if r["annotated"]]
        ok_sub = sum(p[key] == r[key] for p, r in sub)
        acc[key] = (ok, ok_sub, len(sub))
        print(f"   on the {len(sub)} articles with >= 1 annotated victim outcome: {ok_sub}/{len(sub)} = {ok_sub / max(len(sub), 1):.3f}")
        if args.errors:
            for kind in ("false figure (gold 0)", "missed (pred 0)", "over", "under"):
                ids = [f"{r['id']}({r[key]}->{p[key]})" for p, r in zip(preds, rows) if _bucket(p[key], r[key]) == kind]
                print(f"   {kind}: {' '.join(ids[:args.errors])}")
    if args.json:   # the line benchmarks/run_all.py collects; no baseline (accuracy is the point)
        n = len(rows)
        record = {"stage": "gvdb", "n": n, "n_words": words, "unit": "words/s", "throughput": round(words / secs, 1),
                  "seconds": round(secs, 2), "baseline": None, "baseline_throughput": None, "ratio": None,
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "title": args.title,
                  "accuracy": {k: round(ok / n, 3) for k, (ok, _, _) in acc.items()},
                  "notes": "exact match " + ", ".join(f"{k} {ok}/{n} = {ok / n:.3f}" for k, (ok, _, _) in acc.items())
                           + f" (annotated {acc['killed'][2]}: " + ", ".join(
                               f"{k} {hit / max(m, 1):.3f}" for k, (_, hit, m) in acc.items()) + "); words/s incl. spaCy"}
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
