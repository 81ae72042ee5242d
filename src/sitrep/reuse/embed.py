"""Sentence embeddings, each sentence embedded once (keyed by a hash of its normalised text).

>>> cache = MemoryEmbeddingCache()
>>> vectors = embed_sentences(["Gunmen killed five people."], cache)   # {key: np.ndarray}
"""

from __future__ import annotations

import contextlib
import platform
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from sitrep.models import EMBEDDING_MODEL
from sitrep.reuse.sentences import sentence_key
from sitrep.settings import Settings


@lru_cache(maxsize=1)
def default_dtype() -> str:
    """bfloat16 where the CPU runs it natively (avx512_bf16 or AMX), else float32.

    Measured on this project's CPU (avx512_bf16, no AMX): bfloat16 autocast embeds about twice
    as fast on one thread, with cosine to float32 >= 0.9999 and the seeds' separation unchanged
    (docs/benchmarks_reuse.md). ``Settings.embed_dtype`` (SITREP_EMBED_DTYPE=float32) overrides it.
    """
    if not _may_run_bf16():
        return "float32"  # known without importing torch (seconds), which a run on cached text skips
    try:
        import torch

        return "bfloat16" if torch.ops.mkldnn._is_mkldnn_bf16_supported() else "float32"
    except Exception:  # an old torch without the probe: stay exact
        return "float32"


def _may_run_bf16() -> bool:
    """False when the CPU surely lacks what torch's probe asks for (x86 Linux: AVX-512 BW or AMX
    bf16 in /proc/cpuinfo); True when it may have it, or nothing can be read (torch decides)."""
    if sys.platform != "linux" or platform.machine() not in ("x86_64", "AMD64"):
        return True
    try:
        flags = Path("/proc/cpuinfo").read_text().split()
    except OSError:
        return True
    return "avx512bw" in flags or "amx_bf16" in flags


BATCH_SIZE = Settings.embed_batch  # the default of library calls; a run passes its Settings


class EmbeddingCache(Protocol):
    """Where sentence vectors live between runs (the store's ``embeddings`` table in the pipeline)."""

    model: str

    def get(self, keys: list[str]) -> dict[str, list[float]]: ...

    def put(self, vectors: dict[str, list[float]]) -> None: ...


class MemoryEmbeddingCache:
    """An in-process ``EmbeddingCache`` (tests, benchmarks, runs without a store).

    >>> c = MemoryEmbeddingCache(); c.put({"k": [1.0]}); c.get(["k", "x"])
    {'k': [1.0]}
    """

    def __init__(self, model: str | None = None):
        self._model = model
        self.vectors: dict[str, list[float]] = {}

    @property
    def model(self) -> str:
        return _tag(self)

    def get(self, keys: list[str]) -> dict[str, list[float]]:
        return {k: self.vectors[k] for k in keys if k in self.vectors}

    def put(self, vectors: dict[str, list[float]]) -> None:
        self.vectors.update(vectors)

    def held(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` hold a vector (the keys only)."""
        return {k for k in keys if k in self.vectors}


def model_tag(dtype: str | None = None) -> str:
    """The name vectors are stored under: bfloat16 vectors differ slightly, so they get their own.

    >>> model_tag("float32")
    'all-MiniLM-L6-v2'
    """
    dtype = dtype or default_dtype()
    return EMBEDDING_MODEL if dtype == "float32" else f"{EMBEDDING_MODEL}@{dtype}"


def _tag(cache) -> str:
    """A cache's model tag, found on first use: ``default_dtype`` imports torch (seconds), which a
    run with nothing to embed never needs."""
    if cache._model is None:
        cache._model = model_tag(getattr(cache, "dtype", None))
    return cache._model


class StoreEmbeddingCache:
    """An ``EmbeddingCache`` over anything with the store's ``get_embeddings(model, keys)`` and
    ``put_embeddings(model, vectors)`` (the pipeline passes its ``Store``).

        >>> cache = StoreEmbeddingCache(store)
    """

    def __init__(self, store, model: str | None = None, dtype: str | None = None):
        self.store = store
        self._model = model
        self.dtype = dtype  # the run's setting; None: the CPU's default, found on first use

    @property
    def model(self) -> str:
        return _tag(self)

    def get(self, keys: list[str]) -> dict[str, list[float]]:
        return self.store.get_embeddings(self.model, keys)

    def put(self, vectors: dict[str, list[float]]) -> None:
        self.store.put_embeddings(self.model, vectors)

    def held(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` hold a vector under this cache's model tag (the keys only, the vectors
        are not read: ``Store.embedding_keys``)."""
        return self.store.embedding_keys(self.model, keys)


def encode(
    texts: list[str], dtype: str | None = None, model=None, batch_size: int = BATCH_SIZE
) -> np.ndarray:
    """Unit-length float32 vectors for ``texts`` with ``model`` (default: the project embedder).

    >>> encode(["Gunmen killed five people."]).shape
    (1, 384)
    """
    if model is None:
        from sitrep.models import load_embedder

        model = load_embedder(dtype)
    if not texts:
        return np.zeros((0, model.get_sentence_embedding_dimension()), dtype=np.float32)
    ctx = contextlib.nullcontext()
    if (dtype or default_dtype()) == "bfloat16":
        import torch

        ctx = torch.autocast("cpu", dtype=torch.bfloat16)
    with ctx:
        vecs = model.encode(
            texts,
            batch_size=batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
    return np.asarray(vecs, dtype=np.float32)


def embed_sentences(
    texts: Iterable[str],
    cache: EmbeddingCache | None = None,
    dtype: str | None = None,
    encoder: Callable[[list[str]], np.ndarray] | None = None,
) -> dict[str, np.ndarray]:
    """Vectors for ``texts`` keyed by ``sentence_key``; only sentences missing from ``cache`` are
    embedded (by ``encoder``, the run's ``Resources.encode``, else ``encode``), and put back into it.

        >>> vecs = embed_sentences(["Gunmen killed five people."], MemoryEmbeddingCache())
    """
    by_key: dict[str, str] = {}
    for t in texts:
        by_key.setdefault(sentence_key(t), t)
    keys = list(by_key)
    found = cache.get(keys) if cache is not None else {}
    out = {k: np.asarray(v, dtype=np.float32) for k, v in found.items()}
    missing = [k for k in keys if k not in out]
    if missing:
        todo = [by_key[k] for k in missing]
        vecs = encoder(todo) if encoder is not None else encode(todo, dtype=dtype)
        new = dict(zip(missing, vecs))
        out.update(new)
        if cache is not None:
            cache.put({k: v.tolist() for k, v in new.items()})
    return out
