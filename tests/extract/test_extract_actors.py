"""The actor dictionary (a data file users extend) and roles read from the parse."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sitrep.extract.actors import ActorDictionary, role_of
from sitrep.models import load_spacy

SAHEL = {"ML", "BF", "NE"}


@pytest.fixture(scope="module")
def actors():
    return ActorDictionary.load()


@pytest.mark.parametrize(
    "text,name",
    [
        ("JNIM claimed the attack.", "JNIM"),
        ("Jama'a Nusrat ul-Islam wa al-Muslimin said it attacked.", "JNIM"),
        ("Jama’a Nusrat ul-Islam wa al-Muslimin said it attacked.", "JNIM"),  # curly apostrophe
        ("An Al Qaeda-linked jihadist group claimed the attack.", "JNIM"),
        ("The al-Qaida-affiliated group has taken responsibility.", "JNIM"),
        ("A rebel group affiliated with Al Qaeda claimed responsibility.", "JNIM"),
        ("Fighters of IS Sahel raided the village.", "Islamic State Sahel Province"),
        ("Wagner fighters were seen in the town.", "Russian mercenaries"),
        ("Africa Corps units arrived.", "Russian mercenaries"),
        ("FAMa said the situation was under control.", "Malian armed forces"),
        ("Mali's army said it repelled the attack.", "Malian armed forces"),
        ("The Malian army said it withdrew.", "Malian armed forces"),
        ("Burkina Faso's army denied the claim.", "Burkinabe armed forces"),
        ("Niger's army has not commented.", "Nigerien armed forces"),
    ],
)
def test_dictionary_normalises_names(actors, text, name):
    assert name in [m.entry.name for m in actors.find(text, SAHEL)]


def test_descriptions_apply_only_in_their_region(actors):
    text = "An al Qaeda-linked group claimed the bombing."
    assert actors.find(text, SAHEL)[0].entry.name == "JNIM"
    assert all(m.entry.name != "JNIM" for m in actors.find(text, {"SO"}))


def test_generic_words_take_the_incidents_country(actors):
    soldiers = next(m for m in actors.find("Militants killed ten soldiers.", SAHEL) if m.text == "soldiers")
    assert actors.canonical(soldiers.entry, "ML") == ("Malian armed forces", "ML")
    assert actors.canonical(soldiers.entry, "NE") == ("Nigerien armed forces", "NE")


def test_us_crime_words_stay_out_of_sahel_stories(actors):
    assert any(m.entry.name == "Unidentified gunman" for m in actors.find("The suspect fled.", None))
    assert not any(
        m.entry.name == "Unidentified gunman" for m in actors.find("The army arrested 31 suspects.", SAHEL)
    )


def test_users_extend_the_dictionary_with_their_own_file(tmp_path):
    data = json.loads(resources.files("sitrep").joinpath("data", "actors.json").read_text("utf-8"))
    data["regions"]["horn"] = {
        "countries": ["SO"],
        "actors": [
            {
                "name": "al-Shabaab",
                "kind": "islamist_group",
                "aliases": ["al-Shabaab", "Harakat al-Shabaab al-Mujahideen"],
                "descriptions": ["\\bal[- ]?qa'?[ei]da[- ]linked (?:militant )?group\\b"],
            }
        ],
    }
    path = tmp_path / "actors.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    custom = ActorDictionary.load(path)
    assert custom.find("Al Shabaab fighters attacked a base.", {"SO"})[0].entry.name == "al-Shabaab"
    assert custom.find("An al Qaeda-linked militant group attacked.", {"SO"})[0].entry.name == "al-Shabaab"


@pytest.mark.parametrize(
    "sentence,actor,role",
    [
        ("JNIM claimed an attack on a military base in Boulkessi.", "JNIM", "perpetrator"),
        ("JNIM claimed an attack on a military base in Boulkessi.", "military base", "target"),
        ("Ten soldiers were killed by insurgents near Gao.", "insurgents", "perpetrator"),
        ("Ten soldiers were killed by insurgents near Gao.", "soldiers", "target"),
        ("Militants ambushed Nigerien troops on Tuesday.", "Militants", "perpetrator"),
        ("Militants ambushed Nigerien troops on Tuesday.", "Nigerien troops", "target"),
        ("The group said it had killed 40 soldiers.", "soldiers", "target"),
        ("Wagner mercenaries executed civilians in the village.", "civilians", "target"),
        ("The army said it had repelled the attack.", "army", "target"),
        ("Residents said they heard gunfire.", "Residents", "other"),
    ],
)
def test_roles_from_the_parse(sentence, actor, role):
    doc = load_spacy()(sentence)
    start = sentence.index(actor)
    assert role_of(doc, start, start + len(actor)) == role


def test_a_demonym_modifying_a_place_is_not_an_actor():
    from sitrep.clean import clean_document
    from sitrep.extract import extract_articles
    from sitrep.records import Document

    text = (
        "JNIM has claimed a major attack on the Malian town of Boulikessi, resulting in the "
        "seizure of an army base. More than 30 soldiers were killed, two sources said."
    )
    art = clean_document(Document(input="t.txt", text=text, format="txt", published="2025-06-03"), "t")
    mentions = extract_articles([art])["t"].mentions
    names = {a.name for m in mentions for a in m.actors}
    assert "JNIM" in names and "Malian" not in names
