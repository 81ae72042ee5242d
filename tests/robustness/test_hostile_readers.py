"""Bad input, generated here: each kind is stored (a Document) or rejected with a clear reason,
nothing else is lost, and each input takes bounded time. Also fuzzing of every reader."""

from __future__ import annotations

import gzip
import json
import os
import time
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.ingest import iter_inputs
from sitrep.ingest.readers import read_input
from sitrep.records import Document, Rejection

ENGLISH = (
    "Security forces said at least nine people were killed when gunmen attacked a market in the "
    "north of the country on Friday evening, according to local officials and witnesses."
)
FRENCH = (
    "Des hommes armés ont attaqué jeudi un poste militaire près de la frontière, tuant au moins "
    "douze soldats, selon des sources sécuritaires et des habitants de la région."
)
ENCODED = {  # text in seven encodings without a declared charset
    "latin1.txt": (FRENCH, "latin-1"),
    "cp1252.txt": (
        "The minister’s “final” warning — issued on Friday — went unheeded, officials said.",
        "cp1252",
    ),
    "cyrillic.txt": (
        "Министерство обороны сообщило, что в результате атаки погибли девять военнослужащих, "
        "ещё двенадцать человек получили ранения.",
        "cp1251",
    ),
    "japanese.txt": ("東京で会議が開かれ、首相は新しい安全保障政策を発表しました。", "shift_jis"),
    "koi8.txt": ("Министерство обороны сообщило о погибших военнослужащих.", "koi8-r"),
    "greek.txt": ("Ο πρόεδρος δήλωσε ότι ο στρατός είναι έτοιμος για νέες επιχειρήσεις.", "iso-8859-7"),
    "utf16.txt": (ENGLISH, "utf-16-le"),  # no BOM
}


def by_name(items) -> dict[str, list]:
    out: dict[str, list] = {}
    for item in items:
        out.setdefault(Path(item.input.split("#", 1)[0]).name, []).append(item)
    return out


def test_acceptance_folder(tmp_path, seeds_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted((seeds_dir / "articles").glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "pixel.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(40))
    (folder / "latin1.txt").write_bytes(("Le président a déclaré: " + ENGLISH).encode("latin-1"))
    (folder / "utf16.txt").write_bytes(ENGLISH.encode("utf-16"))
    (folder / "batch.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "text": ENGLISH}),
                '{"id": "j2", "text": "unterminated',
                json.dumps({"id": "j3", "text": FRENCH}),
                "not json at all",
            ]
        ),
        encoding="utf-8",
    )
    (folder / "broken.rss").write_text("<rss><channel><item><title>Cut", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")

    items = list(iter_inputs([folder]))
    named = by_name(items)
    docs = {n for n, its in named.items() if all(isinstance(i, Document) for i in its)}
    assert {"latin1.txt", "utf16.txt", "french.txt"} <= docs
    assert sum(p.startswith("00") for p in docs) == 5
    assert [i.article_id for i in named["batch.jsonl"] if isinstance(i, Document)] == ["j1", "j3"]
    rejected = {(Path(r.input).name, r.line, r.code) for r in items if isinstance(r, Rejection)}
    assert rejected == {
        ("empty.txt", None, "empty"),
        ("pixel.png", None, "binary"),
        ("batch.jsonl", 2, "bad_json"),
        ("batch.jsonl", 4, "bad_json"),
        ("broken.rss", None, "bad_xml"),
    }
    assert all(r.reason.endswith(".") and len(r.reason) > 15 for r in items if isinstance(r, Rejection))
    assert "latin-1" in named["latin1.txt"][0].notes[0] and named["latin1.txt"][0].text.startswith(
        "Le président"
    )


def billion_laughs() -> bytes:
    ents = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol0 "lol">{ents}]>'
        '<rss version="2.0"><channel><title>x</title><item><description>&lol9;</description></item>'
        "</channel></rss>"
    ).encode()


