"""Train the event type model from data/event_prototypes.jsonl and write data/event_type_model.npz.

    PYTHONPATH=src python scripts/train_event_types.py          # about a minute; deterministic

Out-of-fold predictions (4 stratified folds of the prototypes) give the cross-validated accuracy
printed here and the calibration temperature; the shipped weights are then fitted on all of them.
The held-out set in tests/data is never read.
"""

from __future__ import annotations

from importlib import resources

import numpy as np

from sitrep.extract.event_types import classify_event, cue_hits
from sitrep.extract.type_model import (
    LABELS,
    MODEL_FILE,
    NONE,
    TypeModel,
    features,
    fingerprint,
    fit,
    fit_temperature,
    folds,
    prototypes,
    softmax,
)
from sitrep.extract.typer import decide
from sitrep.models import load_spacy


def matrix(rows):
    nlp = load_spacy()
    texts = [t for _, t in rows]
    xs = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
        hit = cue_hits(text)
        rule = classify_event(text, hit)
        xs.append(features(doc[:], hit, rule.sub_event_type if rule else NONE))
    return np.stack(xs), np.array([LABELS.index(lab) for lab, _ in rows])


def decided(rows, probs, y) -> float:
    """Out-of-fold accuracy of ``typer.decide``, the typing the pipeline ships: the figure its
    thresholds were set on (the label is "none" when no political event comes out)."""
    right = 0
    for (_, text), p, gold in zip(rows, probs, y):
        hit = cue_hits(text)
        ev = decide(classify_event(text, hit), p, hit)
        right += (ev.sub_event_type if ev is not None and ev.political else NONE) == LABELS[gold]
    return right / len(y)


def main() -> None:
    rows = prototypes()
    x, y = matrix(rows)
    fold = folds(y)
    logits = np.zeros((len(y), len(LABELS)), dtype=np.float32)
    for k in range(fold.max() + 1):
        w, b = fit(x[fold != k], y[fold != k])
        logits[fold == k] = x[fold == k] @ w.T + b
    acc = float((logits.argmax(1) == y).mean())
    t = fit_temperature(logits, y)
    p = softmax(logits / t)
    conf = p.max(1)
    right = p.argmax(1) == y
    print(f"{len(y)} prototypes; out-of-fold accuracy {acc:.3f}; temperature {t:.2f}")
    for lo, hi in ((0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        sel = (conf >= lo) & (conf < hi)
        if sel.any():
            print(
                f"  confidence {lo:.1f}-{min(hi, 1):.1f}: {sel.sum()} sentences, "
                f"mean confidence {conf[sel].mean():.2f}, right {right[sel].mean():.2f}"
            )
    print(f"  typer.decide (cue rules + model + precedence): {decided(rows, p, y):.3f} right")
    w, b = fit(x, y)
    model = TypeModel(w, b, t, fingerprint())
    out = resources.files("sitrep").joinpath("data", MODEL_FILE)
    model.save(str(out))
    print("wrote", out)


if __name__ == "__main__":
    main()
