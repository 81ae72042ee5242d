"""Linking kinds of issue 13 through the real product: `sitrep.pipeline.run` over JSONL articles
written for these tests (real spaCy, real DuckDB, the real gazetteer), incidents read back from
incidents.json as a user reads them. One case per kind; names, streets and outlets are invented."""

from __future__ import annotations

import json

import pytest

from sitrep.extract.identifiers import read_identifiers, words
from sitrep.merge.link import link_clusters
from sitrep.pipeline import run

WIRE = dict(
    id="wire",
    outlet="Associated Press",
    published="2023-03-12",
    title="Two killed in Akron bar shooting",
    text=(
        "AKRON, Ohio (AP) — Two men were killed and three other people were wounded early Saturday "
        "when a gunman opened fire inside a crowded bar on Tallmadge Avenue in Akron, police said.\n\n"
        "Police identified the dead as Marcus Dillard, 31, and Terrence Vole, 27. The three wounded "
        "were taken to Summa Akron City Hospital in stable condition.\n\n"
        "Witnesses told officers an argument inside the bar spilled onto the dance floor shortly "
        "before 1:30 a.m. in the 900 block of Tallmadge Avenue. No arrest had been made."
    ),
)
LOCAL = dict(
    id="local",
    outlet="Summit Ledger",
    published="2023-03-12",
    title="Families mourn after deadly shooting at Tallmadge Avenue bar",
    text=(
        "Relatives gathered Sunday outside the bar in the 900 block of Tallmadge Avenue where Marcus "
        "Dillard, 31, was shot dead early Saturday along with a friend.\n\n"
        "Dillard had worked at a tire plant for a decade, his sister said. Three other patrons were "
        "hurt in the gunfire. Akron police are asking anyone with video from the bar to call them."
    ),
)
FOLLOW_UP = dict(
    id="followup",
    outlet="Summit Ledger",
    published="2023-03-19",
    title="Man charged in Tallmadge Avenue bar killings",
    text=(
        "A 24-year-old Akron man was charged Friday with two counts of murder in last week's shooting "
        "at a Tallmadge Avenue bar that killed Marcus Dillard and Terrence Vole.\n\n"
        "Prosecutors said Dorian Kask, 24, fired into the crowd after being thrown out of the bar. "
        "He is held at the Summit County jail."
    ),
)

NIGHT_A = dict(
    id="night_a",
    outlet="Gazette",
    published="2022-07-10",
    title="Man shot on Linwood Street",
    text=(
        "A 45-year-old man was shot in the leg Saturday night in the 300 block of Linwood Street in "
        "Dayton, police said. Police identified the man as Harold Penske, 45. He was taken to Miami "
        "Valley Hospital with non-life-threatening injuries."
    ),
)
NIGHT_B = dict(
    id="night_b",
    outlet="Gazette",
    published="2022-07-10",
    title="Teen killed on Wolf Creek Pike",
    text=(
        "A 17-year-old boy was shot and killed Saturday night in the 4100 block of Wolf Creek Pike "
        "in Dayton, police said. The teen was identified as Jalen Orrick, 17. Officers found him in "
        "a parked car outside an apartment complex."
    ),
)

ROUNDUP = dict(
    id="roundup",
    outlet="Metro Daily",
    published="2021-05-31",
    title="Violent weekend: several shot across the city",
    text=(
        "At least five people were shot across Toledo over the holiday weekend, police said.\n\n"
        "On Saturday, a 22-year-old man was wounded in the 1500 block of Dorr Street. He was "
        "treated and released.\n\n"
        "Early Sunday, two women were shot outside a house party in the 700 block of Vance Street; "
        "one of them, Kayla Moss, 19, died at the hospital.\n\n"
        "Late Sunday, two men were wounded in a drive-by shooting in the 2600 block of Nebraska "
        "Avenue."
    ),
)
SINGLE = dict(
    id="single",
    outlet="Toledo Courier",
    published="2021-05-31",
    title="Woman, 19, dies after shooting at Vance Street party",
    text=(
        "A 19-year-old woman died and another woman was wounded early Sunday when someone fired "
        "into a house party in the 700 block of Vance Street in Toledo, police said.\n\n"
        "Police identified the woman who died as Kayla Moss, 19."
    ),
)
OTHER = dict(
    id="other",
    outlet="Toledo Courier",
    published="2021-05-30",
    title="Man wounded in Lagrange Street shooting",
    text=(
        "A 40-year-old man was shot in the arm Saturday afternoon in the 3000 block of Lagrange "
        "Street in Toledo, police said. He was identified as Victor Lane, 40."
    ),
)

