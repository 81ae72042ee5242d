"""The geo stage's cache: a run resolves only the extractions whose resolution is not stored under
the current geo key (the extraction's key and the geo code's version) for the article's text as
it is; the rest come from the store, and the output files are the same byte for byte.

Real runs on the seed articles (real spaCy, real DuckDB store); the geo stage is watched through
``resolve_places``, which ``resolve_extraction`` calls once for each article it resolves (every seed
names places), wrapped, not replaced."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

import sitrep
import sitrep.geo.incident_place as incident_place
import sitrep.store
from sitrep.geo import cache

OUTPUTS = ("incidents.json", "incidents.csv", "incidents.geojson", "articles.json", "reuse.json")
SEED_IDS = 5


def run(seeds_dir, out, gazetteer, **knobs):
    return sitrep.run(
        [seeds_dir / "articles"],
        out=out,
        meta=seeds_dir / "manifest.csv",
        gazetteer=gazetteer,
        workers=1,  # geo in this process, where it is watched
        report=False,
        **knobs,
    )


def files(out) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def query(out, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(out / "sitrep.duckdb"), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def geocoded(out, run_id: str) -> int:
    return json.loads(query(out, "SELECT stats FROM runs WHERE run_id = ?", [run_id])[0][0])["geocoded"]


@pytest.fixture(scope="module")
def first(tmp_path_factory, seeds_dir, gazetteer_file):
    """A first run's folder and store, and its output files (every article resolved)."""
    out = tmp_path_factory.mktemp("geo_cache") / "out"
    done = run(seeds_dir, out, gazetteer_file)
    assert geocoded(out, done.run_id) == SEED_IDS
    return out, files(out)


@pytest.fixture
def out(first, tmp_path):
    """A copy of the first run's folder, store and all, for a test to run again on."""
    copy = tmp_path / "out"
    shutil.copytree(first[0], copy)
    return copy


@pytest.fixture
def resolved(monkeypatch) -> list[str]:
    """The articles the geo stage resolves from now on, in order."""
    calls: list[str] = []
    real = incident_place.resolve_places

    def watched(extraction, article, gazetteer=None):
        calls.append(article.article_id)
        return real(extraction, article, gazetteer)

    monkeypatch.setattr(incident_place, "resolve_places", watched)
    return calls


def test_a_rerun_resolves_nothing_and_writes_the_same_files(first, out, resolved, seeds_dir, gazetteer_file):
    again = run(seeds_dir, out, gazetteer_file)
    assert resolved == [] and geocoded(out, again.run_id) == 0
    assert files(out) == first[1]


def test_a_new_geo_version_resolves_every_article_again_and_replaces_its_rows(
    first, out, resolved, monkeypatch, seeds_dir, gazetteer_file
):
    old_keys = {k for (k,) in query(out, "SELECT DISTINCT key FROM geocoded")}
    monkeypatch.setattr(cache, "geo_version", lambda: "changed")  # as after an edit of the geo code

    again = run(seeds_dir, out, gazetteer_file)
    assert len(resolved) == SEED_IDS and geocoded(out, again.run_id) == SEED_IDS
    assert files(out) == first[1]
    # the run says which cached work it redid and why, as it does for extractions
    (was,) = {k.rsplit(";geo=", 1)[1] for k in old_keys}
    said = f"places resolved again for {SEED_IDS} stored article(s): geocoding's code or data changed"
    assert again.notes == [f"{said} (geo {was} -> changed)"]
    keys = query(out, "SELECT key, count(*) FROM geocoded GROUP BY key")
    assert len(keys) == 1 and keys[0][0].endswith(";geo=changed") and keys[0][1] == SEED_IDS
    assert keys[0][0] not in old_keys  # the old rows were replaced, not kept beside the new

    resolved.clear()
    run(seeds_dir, out, gazetteer_file)
    assert resolved == []  # cached under the new version in turn


def test_a_damaged_row_or_one_made_for_another_text_is_resolved_again(
    first, out, resolved, seeds_dir, gazetteer_file
):
    ids = sorted(a for (a,) in query(out, "SELECT article_id FROM geocoded"))
    damaged, stale = ids[0], ids[1]
    with duckdb.connect(str(out / "sitrep.duckdb")) as con:
        con.execute("UPDATE geocoded SET payload = '{\"places\": 7}' WHERE article_id = ?", [damaged])
        # the article's text replaced under the same id by a sitrep that kept no resolutions
        con.execute("UPDATE geocoded SET content_hash = 'another text' WHERE article_id = ?", [stale])

    again = run(seeds_dir, out, gazetteer_file)
    assert sorted(resolved) == [damaged, stale]
    assert files(out) == first[1]
    assert again.notes == []  # nothing changed in the code or data: no note says it did
    resolved.clear()
    run(seeds_dir, out, gazetteer_file)
    assert resolved == []  # both rows written again, readable