def hostile_corpus(folder: Path) -> dict[str, str]:
    """Write at least 12 kinds of bad input into ``folder``; returns name -> expected outcome
    ("doc", "doc+rejected" or a Rejection code)."""
    expect: dict[str, str] = {}

    def put(name: str | bytes, data: bytes, outcome: str) -> None:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
        with open(path, "wb") as fh:
            fh.write(data)
        expect[name.decode("utf-8", "backslashreplace") if isinstance(name, bytes) else name] = outcome

    put("empty.txt", b"", "empty")
    put("blank.txt", b" \n\t\r\n  \n", "empty")
    put("program.bin", bytes(range(256)) * 40, "binary")
    put("scan.pdf.txt", b"%PDF-1.7\n" + bytes(range(256)), "binary")
    warc = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n" + b"x" * 500)
    put("cut.warc.gz", warc[: len(warc) // 2], "bad_warc")
    put("cut2.warc.gz", gzip.compress(b"WARC/1.0\r\n" * 50)[:40], "bad_warc")
    put("nobody.html", b"<html><head><title>Only a title</title></head></html>", "no_text")
    with open(folder / "huge.html", "wb") as fh:  # 50 MB, sparse: refused by size before any read
        fh.truncate(50_000_000)
    expect["huge.html"] = "too_large"
    put("malformed.html", f"<html><body><p>Broken <div><b>{ENGLISH}</i></p></span><td>".encode(), "doc")
    put("table.html", b"<html><body><table>" + b"<tr><td>cell" * 160_000 + b"</table></body></html>", "doc")
    put("scripts.html", b"<html><body><p>Hi</p>" + b"<script" * 250_000, "doc")
    put(
        "nested.html",
        ("<html><body>" + "<div>" * 10_000 + ENGLISH + "</div>" * 10_000 + "</body></html>").encode(),
        "doc",
    )
    for name, (text, enc) in ENCODED.items():
        put(name, text.encode(enc), "doc")
    lines = [
        json.dumps({"id": "a", "text": ENGLISH}),
        "{broken",
        json.dumps({"id": "a", "text": FRENCH}),
        json.dumps({"id": "big", "text": "x" * 2_200_000}),
        json.dumps({"id": "b", "text": ENGLISH}),
    ]
    put("mixed.jsonl", "\n".join(lines).encode(), "doc+rejected")
    put("invalid.rss", b"<?xml version='1.0'?><rss><channel><item></channel></rss>", "bad_xml")
    put("laughs.xml", billion_laughs(), "bad_xml")
    put(
        "german.txt",
        "Bewaffnete griffen am Freitag einen Markt im Norden des Landes an und töteten "
        "mindestens neun Menschen, teilten die Behörden mit.".encode(),
        "doc",
    )
    put("oneline.txt", ((ENGLISH + " ") * (2_000_000 // (len(ENGLISH) + 1))).encode(), "doc")  # one 2 MB line
    put('it\'s a "quoted" name.txt', ENGLISH.encode(), "doc")
    put(b"bytes-\xff\xfe-name.txt", ENGLISH.encode(), "doc")
    sub = folder / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_text(FRENCH, encoding="utf-8")
    expect["inner.txt"] = "doc"
    os.symlink(folder, sub / "loop")  # a symlink loop
    return expect


def test_hostile_corpus_each_input_stored_or_rejected(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    expect = hostile_corpus(folder)
    assert len(expect) >= 20
    seen: dict[str, list] = {}
    slowest = 0.0
    tracemalloc.start()
    # CPU time, not wall time: the bound is about work per input (no runaway parse), and a
    # loaded machine must not fail it
    start = time.process_time()
    it = iter_inputs([folder], max_bytes=2_100_000)
    while True:
        t0 = time.process_time()
        item = next(it, None)
        slowest = max(slowest, time.process_time() - t0)
        if item is None:
            break
        name = item.input.split("#", 1)[0].rsplit("/", 1)[-1]
        seen.setdefault(name, []).append(item)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert time.process_time() - start < 40 and slowest < 15  # bounded per input
    assert peak < 150_000_000, f"peak Python memory {peak / 1e6:.0f} MB"
    assert set(seen) == set(expect), "every input is accounted for, the loop walked once"
    for name, outcome in expect.items():
        items = seen[name]
        kinds = {"doc" if isinstance(i, Document) else i.code for i in items}
        if outcome == "doc":
            assert kinds == {"doc"}, (name, items)
        elif outcome == "doc+rejected":
            assert "doc" in kinds and len(kinds) > 1
        else:
            assert kinds == {outcome}, (name, items)
        for r in items:
            if isinstance(r, Rejection):
                assert r.reason[0].isupper() and r.reason.endswith(".") and "Traceback" not in r.reason
    for name, (text, _enc) in ENCODED.items():
        assert seen[name][0].text == text, name
    jsonl = seen["mixed.jsonl"]
    assert [getattr(i, "article_id", None) for i in jsonl if isinstance(i, Document)] == ["a", "a_2", "b"]
    assert {(r.line, r.code) for r in jsonl if isinstance(r, Rejection)} == {
        (2, "bad_json"),
        (4, "too_large"),
    }


def test_enormous_jsonl_line_is_rejected_by_line_not_read_whole(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as fh:
        fh.write(json.dumps({"id": "a", "text": ENGLISH}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "' + b"y" * 3_000_000 + b'"}\n')
        fh.write(json.dumps({"id": "b", "text": ENGLISH}).encode() + b"\n")
    items = list(iter_inputs([path], max_bytes=1_000_000))  # the file itself is over the limit
    assert [i.article_id for i in items if isinstance(i, Document)] == ["a", "b"]
    [bad] = [i for i in items if isinstance(i, Rejection)]
    assert (bad.line, bad.code) == (2, "too_large") and "longer than the limit" in bad.reason


def test_non_jsonl_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    [item] = list(iter_inputs([path], max_bytes=1000))
    assert item.code == "too_large" and "over the limit" in item.reason


def test_missing_path_is_rejected(tmp_path):
    [item] = list(iter_inputs([tmp_path / "nope.txt"]))
    assert item.code == "io_error" and "No such file" in item.reason


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(st.binary(max_size=400), st.text(max_size=300).map(lambda t: t.encode("utf-8"))),
    name=st.sampled_from(
        ["a.txt", "a.html", "a.jsonl", "a.json", "a.rss", "a.atom", "a.warc", "a.warc.gz", "noext"]
    ),
)
def test_readers_never_crash(data, name):
    items = read_input(data, name)
    assert items
    for item in items:
        assert isinstance(item, (Document, Rejection))
        if isinstance(item, Rejection):
            assert item.reason.strip()
        else:
            assert item.text.strip()


@settings(max_examples=40, deadline=None)
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=200),
    enc=st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "utf-32"]),
)
def test_text_with_a_bom_round_trips(text, enc):
    [item] = read_input(text.encode(enc), "x.txt")
    if isinstance(item, Document):
        assert item.text == text.replace("\x00", "")
    else:  # only control-character soup or blank text may be refused
        assert item.code in ("empty", "binary")
