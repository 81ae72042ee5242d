"""Merging beyond the seeds: local crime reports, addresses, follow-ups, spelling, countries, blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.merge import merge_incidents
from sitrep.merge.ids import skeleton
from sitrep.records import (
    ActorMention,
    Article,
    ArticleExtraction,
    Claim,
    DateInfo,
    IncidentMention,
    Lineage,
    Location,
    OffsetMap,
    PlaceMention,
)

CHICAGO = dict(
    name="Chicago",
    country_code="US",
    admin1="Illinois",
    lat=41.85,
    lon=-87.65,
    precision="exact",
    geonameid=4887398,
)


def _article(aid, outlet, published):
    return Article(
        article_id=aid,
        input=aid,
        format="txt",
        raw_text="x",
        clean_text="x",
        offsets=OffsetMap(),
        outlet=outlet,
        published=published,
    )


def _mention(
    aid, n, places, loc, date, claims=(), actors=(), etype="violence_against_civilians", sub="attack", **kw
):
    return IncidentMention(
        mention_id=f"{aid}#m{n}",
        article_id=aid,
        event_type=etype,
        sub_event_type=sub,
        political=False,
        date=date,
        location=Location(**loc) if loc else None,
        places=[PlaceMention(text=p, span=(0, len(p)), cue=c) for p, c in places],
        actors=[ActorMention(**{"text": a["name"], **a}) for a in actors],
        claims=list(claims),
        **kw,
    )


def _day(d, text="on Friday"):
    return DateInfo(start=d, end=d, precision="day", text=[text])


def _killed(aid, n, low, who="police", what="killed", group="people"):
    return Claim(
        claim_id=f"{aid}#c{n}",
        article_id=aid,
        what=what,
        group=group,
        low=low,
        high=low,
        text=f"{low} {group}",
        quote=f"{low} {group} {what}, {who} said.",
        attributed_to=who,
        claimant_kind="official",
    )


def _run(mentions_by_article, articles, lineage=None):
    ex = {aid: ArticleExtraction(article_id=aid, mentions=ms) for aid, ms in mentions_by_article.items()}
    lineage = lineage or {a: Lineage(article_id=a, origin=a, independent_group=a) for a in articles}
    return merge_incidents(ex, articles, lineage)


VICTIM = dict(name="Darnell Hayes", text="Darnell Hayes", kind="civilians_named", role="target")


def test_one_shooting_three_local_outlets_two_days_is_one_incident():
    arts = {
        "trib": _article("trib", "Chicago Tribune", "2024-03-09"),
        "sun": _article("sun", "Chicago Sun-Times", "2024-03-09"),
        "wttw": _article("wttw", "WTTW", "2024-03-10"),
    }
    addr = ("1400 block of South Michigan Avenue", "address")
    ms = {
        "trib": [
            _mention(
                "trib",
                1,
                [addr, ("Chicago", "city")],
                CHICAGO,
                _day("2024-03-08", "Friday night"),
                [_killed("trib", 1, 1)],
                actors=[VICTIM],
            )
        ],
        "sun": [
            _mention(
                "sun",
                1,
                [("South Michigan Avenue", "street"), ("Chicago", "city")],
                CHICAGO,
                _day("2024-03-08"),
                [_killed("sun", 1, 1), _killed("sun", 2, 2, what="wounded")],
            )
        ],
        # the next day's story says "early Saturday": one day off, same address
        "wttw": [
            _mention(
                "wttw",
                1,
                [addr],
                CHICAGO,
                _day("2024-03-09", "early Saturday"),
                [_killed("wttw", 1, 1)],
                actors=[VICTIM],
            )
        ],
    }
    (inc,) = _run(ms, arts)
    assert inc.articles == ["sun", "trib", "wttw"] and inc.independent_origins == 3
    assert inc.date.start == "2024-03-08" and inc.fatalities.low == 1 and inc.wounded.low == 2
    assert inc.political is False


def test_two_shootings_in_one_city_on_one_day_at_different_addresses_are_two():
    arts = {"a": _article("a", "Outlet A", "2024-03-09"), "b": _article("b", "Outlet B", "2024-03-09")}
    ms = {
        "a": [
            _mention(
                "a",
                1,
                [("1400 block of South Michigan Avenue", "address")],
                CHICAGO,
                _day("2024-03-08"),
                [_killed("a", 1, 1)],
            )
        ],
        "b": [
            _mention(
                "b",
                1,
                [("3200 block of West Madison Street", "address")],
                CHICAGO,
                _day("2024-03-08"),
                [_killed("b", 1, 2)],
            )
        ],
    }
    incs = _run(ms, arts)
    assert len(incs) == 2 and len({i.incident_id for i in incs}) == 2
    assert sorted(i.fatalities.low for i in incs) == [1, 2]


def test_a_follow_up_months_later_joins_without_moving_the_date():
    arts = {"a": _article("a", "Outlet A", "2024-03-09"), "b": _article("b", "Outlet B", "2024-07-16")}
    ms = {
        "a": [
            _mention(
                "a",
                1,
                [("Chicago", "city")],
                CHICAGO,
                _day("2024-03-08"),
                [_killed("a", 1, 1)],
                actors=[VICTIM],
            )
        ],
        "b": [
            _mention(
                "b",
                1,
                [("Chicago", "city")],
                CHICAGO,
                _day("2024-07-15", "on Monday"),
                [_killed("b", 1, 1, what="arrested", group="suspects")],
                actors=[VICTIM],
                etype="strategic_developments",
                sub="arrests",
                label="man charged in March killing",
            )
        ],
    }
    (inc,) = _run(ms, arts)
    assert inc.articles == ["a", "b"] and inc.date.start == "2024-03-08"
    assert inc.event_type == "violence_against_civilians"
    assert [o.what for o in inc.other_figures] == ["arrested"]


def test_an_arrest_with_nothing_linking_it_to_one_of_two_shootings_stays_apart():
    arts = {k: _article(k, k, p) for k, p in (("a", "2024-03-09"), ("b", "2024-03-10"), ("c", "2024-07-16"))}
    ms = {
        "a": [_mention("a", 1, [("Chicago", "city")], CHICAGO, _day("2024-03-08"))],
        "b": [_mention("b", 1, [("Chicago", "city")], CHICAGO, _day("2024-03-09"))],
        "c": [
            _mention(
                "c",
                1,
                [("Chicago", "city")],
                CHICAGO,
                _day("2024-07-15"),
                etype="strategic_developments",
                sub="arrests",
            )
        ],
    }
    assert len(_run(ms, arts)) == 3


def test_spelling_variants_merge_without_a_gazetteer_or_reuse_edge():
    assert skeleton("Boulkessi") == skeleton("Boulikessi")
    arts = {"a": _article("a", "A", "2025-06-02"), "b": _article("b", "B", "2025-06-03")}
    ms = {
        "a": [_mention("a", 1, [("Boulkessi", "town")], None, _day("2025-06-01"), etype="battles")],
        "b": [_mention("b", 1, [("Boulikessi", "town")], None, _day("2025-06-01"), etype="battles")],
    }
    (inc,) = _run(ms, arts)
    assert inc.location.name in ("Boulkessi", "Boulikessi") and inc.location.precision == "unknown"


def test_clear_disagreement_keeps_incidents_apart():
    arts = {k: _article(k, k, "2025-05-27") for k in "abcdef"}
    tripoli_ly = dict(name="Tripoli", country_code="LY", precision="exact", geonameid=2210247)
    tripoli_lb = dict(name="Tripoli", country_code="LB", precision="exact", geonameid=266826)
    isis = dict(name="Islamic State Sahel", kind="islamist_group", role="perpetrator")
    jnim = dict(name="JNIM", kind="islamist_group", role="perpetrator")
    niger = dict(name="Tahoua", country_code="NE", precision="admin1")
    ms = {
        "a": [_mention("a", 1, [("Tripoli", None)], tripoli_ly, _day("2025-05-24"))],
        "b": [_mention("b", 1, [("Tripoli", None)], tripoli_lb, _day("2025-05-24"))],
        "c": [_mention("c", 1, [("Tahoua", None)], niger, _day("2025-05-24"), actors=[isis])],
        "d": [_mention("d", 1, [("Tahoua", None)], niger, _day("2025-05-24"), actors=[jnim])],
        "e": [_mention("e", 1, [("Tahoua", None)], niger, _day("2025-05-26"), actors=[jnim])],
        "f": [
            _mention(
                "f",
                1,
                [("Tahoua", None)],
                niger,
                _day("2025-05-24"),
                etype="protests",
                sub="peaceful_protest",
            )
        ],
    }
    assert len(_run(ms, arts)) == 6


def test_a_month_precise_report_joins_the_day_precise_one_inside_that_month():
    arts = {"a": _article("a", "A", "2025-06-02"), "b": _article("b", "B", "2025-07-02")}
    djibo = dict(name="Djibo", country_code="BF", precision="exact", geonameid=2361177)
    ms = {
        "a": [_mention("a", 1, [("Djibo", None)], djibo, _day("2025-05-15"), etype="battles")],
        "b": [
            _mention(
                "b",
                1,
                [("Djibo", None)],
                djibo,
                DateInfo(start="2025-05-01", end="2025-05-31", precision="month", text=["in May"]),
                etype="battles",
            )
        ],
    }
    (inc,) = _run(ms, arts)
    assert (inc.date.start, inc.date.precision) == ("2025-05-15", "day")


def test_history_in_passing_makes_no_incident_but_a_country_only_mention_can_join():
    arts = {"a": _article("a", "A", "2025-06-02"), "b": _article("b", "B", "2025-06-03")}
    tim = dict(name="Timbuktu", country_code="ML", precision="exact", geonameid=2449067)
    mali = dict(name="Mali", country_code="ML", precision="country", geonameid=2453866)
    ms = {
        "a": [
            _mention("a", 1, [("Timbuktu", None)], tim, _day("2025-06-02"), etype="battles"),
            _mention(
                "a",
                2,
                [("Timbuktu", None)],
                tim,
                DateInfo(start="2012-01-01", end="2012-12-31", precision="year", text=["in 2012"]),
                etype="battles",
                in_passing=True,
            ),
        ],
        "b": [_mention("b", 1, [("Mali", None)], mali, _day("2025-06-02"), etype="battles")],
    }
    (inc,) = _run(ms, arts)
    assert inc.mentions == ["a#m1", "b#m1"]


def test_a_country_only_mention_with_two_candidates_stays_apart():
    arts = {k: _article(k, k, "2025-06-03") for k in "abc"}
    mali = dict(name="Mali", country_code="ML", precision="country", geonameid=2453866)
    ms = {
        "a": [_mention("a", 1, [("Timbuktu", None)], None, _day("2025-06-02"), etype="battles")],
        "b": [_mention("b", 1, [("Gao", None)], None, _day("2025-06-02"), etype="battles")],
        "c": [_mention("c", 1, [("Mali", None)], mali, _day("2025-06-02"), etype="battles")],
    }
    for m in ("a", "b"):  # both towns resolved in Mali
        ms[m][0].location = Location(name=ms[m][0].places[0].text, country_code="ML", precision="exact")
    assert len(_run(ms, arts)) == 3


TOWNS = ["Gao", "Mopti", "Boulkessi", "Boulikessi", "Djibo", "Tahoua"]


@st.composite
def _piles(draw):
    n = draw(st.integers(0, 12))
    arts, ms = {}, {}
    for k in range(n):
        aid = f"a{k}"
        pub = draw(st.sampled_from([None, "2025-06-02", "2025-06-10"]))
        arts[aid] = _article(aid, draw(st.sampled_from([None, "Reuters", "AP"])), pub)
        mentions = []
        for j in range(draw(st.integers(0, 3))):
            town = draw(st.sampled_from(TOWNS + [None]))
            d = draw(st.sampled_from([None, "2025-06-01", "2025-06-02"]))
            low = draw(st.sampled_from([None, 0, 3, 40]))
            claims = (
                []
                if low is None
                else [
                    Claim(
                        claim_id=f"{aid}#c{j}",
                        article_id=aid,
                        what="killed",
                        low=low,
                        high=draw(st.sampled_from([low, None])),
                        text=str(low),
                        qualifier=draw(st.sampled_from(["exactly", "at_least", "vague"])),
                        claimant_kind=draw(st.sampled_from(["official", "perpetrator", "unknown"])),
                        credited_outlet=draw(st.sampled_from([None, "Reuters"])),
                    )
                ]
            )
            mentions.append(
                _mention(
                    aid,
                    j + 1,
                    [(town, None)] if town else [],
                    None,
                    _day(d) if d else DateInfo(),
                    claims,
                    etype="battles",
                )
            )
        ms[aid] = mentions
    return ms, arts


@settings(max_examples=25, deadline=None)
@given(_piles())
def test_any_pile_merges_into_a_partition_with_ordered_figures(pile):
    ms, arts = pile
    incs = _run(ms, arts)
    seen = [m for i in incs for m in i.mentions]
    assert sorted(seen) == sorted(m.mention_id for v in ms.values() for m in v)
    assert len({i.incident_id for i in incs}) == len(incs)
    for i in incs:
        f = i.fatalities
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
        if f.best is not None:
            assert f.low <= f.best <= f.high
        assert i.independent_origins >= 1 and set(i.articles) <= set(arts)
