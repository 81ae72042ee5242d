"""The gazetteer's names read into memory (``name_index``) once a run has made many look-ups: the
same candidates as the look-ups through DuckDB, for every kind of name (a town of many places, a
country, a division, accents and case folded, a name nothing carries); a gazetteer that made few
look-ups never reads them (a run of one article pays nothing for it)."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import INDEX_AFTER, Gazetteer

QUERIES = [
    "Springfield",  # dozens of towns
    "SPRINGFIELD",  # case folded
    "springfield!",  # punctuation folded
    "Timbuktu",
    "Tombouctou",  # an alternate name
    "Saint-Étienne",  # accents folded
    "Saint Etienne",
    "Bavaria",  # a division
    "New Zealand",  # a country
    "Kidal Region",
    "Qwzxv Pondbury",  # nothing
    "",
]


def candidates(gaz: Gazetteer, queries: list[str]) -> dict[str, list]:
    """Each query's candidates, in a set order (the two readings need not list them alike)."""
    return {q: sorted(found) for q, found in gaz._query([q for q in queries if q]).items()}


@pytest.fixture()
def fresh_gaz(gazetteer_file):
    """A gazetteer of its own (the session's shared one keeps its look-up count)."""
    gaz = Gazetteer(gazetteer_file)
    yield gaz
    gaz.con.close()


def test_names_in_memory_give_the_candidates_of_the_queries(fresh_gaz):
    through_duckdb = candidates(fresh_gaz, QUERIES)
    assert fresh_gaz._index is None
    for _ in range(INDEX_AFTER):
        fresh_gaz._query(["Springfield"])
    in_memory = candidates(fresh_gaz, QUERIES)
    assert fresh_gaz._index is not None  # the look-ups above read the names into memory
    assert in_memory == through_duckdb
    assert len(in_memory["Springfield"]) > 5 and in_memory["Qwzxv Pondbury"] == []
    assert in_memory["SPRINGFIELD"] == in_memory["Springfield"] == in_memory["springfield!"]


@pytest.mark.parametrize("query", ["Timbuktu", "Bavaria", "New Zealand"])
def test_own_names_and_alternate_names_stay_apart(fresh_gaz, query):
    """Whether a name is the place's own (``main_name``) is read alike both ways."""
    before = {(p.gid, p.main_name) for p in fresh_gaz._query([query])[query]}
    for _ in range(INDEX_AFTER):
        fresh_gaz._query([query])
    after = {(p.gid, p.main_name) for p in fresh_gaz._query([query])[query]}
    assert after == before and any(main for _, main in after)


def test_few_look_ups_never_read_the_names_into_memory(fresh_gaz):
    for q in QUERIES[: INDEX_AFTER // 2]:
        fresh_gaz.lookup([q])
    assert fresh_gaz._index is None
