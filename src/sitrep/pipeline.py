"""The whole run: ingest -> clean -> reuse -> extract -> geo -> merge -> export/report.

This module is the edge where stages meet the store and the output folder; the stages themselves
are pure functions over records.

    >>> result = run(["examples/seeds/articles"], out="out", meta="examples/seeds/manifest.csv")
    >>> result.n_new, len(result.incidents), result.files
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

import duckdb

from sitrep.errors import BadArguments, NothingUsable, SitrepError, StoreUnavailable
from sitrep.records import Article, Document, Incident, Rejection
from sitrep.store import Store

DEFAULT_MAX_BYTES = 20_000_000
MAX_EXTRACT_CHARS = 200_000   # a news article is far shorter; longer texts are stored, not parsed
BATCH_SIZE = 100          # articles per store transaction: a crash loses at most one batch's work
Progress = Callable[[str, int, Optional[int]], None]   # (stage, done, total)


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


def _noop(stage: str, done: int, total: Optional[int]) -> None:
    pass


# --------------------------------------------------------------------------- ingest + clean + store

class _Ingester:
    """Cleans documents and stores them in batches, one transaction per batch."""

    def __init__(self, store: Store, run_id: str):
        self.store, self.run_id = store, run_id
        self.hashes = store.hashes()                      # content_hash -> article_id
        self.ids = set(self.hashes.values())
        self.inputs = {a: i for a, i in store.con.execute(
            "SELECT article_id, input FROM articles").fetchall()}
        self.articles: list[Article] = []
        self.dups: list[tuple[str, str, str]] = []
        self.rejections: list[Rejection] = []
        self.result_dups: list[tuple[str, str]] = []
        self.all_rejections: list[Rejection] = []
        self.new_ids: list[str] = []
        self.n_already = 0

    def unique_id(self, base: str) -> str:
        if base not in self.ids:
            return base
        n = 2
        while f"{base}-{n}" in self.ids:
            n += 1
        return f"{base}-{n}"

    def add(self, item: Document | Rejection) -> None:
        from sitrep.clean import clean_document

        if isinstance(item, Rejection):
            self.rejections.append(item)
            self.all_rejections.append(item)
            return
        base = item.article_id or Path(item.input.split("#", 1)[0]).stem or "article"
        try:
            article = clean_document(item, article_id=base)
        except Exception as exc:  # one bad document must not stop the run
            rej = Rejection(input=item.input, code="clean_failed",
                            reason=f"The text could not be cleaned: {type(exc).__name__}: {exc}")
            self.rejections.append(rej)
            self.all_rejections.append(rej)
            return
        if not article.clean_text.strip():
            rej = Rejection(input=item.input, code="no_text",
                            reason="Nothing but site furniture was left after cleaning.")
            self.rejections.append(rej)
            self.all_rejections.append(rej)
            return
        twin = self.hashes.get(article.content_hash)
        if twin is not None:
            if self.inputs.get(twin) == item.input:
                self.n_already += 1             # the same input, stored by an earlier run
            else:
                self.dups.append((item.input, twin, article.content_hash))
                self.result_dups.append((item.input, twin))
            return
        article = article.model_copy(update={"article_id": self.unique_id(base)})
        self.hashes[article.content_hash] = article.article_id
        self.ids.add(article.article_id)
        self.inputs[article.article_id] = item.input
        self.articles.append(article)
        self.new_ids.append(article.article_id)
        if len(self.articles) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        if self.articles or self.dups or self.rejections:
            self.store.add_batch(self.articles, self.dups, self.rejections, self.run_id)
        self.articles, self.dups, self.rejections = [], [], []


def ingest(store: Store, run_id: str, inputs: Sequence[Path], manifest, max_bytes: int,
           progress: Progress) -> _Ingester:
    from sitrep.ingest import iter_inputs

    ing = _Ingester(store, run_id)
    for n, item in enumerate(iter_inputs(list(inputs), manifest=manifest, max_bytes=max_bytes), 1):
        ing.add(item)
        progress("read", n, None)
    ing.flush()
    return ing


# --------------------------------------------------------------------------- later stages

def trace_reuse(store: Store, articles: list[Article], new_ids: Iterable[str]):
    from sitrep.reuse import StoreEmbeddingCache, build_lineage, find_reuse

    previous, lineage = store.load_reuse()
    new_set = set(new_ids)
    if not new_set and len(lineage) == len(articles):
        return previous, lineage
    # texts longer than any news article (a 2 MB dump) are stored but not compared: aligning
    # their tens of thousands of sentences would cost more than the whole rest of the run
    usable = [a for a in articles if len(a.clean_text) <= MAX_EXTRACT_CHARS]
    new = [a for a in usable if a.article_id in new_set]
    stored = [a for a in usable if a.article_id not in new_set]
    edges = find_reuse(new, stored, embeddings=StoreEmbeddingCache(store),
                       previous=previous)
    lineage = build_lineage(articles, edges)
    store.save_reuse(edges, lineage)
    return edges, lineage


def extract_all(store: Store, articles: list[Article], progress: Progress,
                workers: Optional[int] = None) -> dict:
    from sitrep.extract import EXTRACTOR_VERSION
    from sitrep.parallel import extract_batches
    from sitrep.records import ArticleExtraction

    cached = store.get_extractions(EXTRACTOR_VERSION)
    todo = [a for a in articles if a.article_id not in cached]
    english = [a for a in todo if a.is_english and len(a.clean_text) <= MAX_EXTRACT_CHARS]
    progress("extract", 0, len(english))
    n_cached = len(cached)
    for done in extract_batches(english, workers, BATCH_SIZE):
        store.put_extractions(EXTRACTOR_VERSION, done.values())
        cached.update(done)
        progress("extract", len(cached) - n_cached, len(english))
    skipped = [
        ArticleExtraction(article_id=a.article_id, notes=[_why_not_extracted(a)])
        for a in todo if not a.is_english or len(a.clean_text) > MAX_EXTRACT_CHARS
    ]
    store.put_extractions(EXTRACTOR_VERSION, skipped)
    cached.update({x.article_id: x for x in skipped})
    return cached


def _why_not_extracted(a: Article) -> str:
    if not a.is_english:
        return f"not extracted: the language is {a.language!r}, and extraction reads English"
    return (f"not extracted: {len(a.clean_text):,} characters is longer than any news article "
            f"({MAX_EXTRACT_CHARS:,} at most); stored as it is")


def geocode_all(extractions: dict, articles: dict[str, Article], gazetteer_path=None,
                workers: Optional[int] = None) -> dict:
    from sitrep.parallel import geocode

    return geocode(extractions, articles, gazetteer_path, workers)


# --------------------------------------------------------------------------- outputs

def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_report(out_dir: Path, incidents, articles, lineage, edges, rejected, duplicates,
                 extractions, run_info) -> Path:
    from sitrep.report import ReportData, render_report

    html = render_report(ReportData(
        incidents=incidents, articles=articles, lineage=lineage, edges=edges, rejected=rejected,
        duplicates=duplicates, extractions=extractions, run_info=run_info,
    ))
    path = out_dir / "report.html"
    _write_atomic(path, html)
    return path


# --------------------------------------------------------------------------- the run

def run(
    inputs: Sequence[str | Path],
    out: str | Path,
    meta: Optional[str | Path] = None,
    db: Optional[str | Path] = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    wait: float = 0.0,
    formats: Sequence[str] = ("json", "csv", "geojson"),
    report: bool = True,
    gazetteer: Optional[str | Path] = None,
    progress: Optional[Progress] = None,
    ingest_only: bool = False,
    workers: Optional[int] = None,
) -> RunResult:
    """Run the whole pipeline over ``inputs`` into the store and the ``out`` folder.

    With ``ingest_only`` the run stops once the articles are stored (``sitrep ingest``).
    ``workers``: processes for extraction and geo (default: the machine's cores; see ``parallel``).
    """
    from sitrep.export import write_outputs
    from sitrep.ingest import load_manifest
    from sitrep.timing import StageTimer

    progress = StageTimer(progress or _noop)      # stage seconds go into the run log
    inputs = [Path(p) for p in inputs]
    missing = [str(p) for p in inputs if not p.exists() and not p.is_symlink()]
    if not inputs:
        raise BadArguments("Give at least one input file or folder.")
    out_dir = Path(out)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreUnavailable(f"Cannot create the output folder {out_dir}: {exc.strerror}") from exc
    manifest = load_manifest(meta) if meta else None
    if gazetteer:   # recognition and resolution must read the same gazetteer
        os.environ["SITREP_GAZETTEER"] = str(gazetteer)
    db_path = Path(db) if db else out_dir / "sitrep.duckdb"

    with Store.open(db_path, wait=wait) as store:
        run_id = store.start_run({"inputs": [str(p) for p in inputs], "meta": str(meta or ""),
                                  "out": str(out_dir)})
        try:
            ing = ingest(store, run_id, inputs, manifest, max_bytes, progress)
            rejected = [Rejection(input=m, code="missing", reason="No such file or folder.")
                        for m in missing] + ing.all_rejections
            articles = store.load_articles()
            if not articles:
                raise NothingUsable(
                    "Nothing usable was read: every input was rejected (see rejected.json)."
                    if rejected else "No articles were found in the inputs."
                )
            if ingest_only:
                _write_rejected_only(out_dir, rejected)
                _finish(store, run_id, "ok", {"new": len(ing.new_ids), "ingest_only": True})
                return RunResult(run_id=run_id, out_dir=out_dir, db_path=db_path,
                                 n_new=len(ing.new_ids), n_already=ing.n_already,
                                 n_total=len(articles), duplicates=ing.result_dups,
                                 rejected=rejected, files=[out_dir / "rejected.json"])
            by_id = {a.article_id: a for a in articles}
            progress("reuse", 0, None)
            edges, lineage = trace_reuse(store, articles, ing.new_ids)
            extractions = extract_all(store, articles, progress, workers)
            progress("geo", 0, None)
            extractions = geocode_all(extractions, by_id, gazetteer, workers)
            progress("merge", 0, None)
            from sitrep.merge import merge_incidents

            incidents = merge_incidents(extractions, by_id, lineage, previous=store.load_incidents())
            store.save_incidents(incidents)
            progress("write", 0, None)
            duplicates = store.duplicates()
            files = write_outputs(out_dir, incidents=incidents, articles=articles, lineage=lineage,
                                  edges=edges, rejected=rejected, duplicates=duplicates,
                                  formats=tuple(formats), extractions=extractions)
            run_info = {"run_id": run_id, "n_new": len(ing.new_ids), "n_total": len(articles)}
            if report:
                files.append(write_report(out_dir, incidents, articles, lineage, edges, rejected,
                                          duplicates, extractions, run_info))
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
        stats = {"new": len(ing.new_ids), "already": ing.n_already, "total": len(articles),
                 "duplicates": len(ing.result_dups), "rejected": len(rejected),
                 "incidents": len(incidents), "stage_seconds": progress.seconds()}
        _finish(store, run_id, "ok", stats)
    return RunResult(run_id=run_id, out_dir=out_dir, db_path=db_path, n_new=len(ing.new_ids),
                     n_already=ing.n_already, n_total=len(articles), duplicates=ing.result_dups,
                     rejected=rejected, incidents=incidents, files=files)


def _is_disk_error(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, duckdb.IOException) or any(
        k in text for k in ("No space left", "Read-only", "Could not write", "Permission denied"))


def _disk_message(exc: BaseException, db_path: Path, out_dir: Path) -> str:
    text = str(exc)
    if "No space left" in text or getattr(exc, "errno", None) == 28:
        why = "the disk is full"
    elif "Read-only" in text or getattr(exc, "errno", None) == 30:
        why = "the disk is read-only"
    else:
        why = text.splitlines()[0] if text else type(exc).__name__
    return (f"The run stopped because {why} (store {db_path}, outputs {out_dir}). Articles stored "
            f"before this point are kept; run again once there is room.")


def _finish(store: Store, run_id: str, status: str, stats: dict) -> None:
    try:
        store.finish_run(run_id, status, stats)
    except Exception:  # the run log must never hide the real error
        pass


def _write_rejected_only(out_dir: Path, rejected: list[Rejection]) -> None:
    from sitrep.records import SCHEMA_VERSION

    _write_atomic(out_dir / "rejected.json", json.dumps(
        {"schema_version": SCHEMA_VERSION, "rejected": [r.to_dict() for r in rejected]}, indent=2))
