"""One claimant-kind reader for every language (``claimants.claimant_kind`` over the language's
table and claim verb), and one home for the French speech verbs (``vocab_fr.FR_SAY_VERBS``): every
verb of saying marks a statement's date, not the event's."""

from __future__ import annotations

import pytest

from sitrep.extract.claimants import claimant_kind
from sitrep.extract.french import claimant_kind_fr, is_speech_date_fr


@pytest.mark.parametrize(
    ("phrase", "verb", "kind"),
    [
        ("un officier interrogé par RFI", "", "official"),  # the officer speaks; RFI only relays
        ("RFI", "", "media"),
        ("des hommes armés", "revendiquer", "perpetrator"),
        ("des hommes armés", "", "unknown"),
        ("deux sources sécuritaires", "", "security_source"),
    ],
)
def test_french_claimant_kinds(phrase, verb, kind):
    assert claimant_kind_fr(phrase, verb) == kind


@pytest.mark.parametrize(
    ("phrase", "verb", "kind"),
    [
        ("a Reuters reporter", "", "media"),
        ("an unnamed caller", "claim", "perpetrator"),
        ("an unnamed caller", "revendiquer", "unknown"),  # the French verb means nothing in English
        ("local residents", "", "witness"),
    ],
)
def test_english_claimant_kinds(phrase, verb, kind):
    assert claimant_kind(phrase, verb) == kind


@pytest.mark.parametrize(
    ("before", "speech"),
    [
        ("Le gouverneur a souligné ", True),
        ("Un rescapé a raconté ", True),
        ("Le préfet a évoqué ", True),
        ("Le maire a indiqué ", True),
        ("Les combats ont repris ", False),
        ("Les assaillants ont incendié le marché ", False),
    ],
)
def test_french_statement_dates(before, speech):
    assert is_speech_date_fr(before) is speech
