"""Late and odd reports of one shooting (issue 13), one kind per test, articles written for them:
a report published weeks later that dates the shooting by its day; a report whose lead the typer
read as another kind of event; a headline-only page about a charge weeks later; sign-in pages
that share their text under different headlines. Names, streets and towns are invented."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sitrep.clean import clean_document
from sitrep.extract.identifiers import read_identifiers, words
from sitrep.merge.cluster import Cluster
from sitrep.merge.link import link_clusters
from sitrep.merge.titles import join_titles, title_view
from sitrep.merge.views import MentionView
from sitrep.pipeline import run
from sitrep.records import Document, IncidentMention

DAY = date(2021, 4, 10).toordinal()


def _cluster(idx, text, *, day, published, names=(), family="violence", counts=None):
    """One report as the merge stage sees it: its identifiers read from ``text``."""
    mention = IncidentMention(mention_id=f"a{idx}#m1", article_id=f"a{idx}")
    v = MentionView(
        mention=mention,
        article_id=f"a{idx}",
        origin=f"a{idx}",
        derived_from=None,
        published=published,
        names=set(names),
        country="US",
        coarse_place=False,
        day_range=(day, day) if day else None,
        precision="day" if day else "unknown",
        family=family,
        counts=counts,
    )
    v.ids = read_identifiers(text)
    v.ids.words = words(text)
    c = Cluster(idx=idx)
    c.add(v)
    return c


def _filler(n):
    return [
        _cluster(
            i, f"The council of town{i} met on budget item {i}.", day=DAY - 40, published=date(2021, 3, 1)
        )
        for i in range(10, 10 + n)
    ]


FIRST = (
    "Two men were wounded Saturday night in the 1400 block of Harmon Street, police said. Both "
    "were taken to a hospital with injuries that were not life-threatening."
)
# three weeks later, still dating the shooting by its day
WEEKS_LATER = (
    "Detectives are still looking for the gunman who wounded two men on April 10 in the 1400 "
    "block of Harmon Street, and have released a video of a car seen leaving."
)
# three weeks later, a shooting of its own on that street
ANOTHER_DAY = (
    "A woman was wounded Friday in the 1400 block of Harmon Street, the second shooting on the "
    "street this spring."
)


@pytest.mark.parametrize(
    "text, day, joined",
    [
        (WEEKS_LATER, DAY, True),  # the same block and the same day: one shooting told again
        (ANOTHER_DAY, DAY + 20, False),  # the same block weeks apart: two shootings
    ],
)
def test_a_report_published_weeks_later_joins_by_the_day_it_names(text, day, joined):
    a = _cluster(0, FIRST, day=DAY, published=date(2021, 4, 11), names={"eastfield"}, counts=(0, 2))
    b = _cluster(1, text, day=day, published=date(2021, 5, 1), names={"eastfield"})
    out = link_clusters([a, b, *_filler(6)])
    together = any({"a0", "a1"} <= c.articles for c in out)
    assert together is joined
    if joined:
        reasons = next(c for c in out if "a1" in c.articles).reasons["a1#m1"]
        assert any(r.startswith("same block") for r in reasons)


SHOOTING = (
    "A 19-year-old man was shot Sunday night on Corliss Lane near the Ashgrove community center, "
    "police said. Officers found him wounded near the basketball courts beside the center."
)
# the same shooting; a typer read its lead as a protest (neighbours gathered, a vigil)
RETOLD = (
    "Neighbours gathered Monday on Corliss Lane after a 19-year-old man was shot Sunday night near "
    "the basketball courts beside the Ashgrove community center."
)
# another event in that town that day, with no street or victim in common
MARCH = (
    "Residents marched Monday through Ashgrove to demand speed bumps near the community center, "
    "carrying signs about traffic and calling on the council to act before school starts."
)


@pytest.mark.parametrize("text, joined", [(RETOLD, True), (MARCH, False)])
def test_a_report_typed_as_another_event_joins_by_a_street_told_alike(text, joined):
    a = _cluster(0, SHOOTING, day=DAY, published=date(2021, 4, 11), names={"ashgrove"})
    b = _cluster(
        1, text, day=DAY + 1, published=date(2021, 4, 12), names={"ashgrove"}, family="demonstration"
    )
    out = link_clusters([a, b, *_filler(6)])
    assert any({"a0", "a1"} <= c.articles for c in out) is joined


def _headline(aid, title, published):
    doc = Document(input=f"{aid}.html", text="Sign in to keep reading.", format="html", title=title)
    return clean_document(doc.model_copy(update={"published": published}), article_id=aid)


@pytest.mark.parametrize(
    "title, published, n_incidents_there, joined",
    [
        # a charge two weeks later names the only shooting in that town those weeks
        ("Teen charged in Millbrook shooting death", "2021-04-24", 1, True),
        ("Police arrest man in Millbrook killing", "2021-04-30", 1, True),
        # two shootings there in those weeks: the headline names neither
        ("Teen charged in Millbrook shooting death", "2021-04-24", 2, False),
        # no charge or arrest: two weeks later is another shooting
        ("Teen shot in Millbrook", "2021-04-24", 1, False),
        # two months later, even a charge is not told by the town alone
        ("Teen charged in Millbrook shooting death", "2021-06-20", 1, False),
    ],
)
def test_a_headline_only_charge_joins_the_only_shooting_in_its_town(
    title, published, n_incidents_there, joined
):
    clusters = [
        _cluster(
            i,
            "A 17-year-old was shot and killed.",
            day=DAY + i,
            published=date(2021, 4, 11),
            names={"millbrook"},
        )
        for i in range(n_incidents_there)
    ]
    view = title_view(_headline("h", title, published))
    assert view is not None
    join_titles(clusters, [view])
    assert any("h" in c.articles for c in clusters) is joined


@pytest.mark.parametrize(
    "title, read",
    [
        ("Teen arrested in Millbrook shooting of boy, 7", True),  # an arrest over a shooting
        ("Protesters march in Millbrook after police shooting", False),  # a protest stays one
    ],
)
def test_an_arrest_headline_over_a_shooting_is_read_as_news_of_it(title, read):
    view = title_view(_headline("h", title, "2021-04-11"))
    assert (view is not None and view.family == "violence") is read


SIGN_IN = (
    "Just one more step. We have sent you a verification email. Please check your email and click "
    "on the link to activate your profile. If you do not receive the email, contact customer care."
)


@pytest.mark.slow
def test_pages_sharing_a_sign_in_text_under_different_headlines_are_different_articles(tmp_path):
    docs = [
        dict(id="p1", title="Two hurt in Millbrook shooting", published="2021-04-11", text=SIGN_IN),
        dict(id="p2", title="Man charged after Dale County crash", published="2021-04-12", text=SIGN_IN),
        dict(id="p3", title="Two hurt in Millbrook shooting", published="2021-04-11", text=SIGN_IN),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    run([src], out, db=tmp_path / "s.duckdb", report=False, formats=("json",))
    arts = json.loads((out / "articles.json").read_text())["articles"]
    # the same headline and text is a copy; another headline over that text is another page
    assert sorted(a["title"] for a in arts) == [
        "Man charged after Dale County crash",
        "Two hurt in Millbrook shooting",
    ]
    assert sum(len(a["duplicate_inputs"]) for a in arts) == 1
    # a second run stores nothing again and reads both pages as before
    run([src], out, db=tmp_path / "s.duckdb", report=False, formats=("json",))
    again = json.loads((out / "articles.json").read_text())["articles"]
    assert sorted(a["article_id"] for a in again) == sorted(a["article_id"] for a in arts)


OTHER_SHOOTINGS = [
    "A man was taken to a hospital in serious condition after a shooting Thursday night, police said.",
    "A woman was shot Sunday near a bus stop on Grant Avenue, police said.",
    "Police said a teen was shot twice at the corner of Oak Street and Main Avenue.",
    "A bus driver was shot Sunday on Pine Street and is in serious condition.",
    "Police are seeking witnesses to a shooting on Sunday that wounded a man.",
    "A man who remains in serious condition was shot Thursday night, police said.",
]
CORNER = (
    "A man was shot twice Thursday night at the corner of Harlan Street and Belmont Avenue, police "
    "said. He was taken to a hospital in serious condition."
)


@pytest.mark.parametrize(
    "text, joined",
    [
        # the same corner, told days later with the day misread: one shooting
        (
            "Police are seeking witnesses to the shooting of a man at Harlan Street and Belmont "
            "Avenue, who remains in serious condition.",
            True,
        ),
        # one of the two streets only, days apart: another shooting on a long street
        ("A woman was shot Sunday on Harlan Street near a bus stop, police said.", False),
    ],
)
def test_the_same_corner_counts_as_the_same_block(text, joined):
    # placed apart by the gazetteer (a town, a neighbourhood): only the streets tell
    a = _cluster(0, CORNER, day=DAY, published=date(2021, 4, 11), names={"eastfield"}, counts=(0, 1))
    b = _cluster(1, text, day=DAY + 3, published=date(2021, 4, 14), names={"northgate"}, counts=(0, 1))
    # other shootings told in the same words, so that only what is rare weighs
    others = [
        _cluster(10 + i, t, day=DAY - 30 - i, published=date(2021, 3, 1), names={f"town{i}"})
        for i, t in enumerate(OTHER_SHOOTINGS)
    ]
    out = link_clusters([a, b, *others])
    assert any({"a0", "a1"} <= c.articles for c in out) is joined
