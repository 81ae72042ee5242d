"""French figure claims (issue 17) with the real French pipeline: what happened, to whom, how
many, and who says so, in phrasings written for this test."""

from __future__ import annotations

import pytest

from sitrep.extract.french import find_claims_fr, french_sentences
from sitrep.extract.pipeline import make_doc


def claims(nlp_fr, text):
    """The claims of the first sentence, parsed as the pipeline parses a French article."""
    return find_claims_fr(french_sentences(nlp_fr(make_doc(nlp_fr, text, french=True)))[0], "t")


CASES = [
    # sentence, [(what, group, low, high, qualifier)]
    (
        "Au moins 45 gendarmes ont été tués lors de l'attaque du poste de Sebba.",
        [("killed", "police", 45, None, "at_least")],
    ),
    (
        "Plus de 70 militaires ont perdu la vie dans l'embuscade.",
        [("killed", "soldiers", 71, None, "more_than")],
    ),
    (
        "L'explosion a fait une quarantaine de victimes parmi les fidèles.",
        [("killed", "civilians", 40, 40, "about")],
    ),
    (
        "Des dizaines de morts ont été dénombrés après le passage des assaillants.",
        [("killed", None, 12, None, "vague")],
    ),
    (
        "Onze soldats sont portés disparus depuis l'assaut.",
        [("missing", "soldiers", 11, 11, "exactly")],
    ),
    (
        "Six douaniers ont été pris en otage par les hommes armés.",
        [("captured", "police", 6, 6, "exactly")],
    ),
    (
        "Les jihadistes ont abattu neuf villageois et blessé quatre autres.",
        [("killed", "civilians", 9, 9, "exactly"), ("wounded", "civilians", 4, 4, "exactly")],
    ),
    (
        "Vingt-deux civils ont été tués et 14 blessés dans la nuit de mardi.",
        [("killed", "civilians", 22, 22, "exactly"), ("wounded", None, 14, 14, "exactly")],
    ),
    (
        "Un gendarme a été tué et trois autres blessés lors de l'assaut du poste.",
        [("killed", "police", 1, 1, "exactly"), ("wounded", "police", 3, 3, "exactly")],
    ),
    ("Quelque 300 soldats étaient stationnés dans le camp.", []),
    ("La route de 40 kilomètres reste fermée.", []),
]


@pytest.mark.parametrize("sentence, expected", CASES)
def test_french_figures(nlp_fr, sentence, expected):
    got = [(c.what, c.group, c.low, c.high, c.qualifier) for c in claims(nlp_fr, sentence)]
    assert got == expected
    assert all(c.language == "fr" and c.quote == sentence for c in claims(nlp_fr, sentence))


CLAIMANTS = [
    # sentence, attributed_to, kind
    (
        "Selon des sources sécuritaires, 16 soldats ont été tués.",
        "des sources sécuritaires",
        "security_source",
    ),
    (
        "Dix-sept civils ont été tués lundi, a indiqué à l'AFP un élu local.",
        "un élu local",
        "official",
    ),
    (
        "Douze soldats ont été tués, a déclaré mercredi une source militaire sous couvert d'anonymat.",
        "une source militaire sous couvert d'anonymat",
        "security_source",
    ),
    (
        "L'attaque, revendiquée par le JNIM, a fait 31 morts parmi les militaires.",
        "le JNIM",
        "perpetrator",
    ),
    (
        "Un infirmier de l'hôpital de district a affirmé que 8 blessés avaient été admis.",
        "Un infirmier de l'hôpital de district",
        "medical",
    ),
    (
        "Selon des habitants joints par téléphone, une vingtaine de personnes ont péri.",
        "des habitants joints par téléphone",
        "witness",
    ),
]


@pytest.mark.parametrize("sentence, who, kind", CLAIMANTS)
def test_french_claimants(nlp_fr, sentence, who, kind):
    found = claims(nlp_fr, sentence)
    assert found, sentence
    assert (found[0].attributed_to, found[0].claimant_kind) == (who, kind)


def test_running_total_is_aggregate(nlp_fr):
    found = claims(nlp_fr, "Depuis début mars, au moins 120 soldats ont été tués dans la région.")
    assert [(c.low, c.scope) for c in found] == [(120, "aggregate")]


def test_one_figure_over_several_attacks_is_shared(nlp_fr):
    found = claims(nlp_fr, "Trois attaques distinctes ont fait au moins 19 morts dans la province.")
    assert [(c.low, c.scope) for c in found] == [(19, "shared")]
