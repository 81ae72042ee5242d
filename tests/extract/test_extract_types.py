"""ACLED event typing, measured on sentences written for this test (not the seeds).

Each row: a sentence in the style of wire reports, local crime news or official statements, and
the event type, sub-event type and political flag a careful coder gives it (None: no event).
"""

from __future__ import annotations

import pytest

from sitrep.extract.event_types import EVENT_TYPE_OF, SUB_EVENT_TYPES, classify_event, refine_battle

B, E, V, P, R, S = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
)
ROWS = [
    # battles
    (
        "Militants ambushed an army patrol near Menaka on Thursday, killing seven soldiers.",
        B,
        "armed_clash",
        True,
    ),
    ("Government troops clashed with rebels outside the town for several hours.", B, "armed_clash", True),
    (
        "Fighters from the group attacked a gendarmerie post overnight, the ministry said.",
        B,
        "armed_clash",
        True,
    ),
    ("Soldiers repelled an assault on their camp, killing 12 insurgents.", B, "armed_clash", True),
    ("Heavy fighting broke out between two militias in the north of the province.", B, "armed_clash", True),
    (
        "Jihadists overran the military outpost and set fire to vehicles.",
        B,
        "non_state_actor_overtakes_territory",
        True,
    ),
    (
        "Rebels said they had captured the town of Kidal after a day of fighting.",
        B,
        "non_state_actor_overtakes_territory",
        True,
    ),
    ("The army said it had retaken the village from insurgents.", B, "government_regains_territory", True),
    (
        "Troops recaptured the district capital on Saturday, state television reported.",
        B,
        "government_regains_territory",
        True,
    ),
    ("Police exchanged fire with a man who had barricaded himself inside a house.", B, "armed_clash", False),
    ("An officer was wounded in a shootout with a robbery suspect on Main Street.", B, "armed_clash", False),
    # explosions / remote violence
    ("A drone strike hit a vehicle carrying suspected militants, killing four.", E, "air_drone_strike", True),
    ("Warplanes bombed rebel positions east of the city.", E, "air_drone_strike", True),
    (
        "A suicide bomber blew himself up at a checkpoint, killing three police officers.",
        E,
        "suicide_bomb",
        True,
    ),
    (
        "Artillery shelling of residential areas killed two children, residents said.",
        E,
        "shelling_artillery_missile_attack",
        True,
    ),
    ("Rockets fired by insurgents landed near the airport.", E, "shelling_artillery_missile_attack", True),
    (
        "A roadside bomb struck a military convoy, wounding five soldiers.",
        E,
        "remote_explosive_landmine_ied",
        True,
    ),
    ("Two herders were killed when their cart hit a landmine.", E, "remote_explosive_landmine_ied", True),
    ("An improvised explosive device detonated near a market.", E, "remote_explosive_landmine_ied", True),
    ("Unknown attackers threw a grenade into a bar, injuring eight people.", E, "grenade", True),
    ("Activists accused government forces of using chlorine gas in the assault.", E, "chemical_weapon", True),
    # violence against civilians
    ("Gunmen killed 23 villagers in an attack on a village in the north-west.", V, "attack", True),
    ("Armed men on motorbikes shot dead five worshippers outside a mosque.", V, "attack", True),
    (
        "Militants abducted 40 passengers from a bus on the highway.",
        V,
        "abduction_forced_disappearance",
        True,
    ),
    ("Bandits kidnapped three aid workers, the governor said.", V, "abduction_forced_disappearance", True),
    ("Soldiers raped several women during the raid, a rights group said.", V, "sexual_violence", True),
    ("A man was shot dead outside a bar in Chicago early Sunday, police said.", V, "attack", False),
    ("A 17-year-old was stabbed to death during a robbery at a convenience store.", V, "attack", False),
    ("A woman was fatally shot by her boyfriend at their apartment, detectives said.", V, "attack", False),
    # a band of kidnappers is an (unidentified) armed group, as ACLED codes it
    (
        "Kidnappers abducted 20 students from a boarding school overnight.",
        V,
        "abduction_forced_disappearance",
        True,
    ),
    ("Two people were injured when a gunman opened fire at a house party.", V, "attack", False),
    # protests and riots
    (
        "Thousands of people marched peacefully through the capital to demand elections.",
        P,
        "peaceful_protest",
        True,
    ),
    (
        "Hundreds of teachers held a protest outside the ministry over unpaid salaries.",
        P,
        "peaceful_protest",
        True,
    ),
    (
        "Police fired tear gas to disperse demonstrators in the city centre.",
        P,
        "protest_with_intervention",
        True,
    ),
    ("Security forces arrested dozens of protesters at the rally.", P, "protest_with_intervention", True),
    (
        "Soldiers opened fire on protesters, killing four, witnesses said.",
        P,
        "excessive_force_against_protesters",
        True,
    ),
    (
        "Rioters torched a police station and looted shops after the verdict.",
        R,
        "violent_demonstration",
        True,
    ),
    ("Protesters threw stones at police, who responded with batons.", R, "violent_demonstration", True),
    ("A mob lynched a man accused of theft in the market.", R, "mob_violence", True),
    # "riot police", "anti-riot" units: the police, not a riot
    (
        "Anti-riot police fired rubber bullets to break up a crowd of demonstrators.",
        P,
        "protest_with_intervention",
        True,
    ),
    # strategic developments
    (
        "Police arrested three members of the opposition party in a dawn raid on their homes.",
        S,
        "arrests",
        True,
    ),
    ("The security services detained a journalist at the airport.", S, "arrests", True),
    (
        "Militants looted the health centre and burned houses in the village.",
        S,
        "looting_property_destruction",
        True,
    ),
    ("Soldiers defused an explosive device found near the bridge.", S, "disrupted_weapons_use", True),
    ("The army set up a new military base in the border area.", S, "headquarters_or_base_established", True),
    ("The two sides signed a ceasefire agreement in the capital.", S, "agreement", True),
    ("The faction pledged allegiance to the Islamic State group.", S, "change_to_group_activity", True),
    # no event
    ("A magnitude 6.1 earthquake killed at least 12 people in the mountains.", None, None, None),
    ("Flooding after days of heavy rain has displaced 20,000 people.", None, None, None),
    ("Eleven passengers died when a bus collided with a truck on the highway.", None, None, None),
    ("The ministers met in Accra for talks on regional trade.", None, None, None),
    ("Inflation rose to 9 percent in May, the central bank said.", None, None, None),
    ("A fire broke out in a textile factory, killing five workers.", None, None, None),
    ("The president visited the flooded region on Tuesday.", None, None, None),
    ("A tornado tore through the town overnight, killing three people.", None, None, None),
]


