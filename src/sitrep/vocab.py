"""The domain vocabulary every stage shares, defined once: import it, never copy it.

Precision words (most precise first), the ACLED / UCDP codes they map to, the figure fields of an
incident, the victim groups, claimant kinds, and ACLED event / sub-event types. ``records.py``
types its fields with the ``Literal`` aliases below, so a value outside the vocabulary fails
validation. Outlets live in ``sitrep/outlets.py`` and countries in ``sitrep/countries.py``.

    >>> GEO_RANK["admin1"] < GEO_RANK["country"]
    True
    >>> FIELD_OF["killed"], FIELD_VERB["fatalities"]
    ('fatalities', 'killed')
    >>> EVENT_TYPE_OF["air_drone_strike"]
    'explosions_remote_violence'
"""

from __future__ import annotations

import re
from typing import Literal

# --------------------------------------------------------------------------- saying
# The verbs (spaCy lemmas) of saying that every reader of attribution shares: who credited a
# figure (claimants.SAY_VERBS), who said an actor attacked (actors.SPEECH_VERBS), a date that is
# the statement's, not the event's (incidents._SPEECH_LEMMAS). Each adds its own words to these.
SAYING = frozenset(
    {"say", "tell", "report", "state", "announce", "add", "confirm", "acknowledge", "write", "post"}
)

# --------------------------------------------------------------------------- precision

# Where: most precise first; "near" is within NEAR_KM of a known point (geo/precision.py).
GEO_PRECISIONS = ("exact", "near", "admin2", "admin1", "country", "unknown")
GEO_RANK = {p: i for i, p in enumerate(GEO_PRECISIONS)}
# ACLED geo_precision: 1 the town, 2 near it / a district, 3 a region or coarser.
ACLED_GEO = {"exact": 1, "near": 2, "admin2": 2, "admin1": 3, "country": 3, "unknown": None}
# UCDP GED where_prec: 1 exact, 2 within 25 km, 3 admin2, 4 admin1, 6 country (5: a linear feature).
UCDP_WHERE = {"exact": 1, "near": 2, "admin2": 3, "admin1": 4, "country": 6, "unknown": None}

# When: most precise first.
DATE_PRECISIONS = ("day", "week", "part_of_month", "month", "year", "unknown")
DATE_RANK = {p: i for i, p in enumerate(DATE_PRECISIONS)}
# ACLED time_precision: 1 day, 2 within a week or so, 3 within a month or coarser.
ACLED_TIME = {"day": 1, "week": 2, "part_of_month": 2, "month": 3, "year": 3, "unknown": None}
# UCDP GED date_prec: 1 day, 2 2-6 days, 3 a week, 4 8-30 days / month, 5 longer.
UCDP_DATE = {"day": 1, "week": 3, "part_of_month": 4, "month": 4, "year": 5, "unknown": None}

GeoPrecision = Literal[GEO_PRECISIONS]  # type: ignore[valid-type]
DatePrecision = Literal[DATE_PRECISIONS]  # type: ignore[valid-type]

# --------------------------------------------------------------------------- figures

# The incident's own figure fields (others go to ``other_figures`` under their claim word).
FIGURE_FIELDS = ("fatalities", "wounded", "captured")
# The claim word ("what") of each field, as a sentence says it: "Killed: 30 soldiers".
FIELD_VERB = {"fatalities": "killed", "wounded": "wounded", "captured": "captured"}
# Claim words (Claim.what, as extraction and older stores write them) -> incident field.
FIELD_OF = {
    "killed": "fatalities",
    "dead": "fatalities",
    "died": "fatalities",
    "fatalities": "fatalities",
    "wounded": "wounded",
    "injured": "wounded",
    "captured": "captured",
    "taken_prisoner": "captured",
    "taken prisoner": "captured",
}

