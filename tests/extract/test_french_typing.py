"""French event types (issue 17): the cue rules over French words, armed targets and civilians
told apart, the mention read as a whole, and ``type_confidence`` left null (the English type
model's reading of French cues alone was anti-informative; docs/accuracy.md)."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.extract import extract_articles
from sitrep.extract.french import refine_type_fr, type_french
from sitrep.ingest import iter_inputs


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        # an armed target named in words the English list holds as "armed forces", "barracks"...
        (
            "Des hommes armés ont attaqué une caserne de la gendarmerie à Koro, faisant trois morts.",
            "battles",
        ),
        ("Les assaillants ont visé un détachement des forces armées, tuant onze militaires.", "battles"),
        ("Des terroristes ont tendu une embuscade aux FDS sur l'axe Dori-Seytenga.", "battles"),
        ("Une patrouille de VDP a été attaquée par des jihadistes près du barrage, sept tués.", "battles"),
        # "armée" as an adjective is no army
        (
            "Une attaque armée a visé des fidèles réunis pour la prière, tuant vingt personnes.",
            "violence_against_civilians",
        ),
        ("Une bande armée a tué quatre orpailleurs sur un site aurifère.", "violence_against_civilians"),
        (
            "Des individus armés ont exécuté six commerçants au marché de Tin-Akof.",
            "violence_against_civilians",
        ),
    ],
)
def test_french_sentence_type(sentence, event_type):
    event = type_french(sentence)
    assert event is not None and event.event_type == event_type
    # the English type model gives French no confidence (anti-informative when tried): null, not a guess
    assert event.confidence is None and event.runner_up is None


@pytest.mark.parametrize(
    ("texts", "event_type"),
    [
        # the first sentence names no victim, a later one an armed target: a battle
        (
            [
                "Le village de Kobou a été le théâtre d'une attaque meurtrière samedi.",
                "Les assaillants ont pris pour cible le poste avancé de la gendarmerie.",
            ],
            "battles",
        ),
        # civilians named anywhere keep it an attack on civilians
        (
            [
                "La commune de Kobou a été frappée par une attaque sanglante samedi.",
                "Les assaillants ont tiré sur des habitants puis sur le poste de gendarmerie.",
            ],
            "violence_against_civilians",
        ),
    ],
)
def test_french_mention_read_whole(texts, event_type):
    first = type_french(texts[0])
    assert first.sub_event_type == "attack"
    assert refine_type_fr(first, texts).event_type == event_type


def test_french_camp_overrun_is_territory_taken():
    texts = [
        "Des jihadistes ont attaqué le camp militaire de Kobou dimanche, tuant quinze soldats.",
        "Les assaillants se sont emparés du camp avant de le piller.",
    ]
    assert (
        refine_type_fr(type_french(texts[0]), texts).sub_event_type == "non_state_actor_overtakes_territory"
    )


def test_french_mentions_leave_type_confidence_null(tmp_path, gaz):
    text = (
        "Niger : douze soldats tués dans une embuscade près de Tillabéri\n\n"
        "Douze soldats nigériens ont été tués mardi dans une embuscade tendue par des jihadistes près "
        "de Tillabéri, a annoncé le ministère de la Défense.\n"
    )
    (tmp_path / "fr.txt").write_text(text, encoding="utf-8")
    arts = [clean_document(d, d.article_id) for d in iter_inputs([tmp_path]) if hasattr(d, "article_id")]
    out = extract_articles(arts, gazetteer=gaz)
    mentions = out[arts[0].article_id].mentions
    assert mentions and all(m.event_type for m in mentions)
    assert all(m.type_confidence is None and m.type_runner_up is None for m in mentions)
