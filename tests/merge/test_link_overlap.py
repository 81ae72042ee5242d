"""A report whose dates only overlap an incident's ("this weekend" against "Saturday night") and
that shares only the city joins it only when it is the one incident there that fits: in a city
with two shootings that weekend, the city and the days name neither. A person, an address, the
counts or the actors in common still join it. Reports written for these tests, through ``sitrep run`` (real spaCy, DuckDB, gazetteer)."""

from __future__ import annotations

from support.cli import run_incidents

SATURDAY = {
    "id": "saturday",
    "outlet": "Valley Herald",
    "published": "2025-03-03",
    "title": "Man killed in Dayton shooting",
    "text": "DAYTON, Ohio -- A man was shot and killed Saturday night on Keowee Street in Dayton, "
    "police said. Officers found Marcus Pell, 24, on the sidewalk; he died at the scene. Detectives "
    "believe an argument over a borrowed car led to the shooting, and a neighbor's doorbell camera "
    "recorded a pickup truck leaving.",
}
SUNDAY = {
    "id": "sunday",
    "outlet": "Valley Herald",
    "published": "2025-03-03",
    "title": "Man killed outside Dayton gas station",
    "text": "DAYTON, Ohio -- A 19-year-old man was shot and killed Sunday afternoon outside a gas "
    "station on Salem Avenue in Dayton, police said. No arrests were made.",
}
WEEKEND = {
    "id": "weekend",
    "outlet": "Miami Valley Post",
    "published": "2025-03-04",
    "title": "Gunfire wounds woman in Dayton",
    "text": "DAYTON, Ohio -- Gunfire wounded a woman in Dayton this weekend, according to a department "
    "spokesperson. Doctors treated her arm and she is expected to recover. Investigators asked anyone "
    "with video from the area to call.",
}
SAME_VICTIM = {
    "id": "same-victim",
    "outlet": "Miami Valley Post",
    "published": "2025-03-05",
    "title": "Family mourns man killed in Dayton",
    "text": "DAYTON, Ohio -- Marcus Pell, 24, was shot and killed in Dayton this weekend, police "
    "said. His family gathered on Tuesday to remember him.",
}

# An earlier shooting in the city, in like words: with two reports alone, every word they share is a
# "rare" one and their wording looks identical (the idf needs more than two reports).
ELSEWHERE = {
    "id": "elsewhere",
    "outlet": "Capital Ledger",
    "published": "2025-01-16",
    "title": "Man killed, woman wounded in Dayton shooting",
    "text": "DAYTON, Ohio -- A man was shot and killed and a woman was wounded by gunfire Wednesday "
    "in Dayton, police said. She was taken to a hospital and is expected to survive. Detectives "
    "said a pickup truck was seen leaving, and the mayor asked residents to share tips.",
}


def _together(incidents: list[dict], a: str, b: str) -> list[dict]:
    return [i for i in incidents if {a, b} <= set(i["articles"])]


def test_a_weekend_report_in_a_city_with_two_shootings_stays_apart(tmp_path, gazetteer_file):
    incidents = run_incidents(tmp_path, [SATURDAY, SUNDAY, WEEKEND, ELSEWHERE], gazetteer_file)
    for other in ("saturday", "sunday"):
        together = _together(incidents, other, "weekend")
        assert not together, [e for i in together for e in i["linked_by"]]
    assert {a for i in incidents for a in i["articles"]} == {"saturday", "sunday", "weekend", "elsewhere"}


def test_a_weekend_report_naming_the_same_victim_joins(tmp_path, gazetteer_file):
    incidents = run_incidents(tmp_path, [SATURDAY, SAME_VICTIM, ELSEWHERE], gazetteer_file)
    together = _together(incidents, "saturday", "same-victim")
    assert len(together) == 1, incidents
    reasons = [r for e in together[0]["linked_by"] for r in e["evidence"]]
    assert any(r.startswith("same victim") or r.startswith("same person") for r in reasons), reasons
