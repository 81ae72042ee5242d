"""Issue 19, kinds 1, 3, 4 and 8: poison articles, spreadsheet formulas, decompression bombs and
pathological articles, with inputs written here; plus the property that whatever one stored
article contains, a later run on that store exits 0."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sitrep
from sitrep.clean.published import read_published
from sitrep.export.table import neutralise
from sitrep.extract.dates import resolve_date
from sitrep.extract.quantities import parse_quantity
from sitrep.ingest import iter_inputs
from sitrep.records import Document, Rejection
from support.cli import sitrep as sitrep_cli

# --------------------------------------------------------------------------- kind 1: poison values


@pytest.mark.parametrize(
    "text",
    [
        "3,000,000,000",
        "12345678901234567890",
        "between 2000000000 and 3000000000",
        "99999999999.5 million",
        "1" + "0" * 400,
        "9,999,999,999",
    ],
)
def test_a_count_beyond_any_report_is_kept_as_text_without_a_value(text):
    q = parse_quantity(text)
    assert q is not None and q.low is None and q.high is None and q.text == text


@pytest.mark.parametrize("text, low", [("at least 4,500", 4500), ("two million", 2_000_000), ("some 60", 60)])
def test_plausible_counts_still_count(text, low):
    assert parse_quantity(text).low == low


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1850-06-01", "9999-12-31T23:59:59Z"])
def test_a_publication_date_at_the_calendars_edge_is_left_empty_with_a_note(value):
    iso, note = read_published(value)
    assert iso is None and value in note


@pytest.mark.parametrize("words", ["on Sunday", "last Friday", "yesterday", "last week", "in the past year"])
def test_relative_dates_at_the_calendars_edge_do_not_raise(words):
    for pub in ("0001-01-01", "0001-01-02", "9999-12-31"):
        resolve_date(words, pub)  # no OverflowError


def test_a_poison_article_never_breaks_a_later_run_and_formulas_are_neutralised(tmp_path):
    """One run with hostile values and a manifest of formulas, then a second run on the store."""
    art = tmp_path / "in"
    art.mkdir()
    (art / "huge.txt").write_text(
        "Gunmen attacked the market in Gao on Sunday. 3,000,000,000 people "
        "were killed and 12345678901234567890 were wounded, officials said.\n"
    )
    (art / "edges.jsonl").write_text(
        json.dumps(
            {
                "id": "edge",
                "published": "0001-01-01",
                "text": "Gunmen killed seven soldiers near Mopti on Sunday, the army said.",
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "far",
                "published": "9999-12-31",
                "text": "Gunmen killed nine herders near Kidal on Sunday, officials said.",
            }
        )
        + "\n"
    )
    (art / "formula.txt").write_text(
        "Police said three people were killed in a raid in Timbuktu on Monday.\n"
    )
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "article_id,file,outlet,title,published\n"
        'formula,in/formula.txt,"=HYPERLINK(""http://x.invalid"",""go"")",'
        "\"+cmd|' /C calc'!A0\",2025-03-04\n"
    )
    db, out = tmp_path / "s.duckdb", tmp_path / "out"
    sitrep.run([art], out=out, db=db, meta=manifest, report=False)  # in-process: models loaded once
    (art / "later.txt").write_text("Gunmen attacked a convoy near Gao on Tuesday, killing two drivers.\n")
    second = sitrep_cli(
        "run", art, "--out", out, "--db", db, "--meta", manifest, "--no-report", "-q", timeout=300
    )
    assert second.returncode == 0, second.stderr
    incidents = json.loads((out / "incidents.json").read_text())["incidents"]
    starts = [i["date"]["start"] for i in incidents if i["date"]["start"]]
    assert starts and all("1900" <= s[:4] <= "2100" for s in starts), starts
    for inc in incidents:
        for c in inc["fatalities"]["claims"]:
            assert c["low"] is None or c["low"] < 100_000_000, c
    rows = list(csv.DictReader(io.StringIO((out / "incidents.csv").read_text())))
    cells = [v for r in rows for v in r.values() if v]
    assert any(v.startswith("'=HYPERLINK") for v in cells)
    assert not any(v[0] in "=+@\t\r" for v in cells)
    arts = json.loads((out / "articles.json").read_text())["articles"]
    formula = next(a for a in arts if a["article_id"] == "formula")
    assert formula["outlet"].startswith("=HYPERLINK")  # JSON keeps the raw value


@pytest.mark.parametrize(
    "cell, shown",
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Reuters", "Reuters"),
        (-3.5, -3.5),
        (12, 12),
    ],
)
def test_csv_cells_are_neutralised_per_owasp(cell, shown):
    assert neutralise(cell) == shown


# --------------------------------------------------------------------------- kind 4: bombs


def _bomb(path: Path, mb: int, head: bytes = b"") -> None:
    """A gzip file of ``head`` and then ``mb`` MB of zeros, as one member per MB (about 1 MB on
    disk per GB, written in no time: one member compressed once, repeated)."""
    member = gzip.compress(bytes(1 << 20), 9)
    path.write_bytes(gzip.compress(head) + member * mb)


@pytest.mark.parametrize(
    "name, head",
    [
        ("bomb.warc.gz", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1073741824\r\n\r\n"),
        ("bomb.gz", b""),
        ("bomb", b"WARC/1.0\r\nX-Long: "),
    ],
)
def test_a_decompression_bomb_is_refused_early(tmp_path, name, head):
    _bomb(tmp_path / name, 1024, head)
    assert (tmp_path / name).stat().st_size < 2_000_000
    start = time.perf_counter()
    items = list(iter_inputs([tmp_path / name]))
    assert time.perf_counter() - start < 20
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    assert items[0].code in ("too_large", "bad_warc")
    assert "\x00" not in items[0].reason
    # the memory the read takes, in a process of its own: this process's lifetime peak holds
    # whatever earlier tests loaded (models), so it says nothing about the read
    assert _peak_kb_reading(tmp_path / name) < 1_000_000  # KB: under 1 GB for a 1 GB bomb


# VmHWM, the peak of this process's own memory: getrusage's ru_maxrss would also carry the peak of
# the process that forked it (Linux keeps it across exec), here a pytest worker holding models
_READ_AND_REPORT = """
import sys
from sitrep.ingest import iter_inputs
list(iter_inputs([sys.argv[1]]))
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


