"""Articles whose text tells no incident, only their title: a paywall, a video page, a sign-in
form around a headline ("4 shot, one fatally, on Elm street"). Extraction finds nothing in the
text, yet the headline is a report of one incident. Such an article gets one low-confidence
mention read from its title (``title_view``); it never makes an incident of its own, and joins an
incident only when the title names that incident's place and the article was published within
days of it, or when it names the same victim (``join_titles``).

    >>> views = [v for a in empty_articles if (v := title_view(a, order)) is not None]
    >>> join_titles(clusters, views)        # the joined views become members, with reasons
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from sitrep.extract.event_types import EventType, classify_event
from sitrep.extract.identifiers import NOT_PEOPLE, STOP, read_identifiers, words
from sitrep.merge.link import compare
from sitrep.merge.views import FAMILY, FOLLOW_UP_WORDS, MentionView, place_name
from sitrep.records import Article, DateInfo, IncidentMention, parse_day

TITLE_CONFIDENCE = 0.3  # a headline alone: the type is a guess from its cue words
FRESH_DAYS = 3  # a headline published this many days after the incident's last day is news of it
FOLLOW_UP_DAYS = 30  # a charge or an arrest weeks after the shooting
MAX_GRAM = 3  # place names of up to three words ("new port richey")
# headline words of a shooting the cue rules do not take for an attack ("dies from gunshot wound",
# "bullet grazes teen", "arrested in fatal shooting")
SHOOTING = re.compile(
    r"\b(shot|shoots?|shooting|shootings|gunshot|gunfire|gunman|bullet|slain|murder\w*)\b", re.I
)


def title_view(article: Article, order: int = 0) -> MentionView | None:
    """One mention read from the title of an article whose text gave none; None when the title
    reports no violent event."""
    title = (article.title or "").strip()
    event = classify_event(title) if title else None
    follow_up = event is not None and FAMILY.get(event.event_type) == "strategic"
    if (event is None or follow_up) and SHOOTING.search(title):
        # "Teen arrested in Elm City shooting": an arrest headline is news of the shooting
        event = EventType("violence_against_civilians", "attack", False, "shooting")
    if event is None or FAMILY.get(event.event_type) != "violence":
        return None
    mention = IncidentMention(
        mention_id=f"{article.article_id}#title",
        article_id=article.article_id,
        label=title,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        political=event.political,
        type_confidence=TITLE_CONFIDENCE,
        date=DateInfo(precision="unknown", reason="read from the title only: the text tells no incident"),
    )
    day = parse_day(article.published) if article.published else None
    v = MentionView(
        mention=mention,
        article_id=article.article_id,
        origin=article.article_id,
        derived_from=None,
        published=day,
        order=order,
    )
    v.ids = read_identifiers("", title=title)
    v.ids.words = words(title)
    return v


def _grams(title: str) -> set[str]:
    toks = re.findall(r"[A-Za-z][\w'.-]*", title)
    out = set()
    for n in range(1, MAX_GRAM + 1):
        for i in range(len(toks) - n + 1):
            out.add(place_name(" ".join(toks[i : i + n])))
    # "man", "in", "one": words no place is known by (a mention's place may be such a word)
    return {g for g in out if len(g) > 2 and not set(g.split()) <= STOP | NOT_PEOPLE}


def _fresh(published: date | None, c, days: int = FRESH_DAYS) -> bool:
    """Published within ``days`` after the incident (or, undated incident, the same or next day
    as its reports)."""
    if published is None:
        return False
    p = published.toordinal()
    if c.day_range:
        return 0 <= p - c.day_range[1] <= days
    reports = [m.published.toordinal() for m in c.members if m.published]
    return bool(reports) and min(abs(p - d) for d in reports) <= 1


def join_titles(clusters: list, views: list[MentionView]) -> None:
    """Add each title view to the one incident its headline fits (see the module's docstring)."""
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.family == "violence":
            for n in c.names:
                by_name[n].append(i)
    for v in views:
        named = sorted({i for g in _grams(v.mention.label) for i in by_name.get(g, ())})
        fits = _fits(v, clusters, named, FRESH_DAYS)
        when = "published within days of the incident"
        if not fits and FOLLOW_UP_WORDS.search(v.mention.label):
            # "Teen charged in Elm City shooting death": a charge comes weeks later; it names
            # its incident when the place names only one in those weeks
            fits = _fits(v, clusters, named, FOLLOW_UP_DAYS)
            fits = fits if len(fits) == 1 else []
            when = f"a charge or arrest within {FOLLOW_UP_DAYS} days of the only incident there"
        if not fits:
            continue
        fits.sort(reverse=True)
        if len(fits) > 1 and fits[0][:2] == fits[1][:2]:
            continue  # two incidents fit the headline as well: it names neither
        _, _, i, ev = fits[0]
        c = clusters[i]
        place = sorted(_grams(v.mention.label) & c.names)
        reasons = [
            "headline only (the text tells no incident): " + v.mention.label,
            "the headline names its place: " + ", ".join(place),
            when,
            *ev.reasons,
        ]
        c.add(v, reasons)


def _fits(v: MentionView, clusters: list, named: list[int], days: int) -> list[tuple]:
    """The incidents at the headline's place published within ``days`` after, with no conflict:
    (names a victim, shared words, index, evidence)."""
    fits = []
    for i in named:
        c = clusters[i]
        ev = compare(v, c)
        if ev.conflict or not _fresh(v.published, c, days):
            continue
        shared = set(v.ids.words) & set(c.ids.words)
        fits.append((ev.person, len(shared), i, ev))
    return fits