OLD = dict(
    id="old",
    outlet="Base Weekly",
    title="Gunfire at Fort Ardent gate",
    text=(
        "FORT ARDENT, Texas, March 3, 2019 — A soldier was shot and wounded at the main gate of "
        "Fort Ardent on Friday, Army officials said. The shooter was killed by guards."
    ),
)
NEW = dict(
    id="new",
    outlet="Army Times Daily",
    published="2025-03-08",
    title="Soldier shot at Fort Ardent gate",
    text=(
        "A soldier was shot and wounded at the main gate of Fort Ardent, Texas, on Friday, Army "
        "officials said. The shooter was killed by guards."
    ),
)


def _run(tmp_path, docs):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    run([src], out, db=tmp_path / "s.duckdb", report=False, formats=("json",))
    return json.loads((out / "incidents.json").read_text())["incidents"]


def _incident_of(incidents, article_id):
    """The incident whose claims quote this article most (the score's reading)."""
    own = [i for i in incidents if article_id in i["articles"]]
    return max(
        own,
        key=lambda i: sum(
            c["article_id"] == article_id for k in ("fatalities", "wounded") for c in i[k]["claims"]
        ),
        default=None,
    )


def _id(tmp_path, docs, key):
    arts = json.loads((tmp_path / "out" / "articles.json").read_text())["articles"]
    title = next(d["title"] for d in docs if d["id"] == key)
    return next(a["article_id"] for a in arts if a.get("title") == title)


@pytest.mark.slow
def test_wire_story_local_rewrite_and_follow_up_are_one_incident(tmp_path):
    docs = [WIRE, LOCAL, FOLLOW_UP]
    incidents = _run(tmp_path, docs)
    wire, local, follow = (_id(tmp_path, docs, k) for k in ("wire", "local", "followup"))
    inc = _incident_of(incidents, wire)
    assert {wire, local, follow} <= set(inc["articles"])
    # the follow-up is dated by the shooting, not by the day of the charge
    assert inc["date"]["start"] == "2023-03-11"
    reasons = {r["article_id"]: r["evidence"] for r in inc["linked_by"]}
    assert any("Dillard" in e.title() for es in reasons.values() for e in es)
    assert all(reasons[a] for a in reasons)  # a reason on every merge
    assert all("(" in r["article"] for r in inc["linked_by"])  # named by title and outlet


@pytest.mark.slow
def test_two_shootings_in_one_city_on_one_night_stay_apart(tmp_path):
    docs = [NIGHT_A, NIGHT_B]
    incidents = _run(tmp_path, docs)
    a, b = _id(tmp_path, docs, "night_a"), _id(tmp_path, docs, "night_b")
    assert not any({a, b} <= set(i["articles"]) for i in incidents)


@pytest.mark.slow
def test_round_up_yields_its_incidents_without_swallowing_others(tmp_path):
    docs = [ROUNDUP, SINGLE, OTHER]
    incidents = _run(tmp_path, docs)
    roundup, single, other = (_id(tmp_path, docs, k) for k in ("roundup", "single", "other"))
    assert len([i for i in incidents if roundup in i["articles"]]) >= 2
    assert not any({single, other} <= set(i["articles"]) for i in incidents)
    # the Vance Street report joins the round-up's Vance Street incident only
    with_single = [i for i in incidents if single in i["articles"]]
    assert len(with_single) == 1
    assert not any(
        other in i["articles"] and roundup in i["articles"] and len(i["articles"]) > 2 for i in incidents
    )


@pytest.mark.slow
def test_undated_report_does_not_merge_with_a_dated_one_of_another_year(tmp_path):
    docs = [OLD, NEW]
    incidents = _run(tmp_path, docs)
    old, new = _id(tmp_path, docs, "old"), _id(tmp_path, docs, "new")
    assert not any({old, new} <= set(i["articles"]) for i in incidents)


@pytest.mark.parametrize(
    "text, people, blocks",
    [
        ("Police identified the victim as Jordan Miles, 24.", {"jordan miles"}, set()),
        (
            "The 19-year-old Ana Ruiz was hit in the 2200 block of East Pine Street Friday.",
            {"ana ruiz"},
            {"2200 pine"},
        ),
        (
            "Shooting Wounds Boy, 5, in the 400 block of Mill Road. A shooting wounds a boy.",
            set(),
            {"400 mill"},
        ),
        ("Caption Close Image 1 of 3. The man, 30, was shot.", set(), set()),
    ],
)
def test_identifiers_read_victims_and_blocks(text, people, blocks):
    ids = read_identifiers(text)
    assert ids.people == people
    assert ids.blocks == blocks


