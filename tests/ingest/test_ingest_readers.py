"""Readers on real-shaped samples made here: an HTML page with furniture, RSS 2.0, Atom, a WARC
written by warcio, JSONL, and the seed folder with its manifest."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import BadArguments
from sitrep.ingest import iter_inputs, load_manifest
from sitrep.ingest.readers import format_of, read_html, read_input, read_jsonl
from sitrep.records import Document, Rejection

STORY = [
    "Gunmen attacked a military post near the town of Djibo in northern Burkina Faso on Saturday, "
    "killing at least 12 soldiers, two security sources said.",
    "The assailants arrived on motorcycles at dawn and exchanged fire with troops for several hours "
    "before withdrawing towards the border with Mali, one of the sources said.",
    "The army did not immediately comment on the attack, which no group has claimed so far, "
    "although militants linked to al Qaeda are active in the area.",
    "Burkina Faso has been ruled by a military junta since 2022 and has struggled to contain an "
    "insurgency that has displaced more than two million people across the country.",
]


def news_page(paragraphs=STORY, title="Gunmen kill 12 soldiers in northern Burkina Faso") -> str:
    """A news page as sites serve it: navigation, ads, share bar, comments and footer around the story."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Sahel Daily</title>
<meta property="og:site_name" content="Sahel Daily">
<meta property="og:title" content="{title}">
<meta name="author" content="Amadou Traore">
<meta property="article:published_time" content="2025-06-07T09:30:00Z">
<link rel="canonical" href="https://saheldaily.example/world/djibo-attack">
<script>var ads = {{slot: "top"}};</script><style>.nav{{color:red}}</style></head>
<body>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-banner" id="ad-top">ADVERTISEMENT Buy cheap flights to Ouagadougou today</div>
<main><article class="story">
<h1>{title}</h1>
<div class="byline">By Amadou Traore</div>
<time datetime="2025-06-07">7 June 2025</time>
{body}
<div class="share">Share on Facebook Share on X</div>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Niger closes border crossing</a></li>
<li><a href="/b">Football: Stallions win friendly</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>First comment: this is terrible news from reader Moussa.</p></div>
<div class="comment"><p>Reader Awa says the government must act now, whatever it takes.</p></div>
</section></main>
<footer><p>Copyright 2025 Sahel Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def test_html_page_keeps_the_story_and_drops_furniture():
    [doc] = read_html(news_page().encode("utf-8"), "page.html")
    assert isinstance(doc, Document) and doc.format == "html"
    for para in STORY:
        assert para in doc.text
    for junk in (
        "Politics",
        "cheap flights",
        "First comment",
        "Reader Awa",
        "Privacy policy",
        "Stallions win",
    ):
        assert junk not in doc.text
    assert doc.title == "Gunmen kill 12 soldiers in northern Burkina Faso"
    assert doc.author == "Amadou Traore"
    assert doc.outlet == "Sahel Daily"
    assert doc.published and doc.published.startswith("2025-06-07")
    assert doc.url == "https://saheldaily.example/world/djibo-attack"


def test_html_in_cp1252_without_charset_is_decoded():
    page = news_page([p + " The minister’s “response” came later." for p in STORY]).replace(
        '<meta charset="utf-8">', ""
    )
    [doc] = read_html(page.encode("cp1252"), "page.htm")
    assert "minister’s “response”" in doc.text
    assert doc.encoding == "cp1252" and any("cp1252" in n for n in doc.notes)


RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Sahel Daily - World</title><link>https://saheldaily.example</link>
<description>World news</description>
<item><title>Gunmen kill 12 soldiers</title><link>https://saheldaily.example/a</link>
<pubDate>Sat, 07 Jun 2025 09:30:00 GMT</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>{STORY[0]}</p><p>{STORY[1]}</p><script>track()</script>]]></content:encoded></item>
<item><title>Summary only</title><link>https://saheldaily.example/b</link>
<pubDate>Sun, 08 Jun 2025 00:00:00 GMT</pubDate><description>&lt;p&gt;{STORY[2]}&lt;/p&gt;</description></item>
<item><title>No text at all</title><link>https://saheldaily.example/c</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Feed</title><id>urn:x</id><updated>2025-06-08T00:00:00Z</updated>
<entry><title>Attack in Djibo</title><id>urn:1</id><link href="https://wire.example/1"/>
<published>2025-06-07T10:15:00Z</published><updated>2025-06-07T11:00:00Z</updated>
<author><name>Jane Doe</name></author>
<content type="html">&lt;p&gt;{STORY[0]}&lt;/p&gt;&lt;p&gt;{STORY[3]}&lt;/p&gt;</content></entry>
<entry><title>Second</title><id>urn:2</id><link href="https://wire.example/2"/><updated>2025-06-08T00:00:00Z</updated>
<summary>{STORY[1]}</summary></entry>
</feed>"""


def test_rss_feed_entries_become_documents():
    items = read_input(RSS.encode("utf-8"), "world.rss")
    docs = [i for i in items if isinstance(i, Document)]
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert [d.input for d in docs] == ["world.rss#entry=1", "world.rss#entry=2"]
    assert docs[0].text == STORY[0] + "\n\n" + STORY[1]  # content preferred over summary; script dropped
    assert docs[1].text == STORY[2]
    assert docs[0].url == "https://saheldaily.example/a" and docs[0].published == "2025-06-07T09:30:00Z"
    assert docs[1].published == "2025-06-08"
    assert docs[0].article_id == "world-1" and docs[0].outlet == "Sahel Daily - World"
    assert len(rejected) == 1 and rejected[0].line == 3 and "no content" in rejected[0].reason


def test_atom_feed_entries_become_documents():
    docs = read_input(ATOM.encode("utf-8"), "wire.atom")
    assert all(isinstance(d, Document) and d.format == "atom" for d in docs)
    assert docs[0].text == STORY[0] + "\n\n" + STORY[3]
    assert docs[0].author == "Jane Doe" and docs[0].url == "https://wire.example/1"
    assert docs[0].published == "2025-06-07T10:15:00Z"
    assert docs[1].text == STORY[1] and docs[1].published == "2025-06-08"


def write_warc(pages: list[tuple[str, str, str]], gz: bool = True) -> bytes:
    """A WARC as a crawler writes it: warcinfo, request and response records (url, content type, body)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    for url, ctype, body in pages:
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "x")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
            )
        )
    return buf.getvalue()


def test_warc_html_responses_become_documents():
    data = write_warc(
        [
            ("https://saheldaily.example/a", "text/html; charset=utf-8", news_page()),
            ("https://saheldaily.example/logo.png", "image/png", "not an article"),
            ("https://saheldaily.example/b", "text/html", news_page(STORY[2:], title="Second story")),
        ]
    )
    items = read_input(data, "crawl.warc.gz")
    assert all(isinstance(i, Document) for i in items), items
    assert [d.url for d in items] == ["https://saheldaily.example/a", "https://saheldaily.example/b"]
    assert STORY[0] in items[0].text and "First comment" not in items[0].text
    assert items[1].title == "Second story" and items[0].format == "warc"
    assert items[0].input.startswith("crawl.warc.gz#record=") and items[0].article_id.startswith("crawl-")


def test_truncated_warc_keeps_what_was_read():
    pages = [
        (f"https://x.example/{i}", "text/html", news_page(STORY[i:], title=f"Story {i}")) for i in range(3)
    ]
    data = write_warc(pages)
    items = read_input(data[: int(len(data) * 0.8)], "cut.warc.gz")
    docs = [i for i in items if isinstance(i, Document)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len(docs) == 2 and len(rejections) == 1
    assert (
        rejections[0].code == "bad_warc"
        and "cut off" in rejections[0].reason
        and "2 article" in rejections[0].reason
    )


def test_jsonl_keys_ids_and_broken_lines():
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": STORY[0],
                "title": "T",
                "url": "https://u",
                "published": "2025-06-07",
                "outlet": "Wire",
                "extra": {"nested": 1},
            }
        ),
        '{"id": "a2", "content": "x", "title": "broken"',
        json.dumps({"body": STORY[1]}),
        json.dumps({"id": "a1", "text": STORY[2]}),
        "",
        json.dumps({"id": "a3", "title": "no text"}),
    ]
    items = read_jsonl("\n".join(lines).encode("utf-8"), "batch.jsonl")
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Rejection)]
    assert [d.article_id for d in docs] == ["a1", "batch-3", "a1_2"]
    assert docs[0].outlet == "Wire" and docs[0].published == "2025-06-07" and docs[0].url == "https://u"
    assert docs[1].text == STORY[1] and docs[0].input == "batch.jsonl#line=1"
    assert [(b.line, b.code) for b in bad] == [(2, "bad_json"), (6, "no_text")]
    assert bad[0].reason.startswith("Line 2 is not valid JSON: Expecting ',' delimiter at column")


