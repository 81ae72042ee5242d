"""Which of two related articles is the source: dates, wire credits, attributions, containment.

Each cue adds signed evidence for "a is the source of b"; the sum (clipped to 1) is the confidence
and every cue that fired is a reason a person can check.

    >>> score, reasons = weigh_direction(a, b, cover_ab=0.9, cover_ba=0.6)
"""

from __future__ import annotations

import re

from sitrep.outlets import any_outlet_pattern, canonical_outlet, is_wire, text_pattern
from sitrep.records import Article, Direction, ReuseEdge, parse_day
from sitrep.reuse.compare import Prepared, Reading, aligned_pairs

# Weights: publication order is the strongest cue, naming the other's outlet next (a copy credits
# its wire, a rewrite keeps "Reuters has not independently verified"), then being a wire agency,
# then containment (a trim or condensed rewrite is contained in its source).
W_DATE = 0.5
W_CREDITS_OTHER = 0.4
W_WIRE = 0.3
W_CONTAINED = 0.2
CONTAINMENT_GAP = 0.1
STORED_FIRST = "no cue says which came first: the one stored first is read as the source"

_CREDIT_LINE = re.compile(
    r"(?:produced by\s+|\((?=\w+\)\s*[-–—])|^By [^\n]{0,80}?,\s*|©\s*|Copyright\s+(?:\d{4}\s+)?"
    r"|Source:\s*)(" + any_outlet_pattern() + ")",
    re.M,
)


def outlet_of(article: Article) -> str | None:
    """The article's outlet: metadata first, then its credit lines, then a credit line in the text."""
    if article.outlet:
        return canonical_outlet(article.outlet)
    for credit in article.credits:
        if credit.outlet:
            return canonical_outlet(credit.outlet)
    # Asked for each candidate pair: read an article's text once (remembered by content hash,
    # not by the text, so the memo holds no article text).
    key = article.content_hash or hash(article.raw_text)
    if key not in _CREDITED:
        if len(_CREDITED) > 50_000:
            _CREDITED.clear()
        m = _CREDIT_LINE.search(article.raw_text)
        _CREDITED[key] = canonical_outlet(m.group(1)) if m else None
    return _CREDITED[key]


_CREDITED: dict = {}


def credits_outlet(article: Article, outlet: str | None) -> bool:
    """True if ``article`` names ``outlet`` (in its text or credits) and is not that outlet."""
    pattern = text_pattern(outlet)
    if not outlet or pattern is None or outlet_of(article) == outlet:
        return False
    if any(canonical_outlet(c.outlet) == outlet for c in article.credits):
        return True
    return re.search(pattern, article.raw_text) is not None


def weigh_direction(a: Article, b: Article, ab, ba) -> tuple[float, list[str]]:
    """Evidence that ``a`` is the source of ``b`` (positive) or ``b`` of ``a`` (negative), and why.

    ``ab`` is the reading of b as derived from a (a ``compare.Reading``), ``ba`` the reverse; the
    derived text is the one contained in the other (all of it aligned, up to furniture lines,
    while the other has more).
    """
    score, reasons = 0.0, []
    da, db = parse_day(a.published), parse_day(b.published)
    if da and db and da != db:
        first, later = (a, b) if da < db else (b, a)
        score += W_DATE if da < db else -W_DATE
        reasons.append(
            f"{first.article_id} was published {first.published}, before "
            f"{later.article_id} ({later.published})"
        )
    oa, ob = outlet_of(a), outlet_of(b)
    if credits_outlet(b, oa) and not credits_outlet(a, ob):
        score += W_CREDITS_OTHER
        reasons.append(f"{b.article_id} credits {oa}, the outlet of {a.article_id}")
    elif credits_outlet(a, ob) and not credits_outlet(b, oa):
        score -= W_CREDITS_OTHER
        reasons.append(f"{a.article_id} credits {ob}, the outlet of {b.article_id}")
    if is_wire(oa) != is_wire(ob):
        wire, other = (a, b) if is_wire(oa) else (b, a)
        score += W_WIRE if is_wire(oa) else -W_WIRE
        reasons.append(f"{wire.article_id} is a wire story ({outlet_of(wire)}); {other.article_id} is not")
    if ab.whole_derived != ba.whole_derived and abs(ab.coverage - ba.coverage) >= CONTAINMENT_GAP:
        inner, outer = (b, a) if ab.whole_derived else (a, b)
        score += W_CONTAINED if ab.whole_derived else -W_CONTAINED
        reasons.append(
            f"{inner.article_id} is contained in {outer.article_id} "
            f"({max(ab.coverage, ba.coverage):.0%} of its sentences align, "
            f"{min(ab.coverage, ba.coverage):.0%} the other way)"
        )
    return score, reasons


def decide_edge(
    a: Prepared,
    b: Prepared,
    ab: Reading,
    ba: Reading,
    kinds: dict[bool, str | None],
    tie: tuple[bool, str],
    overrulable: float,
) -> ReuseEdge | None:
    """The edge between ``a`` and ``b`` (``ab``: b read as derived from a), or None: the one
    decision of same-language reuse and translation.

    ``kinds``: the kind of reuse each orientation shows (True: b derived from a), None for none.
    ``tie``: the direction and its reason when no cue says which came first. ``overrulable``: the
    strongest cue evidence the text may overrule when only the other orientation shows reuse.
    """
    score, reasons = weigh_direction(a.article, b.article, ab, ba)
    if score == 0:
        forward = tie[0]
        reasons.append(tie[1])
    else:
        forward = score > 0
    if kinds[forward] is None:
        if kinds[not forward] is None or abs(score) > overrulable:
            return None
        forward = not forward
        reasons.append("direction follows the only reading that shows reuse")
        score = 0.0
    src, der, reading = (a, b, ab) if forward else (b, a, ba)
    return ReuseEdge(
        source=src.article.article_id,
        derived=der.article.article_id,
        kind=kinds[forward],
        coverage=round(reading.coverage, 3),
        direction=Direction(confidence=round(min(abs(score), 1.0), 2), reasons=reasons),
        aligned=aligned_pairs(src, der, reading),
    )
