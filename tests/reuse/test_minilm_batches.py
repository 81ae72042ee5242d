"""MiniLM embeds in batches bounded by tokens (``minilm.token_batches``): every sentence once, in
the longest-first order, each batch of one token length (nothing padded), and the same vectors as
embedding each sentence alone, whatever the number of workers the run was given (the embedder
runs on one torch thread). The vectors are the same to the bit whatever else is embedded with
them, in float32 and in bfloat16: the Ray engine batches sentences differently from the local
engine and must give the same reuse edges."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from sitrep.models import load_embedder
from sitrep.resources import Resources
from sitrep.reuse.embed import default_dtype
from sitrep.reuse.minilm import token_batches
from sitrep.settings import Settings


@pytest.mark.parametrize(
    ("lengths", "most", "tokens"),
    [
        ([300, 40, 40, 12, 12, 12, 3], 64, 100),  # one text longer than the budget: alone
        ([20] * 50, 8, 10_000),  # the count caps the batch
        ([20] * 50, 64, 100),  # the tokens cap it
        ([20] * 5 + [19] * 5 + [3], 64, 2048),  # a new length starts a new batch
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
        assert len({lengths[i] for i in batch}) == 1
        assert len(batch) == 1 or len(batch) * max(lengths[batch[0]], 1) <= tokens


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


PILE = SENTENCES + [
    "Police said two men were arrested on Tuesday.",
    "Police said three men were arrested on Tuesday night outside the bar.",
    "The shooting happened at about 11 p.m. near the corner of Fifth Street and Main Avenue, "
    "according to a statement from the sheriff's office.",
    "Officers found a 24-year-old man with a gunshot wound to the leg.",
    "He was taken to hospital in stable condition.",
    "The investigation continues.",
    "Anyone with information is asked to call the tip line.",
    "A second victim, a woman in her thirties, drove herself to the emergency room.",
]


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_a_sentences_vector_does_not_depend_on_what_is_embedded_with_it(dtype):
    if dtype == "bfloat16" and default_dtype() != "bfloat16":
        pytest.skip("this CPU does not run bfloat16 natively: sitrep embeds in float32 here")
    encode = Resources(Settings(embed_dtype=dtype)).encode
    whole = encode(PILE)
    for piece in (PILE[::3], PILE[1:6], PILE[4::-1], [PILE[7]], [PILE[2], PILE[9]]):
        got = encode(piece)
        for row, text in enumerate(piece):
            assert np.array_equal(got[row], whole[PILE.index(text)]), (dtype, text)
