"""The words figures are made of: casualty verbs, nouns and adjectives (victim groups: ``sitrep.vocab``).

Data tables a user can extend (another language's or region's words go here):

    >>> VERB_WHAT["kill"], GROUP_OF["jihadist"]
    ('killed', 'militants')
"""

from __future__ import annotations

import re

from sitrep.extract.quantities import VAGUE_WORDS
from sitrep.vocab import GROUP_OF, MONTHS  # victim groups: the shared vocabulary

VERB_WHAT = {
    "kill": "killed",
    "slay": "killed",
    "murder": "killed",
    "execute": "killed",
    "behead": "killed",
    "massacre": "killed",
    "slaughter": "killed",
    "assassinate": "killed",
    "neutralise": "killed",
    "neutralize": "killed",
    "die": "killed",
    "perish": "killed",
    "lynch": "killed",
    "wound": "wounded",
    "injure": "wounded",
    "hurt": "wounded",
    "maim": "wounded",
    "hospitalize": "shot",
    "hospitalise": "shot",
    "shoot": "shot",
    "stab": "shot",
    "graze": "shot",
    "capture": "captured",
    "seize": "captured",
    "arrest": "arrested",
    "detain": "arrested",
    "apprehend": "arrested",
    "abduct": "abducted",
    "kidnap": "abducted",
    "displace": "displaced",
    "uproot": "displaced",
    "disappear": "missing",
}
ADJ_WHAT = {
    "dead": "killed",
    "deceased": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "hurt": "wounded",
    "missing": "missing",
    "killed": "killed",
}
NOUN_WHAT = {
    "death": "killed",
    "fatality": "killed",
    "dead": "killed",
    "injury": "wounded",
    "wounded": "wounded",
    "injured": "wounded",
    "arrest": "arrested",
    "abduction": "abducted",
    "kidnapping": "abducted",
    "life": "killed",
    "body": "killed",
    "wound": "wounded",
    "condition": "wounded",
}
# "suffered gunshot wounds", "was treated for injuries", "in critical condition": the subject was hurt.
SUFFER_VERBS = {
    "suffer",
    "sustain",
    "receive",
    "treat",
    "leave",
    "list",
    "be",
    "remain",
    "take",
    "hospitalize",
    "have",
}
# "was taken to a hospital" after a shooting: the person was hit (the toll nets the dead out).
CARRY_VERBS = {"take", "transport", "rush", "fly", "airlift", "carry", "bring", "drive"}
CONDITIONS = {"critical", "serious", "stable", "fair", "good", "grave"}
# Verbs whose object must be a person for the figure to count ("seized 40 soldiers", not a base).
PERSON_ONLY = {"seize", "capture", "flee", "displace", "disappear", "execute"}
# "taken prisoner" / "taken hostage" (a verb with an object predicate).
TAKE_WHAT = {"prisoner": "captured", "captive": "captured", "hostage": "abducted", "hostages": "abducted"}
# Objects that are never casualty figures ("killed the engine", "shot 12 rounds").
NON_PERSON = set(
    [
        "animal",
        "dog",
        "cat",
        "cow",
        "cattle",
        "livestock",
        "goat",
        "sheep",
        "camel",
        "horse",
        "bird",
        "deer",
        "vehicle",
        "car",
        "truck",
        "building",
        "home",
        "house",
        "round",
        "shot",
        "bullet",
        "hour",
        "day",
        "year",
        "time",
        "minute",
        "engine",
        "plant",
        "crop",
        "tree",
        "attack",
        "base",
        "town",
        "city",
        "village",
        "weapon",
        "gun",
        "rifle",
        "bill",
        "plan",
        "deal",
        "idea",
        "chance",
        "motion",
        "process",
        "project",
        "fire",
        "light",
        "lead",
        "money",
        "dollar",
        "percent",
        "window",
        "door",
        "tire",
        "tyre",
        "attempt",
        "incident",
        "action",
        "investigation",
        "scene",
        "case",
        "range",
        "spree",
        "video",
        "footage",
        "photo",
        "picture",
        "story",
        "report",
        "shooting",
        "morning",
        "evening",
        "night",
        "afternoon",
        "weekend",
        "today",
        "week",
        "month",
    ]
)
PRONOUN_ONE = {"he": 1, "she": 1, "him": 1, "her": 1, "his": 1}
REFLEXIVE = {"himself", "herself"}
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
# "a quadruple shooting", "a double homicide": the event's name counts its victims (shot or dead)
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_EVENTS = {
    "shooting": "shot",
    "homicide": "killed",
    "murder": "killed",
    "killing": "killed",
    "slaying": "killed",
}
# "the death toll rose to three", "the toll stands at 4": the verbs that give a toll's level
TOLL_VERBS = {"rise", "climb", "increase", "reach", "stand", "grow", "jump", "be", "hit"}
ORDINAL_RANKS = {"first", "latest", "last", *ORDINALS}  # "the third of four people killed"
CLOCK_WORDS = {"o'clock", "a.m.", "p.m.", "am", "pm", "a.m", "p.m"}  # "4 o'clock": a time, not a count
RELATIVE = {"who", "that", "which", "whom"}
MODALS = {"could", "would", "might", "may", "will", "should", "can", "must", "shall", "'ll", "wo"}
HYPOTHETICAL = {
    "threaten",
    "plan",
    "try",
    "want",
    "vow",
    "attempt",
    "aim",
    "intend",
    "seek",
    "plot",
    "conspire",
    "order",
    "fear",
    "prevent",
    "allow",
}
AGGREGATE = re.compile(
    r"\bsince (?!(monday|tuesday|wednesday|thursday|friday|saturday|sunday|been|then)\b)|\bso far\b|\bthis year\b"
    r"|\bto date\b|\bin recent (days|weeks|months|years)\b|\bover the (past|last)\b"
    r"|\bin the (past|last) (\w+ )?(weeks|months?|years?|decades?)\b|\bper (year|month)\b|\beach year\b"
    r"|\bannually\b|\byear-to-date\b|\bcumulative\b|\bin total\b|\bsince records began\b",
    re.I,
)
SHARED = re.compile(
    r"\bin (the )?(two|three|four|five|six|several|multiple|separate|a series of|a spate of|\d+|these"
    r"|both|twin|coordinated|co-ordinated)\b[\w\s-]{0,30}?\b(attacks|raids|incidents|ambushes|assaults"
    r"|clashes|shootings|strikes|bombings|explosions|operations)\b",
    re.I,
)

