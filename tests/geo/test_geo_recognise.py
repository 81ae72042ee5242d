"""Place recognition: gazetteer matching, spaCy entities, cue words, and the usual false hits."""

from __future__ import annotations

import pytest

from sitrep.geo.recognise import find_place_mentions
from sitrep.models import load_spacy
from support.seed_places import SEED_PLACES


def ents_of(text):
    return [(e.start_char, e.end_char, e.label_) for e in load_spacy()(text).ents]


@pytest.mark.parametrize("article_id", sorted(SEED_PLACES))
def test_every_place_in_the_seeds_is_found(seed_texts, gaz, article_id):
    text = seed_texts[article_id]
    found = find_place_mentions(text, ents_of(text), gazetteer=gaz)
    assert SEED_PLACES[article_id] <= {m.text for m in found}
    assert all(text[m.span[0] : m.span[1]] == m.text for m in found)


def test_places_spacy_mislabels_are_still_found(gaz):
    # spaCy calls Mali a PERSON and Burkina Faso an ORG here: the gazetteer match stands.
    text = (
        "Sunday's attack in central Mali hit a military base in Boulkessi, near the border with Burkina Faso."
    )
    ents = ents_of(text) + [(text.index("Mali"), text.index("Mali") + 4, "PERSON")]
    found = {m.text: m for m in find_place_mentions(text, ents, gazetteer=gaz)}
    assert {"Mali", "Boulkessi", "Burkina Faso"} <= set(found)
    assert found["Burkina Faso"].cue == "border"
    assert "central Mali" in found["Boulkessi"].context


def test_recognition_works_without_any_entities(gaz):
    text = "Gunmen attacked the town of Djibo in Burkina Faso and the Tahoua region of Niger."
    found = {m.text: m.cue for m in find_place_mentions(text, (), gazetteer=gaz)}
    assert found == {"Djibo": "town", "Burkina Faso": "in", "Tahoua": "region", "Niger": None}


@pytest.mark.parametrize(
    "text,place",
    [
        ("By contributor Baba Ahmed, Associated Press, in Bamako.", "Bamako"),
        ("Leader of Mali's ruling junta Lt Col Assimi Goita spoke in Bamako.", "Bamako"),
        (
            "Rida Lyammouri, a Sahel expert at the Morocco-based Policy Centre for the New South, said so.",
            "Morocco",
        ),
        ("Police said on Sunday that Mercy Corps staff left Gao in May.", "Gao"),
        ("Of the dead, most were soldiers, officials in Gao said on Monday.", "Gao"),
        ("Gen Michael Langley, commander of United States Africa Command, visited Niamey.", "Niamey"),
    ],
)
def test_false_hits_are_filtered(gaz, text, place):
    found = [m.text for m in find_place_mentions(text, ents_of(text), gazetteer=gaz)]
    assert place in found
    for word in (
        "Baba",
        "Ahmed",
        "Goita",
        "Assimi",
        "New South",
        "Police",
        "Sunday",
        "Mercy",
        "May",
        "Of",
        "Monday",
        "Langley",
        "United States",
        "Africa",
        "Lyammouri",
    ):
        assert word not in found, (word, found)


@pytest.mark.parametrize(
    "text,name,cue",
    [
        ("security sources said two attacks hit the Tahoua and Dosso regions on May 24", "Tahoua", "region"),
        ("security sources said two attacks hit the Tahoua and Dosso regions on May 24", "Dosso", "region"),
        ("militants targeted a military airport in the northern city of Timbuktu", "Timbuktu", "city"),
        ("a municipal official from nearby Mondoro said", "Mondoro", "near"),
        ("the army seized a base near Gao on Friday", "Gao", "near"),
        ("fishermen were attacked on the Niger River", "Niger River", "river"),
    ],
)
def test_cue_words(gaz, text, name, cue):
    found = {m.text: m.cue for m in find_place_mentions(text, ents_of(text), gazetteer=gaz)}
    assert found.get(name) == cue, found


@pytest.mark.parametrize(
    "text, places",
    [
        ("Oliver was shot in the leg on Monday, police said.", set()),  # a person spaCy knows as one
        ("Police said Taylor died at the scene.", set()),
        ("A man was shot in Oliver on Monday.", {"Oliver"}),  # a place word frames it
        ("Mali said it would respond.", {"Mali"}),  # a country, whatever the tagger says
    ],
)
def test_a_person_named_like_a_small_town_is_a_person(gaz, text, places):
    assert {m.text for m in find_place_mentions(text, ents_of(text), gazetteer=gaz)} == places
