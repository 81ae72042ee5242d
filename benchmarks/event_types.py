"""Benchmark: ACLED sub-event typing on the held-out set, through the product's extraction, and
what typing costs in extraction time.

    python benchmarks/event_types.py                 # accuracy + confusion matrix + calibration
    python benchmarks/event_types.py --speed 50000   # also: extraction CPU time with / without the model
    python benchmarks/event_types.py --data tests/data/event_types_real.jsonl   # real news sentences

Each held-out sentence (tests/data/event_types_heldout.jsonl) is cleaned and extracted as a
one-sentence article by ``extract_articles``, exactly as ``sitrep run`` does. The predicted label
is the first incident mention's ``sub_event_type`` when the mention is ``political`` (an ACLED
event), else ``none`` (no mention, or a mention marked outside ACLED's scope).
The speed part times ``extract_articles`` on the texts of benchmarks/extract.py twice in one
process: as shipped, and with sentence typing replaced by the cue rules alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.extract.type_model import LABELS, NONE
from sitrep.records import Document

HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "event_types_heldout.jsonl"
# Real news sentences from public web pages, labelled before sitrep was run on them (provenance:
# tests/data/event_types_real.md).
REAL = HELDOUT.with_name("event_types_real.jsonl")


def predict(rows) -> list[tuple[str, float]]:
    arts = [
        clean_document(
            Document(input=f"{r['id']}.txt", text=r["text"], format="txt", published="2026-06-01"), r["id"]
        )
        for r in rows
    ]
    out = extract_articles(arts)
    preds = []
    for a in arts:
        ms = out[a.article_id].mentions
        if not ms:
            preds.append((NONE, None))
            continue
        m = ms[0]
        preds.append((m.sub_event_type if m.political else NONE, m.type_confidence))
    return preds


def scores(gold: list[str], pred: list[str]) -> dict:
    per = {}
    for lab in LABELS:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        fp = sum(p == lab and g != lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    n = len(gold)
    weighted = sum(v["f1"] * v["support"] for v in per.values()) / n
    macro = float(np.mean([v["f1"] for v in per.values()]))
    events = [lab for lab in LABELS if lab != NONE]
    macro_events = float(np.mean([per[lab]["f1"] for lab in events]))
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    return {
        "per": per,
        "weighted_f1": weighted,
        "macro_f1": macro,
        "macro_f1_events": macro_events,
        "accuracy": acc,
        "n": n,
    }


SHORT = {lab: "".join(w[0] for w in lab.split("_"))[:4] for lab in LABELS}


def confusion(gold, pred) -> str:
    c = Counter(zip(gold, pred))
    cols = [lab for lab in LABELS if any(p == lab for p in pred) or any(g == lab for g in gold)]
    head = "| gold \\ predicted | " + " | ".join(SHORT[c_] for c_ in cols) + " |"
    lines = [head, "|" + " --- |" * (len(cols) + 1)]
    for g in cols:
        cells = [str(c[(g, p)]) if c[(g, p)] else "" for p in cols]
        lines.append(f"| {g} ({SHORT[g]}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def calibration(gold, preds) -> list[str]:
    out = []
    pairs = [(conf, g == p) for g, (p, conf) in zip(gold, preds) if conf is not None]
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if sel:
            out.append(
                f"| {lo:.1f}-{min(hi, 1):.1f} | {len(sel)} | {np.mean([c for c, _ in sel]):.2f} | "
                f"{np.mean([ok for _, ok in sel]):.2f} |"
            )
    return out


def speed(words: int) -> str:
    from benchmarks_extract import make_articles

    from sitrep.extract import pipeline
    from sitrep.extract.event_types import classify_event

    arts, n = make_articles(words)
    extract_articles(arts[:5])
    shipped = pipeline.type_span
    times = {}
    for name, fn in (("rules only", lambda span, text: classify_event(text)), ("shipped", shipped)):
        pipeline.type_span = fn
        c, t = time.process_time(), time.perf_counter()
        extract_articles(arts)
        times[name] = (time.process_time() - c, time.perf_counter() - t)
    pipeline.type_span = shipped
    extra = times["shipped"][0] / times["rules only"][0] - 1
    return (
        f"{len(arts)} articles, {n} words: extraction CPU {times['rules only'][0]:.1f} s with the "
        f"cue rules alone, {times['shipped'][0]:.1f} s as shipped (wall {times['rules only'][1]:.1f} s"
        f" / {times['shipped'][1]:.1f} s): typing adds {extra:+.1%} CPU time"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--speed", type=int, default=0, help="also time extraction on this many words")
    ap.add_argument(
        "--data",
        type=Path,
        default=HELDOUT,
        help=f"labelled sentences (default: held-out; {REAL.name} for real news)",
    )
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    gold = [r["label"] for r in rows]
    preds = predict(rows)
    pred = [p for p, _ in preds]
    s = scores(gold, pred)
    print(
        f"sentences {s['n']}; accuracy {s['accuracy']:.3f}; weighted F1 "
        f"{s['weighted_f1']:.3f}; macro F1 {s['macro_f1']:.3f} (25 event types only: "
        f"{s['macro_f1_events']:.3f})"
    )
    print("\n| type | recall | precision | F1 | n |\n| --- | --- | --- | --- | --- |")
    for lab, v in s["per"].items():
        print(f"| {lab} | {v['recall']:.2f} | {v['precision']:.2f} | {v['f1']:.2f} | {v['support']} |")
    print("\n" + confusion(gold, pred))
    print("\n| type_confidence | mentions | mean confidence | right |\n| --- | --- | --- | --- |")
    print("\n".join(calibration(gold, preds)))
    by_reg = Counter(r.get("register", "real news") for r in rows)
    right = Counter(r.get("register", "real news") for r, p in zip(rows, pred) if r["label"] == p)
    print("\nby register: " + ", ".join(f"{k} {right[k]}/{v}" for k, v in sorted(by_reg.items())))
    if args.speed:
        print("\n" + speed(args.speed))


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import importlib

    sys.modules["benchmarks_extract"] = importlib.import_module("extract")
    main()
