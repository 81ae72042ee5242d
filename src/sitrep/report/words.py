"""Plain words for the codes in the records: event types, precisions, claimant kinds, dates.

>>> type_label("violence_against_civilians")
'Violence against civilians'
>>> figure_range(31, None)
'31 or more'
"""

from __future__ import annotations

from sitrep.countries import country_name  # noqa: F401 (re-exported for the report)
from sitrep.records import parse_day

EVENT_TYPES = {
    "battles": ("Battles", "#d55e00"),
    "explosions_remote_violence": ("Explosions / remote violence", "#cc79a7"),
    "violence_against_civilians": ("Violence against civilians", "#0072b2"),
    "protests": ("Protests", "#009e73"),
    "riots": ("Riots", "#e69f00"),
    "strategic_developments": ("Strategic developments", "#56b4e9"),
}
OTHER_COLOUR = "#6b7280"

GEO_PRECISION = {
    "exact": "the place itself",
    "near": "near the named place",
    "admin2": "known only to the district",
    "admin1": "known only to the region",
    "country": "known only to the country",
    "unknown": "place not resolved",
}
DATE_PRECISION = {
    "day": "to the day",
    "week": "to the week",
    "part_of_month": "to part of a month",
    "month": "to the month",
    "year": "to the year",
    "unknown": "date not known",
}
CLAIMANT_KIND = {
    "security_source": "security source",
    "official": "official",
    "perpetrator": "perpetrator's claim",
    "witness": "witness",
    "medical": "medical source",
    "civil_society": "civil society",
    "media": "the reporting outlet",
    "unknown": "unattributed",
}
QUALIFIER = {
    "exactly": "exactly",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "about": "about",
    "vague": "vague quantity",
    "none": "",
}
REUSE_KIND = {
    "duplicate": "exact copy",
    "near_duplicate": "near-copy",
    "paraphrase": "rewrite (paraphrase)",
    "partial": "partial reuse",
    "translation": "translation",
}


def type_label(event_type: str | None) -> str:
    """Readable name of an ACLED event type."""
    if event_type in EVENT_TYPES:
        return EVENT_TYPES[event_type][0]
    return snake_words(event_type or "unknown").capitalize()


def type_class(event_type: str | None) -> str:
    """CSS class that colours an event type (report.css has one rule per ACLED type)."""
    return "t-" + event_type if event_type in EVENT_TYPES else "t-other"


def type_colour(event_type: str | None) -> str:
    return EVENT_TYPES.get(event_type or "", ("", OTHER_COLOUR))[1]


def snake_words(code: str | None) -> str:
    """``non_state_actor_overtakes_territory`` -> ``non state actor overtakes territory``."""
    return (code or "").replace("_", " ").strip()


parse_date = parse_day  # the report's name for the shared ISO-day parser


def format_date(value: str | None) -> str:
    """``2025-06-01`` -> ``1 Jun 2025``; unparseable text is returned as given."""
    day = parse_date(value)
    return f"{day.day} {day:%b %Y}" if day else (value or "")


def date_span(start: str | None, end: str | None) -> str:
    """A day, or a span ``11 May 2025 – 20 May 2025``; ``date unknown`` when neither is set."""
    if not start and not end:
        return "date unknown"
    if not end or end == start:
        return format_date(start or end)
    return f"{format_date(start)} – {format_date(end)}"


def figure_range(low: int | None, high: int | None) -> str:
    """How a low/high pair reads: ``31 or more``, ``13``, ``up to 5``, ``12–20``, ``no number``."""
    if low is None and high is None:
        return "no number"
    if high is None:
        return f"{low} or more"
    if low is None or low == 0 and high > 0:
        return f"up to {high}"
    return str(low) if low == high else f"{low}–{high}"


def percent(share: float | None) -> str:
    return "" if share is None else f"{round(100 * share)}%"
