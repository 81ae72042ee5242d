"""Guards at the edges: which files sitrep may open, write or read, and how outside text is shown.

The threat model is in docs/security.md: article content, manifests, gazetteer files and stores
are untrusted; the person at the command line is trusted. Every check here turns a misuse into a
plain sentence and a documented exit code before anything is written.
"""

from __future__ import annotations

import math
import re
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

import typer

from sitrep.errors import BadArguments, SitrepError, StoreDamaged

# DuckDB must never fetch or load code because of a file's contents (a SQLite file makes it
# reach for the sqlite extension, from the internet by default).
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file
OWN_OUTPUTS = (
    "incidents.json",
    "incidents.csv",
    "incidents.geojson",
    "incidents.parquet",
    "articles.json",
    "reuse.json",
    "report.html",
    "rejected.json",
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: object) -> str:
    """Outside text made safe for a terminal: control characters (ESC sequences that recolour or
    retitle the terminal) become visible escapes, and rich markup (``[/]``) is escaped."""
    from rich.markup import escape

    return escape(_CONTROL.sub(lambda m: repr(m.group())[1:-1], str(text)))


def kind_of_file(path: Path) -> str:
    """'duckdb', 'sqlite', 'empty' or 'other', from the first bytes (never parsed further)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return "other"
    if not head:
        return "empty"
    if head[8:12] == DUCKDB_MAGIC:
        return "duckdb"
    if head.startswith(b"SQLite format 3"):
        return "sqlite"
    return "other"


def check_duckdb_file(path: Path, what: str) -> None:
    """Refuse a file that is not a DuckDB database before DuckDB ever opens it (exit 4)."""
    if not path.exists():
        return
    if not stat.S_ISREG(path.stat().st_mode):
        raise StoreDamaged(f"The {what} {path} is not a regular file.")
    kind = kind_of_file(path)
    if kind == "duckdb":
        return
    detail = {"sqlite": "it is a SQLite database", "empty": "it is empty"}.get(
        kind, "it is not a DuckDB file"
    )
    raise StoreDamaged(
        f"The {what} {path} is not a sitrep {what}: {detail}. Nothing was changed; give another path."
    )


def check_regular(path: Path | None, what: str) -> None:
    """Refuse anything but a regular file for a file option: /dev/zero would be read until memory
    runs out, a FIFO hangs (exit 2)."""
    if path is None:
        return
    try:
        st = Path(path).stat()
    except OSError as exc:
        raise BadArguments(f"Cannot read the {what} {path}: {exc.strerror or exc}.") from exc
    if not stat.S_ISREG(st.st_mode):
        raise BadArguments(f"The {what} {path} is not a regular file (a folder, device or pipe).")


def check_number(value: float, option: str, minimum: float = 0.0) -> None:
    """A numeric option must be a finite number >= ``minimum`` (``--max-mb nan`` is refused)."""
    if not math.isfinite(value) or value < minimum:
        raise BadArguments(f"{option} must be a finite number of at least {minimum:g}, not {value}.")


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_outputs(inputs: Iterable[Path], out: Path, db: Path, meta: Path | None) -> None:
    """Refuse an output folder or store that would overwrite an input or each other (exit 2).

    ``--db OUT/report.html`` would be overwritten by the report; ``--out`` equal to (or inside)
    an input folder would make every later run read its own outputs as articles.
    """
    out_r, db_r = out.resolve(), db.resolve()
    if db_r.parent == out_r and db_r.name in OWN_OUTPUTS:
        raise BadArguments(
            f"--db {db} is the path of an output sitrep writes to {out}; choose another store path."
        )
    if _within(out_r, db_r) or db_r == out_r:
        raise BadArguments(f"--out {out} is the store {db} or inside it.")
    for p in [*inputs, *([meta] if meta else [])]:
        p_r = Path(p).resolve()
        if _within(out_r, p_r) or (p_r.is_file() and p_r.parent == out_r and p_r.name in OWN_OUTPUTS):
            raise BadArguments(
                f"--out {out} is the input {p} or inside it: a later run would read "
                f"sitrep's own outputs as articles. Choose another output folder."
            )
        if _within(db_r, p_r):
            raise BadArguments(f"--db {db} is the input {p} or inside it; choose another store path.")


def is_own_output(path: Path) -> bool:
    """A file sitrep itself writes to an output folder (beside a store or a rejected.json)."""
    if path.name not in OWN_OUTPUTS:
        return False
    folder = path.parent
    return (
        (folder / "rejected.json").exists()
        or (folder / "incidents.json").exists()
        and (folder / "articles.json").exists()
    )


FORMATS = ("json", "csv", "geojson", "parquet")


def check_formats(formats: Iterable[str]) -> None:
    """An unknown ``--format`` is refused, not silently ignored (exit 2)."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise BadArguments(
            f"Unknown --format {', '.join(map(repr, unknown))}: choose from {', '.join(FORMATS)}."
        )