def _peak_kb_reading(path: Path) -> int:
    """Peak resident memory (KB) of a fresh Python process that reads ``path`` as sitrep does."""
    done = subprocess.run([sys.executable, "-c", _READ_AND_REPORT, str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_an_honest_multi_member_warc_gz_is_still_read(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(3):
            body = (
                f"<html><body><article><p>Gunmen killed {n + 2} farmers in a village on "
                f"Monday, local officials said.</p></article></body></html>"
            ).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"http://example.invalid/{n}", "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    items = list(iter_inputs([path]))
    assert sum(isinstance(i, Document) for i in items) == 3, items


def test_a_truncated_gzip_member_is_damage_not_a_clean_end(tmp_path):
    path = tmp_path / "cut.warc.gz"
    data = zlib.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\n" + b"x" * 4000)
    gz = zlib.compressobj(9, zlib.DEFLATED, 31)
    whole = gz.compress(data) + gz.flush()
    path.write_bytes(whole[: len(whole) // 2])
    items = list(iter_inputs([path]))
    assert [i.code for i in items] == ["bad_warc"]


# --------------------------------------------------------------------------- kind 8: pathological


@pytest.mark.slow
def test_one_long_sentence_full_of_figures_and_places_is_bounded(tmp_path):
    towns = ["Gao", "Mopti", "Kidal", "Menaka", "Segou", "Djibo"]
    parts = [
        f"{7 + n % 90} people were killed in {towns[n % 6]} and {3 + n % 40} wounded near "
        f"{towns[(n + 2) % 6]}"
        for n in range(560)
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(
        "On Sunday gunmen attacked, and " + ", and ".join(parts) + ".\n"
    )
    assert (tmp_path / "in" / "long.txt").stat().st_size > 30_000
    start = time.perf_counter()
    proc = sitrep_cli("run", tmp_path / "in", "--out", tmp_path / "out", "--no-report", "-q", timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (
        time.perf_counter() - start < 120
    )  # about 36 s here; 44 KB took 129 s before, growing with its square


def test_sentences_are_capped_with_a_note():
    from sitrep.extract.pipeline import MAX_SENT_TOKENS, make_doc
    from sitrep.models import load_spacy

    nlp = load_spacy()
    text = "Gunmen attacked, " + ", ".join(f"killing {n} people in town {n}" for n in range(200)) + "."
    doc = nlp(make_doc(nlp, text))
    assert max(len(s) for s in doc.sents) <= MAX_SENT_TOKENS
    assert doc.user_data["sentence_cuts"] > 0


# --------------------------------------------------------------------------- the property


_words = st.sampled_from(
    [
        "killed",
        "wounded",
        "Sunday",
        "Gao",
        "Mali",
        "3,000,000,000",
        "0",
        "-1",
        "\x00",
        "\x1b[2J",
        "=cmd()",
        "[/]",
        "\u202e",
        "9" * 30,
        "on",
        "last",
        "the",
    ]
)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    text=st.lists(st.one_of(_words, st.text(min_size=1, max_size=12)), min_size=1, max_size=40).map(" ".join),
    published=st.one_of(st.none(), st.dates().map(str), st.text(max_size=12)),
)
def test_whatever_one_stored_article_holds_a_later_run_exits_0(tmp_path_factory, text, published):
    tmp = tmp_path_factory.mktemp("prop")
    first = tmp / "first.jsonl"
    first.write_text(json.dumps({"id": "p", "published": published, "text": text}) + "\n")
    db = tmp / "s.duckdb"
    try:
        sitrep.run([first], out=tmp / "o1", db=db, report=False)
    except sitrep.errors.NothingUsable:
        pass  # nothing was stored: the later run starts clean
    later = tmp / "later.txt"
    later.write_text("Gunmen killed three traders in a market near Gao on Monday, police said.\n")
    result = sitrep.run([later], out=tmp / "o2", db=db, report=False)
    assert result.n_new == 1


def test_ids_that_are_not_strings_or_numbers_are_not_written_as_reprs():
    from sitrep.ingest.jsonl import read_jsonl

    rows = [
        {"id": v, "text": "Gunmen killed ten herders near a well on Monday."}
        for v in ({"nested": "obj"}, True, 42, "abc-1", [1, 2])
    ]
    ids = [d.article_id for d in read_jsonl("\n".join(map(json.dumps, rows)).encode(), "feed.jsonl")]
    assert ids[2:4] == ["42", "abc-1"]
    assert not any("{" in i or "[" in i or i == "True" for i in ids)
