"""Whose day a date is: the incident's, or a statement's, a later step's, a page's stamp.

    >>> is_speech_date("Police said on", " that two men were shot")    # the statement's day
    True
    >>> is_speech_date("Officers said", " shooting left two dead")     # "said Saturday's shooting"
    False

The splitter (``incidents.split_mentions``) and the extraction pipeline ask these before a date
may date an incident; ``is_background`` marks context ("a growing insurgency") that dates nothing.
"""

from __future__ import annotations

import re

from sitrep.extract.dates import STAMPED
from sitrep.vocab import SAYING

_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|say|told|statement|statements|announced|acknowledged|reported|added|"
    r"confirmed|posted|wrote|tweeted|released|media|according to)\b[^.;]{0,25}$",
    re.IGNORECASE,
)
# A later step of the story, not the incident: arrests, charges, court, custody, a victim's state,
# a funeral or vigil, something still to come ("will be arraigned Thursday").
_PROCEDURE_BEFORE = re.compile(
    r"(?:\b(?:arrested|arrest|arrests|charged|arraigned|arraignment|booked|indicted|sentenced|"
    r"pleaded|convicted|court|judge|hearing|custody|jail|bond|funeral|vigil|memorial|updated|"
    r"published|scheduled|will|remains?\s+(?:in\s+)?(?:the\s+)?hospital(?:ized)?|remained|"
    r"(?:critical|stable|serious|fair|good)\s+condition|expected|comment|declined|"
    r"turn(?:ed|s)?\s+(?:himself|herself|themselves)\s+in(?:to)?)\b"
    r"(?:\s+[\w'’]+){0,2}|\(@\w+\))\s*,?\s*$",
    re.IGNORECASE,
)
_PROCEDURE_AFTER = re.compile(
    r"^\s*,?\s*(?:arrested|charged|arraigned|booked|indicted|identified|announced|named|filed)\b",
    re.IGNORECASE,
)
_EVENT_VERB = re.compile(
    r"\b(?:shot|shooting|killed|wounded|injured|attacked|died|happened|occurred|struck|fired|"
    r"stabbed|found)\b",
    re.IGNORECASE,
)
# "the Dec. 12 shooting", "Saturday's attack": the date names the event itself
_EVENT_AFTER = re.compile(
    r"^\s*(?:(?:fatal|deadly|double|triple|quadruple|mass|drive-by|accidental)\s+)*"
    r"(?:shootings?|attacks?|killings?|homicides?|slayings?|stabbings?|murders?|gunfire|incident)\b",
    re.IGNORECASE,
)
_BACKGROUND = re.compile(
    r"\b(?:insurgenc(?:y|ies)|(?:a larger |the )?trend|on the rise|a host of|several attacks|"
    r"recent attacks|series of attacks|in recent years|has battled|have battled|are ruled by|"
    r"governed by|seized power|has established|have established|has been under siege|"
    r"escalating violence|growing insecurity|has been escalating|military coups?|uprising|"
    r"ongoing (?:battle|violence|conflict)|have expelled|were expelled)\b",
    re.IGNORECASE,
)


def is_speech_date(text_before: str, text_after: str = "") -> bool:
    """'said on Monday', 'in a statement released Monday': the date of a statement, not an event;
    so is the day of a later step ('was arrested Friday', 'appeared in court Tuesday', 'police on
    Sunday arrested', 'a vigil will be held Sunday') or an embedded post's stamp ('(@name) May 11').
    A date that names the event itself ('said the Dec. 12 shooting', "Saturday's attack") is kept."""
    if _EVENT_AFTER.match(text_after):
        return False
    speech = _SPEECH_BEFORE.search(text_before)
    # "police say the man was shot Sunday": the date is the shooting's, told by the police
    return bool(
        (speech and not _EVENT_VERB.search(speech.group(0)))
        or _PROCEDURE_BEFORE.search(text_before)
        or STAMPED.search(text_before[-60:])  # a page's own stamp: when it was written, not what it tells
        or _PROCEDURE_AFTER.match(text_after)
    )


# The verbs of saying and publishing: a date hanging on one of them is the statement's. Not
# claimants.SAY_VERBS, which credit a figure to a source ("put the toll at", "estimate", "count"):
# here publishing ("post", "release", "update") counts and estimating does not.
_SPEECH_LEMMAS = SAYING | {
    "comment",
    "explain",
    "issue",
    "note",
    "publish",
    "release",
    "speak",
    "tweet",
    "update",
}


def is_told_date(text_before: str, text_after: str, verb) -> bool:
    """'police say a man mishandled a gun Tuesday night': the words before the date look like
    speech, but the parse hangs the date on the act told (``verb``, the verb token it depends on),
    so it is the event's day; a later step ('was arrested Friday') never is."""
    return bool(
        verb is not None
        and verb.lemma_.lower() not in _SPEECH_LEMMAS
        and _SPEECH_BEFORE.search(text_before)
        and not _PROCEDURE_BEFORE.search(text_before)
        and not _PROCEDURE_AFTER.match(text_after)
        and not _EVENT_AFTER.match(text_after)
    )


def date_verb(span, start: int, end: int):
    """The verb token a date (``start``-``end``, offsets into the parsed doc) depends on, or None
    (a sentence not parsed, a date hanging on no verb: "an autopsy Monday")."""
    if span is None:
        return None
    found = span.doc.char_span(start, end, alignment_mode="expand")
    tok = found.root if found is not None and len(found) else None
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = None if tok.head is tok else tok.head
    return None


def told_in_past(verb) -> bool:
    """'deputies received a report Friday', 'who was shot Monday night': an act told in the past;
    'is to be arraigned Friday', 'is expected to come home Wednesday' are not, nor is a statement
    ('police released the names Sunday': its day is the statement's, not the act's)."""
    if verb is None or verb.lemma_.lower() in _SPEECH_LEMMAS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ in ("MD", "TO") for c in auxes):
        return False
    return verb.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" for c in auxes)


def is_background(text: str) -> bool:
    return bool(_BACKGROUND.search(text))
