"""Place recognition: gazetteer phrase matching, spaCy entities and cue words, with false-hit filters.

spaCy's labels alone miss places (on the seeds it calls Mali a PERSON and Djibo an ORG), so every
capitalised word run is looked up in the gazetteer; entities and cue words ("the town of X",
"X region", "in X") add the places the gazetteer lacks.

    >>> [m.text for m in find_place_mentions("Gunmen attacked the town of Djibo in Burkina Faso.")]
    ['Djibo', 'Burkina Faso']
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.countries import country_names
from sitrep.geo.gazetteer import Gazetteer
from sitrep.geo.marks import (
    DATELINE,
    DATELINE_END,
    DOTTED,
    POSTAL,
    TITLE_DATELINE,
    macro_regions,
    marked_names,
    postal_codes,
    postal_mentions,
)
from sitrep.geo.place_words import (
    ACCEPT_CUES,
    ACRONYM_PLACES,
    ADMIN_WORDS,
    CONNECTORS,
    CUE_WORDS,
    FEATURE_AFTER,
    FEATURE_BEFORE,
    INSTITUTION_WORDS,
    JOB_WORDS,
    NAME_ENTS,
    ORG_WORDS,
    PLACE_ENTS,
    RANKS,
    TITLES,
    TOWN_WORDS,
    demonyms,
    fold,
    stop_words,
)
from sitrep.records import PlaceMention

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s$", re.I)


def tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in WORD.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        parts = re.split(r"(?=-[^\W\d_])", w)
        lower = [k for k, q in enumerate(parts) if k and q[1:2].islower()]
        if lower and all(q[1:2].islower() for q in parts[lower[0] :]):
            # "Morocco-based", "Mali-led": the name is the part before the lowercase suffix
            # ("Port-au-Prince", "Aix-en-Provence" end on a capital: one name)
            e, w = s + len("".join(parts[: lower[0]])), "".join(parts[: lower[0]])
        p = POSSESSIVE.search(w)
        if p and len(w) > 3:
            e, w = e - 2, w[:-2]
        out.append((s, e, w))
    return out


def is_cap(w: str) -> bool:
    return w[:1].isupper()


def runs(text: str, toks: list) -> list[tuple[int, int]]:
    """Candidate phrases (token index ranges): capitalised runs of up to 5 words, connectors inside."""
    out = []
    for i, (_, _, w) in enumerate(toks):
        if not is_cap(w):
            continue
        for j in range(i, min(i + 5, len(toks))):
            if j > i:
                gap = text[toks[j - 1][1] : toks[j][0]]
                if gap not in (" ", "-", "- ", " - "):
                    break
                if not is_cap(toks[j][2]) and toks[j][2].lower() not in CONNECTORS:
                    break
            if is_cap(toks[j][2]):
                out.append((i, j + 1))
    return out


def ent_at(ents, s: int, e: int):
    for es, ee, label in ents:
        if es <= s and e <= ee:
            return es, ee, label
    return None


def sentence_initial(text: str, start: int) -> bool:
    """The word at ``start`` opens a line or a sentence (capitalised by position, not as a name)."""
    before = text[max(0, start - 3) : start]
    return start == 0 or before.endswith("\n") or bool(re.search(r"[.!?][\"”’']? $", before))


@lru_cache(maxsize=4)
def word_set(text: str) -> frozenset[str]:
    """The text's words (maximal runs of word characters), read once per text."""
    return frozenset(re.findall(r"\w+", text))


def written_in(text: str, word: str) -> bool:
    """``word`` stands as a whole word in ``text`` (as ``\\bword\\b`` would find it)."""
    if re.fullmatch(r"\w+", word):
        return word in word_set(text)
    return re.search(rf"\b{re.escape(word)}\b", text) is not None  # "o'brien": the regex itself


def tagged_places(ents) -> set[tuple[int, int]]:
    """The (start, end) of the tagger's place entities (PLACE_ENTS)."""
    return {(s, e) for s, e, label in ents if label in PLACE_ENTS}


