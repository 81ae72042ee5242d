"""The seed example, merged and reconciled: expected.json's incidents, figures, origins, conflicts."""

from __future__ import annotations

import pytest

from sitrep.merge import merge_incidents
from sitrep.records import Lineage
from support.seed_records import A0, A1, A2, A3, A4, seed_records


@pytest.fixture()
def seeds(seed_texts):
    return seed_records(seed_texts)


@pytest.fixture()
def by_place(seeds):
    incs = merge_incidents(*seeds)
    return {i.location.name: i for i in incs}


def _claim(fig, low):
    hits = [c for c in fig.claims if c.low == low and c.qualifier != "vague"]
    assert len(hits) == 1, [c.text for c in fig.claims]
    return hits[0]


def test_seven_incidents_with_their_places_dates_and_countries(by_place, expected):
    want = {g["location"]["name"]: g for g in expected["incidents"]}
    assert set(by_place) == set(want)
    for name, g in want.items():
        inc = by_place[name]
        assert (inc.date.start, inc.date.end) == (g["date"]["start"], g["date"]["end"]), name
        assert inc.location.country_code == g["location"]["country_code"]


def test_boulkessi_has_all_five_articles_and_two_origins(by_place):
    inc = by_place["Boulkessi"]
    assert inc.articles == sorted([A0, A1, A2, A3, A4])
    assert inc.fatalities.low == 31 and inc.fatalities.high >= 60
    assert inc.fatalities.high_open
    # 004's own army quotes add no origin: its only Boulkessi figures are credited to Reuters
    assert inc.independent_origins == 2 and inc.origins == [A0, A1]


def test_echoes_and_credited_claims_are_traced_to_their_origin(by_place):
    fig = by_place["Boulkessi"].fatalities
    sixty, thirty = _claim(fig, 60), _claim(fig, 31)
    assert (sixty.origin, sixty.article_id, sixty.echoes) == (A1, A1, [A2])
    # 004 credits Reuters and no reuse edge links it to 000: the credit alone is provenance
    assert (thirty.origin, thirty.article_id) == (A0, A0)
    assert thirty.echoes == [A3, A4]
    assert "quoted by Reuters" in thirty.echo_quotes[A4]


def test_boulkessi_conflict_names_who_said_what(by_place):
    (c,) = [c for c in by_place["Boulkessi"].conflicts if c.field == "fatalities"]
    assert c.explanation.startswith("more than 30 (Reuters: Two security sources)")
    assert c.explanation.endswith("at least 60 (AP: a civil society activist)")


def test_vague_claims_do_not_lower_the_specific_figure(by_place):
    fig = by_place["Boulkessi"].fatalities
    assert any(c.qualifier == "vague" and c.low == 12 for c in fig.claims)
    assert fig.by_group["soldiers"].low == 31


def test_timbuktu_thirteen_vs_fourteen_and_its_other_figures(by_place):
    inc = by_place["Timbuktu"]
    f = inc.fatalities
    assert (f.by_group["militants"].low, f.by_group["militants"].high) == (13, 14)
    assert (f.by_group["soldiers"].low, f.by_group["soldiers"].high) == (1, 1)
    assert f.low == 14 and f.best == 14
    assert {c.origin for c in f.claims if c.low == 13} == {A0, A1}
    (c,) = [c for c in inc.conflicts if c.field == "fatalities"]
    assert "13 militants killed" in c.explanation and "via Reuters and AP" in c.explanation
    assert c.explanation.endswith("14 (Mali's army, via 004)")
    assert inc.wounded.low == 10
    assert inc.wounded.claims[0].attributed_to == "A hospital employee"
    (arrested,) = inc.other_figures
    assert (arrested.what, arrested.figure.low) == ("arrested", 31)
    assert A3 not in inc.articles  # 003 never mentions Timbuktu


def test_sirakorola_outcome_is_disputed(by_place):
    (c,) = by_place["Sirakorola"].conflicts
    assert c.field == "outcome" and c.explanation == "seized (JNIM) vs repelled (the army)"


def test_perpetrator_claims_never_set_best(by_place):
    for name, n in (("Dioura", 40), ("Djibo", 200)):
        f = by_place[name].fatalities
        assert (f.low, f.best, f.high) == (n, None, n)


def test_shared_figure_is_one_claim_linked_to_both_niger_incidents(by_place):
    tahoua, dosso = by_place["Tahoua"], by_place["Dosso"]
    assert tahoua.date.start != dosso.date.start
    for inc, other in ((tahoua, dosso), (dosso, tahoua)):
        assert inc.fatalities.claims == [] and inc.fatalities.low is None
        (s,) = inc.fatalities.shared_claims
        assert s.shared_with == [other.incident_id] and s.echoes == [A3] and s.low == 101
    assert tahoua.fatalities.shared_claims[0].claim_id == dosso.fatalities.shared_claims[0].claim_id


def test_no_incident_from_the_aggregate(by_place):
    for inc in by_place.values():
        assert all(c.low != 401 for c in inc.fatalities.claims + inc.fatalities.shared_claims)


def test_undated_rewrites_take_the_incident_date(by_place):
    assert f"{A2}#m1" in by_place["Boulkessi"].filled_dates
    assert f"{A3}#m2" in by_place["Dioura"].filled_dates


def test_summary_cites_every_figure(by_place):
    s = by_place["Boulkessi"].summary
    assert "more than 30 soldiers (Reuters" in s and "at least 60 soldiers (AP" in s
    assert "40 soldiers (AP" in s and s.count(".") <= 4
    assert "31 suspects (004" in by_place["Timbuktu"].summary


def test_ids_are_stable_across_runs_and_new_articles(seeds):
    ex, arts, lin = seeds
    first = merge_incidents(ex, arts, lin)
    again = merge_incidents(ex, arts, lin, previous=first)
    assert [i.incident_id for i in again] == [i.incident_id for i in first]
    # a later run without 000 (say, it was removed): Boulkessi keeps its id through overlap
    ex2 = {k: v for k, v in ex.items() if k != A0}
    later = merge_incidents(ex2, arts, lin, previous=first)
    old = {i.location.name: i.incident_id for i in first}
    assert {i.location.name: i.incident_id for i in later}["Boulkessi"] == old["Boulkessi"]
    assert len({i.incident_id for i in first}) == len(first)


def test_004_as_partial_rewrite_of_000_still_counts_two_origins(seeds):
    ex, arts, lin = seeds
    lin = dict(lin)
    lin[A4] = Lineage(article_id=A4, derived_from=A0, origin=A0, independent_group=A0)
    incs = {i.location.name: i for i in merge_incidents(ex, arts, lin)}
    assert incs["Boulkessi"].independent_origins == 2
    assert len(incs) == 7


def test_a_guessed_year_in_an_undated_rewrite_does_not_split_the_incident(seeds):
    ex, arts, lin = seeds
    m = ex[A3].mentions[1]  # Dioura, "On May 24" with no year and no publication date
    m.date.start = m.date.end = "2026-05-24"  # what a parser does with today's year
    m.date.precision = "day"
    incs = {i.location.name: i for i in merge_incidents(ex, arts, lin)}
    assert incs["Dioura"].articles == [A0, A3] and incs["Dioura"].date.start == "2025-05-24"
