"""The typed records every stage passes to the next.

Data flows one way: ingest -> clean -> reuse -> extract -> geo -> merge -> export/report.
Each stage is a plain function from these records to these records; the store, the CLI and the
report sit at the edges and are the only places that do I/O.

Offsets: unless a field says otherwise, a span ``(start, end)`` is a pair of character offsets into
the article's *text as given* (``Article.raw_text``; for HTML the extracted main text), so
``article.raw_text[start:end]`` is what the span names. Stages that work on the cleaned text map
their offsets back with ``Article.offsets``.

    >>> m = OffsetMap(segments=[(0, 0, 5), (5, 8, 4)])   # raw "Hello---World" -> clean "HelloWorl"
    >>> m.to_raw(6)
    9
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from sitrep.vocab import (
    FIGURE_FIELDS,
    ClaimantKind,
    DatePrecision,
    EventType,
    GeoPrecision,
    SubEventType,
)

SCHEMA_VERSION = 1

Span = tuple[int, int]
_SURROGATE = re.compile("[\ud800-\udfff]")

Qualifier = Literal["exactly", "at_least", "more_than", "up_to", "about", "vague", "none"]
ReuseKind = Literal["duplicate", "near_duplicate", "paraphrase", "partial", "translation"]


def parse_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime string (``published``, ``DateInfo.start``), or None.

    >>> parse_day("2025-06-02T10:00:00Z")
    datetime.date(2025, 6, 2)
    """
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class Record(BaseModel):
    """Base for all records: plain data, JSON round-trip via ``to_dict`` / ``from_dict``."""

    model_config = {"extra": "forbid", "validate_assignment": False}

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: dict):
        return cls.model_validate(data)


# --------------------------------------------------------------------------- ingest


class Rejection(Record):
    """An input (or one line/record of it) that could not be used, and why, in plain words."""

    input: str
    reason: str
    code: str = "unreadable"  # empty | binary | too_large | encoding | bad_json | bad_xml | bad_html | bad_warc | no_text | io_error | ...
    line: int | None = None


class Document(Record):
    """What a reader found in one input, before cleaning. ``text`` is the text as given."""

    input: str  # path, or "path#line=3" / "path#entry=2" for multi-record inputs
    text: str
    format: str  # txt | html | jsonl | rss | atom | warc
    article_id: str | None = None  # from a JSONL id or the manifest; else the pipeline names it
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date or datetime
    encoding: str | None = None
    notes: list[str] = Field(default_factory=list)  # e.g. "decoded as cp1252 (no charset declared)"
    from_manifest: list[str] = Field(
        default_factory=list
    )  # fields the manifest set (they beat what cleaning finds)
    # what names this input across runs (its resolved path, or its file and own id): a new text
    # under the same key is a new version of the article; None for a record known by position only
    key: str | None = None

    @model_validator(mode="after")
    def _no_lone_surrogates(self) -> Document:
        # JSON may escape half a UTF-16 pair ("\ud800"): no UTF-8 store or file can hold it.
        fixed = 0
        for name in ("input", "text", "article_id", "title", "url", "outlet", "author", "published"):
            value = getattr(self, name)
            if value and _SURROGATE.search(value):
                setattr(self, name, _SURROGATE.sub("\ufffd", value))
                fixed += 1
        if fixed:
            self.notes.append(f"unpaired surrogate code points replaced by U+FFFD in {fixed} field(s)")
        return self


# --------------------------------------------------------------------------- clean


class OffsetMap(Record):
    """Maps offsets in the clean text to offsets in the raw text.

    Cleaning only *deletes* raw characters, so the clean text is a concatenation of raw slices:
    each segment ``(clean_start, raw_start, length)`` says ``clean[cs:cs+n] == raw[rs:rs+n]``.
    """

    segments: list[tuple[int, int, int]] = Field(default_factory=list)

    def to_raw(self, i: int) -> int:
        """Raw offset of clean offset ``i`` (an end offset maps to just after its character)."""
        if not self.segments:
            return i
        starts = [s[0] for s in self.segments]
        k = max(bisect.bisect_right(starts, i) - 1, 0)
        cs, rs, n = self.segments[k]
        return rs + min(i - cs, n)

    def span_to_raw(self, start: int, end: int) -> Span:
        """Raw span covering the clean span ``[start, end)``."""
        if end <= start:
            r = self.to_raw(start)
            return (r, r)
        return (self.to_raw(start), self.to_raw(end - 1) + 1)


class Credit(Record):
    """A credit line or byline taken out of the text and kept as metadata."""

    text: str
    span: Span
    kind: Literal["credit_line", "byline", "dateline"] = "credit_line"
    outlet: str | None = None
    author: str | None = None


class Removed(Record):
    """A span of site furniture removed by cleaning (raw offsets) and what it was."""

    span: Span
    kind: str  # related_links | lone_punctuation | caption | image_alt | footnote_mark | prompt | byline | credit_line | dateline | whitespace


