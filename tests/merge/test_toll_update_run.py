"""A wire story, its local rewrite and a follow-up days later that raises the toll, through
`sitrep run` (issue 13). Articles, names and places are written for this test."""

from __future__ import annotations

import json

from support.cli import sitrep

WIRE = (
    "CEDAR FALLS, Iowa (AP) — One man was killed and another was critically wounded early Sunday "
    "outside the Anchor Bar on Main Street in Cedar Falls, police said.\n\nDarnell Price, 24, died at "
    "the scene. Marcus Hale, 31, was in critical condition at University Hospital, police said.\n\n"
    "No arrests have been made. Police asked anyone with video of the area to call investigators."
)
LOCAL = (
    "CEDAR FALLS — Darnell Price, 24, was killed and Marcus Hale, 31, was critically wounded when "
    "someone opened fire outside the Anchor Bar on Main Street early Sunday, police said.\n\nHale "
    "was in critical condition at University Hospital on Monday.\n\nPolice said no arrests have been "
    "made and asked anyone with video of the area to call investigators."
)
LATER = (
    "CEDAR FALLS — A second man shot outside the Anchor Bar on Main Street on Sunday has died, "
    "police said Wednesday.\n\nMarcus Hale, 31, died Tuesday at University Hospital. Darnell Price, "
    "24, was killed at the scene.\n\nNo arrests have been made."
)


def test_a_follow_up_raises_the_toll_and_keeps_the_shootings_day(tmp_path):
    docs = [
        dict(
            id="wire", title="1 dead, 1 hurt in shooting outside Iowa bar", published="2021-05-03", text=WIRE
        ),
        dict(id="local", title="One killed outside Anchor Bar", published="2021-05-03", text=LOCAL),
        dict(
            id="later", title="Second man dies after Anchor Bar shooting", published="2021-05-06", text=LATER
        ),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    out = tmp_path / "out"
    done = sitrep("run", src, "--out", out, "--db", tmp_path / "s.duckdb", "-q", timeout=600)
    assert done.returncode == 0, done.stderr
    incidents = json.loads((out / "incidents.json").read_text())["incidents"]
    [inc] = [i for i in incidents if {"wire", "later"} <= set(i["articles"])]
    # the follow-up's death is the incident's figure; the wire's first count stays listed
    assert inc["fatalities"]["best"] == 2
    assert any("raised toll" in n for n in inc["fatalities"]["notes"])
    firsts = [c for c in inc["fatalities"]["claims"] if c["article_id"] == "wire"]
    assert firsts and firsts[0]["low"] == 1
    # the follow-up is dated by the shooting's day, not by the later death's
    assert inc["date"]["start"] == "2021-05-02"
    # no incident of its own for the later death
    assert not [i for i in incidents if i["articles"] == ["later"]]
