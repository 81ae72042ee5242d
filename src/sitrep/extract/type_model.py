"""A small linear classifier of ACLED sub-event types, over what spaCy has already computed.

    >>> model = TypeModel.load()                   # weights shipped in data/event_type_model.npz
    >>> probs = model.probabilities(features(doc[:]))   # one calibrated probability per LABELS

The cue rules (``event_types.classify_event``) read listed words; this model reads the sentence
as a whole, so a phrasing nobody listed ("engaged in combat with", "took possession of") still
lands near the sentences of its type. Its features, all computed from the sentence's spaCy parse,
which the extraction has already run (no other model, nothing fetched):

- the mean of spaCy's contextual token vectors (``doc.tensor``, 96 wide) over the sentence;
- hashed lemma unigrams and bigrams (names and numbers replaced by their kind, so no place or
  person is learned), and hashed verb-role-noun triples from the dependency parse ("seize>O>town",
  "seize>S>rebel"), the same in the active and the passive voice;
- which cue lists of ``data/event_types.json`` match, including the actor kinds ACLED's rules
  depend on (state forces, rebels and militias, civilians, protesters);
- the cue rules' own answer (one of the 25 sub-event types, or none).

It is trained on ``data/event_prototypes.jsonl`` (``scripts/train_event_types.py``): sentences
written from the ACLED codebook's definition of each sub-event type and of what is not an event,
in several registers, by the ``types`` session on 2026-12-01, after the held-out set
(``tests/data/event_types_heldout.jsonl``) was written and committed and without reading it.
MiniLM sentence embeddings were the first choice; they were set aside because on this machine
they embed 20 to 30 sentences a second, which would have more than doubled extraction time,
while these features cost a few microseconds per sentence.

Probabilities are calibrated by one temperature, fitted on out-of-fold predictions of the
training sentences (4 folds), never on the held-out set.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np

from sitrep.extract.event_types import EVENT_TYPE_OF, load_cues

NONE = "none"
LABELS = sorted(EVENT_TYPE_OF) + [NONE]
BUCKETS = 2048
TENSOR_WIDTH = 96
_KIND_ENTS = {
    "GPE": "<place>",
    "LOC": "<place>",
    "FAC": "<place>",
    "PERSON": "<person>",
    "ORG": "<org>",
    "NORP": "<group>",
    "DATE": "<date>",
    "TIME": "<date>",
    "CARDINAL": "<num>",
    "QUANTITY": "<num>",
    "ORDINAL": "<num>",
}
MODEL_FILE = "event_type_model.npz"


def cue_names() -> list[str]:
    return sorted(load_cues())


def width() -> int:
    return TENSOR_WIDTH + len(cue_names()) + len(LABELS) + BUCKETS


def _tokens(span) -> list[str]:
    out = []
    for t in span:
        if t.is_punct or t.is_space:
            continue
        kind = _KIND_ENTS.get(t.ent_type_)
        if kind or t.like_num:
            word = kind or "<num>"
            if not out or out[-1] != word:
                out.append(word)
            continue
        out.append(t.lemma_.lower())
    return out


# Who did what to whom, whatever the word order or voice: "rebels seized the town" and "the town
# was seized by rebels" both give "seize>O>town" and "seize>S>rebel" (the subject of a passive
# verb is its object; the agent's "by" noun its subject).
_ROLE = {"nsubj": "S", "nsubjpass": "O", "dobj": "O", "attr": "O", "csubj": "S"}


def _word(t) -> str:
    return _KIND_ENTS.get(t.ent_type_) or ("<num>" if t.like_num else t.lemma_.lower())


def _relations(span) -> list[str]:
    out = []
    for t in span:
        head = t.head
        if t.dep_ in _ROLE and head.pos_ in ("VERB", "AUX"):
            out.append(f"{head.lemma_.lower()}>{_ROLE[t.dep_]}>{_word(t)}")
        elif t.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.pos_ == "VERB":
            role = "S" if head.dep_ == "agent" else head.lower_
            out.append(f"{head.head.lemma_.lower()}>{role}>{_word(t)}")
    return out


def _bucket(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) % BUCKETS  # deterministic, unlike hash()


def features(span, hits: dict[str, bool], rule_label: str) -> np.ndarray:
    """The feature vector of one sentence: its spaCy span, the cue lists it matches, the rules' type."""
    x = np.zeros(width(), dtype=np.float32)
    tensor = span.doc.tensor
    if tensor is not None and tensor.size and tensor.shape[1] == TENSOR_WIDTH:
        v = tensor[span.start : span.end].mean(axis=0)
        n = float(np.linalg.norm(v))
        x[:TENSOR_WIDTH] = v / n if n else v
    at = TENSOR_WIDTH
    names = cue_names()
    for i, name in enumerate(names):
        x[at + i] = 1.0 if hits.get(name) else 0.0
    at += len(names)
    x[at + LABELS.index(rule_label)] = 1.0
    at += len(LABELS)
    toks = _tokens(span)
    grams = toks + [f"{a} {b}" for a, b in pairwise(toks)] + _relations(span)
    for g in grams:
        x[at + _bucket(g)] = 1.0
    if grams:
        block = x[at:]
        block /= float(np.linalg.norm(block))
    return x


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


