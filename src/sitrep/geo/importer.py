"""Import official GeoNames dumps and user CSVs into the gazetteer (imported places take precedence).

Takes ``allCountries.zip``, a country file (``ML.zip`` / ``ML.txt``), ``cities500.zip``,
``admin1CodesASCII.txt``, ``alternateNamesV2.zip`` and a user CSV
(``name,lat,lon,country_code,admin1,feature_class,alternate_names``). Importing the same file again
changes nothing. DuckDB reads the tab-separated dumps itself, so the full dump imports in minutes.

    >>> stats = import_geonames([Path("ML.zip"), Path("admin1CodesASCII.txt")], "gaz.duckdb")
    >>> sorted(stats)    # rows read per kind, and the gazetteer's totals after the import
    ['admin1', 'alternate_names', 'files', 'names', 'places', 'rejected_rows', 'total_places', 'user']
"""

from __future__ import annotations

import csv
import math
import shutil
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path

import duckdb

from sitrep.geo.gazetteer import (
    SKIP_LANGS,
    TABLES,
    build_default,
    close_open,
    connect,
    default_path,
    new_content_id,
    prepare,
)

MAIN_COLS = [
    "gid",
    "name",
    "asciiname",
    "alternatenames",
    "lat",
    "lon",
    "fclass",
    "fcode",
    "cc",
    "cc2",
    "admin1",
    "admin2",
    "admin3",
    "admin4",
    "pop",
    "elevation",
    "dem",
    "timezone",
    "modified",
]
ALT_COLS = ["alt_id", "gid", "lang", "name", "preferred", "short", "colloquial", "historic", "from_", "to_"]


def unpack(path: Path, tmp: Path) -> list[tuple[str, Path]]:
    """``(name, file)`` for the data files inside ``path`` (a .zip is extracted, its readme skipped).

    A member is written under a name of our own: its name in the archive is outside text (it may
    hold quotes, slashes or ``..``) and only ever shown, never used as a path or in SQL.
    """
    if path.suffix.lower() != ".zip":
        return [(path.name, path)]
    out = []
    with zipfile.ZipFile(path) as zf:
        for i, info in enumerate(zf.infolist()):
            if info.filename.lower().endswith(".txt") and "readme" not in info.filename.lower():
                dest = tmp / f"member-{i}.txt"
                with zf.open(info) as src, dest.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
                out.append((info.filename, dest))
    return out


def check_regular(path: Path) -> None:
    """Refuse devices, pipes and folders: /dev/zero would be read until memory runs out, a FIFO hangs."""
    try:
        st = path.stat()
    except OSError as exc:
        raise ValueError(f"{path}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(f"{path} is not a regular file (a folder, device or pipe)")


def kind_of(path: Path, name: str = "") -> str:
    """main | admin1 | alternate | user, from the file's first line."""
    with path.open(encoding="utf-8", errors="replace") as fh:
        first = fh.readline().rstrip("\n\r")
    cols = first.split("\t")
    if first.lower().startswith("name,") or "," in first and "lat" in first.lower() and len(cols) == 1:
        return "user"
    if len(cols) == 4 and "." in cols[0]:
        return "admin1"
    if len(cols) >= 19:
        return "main"
    if len(cols) in (4, 8, 10) and cols[0].isdigit() and cols[1].isdigit():
        return "alternate"
    raise ValueError(
        f"{name or path.name}: not a GeoNames dump, admin1 codes, alternate names or user CSV file"
    )


def read_tsv(cols: list[str]) -> str:
    """A read_csv expression over the file given as the statement's first parameter (``?``): a
    file name is never pasted into SQL text."""
    spec = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in cols) + "}"  # our own column names
    return (
        "read_csv(?, delim='\\t', header=false, quote='', escape='', "
        f"null_padding=true, ignore_errors=true, columns={spec})"
    )


# Why a row of a dump is refused; the rest of the file is imported.
BAD_ROW = """CASE
    WHEN try_cast(gid AS BIGINT) IS NULL THEN 'the id ' || coalesce(gid, 'NULL') || ' is not a number'
    WHEN try_cast(lat AS DOUBLE) IS NULL OR NOT isfinite(try_cast(lat AS DOUBLE))
         OR abs(try_cast(lat AS DOUBLE)) > 90 THEN 'the latitude ' || coalesce(lat, 'NULL') || ' is not a number within -90..90'
    WHEN try_cast(lon AS DOUBLE) IS NULL OR NOT isfinite(try_cast(lon AS DOUBLE))
         OR abs(try_cast(lon AS DOUBLE)) > 180 THEN 'the longitude ' || coalesce(lon, 'NULL') || ' is not a number within -180..180'
    END"""
MAX_REASONS = 20  # rejected rows named in the stats; the rest are counted


