"""Fixtures of the geo tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    """spaCy as sitrep loads it (once per process)."""
    from sitrep.models import load_spacy

    return load_spacy()
