"""Claim entries as the merge reconciles them, built for tests (one builder for every test)."""

from __future__ import annotations

from datetime import date

from sitrep.merge.reconcile import ClaimEntry
from sitrep.records import Claim


def killed_entry(
    aid: str,
    low: int | None,
    high: int | None,
    q: str = "exactly",
    kind: str = "official",
    group: str = "people",
    origin: str | None = None,
    pub: str | None = None,
    who: str = "officials",
    quote: str | None = None,
) -> ClaimEntry:
    """A "killed" claim of article ``aid`` (its origin ``origin``, else itself, published ``pub``)."""
    c = Claim(
        claim_id=f"{aid}#c{low}{group}",
        article_id=aid,
        what="killed",
        group=group,
        low=low,
        high=high,
        qualifier=q,
        text=quote or f"{low}",
        quote=quote or f"{low} killed.",
        attributed_to=who,
        claimant_kind=kind,
    )
    return ClaimEntry(c, aid, origin or aid, date.fromisoformat(pub) if pub else None)
