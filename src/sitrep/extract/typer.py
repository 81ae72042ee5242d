"""One sentence's ACLED type: the cue rules and the type model together, then ACLED's precedence.

    >>> event = type_span(doc[:])      # EventType with .confidence and .runner_up, or None

- The cue rules (``event_types.classify_event``) answer first; their answer is also one of the
  model's features, so the model learns where they can be trusted.
- The type model (``type_model.TypeModel``) gives a calibrated probability for each of the 25
  sub-event types and for "none". Whether the sentence reports an event is read from P(none);
  which event, from the likeliest of the 25 types. The model's type replaces the rules' when the
  model finds it likelier than the rules' type and at least ``OVERRIDE_AT`` sure; otherwise the
  rules' type stands. Then ACLED's precedence rules (``precedence.py``) may move it.
- A sentence the rules call an event but the model reads as none (P(none) at least
  ``NOT_EVENT_AT``, and naming no state force or armed group when the rules found it political:
  a statement about an attack, a crime with no political side, an accident) keeps its mention and
  type but is marked ``political=False``: outside ACLED's scope, which is what ``political``
  means in the contract.
- A sentence with no cue becomes an event when P(some event) = 1 - P(none) is at least
  ``ADD_AT``, or ``ADD_WITH_ACTOR_AT`` when it names an armed actor, a state force or protesters
  (a strategic development, a seized town, in words nobody listed), and when it tells of
  something done (a verb in the past tense: not a threat, a plan or an analysis).
- ``political``: battles, remote violence, protests, riots (mob violence included) and the
  strategic developments other than arrests and looting are ACLED events whoever acts; violence
  against civilians, arrests and looting are political when a political actor or cue is named,
  or when the model finds the type likelier than "none" (which holds crimes and accidents).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from sitrep.extract.event_types import (
    EVENT_TYPE_OF,
    EventType,
    _political,
    classify_event,
    cue_hits,
)
from sitrep.extract.precedence import apply_precedence
from sitrep.extract.type_model import LABELS, NONE, TypeModel, features, top_two
from sitrep.vocab import NEEDS_POLITICAL

# Thresholds on the model's calibrated probabilities, set from the prototypes' out-of-fold
# predictions (scripts/train_event_types.py prints them) and the seed articles, never from the
# held-out set.
ADD_AT = 0.6  # a sentence without any cue becomes an event: P(some event) = 1 - P(none)
ADD_WITH_ACTOR_AT = 0.5  # ... or this, when it names an armed actor, a state force or protesters
OVERRIDE_AT = 0.5  # the model's type replaces the cue rules' type when likelier than it and this sure
NOT_EVENT_AT = 0.6  # a rule event the model reads as none at least this sure is marked not political
_KINDS = ("state_kind", "rebel_kind", "protester_kind")


def type_span(span, text: str | None = None) -> EventType | None:
    """The event type of one sentence (a spaCy span of an already parsed doc), or None."""
    text = text if text is not None else span.text
    hit = cue_hits(text)
    rule = classify_event(text, hit)
    if rule is None and not happened(span):
        return None  # a threat, a plan, an analysis: ACLED codes what happened
    probs = TypeModel.load().probabilities(features(span, hit, rule.sub_event_type if rule else NONE))
    return decide(rule, probs, hit)


def happened(span) -> bool:
    """The sentence tells of something done: a verb in the past ("seized"), or a participle with
    an auxiliary ("have set up", "was handed over"); "are trying to reach the coast" is not."""
    for t in span:
        if t.tag_ == "VBD":
            return True
        if t.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") for c in t.children):
            return True
    return False


def decide(rule: EventType | None, probs, hit: dict) -> EventType | None:
    """Combine the rules' answer and the model's probabilities (see the module's docstring).

    Whether the sentence reports an event at all is read from P(none), not from the surest type:
    an unlisted phrasing often spreads its probability over two or three neighbouring types
    (clash, regain, overtake) while "none" stays low."""
    p_none = float(probs[LABELS.index(NONE)])
    best = _best_event(probs)
    actor = any(hit.get(k) for k in _KINDS)
    if rule is None:
        if 1.0 - p_none < (ADD_WITH_ACTOR_AT if actor else ADD_AT):
            return None
        label = best
    elif p_none >= NOT_EVENT_AT and not (rule.political and (hit.get("rebel_kind") or hit.get("state_kind"))):
        # the rules see an event, the model a crime, an accident or a statement
        return replace(rule, political=False, confidence=p_none, runner_up=_runner_up(probs, NONE))
    elif (
        best != rule.sub_event_type
        and _p(probs, best) >= OVERRIDE_AT
        and _p(probs, best) > _p(probs, rule.sub_event_type)
    ):
        label = best
    else:
        label = rule.sub_event_type  # an unsure model does not overrule a precise cue
    sub, moved = apply_precedence(label, hit)
    confidence = float(probs[LABELS.index(label)] if moved else probs[LABELS.index(sub)])
    # the model's "none" class holds crimes, accidents and statements: a type it finds likelier
    # than none is an ACLED event even when no listed actor word says so
    political = (
        sub not in NEEDS_POLITICAL
        or bool(_political(hit) or hit.get("rebel_kind") or hit.get("state_kind"))
        or (rule is not None and rule.political)
        or _p(probs, sub) > p_none
    )
    cue = (rule.cue if rule is not None and rule.sub_event_type == sub else "") or (moved or "model")
    return EventType(EVENT_TYPE_OF[sub], sub, political, cue, confidence, _runner_up(probs, sub))


def _p(probs, label: str) -> float:
    return float(probs[LABELS.index(label)])


def _best_event(probs) -> str:
    order = [k for k in np.argsort(-probs, kind="stable") if LABELS[k] != NONE]
    return LABELS[int(order[0])]


def _runner_up(probs, chosen: str) -> str:
    first, second = top_two(probs)
    return LABELS[second] if LABELS[first] == chosen else LABELS[first]


def incident_certainty(mentions, sub: str) -> dict:
    """An incident's ``type_confidence`` and ``type_runner_up``: those of its surest mention of the
    chosen sub-event type (the merge stage picks the type by vote over its mentions)."""
    scored = [m for m in mentions if m.sub_event_type == sub and m.type_confidence is not None]
    if not scored:
        return {}
    best = max(scored, key=lambda m: m.type_confidence)
    return {"type_confidence": best.type_confidence, "type_runner_up": best.type_runner_up}
