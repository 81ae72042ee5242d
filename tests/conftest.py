"""Shared fixtures: the seed example (a copy ships in examples/ so tests run outside this workplace)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.geo.gazetteer import Gazetteer
from support.gazetteer import shared_gazetteer

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_manifest() -> Path:
    return SEEDS / "manifest.csv"


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((SEEDS / "articles").glob("*.txt"))}


@pytest.fixture(scope="session")
def gazetteer_file(tmp_path_factory) -> Path:
    """The default gazetteer, built once per session (shared by xdist workers)."""
    return shared_gazetteer(tmp_path_factory)


@pytest.fixture(scope="session")
def gaz(gazetteer_file) -> Gazetteer:
    return Gazetteer.open(gazetteer_file)


@pytest.fixture(scope="session")
def nlp():
    """spaCy as sitrep loads it for English (once per test process)."""
    from sitrep.models import load_spacy

    return load_spacy()


@pytest.fixture(scope="session")
def nlp_fr():
    """spaCy as sitrep loads it for French (once per test process)."""
    from sitrep.models import load_spacy_fr

    return load_spacy_fr()
