"""Turn a group of sentences into an IncidentMention: type, date, places, actors, outcomes, label.

    >>> mention = build_mention(article, doc, group, sentences, k, n, actors, countries)

Everything here reads the clean text's parse and writes raw offsets (``article.raw_span``).
"""

from __future__ import annotations

import re

from sitrep.countries import country_names
from sitrep.extract.actors import ActorDictionary, ActorEntry, role_of
from sitrep.extract.claimants import claimant_kind, find_claimant
from sitrep.extract.event_types import EventType, classify_event, refine_battle
from sitrep.extract.incidents import Group, Sentence
from sitrep.extract.languages import language_of
from sitrep.outlets import is_outlet_name
from sitrep.records import ActorMention, Article, Claim, DateInfo, IncidentMention, Outcome, PlaceMention

NON_STATE = {"islamist_group", "rebel_group", "militia", "unknown", "criminal"}
_OUTCOMES = [
    (
        "seized",
        re.compile(
            r"\b(?:seized|captured|overran|overrunning|took control of|seizure of)\b"
            r"(?=[^.;]{0,40}\b(?:base|town|camp|garrison|post|outpost|city|village|positions?)\b)",
            re.IGNORECASE,
        ),
    ),
    ("repelled", re.compile(r"\b(?:repel+(?:ed|ing)?|repuls(?:ed|ing))\b", re.IGNORECASE)),
    (
        "withdrew",
        re.compile(
            r"\b(?:withdr[ae]w|withdrawing|withdrawal|pull(?:ed)? back|retreat(?:ed)?)\b", re.IGNORECASE
        ),
    ),
    ("captured", re.compile(r"\b(?:taken prisoner|were captured|taken hostage)\b", re.IGNORECASE)),
]
_VERB = {
    "armed_clash": "attack on",
    "non_state_actor_overtakes_territory": "attack on",
    "government_regains_territory": "recapture of territory from",
    "attack": "attack on",
    "abduction_forced_disappearance": "abduction of",
    "sexual_violence": "sexual violence against",
    "air_drone_strike": "air/drone strike on",
    "suicide_bomb": "suicide bombing against",
    "shelling_artillery_missile_attack": "shelling of",
    "remote_explosive_landmine_ied": "explosive attack on",
    "grenade": "grenade attack on",
    "chemical_weapon": "chemical attack on",
    "arrests": "arrests of",
}


def build_mention(
    article: Article,
    doc,
    g: Group,
    sents: dict[int, Sentence],
    k: int,
    n: int,
    actors: ActorDictionary,
    countries: list[str],
    groups_named=None,
) -> IncidentMention:
    """The IncidentMention for one group of sentences (raw offsets throughout)."""
    aid = article.article_id
    own = [sents[i] for i in g.sents if i in sents]
    anchor = sents.get(g.anchor) or own[0]
    event = _type(anchor, own, language_of(article).refine_type)
    country = _country(own, g, actors) or (countries[0] if countries else None)
    m = IncidentMention(
        mention_id=f"{aid}#m{k + 1}",
        article_id=aid,
        sentences=[article.raw_span(s.start, s.end) for s in own],
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        political=event.political,
        type_confidence=event.confidence,
        type_runner_up=event.runner_up,
        date=_date(article, g),
        places=_places(article, g, own),
        in_passing=k > 0 and len(own) <= 2 and n > 1,
    )
    m.actors = _actors(article, doc, own, actors, country, event, set(countries) or None)
    if groups_named is None:
        groups_named = named_groups(article, actors, set(countries))
    _add_pronoun_perpetrator(m, article, own, prior_group(groups_named, own[0].start))
    m.outcomes = _outcomes(article, doc, own, m.actors)
    m.label = _label(m, event, own)
    return m


def _type(anchor: Sentence, own: list[Sentence], refine=refine_battle) -> EventType:
    event = anchor.event or next((s.event for s in own if s.event), None)
    if event is None:  # figures without a violence word: call it what ACLED defaults to
        event = classify_event(" ".join(s.text for s in own)) or EventType("battles", "armed_clash")
    return refine(event, [s.text for s in own])  # the language's reading of the whole mention


def _date(article: Article, g: Group) -> DateInfo:
    if g.date is None:
        return DateInfo(precision="unknown", reason="no date in the text", relative=article.published is None)
    d = g.date.model_copy()
    if d.span:
        d.span = article.raw_span(*d.span)
    return d


def _rank(p: PlaceMention) -> int:
    name = p.text.lower()
    if name in country_names():
        return 3
    if (p.cue or "") in ("region", "province", "district", "state"):
        return 1
    return 0


def _places(article: Article, g: Group, own: list[Sentence]) -> list[PlaceMention]:
    """The mention's places, the incident's own (most specific) first."""
    pinned = sorted(g.places, key=lambda p: (_rank(p), p.span))
    rest = [p for s in own for p in s.places if all(p.span != q.span for q in pinned)]
    out, seen = [], set()
    for p in pinned + rest:
        if p.text.lower() in seen:
            continue
        seen.add(p.text.lower())
        s, e = article.raw_span(*p.span)
        out.append(p.model_copy(update={"span": (s, e), "text": article.raw_text[s:e]}))
    return out


