"""The toll an article's sentences give, read by the product's one toll function (shared by the
figure tests)."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

from sitrep.extract.figures import find_claims
from sitrep.extract.toll import article_toll
from support.cli import sitrep


def toll_of(nlp, text: str) -> tuple[int, int]:
    """(killed, wounded) best figures of ``text`` parsed by ``nlp``; 0 where none is told."""
    doc = nlp(text)
    toll = article_toll([c for s in doc.sents for c in find_claims(s)])
    return tuple((toll.get(k) or (0, 0, 0))[1] or 0 for k in ("killed", "wounded"))


def run_tolls(tmp: Path, articles: list[tuple[str, str]], gazetteer_file: Path) -> dict[str, tuple[int, int]]:
    """One ``sitrep run`` over ``articles`` ((text, title) each; "" for no title), ids a0, a1, ...
    in the manifest; per article, the incident citing it with the most of its claims, read as
    (killed, injured) the way ``score.py gvdb`` reads them."""
    (tmp / "articles").mkdir()
    with (tmp / "m.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["article_id", "file", "outlet", "published", "title"])
        for n, (text, title) in enumerate(articles):
            (tmp / "articles" / f"a{n}.txt").write_text(text + "\n", encoding="utf-8")
            out.writerow([f"a{n}", f"articles/a{n}.txt", "Local News", f"2024-0{1 + n % 9}-1{n % 9}", title])
    os.environ["SITREP_GAZETTEER"] = str(gazetteer_file)
    try:
        done = sitrep(
            "run",
            tmp / "articles",
            "--meta",
            tmp / "m.csv",
            "--out",
            tmp / "out",
            "--db",
            tmp / "db.duckdb",
            timeout=600,
        )
    finally:
        os.environ.pop("SITREP_GAZETTEER", None)
    assert done.returncode == 0, done.stderr[-2000:]
    incidents = json.loads((tmp / "out" / "incidents.json").read_text())["incidents"]
    return {f"a{n}": _incident_toll(incidents, f"a{n}") for n in range(len(articles))}


def _incident_toll(incidents: list[dict], aid: str) -> tuple[int, int]:
    def own(inc: dict) -> int:
        return sum(c["article_id"] == aid for key in ("fatalities", "wounded") for c in inc[key]["claims"])

    inc = max((i for i in incidents if aid in i["articles"]), key=own)
    return tuple(
        (inc[key]["best"] if inc[key]["best"] is not None else inc[key]["low"]) or 0
        for key in ("fatalities", "wounded")
    )
