"""ACLED event typing from the codebook's definitions, as cue patterns over a sentence.

    >>> classify_event("Militants ambushed an army patrol near Gao, killing five soldiers.")
    EventType(event_type='battles', sub_event_type='armed_clash', political=True, cue='ambush')
    >>> classify_event("A magnitude 6 earthquake killed 12 people.") is None
    True

There is no labelled data here, so each sub-event type is the codebook's definition turned into
cue words (``data/event_types.json``: one regex list per cue, users can extend it), applied in the
codebook's order of precedence: protests and riots first (who acts), then remote violence unless
there was ground fighting too (ACLED codes a bomb followed by gunfire as a battle), then battles by
whom they target, then violence against civilians, then strategic developments. Text with no cue
of violence, protest or a strategic development (a disaster, an accident, diplomacy) is no event.
``political`` is False for violence outside ACLED's scope: a lone gunman, a robbery, a domestic
killing, with no armed group, state force, protest or militant cue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.extract.cue_filter import CueFilter
from sitrep.vocab import EVENT_TYPE_OF, NEEDS_POLITICAL, SUB_EVENT_TYPES  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class EventType:
    event_type: str
    sub_event_type: str
    political: bool = True
    cue: str = ""
    # Set by extract/typer.py: the calibrated probability of this type and the next likeliest.
    confidence: float | None = field(default=None, repr=False, compare=False)
    runner_up: str | None = field(default=None, repr=False, compare=False)


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, list[str]]:
    """The cue pattern lists of ``sitrep/data/event_types.json``, by cue name."""
    return json.loads(resources.files("sitrep").joinpath("data", "event_types.json").read_text("utf-8"))[
        "cues"
    ]


@lru_cache(maxsize=1)
def load_cues() -> dict[str, re.Pattern]:
    """One compiled regex per cue name."""
    return {
        name: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
        for name, pats in _cue_patterns().items()
    }


@lru_cache(maxsize=1)
def shared_cue_filter() -> CueFilter:
    return CueFilter(_cue_patterns())


def norm_text(text: str) -> str:
    return text.replace("’", "'").replace("\n", " ")


def find_cue(text: str, name: str) -> str | None:
    """The first words of ``text`` matching cue ``name``, or None.

    >>> find_cue("the army retook the town", "regain")
    'retook'
    """
    m = load_cues()[name].search(norm_text(text))
    return m.group(0) if m else None


def cue_hits(text: str) -> dict[str, str | None]:
    """The first matched words of every cue list in ``text`` (None where a list does not match)."""
    t = norm_text(text)
    maybe = shared_cue_filter().candidates(t)  # most of the forty cues cannot match: skip them
    c = {name: rx.search(t) if name in maybe else None for name, rx in load_cues().items()}
    return {k: (m.group(0).lower() if m else None) for k, m in c.items()}


def classify_event(text: str, hit: dict | None = None) -> EventType | None:
    """The ACLED event and sub-event type a sentence (or a few) reports, or None for no event."""
    hit = hit if hit is not None else cue_hits(text)
    violent = hit["violence"] or hit["remote"] or hit["clash"]
    political = _political(hit)
    if hit["not_event"] and not (hit["intent"] or hit["protest"] or hit["riot"] or hit["mob"]):
        return None  # an accident or a disaster: deaths without an attacker
    if hit["protest"] or hit["riot"] or hit["mob"]:
        ev = _protest(hit)
        if ev:
            return ev
    if hit["sexual"]:
        return EventType("violence_against_civilians", "sexual_violence", political, hit["sexual"])
    if not hit["harm"]:  # a raid to arrest, a bomb defused: no one hurt, a strategic event
        for sub in ("arrests", "disrupted_weapons_use"):
            if hit[sub]:  # an arrest is political only with a political actor or cue
                return EventType(
                    "strategic_developments", sub, _strategic_political(sub, political), hit[sub]
                )
    # A bomb followed by gunfire is a battle (codebook), except chemical weapons and suicide bombs.
    ground = hit["clash"] or hit["gunfire"] or hit["overtake"] or hit["regain"]
    for sub in (
        "chemical_weapon",
        "suicide_bomb",
        "air_drone_strike",
        "grenade",
        "shelling_artillery_missile_attack",
        "remote_explosive_landmine_ied",
    ):
        if hit[sub] and (not ground or sub in ("chemical_weapon", "suicide_bomb")):
            return EventType("explosions_remote_violence", sub, True, hit[sub])
    armed_target = hit["armed_target"]
    if hit["regain"] and (hit["state_actor"] or armed_target):
        return EventType("battles", "government_regains_territory", True, hit["regain"])
    if hit["overtake"]:
        return EventType("battles", "non_state_actor_overtakes_territory", True, hit["overtake"])
    if hit["abduction"]:
        return EventType(
            "violence_against_civilians", "abduction_forced_disappearance", political, hit["abduction"]
        )
    if hit["clash"]:
        return EventType("battles", "armed_clash", political, hit["clash"])
    if violent and armed_target and political:
        return EventType("battles", "armed_clash", True, violent)
    if violent:
        return EventType("violence_against_civilians", "attack", political, violent)
    for sub in (
        "arrests",
        "looting_property_destruction",
        "disrupted_weapons_use",
        "headquarters_or_base_established",
        "non_violent_transfer_of_territory",
        "agreement",
        "change_to_group_activity",
    ):
        if hit[sub]:
            return EventType("strategic_developments", sub, _strategic_political(sub, political), hit[sub])
    return None


def _strategic_political(sub: str, political: bool) -> bool:
    """A strategic development is political whoever acts, except arrests and looting, which need a
    political side (``NEEDS_POLITICAL``, which the typer reads too: a gang's looting is a crime)."""
    return political or sub not in NEEDS_POLITICAL


def _protest(hit) -> EventType | None:
    if hit["mob"]:
        return EventType("riots", "mob_violence", True, hit["mob"])
    if hit["protest"] and hit["excessive_force"]:
        return EventType("protests", "excessive_force_against_protesters", True, hit["excessive_force"])
    if hit["riot"] or (hit["protest"] and hit["arson"]):
        return EventType("riots", "violent_demonstration", True, hit["riot"] or hit["arson"])
    if hit["protest"] and hit["intervention"]:
        return EventType("protests", "protest_with_intervention", True, hit["intervention"])
    if hit["protest"]:
        return EventType("protests", "peaceful_protest", True, hit["protest"])
    return None


def _political(hit) -> bool:
    if hit["political_actor"] or hit["protest"] or hit["riot"]:
        return True
    return False


def refine_battle(event: EventType, texts: list[str], find=find_cue) -> EventType:
    """Use the whole mention: a base overrun or a garrison taken prisoner makes a battle an
    overtaking of territory; a stated recapture by the state makes it a regain. ``find(text,
    cue_name)`` reads the cue lists of the mention's language (English by default)."""
    if event.event_type != "battles" or event.sub_event_type != "armed_clash":
        return event
    joined = " ".join(norm_text(t) for t in texts)
    for name, sub in (
        ("overtake", "non_state_actor_overtakes_territory"),
        ("garrison_taken", "non_state_actor_overtakes_territory"),
        ("forced_withdrawal", "non_state_actor_overtakes_territory"),
    ):
        cue = find(joined, name)
        if cue:  # a rule, not the model, moved it: the model's confidence no longer applies
            return EventType("battles", sub, event.political, cue, None, event.sub_event_type)
    return event
