"""One or two sentences per incident, every figure cited by outlet or article.

>>> summarize(incident, outlet_of)
'Battle (non-state actor overtakes territory) in Boulkessi, Mali on 2025-06-01 (JNIM against Malian armed forces). Killed: more than 30 soldiers (Reuters: two security sources), ...'
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.merge.conflicts import value_phrase
from sitrep.records import Figure, FigureClaim, Incident
from sitrep.vocab import FIELD_VERB

MAX_CLAIMS = 4
EVENT_WORD = {
    "battles": "Battle",
    "explosions_remote_violence": "Explosion or remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protest",
    "riots": "Riot",
    "strategic_developments": "Strategic development",
}


def _cite(fc: FigureClaim, outlet_of: Callable[[str], str]) -> str:
    who = outlet_of(fc.origin)
    if fc.attributed_to:
        who = f"{who}: {fc.attributed_to}"
    if fc.echoes:
        who += f"; echoed by {len(fc.echoes)}"
    return who


def _figure_words(word: str, fig: Figure, outlet_of: Callable[[str], str]) -> str:
    parts = []
    claims = [c for c in fig.claims if c.low is not None or c.high is not None]
    specific = [c for c in claims if c.qualifier != "vague"] or claims
    for fc in specific[:MAX_CLAIMS]:
        group = f" {fc.group}" if fc.group and fc.group != "people" else ""
        if fc.low == 1 and fc.high == 1 and group.endswith("s"):
            group = group[:-1]  # "1 soldier"
        parts.append(f"{value_phrase(fc)}{group} ({_cite(fc, outlet_of)})")
    if len(specific) > MAX_CLAIMS:
        parts.append(f"{len(specific) - MAX_CLAIMS} more reports")
    for fc in fig.shared_claims[:2]:
        n = len(fc.shared_with) + 1
        parts.append(
            f"{value_phrase(fc)}{' ' + fc.group if fc.group else ''} across {n} incidents "
            f"({_cite(fc, outlet_of)})"
        )
    if not parts:
        return ""
    head = f"{word}: " + ", ".join(parts)
    if fig.low is not None and len(specific) > 1:
        head += f" (low {fig.low}, best {fig.best if fig.best is not None else 'not set'})"
    return head


def summarize(inc: Incident, outlet_of: Callable[[str], str]) -> str:
    """Sentence one: what, where, when, who. Sentence two: every figure with its source."""
    what = inc.label.strip().rstrip(".") if inc.label else EVENT_WORD.get(inc.event_type, "Incident")
    if not inc.label and inc.sub_event_type:
        what += f" ({inc.sub_event_type.replace('_', ' ')})"
    where = inc.location.name if inc.location else "an unknown place"
    if inc.location and inc.location.country_code:
        where += f", {inc.location.country_code}"
    when = inc.date.start or "an unknown date"
    if inc.date.end and inc.date.end != inc.date.start:
        when = f"{inc.date.start} to {inc.date.end}"
    perps = [a.name for a in inc.actors if a.role == "perpetrator"]
    targets = [a.name for a in inc.actors if a.role == "target"]
    who = ""
    if perps:
        who = f" ({', '.join(perps)}" + (f" against {', '.join(targets)})" if targets else ")")
    # a label that already names the place ("attack on Boulkessi") only needs the country added
    if inc.location and inc.location.name.lower() in what.lower():
        where = inc.location.country_code or ""
        place = f" ({where})" if where else ""
    else:
        place = f" in {where}"
    first = (
        f"{what}{place} on {when}{who}; {len(inc.articles)} article(s), "
        f"{inc.independent_origins} independent origin(s)."
    )
    figs = [(FIELD_VERB.get(f, f), fig) for f, fig in inc.figures()]
    words = [w for w in (_figure_words(word.capitalize(), fig, outlet_of) for word, fig in figs) if w]
    second = ("; ".join(words) + ".") if words else "No figures reported."
    return f"{first} {second}"
