"""The DuckDB store: articles, rejections, runs, reuse, embeddings, extractions, their places'
resolutions and incidents.

The store is an edge of the pipeline: stages never touch it; ``pipeline.run`` reads from it and
writes to it. Every write that matters happens in one transaction, so a crash (even SIGKILL) leaves
either the whole batch or none of it, and the next run picks up where the last one stopped.

    >>> with Store.open("out/sitrep.duckdb") as store:
    ...     store.count_articles()
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from sitrep.errors import StoreBusy, StoreDamaged, StoreUnavailable
from sitrep.guard import DUCKDB_CONFIG, check_duckdb_file
from sitrep.records import (
    Article,
    ArticleExtraction,
    Direction,
    Incident,
    Lineage,
    Rejection,
    ReuseEdge,
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR UNIQUE NOT NULL,
    input VARCHAR, format VARCHAR, title VARCHAR, outlet VARCHAR, author VARCHAR,
    published VARCHAR, url VARCHAR, language VARCHAR, is_english BOOLEAN,
    raw_text VARCHAR, clean_text VARCHAR, n_chars INTEGER,
    payload JSON,                       -- the whole Article record (offset map, credits, removed)
    run_id VARCHAR, stored_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS duplicates (
    input VARCHAR PRIMARY KEY, article_id VARCHAR, content_hash VARCHAR, run_id VARCHAR
);
CREATE TABLE IF NOT EXISTS rejected (
    input VARCHAR, line INTEGER NOT NULL,   -- 0: the whole input
    code VARCHAR, reason VARCHAR, run_id VARCHAR, rejected_at TIMESTAMP,
    PRIMARY KEY (input, line)
);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, status VARCHAR,
    args JSON, stats JSON
);
CREATE TABLE IF NOT EXISTS reuse_edges (
    source VARCHAR, derived VARCHAR, kind VARCHAR, coverage DOUBLE, payload JSON,
    PRIMARY KEY (source, derived)
);
CREATE TABLE IF NOT EXISTS lineage (
    article_id VARCHAR PRIMARY KEY, derived_from VARCHAR, origin VARCHAR,
    independent_group VARCHAR, payload JSON
);
CREATE TABLE IF NOT EXISTS embeddings (
    key VARCHAR, model VARCHAR, vector FLOAT[], PRIMARY KEY (key, model)
);
CREATE TABLE IF NOT EXISTS extractions (
    article_id VARCHAR, version VARCHAR, payload JSON, PRIMARY KEY (article_id, version)
);
CREATE TABLE IF NOT EXISTS geocoded (  -- the geo stage's cache: an article's resolution, latest key only
    article_id VARCHAR PRIMARY KEY, key VARCHAR, content_hash VARCHAR, payload JSON
);
CREATE TABLE IF NOT EXISTS incidents (
    incident_id VARCHAR PRIMARY KEY, event_type VARCHAR, sub_event_type VARCHAR,
    date_start VARCHAR, country_code VARCHAR, location VARCHAR,
    fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
    payload JSON
);
CREATE TABLE IF NOT EXISTS input_keys (      -- store version 2: which article each input is
    input_key VARCHAR PRIMARY KEY, article_id VARCHAR
);
CREATE TABLE IF NOT EXISTS article_versions (  -- store version 2: texts a new version replaced
    article_id VARCHAR, content_hash VARCHAR, input VARCHAR, raw_text VARCHAR, clean_text VARCHAR,
    payload JSON, run_id VARCHAR, stored_at TIMESTAMP,
    replaced_by_run VARCHAR, replaced_at TIMESTAMP, replaced_by_hash VARCHAR  -- NULL: retired
);
CREATE TABLE IF NOT EXISTS claims (
    incident_id VARCHAR, field VARCHAR, claim_id VARCHAR, article_id VARCHAR, origin VARCHAR,
    low INTEGER, high INTEGER, qualifier VARCHAR, claimant_kind VARCHAR, payload JSON
);
"""

ARROW_ROWS = 200  # fewer rows than this are inserted without Arrow
STORE_VERSION = "2"  # 2: input_keys and article_versions (added to a version 1 store)
# (the geocoded table is not a new version: a store without it gets it when opened, and a sitrep
# that predates it ignores it; a cached resolution holds its article's content hash, so a text an
# older sitrep replaced under the same id is never given its old resolution)