class Article(Record):
    """One stored article: the text as given, the clean text, and how they map."""

    article_id: str
    input: str
    format: str
    raw_text: str
    clean_text: str
    offsets: OffsetMap
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    is_english: bool = True
    content_hash: str = ""
    credits: list[Credit] = Field(default_factory=list)
    removed: list[Removed] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    @property
    def n_chars(self) -> int:
        return len(self.raw_text)

    def raw_span(self, clean_start: int, clean_end: int) -> Span:
        return self.offsets.span_to_raw(clean_start, clean_end)


# --------------------------------------------------------------------------- reuse


class AlignedPair(Record):
    """One sentence of the derived article aligned to one of the source (raw spans)."""

    source_span: Span
    derived_span: Span
    source_text: str
    derived_text: str
    score: float


class Direction(Record):
    confidence: float
    reasons: list[str] = Field(default_factory=list)


class ReuseEdge(Record):
    """``source -> derived``: the derived article reuses the source's text."""

    source: str
    derived: str
    kind: ReuseKind
    coverage: float  # share of the derived article's sentences aligned to the source
    direction: Direction
    aligned: list[AlignedPair] = Field(default_factory=list)


class Lineage(Record):
    """Where an article's text comes from."""

    article_id: str
    derived_from: str | None = None
    origin: str
    independent_group: str
    duplicate_of: str | None = None


# --------------------------------------------------------------------------- extract


class DateInfo(Record):
    """When something happened, resolved against the publication date, and the words it came from."""

    start: str | None = None  # YYYY-MM-DD
    end: str | None = None
    precision: DatePrecision = "unknown"
    text: list[str] = Field(default_factory=list)  # e.g. ["on Sunday"]
    span: Span | None = None
    window: tuple[str, str] | None = None  # for vague dates ("recent weeks")
    relative: bool = False  # depends on the publication date
    reason: str | None = None  # why null / how resolved


class Location(Record):
    """A resolved place, with honest precision."""

    name: str
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: GeoPrecision = "unknown"
    geonameid: int | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int | None = None
    geo_precision: int | None = None  # ACLED 1-3
    where_prec: int | None = None  # UCDP GED 1-7
    reason: str | None = None  # why this precision / this fallback


class PlaceMention(Record):
    """A place named in the text (raw span), with the words around it that help resolve it."""

    text: str
    span: Span
    context: str = ""  # e.g. "near the border with Burkina Faso"
    cue: str | None = None  # region | province | town | city | near | border | in | ...
    source: str = "gazetteer"  # gazetteer | ner | cue
    resolved: Location | None = None


class ActorMention(Record):
    """An actor named in the text, normalised through the actor dictionary."""

    name: str  # canonical name
    text: str  # as written
    span: Span | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: str = "unknown"  # state_forces | rebel_group | islamist_group | militia | foreign_forces | police | civilians | protesters | unknown
    country_code: str | None = None
    role: Literal["perpetrator", "target", "other"] = "other"


class Claim(Record):
    """One figure as someone stated it: "more than 30 soldiers had been killed", said by X."""

    claim_id: str = ""  # article_id#c<n>
    article_id: str = ""
    what: str  # killed | wounded | captured | arrested | missing | displaced | abducted
    group: str | None = None  # soldiers | civilians | militants | police | people | children | ...
    low: int | None = None
    high: int | None = None
    qualifier: Qualifier = "exactly"
    text: str  # the figure phrase as written
    span: Span | None = None
    quote: str = ""  # the whole sentence as it stands in the article
    quote_span: Span | None = None
    attributed_to: str | None = None
    claimant_kind: ClaimantKind = "unknown"
    credited_outlet: str | None = None  # "Reuters" in "according to sources quoted by Reuters"
    negated: bool = False  # "no one was killed" -> low = high = 0
    scope: Literal["incident", "shared", "aggregate"] = "incident"
    covers: list[str] = Field(default_factory=list)  # mention ids a shared figure covers
    victim: str | None = None  # the victim words' head as written ("man", "soldiers", "John Smith")
    reference: Literal["new", "same", "additional"] = "new"  # "the victim" = same; "another man" = additional
    subset: bool = False  # part of a total in the same sentence ("including three children")
    includes_killed: bool = False  # a "were shot" count: people hit, some of whom may have died
    in_title: bool = False  # read from the article's title (not in its text): no spans, quote = title
    language: str | None = None  # ISO 639-1 of the quote's article ("en", "fr"), as written


class Outcome(Record):
    """A stated outcome of an incident ("seized the base", "repelled the attack"), by whom."""

    outcome: str  # seized | repelled | withdrew | captured | ...
    text: str
    span: Span | None = None
    attributed_to: str | None = None
    claimant_kind: ClaimantKind = "unknown"


