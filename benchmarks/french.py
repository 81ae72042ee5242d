"""Benchmark: `sitrep run` on the French held-out pages, scored against labels written by hand.

    python benchmarks/french.py [tests/data/french_heldout.json] [--out /tmp/x] [--errors]

The labelled file holds, for each page, its URL, the text excerpt and the incidents an analyst
codes from it (written before sitrep ran). The pages are written to a JSONL file, run through
``sitrep run`` on a fresh store as a user runs it, and each labelled incident is matched to the
output incident of its page whose place name or killed figure agrees (or to the page's only
incident when the label has neither). Scored per labelled incident:

- found: a matching incident exists;
- type: its ACLED event type is the label's;
- killed: its fatalities low or best is the labelled figure (or one of ``killed_also``; "plus de N"
  labels accept N+1, the low the reader gives "more than N");
- date: its start date is the labelled day (labels with no scorable date are skipped);
- place: its location name folds (accents, case) to the labelled place or ``places_also``.

A label that is not found counts as wrong for every field it has.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "data" / "french_heldout.json"
FIELDS = ("found", "type", "killed", "date", "place")


def fold(text: str | None) -> str:
    nfd = unicodedata.normalize("NFD", text or "")
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn").lower().replace(" ", "-")


def same_place(name: str | None, label: dict) -> bool:
    wanted = [label["place"], *label.get("places_also", [])]
    return any(name and fuzz.ratio(fold(name), fold(w)) >= 85 for w in wanted if w)


def killed_ok(incident: dict, label: dict) -> bool:
    fig = incident.get("fatalities") or {}
    got = {fig.get("low"), fig.get("best")}
    wanted = {label["killed"], *label.get("killed_also", [])}
    if label.get("qualifier") == "more_than":
        wanted.add(label["killed"] + 1)
    return bool(got & wanted)


def names(incident: dict) -> list[str]:
    loc = incident.get("location") or {}
    return [n for n in [loc.get("name")] if n]


def match(label: dict, candidates: list[dict]) -> dict | None:
    if label["place"]:
        hit = next((i for i in candidates if any(same_place(n, label) for n in names(i))), None)
        if hit:
            return hit
    if label["killed"] is not None:
        hit = next((i for i in candidates if killed_ok(i, label)), None)
        if hit:
            return hit
    if len(candidates) == 1 and not label["place"]:
        return candidates[0]
    return None


def score(labelled: dict, incidents: list[dict], show: bool) -> dict[str, list[int]]:
    tot = {k: [0, 0] for k in FIELDS}
    for page in labelled["pages"]:
        cands = [i for i in incidents if page["id"] in i.get("articles", [])]
        for label in page["incidents"]:
            m = match(label, cands)
            checks = {"found": m is not None}
            checks["type"] = m is not None and m["event_type"] == label["event_type"]
            if label["killed"] is not None:
                checks["killed"] = m is not None and killed_ok(m, label)
            if label["date"]:
                checks["date"] = m is not None and (m.get("date") or {}).get("start") == label["date"]
            if label["place"]:
                checks["place"] = m is not None and same_place((m.get("location") or {}).get("name"), label)
            for k, ok in checks.items():
                tot[k][0] += ok
                tot[k][1] += 1
            if show:
                got = [describe(i) for i in ([m] if m else cands)]
                bad = [k for k, ok in checks.items() if not ok]
                print(page["id"], label["place"], label["killed"], "OK" if not bad else f"WRONG {bad}", got)
    return tot


def describe(i: dict) -> tuple:
    fig = i.get("fatalities") or {}
    return (
        (i.get("location") or {}).get("name"),
        i["event_type"],
        fig.get("low"),
        (i.get("date") or {}).get("start"),
    )


def run(labelled: dict, out: Path) -> list[dict]:
    out.mkdir(parents=True, exist_ok=True)
    docs = out / "pages.jsonl"
    with docs.open("w", encoding="utf-8") as f:
        for p in labelled["pages"]:
            rec = {"id": p["id"], "text": p["text"], "url": p["url"], "published": p["published"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = out / "store.duckdb"
    db.unlink(missing_ok=True)
    cmd = ["sitrep", "run", str(docs), "--out", str(out / "run"), "--db", str(db)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    data = json.loads((out / "run" / "incidents.json").read_text(encoding="utf-8"))
    return data["incidents"] if isinstance(data, dict) else data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(DEFAULT))
    ap.add_argument("--out", help="folder for the run (default: a temporary folder)")
    ap.add_argument("--errors", action="store_true", help="print every labelled incident")
    args = ap.parse_args(argv)
    labelled = json.loads(Path(args.labels).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        incidents = run(labelled, Path(args.out or tmp))
        tot = score(labelled, incidents, args.errors)
    for k, (a, b) in tot.items():
        print(f"{k}: {a}/{b} = {a / b:.2f}" if b else f"{k}: -")
    return 0


if __name__ == "__main__":
    sys.exit(main())
