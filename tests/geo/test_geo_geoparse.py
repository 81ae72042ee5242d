"""``geoparse_articles``: one row per place mention, raw offsets, country names included."""

from __future__ import annotations

import json

import pytest

from sitrep.clean import clean_document
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.geoparse import geoparse_articles
from sitrep.records import Document
from support.gazetteer import shared_gazetteer
from support.seed_places import SEED_PLACES

KEYS = {
    "article_id",
    "start",
    "end",
    "text",
    "name",
    "lat",
    "lon",
    "geonameid",
    "country_code",
    "admin1",
    "feature_class",
    "precision",
}


@pytest.fixture(scope="module")
def rows(seed_texts, tmp_path_factory):
    gaz = Gazetteer.open(shared_gazetteer(tmp_path_factory))
    articles = [
        clean_document(Document(input=f"{k}.txt", text=t, format="txt"), k) for k, t in seed_texts.items()
    ]
    return geoparse_articles(articles, gaz)


def test_every_seed_place_is_listed_with_raw_offsets(rows, seed_texts):
    for article_id, names in SEED_PLACES.items():
        mine = [r for r in rows if r["article_id"] == article_id]
        assert names <= {r["text"] for r in mine}
        for r in mine:
            assert seed_texts[article_id][r["start"] : r["end"]] == r["text"]
    assert all(set(r) >= KEYS for r in rows)
    json.dumps(rows)  # one JSON line each


def test_country_names_are_rows_with_country_precision(rows):
    countries = {
        (r["text"], r["country_code"], r["precision"])
        for r in rows
        if r["text"] in ("Mali", "Niger", "Burkina Faso")
    }
    assert countries == {
        ("Mali", "ML", "country"),
        ("Niger", "NE", "country"),
        ("Burkina Faso", "BF", "country"),
    }


def test_unresolved_mentions_keep_text_and_offsets(rows):
    sahel = [r for r in rows if r["text"] == "Sahel"]
    assert sahel and all(r["lat"] is None and r["lon"] is None and r["precision"] == "unknown" for r in sahel)
    assert all(r["start"] < r["end"] for r in sahel)
