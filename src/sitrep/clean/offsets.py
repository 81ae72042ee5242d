"""Deleting characters while keeping the way back: clean text plus an OffsetMap to the raw text.

Cleaning never inserts or changes a character, so the clean text is a concatenation of raw slices
and ``clean[i] == raw[offsets.to_raw(i)]`` holds for every ``i``.

    >>> clean, m = delete_spans("Hello---World", [(5, 8)])
    >>> clean, m.to_raw(5)
    ('HelloWorld', 8)
"""

from __future__ import annotations

import re

from sitrep.records import OffsetMap

Spans = list[tuple[int, int]]
BLANK_RUN = re.compile(r"\s{2,}")  # a single blank needs no deletion (except at the ends)


def merge_spans(spans: Spans) -> Spans:
    """Sorted, non-overlapping, non-empty spans.  ``merge_spans([(3, 5), (0, 4)])`` -> [(0, 5)]"""
    out: Spans = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def delete_spans(text: str, spans: Spans) -> tuple[str, OffsetMap]:
    """``text`` without ``spans``, and the map from the result back to ``text``."""
    pieces: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = clean_pos = 0
    for start, end in merge_spans(spans) + [(len(text), len(text))]:
        start = min(max(start, pos), len(text))
        end = min(max(end, start), len(text))
        if start > pos:
            segments.append((clean_pos, pos, start - pos))
            pieces.append(text[pos:start])
            clean_pos += start - pos
        pos = max(pos, end)
    return "".join(pieces), OffsetMap(segments=segments)


def whitespace_spans(text: str) -> Spans:
    """Spans to delete so no line starts or ends with blanks, a run of spaces keeps one character,
    and a run of blank lines keeps two newlines (one paragraph break).

    >>> whitespace_spans("  a  b \\n\\n\\n c ")
    [(0, 2), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13)]
    """
    spans: Spans = []
    n = len(text)
    lead = len(text) - len(text.lstrip())
    trail = n - len(text.rstrip()) if lead < n else 0
    if lead:
        spans.append((0, lead))  # leading whitespace of the whole text
    for m in BLANK_RUN.finditer(text, lead, n - trail):
        start, end = m.span()
        run = m.group()
        first = run.find("\n")
        if first < 0:
            spans.append((start + 1, end))  # keep the first blank
            continue
        last = run.rfind("\n")
        keep = [start + first] if first == last else [start + first, start + last]
        cursor = start
        for k in keep:
            if k > cursor:
                spans.append((cursor, k))
            cursor = k + 1
        if end > cursor:
            spans.append((cursor, end))
    if trail:
        spans.append((n - trail, n))
    return spans


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """The map clean -> raw from ``inner`` (clean -> mid) and ``outer`` (mid -> raw)."""
    result: list[tuple[int, int, int]] = []
    osegs = outer.segments
    j = 0
    for cs, ms, n in inner.segments:
        while n > 0:
            while j < len(osegs) and osegs[j][0] + osegs[j][2] <= ms:
                j += 1
            if j == len(osegs):
                raise ValueError("inner map points past the outer map")
            ocs, ors, on = osegs[j]
            take = min(n, ocs + on - ms)
            raw = ors + (ms - ocs)
            if result and result[-1][0] + result[-1][2] == cs and result[-1][1] + result[-1][2] == raw:
                last = result[-1]
                result[-1] = (last[0], last[1], last[2] + take)
            else:
                result.append((cs, raw, take))
            cs, ms, n = cs + take, ms + take, n - take
    return OffsetMap(segments=result)


def raw_spans(m: OffsetMap, start: int, end: int) -> Spans:
    """The raw pieces behind the clean span ``[start, end)`` (several when it crosses a deletion)."""
    out: Spans = []
    for cs, rs, n in m.segments:
        lo, hi = max(start, cs), min(end, cs + n)
        if lo < hi:
            out.append((rs + lo - cs, rs + hi - cs))
    return out