def row_by_row(n: int) -> bool:
    """Whether ``n`` rows go in one statement each rather than through Arrow: pyarrow imports pandas
    (a second of start-up) to build arrays, so a few rows, as a one-article run writes, go in row by
    row unless pandas is loaded anyway."""
    return n < ARROW_ROWS and "pandas" not in sys.modules


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], verb: str = "INSERT") -> None:
    """Insert ``rows`` (tuples in the table's column order) in one statement, through Arrow.

    DuckDB's ``executemany`` runs one statement per row; a registered Arrow table is one bulk
    insert, about a hundred times faster for thousands of rows.
    """
    if not rows:
        return
    if row_by_row(len(rows)):
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"{verb} INTO {table} VALUES ({marks})", rows)
        return
    import pyarrow as pa

    data = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(zip(*rows))})
    name = f"new_{table}"
    con.register(name, data)
    try:
        con.execute(f"{verb} INTO {table} SELECT * FROM {name}")
    finally:
        con.unregister(name)


def _create(path: str) -> bool:
    """A new store, schema and all, built beside ``path`` and moved into place: a run killed while
    creating it leaves no store at all rather than a file without tables. True when this call's
    file is the store (False: another run created one meanwhile, kept and checked as any other)."""
    fd, tmp = tempfile.mkstemp(dir=Path(path).parent, prefix=".new-store-", suffix=".duckdb")
    os.close(fd)
    os.unlink(tmp)  # DuckDB must create the file itself
    try:
        con = duckdb.connect(tmp, config=DUCKDB_CONFIG)
        con.execute(SCHEMA)
        con.execute("INSERT INTO meta VALUES ('store_version', ?)", [STORE_VERSION])
        con.close()
        try:
            os.link(tmp, path)  # fails if another run created the store meanwhile: keep theirs
            return True
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links
            if not Path(path).exists():
                os.replace(tmp, path)
                return True
            return False
    except (duckdb.Error, OSError) as exc:
        raise StoreUnavailable(f"Cannot create the store {path}: {exc}") from exc
    finally:
        for leftover in (tmp, tmp + ".wal"):
            Path(leftover).unlink(missing_ok=True)


