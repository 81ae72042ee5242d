"""Running the `sitrep` command as a user does, and fingerprints of files to prove them unchanged."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")
ARTICLE = "Gunmen attacked a market in the town on Monday, killing four traders, police said.\n"


def sitrep(*args, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-m", "sitrep.cli", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def digest(path: Path) -> str:
    """A hash of a file, or of every file under a folder (names and bytes)."""
    h = hashlib.sha256()
    for p in sorted([path] if path.is_file() else path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path.parent)).encode() + p.read_bytes())
    return h.hexdigest()


def make_articles(tmp_path: Path) -> Path:
    """A folder with one short article."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "market.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run_incidents(tmp_path: Path, articles: list[dict], gazetteer: Path, timeout: float = 600) -> list[dict]:
    """``sitrep run`` over articles given as JSON Lines rows; the incidents of its incidents.json."""
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = tmp_path / "out"
    done = sitrep(
        "run", docs, "--out", out, "--db", tmp_path / "db.duckdb", "--gazetteer", gazetteer, timeout=timeout
    )
    assert done.returncode == 0, done.stderr
    return json.loads((out / "incidents.json").read_text())["incidents"]
