"""French running totals (issue 17): a toll counted since a date or over a year is no incident's,
but "since Monday" and a side's count of one battle ("dans leur décompte") are the incident's."""

from __future__ import annotations

import pytest

from sitrep.extract.french import find_claims_fr, french_sentences
from sitrep.extract.pipeline import make_doc


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        (
            "Depuis le début de l'année, plus de 300 civils ont été tués dans la région de Ménaka.",
            "aggregate",
        ),
        ("Au total, 1 200 soldats ont péri depuis 2019 dans le Liptako.", "aggregate"),
        ("Les combats, qui durent depuis lundi, ont fait 14 morts parmi les militaires.", "incident"),
        ("Dans leur décompte, les rebelles affirment avoir tué 63 soldats lors des combats.", "incident"),
    ],
)
def test_french_running_total(nlp_fr, sentence, scope):
    sent = french_sentences(nlp_fr(make_doc(nlp_fr, sentence, french=True)))[0]
    found = find_claims_fr(sent, "t")
    assert found and {c.scope for c in found} == {scope}, [(c.low, c.scope) for c in found]
