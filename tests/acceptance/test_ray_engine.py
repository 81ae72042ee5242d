"""--engine ray: the same incidents, claims, reuse edges and sentence vectors as the local
engine (field by field, the vectors to the bit, in the CPU's default dtype), on the seeds (read
from a local folder and from an fsspec filesystem by URL) and on a sample of real news; Parquet
datasets DuckDB reads, replaced by a re-run; and a Ray worker killed with SIGKILL mid-extraction
loses and duplicates no article.

Runs a local Ray cluster (``ray.init(num_cpus=2)``); skipped when the ``ray`` extra is missing."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import duckdb
import fsspec
import pytest

import sitrep

ray = pytest.importorskip("ray", reason='the Ray engine is the optional extra: pip install -e ".[ray]"')

REPO = Path(__file__).resolve().parents[2]
# the dev set beside the workplace's checkouts (../shared/dev), when this machine has it
GVA = (
    next(
        (
            p
            for p in (REPO.parent / "shared", REPO.parents[1] / "shared")
            if (p / "dev/gva/documents.jsonl").exists()
        ),
        REPO.parent / "shared",
    )
    / "dev/gva/documents.jsonl"
)
SAMPLE = 60  # the first 60 hold rewrites, whose sentences MiniLM reads (133 of them)
COMPARED = ("incidents.json", "reuse.json", "articles.json")


@pytest.fixture(scope="module")
def cluster():
    from sitrep.engines.ray_engine import start

    start(num_cpus=2, include_dashboard=False, log_to_driver=False)  # tried again on a slow start
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def gva_sample(tmp_path_factory) -> Path:
    """The first SAMPLE documents of the GVA dev set, copied into a tmp folder."""
    if not GVA.exists():
        pytest.skip(f"the GVA dev set is not on this machine ({GVA})")
    folder = tmp_path_factory.mktemp("gva")
    with GVA.open(encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(SAMPLE)]
    (folder / "sample.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder / "sample.jsonl"


@pytest.fixture(scope="module")
def gva_local(tmp_path_factory, gva_sample, gazetteer_file) -> tuple[dict, int, dict]:
    """The local engine's outputs on the sample, its article count and the vectors it embedded
    (run once, compared twice)."""
    out = tmp_path_factory.mktemp("gva-local") / "local"
    result = run(gva_sample, out, gazetteer_file)
    assert result.n_new > SAMPLE // 2
    assert outputs(out)["incidents.json"]["incidents"]
    return outputs(out), result.n_new, embedded(out)


def run(inputs, out: Path, gazetteer: Path, meta=None, **knobs):
    return sitrep.run(
        [inputs],
        out=out,
        meta=meta,
        db=out.with_suffix(".duckdb"),
        gazetteer=gazetteer,
        report=False,
        **knobs,
    )


def outputs(out: Path) -> dict:
    return {name: json.loads((out / name).read_text(encoding="utf-8")) for name in COMPARED}


def assert_same(local: dict, other: dict) -> None:
    """Field by field, so a failure names the first record and field that differ."""
    for name in COMPARED:
        a, b = local[name], other[name]
        key = next(k for k in a if isinstance(a[k], list))  # incidents / edges / articles
        assert len(a[key]) == len(b[key]), name
        for x, y in zip(a[key], b[key]):
            for field in sorted(set(x) | set(y)):
                assert x.get(field) == y.get(field), (
                    name,
                    field,
                    x.get("incident_id") or x.get("article_id"),
                )


def without_inputs(outs: dict) -> dict:
    """The outputs without the articles' input names (a path or a URL for the same file)."""
    for a in outs["articles.json"]["articles"]:
        a.pop("input", None)
    return outs


def embedded(out: Path) -> dict[tuple[str, str], tuple[float, ...]]:
    """The vectors the run's store holds, by (sentence key, model): equal to the bit between the
    engines, which batch the sentences differently (``reuse.minilm.token_batches``)."""
    with duckdb.connect(str(out.with_suffix(".duckdb")), read_only=True) as con:
        rows = con.execute("SELECT key, model, vector FROM embeddings").fetchall()
    return {(key, model): tuple(vector) for key, model, vector in rows}


def parquet(out: Path, table: str, what: str = "*", order: str = "") -> list[tuple]:
    return duckdb.sql(f"SELECT {what} FROM '{out}/parquet/{table}/*.parquet' {order}").fetchall()