@pytest.mark.parametrize("sentence,event_type,sub_event_type,political", ROWS)
def test_classify_event(sentence, event_type, sub_event_type, political):
    got = classify_event(sentence)
    if event_type is None:
        assert got is None, f"{sentence!r} -> {got}"
        return
    assert got is not None, sentence
    assert (got.event_type, got.sub_event_type, got.political) == (event_type, sub_event_type, political)


def test_table_covers_every_event_type_and_is_large():
    assert len(ROWS) >= 50
    assert {r[1] for r in ROWS if r[1]} == set(SUB_EVENT_TYPES)
    assert all(EVENT_TYPE_OF[r[2]] == r[1] for r in ROWS if r[2])


def test_every_sub_event_type_is_the_contracts_snake_case():
    subs = [s for v in SUB_EVENT_TYPES.values() for s in v]
    assert len(subs) == 25 and all(s == s.lower() and " " not in s for s in subs)


def test_refine_battle_reads_the_whole_mention():
    clash = classify_event("Militants attacked an army base near the border.")
    assert clash.sub_event_type == "armed_clash"
    later = ["The army said it had been forced to pull back after heavy fighting."]
    assert refine_battle(clash, later).sub_event_type == "non_state_actor_overtakes_territory"
    assert refine_battle(clash, ["The army said it repelled the attack."]).sub_event_type == "armed_clash"


