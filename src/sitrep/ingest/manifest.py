"""The manifest: a CSV or JSONL file that overrides what readers found (id, outlet, date...)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pydantic import BaseModel, Field

from sitrep.errors import BadArguments
from sitrep.guard import check_regular
from sitrep.ingest.decoding import decode_bytes
from sitrep.records import Document

FIELDS = ("article_id", "outlet", "published", "url", "title")


class Manifest(BaseModel):
    """Rows keyed by the resolved path of their ``file`` (relative to the manifest)."""

    rows: dict[str, dict] = Field(default_factory=dict)
    by_id: dict[str, dict] = Field(default_factory=dict)
    path: str | None = None  # the manifest file itself (resolved), so a folder walk skips it

    def row_for(self, doc: Document, path: Path | None = None) -> dict | None:
        """The row for ``doc``: by its file (single-record inputs), else by its article id."""
        by_id = self.by_id.get(doc.article_id) if doc.article_id else None
        if "#" in doc.input:  # one record of a JSONL/feed/WARC file: a file row would fit every record
            return by_id
        try:
            key = str(Path(path if path is not None else doc.input).resolve())
        except (OSError, ValueError):
            key = doc.input
        return self.rows.get(key) or by_id

    def apply(self, doc: Document, path: Path | None = None) -> Document:
        """A copy of ``doc`` with the manifest's non-empty values taking precedence.

        >>> load_manifest("examples/seeds/manifest.csv").apply(doc).outlet  # doctest: +SKIP
        'Reuters'
        """
        row = self.row_for(doc, path)
        if not row:
            return doc
        updates: dict = {k: row[k] for k in FIELDS if row.get(k)}
        updates["from_manifest"] = sorted(set(doc.from_manifest) | set(updates))
        return doc.model_copy(update=updates)


def _json_array(text: str, path: Path) -> list:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BadArguments(f"The manifest {path} is not valid JSON: {exc}.") from exc


def _json_row(line: str, n: int, path: Path) -> dict:
    try:
        row = json.loads(line)
    except ValueError as exc:
        raise BadArguments(f"Line {n} of the manifest {path} is not JSON: {exc}.") from exc
    return _object(row, n, path)


def _object(row, n: int, path: Path) -> dict:
    if not isinstance(row, dict):
        raise BadArguments(f"Row {n} of the manifest {path} is not a JSON object.")
    return row


def load_manifest(path: str | Path) -> Manifest:
    """Read a CSV or JSONL manifest.  ``load_manifest("examples/seeds/manifest.csv").by_id["000_637d78b309cbb5dc"]``"""
    path = Path(path)
    check_regular(path, "manifest")  # /dev/zero or a FIFO would never end
    try:
        text = decode_bytes(path.read_bytes()).text  # spreadsheets often save cp1252
    except OSError as exc:
        raise BadArguments(f"Cannot read the manifest {path}: {exc.strerror or exc}.") from exc
    except ValueError as exc:  # binary or undecodable
        raise BadArguments(f"The manifest {path} is not a text file: {exc}") from exc
    if path.suffix.lower() == ".json" and text.lstrip().startswith("["):  # one JSON array of rows
        records = [_object(r, n, path) for n, r in enumerate(_json_array(text, path), 1)]
    elif path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records = [_json_row(line, n, path) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    else:
        try:
            records = list(csv.DictReader(io.StringIO(text)))  # StringIO keeps quoted newlines intact
        except csv.Error as exc:
            raise BadArguments(f"The manifest {path} is not a readable CSV file: {exc}.") from exc
    manifest = Manifest(path=str(path.resolve()))
    for rec in records:
        row = {k: (str(v).strip() if v is not None else "") for k, v in rec.items() if k}
        if row.get("file"):
            manifest.rows[str((path.parent / row["file"]).resolve())] = row
        if row.get("article_id"):
            manifest.by_id[row["article_id"]] = row
    return manifest
