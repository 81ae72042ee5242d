"""Run the real product on articles written as dicts (JSONL input) and read back what a user reads."""

from __future__ import annotations

import json
from pathlib import Path

from sitrep.pipeline import run


def run_written(tmp_path: Path, docs: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """``sitrep.pipeline.run`` over ``docs`` (each with an ``id`` and a ``title``): the incidents
    of incidents.json and each doc's article id, found by its title in articles.json."""
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    run([src], out, db=tmp_path / "s.duckdb", report=False, formats=("json",))
    incidents = json.loads((out / "incidents.json").read_text())["incidents"]
    arts = json.loads((out / "articles.json").read_text())["articles"]
    ids = {d["id"]: next(a["article_id"] for a in arts if a.get("title") == d["title"]) for d in docs}
    return incidents, ids
