"""ACLED's precedence rules between sub-event types, written once, each with its codebook source.

    >>> apply_precedence("armed_clash", {"clash": "clashed", "regain": "retook", "state_kind": "army"})
    ('government_regains_territory', 'territory changes hands')

When a sentence reports two things ACLED would code differently (a clash in which a town is
taken; a protest the police break up), the codebook says which one the event is. The type model
and the cue rules propose a type; these rules then move it when the text shows the situation a
rule names. Each rule reads the cue lists of ``data/event_types.json`` (a dict of cue name to the
matched words, as ``event_types.cue_hits`` returns) and returns the new type or None.
Sources are sections of the ACLED Codebook (2023 and 2024 editions, "Event type and sub-event
type definitions" and the sub-event definitions under each event type).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from sitrep.vocab import EVENT_TYPE_OF, SUB_EVENT_TYPES

PROTEST_TYPES = set(SUB_EVENT_TYPES["protests"])
WEAPON_TYPES = set(SUB_EVENT_TYPES["explosions_remote_violence"])
# remote violence that ground fighting can follow (not chemical weapons or suicide bombs)
REMOTE_TYPES = set(SUB_EVENT_TYPES["explosions_remote_violence"]) - {"chemical_weapon", "suicide_bomb"}


class Rule(NamedTuple):
    name: str
    source: str  # the ACLED codebook section the rule comes from
    apply: Callable[[str, dict], str | None]


def _prevented(sub: str, hit: dict) -> str | None:
    # a bomb defused, a missile intercepted, a cache found: a weapon named, its use stopped
    if sub not in WEAPON_TYPES or hit.get("harm"):
        return None
    if hit.get("weapon_stopped") or (hit.get("weapon_found") and not hit.get("exploded")):
        return "disrupted_weapons_use"
    return None


def _territory(sub: str, hit: dict) -> str | None:
    if sub not in ("armed_clash", "non_violent_transfer_of_territory", "attack"):
        return None
    fought = sub != "non_violent_transfer_of_territory" or hit.get("clash") or hit.get("harm")
    if not fought:
        return None
    if hit.get("regain") and (hit.get("state_kind") or hit.get("state_actor")):
        return "government_regains_territory"
    if sub != "attack" and (hit.get("overtake") or hit.get("garrison_taken")):
        return "non_state_actor_overtakes_territory"
    return None


def _no_fight(sub: str, hit: dict) -> str | None:
    # "moved in without a fight": the text says there was no fighting; a fight word elsewhere
    # ("without firing a shot") is the negation, not a battle
    if sub in (
        "armed_clash",
        "attack",
        "non_state_actor_overtakes_territory",
        "government_regains_territory",
    ):
        if hit.get("non_violent_transfer_of_territory") and not hit.get("clash"):
            return "non_violent_transfer_of_territory"
    return None


def _riot(sub: str, hit: dict) -> str | None:
    if sub in PROTEST_TYPES and (hit.get("riot") or (hit.get("protest") and hit.get("arson"))):
        return "violent_demonstration"
    if sub == "looting_property_destruction" and (hit.get("protest") or hit.get("riot")):
        return "violent_demonstration"
    return None


def _force(sub: str, hit: dict) -> str | None:
    if not (hit.get("protest") or hit.get("protester_kind")) or hit.get("riot") or hit.get("mob"):
        return None
    lethal = hit.get("excessive_force") and hit.get("harm")
    if sub in ("peaceful_protest", "protest_with_intervention", "attack") and lethal and hit.get("protest"):
        return "excessive_force_against_protesters"
    if sub in ("peaceful_protest", "arrests") and hit.get("intervention") and hit.get("protest"):
        return "protest_with_intervention"
    return None


def _remote_then_ground(sub: str, hit: dict) -> str | None:
    if sub in REMOTE_TYPES and (hit.get("clash") or hit.get("gunfire")):
        return "armed_clash"
    return None


def _sexual(sub: str, hit: dict) -> str | None:
    # any other violence against civilians (an attack, an abduction) that the text says was sexual
    if (
        EVENT_TYPE_OF.get(sub) == "violence_against_civilians"
        and sub != "sexual_violence"
        and hit.get("sexual")
    ):
        return "sexual_violence"
    return None


def _armed_target(sub: str, hit: dict) -> str | None:
    if (
        sub == "attack"
        and hit.get("armed_target")
        and not hit.get("civilian_kind")
        and hit.get("political_actor")
    ):
        return "armed_clash"
    return None


RULES = [
    Rule(
        "weapon use prevented",
        "Strategic developments: 'Disrupted weapons use' is coded when an attempt to use "
        "explosives or other weapons is prevented: a bomb defused or destroyed before it "
        "explodes, a missile or drone intercepted, a weapons cache seized; no explosion event "
        "is coded for a weapon that was not used",
        _prevented,
    ),
    Rule(
        "territory changes hands",
        "Battles: 'Government regains territory' and 'Non-state actor "
        "overtakes territory' are coded instead of 'Armed clash' when a battle results in a "
        "change of territorial control; a transfer with fighting is a battle, not a "
        "'Non-violent transfer of territory' (Strategic developments)",
        _territory,
    ),
    Rule(
        "territory changes hands without a fight",
        "Strategic developments: 'Non-violent transfer of territory' is coded when territory "
        "is taken over, handed over or abandoned without fighting; a Battle type only when "
        "there was fighting",
        _no_fight,
    ),
    Rule(
        "demonstrators turn violent",
        "Riots: 'Violent demonstration': demonstrators engage in "
        "violence or destructive acts (vandalism, arson, looting); this holds even if force is "
        "then used against them (Protests: a protest becomes a riot once its participants are violent)",
        _riot,
    ),
    Rule(
        "protest met with force",
        "Protests: 'Excessive force against protesters' when "
        "protesters are met with lethal force; 'Protest with intervention' when they are "
        "dispersed, obstructed or arrested without lethal force; arrests at a protest are "
        "intervention, not 'Arrests' (Strategic developments)",
        _force,
    ),
    Rule(
        "remote violence followed by ground fighting",
        "Explosions/Remote violence: remote "
        "violence that is part of a ground clash (fighting, gunfire, an assault) is coded as a "
        "Battle (suicide bombs and chemical weapons keep their own type)",
        _remote_then_ground,
    ),
    Rule(
        "violence against armed actors",
        "Violence against civilians: its targets are unarmed "
        "non-combatants; organised violence against soldiers, police or armed groups is a Battle "
        "('Armed clash')",
        _armed_target,
    ),
    Rule(
        "sexual violence",
        "Violence against civilians: 'Sexual violence' is coded whenever the "
        "violence against civilians is sexual, even alongside other attacks or abduction",
        _sexual,
    ),
]


def apply_precedence(sub: str, hit: dict) -> tuple[str, str | None]:
    """The sub-event type after ACLED's precedence rules, and the name of the rule that moved it."""
    for rule in RULES:
        moved = rule.apply(sub, hit)
        if moved and moved != sub:
            return moved, rule.name
    return sub, None
