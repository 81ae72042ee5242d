"""The CSV columns docs/CONTRACT.md promises, in order, read from the document itself (the code is
tested against the contract, not against a second copy of its own list)."""

from __future__ import annotations

import re
from pathlib import Path

CONTRACT = Path(__file__).resolve().parents[2] / "docs" / "CONTRACT.md"


def contract_columns() -> list[str]:
    """The backquoted list under "## incidents.csv columns"."""
    text = CONTRACT.read_text(encoding="utf-8")
    section = text.split("## incidents.csv columns", 1)[1]
    listed = re.search(r"`([^`]+)`", section).group(1)
    return [c.strip() for c in listed.split(",")]


CONTRACT_COLUMNS = contract_columns()
