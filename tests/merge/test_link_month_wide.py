"""An undated report joins an incident in its town only when it is news of a known day: published
within days of a shooting dated to a day, it is that shooting's; published days after a shooting
dated only to a month ("last month"), it says nothing of which shooting it is and stays apart.
Through the product (`sitrep.pipeline.run`). Articles written for this test; people, streets and
outlets are invented."""

from __future__ import annotations

import pytest

from support.articles_run import run_written

pytestmark = pytest.mark.slow

# a shooting told a month later, dated only by "last month"
MONTH_WIDE = {
    "id": "month",
    "outlet": "Summit Ledger",
    "published": "2026-01-01",
    "title": "Police still seek gunman in December shooting on Crane Avenue",
    "text": (
        "AKRON, Ohio - Police are still looking for the man who shot and wounded Deshawn Pruitt, 27, "
        "on Crane Avenue in Akron last month, detectives said.\n\nPruitt spent a week in a hospital. "
        "Anyone with information is asked to call Akron police."
    ),
}
# a shooting dated to a day, reported the next day
DAY_DATED = {
    "id": "day",
    "outlet": "Summit Ledger",
    "published": "2026-01-02",
    "title": "Man wounded in shooting on Crane Avenue",
    "text": (
        "AKRON, Ohio - A 31-year-old man was shot and wounded on Thursday night on Crane Avenue in "
        "Akron, police said.\n\nThe man was taken to a hospital with injuries that are not "
        "life-threatening. No arrests have been made."
    ),
}
# an undated report of a shooting in the same town, published within days of both
UNDATED = {
    "id": "undated",
    "outlet": "Cuyahoga Valley Times",
    "published": "2026-01-03",
    "title": "Police investigate Akron shooting",
    "text": (
        "AKRON, Ohio - Akron police are investigating a shooting that left a man hurt.\n\nOfficers "
        "found the man, who had been shot in the leg, and took him to Summa Health. Police have not "
        "said what led to the shooting."
    ),
}


def _together(incidents: list[dict], ids: dict[str, str], a: str, b: str) -> bool:
    return any({ids[a], ids[b]} <= set(i["articles"]) for i in incidents)


@pytest.mark.parametrize(
    "first, joins",
    [
        (DAY_DATED, True),  # news of a known day, published a day later: the same shooting
        (MONTH_WIDE, False),  # "last month": days after the month's end tell nothing of the day
    ],
)
def test_undated_report_joins_only_a_day_dated_incident(tmp_path, first, joins):
    incidents, ids = run_written(tmp_path, [first, UNDATED])
    assert _together(incidents, ids, first["id"], "undated") is joins
