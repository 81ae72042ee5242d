"""Reconciliation rules, one row per rule: low, best, high, vague, perpetrator, groups, ids."""

from __future__ import annotations

import pytest

from sitrep.merge.conflicts import outcome_conflicts, value_phrase
from sitrep.merge.ids import assign_ids, outlet_label, short_article
from sitrep.merge.reconcile import ClaimEntry, build_figure, canonical_group, fold_echoes
from sitrep.records import Claim, Outcome
from support.claims import killed_entry

entry = killed_entry


def fig(*entries):
    return build_figure(fold_echoes(list(entries), {}))


@pytest.mark.parametrize(
    "entries, low, best, high",
    [
        # consistent lower bounds: best is the lowest figure no credible source contradicts
        ([entry("a", 31, None, "more_than"), entry("b", 60, None, "at_least")], 31, 60, 60),
        # exact figures that disagree: the later official count wins
        ([entry("a", 15, 15, pub="2025-01-01"), entry("b", 12, 12, pub="2025-01-05")], 12, 12, 15),
        # no official: the figure with the most independent origins, then the lower
        (
            [
                entry("a", 5, 5, "exactly", "witness"),
                entry("b", 5, 5, "exactly", "witness"),
                entry("c", 9, 9, "exactly", "witness"),
            ],
            5,
            5,
            9,
        ),
        # a perpetrator's claim never alone sets best, but is the largest reported figure
        ([entry("a", 40, 40, kind="perpetrator")], 40, None, 40),
        ([entry("a", 3, 3), entry("b", 40, 40, kind="perpetrator")], 3, 3, 40),
        # vague only where nothing specific exists
        ([entry("a", 12, None, "vague"), entry("b", 7, 7)], 7, 7, 7),
        ([entry("a", 12, None, "vague")], 12, 12, 12),
        # "up to 20": 0..20, read as 20 when nothing else is said
        ([entry("a", 0, 20, "up_to")], 0, 20, 20),
        ([entry("a", 0, 20, "up_to"), entry("b", 8, 8)], 0, 8, 20),
    ],
)
def test_low_best_high(entries, low, best, high):
    f = fig(*entries)
    assert (f.low, f.best, f.high) == (low, best, high)


def test_groups_sum_and_a_generic_total_is_not_added_to_its_parts():
    f = fig(entry("a", 3, 3, group="soldiers"), entry("b", 4, 4, group="civilians"))
    assert (f.low, f.by_group["soldiers"].low) == (7, 3)
    f = fig(entry("a", 3, 3, group="soldiers"), entry("b", 10, 10, group="people"))
    assert f.low == 10
    f = fig(entry("a", 3, 3, group="soldiers"), entry("b", 40, 40, group="militants", kind="perpetrator"))
    assert (f.low, f.best) == (43, None)  # open if any group's is open


def test_echoes_fold_into_one_claim_per_origin():
    f = fig(entry("a", 30, 30), entry("b", 30, 30, origin="a"), entry("c", 30, 30))
    assert [(c.article_id, c.echoes) for c in f.claims] == [("a", ["b"]), ("c", [])]


def test_canonical_groups():
    assert [canonical_group(g) for g in ("Malian soldiers", "jihadists", None, "police officers")] == [
        "soldiers",
        "militants",
        "people",
        "police",
    ]


def test_words_for_numbers_and_outcomes():
    f = fig(entry("a", 31, None, "more_than"))
    assert value_phrase(f.claims[0]) == "more than 30"
    (c,) = outcome_conflicts(
        [
            Outcome(outcome="seized", text="", attributed_to="JNIM"),
            Outcome(outcome="overran", text="", attributed_to="JNIM"),
            Outcome(outcome="repelled", text="", attributed_to="army"),
        ]
    )
    assert c.explanation == "seized (JNIM) vs repelled (army)"
    # "captured" is people taken prisoner, not a place taken
    assert (
        outcome_conflicts([Outcome(outcome="captured", text=""), Outcome(outcome="repelled", text="")]) == []
    )
    assert outcome_conflicts([Outcome(outcome="withdrew", text=""), Outcome(outcome="seized", text="")]) == []


def test_outlet_and_article_labels():
    assert outlet_label("Associated Press") == "AP" and outlet_label("Reuters") == "Reuters"
    assert short_article("004_9b07b6954dd56870") == "004" and short_article("story-7") == "story-7"


def test_ids_keep_the_old_id_on_overlap_and_hash_otherwise():
    groups = [("ml|blks|", "2025-06-01", {"a#m1", "b#m1"}), ("ml|blks|", "2025-06-01", {"c#m1"})]
    ids = assign_ids(groups, [("inc_kept", {"b#m1", "z#m9"})])
    assert ids[0] == "inc_kept" and ids[1].startswith("inc_") and ids[1] != ids[0]
    fresh = assign_ids(groups)
    assert len(set(fresh)) == 2 and fresh == assign_ids(groups)


def said(aid, n, what, low, sentence, group="people", origin=None, **kw):
    """A claim in sentence number ``sentence`` of article ``aid`` (quote spans tell sentences apart)."""
    c = Claim(
        claim_id=f"{aid}#c{n}",
        article_id=aid,
        what=what,
        group=group,
        low=low,
        high=low,
        text=str(low),
        quote=f"sentence {sentence}",
        quote_span=(sentence * 100, sentence * 100 + 50),
        attributed_to="police",
        claimant_kind="official",
        **kw,
    )
    return ClaimEntry(c, aid, origin or aid, None)


def test_victims_in_one_sentence_add_up_and_retold_victims_do_not():
    # "A man and a boy were killed." ... "The victims died at the scene." (one each, then again;
    # "a man and a woman" is one claim of 2, find_claims joins victims of one group)
    f = fig(
        said("a", 1, "killed", 1, 1),
        said("a", 2, "killed", 1, 1, group="children"),
        said("a", 3, "killed", 1, 2),
    )
    assert (f.low, f.best) == (2, 2) and len(f.claims) == 2
    # a rewrite telling the same sentence: echoes, not new victims
    f = fig(
        said("a", 1, "killed", 1, 1),
        said("a", 2, "killed", 1, 1, group="children"),
        said("b", 1, "killed", 1, 1, origin="a"),
        said("b", 2, "killed", 1, 1, group="children", origin="a"),
    )
    assert f.low == 2 and [c.echoes for c in f.claims] == [["b"], ["b"]]


def test_additional_victims_add_and_subsets_do_not():
    f = fig(said("a", 1, "killed", 2, 1), said("a", 2, "killed", 1, 2, reference="additional"))
    assert f.low == 3
    f = fig(said("a", 1, "killed", 5, 1), said("a", 2, "killed", 3, 1, group="children", subset=True))
    assert (f.low, set(f.by_group)) == (5, {"people"}) and len(f.claims) == 2


def test_shot_counts_include_the_dead():
    from sitrep.merge.reconcile import killed_by_article

    dead = fold_echoes([said("a", 1, "killed", 1, 2)], {})
    shot = fold_echoes([said("a", 2, "wounded", 2, 1, includes_killed=True)], {})
    wounded = build_figure(shot, killed=killed_by_article(dead))
    assert (wounded.low, wounded.best) == (1, 1)  # "two people were shot; one died"
    other = fold_echoes([said("b", 2, "wounded", 2, 1, includes_killed=True)], {})
    # b tells of no death: its "two were shot" includes the one a reports dead
    assert build_figure(other, killed=killed_by_article(dead)).low == 1
    assert build_figure(other, killed=killed_by_article([])).low == 2  # no death told anywhere