# A page whose text is furniture (a sign-in form, a video list) around a headline: only the title
# reports the shooting. It joins the incident its headline places, published within days; a
# headline about an incident nowhere else joins nothing and makes no incident of its own.
STORY = dict(
    id="story",
    outlet="Valley Tribune",
    published="2020-09-13",
    title="Three wounded in Fairborn parking lot shooting",
    text=(
        "Three people were wounded early Saturday when gunfire erupted in a parking lot on Broad "
        "Street in Fairborn, Ohio, police said. All three were taken to a hospital with injuries "
        "that were not life-threatening. No one has been arrested."
    ),
)
HEADLINE = dict(
    id="headline",
    outlet="Channel 9 News",
    published="2020-09-14",
    title="Police: 3 hurt in shooting outside Fairborn business",
    text=(
        "Sign in using your account.\n\nBy submitting your registration information, you agree to our "
        "Terms of Service and Privacy Policy.\n\nAlready have an account? We have sent a confirmation "
        "email. Please check your email and click on the link to activate your account."
    ),
)
ELSEWHERE = dict(
    id="elsewhere",
    outlet="Channel 9 News",
    published="2020-09-14",
    title="Man shot dead in Xenia driveway",
    text="Watch: weather forecast for the week ahead.\n\nHigh school football scores from Friday night.",
)
LATE = dict(
    id="late",
    outlet="Channel 9 News",
    published="2020-10-30",
    title="Teen shot in Fairborn, police say",
    text="You have read the maximum number of stories available without a subscription.",
)


@pytest.mark.slow
def test_headline_only_article_joins_the_incident_its_title_places(tmp_path):
    docs = [STORY, HEADLINE, ELSEWHERE, LATE]
    incidents = _run(tmp_path, docs)
    story, headline, elsewhere, late = (
        _id(tmp_path, docs, k) for k in ("story", "headline", "elsewhere", "late")
    )
    inc = _incident_of(incidents, story)
    assert headline in inc["articles"]
    assert any("headline" in e for r in inc["linked_by"] for e in r["evidence"])
    # nothing else names Xenia; a Fairborn headline six weeks later is another shooting
    assert not any(elsewhere in i["articles"] or late in i["articles"] for i in incidents)
    assert inc["date"]["start"] == "2020-09-12"


# A later report tells the same shooting again in like words, dated by the victim's death days
# later, naming no victim or block: it joins (the incident keeps the shooting's day); another
# shooting in the same town that week, told in other words, stays apart.
FIRST = dict(
    id="first",
    outlet="Lorain Star",
    published="2019-04-07",
    title="Teen critically hurt in shooting outside Elyria convenience store",
    text=(
        "A 16-year-old boy was shot in the chest Saturday night outside a convenience store on Maple "
        "Avenue in Elyria, police said. The teen was taken to a hospital in critical condition. "
        "Police have not released his name and no arrests have been made."
    ),
)
DIED = dict(
    id="died",
    outlet="Elyria Radio",
    published="2019-04-10",
    title="Teen shot outside Elyria convenience store dies",
    text=(
        "A 16-year-old boy who was shot in the chest outside a convenience store on Maple Avenue in "
        "Elyria died Tuesday at the hospital, police said. Police have not released his name and no "
        "arrests have been made."
    ),
)
DRIVE_BY = dict(
    id="driveby",
    outlet="Lorain Star",
    published="2019-04-11",
    title="Two wounded in Elyria drive-by",
    text=(
        "Two men were wounded Wednesday afternoon when someone fired from a passing pickup truck on "
        "Lake Avenue in Elyria, police said. Both men are expected to recover."
    ),
)


@pytest.mark.slow
def test_report_told_again_days_later_in_like_words_joins(tmp_path):
    docs = [FIRST, DIED, DRIVE_BY]
    incidents = _run(tmp_path, docs)
    first, died, drive_by = (_id(tmp_path, docs, k) for k in ("first", "died", "driveby"))
    inc = _incident_of(incidents, first)
    assert died in inc["articles"]
    assert drive_by not in inc["articles"]
    assert inc["date"]["start"] == "2019-04-06"


def _cluster(idx, names, text, day, counts):
    from sitrep.merge.cluster import Cluster

    c = Cluster(idx=idx, names=set(names), day_range=(day, day), counts=counts, country="US")
    c.ids.words = words(text)
    return c


# One report places the shooting at its street or neighbourhood, the other at the town that the
# first also names in its words: the same place. Without the town in its words it stays apart.
@pytest.mark.parametrize(
    "first_names, first_text, joined",
    [
        (
            {"sycamore"},
            "Three men were shot, one fatally, Friday night outside a corner store on Sycamore "
            "Street in Ashford, police said.",
            True,
        ),
        (
            {"sycamore"},
            "Three men were shot, one fatally, Friday night outside a corner store on Sycamore "
            "Street, police said.",
            False,
        ),
    ],
)
def test_town_named_in_the_words_of_a_report_placed_at_a_street(first_names, first_text, joined):
    day = 737000
    a = _cluster(0, first_names, first_text, day, None)
    b = _cluster(
        1,
        {"ashford"},
        "One man died and two were wounded in gunfire in Ashford on Friday night, police said.",
        day,
        None,
    )
    filler = [
        _cluster(i, {f"town{i}"}, f"A quiet council meeting number {i} in town{i}.", day, None)
        for i in range(2, 8)
    ]
    out = link_clusters([a, b, *filler])
    assert (len(out) == len(filler) + 1) is joined
