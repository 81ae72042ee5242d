"""The readers extraction reads one language with, as one record chosen once per article.

    >>> language_of(article).find_dates("on Sunday")      # the English or the French reader

The pipeline (``pipeline.py``) and the mention builder (``mentions.py``) read every language the
same way through this record; what differs between English and French is which function fills
each field: the English readers lean on the English parse (``figures``, ``typer``, ``dates``,
``incidents``), the French ones on patterns over French words (``french.py``, ``vocab_fr.py``).
Another language is one more record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sitrep.extract import figures
from sitrep.extract.date_roles import is_background, is_speech_date
from sitrep.extract.dates import find_dates, resolve_date
from sitrep.extract.event_types import EventType, refine_battle
from sitrep.extract.french import (
    find_claims_fr,
    find_dates_fr,
    french_places,
    french_sentences,
    is_background_fr,
    is_speech_date_fr,
    pins_incident_fr,
    refine_type_fr,
    resolve_date_fr,
    type_french,
)
from sitrep.extract.typer import type_span
from sitrep.models import load_spacy, load_spacy_fr
from sitrep.records import Article, Claim, DateInfo, PlaceMention


@dataclass(frozen=True)
class Language:
    """What extraction needs of one language: its spaCy model, and a reader for each question the
    pipeline asks of a sentence or a mention."""

    code: str
    load: Callable[[], object]  # the spaCy pipeline, when the run passed none
    quotes_hold: bool  # "« ... », a déclaré X" stays one sentence (make_doc)
    sentences: Callable[[object], Iterable]  # a parsed doc -> its sentence spans
    places: Callable[
        [list[PlaceMention], object, str, object], list[PlaceMention]
    ]  # (found, actors, text, doc)
    pins_incident: Callable[[PlaceMention], bool]  # a place precise enough to place an incident
    find_dates: Callable[[str], list]  # date expressions of a sentence (DateMatch)
    is_speech_date: Callable[[str, str], bool]  # the words around a date make it a statement's date
    resolve_date: Callable[[object, str | None], DateInfo]  # (a DateMatch, published)
    type_sentence: Callable[[object, str], EventType | None]  # (span, stripped text)
    find_claims: Callable[[object, str], list[Claim]]  # (span, article id)
    is_background: Callable[[str], bool]
    refine_type: Callable[[EventType, list[str]], EventType]  # a mention's type from all its sentences


def _as_found(places: list[PlaceMention], actors, text: str, doc) -> list[PlaceMention]:
    return places


ENGLISH = Language(
    code="en",
    load=load_spacy,
    quotes_hold=False,
    sentences=lambda doc: doc.sents,
    places=_as_found,
    pins_incident=lambda place: True,
    find_dates=find_dates,
    is_speech_date=is_speech_date,
    resolve_date=lambda m, published: resolve_date(m.text, published),
    type_sentence=type_span,
    find_claims=figures.find_claims,
    is_background=is_background,
    refine_type=refine_battle,
)
FRENCH = Language(
    code="fr",
    load=load_spacy_fr,
    quotes_hold=True,
    sentences=french_sentences,
    places=french_places,
    pins_incident=pins_incident_fr,
    find_dates=find_dates_fr,
    is_speech_date=is_speech_date_fr,
    resolve_date=resolve_date_fr,
    type_sentence=lambda span, text: type_french(text),
    find_claims=find_claims_fr,
    is_background=is_background_fr,
    refine_type=refine_type_fr,
)
LANGUAGES = (ENGLISH, FRENCH)


def language_of(article: Article) -> Language:
    """The readers of an article's language (English for every language extraction does not read
    apart: ``pipeline.why_not_extracted`` keeps those out)."""
    return FRENCH if article.language == "fr" else ENGLISH
