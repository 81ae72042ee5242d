"""ACLED sub-event types through the product's extraction: one new sentence per type, one per
precedence rule, non-events, and the confidence fields (issue 14).

The sentences are written for these tests; none comes from the held-out set
(tests/data/event_types_heldout.jsonl) or the prototypes the model is trained on.
"""

from __future__ import annotations

import pytest

from sitrep.extract.event_types import cue_hits
from sitrep.extract.precedence import RULES, apply_precedence
from sitrep.extract.type_model import TypeModel, fingerprint
from support.event_types import check_typed, sentence_mentions

TYPES = [
    (
        "armed_clash",
        "Army units and fighters of the rebel front battled for hours near the bridge at Wadi Kora on Thursday.",
    ),
    (
        "government_regains_territory",
        "Government soldiers recaptured the market town of Bilmo from the insurgents on Saturday.",
    ),
    (
        "non_state_actor_overtakes_territory",
        "Separatist fighters overran the gendarmerie camp at Tegue and took control of the town.",
    ),
    ("sexual_violence", "Armed men raped two girls who were collecting firewood outside the camp at Lobo."),
    ("attack", "Gunmen on motorcycles shot dead nine villagers in the hamlet of Garin Dau overnight."),
    (
        "abduction_forced_disappearance",
        "Bandits kidnapped eleven passengers from a minibus on the road to Kwari on Monday.",
    ),
    (
        "chemical_weapon",
        "Doctors said a chlorine attack on the district of Harat left dozens of residents choking.",
    ),
    ("air_drone_strike", "A drone strike hit a militant hideout outside Wana on Tuesday, the army said."),
    (
        "suicide_bomb",
        "A suicide bomber blew himself up at the gate of the police academy in Tarin on Friday.",
    ),
    (
        "shelling_artillery_missile_attack",
        "Mortar rounds fired by the rebels landed on the outskirts of Besa, wounding four people.",
    ),
    (
        "remote_explosive_landmine_ied",
        "A roadside bomb destroyed an army truck near Assamaka on Wednesday, killing three soldiers.",
    ),
    ("grenade", "An assailant threw a grenade into a crowded cafe in Kobe town, injuring eight customers."),
    (
        "peaceful_protest",
        "Hundreds of nurses marched peacefully to the health ministry in Lomar to demand unpaid wages.",
    ),
    (
        "protest_with_intervention",
        "Police fired tear gas to disperse students protesting against fee rises in Akuse.",
    ),
    (
        "excessive_force_against_protesters",
        "Soldiers opened fire on protesters in Dabo, killing four demonstrators.",
    ),
    ("violent_demonstration", "Rioters torched the tax office and looted shops in Kende after the vote."),
    ("mob_violence", "A mob lynched a man accused of stealing a goat at the market in Pemba village."),
    ("agreement", "The government and the rebel movement signed a ceasefire in Tessalit on Sunday."),
    ("arrests", "Police arrested the leader of the opposition party at his home in Kalba on Tuesday."),
    (
        "change_to_group_activity",
        "The militia announced that it had merged with two other armed factions to form a new front.",
    ),
    (
        "disrupted_weapons_use",
        "Soldiers defused an explosive device planted under a bridge near Dolo on Monday.",
    ),
    (
        "headquarters_or_base_established",
        "The rebels have set up a new base in the hills above Moura, residents said.",
    ),
    (
        "looting_property_destruction",
        "Armed men looted the clinic and burned granaries in the village of Soum on Friday.",
    ),
    (
        "non_violent_transfer_of_territory",
        "The army pulled out of Ansa and the militia took over the town without a fight.",
    ),
    ("other", "The armed group imposed a dusk-to-dawn curfew on the villages around Ndiki."),
]

NON_EVENTS = [
    "A lorry collided with a bus on the coastal highway, killing six travellers.",
    "Heavy floods destroyed hundreds of homes in the river valley this week.",
    "The interior minister condemned the violence and appealed for calm.",
    "Since the start of the year, more than 900 people have died in attacks in the province.",
]

PRECEDENCE = [  # (rule name, sentence, type before the rule, type after it)
    (
        "weapon use prevented",
        "Engineers made safe a roadside bomb found near the bridge before the convoy passed.",
        "remote_explosive_landmine_ied",
        "disrupted_weapons_use",
    ),
    (
        "territory changes hands",
        "Troops clashed with insurgents and retook the town of Dalli.",
        "armed_clash",
        "government_regains_territory",
    ),
    (
        "territory changes hands without a fight",
        "The soldiers abandoned the camp and the militants entered it unopposed, killing no one.",
        "armed_clash",
        "non_violent_transfer_of_territory",
    ),
    (
        "demonstrators turn violent",
        "Protesters burned tyres and threw stones at police during the rally.",
        "peaceful_protest",
        "violent_demonstration",
    ),
    (
        "protest met with force",
        "Police used tear gas and batons to disperse the protest in the square.",
        "peaceful_protest",
        "protest_with_intervention",
    ),
    (
        "remote violence followed by ground fighting",
        "Mortar fire was followed by fierce fighting between the army and the militants.",
        "shelling_artillery_missile_attack",
        "armed_clash",
    ),
    (
        "violence against armed actors",
        "Militants attacked an army patrol and killed three soldiers.",
        "attack",
        "armed_clash",
    ),
    (
        "sexual violence",
        "Fighters abducted and raped women from the village.",
        "abduction_forced_disappearance",
        "sexual_violence",
    ),
]


@pytest.mark.parametrize("sub,text", TYPES)
def test_each_sub_event_type(sub, text):
    check_typed(text, sub)


def test_strategic_developments_carry_place_and_date():
    m = sentence_mentions(
        "Police arrested the leader of the opposition party at his home in Kalba on Tuesday.",
        published="2026-02-25",  # a Wednesday: the day before (a bare weekday the day after is tomorrow)
    )[0]
    assert m.sub_event_type == "arrests"
    assert m.date.start == "2026-02-24"
    assert [p.text for p in m.places][:1] == ["Kalba"]


@pytest.mark.parametrize("text", NON_EVENTS)
def test_non_events_are_not_acled_events(text):
    assert not [m for m in sentence_mentions(text) if m.political]


@pytest.mark.parametrize("name,text,before,after", PRECEDENCE, ids=[p[0] for p in PRECEDENCE])
def test_precedence_rule(name, text, before, after):
    moved, rule = apply_precedence(before, cue_hits(text))
    assert (moved, rule) == (after, name)


def test_every_precedence_rule_is_tested_and_sourced():
    assert {r.name for r in RULES} == {p[0] for p in PRECEDENCE}
    assert all(r.source for r in RULES)


def test_shipped_weights_match_prototypes_and_cues():
    # Retrain with scripts/train_event_types.py after changing the prototypes or the cue file.
    assert TypeModel.load().fingerprint == fingerprint()


@pytest.mark.parametrize(
    "conf,alt,mark",
    [
        (0.3, "attack", " · type uncertain (30%; or attack)"),
        (0.45, "none", " · type uncertain (45%; or no event)"),
        (0.8, "attack", ""),
        (None, None, ""),
    ],
)
def test_report_marks_a_low_confidence_type(conf, alt, mark):
    from sitrep.records import Incident
    from sitrep.report.cards import uncertain_type

    inc = Incident(
        incident_id="i1",
        event_type="battles",
        sub_event_type="armed_clash",
        type_confidence=conf,
        type_runner_up=alt,
    )
    assert uncertain_type(inc) == mark
