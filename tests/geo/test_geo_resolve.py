"""Resolution: the seeds' places, ambiguous names resolved by context, honest fallback, imports."""

from __future__ import annotations

import shutil

import pytest

from sitrep.clean import clean_document
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.geoparse import article_places
from sitrep.geo.importer import import_geonames
from sitrep.geo.incident_place import resolve_extraction
from sitrep.geo.place_words import fold
from sitrep.geo.precision import km
from sitrep.geo.recognise import find_place_mentions
from sitrep.geo.resolve import resolve_mentions
from sitrep.models import load_spacy
from sitrep.records import ArticleExtraction, Document, IncidentMention, PlaceMention
from support.gazetteer import geonames_row

BOULKESSI = (14.5667, -1.9667)  # the point the test's own GeoNames file gives


@pytest.fixture(scope="module")
def imported(gazetteer_file, tmp_path_factory):
    """The default gazetteer plus a GeoNames-format Mali file that has Boulkessi and the Niger river."""
    d = tmp_path_factory.mktemp("imported")
    shutil.copy(gazetteer_file, d / "gaz.duckdb")
    (d / "ML.txt").write_text(
        geonames_row(9_100_001, "Boulkessi", *BOULKESSI, "P", "PPL", "ML", "04")
        + geonames_row(
            2_440_476, "Niger", 13.5, -4.2, "H", "STM", "ML", "00", "Niger River,River Niger,Joliba"
        ),
        encoding="utf-8",
    )
    import_geonames([d / "ML.txt"], d / "gaz.duckdb")
    return Gazetteer.open(d / "gaz.duckdb")


def seed_article(seed_texts, article_id):
    return clean_document(
        Document(input=f"{article_id}.txt", text=seed_texts[article_id], format="txt"), article_id
    )


def resolved(seed_texts, article_id, gazetteer):
    places = article_places(seed_article(seed_texts, article_id), gazetteer, load_spacy())
    return {m.text: m.resolved for m in places}


def resolve_text(text, gazetteer):
    ents = [(e.start_char, e.end_char, e.label_) for e in load_spacy()(text).ents]
    mentions = find_place_mentions(text, ents, gazetteer=gazetteer)
    return {
        m.text: loc
        for m in mentions
        for k, loc in resolve_mentions(mentions, text, gazetteer).items()
        if k == fold(m.text)
    }


@pytest.mark.parametrize("article_id", ["000_637d78b309cbb5dc", "003_a5aecea2bd63faf4"])
def test_seed_places_resolve(seed_texts, gaz, article_id):
    locs = resolved(seed_texts, article_id, gaz)
    if "Timbuktu" in locs:
        assert km(locs["Timbuktu"].lat, locs["Timbuktu"].lon, 16.77, -3.01) < 25
    djibo = locs["Djibo"]
    assert (
        djibo.country_code == "BF"
        and km(djibo.lat, djibo.lon, 14.10, -1.63) < 25
        and djibo.precision == "exact"
    )
    for name in ("Dosso", "Tahoua"):  # "the Tahoua region": Niger's divisions, not the Italian village
        assert locs[name].country_code == "NE" and locs[name].precision == "admin1"
        assert locs[name].geo_precision == 3 and locs[name].where_prec == 4
    assert locs["Mali"].country_code == "ML" and locs["Mali"].precision == "country"
    assert locs["Niger"].country_code == "NE" and locs["Burkina Faso"].country_code == "BF"


@pytest.mark.parametrize(
    "article_id,name",
    [
        ("000_637d78b309cbb5dc", "Boulkessi"),
        ("001_5fd46db9fb16ef00", "Boulkessi"),
        ("004_9b07b6954dd56870", "Boulikessi"),
    ],
)
def test_missing_village_keeps_its_name_and_falls_back_honestly(seed_texts, gaz, article_id, name):
    loc = resolved(seed_texts, article_id, gaz)[name]
    assert loc.name == name and loc.country_code == "ML"
    assert loc.precision in ("admin1", "country") and loc.geonameid is None
    assert "not in the gazetteer" in loc.reason and "Mali" in loc.reason
    assert loc.where_prec in (4, 6)


@pytest.mark.parametrize(
    "article_id,name", [("000_637d78b309cbb5dc", "Boulkessi"), ("004_9b07b6954dd56870", "Boulikessi")]
)
def test_imported_village_is_exact_including_a_spelling_variant(seed_texts, imported, article_id, name):
    loc = resolved(seed_texts, article_id, imported)[name]
    assert loc.name == "Boulkessi" and loc.precision == "exact" and loc.geonameid == 9_100_001
    assert (loc.lat, loc.lon) == BOULKESSI and loc.country_code == "ML" and loc.admin1 == "Mopti"
    assert loc.geo_precision == 1 and loc.where_prec == 1


