"""The whole run: ingest -> clean -> reuse -> extract -> geo -> merge -> export/report.

This module is the edge where stages meet the store and the output folder; the stages themselves
are pure functions over records.

    >>> result = run(["examples/seeds/articles"], out="out", meta="examples/seeds/manifest.csv")
    >>> result.n_new, len(result.incidents), result.files
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from sitrep.engines import Engine, engine_for
from sitrep.errors import BadArguments, NothingUsable, SitrepError, StoreUnavailable
from sitrep.guard import check_outputs
from sitrep.records import Article, Document, Incident, Rejection, RunOutputs
from sitrep.resources import Resources, key_parts
from sitrep.settings import Settings
from sitrep.store import Store

log = logging.getLogger(__name__)
Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


@dataclass
class RunResult:
    """What a run did, for the CLI and for scripts."""

    run_id: str
    out_dir: Path
    db_path: Path
    n_new: int = 0
    n_already: int = 0
    n_total: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # cached work redone and why (also in the run log)


def _noop(stage: str, done: int, total: int | None) -> None:
    pass


# --------------------------------------------------------------------------- ingest + clean + store


class _Ingester:
    """Cleans documents and stores them in batches, one transaction per batch."""

    def __init__(self, store: Store, run_id: str, batch_size: int):
        self.store, self.run_id, self.batch_size = store, run_id, batch_size
        self.hashes = store.hashes()  # content_hash -> article_id
        self.ids = set(self.hashes.values())
        self.hash_of = {a: h for h, a in self.hashes.items()}
        self.inputs = {
            a: i for a, i in store.con.execute("SELECT article_id, input FROM articles").fetchall()
        }
        self.titles = dict(store.con.execute("SELECT article_id, title FROM articles").fetchall())
        self.keys = store.input_keys()  # input key -> article_id
        self.new_keys: dict[str, str] = {}
        self.replaced: dict[str, str | None] = {}  # old versions this batch retires
        self.touched: set[str] = set()  # stored or replaced by this run: never replaced again in it
        self.articles: list[Article] = []
        self.dups: list[tuple[str, str, str]] = []
        self.rejections: list[Rejection] = []
        self.result_dups: list[tuple[str, str]] = []
        self.all_rejections: list[Rejection] = []
        self.new_ids: list[str] = []
        self.n_already = 0
        self.n_versions = 0  # stored versions a new text of their input replaced

    def unique_id(self, base: str) -> str:
        if base not in self.ids:
            return base
        n = 2
        while f"{base}-{n}" in self.ids:
            n += 1
        return f"{base}-{n}"

    def add(self, item: Document | Rejection, cleaned: Article | Rejection | None = None) -> None:
        if not isinstance(item, Rejection):
            base = item.article_id or Path(item.input.split("#", 1)[0]).stem or "article"
            item, source = cleaned or clean_or_reject(item, base), item
        if isinstance(item, Rejection):
            self.rejections.append(item)
            self.all_rejections.append(item)
            return
        article, item = item, source
        key = item.key
        old = self.keys.get(key) if key else None
        if old in self.touched or old not in self.ids:
            old = None  # two inputs of one run under one key: the second is an article of its own
        twin = self.hashes.get(article.content_hash)
        if twin is not None and (self.titles.get(twin) or "") != (article.title or ""):
            # the same text under another headline is another page (a paywall, a sign-in form)
            from sitrep.clean.document import titled_hash

            article = article.model_copy(update={"content_hash": titled_hash(article)})
            twin = self.hashes.get(article.content_hash)
        if twin is not None:
            if self.inputs.get(twin) == item.input or (old is not None and old == twin):
                self.n_already += 1  # the same input, stored by an earlier run
                if key and key not in self.keys:
                    self.new_keys[key] = self.keys[key] = twin  # a store of version 1 learns it
            else:
                if old is not None:  # the input now holds another article's text: a copy of it
                    self.retire(old, None)
                self.dups.append((item.input, twin, article.content_hash))
                self.result_dups.append((item.input, twin))
            return
        if old is not None:  # a new version of a stored input: it keeps the article's id
            self.retire(old, article.content_hash)
            article = article.model_copy(update={"article_id": old})
        else:
            article = article.model_copy(update={"article_id": self.unique_id(base)})
            if key and key not in self.keys:
                self.new_keys[key] = self.keys[key] = article.article_id
        self.hashes[article.content_hash] = article.article_id
        self.hash_of[article.article_id] = article.content_hash
        self.ids.add(article.article_id)
        self.touched.add(article.article_id)
        self.inputs[article.article_id] = item.input
        self.titles[article.article_id] = article.title
        self.articles.append(article)
        self.new_ids.append(article.article_id)
        if len(self.articles) >= self.batch_size:
            self.flush()

    def retire(self, old: str, new_hash: str | None) -> None:
        """The stored version of ``old`` goes to the history when this batch is written."""
        self.replaced[old] = new_hash
        self.n_versions += 1
        self.touched.add(old)
        self.hashes.pop(self.hash_of.pop(old, ""), None)
        if new_hash is None:
            self.ids.discard(old)
            self.keys = {k: a for k, a in self.keys.items() if a != old}

    def flush(self) -> None:
        if self.articles or self.dups or self.rejections or self.replaced or self.new_keys:
            self.store.add_batch(
                self.articles, self.dups, self.rejections, self.run_id, self.replaced, self.new_keys
            )
        self.articles, self.dups, self.rejections = [], [], []
        self.replaced, self.new_keys = {}, {}


def clean_or_reject(doc: Document, article_id: str) -> Article | Rejection:
    """The ingest guard every command shares: a document that cannot be cleaned, or leaves no
    text once cleaned, is a Rejection with its reason; one bad document never stops the run."""
    from sitrep.clean import clean_document

    try:
        article = clean_document(doc, article_id=article_id)
    except Exception as exc:
        return Rejection(
            input=doc.input,
            code="clean_failed",
            reason=f"The text could not be cleaned: {type(exc).__name__}: {exc}",
        )
    if not article.clean_text.strip():
        return Rejection(
            input=doc.input, code="no_text", reason="Nothing but site furniture was left after cleaning."
        )
    return article


def read_articles(
    inputs: Sequence[str | Path], manifest, settings: Settings
) -> tuple[list[Article], list[Rejection]]:
    """Clean articles (unique ids) and rejections from ``inputs`` (paths or URLs, read as a run
    reads them) without a store (``sitrep geoparse``), through the same size limit and guard."""
    from sitrep.ingest.urls import iter_any

    articles, rejected, seen = [], [], set()
    for item in iter_any(list(inputs), manifest=manifest, max_bytes=settings.max_bytes):
        if isinstance(item, Document):
            base = item.article_id or Path(item.input.split("#", 1)[0]).stem or "article"
            aid, n = base, 2
            while aid in seen:
                aid, n = f"{base}-{n}", n + 1
            item = clean_or_reject(item, aid)
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        seen.add(item.article_id)
        articles.append(item)
    return articles, rejected


def ingest(
    store: Store,
    run_id: str,
    inputs: Sequence[Path],
    manifest,
    settings: Settings,
    progress: Progress,
    engine: Engine = Engine(),
) -> _Ingester:
    from sitrep.ingest.urls import iter_any

    ing = _Ingester(store, run_id, settings.store_batch)
    items = iter_any(list(inputs), manifest=manifest, max_bytes=settings.max_bytes)  # paths or URLs
    if engine.clean:  # cleaned by the engine (Ray: on the cluster), stored here in reading order
        pairs = engine.clean(items, settings)
    else:
        pairs = ((item, None) for item in items)
    for n, (item, cleaned) in enumerate(pairs, 1):
        ing.add(item, cleaned)
        progress("read", n, None)
    ing.flush()
    return ing


# --------------------------------------------------------------------------- later stages


def reuse_plan(
    store: Store,
    articles: list[Article],
    new_ids: Iterable[str],
    resources: Resources,
    engine: Engine = Engine(),
):
    """(stored edges, lineage, ``find_reuse``'s plan or None when nothing is to compare): what
    reuse compares this run and which sentences it embeds (both engines). The stored edges are
    the store's view (``StoredEdges``): read only when iterated."""
    from sitrep.reuse.detect import plan_reuse

    previous, lineage = store.reuse_edges(), store.load_lineage()
    # an article without lineage was stored (or replaced by a new version) by a run that stopped
    # before tracing reuse, or by `sitrep ingest`: it is compared as new
    new_set = set(new_ids) | {a.article_id for a in articles if a.article_id not in lineage}
    if not new_set and set(lineage) == {a.article_id for a in articles}:
        return previous, lineage, None
    # texts longer than any news article (a 2 MB dump) are stored but not compared: aligning
    # their tens of thousands of sentences would cost more than the whole rest of the run
    usable = [a for a in articles if len(a.clean_text) <= resources.settings.max_extract_chars]
    new = [a for a in usable if a.article_id in new_set]
    stored = [a for a in usable if a.article_id not in new_set]
    found = {"candidates": engine.candidates} if engine.candidates else {}  # Ray: group-bys, same rules
    return previous, lineage, plan_reuse(new, stored, **found)


def trace_reuse(
    store: Store,
    articles: list[Article],
    new_ids: Iterable[str],
    resources: Resources,
    engine: Engine = Engine(),
):
    from sitrep.models import MULTILINGUAL_MODEL
    from sitrep.reuse import StoreEmbeddingCache, build_lineage, find_reuse

    previous, lineage, plan = reuse_plan(store, articles, new_ids, resources, engine)
    if plan is None:
        return previous, lineage
    if engine.vectors:  # Ray: the vectors find_reuse reads, made on the cluster and cached first
        engine.vectors(store, plan, resources)
    # the new articles' edges only: an edge between two stored articles stands (they were not
    # compared again), so neither it nor its aligned passages are read back into memory
    edges = find_reuse(
        plan.new,
        plan.stored,
        embeddings=StoreEmbeddingCache(store, dtype=resources.settings.embed_dtype),
        encoder=resources.encode,
        # articles in other languages (never dropped here, though extraction reads English only)
        cross_embeddings=StoreEmbeddingCache(store, model=MULTILINGUAL_MODEL),
        cross_encoder=resources.encode_multilingual,
        plan=plan,
    )
    fresh = [a.article_id for a in plan.new]
    lineage = build_lineage(articles, store.lineage_edges(leaving_out=fresh) + edges)
    store.save_reuse(edges, lineage, replaced=fresh)
    return previous, lineage


@contextmanager
def start_extraction(store: Store, articles: list[Article], resources: Resources, engine: Engine = Engine()):
    """(key, stored extractions, articles to extract, notes, batches): what extraction must do,
    the pool already extracting (``parallel.extraction_started``) while the caller works on."""
    from sitrep.parallel import extraction_started

    settings = resources.settings
    key, cached, todo, notes = extraction_todo(store, articles, resources)
    with extraction_started(
        todo, resources, settings.workers, settings.store_batch, engine.chunks
    ) as batches:
        yield key, cached, todo, notes, batches


def extract_all(store: Store, started, progress: Progress) -> tuple[dict, list[str]]:
    """Every article's extraction, from the store where its cache key still holds and from the
    ``started`` extraction's batches, stored here (never by a worker); the notes say what was
    redone and why."""
    key, cached, todo, notes, batches = started
    progress("extract", 0, len(todo))
    n_done = 0
    for done in batches:
        store.put_extractions(key, done.values())
        cached.update(done)
        n_done += len(done)
        progress("extract", n_done, len(todo))
    for note in notes:
        log.info(note)
    return cached, notes


def extraction_todo(store: Store, articles: list[Article], resources: Resources):
    """The extraction key, the stored extractions it still holds, the articles to (re)extract and
    the notes saying why (both engines)."""
    from sitrep.extract import EXTRACTOR_VERSION

    key = resources.extraction_key(EXTRACTOR_VERSION)
    cached = store.get_extractions(key)
    todo = [a for a in articles if a.article_id not in cached]
    return key, cached, todo, redo_notes(store.extraction_keys(), [a.article_id for a in todo], key)


def versions_note(n: int) -> str:
    note = (
        f"{n} stored article(s) replaced by a new version of their input (same path or id); "
        f"the old texts are kept in the store's article_versions table"
    )
    log.info(note)
    return note


def redo_notes(stored: dict[str, list[str]], todo: list[str], key: str) -> list[str]:
    """One note per reason cached extractions are redone: which part of the key changed, from
    what to what, for how many articles (articles never extracted before need no note)."""
    new = key_parts(key)
    counts: dict[str, int] = {}
    for aid in todo:
        if not stored.get(aid):
            continue
        # the closest stored key tells what changed since that article was last extracted
        old = min(
            (key_parts(k) for k in stored[aid]), key=lambda p: sum(p.get(k) != v for k, v in new.items())
        )
        changed = [
            f"{k} changed ({old.get(k) or 'not recorded'} -> {v})" for k, v in new.items() if old.get(k) != v
        ]
        reason = "; ".join(changed) or "stored extraction unreadable"
        counts[reason] = counts.get(reason, 0) + 1
    return [f"extraction redone for {n} stored article(s): {reason}" for reason, n in counts.items()]


def geocode_all(
    extractions: dict, articles: dict[str, Article], resources: Resources, engine: Engine = Engine()
) -> dict:
    """Each extraction of a known article with its places resolved (``parallel.geocode``), none
    from the store's cache (``geocode_stored`` uses it)."""
    from sitrep.parallel import geocode

    return geocode(extractions, articles, resources, resources.settings.workers, engine.chunks)


def geocode_stored(
    store: Store,
    extractions: dict,
    articles: dict[str, Article],
    resources: Resources,
    engine: Engine = Engine(),
) -> tuple[dict, int, list[str]]:
    """``geocode_all``'s result, how many extractions it had to resolve and the note saying why
    stored ones were resolved again (``geo_note``): the others are read from the store, where
    their resolution is cached under the geo key (``Resources.geo_key``) for the article's text
    as it is now; those resolved are cached, a transaction per ``store_batch`` (a run stopped
    midway keeps the batches written)."""
    from sitrep.extract import EXTRACTOR_VERSION
    from sitrep.geo.cache import apply_cached, resolution_json

    key = resources.geo_key(resources.extraction_key(EXTRACTOR_VERSION))
    cached = store.get_geocoded(key)
    done, todo = {}, {}
    for aid, extraction in extractions.items():
        if aid not in articles:
            continue
        content_hash, payload = cached.get(aid, (None, ""))
        # made for another text under this id, or damaged (None): resolved again
        hit = apply_cached(extraction, aid, payload) if content_hash == articles[aid].content_hash else None
        if hit is None:
            todo[aid] = extraction
        else:
            done[aid] = hit
    notes = geo_note(store.geocoded_keys(), todo, key) if todo else []
    resolved = geocode_all(todo, articles, resources, engine) if todo else {}
    rows = [(aid, articles[aid].content_hash, resolution_json(aid, x)) for aid, x in resolved.items()]
    step = resources.settings.store_batch
    for start in range(0, len(rows), step):
        store.put_geocoded(key, rows[start : start + step])
    done.update(resolved)
    log.info(
        "geo: %d extraction(s) resolved, %d read from the store", len(resolved), len(done) - len(resolved)
    )
    return {aid: done[aid] for aid in extractions if aid in done}, len(resolved), notes


def geo_note(stored: dict[str, str], todo: Iterable[str], key: str) -> list[str]:
    """The note for stored resolutions made again because the geo stage's code or data changed
    (their extraction unchanged: a redone extraction has its own note, ``redo_notes``)."""
    new = key_parts(key)
    extraction = {k: v for k, v in new.items() if k != "geo"}
    olds = [key_parts(stored[aid]) for aid in todo if aid in stored and stored[aid] != key]
    olds = [old for old in olds if {k: v for k, v in old.items() if k != "geo"} == extraction]
    if not olds:
        return []
    was = sorted({old.get("geo") or "not recorded" for old in olds})
    note = (
        f"places resolved again for {len(olds)} stored article(s): geocoding's code or data changed "
        f"(geo {', '.join(was)} -> {new.get('geo')})"
    )
    log.info(note)
    return [note]


# --------------------------------------------------------------------------- outputs


def write_report(out_dir: Path, outputs: RunOutputs) -> Path:
    from sitrep.export.files import write_atomic
    from sitrep.report import ReportData, render_report

    html = render_report(ReportData(**vars(outputs)))
    return write_atomic(out_dir / "report.html", html.encode("utf-8"))


# --------------------------------------------------------------------------- the run


def run(
    inputs: Sequence[str | Path],
    out: str | Path,
    meta: str | Path | None = None,
    db: str | Path | None = None,
    *,
    settings: Settings | None = None,
    resources: Resources | None = None,
    progress: Progress | None = None,
    ingest_only: bool = False,
    **knobs,
) -> RunResult:
    """Run the whole pipeline over ``inputs`` into the store and the ``out`` folder.

    ``settings`` is built once by the entry point (the CLI, ``sitrep.run``); without it, ``knobs``
    are its fields (``max_bytes=``, ``gazetteer=``...) over the defaults. ``resources`` (default:
    built lazily from the settings) holds the models and tables the stages are given.
    With ``ingest_only`` the run stops once the articles are stored (``sitrep ingest``).
    """
    from sitrep.export import write_outputs
    from sitrep.ingest import load_manifest
    from sitrep.timing import StageTimer

    progress = StageTimer(progress or _noop)  # stage seconds go into the run log
    settings = settings or Settings.build({}, **knobs)
    resources = resources or Resources(settings)
    from sitrep.ingest.urls import is_url

    inputs = [p if is_url(p) else Path(p) for p in inputs]  # a URL: read through fsspec
    if not inputs:
        raise BadArguments("Give at least one input file or folder.")
    out_dir = Path(out)
    check_outputs(inputs, out_dir, Path(db) if db else out_dir / "sitrep.duckdb", meta)
    manifest = load_manifest(meta) if meta else None
    db_path = Path(db) if db else out_dir / "sitrep.duckdb"

    with _open_store(db_path, out_dir, settings.wait) as store:
        make_folder(out_dir)  # only once every check has passed: a refused run leaves no folder
        run_id = store.start_run(
            {
                "inputs": [str(p) for p in inputs],
                "meta": str(meta or ""),
                "out": str(out_dir),
                "settings": asdict(settings),
            }
        )
        try:
            engine = engine_for(settings)  # the one place the engine is chosen
            ing = ingest(store, run_id, inputs, manifest, settings, progress, engine)
            rejected = ing.all_rejections  # a missing input among them: the reader rejects it
            articles = store.load_articles()
            if not articles:
                raise NothingUsable(
                    "Nothing usable was read: every input was rejected (see rejected.json)."
                    if rejected
                    else "No articles were found in the inputs."
                )
            if ingest_only:
                _write_rejected_only(out_dir, rejected)
                _finish(store, run_id, "ok", {"new": len(ing.new_ids), "ingest_only": True})
                return RunResult(
                    run_id=run_id,
                    out_dir=out_dir,
                    db_path=db_path,
                    n_new=len(ing.new_ids),
                    n_already=ing.n_already,
                    n_total=len(articles),
                    duplicates=ing.result_dups,
                    rejected=rejected,
                    files=[out_dir / "rejected.json"],
                )
            by_id = {a.article_id: a for a in articles}
            progress("reuse", 0, None)
            # with a pool, extraction runs in it while this process traces reuse (neither reads
            # the other's output): "reuse" is then its wall time with the pool beside it,
            # "extract" the rest of extraction, and the pool's own time is logged apart
            with progress.beside("extract"), start_extraction(store, articles, resources, engine) as started:
                edges, lineage = trace_reuse(store, articles, ing.new_ids, resources, engine=engine)
                extractions, notes = extract_all(store, started, progress)
            if ing.n_versions:
                notes.insert(0, versions_note(ing.n_versions))
            progress("geo", 0, None)
            extractions, n_geocoded, geo_notes = geocode_stored(store, extractions, by_id, resources, engine)
            notes += geo_notes
            progress("merge", 0, None)
            from sitrep.merge import merge_incidents

            incidents = merge_incidents(
                extractions, by_id, lineage, previous=store.load_incidents(), build=engine.build
            )
            store.save_incidents(incidents)
            progress("write", 0, None)
            duplicates = store.duplicates()
            outputs = RunOutputs(
                incidents=incidents,
                articles=articles,
                lineage=lineage,
                edges=edges,
                rejected=rejected,
                duplicates=duplicates,
                extractions=extractions,
                run_info={"run_id": run_id, "n_new": len(ing.new_ids), "n_total": len(articles)},
            )
            files = write_outputs(out_dir, outputs, formats=settings.formats)
            if engine.datasets:  # Ray: the Parquet datasets too
                files += engine.datasets(out_dir, outputs)
            if settings.report:
                files.append(write_report(out_dir, outputs))
        except (OSError, duckdb.Error) as exc:
            # A full or read-only disk mid-run: the open transaction was rolled back.
            if isinstance(exc, duckdb.Error) and not _is_disk_error(exc):
                _finish(store, run_id, "failed", {"error": str(exc)})
                raise
            _finish(store, run_id, "failed", {"error": str(exc)})
            raise StoreUnavailable(_disk_message(exc, db_path, out_dir)) from exc
        except SitrepError as exc:
            _finish(store, run_id, "failed", {"error": str(exc)})
            if isinstance(exc, NothingUsable):
                _write_rejected_only(out_dir, rejected if "rejected" in locals() else [])
            raise
        except BaseException as exc:
            _finish(store, run_id, "failed", {"error": f"{type(exc).__name__}: {exc}"})
            raise
        stats = {
            "new": len(ing.new_ids),
            "already": ing.n_already,
            "total": len(articles),
            "duplicates": len(ing.result_dups),
            "rejected": len(rejected),
            "incidents": len(incidents),
            "geocoded": n_geocoded,  # extractions resolved by this run (the others: from the store)
            "notes": notes,
            "stage_seconds": progress.seconds(),
            "stage_cpu_seconds": progress.cpu_seconds(),
            "pool_seconds": progress.pools,
        }
        _finish(store, run_id, "ok", stats)
    return RunResult(
        run_id=run_id,
        out_dir=out_dir,
        db_path=db_path,
        n_new=len(ing.new_ids),
        n_already=ing.n_already,
        n_total=len(articles),
        duplicates=ing.result_dups,
        rejected=rejected,
        incidents=incidents,
        files=files,
        notes=notes,
    )


def _open_store(db_path: Path, out_dir: Path, wait: float) -> Store:
    """The store, opened and checked; a store refused inside an ``--out`` folder that did not
    exist before leaves no empty folder behind (``Store.open`` made it for the store)."""
    existed = out_dir.exists()
    try:
        return Store.open(db_path, wait=wait)
    except BaseException:
        if not existed and out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()
        raise


def make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"Cannot create the output folder {out_dir}: {exc.strerror}") from exc


def _is_disk_error(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, duckdb.IOException) or any(
        k in text for k in ("No space left", "Read-only", "Could not write", "Permission denied")
    )


def _disk_message(exc: BaseException, db_path: Path, out_dir: Path) -> str:
    text = str(exc)
    if "No space left" in text or getattr(exc, "errno", None) == 28:
        why = "the disk is full"
    elif "Read-only" in text or getattr(exc, "errno", None) == 30:
        why = "the disk is read-only"
    else:
        why = text.splitlines()[0] if text else type(exc).__name__
    return (
        f"The run stopped because {why} (store {db_path}, outputs {out_dir}). Articles stored "
        f"before this point are kept; run again once there is room."
    )


def _finish(store: Store, run_id: str, status: str, stats: dict) -> None:
    try:
        store.finish_run(run_id, status, stats)
    except Exception:  # the run log must never hide the real error
        pass


def _write_rejected_only(out_dir: Path, rejected: list[Rejection]) -> None:
    from sitrep.export.files import write_rejected

    write_rejected(out_dir, rejected)
