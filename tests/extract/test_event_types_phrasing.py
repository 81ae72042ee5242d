"""ACLED sub-event types in phrasings no cue list names, through the product's extraction (issue 14).

One row per sub-event type, written for these tests in the registers real reports use (wire,
local press, NGO, government statement, translated); none comes from the held-out set
(tests/data/event_types_heldout.jsonl), the real-news set (tests/data/event_types_real.jsonl) or
the prototypes the model is trained on. Then: strategic developments with no one hurt still open
an incident mention (the gate that used to drop them), mob violence is an ACLED event whoever
the victims are, and each precedence rule applied to a whole sentence by the typer.
"""

from __future__ import annotations

import pytest

from sitrep.extract.precedence import RULES
from sitrep.extract.typer import type_span
from sitrep.models import load_spacy
from support.event_types import check_typed, sentence_mentions

TYPES = [
    (
        "armed_clash",
        "Loyalist troops and the separatist militia traded heavy fire across the river at Gambu all night.",
    ),
    (
        "government_regains_territory",
        "After two days of combat the national army drove the insurgents out of Tilla and raised the flag there again.",
    ),
    (
        "non_state_actor_overtakes_territory",
        "The rebels overpowered the garrison at Kesso after a long firefight and now hold the town.",
    ),
    ("sexual_violence", "The rights group said soldiers raped three women at a checkpoint outside Maro."),
    ("attack", "Unknown gunmen shot dead a village chief and his two sons in their compound near Dibi."),
    (
        "abduction_forced_disappearance",
        "Armed men carried off fourteen farmers from their fields near Kaura and are demanding ransom.",
    ),
    (
        "chemical_weapon",
        "Medics in Harsa treated dozens of residents for choking after canisters of toxic gas were dropped on the district.",
    ),
    (
        "air_drone_strike",
        "Government jets bombed the rebel-held market town of Oyo, killing at least twelve traders.",
    ),
    (
        "suicide_bomb",
        "A man wearing an explosive vest detonated it among worshippers leaving the mosque in Kundu.",
    ),
    (
        "shelling_artillery_missile_attack",
        "Artillery rounds fired by the separatists struck apartment blocks in Varna overnight.",
    ),
    (
        "remote_explosive_landmine_ied",
        "An army lorry ran over a mine planted on the track to Sibi, killing two soldiers.",
    ),
    ("grenade", "A hand grenade was tossed into the courtyard of the district chief's house in Lupa."),
    (
        "peaceful_protest",
        "Several hundred teachers marched peacefully through Dobo to demand their unpaid salaries.",
    ),
    (
        "protest_with_intervention",
        "Riot police broke up the students' sit-in at Ranu university with tear gas and arrested its leaders.",
    ),
    (
        "excessive_force_against_protesters",
        "Troops fired live rounds into a crowd of unarmed demonstrators in Kilo, killing three.",
    ),
    (
        "violent_demonstration",
        "Demonstrators set the town hall of Bafo ablaze and stoned the police sent to stop them.",
    ),
    (
        "mob_violence",
        "An angry crowd beat to death a man suspected of stealing cattle in the village of Gidan.",
    ),
    (
        "agreement",
        "The two armed movements agreed to a ceasefire and an exchange of prisoners after talks in Tamba.",
    ),
    ("arrests", "Intelligence agents detained the editor of the opposition weekly at his office in Kura."),
    (
        "change_to_group_activity",
        "The splinter faction pledged allegiance to the jihadist network in a video released on Friday.",
    ),
    (
        "disrupted_weapons_use",
        "Troops found a cache of rifles and rocket launchers buried in a farm outside Doma.",
    ),
    (
        "headquarters_or_base_established",
        "The militia has set up a command post in the abandoned customs building at Loko.",
    ),
    (
        "looting_property_destruction",
        "Fighters ransacked the health centre in Bira and burned the pharmacy's stock.",
    ),
    (
        "non_violent_transfer_of_territory",
        "The gendarmes left their post at Tassa and rebel fighters moved in without firing a shot.",
    ),
    pytest.param(
        "other",
        "The armed group ordered all shops in Kalu to close and forbade travel after dark.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="known limit: 'other' (orders, bans, curfews by an armed group) has few training "
            "sentences; the model reads this one as an agreement (0.32; other 0.16)",
        ),
    ),
]

# Strategic developments in which no one is hurt: each must still open an incident mention.
NO_CASUALTIES = [
    "The junta and the armed movement signed a truce in Gao on Sunday.",
    "Soldiers found and destroyed an explosives workshop in the forest near Bema.",
    "The rebels established their headquarters in the governor's former residence in Kula.",
]


@pytest.mark.parametrize("sub,text", TYPES)
def test_each_sub_event_type_in_unlisted_words(sub, text):
    check_typed(text, sub)


@pytest.mark.parametrize("text", NO_CASUALTIES)
def test_strategic_development_without_casualties_opens_a_mention(text):
    mentions = sentence_mentions(text)
    assert mentions and mentions[0].political
    assert mentions[0].event_type == "strategic_developments"


def test_mob_violence_is_an_acled_event_without_a_political_actor():
    m = sentence_mentions("Villagers stoned to death a woman they accused of witchcraft.")[0]
    assert (m.sub_event_type, m.political) == ("mob_violence", True)


# One sentence per precedence rule, typed as the pipeline types it: the rule must move the type.
PRECEDENCE = [
    (
        "weapon use prevented",
        "Air defences brought down two missiles fired at the port of Rova.",
        "disrupted_weapons_use",
    ),
    (
        "territory changes hands",
        "After fierce clashes the army retook the border town of Kaya from the rebels.",
        "government_regains_territory",
    ),
    (
        "territory changes hands without a fight",
        "The militia handed the district over to the army without a fight under the deal signed in Kossa.",
        "non_violent_transfer_of_territory",
    ),
    (
        "demonstrators turn violent",
        "The protest turned into a riot as marchers burned cars outside the ministry.",
        "violent_demonstration",
    ),
    (
        "protest met with force",
        "Police dispersed the women's march with water cannon and detained its organisers.",
        "protest_with_intervention",
    ),
    (
        "remote violence followed by ground fighting",
        "The shelling of the camp was followed by a gun battle between soldiers and militants.",
        "armed_clash",
    ),
    (
        "violence against armed actors",
        "Militants killed five soldiers in an attack on their checkpoint.",
        "armed_clash",
    ),
    (
        "sexual violence",
        "The fighters kidnapped and raped two girls from the village.",
        "sexual_violence",
    ),
]


@pytest.mark.parametrize("name,text,sub", PRECEDENCE, ids=[p[0] for p in PRECEDENCE])
def test_precedence_in_the_typer(name, text, sub):
    nlp = load_spacy()
    event = type_span(nlp(text)[:], text)
    assert event is not None and event.sub_event_type == sub


def test_every_precedence_rule_has_a_typer_row():
    assert {r.name for r in RULES} == {p[0] for p in PRECEDENCE}
