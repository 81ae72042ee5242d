"""Linking and dating reports of shootings through `sitrep run` (issue 13), one kind per test:
a follow-up's weekday (the day of a charge) never becomes the incident's date; a follow-up whose
first report gives no day leaves the incident undated rather than dated by the charge; two
shootings in one city on one night stay two incidents, and the refusal says why; two reports
whose police give different counts the same day stay apart with that reason, in incidents.json
and in the report. Articles written for these tests; people and streets are invented."""

from __future__ import annotations

import json
import re

import pytest

from support.cli import sitrep

pytestmark = pytest.mark.slow

# a shooting on Sunday night, reported Monday; a charge the next week dates itself by its weekday
SHOT = {
    "id": "joplin-shot",
    "outlet": "Ozark Valley Ledger",
    "published": "2023-03-06",
    "title": "Man killed outside Joplin laundromat",
    "text": (
        "JOPLIN, Mo. - A 34-year-old man was shot and killed Sunday night in the parking lot of a "
        "laundromat on Range Line Road, Joplin police said.\n\nOfficers called shortly before 10 "
        "p.m. found Marcus Leland, 34, with a gunshot wound to the chest. He died at the scene. "
        "Detectives have not named a suspect."
    ),
}
CHARGED = {
    "id": "joplin-charged",
    "outlet": "Four States Herald",
    "published": "2023-03-15",
    "title": "Joplin man charged in laundromat killing",
    "text": (
        "JOPLIN, Mo. - A Joplin man was charged Tuesday with second-degree murder in the death of "
        "Marcus Leland, 34, who was shot in a laundromat parking lot on Range Line Road, "
        "prosecutors said.\n\nTravis Hurd, 22, was arrested Monday at a relative's home and is "
        "held without bond, jail records show."
    ),
}
# the first report of this one gives no day; the follow-up's "Wednesday" is the day of an arrest
UNDATED = {
    "id": "casper-first",
    "outlet": "High Plains Dispatch",
    "published": "2023-05-02",
    "title": "Woman wounded in Casper shooting",
    "text": (
        "CASPER, Wyo. - A woman was wounded when shots were fired into a duplex on Wolcott Street "
        "in Casper, police said.\n\nLena Marsh, 41, was taken to a hospital with injuries that are "
        "not life-threatening. Police asked anyone with video of the street to call them."
    ),
}
ARRESTED = {
    "id": "casper-arrest",
    "outlet": "Platte County Courier",
    "published": "2023-05-11",
    "title": "Arrest in Wolcott Street shooting",
    "text": (
        "CASPER, Wyo. - Police arrested a 27-year-old man Wednesday in the shooting that wounded "
        "Lena Marsh, 41, at a duplex on Wolcott Street, a police spokesman said.\n\nHe faces a "
        "charge of aggravated assault."
    ),
}
# two shootings in one city on one Saturday night, blocks apart
NORTH = {
    "id": "muncie-north",
    "outlet": "Delaware County Star",
    "published": "2023-07-16",
    "title": "Teen wounded in north Muncie shooting",
    "text": (
        "MUNCIE, Ind. - A 17-year-old girl was wounded late Saturday when someone fired into a "
        "car in the 300 block of East Jackson Street in Muncie, police said.\n\nShe was taken to a "
        "hospital in stable condition. No arrests have been made."
    ),
}
SOUTH = {
    "id": "muncie-south",
    "outlet": "Muncie Evening Bulletin",
    "published": "2023-07-16",
    "title": "Man shot dead at south side home",
    "text": (
        "MUNCIE, Ind. - A 52-year-old man was shot and killed Saturday night inside his home in "
        "the 1800 block of South Hackley Street in Muncie, police said.\n\nNeighbors told officers "
        "they heard an argument before several shots. Police have not released his name."
    ),
}
# one police count each, published the same day, nothing saying the toll changed
ONE = {
    "id": "bismarck-one",
    "outlet": "Missouri Slope Times",
    "published": "2023-09-10",
    "title": "One killed in Bismarck shooting",
    "text": (
        "BISMARCK, N.D. - One person was killed in a shooting Saturday night in Bismarck, police "
        "said.\n\nOfficers found the victim in a parked car near a bowling alley. Investigators "
        "said an argument in the parking lot led to the gunfire."
    ),
}
THREE = {
    "id": "bismarck-three",
    "outlet": "Capital Prairie News",
    "published": "2023-09-10",
    "title": "Three dead after Bismarck gunfire",
    "text": (
        "BISMARCK, N.D. - Three people were killed late Saturday in Bismarck, police said.\n\n"
        "A resident called 911 after hearing shots inside a house near the river. Officers found "
        "the three victims in a back bedroom. Police have not said who fired."
    ),
}
ARTICLES = (SHOT, CHARGED, UNDATED, ARRESTED, NORTH, SOUTH, ONE, THREE)


@pytest.fixture(scope="module")
def run_out(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("link_dates")
    src = tmp / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in ARTICLES), "utf-8")
    out = tmp / "out"
    done = sitrep("run", src, "--out", out, "--db", tmp / "s.duckdb", timeout=900)
    assert done.returncode == 0, done.stderr
    return out


def _incidents(out) -> list[dict]:
    return json.loads((out / "incidents.json").read_text())["incidents"]


def _citing(out, article_id: str) -> dict:
    return next(i for i in _incidents(out) if article_id in i["articles"])


def test_a_follow_ups_weekday_resolves_to_the_incidents_date(run_out):
    inc = _citing(run_out, "joplin-shot")
    assert "joplin-charged" in inc["articles"]
    # Sunday night before the Monday report; not the Tuesday of the charge
    assert inc["date"]["start"] == "2023-03-05"
    [link] = [x for x in inc["linked_by"] if x["article_id"] in ("joplin-charged", "joplin-shot")]
    assert any(e.startswith(("same victim", "same person")) for e in link["evidence"]), link


def test_a_follow_up_never_dates_an_incident_its_first_report_left_undated(run_out):
    inc = _citing(run_out, "casper-first")
    assert "casper-arrest" in inc["articles"]
    # the arrest came a week after the first report: its Wednesday is not the shooting's day
    # ... and the first report gave none: the incident stays undated rather than take the charge's day
    assert inc["date"]["start"] is None and inc["date"]["precision"] == "unknown", inc["date"]


def test_two_shootings_in_one_city_on_one_night_stay_apart_with_the_reason(run_out):
    north, south = _citing(run_out, "muncie-north"), _citing(run_out, "muncie-south")
    assert north["incident_id"] != south["incident_id"]
    assert north["date"]["start"] == south["date"]["start"] == "2023-07-15"
    kept = {k["article_id"]: k["reason"] for k in north["kept_apart"] + south["kept_apart"]}
    assert kept, "the refusal of a report whose place and date fit is recorded"
    reason = next(iter(kept.values()))
    assert reason.startswith("different blocks named")
    assert "jackson" in reason and "hackley" in reason


def test_a_refusal_on_conflicting_counts_carries_its_reason(run_out):
    one, three = _citing(run_out, "bismarck-one"), _citing(run_out, "bismarck-three")
    assert one["incident_id"] != three["incident_id"]
    [kept] = [k for k in one["kept_apart"] if k["article_id"] == "bismarck-three"]
    assert re.search(
        r"different counts from the same kind of source \(official\): (1 vs 3|3 vs 1) ", kept["reason"]
    )
    assert "neither report says the toll changed" in kept["reason"]
    assert "(Capital Prairie News)" in kept["article"]
    page = (run_out / "report.html").read_text("utf-8")
    assert "Kept apart" in page and kept["reason"] in page
