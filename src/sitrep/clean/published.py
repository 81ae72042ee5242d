"""The publication date as an ISO string, whatever form a reader or manifest gave it in.

    >>> read_published("Tue, 03 Jun 2025 10:15:00 GMT")
    ('2025-06-03T10:15:00+00:00', None)
    >>> read_published("20250603")
    ('2025-06-03', None)
    >>> read_published("not a date")
    (None, "published 'not a date' is not a date sitrep can read: left empty")

Every relative date in the article ("on Sunday") is resolved against this value, so a value that
is not clearly a date is left empty with a note rather than guessed; a numeric day/month order
("03/06/2025") is one such value.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def read_published(value) -> tuple[str | None, str | None]:
    """``(ISO date or datetime, None)``, or ``(None, why)`` when ``value`` is not clearly a date."""
    if value is None or str(value).strip() == "":
        return None, None
    text = str(value).strip()
    found = _iso(text) or _rfc2822(text) or _with_month_name(text)
    if found is None:
        return None, f"published {text!r} is not a date sitrep can read: left empty"
    if not plausible_day(found):
        return None, (
            f"published {text!r} is outside {EARLIEST.year} to a year from now, so no news date: left empty"
        )
    return found, None


# Relative dates ("on Sunday") count back from publication: a publication date at the calendar's
# edge (0001-01-01, 9999-12-31) would give incidents dated 9999 or overflow the date type.
EARLIEST = date(1900, 1, 1)


def plausible_day(iso: str) -> bool:
    """Whether an ISO date or datetime is a plausible publication date (1900 to a year ahead)."""
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return False
    return EARLIEST <= day <= date.today() + timedelta(days=366)


def _iso(text: str) -> str | None:
    try:
        parsed = date.fromisoformat(text) if len(text) <= 10 else datetime.fromisoformat(text)
    except ValueError:
        return None
    # an extended ISO value is kept as given ("...Z" stays "...Z"); a compact one is spelt out
    return text if re.match(r"\d{4}-\d{2}-\d{2}", text) else parsed.isoformat()


def _rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _with_month_name(text: str) -> str | None:
    # "June 3, 2025", "3 June 2025 10:00": a named month leaves no day/month order to guess
    if not _MONTH_NAME.search(text):
        return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d:\d\d", text))
    return parsed.isoformat() if has_time else parsed.date().isoformat()
