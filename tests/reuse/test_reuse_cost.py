"""What keeps the reuse stage cheap, without changing what it finds: the numpy MinHash and LSH
buckets are datasketch's own values; a run whose pairs need no vectors imports neither torch nor
datasketch/scipy; MiniLM's length-sorted batches give the vectors of one-by-one encoding; a
signature computed beforehand (as the Ray engine does) gives the pairs computed on the spot."""

from __future__ import annotations

import json

import numpy as np
import pytest
from datasketch import MinHash as LibraryMinHash
from datasketch import MinHashLSH

from sitrep.models import load_embedder
from sitrep.reuse.candidates import LSH_THRESHOLD, NUM_PERM, candidate_pairs, lsh_bands, make_minhash
from sitrep.reuse.compare import prepare_article
from sitrep.reuse.minhash import BANDS, ROWS, bands, minhash
from support.fresh import modules_after_run
from support.seed_records import article

WIRE = (
    "A lorry carrying fuel overturned on the coastal road outside Perrin on Thursday evening, "
    "setting fire to four houses and injuring nine people, the district fire service said. "
    "Crews from Perrin and Dallow fought the blaze for three hours before it was contained. "
    "The driver, aged 52, was taken to the regional hospital with burns to his arms."
)
MEMBER_SETS = [
    [],
    [b"one shingle only"],
    [f"shingle number {i} of a long text".encode() for i in range(400)],
    [w.encode() for w in WIRE.split()],
    ["caf\u00e9 cr\u00e8me \u2014 \u00e9t\u00e9".encode()],
]


@pytest.mark.parametrize("members", MEMBER_SETS)
def test_signature_and_buckets_are_datasketchs(members):
    library = LibraryMinHash(num_perm=NUM_PERM)
    library.update_batch(members)
    mine = minhash(members)
    assert np.array_equal(mine.hashvalues, library.hashvalues)
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    lsh.insert("x", library)
    assert bands(mine) == [next(iter(table.keys())) for table in lsh.hashtables]
    assert (lsh.b, lsh.r) == (BANDS, ROWS)


@pytest.mark.parametrize("cut", [0, 40, 120, 200])
def test_jaccard_is_datasketchs(cut):
    a = [f"w{i} x".encode() for i in range(300)]
    b = a[cut:] + [f"other {i}".encode() for i in range(cut)]
    la, lb = LibraryMinHash(num_perm=NUM_PERM), LibraryMinHash(num_perm=NUM_PERM)
    la.update_batch(a)
    lb.update_batch(b)
    assert minhash(a).jaccard(minhash(b)) == la.jaccard(lb)


def _profiles(texts: dict[str, str]) -> dict:
    return {aid: prepare_article(article(aid, text)).profile for aid, text in texts.items()}


def test_a_signature_computed_beforehand_gives_the_same_pairs():
    texts = {
        "wire": WIRE,
        "copy": "Latest news | " + WIRE + " Share this story.",
        "trim": WIRE.rsplit(".", 3)[0] + ".",
        "other": "The harbour board approved a new ferry timetable for the summer on Monday, "
        "adding two evening crossings to Dallow and a Sunday service to the islands.",
    }
    fresh = candidate_pairs(_profiles(texts), ["copy", "trim", "other"])
    ready = _profiles(texts)
    for p in ready.values():
        p.minhash = make_minhash(p.words)
    assert candidate_pairs(ready, ["copy", "trim", "other"]) == fresh
    assert ("copy", "wire") in fresh and not any("other" in pair for pair in fresh)
    assert len(lsh_bands(ready["wire"].minhash)) == BANDS


def test_run_whose_pairs_need_no_vectors_imports_neither_torch_nor_scipy(tmp_path):
    """A copy is read by its characters, an unrelated story is no candidate: nothing to embed."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "copy.txt").write_text("Regional news\n\n" + WIRE + "\n\nShare this story", encoding="utf-8")
    (folder / "other.txt").write_text(
        "The harbour board approved a new ferry timetable for the summer on Monday, adding two "
        "evening crossings and a Sunday service to the islands, its chairwoman said.",
        encoding="utf-8",
    )
    heavy = ("torch", "datasketch", "scipy", "sentence_transformers")
    assert modules_after_run([folder], tmp_path / "out", heavy) == []
    edges = json.loads((tmp_path / "out" / "reuse.json").read_text())["edges"]
    assert [e["kind"] for e in edges] in (["duplicate"], ["near_duplicate"])


def test_length_sorted_batches_give_the_vectors_of_one_by_one_encoding():
    model = load_embedder()
    texts = [
        "The bridge over the Varra was closed after a barge struck one of its piers.",
        "Engineers will inspect it on Monday.",
        "Traffic was diverted through the old town, where shopkeepers said business had fallen "
        "by half since the closure began, and the council promised a temporary crossing. " * 6,
        "Short one here.",
    ] * 5
    together = model.encode(texts, batch_size=64)
    alone = np.stack([model.encode([t])[0] for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
