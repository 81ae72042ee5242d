"""News outlets and agencies: one table (``data/outlets.json``), one canonicalisation.

Every stage that names an outlet asks here: cleaning (credit lines, photo credits), extraction (the
outlet a claim credits), reuse (wire stories, who credits whom) and merging (citation labels).

    >>> [canonical_outlet(n) for n in ("AP", "The Associated Press", "REUTERS", "Agence France-Presse")]
    ['Associated Press', 'Associated Press', 'Reuters', 'AFP']
    >>> outlet_label("The Associated Press"), canonical_outlet("Daily  Blend ")
    ('AP', 'Daily Blend')
    >>> outlet_in_text("according to sources quoted by Reuters")
    'Reuters'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Outlet:
    name: str  # canonical name
    label: str  # short name for citations ("AP")
    wire: bool = False
    spellings: tuple[str, ...] = ()
    text: str | None = None  # regex for the outlet named in running text (case-sensitive)
    photo: tuple[str, ...] = ()  # spellings in photo credits, as written
    credit: bool = True  # False: a photo agency, never a story's credit


def _key(name: str) -> str:
    """Lookup key of a whole name: lower case, punctuation folded, no leading "the"."""
    key = re.sub(r"[^\w]+", " ", name.lower()).strip()
    return key.removeprefix("the ")


@lru_cache(maxsize=1)
def outlet_table() -> tuple[Outlet, ...]:
    """The outlets of ``sitrep/data/outlets.json``, in file order."""
    raw = json.loads(resources.files("sitrep").joinpath("data", "outlets.json").read_text("utf-8"))
    return tuple(
        Outlet(
            name=o["name"],
            label=o.get("label", o["name"]),
            wire=o.get("wire", False),
            spellings=tuple(o.get("spellings", ())),
            text=o.get("text"),
            photo=tuple(o.get("photo", ())),
            credit=o.get("credit", True),
        )
        for o in raw["outlets"]
    )


@lru_cache(maxsize=1)
def _by_key() -> dict[str, Outlet]:
    out: dict[str, Outlet] = {}
    for o in outlet_table():
        for s in (o.name, *o.spellings):
            out.setdefault(_key(s), o)
    return out


@lru_cache(maxsize=20_000)
def find_outlet(name: str | None) -> Outlet | None:
    """The table's outlet a whole name stands for, or None."""
    return _by_key().get(_key(name)) if name else None


def canonical_outlet(name: str | None) -> str | None:
    """The outlet's canonical name ("The Associated Press", "AP" -> "Associated Press"); a name
    not in the table is kept, its spaces tidied."""
    if not name:
        return None
    o = find_outlet(name)
    return o.name if o else (" ".join(name.split()) or None)


def outlet_label(name: str | None) -> str | None:
    """The short name a citation uses: ``outlet_label("Associated Press") == "AP"``."""
    if not name:
        return None
    o = find_outlet(name)
    return o.label if o else name.strip()


def is_wire(name: str | None) -> bool:
    o = find_outlet(name)
    return bool(o and o.wire)


def spelling_pattern(credit_only: bool = True) -> str:
    """Regex alternation of every spelling (longest first), for credit lines and bylines."""
    words = {s for o in outlet_table() if o.credit or not credit_only for s in (o.name, *o.spellings)}
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def photo_pattern() -> str:
    """Regex alternation of the agencies' names as photo credits write them."""
    words = {s for o in outlet_table() for s in o.photo}
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def text_pattern(name: str | None) -> str | None:
    """The running-text regex of the outlet ``name`` stands for, or None."""
    o = find_outlet(name)
    return o.text if o else None


@lru_cache(maxsize=1)
def _text_regex() -> tuple[re.Pattern, dict[str, str]]:
    named = [o for o in outlet_table() if o.text]
    groups = {f"o{i}": o.name for i, o in enumerate(named)}
    return re.compile("|".join(f"(?P<o{i}>{o.text})" for i, o in enumerate(named))), groups


def any_outlet_pattern() -> str:
    """One regex alternation of every outlet's running-text pattern."""
    return "|".join(f"(?:{o.text})" for o in outlet_table() if o.text)


def is_outlet_name(name: str) -> bool:
    """True if ``name`` is an outlet as running text writes it ("the AP", "Reuters"); short
    spellings without a running-text pattern ("PA", "AA") stand for other things too."""
    o = find_outlet(name)
    bare = re.sub(r"^[Tt]he\s+", "", (name or "").strip())
    # case matters only for short names ("AP" the agency, "ap" not)
    return bool(o and o.text and re.fullmatch(o.text, bare, 0 if len(bare) <= 3 else re.IGNORECASE))


def outlet_in_text(text: str) -> str | None:
    """The canonical name of the first outlet named in ``text`` ("told Reuters"), or None."""
    regex, groups = _text_regex()
    m = regex.search(text or "")
    return groups[m.lastgroup] if m and m.lastgroup else None