# Written after the cue lists were tuned on ROWS and never tuned on: the honest measure.
HELD_OUT = [
    (
        "Insurgents stormed a gendarmerie camp at dawn and fought troops for two hours.",
        B,
        "armed_clash",
        True,
    ),
    (
        "ISWAP fighters seized the garrison town of Marte after soldiers fled.",
        B,
        "non_state_actor_overtakes_territory",
        True,
    ),
    (
        "The military said it had regained control of the border post.",
        B,
        "government_regains_territory",
        True,
    ),
    ("An airstrike on a wedding party killed 20 guests, local leaders said.", E, "air_drone_strike", True),
    (
        "Mortar rounds fell on the camp for displaced people, wounding six.",
        E,
        "shelling_artillery_missile_attack",
        True,
    ),
    ("A car bomb exploded outside the governor's office.", E, "remote_explosive_landmine_ied", True),
    ("Gunmen on motorcycles killed 15 farmers working in their fields.", V, "attack", True),
    ("Kidnappers seized a priest from his parish in the night.", V, "abduction_forced_disappearance", True),
    ("A teenager was shot and wounded in a drive-by on the east side, police said.", V, "attack", False),
    ("Students staged a sit-in at the university to denounce the fee rise.", P, "peaceful_protest", True),
    (
        "Riot police used water cannon against demonstrators blocking the highway.",
        P,
        "protest_with_intervention",
        True,
    ),
    (
        "Angry youths rioted and burned tyres after the killing of a taxi driver.",
        R,
        "violent_demonstration",
        True,
    ),
    ("Police detained 12 people suspected of links to the rebels.", S, "arrests", True),
    (
        "Fighters burned down the market and looted shops in the town.",
        S,
        "looting_property_destruction",
        True,
    ),
    ("A tropical storm swept through the coast, killing 14 people.", None, None, None),
    ("Officials from both countries met to discuss a border trade deal.", None, None, None),
]

# Written on 2026-11-28 before the typing fixes of that day (which the misses of HELD_OUT above
# prompted) and measured before and after them: a second held-out set, never tuned on.
HELD_OUT_2 = [
    (
        "Jihadists attacked an army outpost near Nampala, and the fighting lasted into the night.",
        B,
        "armed_clash",
        True,
    ),
    (
        "Al-Shabaab militants overran a military base in Lower Shabelle after government troops withdrew.",
        B,
        "non_state_actor_overtakes_territory",
        True,
    ),
    (
        "Government forces recaptured the town of Kidal from the rebels on Tuesday.",
        B,
        "government_regains_territory",
        True,
    ),
    ("A drone strike hit a vehicle carrying suspected militants, killing four.", E, "air_drone_strike", True),
    (
        "A roadside bomb struck a military convoy, wounding three soldiers.",
        E,
        "remote_explosive_landmine_ied",
        True,
    ),
    ("A suicide bomber blew himself up at a checkpoint, killing two policemen.", E, "suicide_bomb", True),
    (
        "Armed men abducted 30 villagers from their homes in Zamfara state.",
        V,
        "abduction_forced_disappearance",
        True,
    ),
    ("Gunmen opened fire on worshippers at a mosque during Friday prayers, killing 12.", V, "attack", True),
    ("A man was fatally stabbed outside a bar early Sunday, police said.", V, "attack", False),
    (
        "Thousands marched peacefully through the capital to demand early elections.",
        P,
        "peaceful_protest",
        True,
    ),
    (
        "Police fired tear gas to disperse protesters outside parliament.",
        P,
        "protest_with_intervention",
        True,
    ),
    (
        "Security forces shot dead five demonstrators during a protest against the junta.",
        P,
        "excessive_force_against_protesters",
        True,
    ),
    ("A mob lynched a suspected thief in the market.", R, "mob_violence", True),
    (
        "Troops arrested a local commander of the group during a raid, with no shots fired.",
        S,
        "arrests",
        True,
    ),
    ("Flash floods killed nine people and destroyed hundreds of homes in the region.", None, None, None),
    ("A bus overturned on the highway, killing 11 passengers.", None, None, None),
    ("The minister visited flood victims in the north on Monday.", None, None, None),
]


def _score(rows) -> tuple[int, list[str]]:
    right, misses = 0, []
    for sentence, ev, sub, pol in rows:
        got = classify_event(sentence)
        want = None if ev is None else (ev, sub, pol)
        have = None if got is None else (got.event_type, got.sub_event_type, got.political)
        right += have == want
        if have != want:
            misses.append(f"{sentence!r}: {have} (want {want})")
    return right, misses


def test_second_held_out_accuracy():
    right, misses = _score(HELD_OUT_2)
    print(f"second held-out typing accuracy: {right}/{len(HELD_OUT_2)} = {right / len(HELD_OUT_2):.2f}")
    print("\n".join(misses))
    assert right / len(HELD_OUT_2) >= 0.75


def test_held_out_accuracy():
    right, misses = _score(HELD_OUT)  # tuned on since 2026-11-28: see HELD_OUT_2
    print(f"held-out typing accuracy: {right}/{len(HELD_OUT)} = {right / len(HELD_OUT):.2f}")
    print("\n".join(misses))
    assert right / len(HELD_OUT) >= 0.75
