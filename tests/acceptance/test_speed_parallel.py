"""--workers: extraction on a process pool gives the same outputs as one process; a one-article
run imports neither torch nor datasketch; the rewrite gate keeps rewrites and drops same-topic
reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sitrep
from sitrep.parallel import MIN_PER_WORKER
from sitrep.reuse.gate import worth_embedding
from sitrep.reuse.sentences import words
from support.fresh import modules_after_run

TOWNS = [
    "Arlow",
    "Benfield",
    "Carrow Hill",
    "Dunmere",
    "Eastwick",
    "Fallon",
    "Grayport",
    "Halden",
    "Ivybridge",
    "Jessop",
    "Kettering Vale",
    "Lorne",
    "Marsh End",
    "Norcott",
    "Oakham",
    "Pellmore",
    "Quarry Bank",
    "Redstow",
    "Selby Cross",
    "Thornby",
]
PHRASINGS = [
    "Gunmen killed {k} people in {town} on {day}, police said.\n\nAnother {w} were wounded and "
    "taken to the district hospital.",
    "{k} villagers died when armed men raided {town} late on {day}, a local official told "
    "reporters.\n\nRescuers said {w} others were hurt.",
    "A bomb blast at a market in {town} on {day} left {k} dead and {w} injured, according to "
    "the regional governor.",
    "Police in {town} said a shooting on {day} had killed {k} men; {w} more are in a serious condition.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def write_articles(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        text = PHRASINGS[i % len(PHRASINGS)].format(
            k=3 + i, w=11 + 2 * i, town=TOWNS[i % len(TOWNS)], day=DAYS[i % len(DAYS)]
        )
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")


@pytest.mark.slow
def test_two_workers_write_what_one_writes(tmp_path):
    inputs = tmp_path / "in"
    write_articles(inputs, 2 * MIN_PER_WORKER + 3)  # enough for the pool to use two workers
    outs = {}
    for w in (1, 2):
        res = sitrep.run(
            [inputs], out=tmp_path / f"w{w}", db=tmp_path / f"w{w}.duckdb", report=False, workers=w
        )
        assert res.n_new == 2 * MIN_PER_WORKER + 3
        outs[w] = {
            name: (tmp_path / f"w{w}" / name).read_text(encoding="utf-8")
            for name in ("incidents.json", "articles.json", "reuse.json")
        }
    assert json.loads(outs[1]["incidents.json"])["incidents"]  # something was extracted
    assert outs[1] == outs[2]


def test_one_article_run_imports_no_torch(tmp_path):
    (tmp_path / "one.txt").write_text(
        PHRASINGS[0].format(k=4, w=9, town="Arlow", day="Monday"), encoding="utf-8"
    )
    heavy = ("torch", "datasketch", "sentence_transformers")
    assert modules_after_run([tmp_path / "one.txt"], tmp_path / "out", heavy) == []
    assert json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]


SOURCE = (
    "Flooding along the Varra river forced 1,200 families from their homes in Keswin on "
    "Sunday after three days of heavy rain, the provincial disaster agency said. Boats "
    "ferried stranded residents to schools turned into shelters, and the main bridge to "
    "Olmund was closed."
)
REWRITE = (
    "Some 1,200 families in Keswin had to leave their homes on Sunday as the Varra river "
    "flooded after three days of torrential rain, according to the provincial disaster "
    "agency. Stranded residents were taken by boat to schools serving as shelters; the "
    "main bridge to Olmund has been shut."
)
SAME_TOPIC = (
    "Rescue teams in Dunmere pulled two fishermen from the swollen Tarn on Tuesday; "
    "300 houses were damaged by floodwater, and officials urged residents to keep away "
    "from riverbanks until the water recedes."
)
OTHER = [
    f"Officials in {t} said on Monday that the new school term would start late because "
    f"of repairs to {i + 2} buildings damaged by a storm."
    for i, t in enumerate(TOWNS)
]


@pytest.mark.parametrize(
    "pair, kept",
    [
        (("source", "rewrite"), True),
        (("source", "same_topic"), False),
        (("rewrite", "same_topic"), False),
    ],
)
def test_gate_keeps_rewrites_and_drops_same_topic_reports(pair, kept):
    texts = {
        "source": SOURCE,
        "rewrite": REWRITE,
        "same_topic": SAME_TOPIC,
        **{f"other{i}": t for i, t in enumerate(OTHER)},
    }
    pile = {aid: words(t) for aid, t in texts.items()}
    assert (worth_embedding([pair], pile) == [pair]) is kept


def test_gate_cap_keeps_the_closest_pairs():
    pile = {
        "a": words(SOURCE),
        "b": words(REWRITE),
        "c": words(REWRITE + " Rain is forecast."),
        **{f"other{i}": words(t) for i, t in enumerate(OTHER)},
    }
    kept = worth_embedding([("a", "c"), ("a", "b")], pile, max_per_article=1)
    assert kept == [("a", "b")]
