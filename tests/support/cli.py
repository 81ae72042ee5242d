"""Running the `sitrep` command as a user does, and fingerprints of files to prove them unchanged."""

from __future__ import annotations

import hashlib
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
