"""Write the contract's files into the output folder, each one atomically.

>>> paths = write_outputs(Path("out"), RunOutputs(incs, arts, lin, edges, rej),
...                       formats=("json", "csv", "geojson", "parquet"))
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from sitrep.export.geojson import incidents_geojson
from sitrep.export.jsonfiles import articles_json, edge_json, incidents_json, rejected_json
from sitrep.export.table import incident_rows, rows_to_csv, rows_to_parquet
from sitrep.records import SCHEMA_VERSION, Rejection, ReuseEdge, RunOutputs


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or its parts in order) to a temp file beside ``path`` and rename it
    over: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, file_mode())  # mkstemp makes it 0600; outputs get a normal file's mode
        with os.fdopen(fd, "wb") as fh:
            for part in [data] if isinstance(data, bytes) else data:
                fh.write(part)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def file_mode() -> int:
    """The mode ``open()`` gives a new file under the user's umask (0644 under the usual 022)."""
    umask = os.umask(0o022)  # the only way to read the umask is to set it; put it straight back
    os.umask(umask)
    return 0o666 & ~umask


def dump_json(obj) -> bytes:
    """Indented UTF-8 JSON; orjson because the standard encoder is pure Python once it indents.

    JSON has no NaN or Infinity: orjson writes a float that is not finite as null.
    """
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"


def write_outputs(
    out_dir: Path, outputs: RunOutputs, formats: tuple[str, ...] = ("json", "csv", "geojson")
) -> list[Path]:
    """Write incidents (json/csv/geojson/parquet as asked), articles, reuse and rejected files."""
    out_dir = Path(out_dir)
    incidents, articles = outputs.incidents, outputs.articles
    by_id = {a.article_id: a for a in articles}
    rows = incident_rows(incidents, by_id)
    written = []
    if "json" in formats:
        written.append(write_atomic(out_dir / "incidents.json", dump_json(incidents_json(incidents))))
    if "csv" in formats:
        written.append(write_atomic(out_dir / "incidents.csv", rows_to_csv(rows).encode("utf-8")))
    if "geojson" in formats:
        written.append(
            write_atomic(out_dir / "incidents.geojson", dump_json(incidents_geojson(incidents, by_id)))
        )
    if "parquet" in formats:
        written.append(write_atomic(out_dir / "incidents.parquet", rows_to_parquet(rows)))
    written.append(
        write_atomic(
            out_dir / "articles.json",
            dump_json(articles_json(articles, outputs.lineage, outputs.duplicates, outputs.extractions)),
        )
    )
    written.append(write_reuse(out_dir / "reuse.json", outputs.edges, by_id))
    written.append(write_rejected(out_dir, outputs.rejected))
    return written


def write_reuse(path: Path, edges: Iterable[ReuseEdge], articles: dict) -> Path:
    """``reuse.json``, byte for byte as ``dump_json(reuse_json(edges, articles))``, without the
    whole file in memory: ``edges`` (a list, or the store's ``StoredEdges``, in any order) are
    each written as they come to a spill file beside ``path``, then copied out in (source,
    derived) order. Memory: one edge's JSON and a (source, derived, offset, length) per edge."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.") as spill:
        where = []
        for edge in edges:
            item = b"    " + dump_json(edge_json(edge, articles))[:-1].replace(b"\n", b"\n    ")
            where.append((edge.source, edge.derived, spill.tell(), len(item)))
            spill.write(item)
        where.sort()  # as reuse_json's sort: equal keys (a list may repeat one) keep their order
        return write_atomic(path, _reuse_parts(spill, where))


def _reuse_parts(spill, where: list[tuple[str, str, int, int]]) -> Iterator[bytes]:
    """``reuse.json``'s bytes: the frame ``dump_json`` gives a one-item list, the items from ``spill``."""
    if not where:
        yield dump_json({"schema_version": SCHEMA_VERSION, "edges": []})
        return
    head, tail = dump_json({"schema_version": SCHEMA_VERSION, "edges": [0]}).split(b"\n    0\n")
    yield head + b"\n"
    for i, (_, _, offset, size) in enumerate(where):
        spill.seek(offset)
        yield (b",\n" if i else b"") + spill.read(size)
    yield b"\n" + tail


def write_rejected(out_dir: Path, rejected: Iterable[Rejection]) -> Path:
    """``rejected.json``: the one writer, for full runs and for runs that stop before the outputs."""
    return write_atomic(Path(out_dir) / "rejected.json", dump_json(rejected_json(rejected)))
