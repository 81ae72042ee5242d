"""The manifest: a CSV or JSONL file that overrides what readers found (id, outlet, date...)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Optional

from pydantic import BaseModel, Field

from sitrep.records import Document

FIELDS = ("article_id", "outlet", "published", "url", "title")


class Manifest(BaseModel):
    """Rows keyed by the resolved path of their ``file`` (relative to the manifest)."""

    rows: dict[str, dict] = Field(default_factory=dict)
    by_id: dict[str, dict] = Field(default_factory=dict)
    path: Optional[str] = None  # the manifest file itself (resolved), so a folder walk skips it

    def row_for(self, doc: Document, path: Optional[Path] = None) -> Optional[dict]:
        """The row for ``doc``: by its file (single-record inputs), else by its article id."""
        by_id = self.by_id.get(doc.article_id) if doc.article_id else None
        if "#" in doc.input:  # one record of a JSONL/feed/WARC file: a file row would fit every record
            return by_id
        try:
            key = str(Path(path if path is not None else doc.input).resolve())
        except (OSError, ValueError):
            key = doc.input
        return self.rows.get(key) or by_id

    def apply(self, doc: Document, path: Optional[Path] = None) -> Document:
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


def load_manifest(path: str | Path) -> Manifest:
    """Read a CSV or JSONL manifest.  ``load_manifest("examples/seeds/manifest.csv").by_id["000_637d78b309cbb5dc"]``"""
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        records = [json.loads(line) for line in text.splitlines() if line.strip()]
    else:
        records = list(csv.DictReader(io.StringIO(text)))  # StringIO keeps quoted newlines intact
    manifest = Manifest(path=str(path.resolve()))
    for rec in records:
        row = {k: (str(v).strip() if v is not None else "") for k, v in rec.items() if k}
        if row.get("file"):
            manifest.rows[str((path.parent / row["file"]).resolve())] = row
        if row.get("article_id"):
            manifest.by_id[row["article_id"]] = row
    return manifest
