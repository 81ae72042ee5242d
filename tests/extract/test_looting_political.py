"""Looting and arrests are ACLED events only with a political side (``vocab.NEEDS_POLITICAL``):
the cue rules read that set as the typer does, in English and in French, so a gang's looting is
typed but marked outside ACLED's scope by the rules, and an armed group's is not."""

from __future__ import annotations

import pytest

from sitrep.extract.event_types import classify_event
from sitrep.extract.french import type_french
from sitrep.vocab import NEEDS_POLITICAL, SUB_EVENT_TYPES


@pytest.mark.parametrize(
    ("sentence", "sub", "political"),
    [
        (
            "Thieves looted a jewellery store downtown overnight and fled with cash.",
            "looting_property_destruction",
            False,
        ),
        ("Burglars ransacked three homes on Elm Street last week.", "looting_property_destruction", False),
        (
            "Jihadists looted the health centre and burned houses in the village.",
            "looting_property_destruction",
            True,
        ),
        ("Police arrested a man who stole a car on Main Street.", "arrests", False),
        ("Soldiers defused a bomb left under a bridge by the rebels.", "disrupted_weapons_use", True),
    ],
)
def test_english_rules_read_needs_political(sentence, sub, political):
    event = classify_event(sentence)
    assert event is not None and event.sub_event_type == sub
    assert event.political is political


@pytest.mark.parametrize(
    ("sentence", "political"),
    [
        ("Des voleurs ont pillé une boutique du centre-ville dans la nuit.", False),
        ("Des jihadistes ont pillé le centre de santé du village avant de repartir.", True),
    ],
)
def test_french_looting_needs_a_political_side(sentence, political):
    event = type_french(sentence)
    assert event is not None and event.sub_event_type == "looting_property_destruction"
    assert event.political is political


def test_needs_political_names_contract_sub_event_types():
    subs = {s for subs in SUB_EVENT_TYPES.values() for s in subs}
    assert subs >= NEEDS_POLITICAL
