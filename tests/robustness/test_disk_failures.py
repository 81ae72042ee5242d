"""A read-only or full disk: a clear message, a non-zero exit, and the store as it was (issue 8).

Each test runs sitrep inside a private mount namespace (``unshare -rm``) on a tiny tmpfs, so the
disk really is read-only or really fills up; nothing is mocked."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from support.corpus import write_corpus


def _can_mount() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _can_mount(), reason="needs unshare and tmpfs mounts")


def _in_namespace(script: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["unshare", "-rm", "bash", "-c", script], capture_output=True, text=True, timeout=timeout
    )


def _count(db: Path) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def _seed_store(tmp_path: Path, seeds_dir: Path) -> Path:
    base = tmp_path / "base"
    subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "ingest", str(seeds_dir / "articles"), "--out", str(base), "-q"],
        check=True,
        timeout=300,
    )
    return base / "sitrep.duckdb"


def test_read_only_disk(tmp_path, seeds_dir):
    db = _seed_store(tmp_path, seeds_dir)
    mnt, corpus = tmp_path / "mnt", tmp_path / "corpus"
    mnt.mkdir()
    write_corpus(corpus, 20)
    script = f"""
        mount -t tmpfs -o size=64m tmpfs {mnt} && cp {db} {mnt}/s.duckdb &&
        mount -o remount,ro {mnt} &&
        {sys.executable} -m sitrep.cli run {corpus} --out {tmp_path / "o"} --db {mnt}/s.duckdb -q;
        echo "rc=$?"; cp {mnt}/s.duckdb {tmp_path}/after.duckdb
    """
    res = _in_namespace(script)
    assert "rc=4" in res.stdout, res.stderr
    assert "read-only" in res.stderr.lower() or "cannot" in res.stderr.lower()
    assert _count(tmp_path / "after.duckdb") == 5


def test_full_disk(tmp_path, seeds_dir):
    db = _seed_store(tmp_path, seeds_dir)
    size_kb = db.stat().st_size // 1024 + 400  # room for a little, not for 2,000 articles
    mnt, corpus = tmp_path / "mnt", tmp_path / "corpus"
    mnt.mkdir()
    write_corpus(corpus, 2000)
    script = f"""
        mount -t tmpfs -o size={size_kb}k tmpfs {mnt} && cp {db} {mnt}/s.duckdb &&
        {sys.executable} -m sitrep.cli ingest {corpus} --out {tmp_path / "o"} --db {mnt}/s.duckdb -q;
        echo "rc=$?"; cp {mnt}/s.duckdb* {tmp_path}/ 2>/dev/null; ls {tmp_path}
    """
    res = _in_namespace(script)
    assert "rc=0" not in res.stdout, "the disk did not fill up: make the corpus larger"
    assert "rc=4" in res.stdout, res.stderr
    assert "disk is full" in res.stderr or "space" in res.stderr.lower()
    after = _count(tmp_path / "s.duckdb")  # opens (replaying any WAL) and is consistent
    assert 5 <= after < 2005
