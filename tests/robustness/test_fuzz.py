"""Property-based tests across stages (hypothesis): whatever the input, readers answer with
Documents or Rejections, clean offsets map into the raw text, quantities and dates stay sane."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.clean import clean_document
from sitrep.ingest.readers import read_input
from sitrep.records import Document, Rejection
from sitrep.vocab import MONTHS, WEEKDAYS

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = ["txt", "html", "jsonl", "rss", "warc", None]

news_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600) | st.lists(
    st.sampled_from(
        [
            "Gunmen killed 12 people.",
            "\n",
            "\n\n",
            "/",
            "You may be interested in",
            "³",
            "By Jane Doe, Reuters",
            "(AP) —",
            "Share this article",
            "  ",
            "Published",
            "¹",
            "This article was produced by Reuters news agency.",
            "Timbuktu",
            "é",
            "\u00a0",
        ]
    ),
    max_size=40,
).map("".join)


@FAST
@given(data=st.binary(max_size=3000), fmt=st.sampled_from(FORMATS))
def test_readers_never_raise_on_any_bytes(data, fmt):
    items = read_input(data, "fuzz.input", fmt=fmt)
    assert all(isinstance(i, (Document, Rejection)) for i in items)
    for item in items:
        if isinstance(item, Rejection):
            assert item.reason.strip()


@FAST
@given(text=news_text)
def test_clean_offsets_always_map_into_the_raw_text(text):
    doc = Document(input="fuzz.txt", text=text, format="txt")
    art = clean_document(doc, article_id="fuzz")
    for i, ch in enumerate(art.clean_text):
        j = art.offsets.to_raw(i)
        assert 0 <= j < len(text) and text[j] == ch
    for s, e in [(0, len(art.clean_text)), (len(art.clean_text) // 3, len(art.clean_text) // 2)]:
        rs, re_ = art.raw_span(s, e)
        assert 0 <= rs <= re_ <= len(text)


number_phrase = st.tuples(
    st.sampled_from(
        [
            "",
            "more than ",
            "at least ",
            "over ",
            "up to ",
            "about ",
            "nearly ",
            "at most ",
            "some ",
            "around ",
        ]
    ),
    st.one_of(
        st.integers(0, 100_000).map(str),
        st.sampled_from(
            [
                "two",
                "a dozen",
                "dozens",
                "hundreds",
                "several",
                "a few",
                "scores",
                "many",
                "one",
                "twenty-five",
                "thousands",
            ]
        ),
    ),
    st.sampled_from(["", " soldiers", " people", " civilians killed"]),
).map("".join)


@FAST
@given(phrase=number_phrase | st.text(max_size=60))
def test_quantities_are_ordered_and_non_negative(phrase):
    from sitrep.extract.quantities import parse_quantity

    q = parse_quantity(phrase)
    if q is None:
        return
    assert q.low is None or q.low >= 0
    assert q.high is None or q.high >= 0
    if q.low is not None and q.high is not None:
        assert q.low <= q.high


date_words = st.sampled_from(
    [
        "on Sunday",
        "last Friday",
        "on May 24",
        "mid-May",
        "early June",
        "late April",
        "the start of May",
        "last week",
        "last month",
        "in recent weeks",
        "between 2020 and 2023",
        "in 2012",
        "yesterday",
        "on Tuesday night",
        "on June 31",
        "earlier this year",
        "today",
        "on 3 March",
        "in March 2024",
        "two days ago",
        "Monday afternoon",
    ]
)


@FAST
@given(
    words=date_words | st.text(max_size=40),
    published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31))),
)
def test_dates_never_raise_and_ranges_are_ordered(words, published):
    from sitrep.extract.dates import resolve_date

    info = resolve_date(words, published.isoformat() if published else None)
    if info.start and info.end:
        assert info.start <= info.end
    if published is None:
        assert info.start is None or not info.relative
    if published and info.start and info.relative:
        # a reported event has begun by the time it is reported. Only a month and day may lie a
        # month ahead ("due in court Nov. 25" in a Nov. 22 story: a hearing to come, which
        # extraction sets aside as a later step), never a year; a bare weekday one day ahead (a
        # story stamped the evening before its news); "yesterday", "last week" never
        said = set(re.findall(r"[a-z]+", words.lower()))
        ahead = 31 if said & set(MONTHS) else 1 if said & set(WEEKDAYS) else 0
        assert info.start <= (published + dt.timedelta(days=ahead)).isoformat()
