"""Lookups the report's sections share: articles by id, outlets, the marks to draw in each text.

>>> ctx = Context.build(data)
>>> ctx.outlet("000_637d78b309cbb5dc")
'Reuters'
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sitrep.records import Article, FigureClaim, Incident, Lineage, OffsetMap, ReuseEdge, SetAside

ASIDE_NOTES = {
    "running_total": "Kept as context: a running total over many incidents, never one incident's toll",
    "background": "Kept as context: background or history, not an incident of this reporting",
    "no_incident": "Kept as context: a figure with no incident of this reporting to attach it to",
}


@dataclass
class Mark:
    """A span of an article's clean text to highlight, and what it is."""

    start: int
    end: int
    kind: str  # "quote" (the claim's sentence) or "fig" (the figure phrase)
    note: str


@dataclass
class Context:
    articles: dict[str, Article]
    lineage: dict[str, Lineage]
    edges_into: dict[str, list[ReuseEdge]]
    incidents_of: dict[str, list[Incident]] = field(default_factory=dict)
    marks: dict[str, list[Mark]] = field(default_factory=dict)
    asides: dict[str, list[Mark]] = field(default_factory=dict)  # sentences kept as context
    listed: set[str] | None = None  # articles with an entry under Sources (None: all)

    @classmethod
    def build(cls, data) -> Context:
        articles = {a.article_id: a for a in data.articles}
        edges_into: dict[str, list[ReuseEdge]] = {}
        shown = shown_passages(data)
        for edge in data.edges:  # the store's edges, read a chunk at a time: keep only what is shown
            if (edge.derived, edge.source) not in shown:
                edge = edge.model_copy(update={"aligned": []})
            edges_into.setdefault(edge.derived, []).append(edge)
        ctx = cls(articles=articles, lineage=dict(data.lineage), edges_into=edges_into)
        for inc in data.incidents:
            for aid in inc.articles:
                ctx.incidents_of.setdefault(aid, []).append(inc)
            for what, claim in incident_claims(inc):
                ctx.add_marks(claim, what)
                ctx.add_echo_marks(claim, what)
        for aid, ex in (data.extractions or {}).items():
            ctx.add_asides(aid, ex.set_aside)
        return ctx

    def outlet(self, article_id: str | None) -> str | None:
        art = self.articles.get(article_id or "")
        return art.outlet if art and art.outlet else None

    def origin_of(self, article_id: str) -> str:
        lin = self.lineage.get(article_id)
        return lin.origin if lin and lin.origin else article_id

    def add_marks(self, claim: FigureClaim, what: str) -> None:
        """Highlight a claim's sentence and figure phrase in the clean text of its article."""
        art = self.articles.get(claim.article_id)
        if art is None:
            return
        note = f"{what}: {claim.text}" + (f" ({claim.attributed_to})" if claim.attributed_to else "")
        found = []
        if claim.char_span and 0 <= claim.char_span[0] < claim.char_span[1] <= len(art.raw_text):
            start, end = (
                raw_to_clean(art.offsets, claim.char_span[0]),
                raw_to_clean(art.offsets, claim.char_span[1]),
            )
            if end > start:
                found.append(Mark(start, end, "fig", note))
        if claim.quote:
            # The quote is the sentence as it stands in the raw text; find it in the clean text,
            # preferring the occurrence that holds the figure.
            at = art.clean_text.find(claim.quote)
            if found:
                near = art.clean_text.rfind(claim.quote, 0, found[0].start + 1)
                if near >= 0 and near + len(claim.quote) >= found[0].end:
                    at = near
            if at >= 0:
                found.append(Mark(at, at + len(claim.quote), "quote", note))
                if not any(m.kind == "fig" for m in found) and claim.text:
                    inner = claim.quote.find(claim.text)
                    if inner >= 0:
                        found.append(Mark(at + inner, at + inner + len(claim.text), "fig", note))
        self.marks.setdefault(art.article_id, []).extend(found)

    def add_asides(self, article_id: str, set_aside: list[SetAside]) -> None:
        """Mark the sentences extraction kept as context, with the reason as the mark's note."""
        art = self.articles.get(article_id)
        for x in set_aside if art else []:
            start, end = raw_to_clean(art.offsets, x.span[0]), raw_to_clean(art.offsets, x.span[1])
            if end > start:
                self.asides.setdefault(article_id, []).append(
                    Mark(start, end, "aside", ASIDE_NOTES[x.reason])
                )

    def add_echo_marks(self, claim: FigureClaim, what: str) -> None:
        """Mark, in each echoing article, the sentence aligned to the claim's sentence."""
        if not claim.echoes or not claim.char_span:
            return
        for echo in claim.echoes:
            art = self.articles.get(echo)
            for edge in self.edges_into.get(echo, []) if art else []:
                if edge.source not in (claim.article_id, claim.origin):
                    continue
                for pair in edge.aligned:
                    s0, s1 = pair.source_span
                    if s0 <= claim.char_span[0] and claim.char_span[1] <= s1:
                        start = raw_to_clean(art.offsets, pair.derived_span[0])
                        end = raw_to_clean(art.offsets, pair.derived_span[1])
                        if end > start:
                            note = f"echoes {what}: {claim.text} ({claim.attributed_to or 'unattributed'})"
                            self.marks.setdefault(echo, []).append(Mark(start, end, "echo", note))


def shown_passages(data) -> set[tuple[str, str]]:
    """The (derived, source) edges whose aligned passages the report reads: each article's edge
    from its ``derived_from`` (shown side by side) and the edges into a claim's echoes from the
    claim's article or origin (``add_echo_marks``). Other edges are listed by kind and coverage."""
    shown = {(aid, lin.derived_from) for aid, lin in data.lineage.items() if lin.derived_from}
    for inc in data.incidents:
        for _, claim in incident_claims(inc):
            for echo in claim.echoes if claim.char_span else []:
                shown |= {(echo, claim.article_id), (echo, claim.origin)}
    return shown


def incident_claims(inc: Incident):
    """Every (what, claim) of an incident's figures, shared claims included."""
    figures = inc.figures()
    for what, fig in figures:
        for claim in list(fig.claims) + list(fig.shared_claims):
            yield what, claim


def raw_to_clean(offsets: OffsetMap, raw: int) -> int:
    """Clean offset of a raw offset; a raw offset inside deleted text maps to the next kept one."""
    segs = offsets.segments
    if not segs:
        return raw
    starts = [s[1] for s in segs]
    k = bisect.bisect_right(starts, raw) - 1
    if k < 0:
        return segs[0][0]
    cs, rs, n = segs[k]
    if raw <= rs + n:
        return cs + (raw - rs)
    return segs[k + 1][0] if k + 1 < len(segs) else cs + n
