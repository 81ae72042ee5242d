"""The offset map, fuzzed: for any text, every clean character is the raw character it maps to."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.clean import clean_document
from sitrep.clean.offsets import compose, delete_spans, merge_spans, whitespace_spans
from sitrep.records import Document

# Pieces of real furniture and credits mixed with arbitrary text, so the cleaner's rules fire.
PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "  ",
        "\t",
        "\r\n",
        "/",
        "\n/\n",
        "³",
        "†",
        "[2]",
        "(PA)",
        "(AP) — ",
        "BAMAKO, June 2 (Reuters) - ",
        "By Jane Doe\n",
        "By contributor Baba Ahmed, Associated Press\n",
        "You may be interested in\n",
        "Supporting image for story: x\n",
        "Share this article\n",
        "Published\n",
        "— Associated Press",
        "This article was produced by Reuters news agency. It has not been edited by X.\n",
        "Read more: A title\n",
        "Soldiers were killed.",
        " said officials.",
        "AFP\n",
        "km²",
        "Copyright 2025 AFP\n",
        "(Reporting by A; Editing by B)\n",
    ]
)
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=25).map("".join)


def check(raw: str, clean: str, offsets) -> None:
    for i, ch in enumerate(clean):
        assert raw[offsets.to_raw(i)] == ch
    # segments are increasing in both texts, so clean order is raw order
    pairs = [(cs, rs) for cs, rs, _ in offsets.segments]
    assert pairs == sorted(pairs) and [r for _, r in pairs] == sorted(r for _, r in pairs)
    assert sum(n for *_, n in offsets.segments) == len(clean)


@settings(max_examples=300, deadline=None)
@given(raw=TEXT)
def test_clean_only_deletes_and_maps_back(raw):
    art = clean_document(Document(input="x", text=raw, format="txt"), "x")
    check(raw, art.clean_text, art.offsets)
    assert art.clean_text == art.clean_text.strip()
    assert "\n\n\n" not in art.clean_text
    for r in art.removed:
        assert 0 <= r.span[0] <= r.span[1] <= len(raw)
    for c in art.credits:
        assert raw[c.span[0] : c.span[1]] == c.text


@settings(max_examples=200, deadline=None)
@given(raw=st.text(max_size=80), cuts=st.lists(st.tuples(st.integers(0, 90), st.integers(0, 30)), max_size=6))
def test_delete_then_collapse_composes(raw, cuts):
    spans = [(a, a + n) for a, n in cuts]
    mid, m1 = delete_spans(raw, spans)
    expected = "".join(ch for i, ch in enumerate(raw) if not any(s <= i < e for s, e in merge_spans(spans)))
    assert mid == expected
    check(raw, mid, m1)
    clean, m2 = delete_spans(mid, whitespace_spans(mid))
    check(mid, clean, m2)
    check(raw, clean, compose(m1, m2))
    assert clean.split() == mid.split()  # collapsing blanks never changes a word


def test_whitespace_collapse_keeps_one_blank_and_one_paragraph_break():
    clean, m = delete_spans(" a \t b\n \n\n  c \n d ", whitespace_spans(" a \t b\n \n\n  c \n d "))
    assert clean == "a b\n\nc\nd"
    assert m.span_to_raw(0, 1) == (1, 2)
