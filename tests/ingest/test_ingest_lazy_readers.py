"""Start-up: the feed and WARC readers' libraries (feedparser, lxml's feed path, warcio) are
imported only when a feed or a WARC file is read, never for text or JSONL; a feed still reads."""

from __future__ import annotations

import json

import pytest

from support.fresh import modules_after_run

READER_LIBS = ("feedparser", "warcio")

STORY = (
    "Three people were wounded when a gunman opened fire outside a grocery store in Millbrook "
    "on Friday evening, the police chief told reporters."
)

FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>County wire</title>
<item><title>Gunfire outside a grocery store</title><link>https://wire.example/1</link>
<description>{STORY}</description><pubDate>Fri, 03 May 2024 21:00:00 GMT</pubDate></item>
</channel></rss>"""


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_plain_inputs_import_no_feed_or_warc_library(tmp_path, kind):
    path = tmp_path / f"one.{kind}"
    body = STORY if kind == "txt" else json.dumps({"id": "s1", "text": STORY}) + "\n"
    path.write_text(body, encoding="utf-8")
    assert modules_after_run([path], tmp_path / "out", READER_LIBS) == []
    articles = json.loads((tmp_path / "out" / "articles.json").read_text())["articles"]
    assert len(articles) == 1


def test_a_feed_is_still_read_through_feedparser(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(FEED, encoding="utf-8")
    assert modules_after_run([path], tmp_path / "out", READER_LIBS) == ["feedparser"]
    articles = json.loads((tmp_path / "out" / "articles.json").read_text())["articles"]
    assert [a["title"] for a in articles] == ["Gunfire outside a grocery store"]
