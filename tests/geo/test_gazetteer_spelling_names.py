"""The names the spelling-variant search reads (``Gazetteer.names_in``): a run that has made many
look-ups reads each country's names whole at once, a run of one article reads them one initial at
a time; both give the same names, in the same order, for every country and initial."""

from __future__ import annotations

import pytest

from sitrep.geo.gazetteer import INDEX_AFTER, Gazetteer

ASKED = [  # (countries of a story, first letter of a name in it), in a run's order
    (("US",), "s"),
    (("US",), "b"),
    (("ML", "BF"), "t"),
    (("GB",), "m"),
    (("US", "MX"), "s"),  # one country read before, one not
    (("ML",), "k"),
    (("NZ",), "q"),  # an initial with few or no names
    (("US",), "e"),
    (("US",), "s"),  # asked again
]


def _names(gaz: Gazetteer) -> list[tuple[list[str], list[int]]]:
    return [gaz.names_in(countries, initial) for countries, initial in ASKED]


@pytest.fixture()
def two_gazetteers(gazetteer_file):
    quiet, busy = Gazetteer(gazetteer_file), Gazetteer(gazetteer_file)
    yield quiet, busy
    quiet.con.close()
    busy.con.close()


def test_a_busy_run_reads_the_same_names_as_a_quiet_one(two_gazetteers):
    quiet, busy = two_gazetteers
    for i in range(INDEX_AFTER + 1):  # distinct names, so each is a look-up of its own
        busy.lookup([f"Qwzx Pond {i}"])
    from_quiet, from_busy = _names(quiet), _names(busy)
    assert from_busy == from_quiet
    keys, gids = from_quiet[0]
    assert len(keys) == len(gids) > 100 and all(k.startswith("s") for k in keys)
    assert from_quiet[0] == from_quiet[-1]  # the same answer the second time


def test_names_of_two_countries_are_both_countries_names(two_gazetteers):
    quiet, _ = two_gazetteers
    us, _ = quiet.names_in(("US",), "s")
    mx, _ = quiet.names_in(("MX",), "s")
    both, _ = quiet.names_in(("MX", "US"), "s")
    assert sorted(both) == sorted(us + mx) and mx