class IncidentMention(Record):
    """One incident as one article reports it (main story or in passing)."""

    mention_id: str  # article_id#m<n>
    article_id: str
    label: str = ""  # short "what happened"
    sentences: list[Span] = Field(default_factory=list)
    event_type: EventType = "battles"
    sub_event_type: SubEventType = "armed_clash"
    political: bool = True
    type_confidence: float | None = None  # calibrated probability that the sub-event type is right
    type_runner_up: str | None = None  # the next likeliest sub-event type ("none": no event)
    date: DateInfo = Field(default_factory=DateInfo)
    places: list[PlaceMention] = Field(default_factory=list)  # first is the incident's place
    location: Location | None = None  # set by the geo stage
    actors: list[ActorMention] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    in_passing: bool = False


class SetAside(Record):
    """A sentence read and kept as context, not as an incident: where it is and why."""

    span: Span  # raw offsets
    text: str
    reason: Literal["running_total", "background", "no_incident"]


class ArticleExtraction(Record):
    """Everything the extract stage reads out of one article."""

    article_id: str
    mentions: list[IncidentMention] = Field(default_factory=list)
    context_claims: list[Claim] = Field(default_factory=list)  # aggregates: kept, never a toll
    set_aside: list[SetAside] = Field(default_factory=list)  # sentences kept as context
    places: list[PlaceMention] = Field(default_factory=list)  # every place named in the article
    notes: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------- merge / reconcile


class FigureClaim(Record):
    """A claim as it appears in an incident's figure (contract shape)."""

    text: str
    low: int | None = None
    high: int | None = None
    qualifier: str = "exactly"
    group: str | None = None
    attributed_to: str | None = None
    claimant_kind: ClaimantKind = "unknown"
    article_id: str
    origin: str
    quote: str = ""
    char_span: Span | None = None
    outlet: str | None = None
    echoes: list[str] = Field(default_factory=list)  # derived articles repeating this claim
    shared_with: list[str] = Field(default_factory=list)  # other incident ids a shared figure covers
    claim_id: str = ""
    echo_quotes: dict[str, str] = Field(default_factory=dict)  # echo article_id -> its own sentence
    language: str | None = None  # the quote's language ("en", "fr"): quotes stay as written


class Range(Record):
    low: int | None = None
    best: int | None = None
    high: int | None = None
    high_open: bool = False  # the largest report is open-ended ("at least 60")


class Figure(Record):
    low: int | None = None
    best: int | None = None
    high: int | None = None
    by_group: dict[str, Range] = Field(default_factory=dict)
    claims: list[FigureClaim] = Field(default_factory=list)
    shared_claims: list[FigureClaim] = Field(default_factory=list)  # cover several incidents; not in low
    high_open: bool = False  # the largest report is open-ended ("at least 60")
    notes: list[str] = Field(default_factory=list)  # e.g. "low rests on the perpetrator's claim only"


class OtherFigure(Record):
    what: str
    figure: Figure


class Conflict(Record):
    field: str
    explanation: str


class IncidentDate(Record):
    start: str | None = None
    end: str | None = None
    precision: DatePrecision = "unknown"
    text: list[str] = Field(default_factory=list)


class IncidentActor(Record):
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str = "other"
    kind: str = "unknown"


class Incident(Record):
    """One real-world incident, reconciled across every article that reports it (contract v1)."""

    model_config = {"extra": "allow"}

    incident_id: str
    event_type: EventType
    sub_event_type: SubEventType
    political: bool = True
    type_confidence: float | None = None  # of the sub-event type, from its likeliest mention
    type_runner_up: str | None = None
    date: IncidentDate = Field(default_factory=IncidentDate)
    location: Location | None = None
    actors: list[IncidentActor] = Field(default_factory=list)
    fatalities: Figure = Field(default_factory=Figure)
    wounded: Figure = Field(default_factory=Figure)
    captured: Figure = Field(default_factory=Figure)
    other_figures: list[OtherFigure] = Field(default_factory=list)
    articles: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    independent_origins: int = 0
    origins: list[str] = Field(default_factory=list)
    conflicts: list[Conflict] = Field(default_factory=list)
    summary: str = ""
    label: str = ""
    outcomes: list[Outcome] = Field(default_factory=list)  # stated outcomes, deduplicated
    filled_dates: list[str] = Field(default_factory=list)  # mention ids whose missing date came from here
    notes: list[str] = Field(default_factory=list)

    def figures(self) -> list[tuple[str, Figure]]:
        """(field, Figure) for the incident's own figure fields, then its other figures."""
        return [(f, getattr(self, f)) for f in FIGURE_FIELDS] + [
            (o.what, o.figure) for o in self.other_figures
        ]


@dataclass
class RunOutputs:
    """What a run hands to export and report: the incidents and everything they are traced to.

    >>> write_outputs(out_dir, RunOutputs(incidents, articles, lineage, edges, rejected))
    """

    incidents: list[Incident]
    articles: list[Article]
    lineage: dict[str, Lineage]
    edges: list[ReuseEdge]
    rejected: list[Rejection]
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    extractions: dict[str, ArticleExtraction] = field(default_factory=dict)
    run_info: dict = field(default_factory=dict)
