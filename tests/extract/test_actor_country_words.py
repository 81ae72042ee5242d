"""ActorDictionary.country_in: the country a sentence names through a state's country words
(which army generic words like "soldiers" resolve to), with the shipped dictionary and with a
user's own file of the same shape."""

import json

import pytest

from sitrep.extract.actors import ActorDictionary


@pytest.mark.parametrize(
    "text, code",
    [
        ("Gunmen overran a post held by Malian troops near the border.", "ML"),
        ("Soldiers were ambushed in northern BURKINA FASO on Tuesday.", "BF"),
        ("Chadian forces said they had repelled the assault.", "TD"),
        ("The convoy was hit in Niger's Tillaberi region.", "NE"),
        ("Authorities in Nigeria blamed bandits for the raid.", "NG"),
        ("A convoy was attacked in Somalia on Monday.", None),  # "Mali" is not a word of it
        ("Police said the shooting followed an argument.", None),
        ("", None),
    ],
)
def test_the_shipped_dictionary_names_the_country_of_a_sentence(text, code):
    assert ActorDictionary.load().country_in(text) == code


def _dictionary(tmp_path, actors) -> ActorDictionary:
    path = tmp_path / "actors.json"
    path.write_text(json.dumps({"regions": {"r": {"countries": [], "actors": actors}}}), "utf-8")
    return ActorDictionary.load(path)


def test_the_first_word_in_the_dictionary_order_wins(tmp_path):
    actors = [
        {"name": "Sudanese army", "kind": "state_forces", "country": "SD", "country_words": ["Sudan"]},
        {
            "name": "South Sudanese army",
            "kind": "state_forces",
            "country": "SS",
            "country_words": ["South Sudan"],
        },
    ]
    found = _dictionary(tmp_path, actors)
    # both words are in the text: the dictionary's order decides, not the position in the text
    assert found.country_in("Troops crossed from South Sudan into Sudan.") == "SD"
    assert (
        _dictionary(tmp_path, actors[::-1]).country_in("Troops crossed from South Sudan into Sudan.") == "SS"
    )


def test_a_dictionary_without_country_words_names_no_country(tmp_path):
    found = _dictionary(tmp_path, [{"name": "Bandits", "kind": "criminal", "aliases": ["bandits"]}])
    assert found.country_in("Bandits raided a village in Mali.") is None
