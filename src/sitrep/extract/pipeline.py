"""Run extraction over articles: spaCy once per article, then dates, places, types, actors, claims.

    >>> extractions = extract_articles(articles)     # {article_id: ArticleExtraction}

spaCy runs once per article over ``Article.clean_text`` (``nlp.pipe`` in batches, with paragraph
breaks preset as sentence starts); every span is mapped back to raw offsets at the end. All of the
small model's pipes are used: the parser for sentences and roles, the tagger and lemmatizer for the
role verbs, NER for the place recogniser and for actor names the dictionary does not know.
"""

from __future__ import annotations

import re

from sitrep.countries import country_names
from sitrep.extract.actors import ActorDictionary
from sitrep.extract.date_roles import date_verb, is_told_date, told_in_past
from sitrep.extract.dates import is_stamp, past_weekday
from sitrep.extract.incidents import Sentence, split_mentions
from sitrep.extract.languages import LANGUAGES, Language, language_of
from sitrep.extract.mentions import build_mention, map_claim, named_groups
from sitrep.extract.place_roles import is_specific, place_context
from sitrep.extract.selective import is_parsed, parse_selective
from sitrep.extract.title import add_title_claims, needs_title, title_claims, title_text
from sitrep.records import Article, ArticleExtraction, DateInfo, PlaceMention, SetAside
from sitrep.settings import Settings

EXTRACTOR_VERSION = "43"  # bump whenever extraction's output changes: stored extractions are redone
BATCH_SIZE = Settings.parse_batch  # the defaults of library calls; a run passes its Settings
MAX_CHARS = Settings.max_extract_chars
SELECTIVE = True  # parse only the sentences that may carry an incident (``selective``)
_TERMINAL = re.compile(r"[.!?\"”’'):;]\s*$")


def extract_articles(
    articles: list[Article],
    nlp=None,
    actors: ActorDictionary | None = None,
    gazetteer=None,
    batch_size: int = BATCH_SIZE,
    max_chars: int = MAX_CHARS,
    nlp_fr=None,
) -> dict[str, ArticleExtraction]:
    """Extract every incident mention of each article (see the stage's ``__init__``).

    The run passes its ``Resources`` (nlp, actors, gazetteer) and ``Settings`` (batch size, length
    limit); the defaults are for library callers and tests. French articles are read with the
    French pipeline (``nlp_fr``, loaded here only when there is French text and none was given).
    """
    out = {}
    for a in articles:  # English and French are read: others are kept, not read
        why = why_not_extracted(a, max_chars)
        if why:
            out[a.article_id] = ArticleExtraction(article_id=a.article_id, notes=[why])
    todo = [a for a in articles if a.article_id not in out]
    if not todo:
        return out
    actors = actors if actors is not None else ActorDictionary.load()
    given = {"en": nlp, "fr": nlp_fr}
    for lang in LANGUAGES:
        part = [a for a in todo if language_of(a) is lang]
        if not part:
            continue
        model = given[lang.code] if given[lang.code] is not None else lang.load()
        docs = (make_doc(model, a.clean_text, lang.quotes_hold) for a in part)
        # English: the full pipeline only where an incident may be told (``selective``)
        parsed = (
            parse_selective(model, docs, batch_size)
            if lang.code == "en" and SELECTIVE
            else model.pipe(docs, batch_size=batch_size)
        )
        for article, doc in zip(part, parsed):
            out[article.article_id] = extract_one(article, doc, actors, gazetteer)
        titled = [a for a in part if out[a.article_id].mentions and needs_title(a)]
        for a, tdoc in zip(titled, model.pipe([title_text(a) for a in titled], batch_size=batch_size)):
            add_title_claims(out[a.article_id], title_claims(a, tdoc, lang.find_claims))
    return {a.article_id: out[a.article_id] for a in articles}


def why_not_extracted(a: Article, max_chars: int = MAX_CHARS) -> str | None:
    """The one note for an article extraction does not read (None: it reads it)."""
    if not a.is_english and a.language != "fr":
        return f"not extracted: the language is {a.language!r}, and extraction reads English and French"
    if len(a.clean_text) > max_chars:
        return (
            f"not extracted: {len(a.clean_text):,} characters is longer than any news article "
            f"({max_chars:,} at most); stored as it is"
        )
    return None


