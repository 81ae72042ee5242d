"""Decompression with a bound: a gzip input is inflated as it is read, and reading stops early
once the output outgrows what any honest input gives.

A 1 MB gzip of zeros inflates to 1 GB; warcio would read it whole (as one header line) before
noticing it is no WARC. Honest HTML and text compress 5 to 15 times; past ``MAX_RATIO`` times the
compressed bytes read (plus ``SLACK``) the stream is a bomb and is refused.

    >>> stream = BoundedGunzip(open("crawl.warc.gz", "rb"), max_bytes=20_000_000)  # doctest: +SKIP
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

MAX_RATIO = 100
SLACK = 1 << 20  # inflated bytes allowed beyond the ratio (a first small member)
CHUNK = 1 << 14  # compressed bytes read at a time: a bomb is seen after a few of them


class DecompressionBomb(ValueError):
    """The decompressed stream outgrew its bound."""


class BoundedGunzip(io.RawIOBase):
    """A readable, non-seekable stream of the inflated bytes of ``raw`` (all gzip members)."""

    def __init__(self, raw: BinaryIO, max_bytes: int):
        self.raw, self.max_bytes = raw, max_bytes
        self.inflate = zlib.decompressobj(31)
        self.pending = b""
        self.n_in = self.n_out = 0
        self.done = False

    def readable(self) -> bool:
        return True

    def _bound(self) -> int:
        return SLACK + MAX_RATIO * self.n_in

    def _fill(self) -> None:
        while not self.pending and not self.done:
            if self.inflate.eof and self.inflate.unused_data:  # the next gzip member
                data = self.inflate.unused_data
                self.inflate = zlib.decompressobj(31)
            elif not self.inflate.eof and self.inflate.unconsumed_tail:  # held back by CHUNK
                data = self.inflate.unconsumed_tail
            else:
                data = self.raw.read(CHUNK)
                if not data:
                    if not self.inflate.eof and self.n_in:
                        # not EOFError: warcio would take it for a clean end of the archive
                        raise ValueError("the file ends in the middle of a gzip member")
                    self.done = True
                    return
                self.n_in += len(data)
            self.pending = self.inflate.decompress(data, CHUNK)
            self.n_out += len(self.pending)
            if self.n_out > self._bound():
                raise DecompressionBomb(
                    f"it inflates to over {MAX_RATIO} times its compressed size ({self.n_out:,} "
                    f"bytes from {self.n_in:,} so far): a decompression bomb, not read further"
                )

    def readinto(self, buffer) -> int:
        self._fill()
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def bounded(fh: BinaryIO, max_bytes: int) -> BinaryIO:
    """``fh`` itself, or its inflated bytes, bounded, when it starts as a gzip file does."""
    head = fh.peek(2)[:2] if hasattr(fh, "peek") else b""
    if head != b"\x1f\x8b":
        return fh
    return io.BufferedReader(BoundedGunzip(fh, max_bytes), CHUNK)
