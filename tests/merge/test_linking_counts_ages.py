"""Linking evidence of issue 13 beyond names and streets: an age said of a victim ("a 6-year-old",
"boy, 6,"), a person named as the one killed, and the refusal of two reports whose same kind of
source gives different counts with no word that the toll changed. Articles written for these tests
(towns, streets and people invented); the refusal is checked through the `sitrep` command."""

from __future__ import annotations

import json

import pytest

from sitrep.extract.identifiers import read_identifiers
from sitrep.merge.cluster import Cluster
from sitrep.merge.link import compare
from support.cli import sitrep


@pytest.mark.parametrize(
    "text, ages",
    [
        ("A six-year-old girl was wounded when a gun went off in a bedroom.", {6}),
        ("The boy, 7, was taken to a children's hospital in stable condition.", {7}),
        ("A 15-year-old was shot in the hand; police later arrested a 19-year-old.", {15, 19}),
        ("Deputies said the toddler, 2, found the pistol in a nightstand.", {2}),
        ("The shooting happened at 7 p.m. on Route 9, about 12 miles from town.", set()),
        ("Turnout rose 7 percent in the county, officials said.", set()),
    ],
)
def test_ages_said_of_anyone_are_read(text, ages):
    assert read_identifiers(text).years == ages


@pytest.mark.parametrize(
    "text, slain",
    [
        ("A man who killed Rosa Velez in her driveway was sentenced Friday.", {"rosa velez"}),
        ("Mourners remembered the shooting death of Caleb Ostrander at a vigil.", {"caleb ostrander"}),
        ("Police identified the driver as Nolan Pruitt, 33.", set()),
    ],
)
def test_a_person_named_as_the_one_killed_is_a_victim(text, slain):
    assert read_identifiers(text).slain == slain


@pytest.mark.parametrize(
    "a, b, reason",
    [
        # the same unnamed child in two outlets' words
        (
            "A 6-year-old boy shot himself with a handgun he found under a couch, deputies said.",
            "Deputies say the boy, 6, found a loaded gun in the living room and it went off.",
            "same age: 6",
        ),
        # a name without an age, said as the one killed, and a later report with the age
        (
            "Detectives are still looking for whoever killed Tamsin Greaves outside a laundromat.",
            "Tamsin Greaves, 28, was shot outside a laundromat on Friday, police said.",
            "same victim: tamsin greaves",
        ),
        # two different children: no shared age, nothing said
        (
            "A 4-year-old girl was wounded by a stray bullet while playing in a yard.",
            "A 9-year-old boy was grazed by a bullet fired into a car.",
            None,
        ),
        # a round-up giving many ages tells nothing by sharing one of them
        (
            "Across the city, a 16-year-old, a 22-year-old, a 31-year-old and a 45-year-old were shot.",
            "A 22-year-old man was shot in the leg on Saturday.",
            None,
        ),
    ],
)
def test_shared_age_or_victim_is_evidence_with_its_reason(a, b, reason):
    ev = compare(Cluster(idx=0, ids=read_identifiers(a)), Cluster(idx=1, ids=read_identifiers(b)))
    said = [r for r in ev.reasons if r.startswith(("same age", "same victim"))]
    assert said == ([reason] if reason else [])


ONE_DEAD = {
    "id": "one-dead",
    "outlet": "Prairie Ledger",
    "published": "2024-10-06",
    "title": "Man killed in Hutchinson shooting",
    "text": (
        "HUTCHINSON, Kansas - One man was killed in a shooting Saturday night in Hutchinson, police "
        "said.\n\nOfficers called to a duplex shortly after 10 p.m. found him with a gunshot wound "
        "to the chest. Investigators believe an argument between neighbors over a fence led to it."
    ),
}
TWO_DEAD = {
    "id": "two-dead",
    "outlet": "Sunflower Evening News",
    "published": "2024-10-06",
    "title": "Pair slain near grain elevator",
    "text": (
        "HUTCHINSON, Kansas - Two men were killed late Saturday in Hutchinson, police said.\n\n"
        "A passer-by spotted the victims slumped inside a pickup truck parked beside a grain "
        "elevator on the east edge of town. Detectives have not named a suspect."
    ),
}
RISEN = {
    "id": "risen",
    "outlet": "Flint Hills Courier",
    "published": "2024-09-15",
    "title": "Toll in Emporia bonfire shooting climbs",
    "text": (
        "EMPORIA, Kansas - The toll from a shooting at a backyard bonfire Saturday night in Emporia "
        "has risen to two dead, police said Sunday evening.\n\nA 34-year-old who had been flown to "
        "Wichita in critical condition died later, a police spokeswoman said."
    ),
}
FIRST = {
    "id": "first",
    "outlet": "Emporia Morning Star",
    "published": "2024-09-15",
    "title": "Gunfire at bonfire leaves one dead",
    "text": (
        "EMPORIA, Kansas - One person was killed and another was critically injured when someone "
        "opened fire at a backyard bonfire Saturday night in Emporia, police said.\n\nGuests told "
        "officers an uninvited man had been asked to leave minutes before the shots."
    ),
}


@pytest.mark.slow
def test_different_counts_from_the_same_source_are_kept_apart_with_the_reason(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in (ONE_DEAD, TWO_DEAD, RISEN, FIRST)), "utf-8")
    out = tmp_path / "out"
    done = sitrep("run", src, "--out", out, "--db", tmp_path / "s.duckdb", timeout=600)
    assert done.returncode == 0, done.stderr
    incidents = json.loads((out / "incidents.json").read_text())["incidents"]
    with_one = next(i for i in incidents if "one-dead" in i["articles"])
    # police said one dead, police said two dead, nothing says the toll changed: two incidents
    assert "two-dead" not in with_one["articles"]
    [kept] = [k for k in with_one["kept_apart"] if k["article_id"] == "two-dead"]
    assert "different counts from the same kind of source (official)" in kept["reason"]
    assert "(Sunflower Evening News)" in kept["article"]
    # "has risen to two": the later count updates the first, one incident of two dead
    risen = next(i for i in incidents if "risen" in i["articles"])
    assert "first" in risen["articles"]
    assert risen["fatalities"]["best"] == 2
    # every merge says why, and the page shows what was kept apart
    links = [link for i in incidents for link in i["linked_by"]]
    assert links and all(link["evidence"] for link in links)
    page = (out / "report.html").read_text()
    assert "Kept apart" in page and "neither report says the toll changed" in page