def check_marker(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse a DuckDB file that is not a sitrep store, is of a newer sitrep, or lacks columns."""
    tables = {
        r[0]
        for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()
    }
    if not tables:
        return  # an empty DuckDB file: it becomes a store
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    except duckdb.Error:
        row = None
    if row is None:
        raise StoreDamaged(
            f"{path} is a DuckDB file of another program (tables: {', '.join(sorted(tables)[:5])}), "
            f"not a sitrep store; nothing was changed. Give --db a new path."
        )
    if not str(row[0]).isdigit() or int(row[0]) > int(STORE_VERSION):
        raise StoreDamaged(
            f"The store {path} was written by a newer sitrep (store version {row[0]!s:.20}; this "
            f"sitrep reads {STORE_VERSION}); nothing was changed. Use the newer sitrep or a new --db."
        )
    missing = _missing_columns(con, tables)
    if missing:
        raise StoreDamaged(
            f"The store {path} is damaged: {'; '.join(missing[:3])}. Nothing was changed. "
            f"Rebuild it with `sitrep run INPUTS --out OUT --db NEW.duckdb` from the original inputs."
        )


def _missing_columns(con: duckdb.DuckDBPyConnection, tables: set[str]) -> list[str]:
    """What the schema has that the store lacks (tables it lacks are created: an older store)."""
    ref = duckdb.connect(config=DUCKDB_CONFIG)
    ref.execute(SCHEMA)
    want = ref.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall()
    ref.close()
    have = set(
        con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'"
        ).fetchall()
    )
    return [f"the table {t} has no column {c}" for t, c in want if t in tables and (t, c) not in have]


def _retire(con: duckdb.DuckDBPyConnection, aid: str, new_hash: str | None, run_id: str, now) -> None:
    """Move an article's stored version to the history, and drop what was derived from its text:
    its extraction and its places' resolution (caches keyed by article id), reuse edges and
    lineage (traced again: an article without lineage is compared as new), and the inputs noted as
    copies of that text."""
    con.execute(
        "INSERT INTO article_versions SELECT article_id, content_hash, input, raw_text, clean_text, "
        "payload, run_id, stored_at, ?, ?, ? FROM articles WHERE article_id = ?",
        [run_id, now, new_hash, aid],
    )
    con.execute("DELETE FROM articles WHERE article_id = ?", [aid])
    con.execute("DELETE FROM extractions WHERE article_id = ?", [aid])
    con.execute("DELETE FROM geocoded WHERE article_id = ?", [aid])
    con.execute("DELETE FROM reuse_edges WHERE source = ? OR derived = ?", [aid, aid])
    con.execute("DELETE FROM lineage WHERE article_id = ?", [aid])
    con.execute("DELETE FROM duplicates WHERE article_id = ?", [aid])
    if new_hash is None:
        con.execute("DELETE FROM input_keys WHERE article_id = ?", [aid])


def _int32(value):
    """``value`` if it fits an INTEGER column, else None: the JSON payload keeps it whole, so one
    article's impossible figure can never abort the transaction of every later run."""
    if isinstance(value, int) and -(2**31) <= value < 2**31:
        return value
    return None


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """A sitrep store in one DuckDB file. Open it with :meth:`open`; use it as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str):
        self.con = con
        self.path = path

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, wait: float = 0.0, read_only: bool = False) -> Store:
        """Open (or create) the store; wait up to ``wait`` seconds while another run holds it."""
        path = str(path)
        fresh = False  # built by this call
        if not read_only:
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreUnavailable(
                    f"Cannot create the folder for the store {path}: {exc.strerror or exc}"
                ) from exc
            fresh = not Path(path).exists() and _create(path)
        check_duckdb_file(Path(path), "store")  # a SQLite or text file is never handed to DuckDB
        deadline = time.monotonic() + wait
        while True:
            try:
                con = duckdb.connect(path, read_only=read_only, config=DUCKDB_CONFIG)
                break
            except duckdb.IOException as exc:
                msg = str(exc)
                if "lock" in msg.lower():
                    if time.monotonic() < deadline:
                        time.sleep(0.5)
                        continue
                    raise StoreBusy(
                        f"The store {path} is in use by another sitrep run; wait for it to finish "
                        f"or pass --wait SECONDS. ({msg.splitlines()[0]})"
                    ) from exc
                raise StoreUnavailable(f"Cannot open the store {path}: {msg.splitlines()[0]}") from exc
            except (duckdb.Error, OSError) as exc:
                raise StoreUnavailable(f"Cannot open the store {path}: {exc}") from exc
        store = cls(con, path)
        if read_only or not fresh:  # a store this call built has its schema: nothing to check
            try:
                check_marker(con, path)  # before any write: never add tables to a foreign file
            except BaseException:
                con.close()
                raise
        if not read_only and not fresh:
            try:
                store.con.execute(SCHEMA)
                # the tables a version 1 store lacks were created above: it is now this version
                store.con.execute("INSERT OR REPLACE INTO meta VALUES ('store_version', ?)", [STORE_VERSION])
            except (duckdb.Error, OSError) as exc:
                con.close()
                raise StoreUnavailable(f"Cannot write to the store {path}: {exc}") from exc
        return store

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All or nothing: commit on success, roll back on any error."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            try:
                self.con.execute("COMMIT")
            except duckdb.Error:
                try:  # a failed commit (disk full) leaves nothing behind
                    self.con.execute("ROLLBACK")
                except duckdb.Error:
                    pass
                raise

    # ------------------------------------------------------------------ runs

    def start_run(self, args: dict) -> str:
        run_id = _now().strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, NULL)",
            [run_id, _now(), json.dumps(args, default=str)],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, stats: dict) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, stats = ? WHERE run_id = ?",
            [_now(), status, json.dumps(stats, default=str), run_id],
        )

    # ------------------------------------------------------------------ articles

    def count_articles(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def hashes(self) -> dict[str, str]:
        """content_hash -> article_id for every stored article."""
        return dict(self.con.execute("SELECT content_hash, article_id FROM articles").fetchall())

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def input_keys(self) -> dict[str, str]:
        """input key -> article_id (see ``Document.key``)."""
        return dict(self.con.execute("SELECT input_key, article_id FROM input_keys").fetchall())

    def add_batch(
        self,
        articles: Iterable[Article],
        duplicates: Iterable[tuple[str, str, str]] = (),
        rejections: Iterable[Rejection] = (),
        run_id: str = "",
        replaced: dict[str, str | None] | None = None,
        keys: dict[str, str] | None = None,
    ) -> None:
        """Store articles, noted duplicates ``(input, twin_id, hash)`` and rejections atomically,
        with ``keys`` (input key -> article_id). ``replaced`` (article_id -> the new version's
        hash, or None when the input is now a copy of another article) are old versions: each
        goes to ``article_versions`` in the same transaction, with what was derived from it."""
        now = _now()
        with self.transaction() as con:
            for aid, new_hash in (replaced or {}).items():
                _retire(con, aid, new_hash, run_id, now)
            _insert(con, "input_keys", list((keys or {}).items()), "INSERT OR REPLACE")
            rows = [
                (
                    a.article_id,
                    a.content_hash,
                    a.input,
                    a.format,
                    a.title,
                    a.outlet,
                    a.author,
                    a.published,
                    a.url,
                    a.language,
                    a.is_english,
                    a.raw_text,
                    a.clean_text,
                    a.n_chars,
                    json.dumps(a.to_dict()),
                    run_id,
                    now,
                )
                for a in articles
            ]
            _insert(con, "articles", rows)
            _insert(con, "duplicates", [(i, a, h, run_id) for i, a, h in duplicates], "INSERT OR REPLACE")
            rejs = [(r.input, r.line or 0, r.code, r.reason, run_id, now) for r in rejections]
            _insert(con, "rejected", rejs, "INSERT OR REPLACE")

    def load_articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.con.execute("SELECT payload FROM articles ORDER BY article_id").fetchall()
        else:
            ids = list(ids)
            if not ids:
                return []
            rows = self.con.execute(
                "SELECT payload FROM articles WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id",
                [ids],
            ).fetchall()
        return [_parse(Article, r[0], self.path, "an article") for r in rows]

    def duplicates(self) -> list[tuple[str, str]]:
        """(input, twin article_id) for every input noted as an exact copy of a stored article."""
        return self.con.execute("SELECT input, article_id FROM duplicates ORDER BY input").fetchall()

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        sql = "SELECT input, line, code, reason FROM rejected"
        params: list = []
        if run_id:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self.con.execute(sql + " ORDER BY input, line", params).fetchall()
        return [Rejection(input=i, line=ln or None, code=c, reason=r) for i, ln, c, r in rows]

    # ------------------------------------------------------------------ reuse

    def save_reuse(
        self, edges: list[ReuseEdge], lineage: dict[str, Lineage], replaced: Iterable[str] | None = None
    ) -> None:
        """Store the reuse graph: ``edges`` replace the stored edges that touch an article of
        ``replaced`` (the run's compared articles: an edge between two others was not compared
        again, so it stands), or every stored edge when ``replaced`` is None; ``lineage`` replaces
        the lineage (one row an article). One transaction: a run stopped midway changes nothing."""
        with self.transaction() as con:
            if replaced is None:
                con.execute("DELETE FROM reuse_edges")
            else:
                ids = sorted(set(replaced))
                con.execute(
                    "DELETE FROM reuse_edges WHERE source IN (SELECT unnest(?::VARCHAR[])) "
                    "OR derived IN (SELECT unnest(?::VARCHAR[]))",
                    [ids, ids],
                )
            con.execute("DELETE FROM lineage")
            _insert(
                con,
                "reuse_edges",
                [(e.source, e.derived, e.kind, e.coverage, json.dumps(e.to_dict())) for e in edges],
            )
            _insert(
                con,
                "lineage",
                [
                    (
                        lin.article_id,
                        lin.derived_from,
                        lin.origin,
                        lin.independent_group,
                        json.dumps(lin.to_dict()),
                    )
                    for lin in lineage.values()
                ],
            )

    def load_reuse(self) -> tuple[list[ReuseEdge], dict[str, Lineage]]:
        """Every edge, aligned passages and all, and the lineage (a run reads ``load_lineage``,
        ``lineage_edges`` and ``reuse_edges`` instead: they hold no edge's passages in memory)."""
        edges = sorted(self.reuse_edges(), key=lambda e: (e.source, e.derived))
        return edges, self.load_lineage()

    def load_lineage(self) -> dict[str, Lineage]:
        return {  # a damaged entry leaves lineage short, so reuse is traced again
            r[0]: x
            for r in self.con.execute("SELECT article_id, payload FROM lineage").fetchall()
            if (x := _parse(Lineage, r[1], self.path)) is not None
        }

    def lineage_edges(self, leaving_out: Iterable[str] = ()) -> list[ReuseEdge]:
        """The stored edges as ``build_lineage`` reads them (ends, kind, coverage, direction
        confidence; no reasons, no aligned passages: DuckDB reads the confidence out of the JSON),
        but those touching an article of ``leaving_out``."""
        out = set(leaving_out)
        rows = self.con.execute(
            "SELECT source, derived, kind, coverage, "
            "CASE WHEN json_valid(payload) THEN TRY_CAST(json_extract_string(payload, "
            "'$.direction.confidence') AS DOUBLE) END FROM reuse_edges"  # damaged: left out, as before
        ).fetchall()
        return [
            ReuseEdge.model_construct(
                source=s, derived=d, kind=k, coverage=c, direction=Direction.model_construct(confidence=conf)
            )
            for s, d, k, c, conf in rows
            if s not in out and d not in out and conf is not None
        ]

    def reuse_edges(self, chunk: int = 200) -> StoredEdges:
        """The stored edges, read ``chunk`` rows at a time whenever they are iterated (in no order)."""
        return StoredEdges(self, chunk)

    # ------------------------------------------------------------------ embeddings

    def get_embeddings(self, model: str, keys: list[str]) -> dict[str, list[float]]:
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT key, vector FROM embeddings WHERE model = ? AND key IN (SELECT unnest(?))",
            [model, keys],
        ).fetchall()
        return {k: v for k, v in rows}

    def embedding_keys(self, model: str, keys: list[str]) -> set[str]:
        """Which of ``keys`` hold a vector for ``model`` (the keys only, not the vectors)."""
        if not keys:
            return set()
        rows = self.con.execute(
            "SELECT key FROM embeddings WHERE model = ? AND key IN (SELECT unnest(?))", [model, keys]
        ).fetchall()
        return {k for (k,) in rows}

    def put_embeddings(self, model: str, vectors: dict[str, list[float]]) -> None:
        rows = [(k, model, list(map(float, v))) for k, v in vectors.items()]
        with self.transaction() as con:
            _insert(con, "embeddings", rows, "INSERT OR IGNORE")

    # ------------------------------------------------------------------ extractions

    def get_extractions(self, version: str) -> dict[str, ArticleExtraction]:
        rows = self.con.execute(
            "SELECT article_id, payload FROM extractions WHERE version = ?", [version]
        ).fetchall()
        # a damaged extraction is only a cache entry: it is dropped and extracted again
        return {a: x for a, p in rows if (x := _parse(ArticleExtraction, p, self.path)) is not None}

    def extraction_keys(self) -> dict[str, list[str]]:
        """The cache keys each article has stored extractions under."""
        out: dict[str, list[str]] = {}
        for aid, key in self.con.execute("SELECT article_id, version FROM extractions").fetchall():
            out.setdefault(aid, []).append(key)
        return out

    def put_extractions(self, version: str, extractions: Iterable[ArticleExtraction]) -> None:
        """Store extractions under ``version``; an article's cached resolution, made from the
        extraction this may replace, goes with it (same transaction)."""
        rows = [(x.article_id, version, json.dumps(x.to_dict())) for x in extractions]
        if not rows:
            return
        with self.transaction() as con:
            con.execute(
                "DELETE FROM geocoded WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                [[r[0] for r in rows]],
            )
            _insert(con, "extractions", rows, "INSERT OR REPLACE")

    # ------------------------------------------------------------------ geocoding

    def get_geocoded(self, key: str) -> dict[str, tuple[str, str]]:
        """article_id -> (the article's content hash, its resolution as JSON) for the resolutions
        cached under ``key`` (``geo.cache`` reads them; a damaged one is resolved again)."""
        rows = self.con.execute(
            "SELECT article_id, content_hash, payload FROM geocoded WHERE key = ?", [key]
        ).fetchall()
        return {a: (h, p) for a, h, p in rows}

    def geocoded_keys(self) -> dict[str, str]:
        """article_id -> the key its resolution is cached under (one row an article)."""
        return dict(self.con.execute("SELECT article_id, key FROM geocoded").fetchall())

    def put_geocoded(self, key: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """Cache ``(article_id, content_hash, resolution JSON)`` rows under ``key``, in one
        transaction; each replaces its article's row under any older key (one row an article:
        re-runs after a change never grow the table)."""
        rows = [(a, key, h, p) for a, h, p in rows]
        if not rows:
            return
        with self.transaction() as con:
            _insert(con, "geocoded", rows, "INSERT OR REPLACE")

    # ------------------------------------------------------------------ incidents

    def save_incidents(self, incidents: list[Incident]) -> None:
        """Replace incidents and claims (they are re-derived from all stored articles)."""
        with self.transaction() as con:
            con.execute("DELETE FROM incidents")
            con.execute("DELETE FROM claims")
            rows, claims = [], []
            for inc in incidents:
                loc = inc.location
                rows.append(
                    (
                        inc.incident_id,
                        inc.event_type,
                        inc.sub_event_type,
                        inc.date.start,
                        loc.country_code if loc else None,
                        loc.name if loc else None,
                        _int32(inc.fatalities.low),
                        _int32(inc.fatalities.best),
                        _int32(inc.fatalities.high),
                        json.dumps(inc.to_dict()),
                    )
                )
                for field, fig in inc.figures():
                    for c in list(fig.claims) + list(fig.shared_claims):
                        claims.append(
                            (
                                inc.incident_id,
                                field,
                                c.claim_id,
                                c.article_id,
                                c.origin,
                                _int32(c.low),
                                _int32(c.high),
                                c.qualifier,
                                c.claimant_kind,
                                json.dumps(c.to_dict()),
                            )
                        )
            _insert(con, "incidents", rows)
            _insert(con, "claims", claims)

    def load_incidents(self) -> list[Incident]:
        rows = self.con.execute("SELECT payload FROM incidents ORDER BY incident_id").fetchall()
        # incidents are re-derived every run: a damaged one only loses its stable id
        return [x for r in rows if (x := _parse(Incident, r[0], self.path)) is not None]


class StoredEdges:
    """The store's reuse edges as a run's outputs hold them: each iteration reads them from the
    store ``chunk`` rows at a time, so no more than a chunk of aligned passages is in memory
    (``reuse.json`` is written from it by ``export.files.write_reuse``)."""

    def __init__(self, store: Store, chunk: int):
        self.store, self.chunk = store, chunk

    def __len__(self) -> int:
        return self.store.con.execute("SELECT count(*) FROM reuse_edges").fetchone()[0]

    def __iter__(self) -> Iterator[ReuseEdge]:
        cur = self.store.con.cursor()  # its own cursor: other queries may run between chunks
        try:
            cur.execute("SELECT payload FROM reuse_edges")
            while rows := cur.fetchmany(self.chunk):
                yield from (x for r in rows if (x := _parse(ReuseEdge, r[0], self.store.path)) is not None)
        finally:
            cur.close()


def _parse(model, payload, path: str, needed: str = ""):
    """A record from its JSON payload; a damaged payload is None for derived data (re-derived by
    the run) and a StoreDamaged error for what only the inputs can rebuild (``needed``)."""
    try:
        return model.model_validate_json(payload)
    except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
        if not needed:
            return None
        raise StoreDamaged(
            f"The store {path} is damaged: {needed} could not be read "
            f"({str(exc).splitlines()[0][:120]}). Rebuild it with `sitrep run INPUTS --out OUT "
            f"--db NEW.duckdb` from the original inputs."
        ) from exc