def check_gazetteer(path: Path | None) -> None:
    """``--gazetteer`` must be a gazetteer file (or not exist yet, to be built there)."""
    if path is None or not Path(path).exists():
        return
    check_duckdb_file(Path(path), "gazetteer")
    import duckdb

    try:
        con = duckdb.connect(str(path), read_only=True, config=DUCKDB_CONFIG)
    except duckdb.Error as exc:
        raise StoreDamaged(f"The gazetteer {path} cannot be opened: {str(exc).splitlines()[0]}") from exc
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    if not {"places", "names"} <= tables:
        what = "a sitrep store" if "articles" in tables else "a DuckDB file of another kind"
        raise StoreDamaged(
            f"The gazetteer {path} is {what}, not a gazetteer. Give --gazetteer a "
            f"gazetteer file, or a new path to build one there."
        )


class GuardedTyper(typer.Typer):
    """The app, with every error a user can cause turned into a sentence and an exit code.

    0 success, 1 unexpected failure (or a failed `sitrep eval` check), 2 bad arguments or nothing
    usable, 3 the store is busy, 4 a store or gazetteer that cannot be opened, written or trusted.
    ``SITREP_DEBUG=1`` shows the traceback of an unexpected failure.
    """

    debug = False  # the CLI sets it from SITREP_DEBUG (only entry points read the environment)

    def __call__(self, *args, **kwargs):
        try:
            return super().__call__(*args, **kwargs)
        except SitrepError as exc:
            _say(str(exc))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            _interrupted()
        except Exception as exc:
            if _is_interrupt(exc):
                _interrupted()
            if self.debug:
                raise
            import duckdb

            if isinstance(exc, (duckdb.Error, OSError)):
                where = getattr(exc, "filename", None)
                _say(f"cannot read or write {where or 'a file'}: {_first_line(exc)}")
                sys.exit(4)
            _say(
                f"unexpected failure ({type(exc).__name__}: {_first_line(exc)}); run again with "
                f"SITREP_DEBUG=1 to see where."
            )
            sys.exit(1)


def _is_interrupt(exc: Exception) -> bool:
    """A Ctrl-C that landed inside a DuckDB query: DuckDB stops the query and raises it as a
    RuntimeError, not as KeyboardInterrupt."""
    return type(exc) is RuntimeError and str(exc).startswith("Query interrupted")


def _interrupted() -> None:
    _say("interrupted; the store keeps what was committed before.")
    sys.exit(130)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "strerror", None) or exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


def _say(text: str) -> None:
    from rich.console import Console

    Console(stderr=True, soft_wrap=True).print(f"[bold red]sitrep:[/] {shown(text)}")


def check_options(
    max_mb: float | None = None,
    wait: float | None = None,
    formats: Iterable[str] = (),
    gazetteer: Path | None = None,
    meta: Path | None = None,
) -> None:
    """Every option of a command, checked before any work is done."""
    if max_mb is not None:
        check_number(max_mb, "--max-mb", 0.000001)
    if wait is not None:
        check_number(wait, "--wait")
    check_formats(formats)
    check_gazetteer(gazetteer)
    check_regular(meta, "manifest")
