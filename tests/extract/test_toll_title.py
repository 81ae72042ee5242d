"""The toll a title gives where the text gives none of that kind, through ``sitrep run`` with the
titles in the manifest: "Three hurt in shooting" over "the victims were taken to hospitals" is 3
hurt; a title's dead net out of the text's shot; the text's own figure wins over the title's; a
round-up title over several shootings counts for no one of them; a title the text already starts
with is read once. Each row is a short report written for this test (no dev-set sentence)."""

from __future__ import annotations

import pytest

from support.tolls import run_tolls

# kind, title, article text, killed, injured the article's incident must carry
ROWS = [
    (
        "the title's count of the hurt",
        "Three hurt in shooting outside skating rink",
        "Officers were called to a shooting at the skating rink on Poplar Street in Lansing around 10 p.m. "
        "Saturday. "
        "The victims were taken to area hospitals, police said.",
        0,
        3,
    ),
    (
        "the title's dead are the text's shot",
        "Teen dies after shooting at basketball court",
        "A 16-year-old boy was shot at a basketball court on Ash Street in Macon on Friday evening, "
        "police said. Officers are looking for a gray sedan.",
        1,
        0,
    ),
    (
        "the text's figure wins over the title's",
        "Five shot at birthday party",
        "Four people were shot at a birthday party on Elm Street in Dover late Saturday, police said. "
        "All are expected to survive.",
        0,
        4,
    ),
    (
        "a round-up title is no one incident's",
        "Eleven wounded in weekend shootings across the city",
        "A 24-year-old man was shot in the leg on Spruce Street in Gary on Saturday night. "
        "He was taken to a hospital in good condition.",
        0,
        1,
    ),
    (
        "a Title-Cased headline's hurt",
        "Man Wounded In Drive-By Shooting On East Side",
        "Officers responded to reports of gunfire on Maple Street in Peoria late Friday. Police have not "
        "named a suspect in the shooting.",
        0,
        1,
    ),
    (
        "a Title-Cased headline's dead",
        "Woman Killed In Shooting Outside Apartment Complex",
        "A shooting outside an apartment complex on Birch Lane in Topeka is under investigation, police "
        "said Monday.",
        1,
        0,
    ),
    (
        "a title the text starts with is read once",
        "Two men wounded outside tavern",
        "Two men wounded outside tavern\n\nTwo men were wounded outside a tavern on Walnut Street in Erie "
        "early Sunday. A third man was shot and killed.",
        1,
        2,
    ),
]


@pytest.fixture(scope="module")
def tolls(tmp_path_factory, gazetteer_file) -> dict[str, tuple[int, int]]:
    """One ``sitrep run`` over every row's article, titled in the manifest; per article, the
    incident citing it with the most of its claims, read as (killed, injured)."""
    return run_tolls(
        tmp_path_factory.mktemp("titles"), [(text, title) for _, title, text, _, _ in ROWS], gazetteer_file
    )


@pytest.mark.parametrize("n", range(len(ROWS)), ids=[r[0] for r in ROWS])
def test_incident_carries_the_title_toll(tolls, n):
    _, _, _, killed, injured = ROWS[n]
    assert tolls[f"a{n}"] == (killed, injured)