# Victim groups: the canonical group -> the words (lemmas) that name it. Data a user can extend
# with another region's words; a figure's group is one of these keys (or None).
GROUP_WORDS = {
    "soldiers": "soldier troop serviceman servicemen servicemember paratrooper marine recruit "
    "guardsman legionnaire sailor airman personnel army",
    "police": "police policeman policemen policewoman officer cop deputy trooper gendarme constable",
    "militants": "militant jihadist jihadi extremist insurgent fighter terrorist assailant attacker "
    "gunman gunmen rebel bandit islamist combatant militiaman shooter",
    "suspects": "suspect",
    "civilians": "civilian villager resident worshipper passenger student pupil farmer herder "
    "shepherd trader merchant miner pilgrim refugee migrant protester demonstrator "
    "journalist",
    "children": "child children kid boy girl baby infant toddler minor schoolchild",
    "people": "person people man men woman women individual victim adult teen teenager youth "
    "other others more bystander male female customer employee worker friend relative "
    "neighbor neighbour husband wife mother father son daughter brother sister "
    "driver guard inmate prisoner hostage occupant family member body",
}
VICTIM_GROUPS = tuple(GROUP_WORDS)
GROUP_OF = {w: g for g, words in GROUP_WORDS.items() for w in words.split()}
# Groups that can name the same victims within one article ("the suspect" / "the gunman").
GROUP_SIDE = {"soldiers": "soldiers", "police": "police", "militants": "assailants", "suspects": "assailants"}

# Who said a figure, most credible first; a perpetrator's own claim last (docs/reconciliation.md).
CLAIMANT_KINDS = (
    "official",
    "medical",
    "security_source",
    "civil_society",
    "witness",
    "media",
    "unknown",
    "perpetrator",
)
ClaimantKind = Literal[CLAIMANT_KINDS]  # type: ignore[valid-type]

# Wording that says a toll changed ("a second victim died Tuesday", "the toll has risen to 3",
# "initially reported"): merging lets such a report set the incident's figure (reconcile), and a
# report saying it never refuses to join another on different counts (link).
UPDATE_WORDS = re.compile(
    r"\b(?:died later|later died|(?:has|have) (?:since )?died|since died|succumbed|now dead"
    r"|died (?:overnight|of (?:his|her|their) (?:injuries|wounds)|(?:in|at) (?:the |a )?hospital)"
    r"|(?:a |the )?(?:second|third|fourth|another) (?:victim|person|man|woman|boy|girl|teen)\b[^.]{0,40}?\bdied"
    r"|(?:death )?toll (?:has )?(?:rose|rises|risen|climbed|increased)"
    r"|(?:has|have) (?:risen|climbed|grown|increased) to|(?:rose|risen|climbed|grew|increased) to"
    r"|now stands at|revised (?:\w+ )?(?:toll|count|number|figures?)|new (?:information|details)|initially|(?:earlier|first) reports?)\b",
    re.I,
)

# --------------------------------------------------------------------------- event types

# ACLED event type -> its sub-event types (codebook order).
SUB_EVENT_TYPES = {
    "battles": ("armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"),
    "explosions_remote_violence": (
        "chemical_weapon",
        "air_drone_strike",
        "suicide_bomb",
        "shelling_artillery_missile_attack",
        "remote_explosive_landmine_ied",
        "grenade",
    ),
    "violence_against_civilians": ("sexual_violence", "attack", "abduction_forced_disappearance"),
    "protests": ("peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"),
    "riots": ("violent_demonstration", "mob_violence"),
    "strategic_developments": (
        "agreement",
        "arrests",
        "change_to_group_activity",
        "disrupted_weapons_use",
        "headquarters_or_base_established",
        "looting_property_destruction",
        "non_violent_transfer_of_territory",
        "other",
    ),
}
EVENT_TYPES = tuple(SUB_EVENT_TYPES)
EVENT_TYPE_OF = {sub: ev for ev, subs in SUB_EVENT_TYPES.items() for sub in subs}
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]
SubEventType = Literal[tuple(EVENT_TYPE_OF)]  # type: ignore[valid-type]
# Sub-event types that are ACLED events only with a political side (a robbery, a thief's arrest, a
# gang's looting are not); every other type is one whoever acts. Read by the cue rules
# (extract/event_types.classify_event) and the typer (extract/typer.decide) alike.
NEEDS_POLITICAL = frozenset(
    ["attack", "abduction_forced_disappearance", "sexual_violence", "arrests", "looting_property_destruction"]
)


# Cardinal number words, as extraction reads counts ("three soldiers") and reuse compares figures.
CARDINALS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Calendar words, lower case: what dates are made of, and so never a place, a person or a count.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