def false_hit(
    text: str, toks: list, i: int, j: int, ents, known: set[str], source: str, place_spans=None
) -> bool:
    """True when a phrase is a person, an organisation, a date word or a common word, not a place.
    ``place_spans``: the (start, end) of the tagger's place entities, when the caller has them."""
    words = [t[2] for t in toks[i:j]]
    phrase = text[toks[i][0] : toks[j - 1][1]]
    key = fold(phrase)
    acronym = key in ACRONYM_PLACES and phrase.isupper()  # "US" the country, not "Us" the pronoun
    if j - i == 1 and (key in stop_words() or key in demonyms()) and not acronym:
        return True
    if any(w.isupper() and len(w) > 1 for w in words) and not acronym:
        return True  # acronyms (JNIM, AP) and all-caps headings
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    if place_spans is None:
        place_spans = tagged_places(ents)
    place_ent = (toks[i][0], toks[j - 1][1]) in place_spans
    if (
        j - i == 1
        and key not in country_names()  # "Turkey ... turkey farms": the country stays
        and sentence_initial(text, toks[i][0])
        and written_in(text, words[0].lower())
    ):
        return True  # "Man killed in shooting ... a man was shot": a common word capitalised
    if prev and fold(prev[2]) in TITLES and text[prev[1] : toks[i][0]] in (" ", ". "):
        return True
    for nb, gap in (
        (prev, text[prev[1] : toks[i][0]] if prev else ""),
        (nxt, text[toks[j - 1][1] : nxt[0]] if nxt else ""),
    ):
        # "Baba Ahmed", "Michael Langley": a capitalised neighbour that is no place makes one name,
        # unless the tagger reads the place alone as a place ("Neighbouring Uganda").
        if nb and gap == " " and is_cap(nb[2]) and nb[2] not in known and not place_ent:
            w = fold(nb[2])
            if (
                w not in ADMIN_WORDS
                and w not in FEATURE_AFTER
                and w not in FEATURE_BEFORE
                and w not in TOWN_WORDS
                and w not in stop_words()
                and w not in demonyms()
            ):
                return True
    if words[-1].lower() in ORG_WORDS:
        return True  # "Global South World"
    k = i - 1
    while k >= 0 and toks[k][2].lower() in {"for", "the", "of", "on", "and"} and k > i - 4:
        k -= 1
    if k >= 0 and k < i - 1 and is_cap(toks[k][2]) and toks[k][2].lower() in ORG_WORDS:
        return True  # "Policy Centre for the New South"
    ent = ent_at(ents, toks[i][0], toks[j - 1][1])
    if ent and ent[2] in NAME_ENTS and (ent[0], ent[1]) != (toks[i][0], toks[j - 1][1]):
        rest = fold(text[ent[0] : toks[i][0]] + " " + text[toks[j - 1][1] : ent[1]]).split()
        if any(w not in ADMIN_WORDS and w not in TOWN_WORDS and w not in {"the", "of"} for w in rest):
            return True  # part of "Policy Centre for the New South"
    return False


OWNER_OF = re.compile(r"\b([A-Z][a-z]+) of (?:the )?$")  # "Ministry of Health of (the) X"


@lru_cache(maxsize=4)
def unit_names(gaz: Gazetteer) -> frozenset[str]:
    """Folded names of the gazetteer's countries and first-order divisions ("united states", "ohio")."""
    units = [*gaz.countries.values(), *gaz.admin1s.values()]
    return frozenset({fold(p.name) for p in units} | {fold(n) for n in country_names()})


def owns_institution(text: str, toks: list, i: int, j: int, gaz: Gazetteer) -> bool:
    """A country or division named as the owner of a public body ("the Texas Department of
    Health", "US Army", "Queensland Premier", "the Ministry of Health of Ghana"): a place,
    although the body's name runs on around it."""
    if fold(text[toks[i][0] : toks[j - 1][1]]) not in unit_names(gaz):
        return False
    nxt = toks[j] if j < len(toks) else None
    owner = OWNER_OF.search(text[max(0, toks[i][0] - 40) : toks[i][0]])
    if owner and fold(owner.group(1)) in INSTITUTION_WORDS:
        return True  # "Ministry of Health of" / "Health Ministry of"
    return (
        nxt is not None
        and text[toks[j - 1][1] : nxt[0]] == " "
        and fold(nxt[2]) in INSTITUTION_WORDS
        and is_cap(nxt[2])
    )


