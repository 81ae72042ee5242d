"""The hand-built seed records (tests/support/seed_records.py) quote the real seed texts."""

from __future__ import annotations

from support.seed_records import seed_records


def test_fixture_spans_name_their_phrases(seed_texts):
    """Every claim and place span names its phrase in the raw seed text, quotes included."""
    ex, _, _ = seed_records(seed_texts)
    n = 0
    for e in ex.values():
        text = seed_texts[e.article_id]
        for m in e.mentions:
            for c in m.claims:
                assert text[c.span[0] : c.span[1]] == c.text
                assert c.text in c.quote and c.quote in text
                n += 1
            for p in m.places:
                assert text[p.span[0] : p.span[1]] == p.text
    assert n >= 25
