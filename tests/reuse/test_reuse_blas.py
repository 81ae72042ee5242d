"""Reuse reads its pairs with numpy's BLAS on one thread (``detect.one_blas_thread``): the same
products up to float rounding, without the spinning of a second thread over matrices of tens of
sentences, and the caller's thread count given back afterwards."""

from __future__ import annotations

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from sitrep.clean import clean_document
from sitrep.records import Article, Document
from sitrep.resources import Resources
from sitrep.reuse import MemoryEmbeddingCache, find_reuse
from sitrep.reuse.align import window_scores
from sitrep.settings import Settings

SOURCE = (
    "Gunmen opened fire on a wedding party in the village of Oakhollow late on Saturday, killing "
    "six guests and wounding nine, the Marlow County sheriff said.\n"
    "Sheriff Dana Whitcombe said the attackers arrived in two pickup trucks and fled north toward "
    "Pinecrest before deputies reached the scene.\n"
    "The wounded were flown to Saint Brigid Hospital in Pinecrest, where three remained in critical "
    "condition on Sunday.\n"
    "Investigators recovered 48 shell casings from the courtyard of the Oakhollow community hall.\n"
    "No group has claimed the attack, and the motive remains unclear, Whitcombe told reporters."
)
REWRITE = (
    "Six people attending a wedding in Oakhollow were shot dead on Saturday night and nine more were "
    "hurt, according to the Marlow County sheriff.\n"
    "The assailants came in a pair of pickups and drove off in the direction of Pinecrest before "
    "deputies could arrive, Sheriff Dana Whitcombe said.\n"
    "Those injured were airlifted to Saint Brigid Hospital in Pinecrest; three of them were still in a "
    "critical state on Sunday.\n"
    "Detectives found 48 spent cartridges in the yard of the Oakhollow community hall.\n"
    "Whitcombe told journalists that nobody had claimed responsibility and that the motive was unknown."
)


def article(aid: str, text: str) -> Article:
    doc = Document(input=f"{aid}.txt", text=text, format="txt", article_id=aid, published="2024-05-04")
    return clean_document(doc, aid)


def blas_threads() -> list[int]:
    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


@pytest.fixture(scope="module")
def resources():
    return Resources(Settings(embed_dtype="float32"))


def test_pairs_are_read_on_one_blas_thread_and_the_callers_count_comes_back(resources):
    seen = []

    def encoder(texts):  # the run's encoder, noting the BLAS threads while reuse works
        seen.append(blas_threads())
        return resources.encode(texts)

    with threadpool_limits(2, user_api="blas"):
        edges = find_reuse(
            [article("b", REWRITE)], [article("a", SOURCE)], MemoryEmbeddingCache(), encoder=encoder
        )
        after = blas_threads()
    assert [(e.source, e.derived, e.kind) for e in edges] == [("a", "b", "paraphrase")]
    assert seen and all(n == [1] * len(n) for n in seen)  # embedded, so the pair was read by vectors
    assert after == [2] * len(after)


@pytest.mark.parametrize("n_sentences", [(5, 5), (40, 60), (120, 90)])
def test_one_thread_scores_are_those_of_two_up_to_rounding(resources, n_sentences):
    lines = [s for s in (SOURCE + "\n" + REWRITE).split("\n")]
    words = " ".join(lines).split()
    # sentences of varied wording and length cut from the two texts above
    texts = [" ".join(words[i % 60 : i % 60 + 6 + i % 17]) for i in range(sum(n_sentences))]
    vectors = resources.encode(texts)
    derived, source = vectors[: n_sentences[0]], vectors[n_sentences[0] :]
    lengths = np.array([len(t.split()) for t in texts[n_sentences[0] :]], dtype=np.float32)
    with threadpool_limits(2, user_api="blas"):
        two = window_scores(derived, source, lengths)
    with threadpool_limits(1, user_api="blas"):
        one = window_scores(derived, source, lengths)
    # OpenBLAS's threaded kernel rounds some sums differently (seen: 1 float32 ulp); never more
    assert np.abs(one[0] - two[0]).max() <= 1e-6
    assert np.array_equal(one[1], two[1]) and np.array_equal(one[2], two[2])
