"""Files that are not sitrep stores, for the tests that give them as --db (issue 19, kind 6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import duckdb


def _foreign(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    con.execute("INSERT INTO customers VALUES (1, 'Ada')")
    con.close()


def _newer(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('store_version', '999')")
    con.close()


def _sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (body TEXT)")
    con.commit()
    con.close()


def _text(path: Path) -> None:
    path.write_text("not a database at all\n", encoding="utf-8")