def person_named(text: str, toks: list, i: int, j: int, ents, gaz: Gazetteer, listed: set[str]) -> bool:
    """A name spaCy reads as a person ("Oliver", "Taylor", "Kimi") that only small places bear,
    with no place word framing it: the person. Countries, regions and cities of 100,000 or more
    stay places whatever the tagger says (the small model reads "Mali" and "Niger" as people)."""
    start, end = toks[i][0], toks[j - 1][1]
    if not any(e[0] == start and e[1] == end and e[2] == "PERSON" for e in ents):
        return False
    if cue_of(text, toks, i, j) in ACCEPT_CUES:
        return False  # "in Oliver", "the town of Taylor"
    if listed_with_places(text, start, end, ents, listed):
        return False  # "Dayton, Warren and Xenia": one of a list of places
    places = gaz.lookup([text[start:end]]).get(text[start:end], [])
    return not any(p.is_country or p.feature_code == "ADM1" or p.population >= 100_000 for p in places)


LIST_BEFORE = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?:,| and|, and| or) $")
LIST_AFTER = re.compile(r"^(?:,| and|, and| or) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def list_neighbours(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The names written just before and after ``text[start:end]`` in a list ("A, B and C")."""
    out = []
    for m, offset in (
        (LIST_BEFORE.search(text[max(0, start - 40) : start]), max(0, start - 40)),
        (LIST_AFTER.match(text[end : end + 40]), end),
    ):
        if m is not None:
            out.append((offset + m.start(1), offset + m.end(1), m.group(1)))
    return out


def listed_names(text: str, ents, gaz: Gazetteer) -> set[str]:
    """The list neighbours of every person the tagger reads that the gazetteer knows (one query)."""
    names = {n for s, e, label in ents if label == "PERSON" for _, _, n in list_neighbours(text, s, e)}
    return gaz.known(sorted(names)) if names else set()


def listed_with_places(text: str, start: int, end: int, ents, known: set[str]) -> bool:
    """The name stands in a list ("A, B and C") beside a name the gazetteer knows (``known``:
    ``listed_names``) and the tagger does not read as a person: a list of places, whatever the
    tagger says of this one."""
    people = [(s, e) for s, e, label in ents if label == "PERSON"]
    return any(
        name in known and not any(a < e and s < b for a, b in people)
        for s, e, name in list_neighbours(text, start, end)
    )


def person_words(text: str, ents) -> set[str]:
    """Given names and surnames of the people the article names in full ("Tyler Jackson",
    "Jordan Brooks"): two or three capitalised words, none a place word ("Village Malakal")."""
    out = set()
    for s, e, label in ents:
        words = [fold(POSSESSIVE.sub("", w)) for w in text[s:e].split()]
        if (
            label != "PERSON"
            or not 2 <= len(words) <= 3
            or not all(w[:1].isupper() for w in text[s:e].split())
        ):
            continue
        if any(
            w in TOWN_WORDS
            or w in ADMIN_WORDS
            or w in ORG_WORDS
            or w in JOB_WORDS
            or w in TITLES
            or w in RANKS
            or w in stop_words()
            for w in words
        ):
            continue
        out |= {words[0], words[-1]}
    return out


def surname(text: str, toks: list, i: int, j: int, people: set[str]) -> bool:
    """A one-word name that is a person's name elsewhere in the article ("Tyler Jackson ...
    Jackson, 24, was arrested") and no place word frames here: the person, even when a country
    or city bears it ("Jordan", "Jackson"). "in Jackson", "the town of Jordan" stay places."""
    if j - i != 1 or fold(toks[i][2]) not in people:
        return False
    return cue_of(text, toks, i, j) not in ACCEPT_CUES


def widen_feature(text: str, toks: list, i: int, j: int) -> tuple[int, int]:
    """ "Lake Chad Basin", "Niger River": the feature words belong to the name."""
    if (
        i > 0
        and is_cap(toks[i - 1][2])
        and fold(toks[i - 1][2]) in FEATURE_BEFORE
        and text[toks[i - 1][1] : toks[i][0]] == " "
    ):
        i -= 1
    while (
        j < len(toks)
        and is_cap(toks[j][2])
        and fold(toks[j][2]) in FEATURE_AFTER
        and text[toks[j - 1][1] : toks[j][0]] == " "
    ):
        j += 1
    return i, j


def cue_of(text: str, toks: list, i: int, j: int) -> str | None:
    """The cue word that frames the phrase: region, province, town, city, near, border, river, in..."""
    nxt = fold(toks[j][2]) if j < len(toks) else ""
    prev = [fold(t[2]) for t in toks[max(0, i - 4) : i]]
    first, last = fold(toks[i][2]), fold(toks[j - 1][2])
    if j - i > 1 and (first in FEATURE_BEFORE or last in FEATURE_AFTER):
        return FEATURE_BEFORE.get(first) or FEATURE_AFTER[last]
    if nxt in ADMIN_WORDS:
        return ADMIN_WORDS[nxt]
    if nxt in FEATURE_AFTER:
        return FEATURE_AFTER[nxt]
    if nxt in {"base", "camp", "airport", "garrison", "checkpoint"} and prev[-1:] == ["the"]:
        return "town"  # "the Boulkessi base"
    if nxt == "border" or prev[-2:] == ["border", "with"]:
        return "border"
    if prev and prev[-1] in FEATURE_BEFORE:
        return FEATURE_BEFORE[prev[-1]]
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in TOWN_WORDS:
        return TOWN_WORDS[prev[-2]]
    if prev and prev[-1] in {"near", "outside", "nearby", "around"}:
        return "near"
    if len(prev) >= 2 and prev[-2:] in (
        ["close", "to"],
        ["north", "of"],
        ["south", "of"],
        ["east", "of"],
        ["west", "of"],
        ["km", "from"],
        ["kilometres", "from"],
        ["miles", "from"],
    ):
        return "near"
    if prev and prev[-1] in CUE_WORDS:
        return prev[-1]
    return None


def context_of(text: str, s: int, e: int, width: int = 90) -> str:
    """The words around a mention, within its sentence."""
    left = max(text.rfind(". ", 0, s) + 2, text.rfind("\n", 0, s) + 1, s - width, 0)
    ends = [k for k in (text.find(". ", e), text.find("\n", e)) if k != -1] + [len(text), e + width]
    right = min(ends)
    ctx = text[left:right]
    if left > 0 and left == s - width:
        ctx = ctx.split(" ", 1)[-1]
    if right == e + width:
        ctx = ctx.rsplit(" ", 1)[0]
    return " ".join(ctx.split())


def dateline_places(raw: str, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """The places of the article's dateline ("HASTINGS, Neb. (AP) —"), raw spans: cleaning drops
    the dateline from the text, yet it is the best word on where the story happens."""
    out, pos = [], 0
    for line in raw[:1500].split("\n")[:8]:
        head = DATELINE.match(line) or TITLE_DATELINE.match(line)
        end = DATELINE_END.search(line, head.end()) if head else None
        if head and end and end.start() < 60:
            found = [  # the dash stays in: "DENVER (KDVR) —" is a dateline only with it
                m for m in find_place_mentions(line[: end.end()], (), gazetteer) if m.span[1] <= end.start()
            ]
            coded = [m for m in found if fold(m.text) in postal_codes() and POSTAL.match(line, m.span[0] - 2)]
            found = [m for m in found if m not in coded]  # "GA" read as a town somewhere: the code
            found += postal_mentions(line, found)
            out += [m.model_copy(update={"span": (pos + m.span[0], pos + m.span[1])}) for m in found]
            break
        pos += len(line) + 1
    return out


def find_place_mentions(text: str, ents=(), gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every place named in ``text``; spans are offsets into ``text``; ``ents`` are spaCy entities."""
    gaz = gazetteer or Gazetteer.default()
    ents = [tuple(e) for e in ents]
    spans = tagged_places(ents)  # read once per text, not once per candidate
    toks = tokens(text)
    cands = runs(text, toks)
    phrases = {(i, j): text[toks[i][0] : toks[j - 1][1]] for i, j in cands}
    titled = [m.group().title() for m in DATELINE.finditer(text)]
    dotted = [m.group() for m in DOTTED.finditer(text)]
    known = gaz.known(list(phrases.values()) + [t[2] for t in toks if is_cap(t[2])] + titled + dotted)
    known |= {ph for ph in phrases.values() if fold(ph) in macro_regions()}  # "East Africa", not "Africa"
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for i, j in marked_names(text, toks, known, gaz):
        if not taken & set(range(i, j)):
            found.append((i, j, "gazetteer"))
            taken |= set(range(i, j))
    people = person_words(text, ents)
    listed = listed_names(text, ents, gaz)
    for i, j in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[0])):  # longest match first
        if phrases[(i, j)] in known and not taken & set(range(i, j)):
            if (
                (
                    owns_institution(text, toks, i, j, gaz)
                    or not false_hit(text, toks, i, j, ents, known, "gazetteer", spans)
                )
                and not person_named(text, toks, i, j, ents, gaz, listed)
                and not surname(text, toks, i, j, people)
            ):
                i, j = widen_feature(text, toks, i, j)
                found.append((i, j, "gazetteer"))
                taken |= set(range(i, j))
    by_start = {t[0]: k for k, t in enumerate(toks)}
    by_end = {t[1]: k for k, t in enumerate(toks)}
    for s, e, label in ents:
        if label not in PLACE_ENTS:
            continue
        while text[s : s + 4].lower() == "the ":
            s += 4
        i, j = by_start.get(s), by_end.get(e)
        if i is None or j is None or taken & set(range(i, j + 1)) or not is_cap(toks[i][2]):
            continue
        if not false_hit(text, toks, i, j + 1, ents, known, "ner", spans) and not surname(
            text, toks, i, j + 1, people
        ):
            found.append((i, j + 1, "ner"))
            taken |= set(range(i, j + 1))
    cands = [
        (i, j) for i, j in cands if "and" not in {t[2] for t in toks[i:j]}
    ]  # "Africa and Asia" is two names
    for i, j in cands:  # cue words: "the town of Boulikessi", "Sirakorola region", "in Boulkessi"
        if taken & set(range(i, j)) or (i, j) != max(
            ((a, b) for a, b in cands if a == i), key=lambda c: c[1]
        ):
            continue
        cue = cue_of(text, toks, i, j)
        before = {fold(t[2]) for t in toks[max(0, i - 4) : i]}
        if cue == "at" and before & JOB_WORDS:
            continue  # "senior analyst at Dragonfly": a workplace, not a place
        if cue in ACCEPT_CUES and not false_hit(text, toks, i, j, ents, known, "cue", spans):
            found.append((i, j, "cue"))
            taken |= set(range(i, j))
    out = []
    for i, j, source in sorted(found):
        s, e = toks[i][0], toks[j - 1][1]
        out.append(
            PlaceMention(
                text=text[s:e],
                span=(s, e),
                context=context_of(text, s, e),
                cue=cue_of(text, toks, i, j),
                source=source,
            )
        )
    share_plural_cues(text, out)
    return out


def share_plural_cues(text: str, mentions: list[PlaceMention]) -> None:
    """ "the Tahoua and Dosso regions": the plural cue after the last name covers the names before it."""
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.span[1] : b.span[0]].strip().lower()
        after = text[b.span[1] : b.span[1] + 12].lower()
        if (
            a.cue in (None, "in", "at")
            and between in ("and", ",", ", and", "or")
            and re.match(r"\s+\w+s\b", after)
        ):
            if b.cue in ADMIN_WORDS.values():
                a.cue = b.cue
