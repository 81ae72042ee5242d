"""Guards at the edges: which files sitrep may open, write or read, and how outside text is shown.

The threat model is in docs/security.md: article content, manifests, gazetteer files and stores
are untrusted; the person at the command line is trusted. Every check here turns a misuse into a
plain sentence and a documented exit code before anything is written.
"""
from __future__ import annotations

import math
import re
import stat
from pathlib import Path
from typing import Iterable, Optional

from sitrep.errors import BadArguments, StoreDamaged

# DuckDB must never fetch or load code because of a file's contents (a SQLite file makes it
# reach for the sqlite extension, from the internet by default).
DUCKDB_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
DUCKDB_MAGIC = b"DUCK"          # bytes 8..12 of every DuckDB database file
OWN_OUTPUTS = ("incidents.json", "incidents.csv", "incidents.geojson", "incidents.parquet",
               "articles.json", "reuse.json", "report.html", "rejected.json")
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
    detail = {"sqlite": "it is a SQLite database", "empty": "it is empty"}.get(kind, "it is not a DuckDB file")
    raise StoreDamaged(f"The {what} {path} is not a sitrep {what}: {detail}. Nothing was changed; "
                       f"give another path.")


def check_regular(path: Optional[Path], what: str) -> None:
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


def check_outputs(inputs: Iterable[Path], out: Path, db: Path, meta: Optional[Path]) -> None:
    """Refuse an output folder or store that would overwrite an input or each other (exit 2).

    ``--db OUT/report.html`` would be overwritten by the report; ``--out`` equal to (or inside)
    an input folder would make every later run read its own outputs as articles.
    """
    out_r, db_r = out.resolve(), db.resolve()
    if db_r.parent == out_r and db_r.name in OWN_OUTPUTS:
        raise BadArguments(f"--db {db} is the path of an output sitrep writes to {out}; "
                           f"choose another store path.")
    if _within(out_r, db_r) or db_r == out_r:
        raise BadArguments(f"--out {out} is the store {db} or inside it.")
    for p in [*inputs, *([meta] if meta else [])]:
        p_r = Path(p).resolve()
        if _within(out_r, p_r) or (p_r.is_file() and p_r.parent == out_r and p_r.name in OWN_OUTPUTS):
            raise BadArguments(f"--out {out} is the input {p} or inside it: a later run would read "
                               f"sitrep's own outputs as articles. Choose another output folder.")
        if _within(db_r, p_r):
            raise BadArguments(f"--db {db} is the input {p} or inside it; choose another store path.")


def is_own_output(path: Path) -> bool:
    """A file sitrep itself writes to an output folder (beside a store or a rejected.json)."""
    if path.name not in OWN_OUTPUTS:
        return False
    folder = path.parent
    return (folder / "rejected.json").exists() or (folder / "incidents.json").exists() and (
        folder / "articles.json").exists()
