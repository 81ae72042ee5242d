"""A store that grows run by run (issue 18's memory wall): K copies of one story make O(K) reuse
edges, each copy's lineage names the story, a run over a grown store holds no stored edge's
aligned passages in memory, ``reuse.json`` is written from the store chunk by chunk with the
bytes the whole-file writer gives, and a re-run changes nothing. Real cleaning, a real DuckDB
store file, the real pipeline (``sitrep.pipeline.run``)."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from sitrep.export.files import dump_json, write_reuse
from sitrep.export.jsonfiles import reuse_json
from sitrep.pipeline import ingest, run, trace_reuse
from sitrep.resources import Resources
from sitrep.reuse.candidates import TOP_COPIES
from sitrep.settings import Settings
from sitrep.store import Store

STORY = (
    "Flood water cut the rail line between Ostervik and Lindmark on Thursday, the operator said. "
    "About 340 passengers spent the night in the Ostervik sports hall, mayor Henrik Solberg said. "
    "Engineers from Nordbane expect the track near the Saltå bridge to reopen on Sunday. "
    "The weather service warned of 60 millimetres more rain over the Vessel hills by the weekend."
)
OTHER = (
    "The council of Brennholm approved a new harbour budget of 12 million on Monday. "
    "Councillor Agneta Rask said the pier would be rebuilt by 2027."
)
BIG = 1_000_000  # characters added to each stored edge's reasons: passages no run should load


def doc(aid: str, text: str, published: str = "2026-03-05") -> dict:
    return {"id": aid, "title": aid, "text": text, "published": published, "outlet": f"outlet-{aid}"}


def copies(first: int, last: int) -> list[dict]:
    """Republications of the story, each with its own footer (not content-hash duplicates)."""
    return [doc(f"copy{i:02d}", f"{STORY}\n\nRepublished as item {i}.") for i in range(first, last)]


def batch(tmp_path: Path, name: str, docs: list[dict]) -> Path:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    return path


def run_batch(tmp_path: Path, path: Path, gazetteer: Path) -> Path:
    out = tmp_path / "out"
    settings = Settings.build({}, report=False, formats=("json",), workers=1, gazetteer=str(gazetteer))
    run([path], out, db=tmp_path / "s.duckdb", settings=settings)
    return out


def stored(tmp_path: Path) -> dict[tuple[str, str], str]:
    with Store.open(tmp_path / "s.duckdb", read_only=True) as store:
        rows = store.con.execute("SELECT source, derived, payload FROM reuse_edges").fetchall()
    return {(s, d): p for s, d, p in rows}


def origins(out: Path) -> dict[str, str]:
    return {a["article_id"]: a["origin"] for a in json.loads((out / "articles.json").read_text())["articles"]}


@pytest.fixture(scope="module")
def grown(tmp_path_factory, gazetteer_file):
    """Two runs into one store: the story, 7 copies and another story; then 8 more copies."""
    tmp = tmp_path_factory.mktemp("grown")
    first = run_batch(
        tmp,
        batch(tmp, "a", [doc("story", STORY, "2026-03-04"), *copies(1, 8), doc("other", OTHER)]),
        gazetteer_file,
    )
    after_first, origins_first = stored(tmp), origins(first)
    out = run_batch(tmp, batch(tmp, "b", copies(8, 16)), gazetteer_file)
    return tmp, after_first, origins_first, out


def test_copies_make_edges_linear_in_their_number(grown):
    tmp, after_first, _, out = grown
    edges = stored(tmp)
    # each copy is linked to its earliest copy and the TOP_COPIES closest: 15 copies, not the
    # 120 pairs of a clique (the old 25 closest linked every pair of 16 copies)
    assert len(after_first) <= 7 * (TOP_COPIES + 1)
    assert 15 <= len(edges) <= 15 * (TOP_COPIES + 1) < 16 * 15 // 2
    assert all("other" not in pair for pair in edges)
    # every copy is traced to the story, in both runs
    assert {a: o for a, o in origins(out).items() if a.startswith("copy")} == {
        f"copy{i:02d}": "story" for i in range(1, 16)
    }
    assert all(("story", f"copy{i:02d}") in edges for i in range(1, 16))


def test_the_second_run_keeps_the_first_runs_edges(grown):
    tmp, after_first, origins_first, out = grown
    edges = stored(tmp)
    # edges between two articles of the first run were not compared again: kept as stored
    assert {k: edges[k] for k in after_first} == after_first
    assert {a: o for a, o in origins(out).items() if a in origins_first} == origins_first
    # reuse.json lists the store's edges, both runs' ones
    listed = json.loads((out / "reuse.json").read_text())["edges"]
    assert sorted((e["source"], e["derived"]) for e in listed) == sorted(edges)


def test_a_rerun_adds_nothing(grown, gazetteer_file):
    tmp, _, _, out = grown
    before, files = stored(tmp), {f: (out / f).read_bytes() for f in ("reuse.json", "articles.json")}
    run_batch(tmp, tmp / "b.jsonl", gazetteer_file)
    assert stored(tmp) == before
    assert {f: (out / f).read_bytes() for f in files} == files


def test_streamed_reuse_json_is_the_whole_file_writers(grown):
    tmp, *_ = grown
    with Store.open(tmp / "s.duckdb", read_only=True) as store:
        edges = list(store.reuse_edges())
        by_id = {a.article_id: a for a in store.load_articles()}
    random.Random(7).shuffle(edges)  # the store gives them in no order
    for some in (edges, edges[:1], []):
        path = write_reuse(tmp / "streamed" / "reuse.json", some, by_id)
        assert path.read_bytes() == dump_json(reuse_json(some, by_id))
    assert json.loads(path.read_text()) == {"schema_version": 1, "edges": []}


def test_a_grown_store_is_read_without_its_edges_passages(tmp_path, gazetteer_file):
    """Stored edges made heavy (1 MB each): tracing a new batch's reuse holds none of them, and
    writing reuse.json a chunk of them at a time; main's run loaded them all (load_reuse) and
    wrote the whole file from one dict."""
    run_batch(
        tmp_path, batch(tmp_path, "a", [doc("story", STORY, "2026-03-04"), *copies(1, 12)]), gazetteer_file
    )
    with Store.open(tmp_path / "s.duckdb") as store:
        edges, lineage = store.load_reuse()
        for e in edges:
            e.direction.reasons.append("x" * BIG)
        store.save_reuse(edges, lineage)
        heavy = len(edges) * BIG
        assert len(edges) >= 30

        settings = Settings.build({}, workers=1, gazetteer=str(gazetteer_file))
        resources = Resources(settings)
        run_id = store.start_run({})
        ing = ingest(store, run_id, [batch(tmp_path, "b", copies(12, 16))], None, settings, lambda *a: None)
        articles = store.load_articles()
        tracemalloc.start()
        try:
            view, new_lineage = trace_reuse(store, articles, ing.new_ids, resources)
            reuse_peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            by_id = {a.article_id: a for a in articles}
            path = write_reuse(tmp_path / "out" / "reuse.json", store.reuse_edges(chunk=2), by_id)
            write_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert {new_lineage[f"copy{i:02d}"].origin for i in range(1, 16)} == {"story"}
        assert len(view) > len(edges)  # the new copies' edges were added to the stored ones
    assert reuse_peak < heavy / 4, (reuse_peak, heavy)
    assert write_peak < heavy / 2, (write_peak, heavy)
    listed = json.loads(path.read_text())["edges"]
    assert sum(len(r) >= BIG for e in listed for r in e["direction"]["reasons"]) == len(edges)
