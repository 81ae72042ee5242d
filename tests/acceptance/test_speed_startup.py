"""Start-up: a run of one article loads only what its stages use. No embedder (nothing to compare),
no HTML extractor for plain text or JSONL, no pandas for a handful of store rows; an HTML input
still reads through trafilatura, and the rows a small run writes read back as a large run's do."""

from __future__ import annotations

import json

import pytest

from sitrep import store as store_module
from sitrep.pipeline import clean_or_reject
from sitrep.records import Article, Document
from sitrep.store import ARROW_ROWS, Store
from support.fresh import modules_after_run

HEAVY = ("torch", "sentence_transformers", "datasketch", "pandas", "trafilatura")

REPORTS = [
    "A man was shot dead outside a bakery in Harlow Springs on Saturday night, the county "
    "sheriff said. A second man was wounded and taken to hospital.",
    "Two teenagers were injured when someone fired into a crowd leaving a concert in "
    "Westbrook Park early on Sunday, police said.",
]


def loaded_by_run(path, out) -> list[str]:
    return modules_after_run([path], out, HEAVY)


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
@pytest.mark.parametrize("text", REPORTS)
def test_one_article_run_loads_no_heavy_module(tmp_path, kind, text):
    if kind == "txt":
        path = tmp_path / "one.txt"
        path.write_text(text, encoding="utf-8")
    else:
        path = tmp_path / "one.jsonl"
        path.write_text(json.dumps({"id": "r1", "text": text}) + "\n", encoding="utf-8")
    assert loaded_by_run(path, tmp_path / "out") == []
    incidents = json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    assert incidents  # the run did read the article


def test_html_input_still_reads_through_trafilatura(tmp_path):
    body = "".join(f"<p>{s}</p>" for s in REPORTS)
    page = f"<html><head><title>Shooting</title></head><body><article>{body}</article></body></html>"
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert "trafilatura" in loaded_by_run(tmp_path / "page.html", tmp_path / "out")
    articles = json.loads((tmp_path / "out" / "articles.json").read_text())["articles"]
    assert len(articles) == 1


def article(i: int) -> Article:
    text = f"Report {i}: {REPORTS[i % 2]}"
    doc = Document(input=f"in/a{i}.txt", text=text, format="txt", title=f"Title {i}")
    return clean_or_reject(doc, f"a{i}")


@pytest.mark.parametrize("row_by_row", [True, False])
@pytest.mark.parametrize("n", [1, ARROW_ROWS - 1, ARROW_ROWS + 5])
def test_small_and_large_batches_store_the_same_rows(tmp_path, monkeypatch, n, row_by_row):
    """Both insert paths write the same rows; each is forced, since which one runs by itself
    depends on whether the process has imported pandas."""
    monkeypatch.setattr(store_module, "row_by_row", lambda _n: row_by_row)
    store = Store.open(tmp_path / "s.duckdb")
    articles = [article(i) for i in range(n)]
    store.add_batch(articles, [], [], "run1")
    back = {a.article_id: a for a in store.load_articles()}
    assert len(back) == n
    for a in (articles[0], articles[-1]):
        assert back[a.article_id].clean_text == a.clean_text
        assert back[a.article_id].title == a.title
