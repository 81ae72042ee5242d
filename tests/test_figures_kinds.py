"""Casualty figures by kind of phrasing, with real spaCy, and the toll update in reconcile.

Each row is a short report written for this test (no dev-set sentence): its text, then the killed
and injured an attentive reader counts in it.
"""
from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.figures import find_claims
from sitrep.extract.toll import article_toll
from sitrep.merge.reconcile import ClaimEntry, build_figure, fold_echoes
from sitrep.records import Claim


@pytest.fixture(scope="module")
def nlp():
    from sitrep.models import load_spacy
    return load_spacy()


def toll_of(nlp, text):
    doc = nlp(text)
    toll = article_toll([c for s in doc.sents for c in find_claims(s)])
    return tuple((toll.get(k) or (0, 0, 0))[1] or 0 for k in ("killed", "wounded"))


@pytest.mark.parametrize("kind, text, killed, injured", [
    ("victims across sentences",
     "The grandmother was shot twice while standing on her porch on Oak Lane late Sunday. "
     "The grandson was taken to a hospital with a wound to the arm.", 0, 2),
    ("victims across sentences, one dead",
     "The father was shot and killed in the driveway. "
     "His daughter was taken to a hospital, where she is expected to recover.", 1, 1),
    ("both", "Two brothers were sitting in a parked car when a gunman opened fire. "
             "Both were hit and taken to a local hospital.", 0, 2),
    ("the other two", "Three teenagers were shot near the park. One of them died, "
                      "and the other two were treated for their wounds.", 1, 2),
    ("a second man", "A man was shot in the leg on Main Street. "
                     "A second man was shot in the hand a block away.", 0, 2),
    ("grazed", "A 19-year-old was grazed by a bullet during the exchange of gunfire.", 0, 1),
    ("treated and released", "The clerk was treated and released from a nearby hospital after the robbery.", 0, 1),
    ("listed in stable condition", "The victim was listed in stable condition on Monday night.", 0, 1),
    ("non-life-threatening wounds", "A 40-year-old man suffered non-life-threatening wounds in the shooting.", 0, 1),
])
def test_kinds(nlp, kind, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured), kind


def _killed(aid, n, quote, pub):
    c = Claim(claim_id=f"{aid}#c1", article_id=aid, what="killed", group="people", low=n, high=n,
              text=str(n), quote=quote, quote_span=(0, len(quote)), attributed_to="a neighbour",
              claimant_kind="witness")
    return ClaimEntry(c, aid, aid, date.fromisoformat(pub) if pub else None)


@pytest.mark.parametrize("later_quote, later_pub, best", [
    # update wording, same day: the raised toll is the figure
    ("A second victim died of his injuries at the hospital, bringing the toll to 2.", "2026-03-02", 2),
    # a later publication that raises the toll, even without update wording
    ("Two people were killed in the shooting.", "2026-03-05", 2),
    # an equally dated report that disagrees, without update wording: the lower, as before
    ("Two people were killed in the shooting.", "2026-03-02", 1),
])
def test_a_later_report_raises_the_toll_and_the_first_claim_stays(later_quote, later_pub, best):
    first = _killed("a", 1, "One person was killed in the shooting.", "2026-03-02")
    later = _killed("b", 2, later_quote, later_pub)
    fig = build_figure(fold_echoes([first, later], {}))
    assert fig.best == best
    assert sorted(c.low for c in fig.claims) == [1, 2]     # the earlier claim is kept
