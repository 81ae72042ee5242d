"""Killed / injured exact-match accuracy per article on the GVDB dev split, as the product reads them.

    python benchmarks/gvdb.py [/work/shared/dev/gvdb] [--limit N] [--errors K]

Each article goes through the product's own stages (ingest, clean, extract, merge with
reconcile's ``article_toll``), alone: what ``sitrep run`` reports for it when no other article
joins its incident. The incident read is the one citing the article with the most claims quoted
from it, ``best`` else ``low``, as ``score.py gvdb`` reads ``sitrep run`` output; so the gap
between the two is merging. Gold is the data's ``gold.jsonl`` (killed; injured and not killed).
The data is read from its path, never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.ingest import iter_inputs
from sitrep.merge import merge_incidents
from sitrep.records import Document

DEFAULT = Path("/work/shared/dev/gvdb")


def read_gold(path: Path, limit: int | None = None) -> tuple[list, list[dict]]:
    """The articles of ``documents.jsonl`` (cleaned as the product cleans them) and their gold rows."""
    folder = path if path.is_dir() else path.parent  # a path to dev.tsv names its folder
    gold = {g["id"]: g for g in map(json.loads, (folder / "gold.jsonl").open(encoding="utf-8"))}
    articles, rows = [], []
    for doc in iter_inputs([folder / "documents.jsonl"]):
        if not isinstance(doc, Document) or doc.article_id not in gold:
            continue
        articles.append(clean_document(doc, article_id=doc.article_id))
        rows.append(
            {
                "id": doc.article_id,
                "text": articles[-1].clean_text,
                **{k: gold[doc.article_id][k] for k in ("killed", "injured")},
            }
        )
        if limit and len(rows) >= limit:
            break
    return articles, rows


def _figure(fig) -> int:
    return (fig.best if fig.best is not None else fig.low) or 0


def _own_claims(incident, article_id: str) -> int:
    return sum(
        c.article_id == article_id
        for f in (incident.fatalities, incident.wounded, incident.captured)
        for c in f.claims
    )


def predict(articles) -> list[dict]:
    """(killed, injured) per article, each article merged on its own, 0 where it states none."""
    extractions = extract_articles(articles)
    out = []
    for a in articles:
        incidents = merge_incidents({a.article_id: extractions[a.article_id]}, {a.article_id: a}, {})
        inc = max(incidents, key=lambda i, aid=a.article_id: _own_claims(i, aid), default=None)
        out.append(
            {"killed": _figure(inc.fatalities) if inc else 0, "injured": _figure(inc.wounded) if inc else 0}
        )
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
    ap.add_argument("--errors", type=int, default=0, help="list K article ids per error kind")
    ap.add_argument("--json", type=Path, help="append the result as one JSON line to this file")
    args = ap.parse_args(argv)
    articles, rows = read_gold(Path(args.path), args.limit)
    t0 = time.perf_counter()
    preds = predict(articles)
    secs = time.perf_counter() - t0
    words = sum(len(r["text"].split()) for r in rows)
    print(
        f"{len(rows)} articles, {words} words, {secs:.1f} s ({words / secs:.0f} words/s: extract and merge, incl. spaCy)"
    )
    acc = {}
    for key in ("killed", "injured"):
        ok = sum(p[key] == r[key] for p, r in zip(preds, rows))
        buckets = Counter(_bucket(p[key], r[key]) for p, r in zip(preds, rows))
        print(
            f"{key}: exact {ok}/{len(rows)} = {ok / len(rows):.3f}   "
            + ", ".join(f"{k} {v}" for k, v in buckets.most_common() if k != "exact")
        )
        pairs = Counter((r[key], p[key]) for p, r in zip(preds, rows) if p[key] != r[key])
        print(
            "   most common (gold, pred) errors:",
            ", ".join(f"{g}->{p} x{n}" for (g, p), n in pairs.most_common(8)),
        )
        acc[key] = ok
        if args.errors:
            for kind in ("false figure (gold 0)", "missed (pred 0)", "over", "under"):
                ids = [
                    f"{r['id']}({r[key]}->{p[key]})"
                    for p, r in zip(preds, rows)
                    if _bucket(p[key], r[key]) == kind
                ]
                print(f"   {kind}: {' '.join(ids[: args.errors])}")
    if args.json:  # the line benchmarks/run_all.py collects; no baseline (accuracy is the point)
        n = len(rows)
        record = {
            "stage": "gvdb",
            "n": n,
            "n_words": words,
            "unit": "words/s",
            "throughput": round(words / secs, 1),
            "seconds": round(secs, 2),
            "baseline": None,
            "baseline_throughput": None,
            "ratio": None,
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "accuracy": {k: round(ok / n, 3) for k, ok in acc.items()},
            "notes": "exact match "
            + ", ".join(f"{k} {ok}/{n} = {ok / n:.3f}" for k, ok in acc.items())
            + "; words/s of the whole per-article product path",
        }
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
