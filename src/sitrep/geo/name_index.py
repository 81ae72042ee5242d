"""The gazetteer's names in memory, for runs that look up many names (issue 15).

A name look-up in the DuckDB file scans the names table for the hashes of the names asked (its
index is not used for a list of values: about half of a look-up's 15-30 CPU ms), and a run of a
few hundred articles makes hundreds of look-ups. Read once into arrays sorted by hash (about
0.1-0.2 CPU s, 25 MB), the names of a key are a binary search away. ``Gazetteer`` reads them only
once a run has made enough look-ups to pay for that, so a run of one article never does.

A key's names are the rows with its hash and its second hash (``hash(key, SALT)``): the file
stores one 64-bit hash per key, and two keys would also need the same second hash to be
confused (the query compares the keys themselves).

    >>> index = NameIndex(con)
    >>> index.names(h, h2)          # [(place id, own name), ...]
"""

from __future__ import annotations

import numpy as np

SALT = "sitrep"  # the second hash of a key: hash(key, SALT)


class NameIndex:
    """Every name's hashes, place id and kind, sorted by hash (ties in the file's order)."""

    def __init__(self, con):
        names = con.execute(
            f"SELECT h, hash(key, '{SALT}') AS h2, gid, kind = 'name' AS main FROM names"
        ).fetchnumpy()
        order = np.argsort(np.asarray(names["h"], dtype=np.uint64), kind="stable")
        self.h = np.asarray(names["h"], dtype=np.uint64)[order]
        self.h2 = np.asarray(names["h2"], dtype=np.uint64)[order]
        self.gid = np.asarray(names["gid"], dtype=np.int64)[order]
        self.main = np.asarray(names["main"], dtype=bool)[order]

    def names(self, h: int, h2: int) -> list[tuple[int, bool]]:
        """(place id, whether the name is the place's own) for one key's hashes, one per place
        (its own name if any of its rows is), in the file's order."""
        lo, hi = np.searchsorted(self.h, np.uint64(h), "left"), np.searchsorted(self.h, np.uint64(h), "right")
        out: dict[int, bool] = {}
        for i in range(lo, hi):
            if self.h2[i] == h2:
                gid = int(self.gid[i])
                out[gid] = out.get(gid, False) or bool(self.main[i])
        return list(out.items())
