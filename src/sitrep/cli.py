"""The ``sitrep`` command line: a thin layer over :func:`sitrep.pipeline.run` and friends."""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
from pathlib import Path

import typer
from rich.console import Console

from sitrep.engines import check_engine
from sitrep.errors import BadArguments, SitrepError
from sitrep.guard import GuardedTyper, check_options, shown

app = GuardedTyper(
    help="sitrep turns overlapping news articles into one source-attributed record per incident.\n\n"
    "Start with:  sitrep run ARTICLES_FOLDER --out OUT_FOLDER [--meta manifest.csv]",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Manage the offline gazetteer used to geocode places.", no_args_is_help=True)
app.debug = bool(os.environ.get("SITREP_DEBUG"))  # tracebacks of unexpected failures
app.add_typer(gazetteer_app, name="gazetteer")


# trafilatura logs page-level chatter ("discarding data") that is not the user's concern
logging.getLogger("trafilatura").setLevel(logging.ERROR)

err = Console(stderr=True, soft_wrap=True)  # no hard wraps: scripts grep these lines

INPUTS_HELP = (
    "Files and folders to read: .txt, .html/.htm, .jsonl, RSS/Atom (.xml/.rss/.atom), "
    ".warc/.warc.gz. Folders are walked recursively."
)
GAZETTEER_HELP = (
    "Gazetteer file (default: $SITREP_GAZETTEER or ~/.cache/sitrep/gazetteer.duckdb; "
    "built there when missing)."
)
META_HELP = (
    "A CSV or JSONL manifest with article_id, file, outlet, published, url, title "
    "(file relative to the manifest); its values override what was read."
)


def _fail(exc: SitrepError) -> None:
    err.print(f"[bold red]sitrep:[/] {shown(exc)}")
    raise typer.Exit(exc.exit_code)


@app.command()
def run(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),  # paths or URLs
    out: Path = typer.Option(
        ...,
        "--out",
        "-o",
        help="Folder for incidents.json, incidents.csv, "
        "incidents.geojson, articles.json, reuse.json, report.html, rejected.json.",
    ),
    meta: Path | None = typer.Option(None, "--meta", "-m", help=META_HELP),
    db: Path | None = typer.Option(
        None,
        "--db",
        help="The DuckDB store (default OUT/sitrep.duckdb). "
        "It grows run by run; the same text is never stored twice.",
    ),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
    wait: float = typer.Option(0.0, "--wait", help="Seconds to wait while another run holds the store."),
    fmt: list[str] = typer.Option(
        ["json", "csv", "geojson"], "--format", help="Export formats (repeat): json, csv, geojson, parquet."
    ),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help=GAZETTEER_HELP),
    no_report: bool = typer.Option(False, "--no-report", help="Skip report.html."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary (for scripts)."),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-w",
        min=1,
        help="Processes for extraction and geo (default: the machine's cores).",
    ),
    engine: str = typer.Option(
        "local", "--engine", help="local (one machine) or ray (Ray Data; writes OUT/parquet/ too)."
    ),
    address: str | None = typer.Option(
        None, "--address", help="The Ray cluster to join (--engine ray; default: start a local one)."
    ),
) -> None:
    """Read articles, trace reuse, extract and merge incidents, and write the outputs to OUT."""
    from sitrep.pipeline import run as run_pipeline

    formats = list(dict.fromkeys(["json", "csv", "geojson", *fmt]))
    try:
        check_options(max_mb, wait, formats, gazetteer, meta)
        check_engine(engine, address)
        settings = _settings(
            max_mb,
            gazetteer,
            wait=wait,
            formats=formats,
            report=not no_report,
            workers=workers,
            engine=engine,
            address=address,
        )
        if quiet or not sys.stderr.isatty():
            result = run_pipeline(inputs, out, meta, db, settings=settings)
        else:
            result = _run_with_progress(run_pipeline, inputs, out, meta, db, settings)
    except SitrepError as exc:
        _fail(exc)
        return
    if not quiet:
        _print_summary(result)


def _settings(max_mb: float, gazetteer: Path | None = None, **knobs):
    """The run's ``Settings``: the options given, then SITREP_GAZETTEER / SITREP_EMBED_DTYPE."""
    from sitrep.settings import Settings

    return Settings.build(os.environ, max_bytes=int(max_mb * 1_000_000), gazetteer=gazetteer, **knobs)


def _run_with_progress(run_pipeline, inputs, out, meta, db, settings):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return run_pipeline(inputs, out, meta, db, settings=settings, progress=progress)