def test_format_from_extension_then_content():
    assert format_of("a.HTML") == "html" and format_of("x.warc.gz") == "warc" and format_of("f.atom") == "rss"
    assert format_of("noext", b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert format_of("noext", b'<?xml version="1.0"?><rss version="2.0"></rss>') == "rss"
    assert format_of("noext", b'{"text": "x"}\n') == "jsonl"
    assert format_of("noext", gzip.compress(b"WARC/1.0\r\n")) == "warc"
    assert format_of("noext", b"Plain words.") == "txt"


def test_seed_folder_with_manifest(seeds_dir, seed_manifest):
    manifest = load_manifest(seed_manifest)
    items = list(iter_inputs([seeds_dir], manifest=manifest))
    docs = {d.article_id: d for d in items if isinstance(d, Document)}
    # the manifest itself is skipped; expected.json is not an article and says so
    assert set(docs) == {
        "000_637d78b309cbb5dc",
        "001_5fd46db9fb16ef00",
        "002_d621ef57b203f649",
        "003_a5aecea2bd63faf4",
        "004_9b07b6954dd56870",
    }
    assert (
        docs["000_637d78b309cbb5dc"].outlet == "Reuters"
        and docs["000_637d78b309cbb5dc"].published == "2025-06-02"
    )
    assert docs["001_5fd46db9fb16ef00"].from_manifest == ["article_id", "outlet", "published"]
    assert docs["002_d621ef57b203f649"].outlet is None
    # a plain-text article's first line is its title when it reads as a headline
    assert (
        docs["001_5fd46db9fb16ef00"].title
        == "Extremists kill dozens of soldiers at a Mali military base, sources say"
    )
    assert docs["002_d621ef57b203f649"].title is None
    others = [i for i in items if isinstance(i, Rejection)]
    assert [Path(r.input).name for r in others] == ["expected.json"]


def test_jsonl_manifest_matches_by_file(tmp_path):
    (tmp_path / "a b.txt").write_text("Ten were killed.", encoding="utf-8")
    (tmp_path / "meta.jsonl").write_text(
        json.dumps({"article_id": "X1", "file": "a b.txt", "outlet": "AFP", "published": "2025-01-02"})
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden files are not articles
    [doc] = list(iter_inputs([tmp_path], manifest=load_manifest(tmp_path / "meta.jsonl")))
    assert (doc.article_id, doc.outlet, doc.published) == ("X1", "AFP", "2025-01-02")


def test_spreadsheet_manifest_in_cp1252_and_a_json_array(tmp_path):
    (tmp_path / "a.txt").write_text(" ".join(STORY), encoding="utf-8")
    (tmp_path / "meta.csv").write_bytes("file,outlet\na.txt,Le Soleil \u2013 Dakar\n".encode("cp1252"))
    [doc] = list(iter_inputs([tmp_path / "a.txt"], manifest=load_manifest(tmp_path / "meta.csv")))
    assert doc.outlet == "Le Soleil \u2013 Dakar"
    (tmp_path / "meta.json").write_text(json.dumps([{"file": "a.txt", "outlet": "Wire"}]), encoding="utf-8")
    [doc] = list(iter_inputs([tmp_path / "a.txt"], manifest=load_manifest(tmp_path / "meta.json")))
    assert doc.outlet == "Wire"


@pytest.mark.parametrize(
    "content, says",
    [
        (b'{"file": "a.txt"\n', "Line 1 of the manifest"),
        (b'["a.txt"]\n', "not a JSON object"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not a text file"),
    ],
)
def test_bad_manifest_is_a_clear_error(tmp_path, content, says):
    path = tmp_path / "meta.jsonl"
    path.write_bytes(content)
    with pytest.raises(BadArguments, match=says):
        load_manifest(path)
    with pytest.raises(BadArguments, match="Cannot read the manifest"):
        load_manifest(tmp_path / "missing.csv")


@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.jsonl", "a.rss", "a.warc"])
def test_every_reader_rejects_empty_input(name):
    [item] = read_input(b"", name)
    assert isinstance(item, Rejection) and item.reason
