"""What identifies one incident in a report, the way a careful reader links two reports:
the victims' names and ages, the street or block, the setting and the weapon, the report's own words.

    >>> ids = read_identifiers("Police identified the victim as Jordan Miles, 24. He was shot "
    ...                        "in the 1200 block of Elm Street.")
    >>> sorted(ids.people), sorted(ids.streets)
    (['jordan miles'], ['elm'])

Pure functions over text (no model): the merge stage calls them on each article's text and
gives each incident mention the identifiers found in its part of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.vocab import CARDINALS, MONTHS, WEEKDAYS

NAME = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
# "Marcus Leland Jr., 34": a generational suffix belongs to the name; the person is without it
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
FULL_NAME = rf"{NAME}(?: [A-Z]\.)?(?: {NAME}){{1,2}}(?:,? (?:Jr|Sr|II|III|IV)\b\.?)?"
# "Jordan Miles, 24," / "Jordan Miles, age 24" / "24-year-old Jordan Miles" / "identified as Jordan Miles"
NAME_AGE = re.compile(
    rf"\b({FULL_NAME}),? (?:age |aged )?(\d{{1,2}})\b(?!-| ?(?:percent|%|years? ago|p\.?m|a\.?m))"
)
AGE_NAME = re.compile(rf"\b(\d{{1,2}})-year-old (?:[a-z]+ ){{0,3}}({FULL_NAME})")
# "killed Marcus Dillard and Terrence Vole", "the shooting death of Ana Ruiz": victims without an age
OBJECT_OF = re.compile(
    rf"\b(?:killed|shot|wounded|slew|murdered|(?:death|killing|shooting|murder) of) "
    rf"({FULL_NAME})(?:,? and ({FULL_NAME}))?"
)
# an age said of anyone, named or not: "a 6-year-old", "six-year-old girl", "boy, 6,", "age 17"
AGE_WORD = "|".join(k for k, v in CARDINALS.items() if v < 20)
YEARS_OLD = re.compile(rf"\b(\d{{1,2}}|{AGE_WORD})[- ]years?[- ]old\b", re.I)
PERSON_AGE = re.compile(
    r"\b(?:boy|girl|man|woman|teen|teenager|child|toddler|infant|baby|son|daughter|victim|"
    r"student|mother|father|aged?),? (\d{1,2})\b(?!-| ?(?:percent|%|years? ago|p\.?m|a\.?m|:))",
    re.I,
)
IDENTIFIED = re.compile(rf"\b(?:identified|named)(?: \w+){{0,4}} as ({FULL_NAME})")
NOT_PEOPLE = {
    "police",
    "county",
    "city",
    "street",
    "avenue",
    "road",
    "sheriff",
    "department",
    "hospital",
    "school",
    "high",
    "university",
    "center",
    "news",
    "channel",
    "park",
    "north",
    "south",
    "east",
    "west",
    *WEEKDAYS,
    *MONTHS,
    "the",
    "a",
    "an",
    "officer",
    "officers",
    "chief",
    "lt",
    "sgt",
    # page furniture around photos and links
    "caption",
    "close",
    "image",
    "images",
    "photo",
    "photos",
    "video",
    "click",
    "share",
    "email",
    "read",
    "more",
    "related",
    "story",
    "file",
    "getty",
    "copyright",
    "comments",
    "updated",
}
SUFFIX = {
    "street": "st",
    "st": "st",
    "avenue": "ave",
    "ave": "ave",
    "road": "rd",
    "rd": "rd",
    "boulevard": "blvd",
    "blvd": "blvd",
    "drive": "dr",
    "dr": "dr",
    "lane": "ln",
    "ln": "ln",
    "way": "way",
    "court": "ct",
    "ct": "ct",
    "place": "pl",
    "pl": "pl",
    "parkway": "pkwy",
    "pkwy": "pkwy",
    "highway": "hwy",
    "hwy": "hwy",
    "circle": "cir",
    "terrace": "ter",
    "pike": "pike",
    "trail": "trl",
    "square": "sq",
}
STREET_WORD = r"(?:[A-Z][\w'.]*|\d+(?:st|nd|rd|th))"
SUFFIXES = "|".join(s.title() for s in SUFFIX)
STREET = re.compile(rf"\b((?:{STREET_WORD} ){{1,3}})({SUFFIXES})\b\.?")
BLOCK = re.compile(
    rf"\b(\d{{2,6}}) block of ((?:{STREET_WORD} ){{0,3}}?{STREET_WORD})(?: (?:{SUFFIXES})\b|\b(?![ ]?[A-Z\d]))"
)
# words before a street's name that are not its name: compass words (written out or abbreviated,
# "1600 NW 7th" and "1600 Northwest 7th" are one street), "old", "the"
DIRECTIONS = {
    *("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"),
    *("n", "s", "e", "w", "ne", "nw", "se", "sw", "old", "the"),
}
SETTINGS = {
    "bar": "bar",
    "nightclub": "club",
    "club": "club",
    "apartment": "apartment",
    "gas station": "gas station",
    "party": "party",
    "school": "school",
    "church": "church",
    "parking lot": "parking lot",
    "restaurant": "restaurant",
    "motel": "hotel",
    "hotel": "hotel",
    "drive-by": "drive-by",
    "convenience store": "store",
    "store": "store",
    "park": "park",
    "vehicle": "vehicle",
    "car": "vehicle",
    "home": "home",
    "house": "home",
    "residence": "home",
}
SETTING_RE = re.compile(r"\b(" + "|".join(sorted(SETTINGS, key=len, reverse=True)) + r")s?\b", re.I)
VICTIM_WORDS = re.compile(
    r"\b(killed|died|dead|death|shot|wounded|injured|victim\w*|hospital\w*|"
    r"pronounced|slain|struck|hit|identified)\b",
    re.I,
)
SUSPECT_WORDS = re.compile(
    r"\b(charged|arrested|suspect\w*|accused|booked|indicted|sentenced|"
    r"convicted|custody|jail\w*|pleaded|arraigned|shooter|gunman)\b",
    re.I,
)
WEAPONS = re.compile(r"\b(shotgun|rifle|handgun|pistol|knife|stabb\w+|ar-15|assault weapon)\b", re.I)


STOP = set(
    [
        "the",
        "and",
        "for",
        "was",
        "were",
        "that",
        "with",
        "from",
        "have",
        "has",
        "had",
        "been",
        "this",
        "his",
        "her",
        "their",
        "they",
        "them",
        "who",
        "what",
        "when",
        "where",
        "which",
        "while",
        "after",
        "before",
        "about",
        "into",
        "over",
        "said",
        "says",
        "say",
        "police",
        "officer",
        "officers",
        "shooting",
        "shot",
        "shooting",
        "shootings",
        "man",
        "woman",
        "men",
        "women",
        "people",
        "person",
        "year",
        "old",
        "one",
        "two",
        "three",
        "four",
        "five",
        "are",
        "not",
        "but",
        "will",
        "would",
        "could",
        "also",
        "its",
        "out",
        "just",
        "than",
        "then",
        "there",
        "these",
        "those",
        "our",
        "you",
        "your",
        "she",
        "him",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "very",
        "can",
        "did",
        "does",
        "being",
        "according",
        "told",
        "news",
        "report",
        "reported",
        "updated",
    ]
)


@dataclass
class Identifiers:
    people: set[str] = field(default_factory=set)  # "jordan miles"
    surnames: set[str] = field(default_factory=set)  # "miles"
    ages: dict[str, int] = field(default_factory=dict)  # surname -> age
    victims: dict[str, int] = field(default_factory=dict)  # surname -> age, said of a victim
    slain: set[str] = field(default_factory=set)  # "killed Ana Ruiz": people named as the ones hit
    years: set[int] = field(default_factory=set)  # every age said, of anyone ("a 6-year-old")
    streets: set[str] = field(default_factory=set)  # "elm" (suffix and directions dropped)
    blocks: set[str] = field(default_factory=set)  # "1200 elm"
    settings: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    capitalised: set[str] = field(default_factory=set)  # every capitalised word, lowercased
    words: dict[str, int] = field(default_factory=dict)  # the incident's own wording

    def drop_people(self, names: set[str]) -> None:
        """Forget "people" that are really ``names`` (lowercased place names, say)."""
        gone = {p for p in self.people if p in names or any(p in n for n in names)}
        self.people -= gone
        self.slain -= gone
        for p in gone:
            surname = p.split()[-1]
            if not any(q.split()[-1] == surname for q in self.people):
                self.surnames.discard(surname)
                self.ages.pop(surname, None)
                self.victims.pop(surname, None)

    def update(self, other: Identifiers) -> None:
        self.people |= other.people
        self.surnames |= other.surnames
        for k, a in other.ages.items():
            self.ages.setdefault(k, a)
        for k, a in other.victims.items():
            self.victims.setdefault(k, a)
        self.slain |= other.slain
        self.years |= other.years
        self.streets |= other.streets
        self.blocks |= other.blocks
        self.settings |= other.settings
        self.weapons |= other.weapons
        self.capitalised |= other.capitalised
        for w, n in other.words.items():
            self.words[w] = self.words.get(w, 0) + n


def _person(name: str) -> str | None:
    words = [
        w for w in name.lower().replace(",", " ").split() if not w.endswith(".") and w not in NAME_SUFFIXES
    ]
    if len(words) < 2 or any(w in NOT_PEOPLE for w in words):
        return None
    return " ".join(words)


def _street(words: str) -> str:
    kept = [w for w in words.lower().replace(".", " ").split() if w not in DIRECTIONS]
    if any(w in NOT_PEOPLE for w in kept):  # "Elm Monday": a weekday is not a street
        kept = kept[: min(i for i, w in enumerate(kept) if w in NOT_PEOPLE)]
    return " ".join(kept)


def _age(said: str) -> int:
    return int(said) if said.isdigit() else CARDINALS.get(said.lower(), 0)


def words(text: str) -> dict[str, int]:
    """Content words of ``text`` with their counts (for the wording similarity of merge/link.py)."""
    out: dict[str, int] = {}
    for w in re.findall(r"[a-z0-9][a-z0-9'\-]{2,}", text.lower()):
        if w not in STOP:
            out[w] = out.get(w, 0) + 1
    return out


def _sentence(text: str, start: int, end: int) -> str:
    a = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    b = min(x for x in (text.find(". ", end), text.find("\n", end), len(text)) if x >= 0)
    return text[a:b]


def read_identifiers(text: str, title: str = "") -> Identifiers:
    """People, streets, blocks, settings and weapons named in ``text`` (and ``title``, whose
    Title Case words are never read as people)."""
    ids = Identifiers()
    lower = set(re.findall(r"\b[a-z][a-z'\-]+\b", text))
    found: list[tuple[re.Match, str, int | None]] = []
    found += [(m, m.group(1), int(m.group(2))) for m in NAME_AGE.finditer(text)]
    found += [(m, m.group(2), int(m.group(1))) for m in AGE_NAME.finditer(text)]
    found += [(m, m.group(1), None) for m in IDENTIFIED.finditer(text)]
    found += [(m, name, None) for m in OBJECT_OF.finditer(text) for name in m.groups() if name]
    for m, name, age in found:
        person = _person(name)
        if person is None or (age is not None and not 0 < age < 100):
            continue
        if any(w in lower for w in person.split()):
            continue  # "Shooting Wounds Boy": words the text also writes in lower case
        ids.people.add(person)
        if m.re is OBJECT_OF:
            ids.slain.add(person)
        surname = person.split()[-1]
        ids.surnames.add(surname)
        if age is not None:
            ids.ages.setdefault(surname, age)
            sentence = _sentence(text, m.start(), m.end())
            if VICTIM_WORDS.search(sentence) and not SUSPECT_WORDS.search(sentence):
                ids.victims.setdefault(surname, age)
    text = f"{title}.\n{text}" if title else text
    ids.years = {_age(m.group(1)) for r in (YEARS_OLD, PERSON_AGE) for m in r.finditer(text)} - {0}
    for m in STREET.finditer(text):
        street = _street(m.group(1))
        if street and street not in NOT_PEOPLE:
            ids.streets.add(street)
    for m in BLOCK.finditer(text):
        street = _street(m.group(2))
        if street:
            ids.streets.add(street)
            ids.blocks.add(f"{m.group(1)} {street}")
    ids.settings = {SETTINGS[m.group(1).lower()] for m in SETTING_RE.finditer(text)}
    ids.weapons = {m.group(1).lower()[:5] for m in WEAPONS.finditer(text)}
    ids.capitalised = {w.lower() for w in re.findall(r"\b[A-Z][a-z'\-]+\b", text)}
    return ids