def make_doc(nlp, text: str, french: bool = False):
    """A tokenised doc whose paragraph and heading breaks are fixed sentence starts (and, in
    French, whose quotes stay in their sentence: "« ... », a déclaré X" is one sentence)."""
    doc = nlp.make_doc(text)
    quoted = False
    # in English only a space token can start the next sentence: the others are not looked at
    spaces = None if french else doc.to_array("IS_SPACE").tolist()
    for i in range(1, len(doc)):
        if spaces is not None and not spaces[i - 1]:
            continue
        prev = doc[i - 1]
        quoted = french and (prev.text == "«" or (quoted and prev.text != "»" and "\n" not in prev.text))
        if quoted or (french and doc[i].text in (",", "»", ";", ":")):
            doc[i].is_sent_start = False
            continue
        if prev.is_space and "\n" in prev.text:
            before = text[max(0, prev.idx - 1000) : prev.idx].rstrip()  # a window: linear time
            line = before[before.rfind("\n") + 1 :]
            # A single line break ends a sentence after terminal punctuation or a short heading;
            # inside hard-wrapped prose it is left to the parser.
            if "\n\n" in prev.text or _TERMINAL.search(before) or len(line) < 100:
                doc[i].is_sent_start = True
    _cap_sentences(doc)
    return doc


MAX_SENT_TOKENS = 120  # far beyond any news sentence; claim finding is quadratic within one


