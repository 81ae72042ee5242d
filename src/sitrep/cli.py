"""The ``sitrep`` command line: a thin layer over :func:`sitrep.pipeline.run` and friends."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from sitrep.errors import SitrepError

app = typer.Typer(
    help="sitrep turns overlapping news articles into one source-attributed record per incident.\n\n"
         "Start with:  sitrep run ARTICLES_FOLDER --out OUT_FOLDER [--meta manifest.csv]",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Manage the offline gazetteer used to geocode places.",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

import logging

# trafilatura logs page-level chatter ("discarding data") that is not the user's concern
logging.getLogger("trafilatura").setLevel(logging.ERROR)

err = Console(stderr=True, soft_wrap=True)  # no hard wraps: scripts grep these lines

INPUTS_HELP = ("Files and folders to read: .txt, .html/.htm, .jsonl, RSS/Atom (.xml/.rss/.atom), "
               ".warc/.warc.gz. Folders are walked recursively.")
META_HELP = ("A CSV or JSONL manifest with article_id, file, outlet, published, url, title "
             "(file relative to the manifest); its values override what was read.")


def _fail(exc: SitrepError) -> None:
    err.print(f"[bold red]sitrep:[/] {exc}")
    raise typer.Exit(exc.exit_code)


@app.command()
def run(
    inputs: List[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for incidents.json, incidents.csv, "
                             "incidents.geojson, articles.json, reuse.json, report.html, rejected.json."),
    meta: Optional[Path] = typer.Option(None, "--meta", "-m", help=META_HELP),
    db: Optional[Path] = typer.Option(None, "--db", help="The DuckDB store (default OUT/sitrep.duckdb). "
                                      "It grows run by run; the same text is never stored twice."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
    wait: float = typer.Option(0.0, "--wait", help="Seconds to wait while another run holds the store."),
    fmt: List[str] = typer.Option(["json", "csv", "geojson"], "--format",
                                  help="Export formats (repeat): json, csv, geojson, parquet."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Gazetteer file (default: "
                                             "$SITREP_GAZETTEER or ~/.cache/sitrep/gazetteer.duckdb)."),
    no_report: bool = typer.Option(False, "--no-report", help="Skip report.html."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary (for scripts)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Processes for "
                                          "extraction and geo (default: the machine's cores)."),
) -> None:
    """Read articles, trace reuse, extract and merge incidents, and write the outputs to OUT."""
    from sitrep.pipeline import run as run_pipeline

    formats = list(dict.fromkeys(["json", "csv", "geojson", *fmt]))
    try:
        if quiet or not sys.stderr.isatty():
            result = run_pipeline(inputs, out, meta, db, max_bytes=int(max_mb * 1_000_000),
                                  wait=wait, formats=formats, report=not no_report,
                                  gazetteer=gazetteer, workers=workers)
        else:
            result = _run_with_progress(run_pipeline, inputs, out, meta, db, max_mb, wait,
                                        formats, no_report, gazetteer, workers)
    except SitrepError as exc:
        _fail(exc)
        return
    if not quiet:
        _print_summary(result)


def _run_with_progress(run_pipeline, inputs, out, meta, db, max_mb, wait, formats, no_report,
                       gazetteer, workers=None):
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=err, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: Optional[int]) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        return run_pipeline(inputs, out, meta, db, max_bytes=int(max_mb * 1_000_000), wait=wait,
                            formats=formats, report=not no_report, gazetteer=gazetteer,
                            progress=progress, workers=workers)


def _print_summary(result) -> None:
    err.print(
        f"[bold]sitrep[/]: {result.n_new} new article(s) stored, {result.n_total} in the store, "
        f"{len(result.duplicates)} exact copies noted, {len(result.rejected)} input(s) rejected, "
        f"{len(result.incidents)} incident(s)."
    )
    err.print(f"Outputs in {result.out_dir} (store: {result.db_path}).")
    if result.rejected:
        err.print(f"Rejected inputs and reasons: {result.out_dir / 'rejected.json'}")


@app.command()
def ingest(
    inputs: List[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for rejected.json (and the store "
                             "unless --db is given)."),
    meta: Optional[Path] = typer.Option(None, "--meta", "-m", help=META_HELP),
    db: Optional[Path] = typer.Option(None, "--db", help="The DuckDB store (default OUT/sitrep.duckdb)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
    wait: float = typer.Option(0.0, "--wait", help="Seconds to wait while another run holds the store."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary (for scripts)."),
) -> None:
    """Only read, clean and store articles (bulk loading); a later `sitrep run` does the rest."""
    from sitrep.pipeline import run as run_pipeline

    try:
        result = run_pipeline(inputs, out, meta, db, max_bytes=int(max_mb * 1_000_000), wait=wait,
                              ingest_only=True)
    except SitrepError as exc:
        _fail(exc)
        return
    if not quiet:
        _print_summary(result)


@app.command()
def geoparse(
    inputs: List[Path] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    out: Path = typer.Option(..., "--out", "-o", help="JSON Lines file: one line per place mention."),
    meta: Optional[Path] = typer.Option(None, "--meta", "-m", help=META_HELP),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Gazetteer file."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Reject input files larger than this (MB)."),
) -> None:
    """List every place mention of every article, geocoded, with offsets into the text as given."""
    from sitrep.clean import clean_document
    from sitrep.geo.gazetteer import Gazetteer
    from sitrep.geo.geoparse import geoparse_articles
    from sitrep.ingest import iter_inputs, load_manifest
    from sitrep.records import Rejection

    manifest = load_manifest(meta) if meta else None
    articles, rejected, seen = [], [], set()
    for item in iter_inputs(inputs, manifest=manifest, max_bytes=int(max_mb * 1_000_000)):
        if isinstance(item, Rejection):
            rejected.append(item)
            continue
        base = item.article_id or Path(item.input.split("#", 1)[0]).stem
        aid, n = base, 2
        while aid in seen:
            aid, n = f"{base}-{n}", n + 1
        seen.add(aid)
        articles.append(clean_document(item, article_id=aid))
    rows = geoparse_articles(articles, Gazetteer.open(gazetteer))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    for r in rejected:
        err.print(f"rejected {r.input}: {r.reason}")
    err.print(f"{len(rows)} place mention(s) from {len(articles)} article(s) -> {out}")


@gazetteer_app.command("import")
def gazetteer_import(
    files: List[Path] = typer.Argument(..., help="GeoNames dumps (allCountries.zip, ML.zip, "
                                       "cities500.zip, admin1CodesASCII.txt, alternateNamesV2.zip) "
                                       "or a CSV name,lat,lon,country_code,admin1,feature_class,"
                                       "alternate_names.", show_default=False),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="Gazetteer file to update."),
) -> None:
    """Import places; imported places take precedence over the built-in ones. Idempotent."""
    from sitrep.geo.importer import import_geonames

    try:
        stats = import_geonames(files, gazetteer)
    except (OSError, ValueError) as exc:
        err.print(f"[bold red]sitrep:[/] cannot import: {exc}")
        raise typer.Exit(2)
    err.print(f"Imported: {stats}")


@app.command("eval")
def evaluate(
    out: Path = typer.Argument(..., help="An output folder of `sitrep run`."),
    gold: Path = typer.Option(..., "--gold", help="A gold file shaped like examples/seeds/expected.json."),
) -> None:
    """Score an output folder against a hand-coded gold file and print a table of checks."""
    from sitrep.evaluate import evaluate as run_eval
    from sitrep.evaluate import format_table

    report = run_eval(out, json.loads(gold.read_text(encoding="utf-8")))
    typer.echo(format_table(report))
    if not report.passed:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
