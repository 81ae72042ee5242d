"""Reuse across languages: a French translation of an English story is traced to it as
``translation``, with aligned sentence pairs; an independent French report of the same attack and
an English report of another attack are not."""

from __future__ import annotations

import pytest

from sitrep.reuse import MemoryEmbeddingCache, build_lineage, find_reuse
from support.translation import INDEPENDENT, OTHER_ATTACK, TRANSLATION, WIRE, article


def lines(text: str) -> list[str]:
    return text.split("\n")


# A looser French version: the headline dropped, the last sentence dropped, two sentences merged.
_FR = lines(TRANSLATION)
CONDENSED = "\n".join([_FR[1], _FR[2].rstrip(".") + " ; " + _FR[3][0].lower() + _FR[3][1:], *_FR[4:6]])


@pytest.fixture(scope="module")
def cache() -> MemoryEmbeddingCache:
    return MemoryEmbeddingCache(model="use-multilingual-v3")


def edges_of(arts, cache):
    return find_reuse(arts, [], cross_embeddings=cache)


def between(edges, a, b):
    found = [e for e in edges if {e.source, e.derived} == {a, b}]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize(
    "wire_meta, fr_meta, source",
    [
        # the English wire came first: it is the original
        ({"outlet": "Reuters", "published": "2024-03-12"}, {"published": "2024-03-13"}, "en"),
        # no date, no outlet: the English article is read as the original
        ({}, {}, "en"),
        # the French text came out a day earlier from a wire: the English one translates it
        ({"published": "2024-03-13"}, {"outlet": "AFP", "published": "2024-03-12"}, "fr"),
    ],
)
def test_translation_is_traced_with_aligned_pairs(wire_meta, fr_meta, source, cache):
    en, fr = article("en", WIRE, **wire_meta), article("fr", TRANSLATION, **fr_meta)
    edges = edges_of([en, fr], cache)
    e = between(edges, "en", "fr")
    assert e is not None and e.kind == "translation"
    assert e.source == source and e.derived == ({"en", "fr"} - {source}).pop()
    assert e.coverage >= 0.8
    assert len(e.aligned) >= 5
    texts = {"en": en.raw_text, "fr": fr.raw_text}
    for p in e.aligned:  # raw spans point at the sentences, one in each language
        assert texts[e.source][slice(*p.source_span)] == p.source_text
        assert texts[e.derived][slice(*p.derived_span)] == p.derived_text
    pairs = {p.source_text[:40]: p.derived_text[:40] for p in e.aligned}
    en_lead = next(t for t in (pairs if source == "en" else pairs.values()) if "killed 17" in t)
    fr_lead = pairs[en_lead] if source == "en" else next(k for k, v in pairs.items() if v == en_lead)
    assert fr_lead.startswith("Des jihadistes ont tué 17 soldats")
    lineage = build_lineage([en, fr], edges)
    derived = e.derived
    assert lineage[derived].origin == source and lineage[derived].independent_group == source


def test_condensed_translation_is_traced(cache):
    en, fr = article("en", WIRE), article("fr", CONDENSED)
    e = between(edges_of([en, fr], cache), "en", "fr")
    assert e is not None and (e.source, e.derived, e.kind) == ("en", "fr", "translation")
    # the merged French sentence is aligned to the two English sentences it joins
    merged = [p for p in e.aligned if "incendié" in p.derived_text]
    assert merged and "four hours" in merged[0].source_text and "set fire" in merged[0].source_text


@pytest.mark.parametrize(
    "texts",
    [
        # an independent AFP-style French report of the same attack: its own figures and sources
        {"en": (WIRE, "en"), "fr": (INDEPENDENT, "fr")},
        # the French translation and an English report of another attack the same day
        {"other": (OTHER_ATTACK, "en"), "fr": (TRANSLATION, "fr")},
        # the independent report and the translation: two French texts, one story each
        {"tr": (TRANSLATION, "fr"), "ind": (INDEPENDENT, "fr")},
    ],
)
def test_reports_that_are_not_translations_stay_apart(texts, cache):
    arts = [article(aid, text, published="2024-03-12") for aid, (text, _) in texts.items()]
    assert [a.language for a in arts] == [lang for _, lang in texts.values()]
    assert edges_of(arts, cache) == []


def test_all_four_together(cache):
    arts = [
        article("wire", WIRE, outlet="Reuters", published="2024-03-12"),
        article("tr", TRANSLATION, published="2024-03-13"),
        article("ind", INDEPENDENT, outlet="AFP", published="2024-03-12"),
        article("other", OTHER_ATTACK, outlet="Reuters", published="2024-03-12"),
    ]
    edges = edges_of(arts, cache)
    assert [(e.source, e.derived, e.kind) for e in edges] == [("wire", "tr", "translation")]
    lineage = build_lineage(arts, edges)
    assert {a: lin.origin for a, lin in lineage.items()} == {
        "wire": "wire",
        "tr": "wire",
        "ind": "ind",
        "other": "other",
    }


def test_translation_found_when_it_is_the_stored_one(cache):
    """A run that adds the English original after the French version was stored."""
    en, fr = article("en", WIRE), article("fr", TRANSLATION)
    edges = find_reuse([en], [fr], cross_embeddings=cache)
    assert [(e.source, e.derived, e.kind) for e in edges] == [("en", "fr", "translation")]


STORY = (
    "Thirty-two villagers were killed when gunmen raided a market in northern Burkina Faso on "
    "Thursday, the regional governor said.\n"
    "The attackers arrived on motorbikes in the early afternoon, when the market was at its "
    "busiest, and fired on traders and customers, he said in a statement.\n"
    "Dozens of people were wounded and taken to the hospital in Ouahigouya.\n"
    "The raid is the deadliest in the province this year."
)
# A two-sentence French brief of the same story: its numbers written in words, a date in digits.
BRIEF = (
    "OUAGADOUGOU, 14 mars – Trente-deux villageois ont été tués jeudi lorsque des hommes armés ont "
    "attaqué un marché dans le nord du Burkina Faso, a indiqué le gouverneur de la région.\n"
    "Les assaillants sont arrivés à moto en début d'après-midi, à l'heure où le marché était le plus "
    "animé, et ont tiré sur les commerçants et les clients, a-t-il précisé dans un communiqué."
)


def test_a_short_brief_with_numbers_in_words_is_traced(cache):
    """ "Thirty-two" and "Trente-deux" are one number, though only English number words are read,
    and "14 mars" is a date the English story does not repeat: neither bars the pairs."""
    en, fr = article("en", STORY), article("fr", BRIEF)
    e = between(edges_of([en, fr], cache), "en", "fr")
    assert e is not None and (e.source, e.derived, e.kind) == ("en", "fr", "translation")
    assert len(e.aligned) == 2
