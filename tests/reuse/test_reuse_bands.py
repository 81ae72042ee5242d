"""The LSH bands the Ray engine groups by are the buckets datasketch's own MinHashLSH files an
article under (``lsh_bands`` rebuilds them from the library's hashing; this notices if it moves)."""

from __future__ import annotations

from datasketch import MinHash, MinHashLSH

from sitrep.reuse.candidates import LSH_THRESHOLD, NUM_PERM, lsh_bands

TEXTS = {
    "wire": "Gunmen attacked a village market on Sunday, killing seven traders, the regional governor said.",
    "copy": "Gunmen attacked a village market on Sunday, killing seven traders, the regional governor said today.",
    "other": "The central bank left its main interest rate unchanged on Thursday, citing slowing inflation.",
}


def minhash(text: str) -> MinHash:
    m = MinHash(num_perm=NUM_PERM)
    words = text.lower().split()
    for shingle in zip(words, words[1:], words[2:]):
        m.update(" ".join(shingle).encode())
    return m


def test_bands_are_the_buckets_minhashlsh_files_under():
    for text in TEXTS.values():
        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        m = minhash(text)
        lsh.insert("x", m)
        filed = [f"{i}:{next(iter(table.keys())).hex()}" for i, table in enumerate(lsh.hashtables)]
        assert lsh_bands(m) == filed


def test_sharing_a_band_is_what_an_lsh_query_finds():
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    hashes = {aid: minhash(text) for aid, text in TEXTS.items()}
    for aid, m in hashes.items():
        lsh.insert(aid, m)
    bands = {aid: set(lsh_bands(m)) for aid, m in hashes.items()}
    for aid, m in hashes.items():
        sharing = {other for other in hashes if bands[aid] & bands[other]}
        assert sharing == set(lsh.query(m))
    assert bands["wire"] & bands["copy"] and not bands["wire"] & bands["other"]