@dataclass
class TypeModel:
    weights: np.ndarray  # (len(LABELS), width())
    bias: np.ndarray  # (len(LABELS),)
    temperature: float = 1.0
    fingerprint: str = ""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        return softmax((x @ self.weights.T + self.bias) / self.temperature)

    @staticmethod
    @lru_cache(maxsize=1)
    def load() -> TypeModel:
        path = resources.files("sitrep").joinpath("data", MODEL_FILE)
        with path.open("rb") as f:
            z = np.load(f)
            return TypeModel(
                z["weights"].astype(np.float32),
                z["bias"].astype(np.float32),
                float(z["temperature"]),
                str(z["fingerprint"]),
            )

    def save(self, path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            bias=self.bias,
            temperature=np.float32(self.temperature),
            fingerprint=np.array(self.fingerprint),
        )


def fingerprint() -> str:
    """A hash of what the weights were trained from: the prototypes, the cue file, the features."""
    h = hashlib.sha1()
    for name in ("event_prototypes.jsonl", "event_types.json"):
        h.update(resources.files("sitrep").joinpath("data", name).read_bytes())
    h.update(f"{BUCKETS}|{TENSOR_WIDTH}|{'|'.join(LABELS)}|relations".encode())
    return h.hexdigest()


def prototypes() -> list[tuple[str, str]]:
    """(label, sentence) pairs of ``data/event_prototypes.jsonl``."""
    text = resources.files("sitrep").joinpath("data", "event_prototypes.jsonl").read_text("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(r["label"], r["text"]) for r in rows]


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-4, steps: int = 300, rate: float = 0.05
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch Adam (deterministic: zero start, no sampling)."""
    k = len(LABELS)
    x = x.astype(np.float32)
    w = np.zeros((k, x.shape[1]), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    mw, vw, mb, vb = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for t in range(1, steps + 1):
        p = softmax(x @ w.T + b)
        g = (p - onehot) / len(x)
        gw, gb = g.T @ x + l2 * w, g.sum(axis=0)
        for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= rate * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of held-out-fold predictions."""
    best, best_nll = 1.0, np.inf
    for t in np.arange(0.3, 5.0, 0.05):
        p = softmax(logits / t)
        nll = -np.log(p[np.arange(len(y)), y] + 1e-12).mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def folds(y: np.ndarray, k: int = 4) -> np.ndarray:
    """A deterministic stratified fold number for each example (every k-th of each label)."""
    out = np.zeros(len(y), dtype=int)
    for label in np.unique(y):
        idx = np.flatnonzero(y == label)
        out[idx] = np.arange(len(idx)) % k
    return out


def top_two(probs: np.ndarray) -> tuple[int, int]:
    order = np.argsort(-probs, kind="stable")
    return int(order[0]), int(order[1])


def label_index(label: str | None) -> int:
    return LABELS.index(label or NONE)
