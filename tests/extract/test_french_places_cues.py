"""French place words (issue 17): a village after "à" / "l'attaque de" that the small French
model misreads as a person is a place; a full personal name, an outlet, the town where the
wounded were taken and the town a statement was made in are not incident places."""

from __future__ import annotations

import pytest

from sitrep.extract.actors import ActorDictionary
from sitrep.extract.french import french_places


def _places(nlp_fr, text):
    doc = nlp_fr(text)
    return {p.text for p in french_places([], ActorDictionary.load(), text, doc)}


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("Le dimanche 3 mars à Tawori, des hommes armés ont tué neuf civils.", {"Tawori"}, set()),
        (
            "L'attaque de Gorgadji a fait au moins quinze morts selon des sources locales.",
            {"Gorgadji"},
            set(),
        ),
        ("Quatre militaires ont été tués près d'Intahaka, a-t-on appris.", {"Intahaka"}, set()),
        ("Le ministre a rendu hommage à Ibrahim Traoré lors de la cérémonie.", set(), {"Ibrahim Traoré"}),
        ("Un élu a confié à Reuters que le bilan était lourd.", set(), {"Reuters"}),
        (
            "Neuf soldats ont péri à Tessit, a annoncé le ministère de la Sécurité à Bamako.",
            {"Tessit"},
            {"Bamako"},
        ),
        (
            "Les blessés ont été évacués vers le centre hospitalier régional de Kaya après l'attaque.",
            set(),
            {"Kaya"},
        ),
    ],
)
def test_french_place_words(nlp_fr, text, wanted, unwanted):
    found = _places(nlp_fr, text)
    assert wanted <= found, found
    assert not (unwanted & found), found