def _country(own: list[Sentence], g: Group, actors: ActorDictionary) -> str | None:
    names = country_names()
    for s in own:
        for p in s.places:
            code = names.get(p.text.lower())
            if code:
                return code
        code = actors.country_in(s.text)
        if code:
            return code
    return None


def _actors(
    article, doc, own, actors: ActorDictionary, country, event, article_countries
) -> list[ActorMention]:
    """Dictionary actors of the mention's sentences with their roles; generic words only when
    they play a role; an unnamed armed group folds into a named one."""
    found: dict[str, ActorMention] = {}
    order = {"perpetrator": 0, "target": 1, "other": 2}
    for s in own:
        matches = actors.find(s.text, article_countries)
        taken = [(s.start + a.start, s.start + a.end) for a in matches]
        taken += [p.span for p in s.places]
        items = [(s.start + a.start, s.start + a.end, a.entry, a.text) for a in matches]
        items += _unknown_names(doc, s, taken)
        for start, end, entry, text in items:
            role = role_of(doc, start, end)
            if (entry.generic or entry.kind == "unknown_name") and role == "other":
                continue
            name, cc = actors.canonical(entry, country)
            raw = article.raw_span(start, end)
            prev = found.get(name)
            if prev is None:
                kind = "unknown" if entry.kind == "unknown_name" else entry.kind
                found[name] = ActorMention(
                    name=name,
                    text=article.raw_text[raw[0] : raw[1]],
                    span=raw,
                    kind=kind,
                    country_code=cc,
                    role=role,
                    aliases=[text],
                )
            else:
                if text not in prev.aliases:
                    prev.aliases.append(text)
                if order[role] < order[prev.role]:
                    prev.role = role
    out = list(found.values())
    named = [
        a
        for a in out
        if a.kind in NON_STATE and a.name != "Unidentified armed group" and a.kind != "criminal"
    ]
    anon = found.get("Unidentified armed group")
    if anon and named:  # "insurgents" in a JNIM story are JNIM
        out.remove(anon)
        if anon.role == "perpetrator" and not any(a.role == "perpetrator" for a in named):
            named[0].role = "perpetrator"
    if event.event_type in ("battles", "explosions_remote_violence", "violence_against_civilians"):
        if not any(a.role == "perpetrator" for a in out) and named:
            named[0].role = "perpetrator"
        if event.sub_event_type != "government_regains_territory" and any(
            a.role == "perpetrator" and a.kind in NON_STATE for a in out
        ):
            for a in out:  # "the army also seized weapons" does not make it the attacker
                if a.kind in ("state_forces", "foreign_forces"):
                    a.role = "target"
    out = [a for a in out if a.role != "other" and not (a.kind == "civilians" and a.role == "perpetrator")]
    return sorted(out, key=lambda a: order[a.role])


_PRONOUN_CLAIM = re.compile(
    r"\b(?:it|they|the group|its fighters)\s+(?:said|says|claimed|claims|"
    r"stated|announced|had|has|launched|attacked)\b",
    re.IGNORECASE,
)


def named_groups(article: Article, actors: ActorDictionary, countries) -> list:
    """Named armed groups of the whole article, in order (clean offsets)."""
    return [
        a
        for a in actors.find(article.clean_text, countries or None)
        if a.entry.kind in NON_STATE and not a.entry.generic
    ]


def prior_group(named: list, before: int) -> ActorMention | None:
    """The last named armed group the article names before offset ``before`` (for "it said")."""
    last = None
    for a in named:
        if a.start < before:
            last = a
    if last is None:
        return None
    return ActorMention(
        name=last.entry.name,
        text=last.text,
        kind=last.entry.kind,
        country_code=last.entry.country,
        role="perpetrator",
        aliases=[last.text],
    )


_NOT_ACTORS = {"x", "twitter", "facebook", "telegram"}  # and the news outlets of sitrep/outlets.py


def _unknown_names(doc, s: Sentence, taken: list[tuple[int, int]]) -> list:
    """Names spaCy tags ORG / NORP / PERSON that the dictionary does not know (kept only when
    the parse gives them a role)."""
    out = []
    for ent in _ents_within(doc, doc.char_span(s.start, s.end, alignment_mode="expand")):
        if (
            ent.label_ not in ("ORG", "NORP", "PERSON")
            or ent.text.lower() in _NOT_ACTORS
            or is_outlet_name(ent.text)
        ):
            continue
        if any(ent.start_char < e and b < ent.end_char for b, e in taken):
            continue
        if ent.label_ == "NORP" and ent.root.dep_ == "amod":
            continue  # "the Malian town": a demonym modifying a noun is not an actor
        entry = ActorEntry(ent.text.strip(), "unknown_name")
        out.append((ent.start_char, ent.end_char, entry, ent.text))
    return out