def test_seeds_same_as_local(cluster, tmp_path, seeds_dir, seed_manifest, gazetteer_file):
    local = run(seeds_dir / "articles", tmp_path / "local", gazetteer_file, seed_manifest)
    on_ray = run(seeds_dir / "articles", tmp_path / "ray", gazetteer_file, seed_manifest, engine="ray")
    assert on_ray.n_new == local.n_new == 5
    assert_same(outputs(tmp_path / "local"), outputs(tmp_path / "ray"))
    # the same sentences embedded: those reuse reads, no more (the seeds hold rewrites to embed)
    assert embedded(tmp_path / "ray") == embedded(tmp_path / "local") != {}

    # the Parquet datasets say what the JSON files say, and DuckDB reads them as they are
    incidents = outputs(tmp_path / "ray")["incidents.json"]["incidents"]
    assert sorted(r[0] for r in parquet(tmp_path / "ray", "incidents", "incident_id")) == sorted(
        i["incident_id"] for i in incidents
    )
    edges = outputs(tmp_path / "ray")["reuse.json"]["edges"]
    assert edges, "the seeds hold copies and rewrites"
    assert parquet(tmp_path / "ray", "reuse_edges", "source, derived, kind", "ORDER BY 1, 2") == [
        (e["source"], e["derived"], e["kind"]) for e in edges
    ]
    claims = parquet(tmp_path / "ray", "claims", "article_id, what, low")
    assert {"killed"} <= {c[1] for c in claims}
    assert len(parquet(tmp_path / "ray", "articles", "article_id")) == 5

    # a re-run replaces the datasets: no row twice
    n = {t: len(parquet(tmp_path / "ray", t)) for t in ("articles", "claims", "incidents", "reuse_edges")}
    again = run(seeds_dir / "articles", tmp_path / "ray", gazetteer_file, seed_manifest, engine="ray")
    assert again.n_new == 0
    assert {t: len(parquet(tmp_path / "ray", t)) for t in n} == n

    # the same files on another filesystem (fsspec's in-memory one), named by URL: same results
    fs = fsspec.filesystem("memory")
    for f in sorted((seeds_dir / "articles").iterdir()):
        fs.pipe(f"/seeds-ray/{f.name}", f.read_bytes())
    url = "memory://seeds-ray/"
    remote = run(url, tmp_path / "mem", gazetteer_file, seed_manifest, engine="ray")
    assert remote.n_new == 5
    assert_same(without_inputs(outputs(tmp_path / "local")), without_inputs(outputs(tmp_path / "mem")))
    inputs = [a["input"] for a in outputs(tmp_path / "mem")["articles.json"]["articles"]]
    assert all(i.startswith("memory://") for i in inputs), inputs
    assert run(url, tmp_path / "mem", gazetteer_file, seed_manifest, engine="ray").n_new == 0


@pytest.mark.slow
def test_gva_sample_same_as_local(cluster, tmp_path, gva_sample, gva_local, gazetteer_file, monkeypatch):
    # one article per Ray task: the actors embed the sentences in other batches than the local
    # engine's one call, and must still give the same vectors to the bit
    monkeypatch.setattr("sitrep.parallel.CHUNK", 1)
    on_ray = run(gva_sample, tmp_path / "ray", gazetteer_file, engine="ray")
    assert on_ray.n_new == gva_local[1]
    assert_same(gva_local[0], outputs(tmp_path / "ray"))
    assert embedded(tmp_path / "ray") == gva_local[2] != {}


def ray_workers() -> list[int]:
    """The Ray actor processes of this test's own cluster (descendants of this process), newest
    first (an earlier stage's pool may linger while extraction's runs)."""
    me, found = os.getpid(), []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if cmd.startswith(b"ray::") and b"_Stage" in cmd and descends_from(int(pid), me):
            found.append(int(pid))
    return sorted(found, key=started, reverse=True)


def started(pid: int) -> int:
    """A process's start time (clock ticks after boot), 0 once it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return 0


def descends_from(pid: int, ancestor: int) -> bool:
    while pid > 1:
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return False
        if pid == ancestor:
            return True
    return False


@pytest.mark.slow
def test_worker_killed_mid_extraction_loses_and_duplicates_nothing(
    cluster, tmp_path, gva_sample, gva_local, gazetteer_file
):
    killed: list[int] = []

    def kill_one(stage: str, done: int, total: int | None) -> None:
        # after the first batch of extractions is stored, while the others are in flight
        if stage == "extract" and done and total and done < total and not killed:
            workers = ray_workers()
            if workers:
                os.kill(workers[0], signal.SIGKILL)
                killed.append(workers[0])

    out = tmp_path / "ray"
    try:
        run(gva_sample, out, gazetteer_file, engine="ray", store_batch=8, progress=kill_one)
    except Exception:  # the run may stop; a re-run resumes from what the store holds
        pass
    assert killed, "no Ray worker was found to kill"
    result = run(gva_sample, out, gazetteer_file, engine="ray", store_batch=8)
    assert result.n_new == 0  # every article was stored once, by the first run

    with duckdb.connect(str(out.with_suffix(".duckdb")), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        per_article = con.execute("SELECT count(*), count(DISTINCT article_id) FROM extractions").fetchone()
    assert per_article == (n_articles, n_articles)  # each article extracted, once

    assert gva_local[1] == n_articles
    assert_same(gva_local[0], outputs(out))


def test_unknown_engine_and_address_without_ray_are_refused(tmp_path, seeds_dir):
    from sitrep.engines import check_engine
    from sitrep.errors import BadArguments

    for engine, address in [("spark", None), ("local", "ray://head:10001")]:
        with pytest.raises(BadArguments):
            check_engine(engine, address)
    check_engine("ray", "ray://head:10001")
    check_engine("local", None)