def import_main(con, path: Path, src: str = "import", rejected: list | None = None) -> int:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE stage AS SELECT *, {BAD_ROW} AS bad FROM {read_tsv(MAIN_COLS)} "
        "WHERE coalesce(gid, '') <> ''",
        [path.as_posix()],
    )
    _note_bad(con, "stage", path, rejected)
    con.execute("DELETE FROM stage WHERE bad IS NOT NULL")
    con.execute("DELETE FROM places WHERE gid IN (SELECT gid::BIGINT FROM stage)")
    con.execute("DELETE FROM names WHERE kind IN ('name', 'alt') AND gid IN (SELECT gid::BIGINT FROM stage)")
    con.execute(
        """INSERT INTO places SELECT gid::BIGINT, name, lat::DOUBLE, lon::DOUBLE, fclass, nullif(fcode, ''),
        cc, nullif(admin1, ''), nullif(admin2, ''), coalesce(try_cast(pop AS BIGINT), 0), ? FROM stage""",
        [src],
    )
    con.execute("""INSERT INTO names SELECT DISTINCT hash(k), k, gid, kind FROM (
        SELECT norm(name) k, gid::BIGINT gid, 'name' kind FROM stage
        UNION ALL SELECT norm(asciiname), gid::BIGINT, 'name' FROM stage
        UNION ALL SELECT norm(unnest(string_split(alternatenames, ','))), gid::BIGINT, 'alt' FROM stage
            WHERE alternatenames <> '') WHERE length(k) >= 2""")
    # a real first-level division replaces the one derived from place names
    con.execute("""DELETE FROM places p WHERE p.src = 'default' AND p.fcode = 'ADM1' AND EXISTS (SELECT 1 FROM places q
        WHERE q.src <> 'default' AND q.fcode = 'ADM1' AND q.cc = p.cc AND q.admin1 = p.admin1)""")
    return con.execute("SELECT count(*) FROM stage").fetchone()[0]


def _note_bad(con, table: str, path: Path, rejected: list | None) -> None:
    """Add the refused rows of ``table`` (its ``bad`` column) to ``rejected``, the first few by name."""
    if rejected is None:
        return
    for gid, why in con.execute(
        f"SELECT gid, bad FROM {table} WHERE bad IS NOT NULL LIMIT ?", [MAX_REASONS]
    ).fetchall():
        rejected.append(f"{path.name}: place {gid}: {why}")
    n = con.execute(f"SELECT count(*) FROM {table} WHERE bad IS NOT NULL").fetchone()[0]
    if n > MAX_REASONS:
        rejected.append(f"{path.name}: {n - MAX_REASONS} more row(s) refused for the same kinds of reason")


def import_admin1(con, path: Path) -> int:
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE a1 AS SELECT split_part(code, '.', 1) cc, split_part(code, '.', 2) "
        f"admin1, name, asciiname, try_cast(gid AS BIGINT) gid FROM {read_tsv(['code', 'name', 'asciiname', 'gid'])}",
        [path.as_posix()],
    )
    con.execute("DELETE FROM a1 WHERE gid IS NULL")
    # a division with no point yet takes the one derived from its places (or stays without)
    # the shipped division (its point, its population) gives way to the imported row of the same code
    con.execute("""CREATE OR REPLACE TEMP TABLE d AS SELECT p.* FROM places p SEMI JOIN a1
        ON p.cc = a1.cc AND p.admin1 = a1.admin1 WHERE p.fcode = 'ADM1' AND p.src = 'default'""")
    con.execute(
        "DELETE FROM places p WHERE p.fcode = 'ADM1' AND p.src = 'default' AND p.gid IN (SELECT gid FROM d)"
    )
    con.execute("""INSERT INTO places SELECT a1.gid, a1.name, d.lat, d.lon, 'A', 'ADM1', a1.cc, a1.admin1, NULL,
        coalesce(d.pop, 0), 'import' FROM a1 LEFT JOIN d
        ON d.cc = a1.cc AND d.admin1 = a1.admin1 WHERE a1.gid NOT IN (SELECT gid FROM places)""")
    con.execute("""INSERT INTO names SELECT DISTINCT hash(k), k, gid, 'name' FROM (SELECT norm(name) k, gid FROM a1 UNION ALL
        SELECT norm(asciiname), gid FROM a1) a WHERE length(k) >= 2
        AND NOT EXISTS (SELECT 1 FROM names n WHERE n.key = a.k AND n.gid = a.gid)""")
    con.execute("""DELETE FROM places p WHERE p.gid < 0 AND p.fcode = 'ADM1' AND EXISTS (SELECT 1 FROM a1
        WHERE a1.cc = p.cc AND a1.admin1 = p.admin1)""")
    return con.execute("SELECT count(*) FROM a1").fetchone()[0]