def _print_summary(result) -> None:
    err.print(
        f"[bold]sitrep[/]: {result.n_new} new article(s) stored, {result.n_total} in the store, "
        f"{len(result.duplicates)} exact copies noted, {len(result.rejected)} input(s) rejected, "
        f"{len(result.incidents)} incident(s)."
    )
    for note in result.notes:
        err.print(f"note: {shown(note)}")
    err.print(f"Outputs in {shown(result.out_dir)} (store: {shown(result.db_path)}).")
    if result.rejected:
        err.print(f"Rejected inputs and reasons: {shown(result.out_dir / 'rejected.json')}")


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),  # paths or URLs
    out: Path = typer.Option(
        ..., "--out", "-o", help="Folder for rejected.json (and the store unless --db is given)."
    ),
    meta: Path | None = typer.Option(None, "--meta", "-m", help=META_HELP),
    db: Path | None = typer.Option(None, "--db", help="The DuckDB store (default OUT/sitrep.duckdb)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
    wait: float = typer.Option(0.0, "--wait", help="Seconds to wait while another run holds the store."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary (for scripts)."),
) -> None:
    """Only read, clean and store articles (bulk loading); a later `sitrep run` does the rest."""
    from sitrep.pipeline import run as run_pipeline

    try:
        check_options(max_mb, wait, meta=meta)
        result = run_pipeline(inputs, out, meta, db, settings=_settings(max_mb, wait=wait), ingest_only=True)
    except SitrepError as exc:
        _fail(exc)
        return
    if not quiet:
        _print_summary(result)


@app.command()
def geoparse(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),  # paths or URLs
    out: Path = typer.Option(..., "--out", "-o", help="JSON Lines file: one line per place mention."),
    meta: Path | None = typer.Option(None, "--meta", "-m", help=META_HELP),
    gazetteer: Path | None = typer.Option(None, "--gazetteer", help=GAZETTEER_HELP),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
) -> None:
    """List every place mention of every article, geocoded, with offsets into the text as given."""
    from sitrep.export.files import write_atomic
    from sitrep.geo.geoparse import geoparse_articles
    from sitrep.ingest import load_manifest
    from sitrep.pipeline import read_articles
    from sitrep.resources import Resources

    check_options(max_mb, gazetteer=gazetteer, meta=meta)
    if out.is_dir():
        raise BadArguments(f"--out {out} is a folder; geoparse writes one JSON Lines file.")
    settings = _settings(max_mb, gazetteer)
    resources = Resources(settings)
    manifest = load_manifest(meta) if meta else None
    articles, rejected = read_articles(inputs, manifest, settings)
    rows = geoparse_articles(articles, resources.gazetteer, resources.nlp)
    write_atomic(out, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8"))
    for r in rejected:
        err.print(f"rejected {shown(r.input)}: {shown(r.reason)}")
    err.print(f"{len(rows)} place mention(s) from {len(articles)} article(s) -> {shown(out)}")


@gazetteer_app.command("import")
def gazetteer_import(
    files: list[Path] = typer.Argument(
        ...,
        help="GeoNames dumps (allCountries.zip, ML.zip, "
        "cities500.zip, admin1CodesASCII.txt, alternateNamesV2.zip) "
        "or a CSV name,lat,lon,country_code,admin1,feature_class,"
        "alternate_names.",
        show_default=False,
    ),
    gazetteer: Path | None = typer.Option(
        None, "--gazetteer", help="Gazetteer file to update (default as for run)."
    ),
) -> None:
    """Import places; imported places take precedence over the built-in ones. Idempotent."""
    import duckdb

    from sitrep.geo.importer import import_geonames

    check_options(gazetteer=gazetteer)
    try:
        stats = import_geonames(files, _settings(20.0, gazetteer).gazetteer)
    except (OSError, ValueError, duckdb.Error) as exc:
        err.print(f"[bold red]sitrep:[/] cannot import (the gazetteer is unchanged): {shown(exc)}")
        raise typer.Exit(2) from None
    for why in stats.pop("rejected_rows"):
        err.print(f"row refused: {shown(why)}")
    err.print(f"Imported: {shown(stats)}")


@app.command("eval")
def evaluate(
    out: Path = typer.Argument(..., help="An output folder of `sitrep run`."),
    gold: Path = typer.Option(..., "--gold", help="A gold file shaped like examples/seeds/expected.json."),
) -> None:
    """Score an output folder against a hand-coded gold file and print a table of checks."""
    from sitrep.evaluate import evaluate as run_eval
    from sitrep.evaluate import format_table, read_gold

    try:
        report = run_eval(out, read_gold(gold))
    except (TypeError, AttributeError, KeyError, ValueError) as exc:  # a value of the wrong type
        raise BadArguments(
            f"The gold file {gold} is not shaped like examples/seeds/expected.json "
            f"({type(exc).__name__}: {exc})."
        ) from exc
    typer.echo(format_table(report))
    if not report.passed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - entry point
    # A run makes most of its lasting objects (modules, records' schemas, the model) in its first
    # seconds, and a collection every 700 new objects walked them again and again: a one-article
    # run spent 0.25 CPU s in 240 collections, 0.12 in 14 with this threshold (the older
    # generations are collected as before, relative to it)
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    try:
        app()
    except SystemExit as done:
        leave(done.code)


def leave(code) -> None:
    """End the program with ``code`` (SystemExit's) without the interpreter's teardown: freeing
    the spaCy model, the name lists and every module object one by one costs about 0.7 CPU s,
    a seventh of a one-article run, for memory the system takes back anyway. The exit handlers
    run and the streams are flushed first, as a normal exit does; the store is closed by then."""
    import atexit

    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more to say
            pass
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
