"""A generated news corpus with planted copies, trims, paraphrases and independent twin reports.

Stories are built from facts (a raid, its toll, the army's reply, a witness, an analyst...), each
fact with two families of wording; an *independent twin* reports the same facts and names in the
other family's wording and another order (it must get no edge). Paraphrases rewrite a story's
sentences with synonym swaps and clause-order changes, and merge or drop a few.

    >>> corpus = make_corpus(1000, seed=1)   # Corpus(articles, planted, independent)
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.records import Article, OffsetMap

FACTS = [
    (
        "{actor} fighters attacked {town} in {country}'s {region} region on {day}, killing {k} people, officials said.",
        "At least {k} people died when gunmen from {actor} stormed {town} on {day}, according to local authorities in {country}.",
    ),
    (
        "Another {w} people were wounded and taken to hospital in {city}.",
        "Medical staff in {city} said they had treated {w} injured residents.",
    ),
    (
        '"The situation is now under control," said {person}, the governor of {region}.',
        "{person}, who governs {region}, told reporters that security forces had restored order.",
    ),
    (
        "Police arrested {a} suspects in the days after the attack on {town}.",
        "{a} people have since been detained over the {town} raid, a police spokesman said.",
    ),
    (
        "{actor} has carried out a series of raids in {region} since {year}.",
        "The group has been active across {region} for several years, analysts say, with its first raids there in {year}.",
    ),
    (
        "In {month}, a similar assault on {town2} left {k2} soldiers dead.",
        "{k2} troops were killed in {town2} in {month} in an attack blamed on the same group.",
    ),
    (
        "Aid agencies said more than {d} residents had fled to villages around {town}.",
        "Humanitarian groups estimate that {d} people from {town} have been displaced by the violence.",
    ),
    (
        "The army said it had sent reinforcements to {region} and launched an operation to track down the attackers.",
        "Troops were deployed to {region} and a search for the assailants was under way, the military said.",
    ),
    (
        '"We heard shooting for hours," one resident of {town} told {outlet}.',
        "Residents of {town} described hours of gunfire and said many homes had been burned.",
    ),
    (
        "{analyst}, a security analyst at the {inst} Institute, said the attack showed the group's growing reach.",
        "The assault suggests the militants are expanding their operations, according to {analyst} of the {inst} Institute.",
    ),
    (
        "The government of {country} declared three days of national mourning after the attack.",
        "National mourning was declared for three days, the presidency in {capital} said.",
    ),
    (
        "Local leaders in {town} put the death toll higher, at {k3}.",
        "Community representatives in {town} said as many as {k3} people may have died.",
    ),
]
COUNTRIES = [
    "Mali",
    "Niger",
    "Nigeria",
    "Chad",
    "Sudan",
    "Somalia",
    "Kenya",
    "Mozambique",
    "Cameroon",
    "Ethiopia",
    "Congo",
    "Burundi",
    "Colombia",
    "Mexico",
    "Peru",
    "Yemen",
    "Iraq",
    "Syria",
    "Pakistan",
    "Afghanistan",
    "Myanmar",
    "Philippines",
    "Haiti",
    "Libya",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WIRES = ["Reuters", "Associated Press", "AFP"]
SYNONYMS = {
    "attacked": "raided",
    "killing": "leaving dead",
    "officials": "authorities",
    "people": "persons",
    "wounded": "injured",
    "hospital": "a clinic",
    "arrested": "detained",
    "suspects": "suspected militants",
    "similar": "comparable",
    "assault": "offensive",
    "soldiers": "troops",
    "residents": "inhabitants",
    "fled": "escaped",
    "villages": "hamlets",
    "reinforcements": "extra troops",
    "launched": "began",
    "attackers": "assailants",
    "shooting": "gunfire",
    "showed": "demonstrated",
    "growing": "expanding",
    "declared": "announced",
    "leaders": "figures",
    "higher": "at a higher level",
    "said": "stated",
    "told": "informed",
    "reporters": "journalists",
    "restored": "re-established",
    "series": "string",
    "carried out": "conducted",
    "under control": "contained",
    "stormed": "overran",
    "died": "were killed",
    "estimate": "believe",
    "displaced": "driven from their homes",
    "deployed": "sent",
    "described": "recounted",
    "burned": "set alight",
    "suggests": "indicates",
    "group": "movement",
    "fighters": "militants",
    "region": "province",
    "taken to": "brought to",
    "treated": "cared for",
    "injured": "hurt",
    "situation": "security situation",
    "governor": "regional governor",
    "security forces": "the security services",
    "in the days after": "following",
    "since": "starting in",
    "have since been": "were later",
    "active": "operating",
    "several years": "a number of years",
    "left": "killed",
    "dead": "in total",
    "troops": "servicemen",
    "blamed on": "attributed to",
    "more than": "over",
    "Aid agencies": "Relief organisations",
    "Humanitarian groups": "Aid workers",
    "had sent": "dispatched",
    "track down": "hunt down",
    "search": "hunt",
    "was under way": "began",
    "for hours": "for many hours",
    "one resident": "a resident",
    "many homes": "numerous houses",
    "security analyst": "conflict researcher",
    "operations": "activities",
    "national mourning": "a national mourning period",
    "put the death toll": "gave a death toll",
    "may have": "might have",
    "Medical staff": "Doctors",
    "Community representatives": "Local elders",
    "Another": "A further",
    "at least": "no fewer than",
}
FURNITURE = [
    "Advertisement",
    "Share this article on Facebook, X and WhatsApp.",
    "Sign up for our free daily newsletter and get the headlines first.",
    "Read more: the latest from our Africa desk",
    "All rights reserved.",
    "Related stories",
    "Follow us for breaking news alerts on your phone.",
]


@dataclass
class Corpus:
    articles: list[Article]
    planted: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, derived) -> kind
    independent: set[tuple[str, str]] = field(default_factory=set)  # same facts, no reuse


def _name(rng: random.Random, parts: int = 2) -> str:
    syl = [
        "ka",
        "lo",
        "mi",
        "ra",
        "ten",
        "bu",
        "sa",
        "dor",
        "vi",
        "na",
        "ke",
        "zu",
        "mar",
        "ol",
        "thi",
        "gu",
        "ba",
        "rin",
        "fe",
        "po",
        "qua",
        "len",
        "di",
        "sho",
        "tam",
        "ur",
        "wen",
    ]
    return "".join(rng.choice(syl) for _ in range(rng.randint(2, parts + 1))).capitalize()


def _entities(rng: random.Random) -> dict:
    country = rng.choice(COUNTRIES)
    return dict(
        actor=f"{_name(rng)} {rng.choice(['Liberation Front', 'militia', 'Brigade', 'movement'])}",
        town=_name(rng),
        town2=_name(rng),
        city=_name(rng),
        region=_name(rng, 3),
        country=country,
        capital=_name(rng),
        person=f"{_name(rng)} {_name(rng, 3)}",
        analyst=f"{_name(rng)} {_name(rng, 3)}",
        inst=_name(rng, 3),
        day=rng.choice(DAYS),
        month=rng.choice(MONTHS),
        year=rng.randint(2012, 2023),
        k=rng.randint(5, 400),
        w=rng.randint(5, 300),
        a=rng.randint(10, 90),
        k2=rng.randint(10, 200),
        d=rng.choice([1000, 2000, 3500, 5000, 8000, 12000]) + rng.randint(1, 999),
        k3=rng.randint(20, 500),
        outlet=rng.choice(WIRES),
    )


def _story(rng: random.Random, ent: dict, family: list[int], order: list[int]) -> list[str]:
    return [FACTS[f][family[f]].format(**ent) for f in order]


def paraphrase(sentences: list[str], rng: random.Random) -> list[str]:
    """Rewrite each sentence: synonym swaps, then a clause-order change; merge or drop a few."""
    out = []
    for s in sentences:
        for word, syn in SYNONYMS.items():
            if rng.random() < 0.9:
                s = re.sub(rf"\b{word}\b", syn, s)
        m = re.match(r"(.+), (according to .+|[\w ]+ (?:said|stated|say))\.$", s)
        if m:
            s = f"{m.group(2)[0].upper()}{m.group(2)[1:]}, {m.group(1)[0].lower()}{m.group(1)[1:]}."
        else:
            m = re.match(r"(In \w+), (.+)\.$", s)
            if m:
                s = f"{m.group(2)[0].upper()}{m.group(2)[1:]} {m.group(1).lower()}."
        out.append(s)
    if len(out) > 6 and rng.random() < 0.5:
        out.pop(rng.randrange(1, len(out)))
    if len(out) > 6 and rng.random() < 0.5:
        i = rng.randrange(1, len(out) - 1)
        out[i : i + 2] = [out[i][:-1] + ", and " + out[i + 1][0].lower() + out[i + 1][1:]]
    return out


def article(aid: str, lines: list[str], outlet=None, published=None) -> Article:
    text = "\n\n".join(lines)
    return Article(
        article_id=aid,
        input=aid,
        format="txt",
        raw_text=text,
        clean_text=text,
        offsets=OffsetMap(segments=[(0, 0, len(text))]),
        outlet=outlet,
        published=published,
    )


def make_corpus(n: int, seed: int = 1, share_derived: float = 0.24, share_twins: float = 0.06) -> Corpus:
    """``n`` articles: bases, plus planted duplicates, near-duplicates and paraphrases (a third
    each of ``share_derived``) and independent twins."""
    rng = random.Random(seed)
    n_derived, n_twins = int(n * share_derived), int(n * share_twins)
    n_base = n - n_derived - n_twins
    start = date(2025, 1, 1)
    corpus, bases = Corpus([]), []
    for b in range(n_base):
        ent = _entities(rng)
        family = [rng.randint(0, 1) for _ in FACTS]
        order = sorted(rng.sample(range(len(FACTS)), rng.randint(8, 12)))
        day = start + timedelta(days=rng.randint(0, 364))
        outlet = rng.choice(WIRES + [f"{_name(rng)} Times"])
        ent["outlet"] = outlet  # "one resident told Reuters" in a Reuters story
        aid = f"b{b:06d}"
        bases.append((aid, ent, family, order, day, outlet))
        corpus.articles.append(article(aid, _story(rng, ent, family, order), outlet, day.isoformat()))
    chosen = rng.sample(bases, n_derived + n_twins)
    for k, (aid, ent, family, order, day, _outlet) in enumerate(chosen):
        did = f"d{k:06d}"
        when = (day + timedelta(days=rng.randint(0, 2))).isoformat() if rng.random() < 0.5 else None
        sents = _story(rng, ent, family, order)
        site = f"{_name(rng)} Post"
        if k >= n_derived:
            # An independent twin, as Reuters and AP on one attack: the same event (actor, place,
            # day, country) in the other wording, with its own sources, figures and choice of facts.
            own = {**_entities(rng), "outlet": site}
            twin = {**own, **{x: ent[x] for x in ("actor", "town", "region", "country", "day", "year")}}
            other = [1 - f for f in family]
            twin_order = [0] + sorted(rng.sample(range(1, len(FACTS)), rng.randint(7, 11)))
            corpus.articles.append(
                article(
                    did, _story(rng, twin, other, twin_order), site, (day + timedelta(days=1)).isoformat()
                )
            )
            corpus.independent.add((aid, did))
            continue
        kind = ["duplicate", "near_duplicate", "paraphrase"][k % 3]
        if kind == "duplicate":
            lines = [rng.choice(FURNITURE)] + sents + rng.sample(FURNITURE, 2)
        elif kind == "near_duplicate":
            lines = [rng.choice(FURNITURE)] + sents[: max(2 * len(sents) // 3, 3)]
        else:
            lines = paraphrase(sents, rng)
        corpus.articles.append(article(did, lines, site, when))
        corpus.planted[(aid, did)] = kind
    return corpus
