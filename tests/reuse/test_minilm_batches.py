"""MiniLM embeds in batches bounded by padded tokens (``minilm.token_batches``): every sentence
once, in the longest-first order, and the same vectors as embedding each sentence alone, whatever
the number of workers the run was given (the embedder runs on one torch thread)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sitrep.models import load_embedder
from sitrep.resources import Resources
from sitrep.reuse.minilm import token_batches
from sitrep.settings import Settings


@pytest.mark.parametrize(
    ("lengths", "most", "tokens"),
    [
        ([300, 40, 40, 12, 12, 12, 3], 64, 100),  # one text longer than the budget: alone
        ([20] * 50, 8, 10_000),  # the count caps the batch
        ([20] * 50, 64, 100),  # the tokens cap it
        ([7], 64, 2048),
        ([], 64, 2048),
        ([90, 60, 30, 30, 30, 30, 30, 0, 0], 4, 120),  # empty texts count as one token
    ],
)
def test_batches_cover_every_text_once_within_both_bounds(lengths, most, tokens):
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batches = list(token_batches(order, lengths, most, tokens))
    assert [i for b in batches for i in b] == order
    for batch in batches:
        assert 1 <= len(batch) <= most
        padded = len(batch) * max(max(lengths[i] for i in batch), 1)
        assert len(batch) == 1 or padded <= tokens


SENTENCES = [
    "A lorry driver was hurt when his vehicle overturned on the ring road near the old mill.",
    "Firefighters said the blaze had started in a kitchen.",
    "Nobody was hurt.",
    "The mayor, who had visited the site on Monday morning with two engineers from the regional "
    "water board and a delegation of residents whose houses had been flooded twice in a year, "
    "promised that the dyke would be raised before the winter storms and paid for by the state.",
    "Rain.",
    "Traffic resumed after three hours. " * 30,  # past the model's 256 tokens
]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_runs_vectors_are_those_of_each_sentence_alone(workers):
    model = load_embedder()
    alone = np.stack([model.encode([s])[0] for s in SENTENCES])
    threads = torch.get_num_threads()
    got = Resources(Settings(workers=workers, embed_dtype="float32")).encode(SENTENCES)
    assert torch.get_num_threads() == threads  # the caller's setting is given back
    assert got.shape == alone.shape
    assert np.abs(got - alone).max() < 1e-5