# A round-up: a sentence tallying several shootings ("in separate shootings across the city",
# "a series of weekend shootings left five dead"): its figures are no one incident's.
# ("three separate homicide cases": cases of several events)
_EVENTS = (
    r"(?:shootings|homicides|killings|murders|slayings|(?:shooting|homicide|murder) (?:cases|investigations))"
)
ROUNDUP = re.compile(
    r"\b(?:separate|unrelated|weekend|overnight|citywide|several|multiple"
    r"|(?:series|string|spate|rash|wave|dozens?) of)\b[\w\s,'-]{0,30}?\b" + _EVENTS + r"\b"
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'-]+\s+)?" + _EVENTS + r"\b"
    r"|\b" + _EVENTS + r"\b[^.;]{0,25}\b(?:across|around|throughout)\b",
    re.I,
)
# "45 people were killed in July": a month's tally (read for three or more victims only, as one
# victim "killed in July" is the story's own)
MONTH_TALLY = re.compile(
    r"\b(?:in|during|last|this|a given|each) (?:month|" + "|".join(MONTHS) + r")\b(?!\s*\d)",
    re.I,
)
TALLY_AT_LEAST = 3


def group_of(tok) -> str | None:
    """Normalised victim group of a noun token ("jihadists" -> "militants"), or None."""
    for word in (tok.lemma_.lower(), tok.lower_):
        if word in GROUP_OF:
            return GROUP_OF[word]
    if tok.ent_type_ in ("PERSON", "NORP") or is_age_noun(tok):
        return "people"
    return None


# "17 y.o", "a 15 yo", "16 y/o" (the parser makes "o" the noun): years old, written short.
AGE_ABBREVIATIONS = {"y.o", "y.o.", "yo", "y/o", "yr-old", "yo."}


def is_age_noun(tok) -> bool:
    """An age standing for a person: "the 17-year-old was shot", "a 15 yo" (not "a 17-year-old boy")."""
    if (
        tok.lower_ in AGE_ABBREVIATIONS
        or tok.lower_ == "o"
        and tok.i > 1
        and tok.nbor(-1).text == "/"
        and tok.nbor(-2).lower_ == "y"
    ):
        return tok.dep_ != "amod" and any(c.like_num for c in tok.lefts)
    return (
        tok.lower_ in ("old", "year-old")
        and tok.dep_ != "amod"
        and any(c.lower_ in ("year", "years", "month", "months") or c.like_num for c in tok.lefts)
    )


def is_number(tok) -> bool:
    return (
        tok.like_num
        or tok.pos_ == "NUM"
        or tok.lower_ in VAGUE_WORDS
        or tok.lower_ in ("none", "all", "dozen", "both", "some", "nobody", "more", "others")
    )


def age_after_name(tok) -> bool:
    """A number set off by a comma after a name or person word is an age: "Boy, 9, shot", "Jo Long, 67 - ..."."""
    doc, i = tok.doc, tok.i
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    return (
        tok.text.isdigit()
        and i >= 2
        and doc[i - 1].text == ","
        and after in ("", ",", "-", "–", "—", "[", "(", "|")
        and (group_of(doc[i - 2]) is not None or doc[i - 2].pos_ == "PROPN")
    )


# A figure the article itself says was replaced: "Police initially reported eight shot", "Earlier,
# the attorney general said 13 had been killed", unless a correction follows the word ("initially
# reported as a triple shooting, but police confirmed four were shot": the four stands).
SUPERSEDED = re.compile(
    r"\b(?:initially|originally|at first|initial reports?|the initial report|early reports?|earlier reports?"
    r"|first reported|first reports?)\b|^\W*earlier,",
    re.I,
)
CORRECTION = re.compile(r"\b(?:but|however|later|now|since|although|though)\b", re.I)