def import_alternates(con, path: Path) -> int:
    skip = ", ".join(f"'{s}'" for s in SKIP_LANGS)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE alt AS SELECT DISTINCT norm(name) k, try_cast(gid AS BIGINT) gid
        FROM {read_tsv(ALT_COLS)} WHERE coalesce(lang, '') NOT IN ({skip}) AND coalesce(historic, '') <> '1'
        AND try_cast(gid AS BIGINT) IS NOT NULL""",
        [path.as_posix()],
    )
    con.execute("""INSERT INTO names SELECT hash(a.k), a.k, a.gid, 'altfile' FROM alt a SEMI JOIN places p ON p.gid = a.gid
        WHERE length(a.k) >= 2 AND NOT EXISTS (SELECT 1 FROM names n WHERE n.key = a.k AND n.gid = a.gid)""")
    return con.execute("SELECT count(*) FROM alt").fetchone()[0]


def import_user(con, path: Path, tmp: Path, rejected: list | None = None) -> int:
    """A user CSV becomes a small GeoNames-format file (stable ids from the row), then imports as one."""
    out = tmp / f"user-{len(list(tmp.iterdir()))}.txt"
    admin1_codes = {
        (cc, n.lower()): a
        for cc, a, n in con.execute("SELECT cc, admin1, name FROM places WHERE fcode = 'ADM1'").fetchall()
    }
    n = 0
    with path.open(encoding="utf-8-sig", newline="") as fh, out.open("w", encoding="utf-8") as dst:
        for line, row in enumerate(csv.DictReader(fh), 2):
            name, cc = (row.get("name") or "").strip(), (row.get("country_code") or "").strip().upper()
            if not name or not row.get("lat") or not row.get("lon"):
                continue
            why = _bad_point(row["lat"], row["lon"])
            if why:
                if rejected is not None and len(rejected) < MAX_REASONS:
                    rejected.append(f"{path.name} line {line}: {why}")
                continue
            a1 = (row.get("admin1") or "").strip()
            a1 = admin1_codes.get((cc, a1.lower()), a1)
            alts = ",".join(
                a.strip()
                for a in (row.get("alternate_names") or "").replace("|", ";").split(";")
                if a.strip()
            )
            gid = -(10**10 + zlib.crc32(f"{name}|{cc}|{row['lat']}|{row['lon']}".encode()))
            fclass = (row.get("feature_class") or "P").strip() or "P"
            cols = [
                str(gid),
                name,
                name,
                alts,
                row["lat"],
                row["lon"],
                fclass,
                "",
                cc,
                "",
                a1,
                "",
                "",
                "",
                "0",
                "",
                "",
                "",
                "",
            ]
            dst.write("\t".join(c.replace("\t", " ") for c in cols) + "\n")
            n += 1
    if n:
        import_main(con, out, src="user")
    return n


def _bad_point(lat: str, lon: str) -> str | None:
    """Why a CSV row's coordinates are refused, or None."""
    for label, text, limit in (("latitude", lat, 90), ("longitude", lon, 180)):
        try:
            value = float(text)
        except ValueError:
            return f"the {label} {text!r} is not a number"
        if not math.isfinite(value) or abs(value) > limit:
            return f"the {label} {text!r} is not within -{limit}..{limit}"
    return None


def import_geonames(files: list[Path], path: str | Path | None = None) -> dict:
    """Import GeoNames dumps / user CSVs into the gazetteer at ``path``; returns counts per kind."""
    path = Path(path) if path else default_path()
    files = [Path(f) for f in files]
    for f in files:  # before anything is built or opened
        check_regular(f)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build_default(path)
    stats = {"places": 0, "admin1": 0, "alternate_names": 0, "user": 0, "files": []}
    close_open(path)  # DuckDB will not open one file read-only and read-write in one process
    prepare(path)  # builds or migrates an old file first
    con = connect(path, read_only=False)
    con.execute(TABLES)
    rejected: list[str] = []
    try:
        # one transaction: a file that fails half-way leaves the gazetteer as it was
        con.execute("BEGIN TRANSACTION")
        with tempfile.TemporaryDirectory(prefix="sitrep-geonames-") as tmpdir:
            tmp = Path(tmpdir)
            for f in files:
                for name, part in unpack(f, tmp):
                    kind = kind_of(part, name)
                    if kind == "main":
                        stats["places"] += import_main(con, part, rejected=rejected)
                    elif kind == "admin1":
                        stats["admin1"] += import_admin1(con, part)
                    elif kind == "alternate":
                        stats["alternate_names"] += import_alternates(con, part)
                    else:
                        stats["user"] += import_user(con, part, tmp, rejected)
                    stats["files"].append(f"{f.name}:{name}:{kind}")
        # new content, new identity: extractions cached against the old one are redone
        con.execute("DELETE FROM meta WHERE k = 'content_id'")
        con.execute("INSERT INTO meta VALUES ('content_id', ?)", [new_content_id()])
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        stats["total_places"], stats["names"] = con.execute(
            "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names)"
        ).fetchone()
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise
    finally:
        con.close()
    stats["rejected_rows"] = rejected
    return stats
