"""MinHash signatures and their LSH bands with numpy alone: the values datasketch 2 computes.

datasketch's package imports ``scipy.integrate`` (for the LSH's band parameters) whatever part of
it is used: 2-3.4 CPU seconds measured on this machine, paid by every run with two articles or
more, a tenth of the reuse stage on 400 real articles. What the reuse stage needs of it is small:
``MinHash(num_perm=128)`` (scheme "affine32", seed 1, SHA-1's first 4 bytes as the input hash)
and ``MinHashLSH(threshold=0.5, num_perm=128)``'s buckets (25 bands of 5 rows). Both are written
here to the same bits; ``tests/reuse/test_reuse_cost.py`` checks them against datasketch itself
(a dev dependency now), so a change of the library's scheme is noticed.

    >>> a, b = minhash([b"gunmen attacked", b"the market"]), minhash([b"gunmen attacked"])
    >>> a.jaccard(b), len(bands(a))
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SEED = 1  # datasketch's default
# datasketch's optimal (bands, rows) for threshold 0.5 and 128 permutations, false positives and
# negatives weighed alike (its _optimal_param, which integrates with scipy)
BANDS, ROWS = 25, 5
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_EMPTY = np.uint32(0xFFFFFFFF)


@dataclass
class MinHash:
    """A signature: the least permuted hash of the set's members, per permutation."""

    hashvalues: np.ndarray  # uint32, NUM_PERM long

    def jaccard(self, other: MinHash) -> float:
        """Estimated Jaccard similarity: the share of equal values (datasketch's estimator)."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / float(len(self.hashvalues))


@lru_cache(maxsize=4)
def permutations(num_perm: int = NUM_PERM) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b mod 2^32 (a odd) datasketch draws from seed 1."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, applied once to each input hash (datasketch's pre-mix)."""
    s1, m1, s2, m2, s3 = _FMIX
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def minhash(members: list[bytes], num_perm: int = NUM_PERM) -> MinHash:
    """The signature of a set of byte strings (each hashed by the first 4 bytes of its SHA-1,
    little-endian, as datasketch's ``sha1_hash32``)."""
    values = np.full(num_perm, _EMPTY, dtype=np.uint32)
    if members:
        digests = b"".join(hashlib.sha1(m).digest()[:4] for m in members)
        hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
        a, b = permutations(num_perm)
        values = np.minimum(values, (hv * a + b).min(axis=0))
    return MinHash(values)


def bands(signature: MinHash) -> list[bytes]:
    """The bucket of each band (its rows' values as big-endian bytes, as MinHashLSH files them)."""
    hv = signature.hashvalues
    return [bytes(hv[i * ROWS : (i + 1) * ROWS].byteswap().data) for i in range(BANDS)]