def _cap_sentences(doc) -> None:
    """Start a new sentence at least every MAX_SENT_TOKENS tokens (at the last comma or
    semicolon before the cap where there is one), so a 190 KB article written as one sentence
    costs what its length costs, not its square. Each cut is noted on the Doc."""
    start, cuts = 0, 0
    fixed = doc.to_array("SENT_START").tolist()  # a cut below only starts a sentence before i
    for i in range(1, len(doc)):
        if fixed[i] == 1:
            start = i
        elif i - start >= MAX_SENT_TOKENS:
            at = next(
                (
                    j + 1
                    for j in range(i - 1, start + MAX_SENT_TOKENS // 2, -1)
                    if doc[j].text in (",", ";", ":")
                ),
                i,
            )
            doc[at].is_sent_start = True
            start, cuts = at, cuts + 1
    doc.user_data["sentence_cuts"] = cuts


def extract_one(article: Article, doc, actors: ActorDictionary, gazetteer=None) -> ArticleExtraction:
    """One article's extraction from its parsed clean text."""
    text = article.clean_text
    # French labels as the English ones the place recogniser reads ("PER" is "PERSON")
    ents = [(e.start_char, e.end_char, "PERSON" if e.label_ == "PER" else e.label_) for e in doc.ents]
    lang = language_of(article)  # the readers of the article's language, chosen once
    places = lang.places(_find_places(text, ents, gazetteer), actors, text, doc)
    sents = [_sentence(i, s, article, places, doc, lang) for i, s in enumerate(lang.sentences(doc))]
    sents = [s for s in sents if s is not None]
    by_idx = {s.idx: s for s in sents}
    countries = _countries(places, actors)
    groups, context = split_mentions(sents)
    ex = ArticleExtraction(article_id=article.article_id)
    if doc.user_data.get("sentence_cuts"):
        ex.notes.append(
            f"{doc.user_data['sentence_cuts']} sentence(s) longer than {MAX_SENT_TOKENS} "
            f"words were read in parts of at most {MAX_SENT_TOKENS} words"
        )
    n_claims = 0
    named = named_groups(article, actors, set(countries)) if groups else []
    mentions = [
        build_mention(article, doc, g, by_idx, k, len(groups), actors, countries, named)
        for k, g in enumerate(groups)
    ]
    # Claims: a sentence shared by several mentions gives one shared claim linked to each.
    owners: dict[int, list] = {}
    for m, g in zip(mentions, groups):
        for i in g.sents:
            owners.setdefault(i, []).append(m)
    for s in sents:
        for claim in s.claims:
            n_claims += 1
            holders, scope, covers = claim_owners(claim, s, owners.get(s.idx, []))
            c = map_claim(article, claim, n_claims, scope=scope, covers=covers)
            if not holders:
                ex.context_claims.append(c)
            for m in holders:
                m.claims.append(c)
    ex.mentions = mentions
    ex.places = [_raw_place(article, p) for p in places]
    ex.set_aside = [_set_aside(article, by_idx[i]) for i in context if i in by_idx]
    return ex


def claim_owners(claim, s: Sentence, holders: list) -> tuple[list, str, list[str]]:
    """Which mentions a sentence's claim belongs to, its scope and the mention ids it covers,
    decided here once (the claim is made with them, never patched): none for context (a running
    total, background, or a sentence no mention owns); several for one figure over several
    incidents ("shared")."""
    if claim.scope == "aggregate" or s.aggregate or s.background or not holders:
        return [], "aggregate" if s.aggregate or s.background else claim.scope, list(claim.covers)
    if len(holders) > 1 or claim.scope == "shared":
        return holders, "shared" if len(holders) > 1 else claim.scope, [m.mention_id for m in holders]
    return holders, claim.scope, list(claim.covers)


def _find_places(text: str, ents, gazetteer=None) -> list[PlaceMention]:
    from sitrep.geo import find_place_mentions

    found = sorted(find_place_mentions(text, ents, gazetteer), key=lambda p: p.span)
    out, last = [], -1
    for p in found:
        if p.span[0] < last:
            continue
        if not p.context:
            ctx, cue = place_context(text, p.span[0], p.span[1])
            p = p.model_copy(update={"context": ctx, "cue": p.cue or cue})
        out.append(p)
        last = p.span[1]
    return out


def _set_aside(article: Article, s: Sentence) -> SetAside:
    """A context sentence as the output shows it: a running total, background, or a stray figure."""
    reason = "running_total" if s.aggregate else "background" if s.background else "no_incident"
    start, end = article.raw_span(s.start, s.end)
    return SetAside(span=(start, end), text=article.raw_text[start:end], reason=reason)


def _raw_place(article: Article, p: PlaceMention) -> PlaceMention:
    s, e = article.raw_span(*p.span)
    return p.model_copy(update={"span": (s, e), "text": article.raw_text[s:e]})


def _countries(places: list[PlaceMention], actors: ActorDictionary) -> list[str]:
    names = country_names()
    out = []
    for p in places:
        code = names.get(p.text.lower()) or actors.country_words.get(p.text.lower())
        if code and code not in out:
            out.append(code)
    return out


def _sentence(
    i: int, span, article: Article, places: list[PlaceMention], doc, lang: Language
) -> Sentence | None:
    raw = span.text
    stripped = raw.strip()
    if not stripped or not any(ch.isalpha() for ch in stripped):
        return None
    start = span.start_char + (len(raw) - len(raw.lstrip()))
    end = start + len(stripped)
    s = Sentence(idx=i, start=start, end=end, text=stripped)
    s.heading = (
        not _TERMINAL.search(stripped)
        and len(stripped) < 160
        and (
            _own_line(article.clean_text, end) or stripped[-1] in "—–-"
        )  # a line, or a dateline "X, Texas —"
    )
    s.places = [p for p in places if start <= p.span[0] < end]
    s.specific = [p for p in s.places if is_specific(p, stripped, start, doc) and lang.pins_incident(p)]
    parsed = is_parsed(span)
    _read_dates(s, article.published, lang, span if parsed else None)
    if parsed:  # a sentence with no cue and no casualty word has neither
        s.event = lang.type_sentence(span, stripped)
        s.claims = lang.find_claims(span, article.article_id)
    if any(c.scope == "aggregate" for c in s.claims) and not s.dates:
        s.aggregate = True
    if lang.is_background(stripped) and not any(d.precision == "day" for d in s.dates):
        s.background = True
    return s


def _own_line(text: str, end: int) -> bool:
    """A heading stands on its own line; a parse that stops at a comma or a closing quote inside a
    line ("The victim," / "a 22-year-old man, was taken ...") is not one."""
    rest = text[end : end + 200].lstrip(" \t")
    return not rest or rest[0] in "\r\n"


def _read_dates(s: Sentence, published: str | None, lang: Language, span=None) -> None:
    """Event dates of a sentence; running totals and history mark it as context instead."""
    for m in lang.find_dates(s.text):
        before, after = s.text[: m.start], s.text[m.end :]
        verb = date_verb(span, s.start + m.start, s.start + m.end) if lang.code == "en" else None
        if (
            is_stamp(s.text, m)
            or lang.is_speech_date(before, after)
            and not is_told_date(before, after, verb)
        ):
            continue
        if m.since:  # a running total's start, but "going on since Friday night" is no total
            s.aggregate = s.aggregate or m.kind != "wday"
            continue
        info: DateInfo = lang.resolve_date(m, published)
        if told_in_past(verb):
            info = past_weekday(info, before)
        info.span = (s.start + m.start, s.start + m.end)
        if m.kind in ("year", "range"):
            pub_year = int(published[:4]) if published else None
            if pub_year is None or int(m.groups[-1]) < pub_year:
                s.background = True  # history or background ("in 2012", "2020 and 2023")
            continue
        if m.kind == "rel" and info.precision == "year":  # "this year", "last year": no incident's day
            s.background = s.background or bool(published and info.end and info.end[:4] < published[:4])
            continue
        if info.precision == "unknown":  # "recent weeks": a date only for a placed event
            if not s.specific:
                s.background = True
                continue
        key = (
            f"day:{info.start}/{info.end}"
            if info.start
            else f"{m.kind}:" + " ".join(g.lower() for g in m.groups)
        )
        s.dates.append(info)
        s.date_keys.append(key)