def _ents_within(doc, span) -> list:
    """``span.ents`` from the doc's entities read once: spaCy rebuilds every entity of the doc on
    each ``Span.ents`` (a cost per sentence that grows with the article). Kept on the doc itself,
    so it goes with the doc and no two docs share it."""
    ents = doc.user_data.get("sitrep_ents")
    if ents is None:
        ents = doc.user_data["sitrep_ents"] = doc.ents
    out = []
    for ent in ents:  # spaCy's own loop (entities in order; stop past the span)
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            out.append(ent)
    return out


def _add_pronoun_perpetrator(m: IncidentMention, article, own, prior: ActorMention | None) -> None:
    """'On May 24, it said it had assaulted a base': 'it' is the group named before."""
    if prior is None or any(a.role == "perpetrator" for a in m.actors):
        return
    for s in own:
        hit = _PRONOUN_CLAIM.search(s.text)
        if hit:
            raw = article.raw_span(s.start + hit.start(), s.start + hit.end())
            prior.text, prior.span = article.raw_text[raw[0] : raw[1]], raw
            m.actors.insert(0, prior)
            return


def _speaker_of(tok):
    """Subject of the nearest speech/claim verb above ``tok`` (None when there is none)."""
    node = tok
    for _ in range(6):
        if node.lemma_.lower() in ("say", "claim", "state", "tell", "announce", "report") and node.i != tok.i:
            return next((c for c in node.children if c.dep_ == "nsubj"), None)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _outcomes(article, doc, own, actors_found) -> list[Outcome]:
    perp = next((a for a in actors_found if a.role == "perpetrator"), None)
    out = []
    for s in own:
        for what, rx in _OUTCOMES:
            for m in rx.finditer(s.text):
                start, end = s.start + m.start(), s.start + m.end()
                span = doc.char_span(start, end, alignment_mode="expand")
                ok = span is not None and len(span)
                subj = _speaker_of(span.root) if ok else None
                if subj is not None and subj.lower_ in ("it", "they", "group") and perp is not None:
                    said_by, kind = perp.name, "perpetrator"
                else:
                    who = find_claimant(span.root) if ok else None
                    said_by = who.text if who and who.text else None
                    kind = who.kind if who else "unknown"
                if (
                    said_by
                    and perp is not None
                    and said_by.lower() in {x.lower() for x in perp.aliases + [perp.name]}
                ):
                    kind = "perpetrator"
                elif said_by and kind == "unknown":
                    kind = claimant_kind(said_by)
                raw = article.raw_span(start, end)
                out.append(
                    Outcome(
                        outcome=what,
                        text=article.raw_text[raw[0] : raw[1]],
                        span=raw,
                        attributed_to=said_by,
                        claimant_kind=kind,
                    )
                )
    return out


def _label(m: IncidentMention, event: EventType, own: list[Sentence]) -> str:
    """A short 'what happened': "JNIM claimed an attack on Malian armed forces in Boulkessi"."""
    perp = next((a.name for a in m.actors if a.role == "perpetrator"), None)
    target = next((a.name for a in m.actors if a.role == "target"), None)
    if target is None and event.event_type == "violence_against_civilians":
        target = "civilians"
    place = m.places[0].text if m.places else None
    what = _VERB.get(event.sub_event_type, event.sub_event_type.replace("_", " ") + " involving")
    core = f"{what} {target}" if target else what.rsplit(" ", 1)[0]
    claimed = any(re.search(r"\bclaim", s.text, re.IGNORECASE) for s in own)
    if perp:
        art = "an" if core[0] in "aeiou" else "a"
        label = f"{perp} {'claimed' if claimed else 'carried out'} {art} {core}"
    else:
        label = core[0].upper() + core[1:]
    label = f"{label} in {place}" if place else label
    if event.sub_event_type == "non_state_actor_overtakes_territory":
        label += " (position overrun)"
    return label


def map_claim(
    article: Article, claim: Claim, n: int, scope: str | None = None, covers: list[str] | None = None
) -> Claim:
    """A claim with raw offsets, the exact raw sentence as its quote, and the ``scope`` and
    ``covers`` the incident splitter decided (default: the claim's own)."""
    update = {k: v for k, v in (("scope", scope), ("covers", covers)) if v is not None}
    c = claim.model_copy(deep=True, update=update)
    c.article_id = article.article_id
    c.claim_id = c.claim_id or f"{article.article_id}#c{n}"
    c.language = c.language or article.language
    if c.span:
        c.span = article.raw_span(*c.span)
        c.text = article.raw_text[c.span[0] : c.span[1]] or c.text
    if c.quote_span:
        qs, qe = article.raw_span(*c.quote_span)
        c.quote_span, c.quote = (qs, qe), article.raw_text[qs:qe]
    return c
