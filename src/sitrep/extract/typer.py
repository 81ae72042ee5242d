"""One sentence's ACLED type: the cue rules and the type model together, then ACLED's precedence.

    >>> event = type_span(doc[:])      # EventType with .confidence and .runner_up, or None

- The cue rules (``event_types.classify_event``) answer first; their answer is also one of the
  model's features, so the model learns where they can be trusted.
- The type model (``type_model.TypeModel``) gives a calibrated probability for each of the 25
  sub-event types and for "none". Its first choice is the type when the rules found none or when
  it is at least ``OVERRIDE_AT`` sure; otherwise the rules' type stands. Then ACLED's precedence
  rules (``precedence.py``) may move it.
- A sentence the rules call an event but the model reads as none (at least ``OVERRIDE_AT`` sure,
  and naming no state force or armed group when the rules found it political) (a statement about an attack, a
  crime with no political side, an accident) keeps its mention and type but is marked
  ``political=False``: outside ACLED's scope, which is what ``political`` means in the contract.
- A sentence with no cue that the model reads as an event becomes one only when the model is at
  least ``ADD_AT`` sure, or ``ADD_WITH_ACTOR_AT`` when it names an armed actor, a state force or
  protesters (a strategic development in words nobody listed).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.extract.event_types import (
    EVENT_TYPE_OF,
    EventType,
    _political,
    classify_event,
    cue_hits,
)
from sitrep.extract.precedence import apply_precedence
from sitrep.extract.type_model import LABELS, NONE, TypeModel, features, top_two

# Thresholds on the model's calibrated probability, set from the prototypes' out-of-fold
# calibration and the seed articles (never from the held-out set).
ADD_AT = 0.7  # a sentence without any cue becomes an event
ADD_WITH_ACTOR_AT = 0.35  # ... or this, when it names an armed actor, a state force or protesters
OVERRIDE_AT = 0.6  # the model's type replaces a different type given by the cue rules
_KINDS = ("state_kind", "rebel_kind", "protester_kind")


def type_span(span, text: str | None = None) -> EventType | None:
    """The event type of one sentence (a spaCy span of an already parsed doc), or None."""
    text = text if text is not None else span.text
    hit = cue_hits(text)
    rule = classify_event(text, hit)
    probs = TypeModel.load().probabilities(features(span, hit, rule.sub_event_type if rule else NONE))
    return decide(rule, probs, hit)


def decide(rule: EventType | None, probs, hit: dict) -> EventType | None:
    """Combine the rules' answer and the model's probabilities (see the module's docstring)."""
    first, _ = top_two(probs)
    label, sure = LABELS[first], float(probs[first])
    if rule is not None and label != rule.sub_event_type and sure < OVERRIDE_AT:
        label = rule.sub_event_type  # an unsure model does not overrule a precise cue
    if label == NONE:
        if rule is None:
            return None
        if rule.political and (hit.get("rebel_kind") or hit.get("state_kind")):
            label = rule.sub_event_type  # armed actors named: ACLED's scope, whatever the wording
    if label == NONE:
        return replace(
            rule, political=False, confidence=sure, runner_up=_runner_up(probs, rule.sub_event_type)
        )
    actor = any(hit.get(k) for k in _KINDS)
    if rule is None and sure < (ADD_WITH_ACTOR_AT if actor else ADD_AT):
        return None
    sub, moved = apply_precedence(label, hit)
    confidence = float(probs[LABELS.index(label)] if moved else probs[LABELS.index(sub)])
    if rule is not None:
        political = rule.political
    else:
        political = bool(_political(hit) or actor)
    cue = (rule.cue if rule is not None and rule.sub_event_type == sub else "") or (moved or "model")
    return EventType(EVENT_TYPE_OF[sub], sub, political, cue, confidence, _runner_up(probs, sub))


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