def test_a_run_stopped_while_storing_keeps_the_batches_written(
    first, out, resolved, monkeypatch, seeds_dir, gazetteer_file
):
    monkeypatch.setattr(cache, "geo_version", lambda: "changed")
    real, calls = sitrep.store._insert, []

    def stopped_at_second_batch(con, table, rows, verb="INSERT"):
        real(con, table, rows, verb)
        if table == "geocoded":
            calls.append(len(rows))
            if len(calls) == 2:
                raise KeyboardInterrupt  # Ctrl-C after the rows went in, before the commit

    monkeypatch.setattr(sitrep.store, "_insert", stopped_at_second_batch)
    with pytest.raises(KeyboardInterrupt):
        run(seeds_dir, out, gazetteer_file, store_batch=2)
    monkeypatch.setattr(sitrep.store, "_insert", real)
    every = set(resolved)
    kept = {a for (a,) in query(out, "SELECT article_id FROM geocoded WHERE key LIKE '%;geo=changed'")}
    assert len(every) == SEED_IDS and len(kept) == 2  # the first batch committed, the second rolled back

    resolved.clear()
    again = run(seeds_dir, out, gazetteer_file)
    assert sorted(resolved) == sorted(every - kept) and geocoded(out, again.run_id) == SEED_IDS - 2
    assert files(out) == first[1]


def test_the_geo_version_follows_the_geo_code_and_its_data(tmp_path, monkeypatch):
    # the files the version reads, copied: then one is edited at a time
    modules = cache.imported_modules("sitrep.geo.incident_place")
    assert {"sitrep.geo.resolve", "sitrep.geo.place_words", "sitrep.countries", "sitrep.records"} <= modules
    assert not any(m.startswith(("sitrep.merge", "sitrep.extract.pipeline", "sitrep.reuse")) for m in modules)
    root = tmp_path / "sitrep"
    for name in modules:
        source = cache.module_file(name)
        (root / source.relative_to(cache.ROOT)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, root / source.relative_to(cache.ROOT))
    shutil.copytree(cache.ROOT.joinpath(*cache.DATA), root.joinpath(*cache.DATA))
    monkeypatch.setattr(cache, "ROOT", root)
    version = cache.geo_version.__wrapped__  # uncached: computed again each call

    assert version() == cache.geo_version()  # the copy reads as the package does
    seen = {version()}
    for edited in ("geo/resolve.py", "records.py", "data/geo/stoplist.txt"):
        with (root / edited).open("a", encoding="utf-8") as fh:
            fh.write("\n# edited\n")
        seen.add(version())
    assert len(seen) == 4  # each edit a new version

    # a module the geo code starts importing is read from then on
    (root / "merge").mkdir()
    (root / "merge" / "link.py").write_text("X = 1\n", encoding="utf-8")
    with (root / "geo" / "anchor.py").open("a", encoding="utf-8") as fh:
        fh.write("from sitrep.merge.link import X  # noqa\n")
    assert "sitrep.merge.link" in cache.imported_modules("sitrep.geo.incident_place")
    before = version()
    (root / "merge" / "link.py").write_text("X = 2\n", encoding="utf-8")
    assert version() != before


def test_a_cached_resolution_is_applied_to_a_copy_and_the_stored_extraction_is_left_as_it_was(first):
    """``apply_cached`` copies only the records on the way to the two geo fields and shares the
    rest: the extraction it was given must not change, nor the copy share a place or a mention."""
    from sitrep.store import Store

    with Store.open(first[0] / "sitrep.duckdb", read_only=True) as store:
        (version,) = {v for (v,) in store.con.execute("SELECT version FROM extractions").fetchall()}
        extractions = store.get_extractions(version)
        (key,) = {k for (k,) in store.con.execute("SELECT key FROM geocoded").fetchall()}
        cached = store.get_geocoded(key)
    assert set(cached) == set(extractions) and len(extractions) == SEED_IDS
    for aid, extraction in extractions.items():
        before = extraction.model_dump_json()
        assert not any(p.resolved for p in extraction.places)  # the store keeps them unresolved
        got = cache.apply_cached(extraction, aid, cached[aid][1])
        assert extraction.model_dump_json() == before
        assert any(p.resolved for p in got.places) and any(m.location for m in got.mentions)
        # the resolved copy is what the cache says it is
        assert cache.resolution_json(aid, got) == cached[aid][1]
        shared = {id(x) for x in [*extraction.places, *extraction.mentions]}
        assert not shared & {id(x) for x in [*got.places, *got.mentions]}
        for m in got.mentions:
            m.location = None  # changing the copy leaves the stored extraction alone
        assert extraction.model_dump_json() == before
