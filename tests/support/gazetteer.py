"""One default gazetteer per test session, and GeoNames dump rows for import tests."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

from sitrep.geo.gazetteer import Gazetteer, build_default, default_path, prepare


def _valid(path: Path) -> bool:
    try:
        g = Gazetteer(path)
        ok = g.stats()["places"] > 200_000
        g.close()
        return ok
    except Exception:
        return False


def shared_gazetteer(tmp_path_factory) -> Path:
    """One default gazetteer per test session (shared by xdist workers), in a tmp folder.

    The build takes ~30 s; when this machine already has the user cache, a copy of it stands in.
    """
    root = tmp_path_factory.getbasetemp()
    root = root.parent if root.name.startswith("popen-gw") else root
    path = root / "geo-default.duckdb"
    with open(root / "geo-default.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            cached = default_path()
            if cached.exists() and _valid(cached):
                shutil.copy(cached, path)
                prepare(path)  # rebuilt when the cache is of an older format
            else:
                build_default(path)
    return path


def geonames_row(gid, name, lat, lon, fclass, fcode, cc, admin1, alternates="", pop=0, admin2=""):
    """One line of a GeoNames dump (19 tab-separated columns)."""
    cols = [
        gid,
        name,
        name,
        alternates,
        lat,
        lon,
        fclass,
        fcode,
        cc,
        "",
        admin1,
        admin2,
        "",
        "",
        pop,
        "",
        "",
        "Africa/Bamako",
        "2024-01-01",
    ]
    return "\t".join(str(c) for c in cols) + "\n"