@pytest.mark.parametrize(
    "text,name,cc,admin1,kind",
    [
        (
            "The festival was held in Paris, Texas, a small town near the Oklahoma line.",
            "Paris",
            "US",
            "Texas",
            "exact",
        ),
        (
            "Protesters marched through Paris on Saturday as French police fired tear gas.",
            "Paris",
            "FR",
            None,
            "exact",
        ),
        (
            "The suspect was arrested in Alexandria, Virginia, outside Washington.",
            "Alexandria",
            "US",
            "Virginia",
            "exact",
        ),
        (
            "Clashes broke out in Alexandria after Friday prayers, Egyptian security officials said.",
            "Alexandria",
            "EG",
            None,
            "exact",
        ),
        (
            "Police in Victoria said a man was shot dead in Melbourne's north on Sunday.",
            "Victoria",
            "AU",
            "Victoria",
            "admin1",
        ),
        ("Victoria, the capital of Seychelles, was calm after the vote.", "Victoria", "SC", None, "exact"),
        ("The ferry from Vancouver docked in Victoria, British Columbia.", "Victoria", "CA", None, "exact"),
        (
            "Russian troops remain in Georgia's breakaway region, officials in Tbilisi said.",
            "Georgia",
            "GE",
            None,
            "country",
        ),
        ("Severe storms hit Atlanta, Georgia, on Tuesday.", "Georgia", "US", "Georgia", "admin1"),
        (
            "Gunmen killed 12 soldiers in western Niger, the defence ministry in Niamey said.",
            "Niger",
            "NE",
            None,
            "country",
        ),
    ],
)
def test_ambiguous_names_resolve_by_context(gaz, text, name, cc, admin1, kind):
    loc = resolve_text(text, gaz)[name]
    assert (loc.country_code, loc.precision) == (cc, kind), loc
    if admin1:
        assert loc.admin1 == admin1


def test_niger_the_river_is_never_the_country(gaz, imported):
    text = "Fishermen were attacked on the Niger River near Gao, Mali."
    default = resolve_text(text, gaz)["Niger River"]
    assert default.country_code is None and default.precision == "unknown" and default.lat is None
    river = resolve_text(text, imported)["Niger River"]
    assert river.feature_class == "H" and river.geonameid == 2_440_476 and river.where_prec == 5
    assert resolve_text(text, gaz)["Gao"].country_code == "ML"


def test_resolve_extraction_sets_mention_locations(seed_texts, gaz):
    article = seed_article(seed_texts, "001_5fd46db9fb16ef00")
    raw = article.raw_text

    def place(name, cue=None, nth=0):
        start = raw.index(name) if not nth else raw.index(name, raw.index(name) + 1)
        return PlaceMention(
            text=name, span=(start, start + len(name)), cue=cue, context=raw[max(0, start - 60) : start + 60]
        )

    base = IncidentMention(
        mention_id="001#m1",
        article_id=article.article_id,
        places=[place("Boulkessi", "in"), place("Burkina Faso", "border")],
    )
    town = IncidentMention(
        mention_id="001#m2", article_id=article.article_id, places=[place("Timbuktu", "near")]
    )
    inside = IncidentMention(
        mention_id="001#m3", article_id=article.article_id, places=[place("Mali"), place("Boulkessi")]
    )
    first = IncidentMention(
        mention_id="001#m4", article_id=article.article_id, places=[place("Boulkessi"), place("Timbuktu")]
    )
    extraction = ArticleExtraction(
        article_id=article.article_id,
        mentions=[base, town, inside, first],
        places=[place("Mali"), place("Timbuktu")],
    )
    out = resolve_extraction(extraction, article, gaz)
    assert out.mentions[0].location.name == "Boulkessi" and out.mentions[0].location.country_code == "ML"
    assert out.mentions[0].places[1].resolved.country_code == "BF"
    assert out.mentions[1].location.precision == "near" and out.mentions[1].location.where_prec == 2
    assert out.places[1].resolved.precision == "exact"
    assert out.mentions[2].location.name == "Boulkessi"  # the place inside the country named first
    assert out.mentions[3].location.name == "Boulkessi"  # not the more precise but other Timbuktu
    assert all(p.resolved is not None for p in out.places)


@pytest.mark.parametrize(
    "text,name,cc,admin1,precision",
    [
        (
            "Dozens were killed in the village of Ogossagou in the Mopti region of central Mali.",
            "Ogossagou",
            "ML",
            "Mopti",
            "admin1",
        ),
        (
            "Gunmen killed 160 people in the village of Solhan in Burkina Faso's Sahel region.",
            "Solhan",
            "BF",
            "Sahel",
            "admin1",
        ),
        (
            "Gunmen killed 160 people in the village of Solhan in Burkina Faso's Sahel region.",
            "Sahel",
            "BF",
            "Sahel",
            "admin1",
        ),
        (
            "A group active in West Africa's Sahel region claimed the attack in Mali.",
            "Sahel",
            None,
            None,
            "unknown",
        ),
        (
            "Dozens were killed in the village of Ogossagou in Mali. Separately, the Kayes region was quiet.",
            "Ogossagou",
            "ML",
            None,
            "country",
        ),
    ],
)
def test_fallback_uses_the_smallest_unit_the_text_names(gaz, text, name, cc, admin1, precision):
    loc = resolve_text(text, gaz)[name]
    assert (loc.country_code, loc.admin1, loc.precision) == (cc, admin1, precision), loc
    if name in ("Ogossagou", "Solhan"):
        assert loc.name == name and loc.geonameid is None and loc.reason
