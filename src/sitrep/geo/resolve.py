"""Resolve place mentions to gazetteer entries by context, with honest precision and fallback.

Candidates are ranked by the article's countries (named, or implied by demonyms and divisions),
the mention's own sentence ("Paris, Texas", "the Malian town of X", "in central Mali"), the cue
("X region" wants a division, "the town of X" a town, "the X River" a river), nearby resolved
places, population and spelling (rapidfuzz, for Boulikessi ~ Boulkessi). A place the gazetteer
lacks keeps its name and takes the smallest unit the text supports, never a point elsewhere.

    >>> by_name = resolve_mentions(mentions, text, gaz)  # folded name -> Location, every name at once

One article's places and its incidents' places are ``incident_place``'s (it calls this module);
the outlet's home town is ``outlet``'s.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict

from rapidfuzz import fuzz, process

from sitrep.geo.anchor import (
    anchor_states,
    article_anchor,
    far_namesake,
    is_site,
    is_town,
    part_of,
)
from sitrep.geo.context import Context, local_country, owner_country
from sitrep.geo.counties import (
    AFTER,
    counties_named,
    county_after,
    county_name,
    county_state_codes,
    county_states,
)
from sitrep.geo.gazetteer import Gazetteer, Place
from sitrep.geo.marks import abbreviations, loose_abbreviations, macro_regions, postal_codes
from sitrep.geo.place_words import fold
from sitrep.geo.precision import km, make_location, place_precision
from sitrep.geo.recognise import dateline_places
from sitrep.records import Location, PlaceMention

COUNTY_KM = 60.0  # a town this near a county's point, in its state, may be in it ("Pandi, Bulacan")
ADMIN_CUES = {"region", "province", "state", "district"}
TOWN_CUES = {"town", "village", "city"}
FEATURE_CUES = {"river", "lake"}


def score(
    p: Place,
    ms: list[PlaceMention],
    ctx: Context,
    container: list[Place],
    local: str | None,
    contained: list[Place] = (),
) -> float:
    cues = {m.cue for m in ms}
    s = 3.0 * ctx.share(p.country_code) + (1.0 if ctx.near_context(p.country_code) else 0.0)
    s += 3.0 if local and p.country_code == local and not p.is_country else 0.0
    if inside(p, container):
        s += 6.0  # "Paris, Texas", "Alexandria, Virginia"
    if (
        contained
        and (p.is_country or p.is_admin)
        and any(
            c.country_code == p.country_code and (p.is_country or c.admin1 == p.admin1) for c in contained
        )
    ):
        s += 4.0 + 0.3 * math.log10(
            max(c.population for c in contained if c.country_code == p.country_code) + 1
        )
    if cues & ADMIN_CUES:
        s += 2.5 if p.is_admin else -0.5
    elif cues & TOWN_CUES:
        s += 1.5 if p.feature_class == "P" else -1.5
    elif cues & FEATURE_CUES:
        s += 4.0 if p.feature_class in ("H", "L", "T") else -6.0
    elif p.is_country:
        s += 1.5  # a country's name is most often the country
    elif p.is_admin:
        s -= 1.0  # "in Gao" is the town; "the Gao region" the division
    s += 0.35 * math.log10(p.population + 1) + (0.5 if p.main_name else 0.0)
    s += 1.0 if p.source != "default" else 0.0
    if (p.feature_class == "P" or p.feature_code == "ADM2") and (p.country_code, p.admin1) in ctx.states:
        s += 2.0  # "Jackson" in a story that names Tennessee is Jackson, Tennessee
    if county_town(p, ctx):
        s += 1.0  # "Belgrade ... the Gallatin County sheriff": a state that has a county of that name
    if p.lat is not None and ctx.points and not p.is_country:
        d = min(km(p.lat, p.lon, a, b) for a, b, _ in ctx.points)
        s += 1.5 if d < 100 else 0.7 if d < 300 else 0.0
    return s


def inside(p: Place, container: list[Place]) -> bool:
    """``p`` lies in one of the countries or divisions ``container``. A county holds towns near its
    point, not divisions (the gazetteer's towns carry no county code)."""
    return not p.is_country and any(
        p.country_code == c.country_code
        and (
            c.is_country
            or c.admin1 == p.admin1
            and (c.feature_code != "ADM2" or not p.is_admin and in_county(p, c))
        )
        for c in container
    )


def in_county(p: Place | Location, county: Place | Location) -> bool:
    """``p`` (a candidate or a resolved place) lies near enough to a county's point to be in it."""
    return p.lat is not None and km(p.lat, p.lon, county.lat, county.lon) < COUNTY_KM


def plausible(
    p: Place, ms: list[PlaceMention], ctx: Context, local: str | None, container: list[Place]
) -> bool:
    """Never a confident point in the wrong country: small places far from the story's countries fail."""
    if p.feature_code == "CONT":
        return True  # "Africa", "Asia": the continent whatever countries the story names
    if local and p.country_code != local and not p.is_country and p.feature_code != "ADM1":
        return False  # another country in the sentence does not move a division ("the US and Ontario")
    if container and not inside(p, container):
        return False
    if not container and ctx.anchor and far_namesake(p, ctx.anchor[0], ctx.anchor_states):
        return False  # "in Homewood" in a Pittsburgh report is not the Homewood 1,000 km away
    if {m.cue for m in ms} & FEATURE_CUES and p.feature_class not in ("H", "L", "T"):
        return False
    if ctx.counties and p.feature_class == "P" and p.country_code != "US" and p.population < 100_000:
        return ctx.share(p.country_code) > 0  # US counties named: a small town abroad only if its country is
    if (
        ctx.countries
        and not p.is_country
        and ctx.share(p.country_code) == 0
        and not ctx.near_context(p.country_code)
        and p.population < 100_000
        and p.source == "default"
    ):
        return False
    return True


def well_known(
    pool: list[Place], ms: list[PlaceMention], container: list[Place], local: str | None = None
) -> list[Place]:
    """The reading every reader takes unless the text says otherwise: a country or a first-level
    division by its own name ("Texas", "Lebanon", "Iraq") rather than a namesake town somewhere in
    the article's countries; a city twenty times as populous as any namesake ("Cairo" in a story
    about the US). Overturned only by strong evidence: a container ("Lebanon, Pa."), a country word
    in the sentence, a town cue ("the town of Texas"), or a namesake town inside the division or of
    a million people ("in Gao" is the town, "New York" the city). Empty when no rule applies."""
    if container or {m.cue for m in ms} & (TOWN_CUES | FEATURE_CUES):
        return []
    units = [p for p in pool if p.main_name and (p.is_country or p.feature_code == "ADM1")]
    if (
        local
        # "California" in a sentence about the US is the state, not a town of that name
        and not any(u.is_country or u.country_code == local for u in units)
        and any(p.country_code == local and p.feature_class == "P" and p.population >= 10_000 for p in pool)
    ):
        return []  # "Victoria, the capital of Seychelles": the sentence's country names a real town
    towns = sorted((p for p in pool if p.feature_class == "P"), key=lambda p: -p.population)
    if units and not any(
        t.population >= 1_000_000
        or t.population
        > max(u.population for u in units)  # "Charlotte": the city, not a small island's parish
        or any(t.country_code == u.country_code and t.admin1 == u.admin1 for u in units if not u.is_country)
        for t in towns
    ):
        return units
    # a city far more populous than every namesake ("Cairo", "Moscow", "London") is the city meant;
    # a place merely also called so (an alternate name) is no namesake
    # a county of the story's name counts as a namesake ("Norfolk" the English county)
    shires = [p for p in pool if p.feature_code == "ADM2" and p.main_name]
    if towns and famous([towns[0], *(t for t in towns[1:] if t.main_name), *shires]):
        return towns[:1] + units
    return []


def county_decided(best: Place, pool: list[Place], ctx: Context, container: list[Place]) -> bool:
    """A county name ("Washington County") of several states is that state's county only when
    other evidence says so: a state named or implied (``ctx.states``: a state in the text, a county
    of one state, the dateline, the outlet's home), a container ("Washington County, Oregon"), a
    place already resolved near it (the outlet's home town among them), or its own fame: twenty
    times as populous as any namesake ("Harris County" is Houston's, not Georgia's)."""
    if best.feature_code != "ADM2":
        return True
    shires = county_namesakes(best, pool)
    return (
        len({p.admin1 for p in shires}) < 2
        or famous(shires)
        and best.population == max(p.population for p in shires)
        or (best.country_code, best.admin1) in ctx.states
        or inside(best, container)
        or near_point(best, ctx) is not None
    )


def county_namesakes(best: Place, pool: list[Place]) -> list[Place]:
    """The counties of ``best``'s name in its country (one per state that has one)."""
    return [p for p in pool if p.feature_code == "ADM2" and p.country_code == best.country_code]


def near_point(p: Place, ctx: Context, within: float = 100.0) -> str | None:
    """The name of a place already resolved within ``within`` km of ``p`` ("home" for the outlet's)."""
    if p.lat is None:
        return None
    return next((k for a, b, k in ctx.points if km(p.lat, p.lon, a, b) < within), None)


def undecided_county(gaz: Gazetteer, text: str, best: Place, pool: list[Place]) -> Location:
    """A county of several states that the text does not place: coded to its country, with no
    point in any one state (which would draw the article's towns there)."""
    n = len({p.admin1 for p in county_namesakes(best, pool)})
    country = gaz.countries.get(best.country_code)
    why = f"'{text}' names a county of {n} states and the text says which of none"
    if country is None:
        return make_location(text, "unknown", why)
    return make_location(
        text,
        "country",
        f"{why}: coded to {country.name}",
        country_code=best.country_code,
        lat=country.lat,
        lon=country.lon,
    )


def county_town(p: Place, ctx: Context) -> bool:
    """A town in a state that has a county the article names."""
    return p.feature_class == "P" and (p.country_code, p.admin1) in ctx.counties


def famous(places: list[Place]) -> bool:
    """One of the places of a name is a city of 100,000 or more, twenty times as big as any other
    (a district named after a city and holding it, "Melbourne" the city's own district, is no other)."""
    cities = {
        (p.country_code, p.admin1) for p in places if p.feature_class == "P" and p.population >= 100_000
    }
    pops = sorted(
        (
            p.population
            for p in places
            if p.feature_code != "ADM2" or (p.country_code, p.admin1) not in cities
        ),
        reverse=True,
    )
    return bool(pops) and pops[0] >= 100_000 and all(q * 20 <= pops[0] for q in pops[1:])


def one_named_country(places: list[Place], ctx: Context) -> bool:
    """Every place of the name lies in one country, and the article names that country."""
    codes = {p.country_code for p in places}
    return len(codes) == 1 and ctx.share(next(iter(codes))) > 0


def spelling_variants(gaz: Gazetteer, text: str, countries: list[str]) -> list[Place]:
    """Towns and divisions in the story's countries spelled almost like ``text`` (same initial)."""
    q = fold(text)
    if not countries or not q:
        return []
    keys, gids = gaz.names_in(tuple(countries), q[:1])
    hits = process.extract(q, keys, scorer=fuzz.ratio, score_cutoff=90, limit=5)
    out = []
    for name, _sc, idx in hits:
        if abs(len(name) - len(q)) <= 2:
            p = gaz.place(gids[idx])
            if p is not None:
                out.append(p._replace(main_name=False))
    return out


def to_location(gaz: Gazetteer, name: str, p: Place, reason: str) -> Location:
    a1 = gaz.admin1s.get((p.country_code, p.admin1 or ""))
    a2 = gaz.admin2_name(p.country_code, p.admin1, p.admin2) if p.admin2 and p.source != "default" else None
    prec = place_precision(p.feature_class, p.feature_code, p.is_country)
    return make_location(
        p.name,
        prec,
        reason,
        linear=p.feature_class == "H",
        country_code=p.country_code,
        admin1=a1.name if a1 and not p.is_country else None,
        admin2=a2,
        lat=p.lat,
        lon=p.lon,
        geonameid=p.gid if p.gid > 0 else None,
        feature_class=p.feature_class,
        feature_code=p.feature_code,
        population=p.population or None,
    )


def fallback(
    gaz: Gazetteer,
    m: PlaceMention,
    ctx: Context,
    local: str | None,
    words: str,
    admin1: Place | None,
    why: str,
) -> Location:
    """The smallest unit the text supports for a place the gazetteer lacks (name kept)."""
    border = re.search(r"border with ([A-Z][\w ]+?)(?:[,.;]|$)", m.context or "")
    note = f"; the text puts it near the border with {border.group(1)}" if border else ""
    if admin1 is not None:
        return make_location(
            m.text,
            "admin1",
            f"{why}; coded to the {admin1.name} division the text names{note}",
            country_code=admin1.country_code,
            admin1=admin1.name,
            lat=admin1.lat,
            lon=admin1.lon,
        )
    cc = local
    if cc is None and ctx.countries:
        (top, n), *rest = ctx.countries.most_common(2)
        cc = top if not rest or n >= 1.3 * rest[0][1] else None  # one country clearly leads
        words = (
            f"the article is mostly about {gaz.countries[top].name}, which"
            if cc and top in gaz.countries
            else words
        )
        if cc is None and ctx.lead in (top, rest[0][0]) and ctx.lead in gaz.countries:
            cc, words = ctx.lead, f"the article's lead names {gaz.countries[ctx.lead].name}, which"
    country = gaz.countries.get(cc) if cc else None
    if country is None:
        return make_location(m.text, "unknown", f"{why}; the text names no country for it")
    return make_location(
        m.text,
        "country",
        f"{why}; {words} places it in {country.name}{note}: coded to the country",
        country_code=cc,
        lat=country.lat,
        lon=country.lon,
    )


def resolve_group(gaz, key, ms, ctx, cands, spans, containers, contains) -> Location:
    """Resolve every mention of one name in one article together (they share cues and context)."""
    local, words = None, ""
    container = [c for m in ms for c in containers.get(id(m), [])]
    contained = [c for m in ms for c in contains.get(id(m), [])]
    for m in ms:
        local, words = local_country(ctx, m, cands, spans)
        if local or container:
            break
    if not any(inside(p, container) for p in cands.get(key, [])):
        container = []  # "Mali, Niger and Burkina Faso" is a list, not "Paris, Texas"
    elif local and not any(inside(p, container) and p.country_code == local for p in cands.get(key, [])):
        local, words = None, ""  # "Atlanta, Georgia": the container, not the country Georgia, places it
    if any(p.is_country and p.main_name for p in cands.get(key, [])):
        local, words = None, ""  # a country's name is not placed by its neighbours in the sentence
    if (
        local
        and not any(p.country_code == local for p in cands.get(key, []))
        and (famous(cands.get(key, [])) or one_named_country(cands.get(key, []), ctx))
    ):
        # "US aid to Hanoi", "villages of Romania ... birds from Russia": the sentence's country
        # has no place of that name; a famous city, or places all in a country the story names, stand
        local, words = None, ""
    if key in macro_regions():
        owner = owner_country(ctx, ms, cands, spans)  # "Burkina Faso's Sahel region" is a division
        divisions = [p for p in cands.get(key, []) if p.feature_code == "ADM1" and p.country_code == owner]
        if not divisions:
            return make_location(
                ms[0].text, "unknown", f"'{ms[0].text}' is a region spanning several countries"
            )
        return to_location(
            gaz,
            ms[0].text,
            divisions[0],
            f"a division of {gaz.countries[owner].name}, named as that country's own",
        )
    pool = [p for p in cands.get(key, []) if plausible(p, ms, ctx, local, container)]
    known = well_known(pool, ms, container, local)
    if known and known[0].feature_class == "P" and any(county_town(p, ctx) for p in pool if p != known[0]):
        known = []  # "Belgrade" beside "Gallatin County": the Montana town, not the famous capital
    pool = known or pool
    if (
        not pool
        and not container
        and ctx.anchor
        and any(far_namesake(p, ctx.anchor[0], ctx.anchor_states) for p in cands.get(key, []))
    ):
        return part_of(ctx.anchor[0], ctx.anchor[1], ms[0].text, "names no town near the report's own")
    county = all(county_after(ctx.text, m.span[1]) for m in ms)  # "Dallas County ... in Dallas" is the city
    if county:
        pool = [p for p in pool if p.feature_class != "P"]  # "Scott County" is not the town of Scott
    why = f"'{ms[0].text}' is not in the gazetteer"
    if not pool and not county and not ({m.cue for m in ms} & FEATURE_CUES):
        ranked = [c for c, _ in ctx.countries.most_common(3)]
        pool = [
            p
            for p in spelling_variants(gaz, ms[0].text, [local] if local else ranked)
            if plausible(p, ms, ctx, local, container)
        ]
        if pool:
            best = max(pool, key=lambda p: score(p, ms, ctx, container, local, contained))
            return to_location(
                gaz,
                ms[0].text,
                best,
                f"spelling variant of {best.name} "
                f"({gaz.countries[best.country_code].name if best.country_code in gaz.countries else best.country_code})",
            )
    if not pool:
        if {m.cue for m in ms} & FEATURE_CUES:
            return make_location(
                ms[0].text, "unknown", f"{why} as a river or lake; not taken for a town or country"
            )
        rejected = cands.get(key, [])
        if county:
            why = f"'{ms[0].text}' names a county the gazetteer does not hold"
        elif rejected:
            why = f"'{ms[0].text}' names only places outside the story's countries ({', '.join(sorted({p.country_code for p in rejected if p.country_code})[:4])})"
        admin1 = next((c for c in container if c.is_admin and c.feature_code == "ADM1"), None)
        if admin1 is None:  # "the village of X in the Mopti region": a division named in its sentence
            s, e = ctx.sentence(ms[0].span)
            named = [
                loc
                for span, loc in ctx.divisions
                if s <= span[0] < e
                and loc.country_code in (local, None)
                or s <= span[0] < e
                and local is None
            ]
            a1 = {(loc.country_code, loc.admin1) for loc in named}
            if len(a1) == 1:
                cc, name = a1.pop()
                keys = gaz.admin1_keys.get((cc, name), [])
                admin1 = gaz.admin1s[keys[0]] if keys else None
        if admin1 is None and county:  # "Tolland County": a county of one state the gazetteer lacks
            states = county_states().get(county_name(ctx.text, ms[0]) or "", frozenset())
            admin1 = gaz.admin1s.get(("US", next(iter(states)))) if len(states) == 1 else None
            why += f" (the Census lists it in {admin1.name} alone)" if admin1 else ""
        return fallback(gaz, ms[0], ctx, local, words, admin1, why)
    best = max(pool, key=lambda p: score(p, ms, ctx, container, local, contained))
    n = len(cands.get(key, []))
    shire = all(county_name(ctx.text, m) for m in ms)
    if shire and not county_decided(best, pool, ctx, container):
        return undecided_county(gaz, ms[0].text, best, pool)
    reasons = ["the only place of that name" if n == 1 else f"best of {n} places of that name"]
    home = ctx.home
    if local:
        reasons.append(f"{words} in its sentence")
    elif (
        home is not None
        and best.lat is not None
        and not best.is_country
        and home.lat is not None
        and km(best.lat, best.lon, home.lat, home.lon) < 150
    ):
        reasons.append(f"near the outlet's home, {home.name}")
    elif (best.country_code, best.admin1) in ctx.states and (
        best.feature_class == "P" or best.feature_code == "ADM2"
    ):
        reasons.append(
            f"in {gaz.admin1s[(best.country_code, best.admin1)].name}, the state the report names or is from"
        )
    elif shire and best.feature_code == "ADM2" and (near := near_point(best, ctx)) not in (None, "home"):
        reasons.append(f"near {near}, named in the article")
    elif ctx.share(best.country_code) > 0:
        reasons.append(
            f"the article names {gaz.countries[best.country_code].name if best.country_code in gaz.countries else best.country_code}"
        )
    if contained and any(c.country_code == best.country_code for c in contained):
        reasons.append("it contains the place named just before it")
    cues = sorted({m.cue for m in ms if m.cue})
    if cues:
        reasons.append("cue: " + ", ".join(cues))
    return to_location(gaz, ms[0].text, best, "; ".join(reasons))


def joined(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """The name ``b`` right after ``a`` contains it: "Paris, Texas", "Polk County, Iowa"."""
    gap = text[a.span[1] : b.span[0]]
    word = AFTER.match(gap)
    return gap in (", ", ",") or word is not None and gap[word.end() :] in ("", ",", ", ")


def county_names(text: str, groups: dict[str, list[PlaceMention]]) -> dict[str, str]:
    """Folded name -> "X County" / "X Parish" for the names every mention of which the text
    follows with that word (a bare "Dallas" elsewhere leaves "Dallas" the city)."""
    out = {}
    for key, ms in groups.items():
        words = [county_after(text, m.span[1]) for m in ms]
        if len(set(words)) == 1 and words[0]:
            out[key] = f"{ms[0].text} {words[0]}"
    return out


def county_context(text: str, groups, cands: dict[str, list[Place]], counties) -> Context:
    """The article's context with what the US counties it names (``counties_named``) say, the
    county rule in one place: a US story (one vote); the states they decide (``county_state_codes``:
    a county of one state, or the one state several counties share; a county of several states
    alone decides none); every state they may be in (``ctx.counties``: a town there is likelier,
    ``county_town``); and a country's name that is a town in a decided state is the town ("Denmark"
    beside "Bamberg County": the South Carolina town). ``cands`` loses those countries."""
    decided = {("US", st) for st in county_state_codes(counties)}
    for key in groups:
        if any(p.feature_class == "P" and (p.country_code, p.admin1) in decided for p in cands.get(key, [])):
            cands[key] = [p for p in cands[key] if not p.is_country]
    ctx = Context(text, groups, cands)
    if counties:  # "the Gallatin County sheriff": a US story, and a Montana one
        ctx.countries["US"] += 1
        ctx.states |= decided
        ctx.counties = {("US", st) for states in counties.values() for st in states}
    return ctx


def resolve_mentions(
    mentions: list[PlaceMention],
    text: str,
    gaz: Gazetteer,
    home: Place | None = None,
    police: list[str] = (),
    datelined: list[PlaceMention] | None = None,
    counties: dict[str, frozenset[str]] | None = None,
) -> dict[str, Location]:
    """Resolve place mentions (raw spans into ``text``); returns a Location per folded name.
    ``police``: the folded names of the towns whose police the article quotes, most quoted first;
    ``datelined``: ``dateline_places(text)`` and ``counties``: ``counties_named(text, mentions)``
    when the caller has them already."""
    groups: dict[str, list[PlaceMention]] = defaultdict(list)
    for m in mentions:
        groups[fold(m.text)].append(m)
    county_words = county_names(text, groups)  # "Scott County": the county, looked up whole
    names = sorted({m.text for m in mentions})  # sorted: candidates, so ties, in one order
    found = gaz.lookup(sorted({*names, *county_words.values()}))  # one query for both
    cands: dict[str, list[Place]] = defaultdict(list)
    for q in names:
        cands[fold(q)].extend(p for p in found.get(q, []) if p.gid not in {c.gid for c in cands[fold(q)]})
    for key, county in county_words.items():
        cands[key].extend(p for p in found.get(county, []) if p.feature_code == "ADM2")
    for key in groups:  # "Neb.", "B.C.": the division the abbreviation stands for, nothing else
        written = any(
            text[m.span[1] : m.span[1] + 1] == "." or m.text in loose_abbreviations() for m in groups[key]
        )
        postal = key in postal_codes() and any(m.cue == "postal" for m in groups[key])  # "DAYTON, OH"
        if postal or key in abbreviations() and written:  # "Man." is Manitoba; "Man killed" is no place
            cc, name = (postal_codes() if postal else abbreviations())[key]
            cands[key] = [
                p for p in gaz.lookup([name])[name] if p.feature_code == "ADM1" and p.country_code == cc
            ]
    ctx = county_context(
        text, groups, cands, counties_named(text, mentions) if counties is None else counties
    )
    ctx.home = home
    if home is not None:  # the outlet's home votes like one mention of its country, and as a nearby point
        ctx.countries[home.country_code] += 1
        if home.feature_class == "P":
            ctx.points.append((home.lat, home.lon, "home"))
    ordered = sorted(mentions, key=lambda m: m.span)
    containers, contains = {}, {}
    for a, b in zip(ordered, ordered[1:]):  # "Paris, Texas": the second name contains the first
        if joined(text, a, b):
            containers[id(a)] = [p for p in cands.get(fold(b.text), []) if p.is_country or p.is_admin]
            contains[id(b)] = [p for p in cands.get(fold(a.text), []) if not p.is_country]
    out: dict[str, Location] = {}
    parts = {k for k in groups if CITY_PART.fullmatch(k)}
    sites = {k for k in groups if is_site(groups[k][0].text)}
    if datelined is None:
        datelined = dateline_places(text, gaz)
    dateline = {fold(d.text) for d in datelined} & set(groups)
    quarters = {
        k: owner for k in set(groups) - dateline if (owner := quarter_of(text, groups[k])) is not None
    }
    quarters = {  # "Mali's Gao region", "West Africa's Sahel": a country's or a region's, not a city's
        k: o
        for k, o in quarters.items()
        if not unit_name(cands.get(k, []))
        and (o == "" or any(p.feature_class == "P" for p in cands.get(o, [])))
        and not any(p.is_country or p.feature_code == "ADM1" for p in cands.get(o, []) if p.main_name)
    }
    town = home_town(gaz, home)

    # the dateline first, then unambiguous names: their points help the rest ("nearby places")
    def order(k):  # countries and divisions first, then the least ambiguous names
        units = any(m.cue in ADMIN_CUES for m in groups[k]) or any(p.is_country for p in cands.get(k, []))
        # ties: the name written first (a set's order would change with each process's hash seed)
        # "Georgia" (a country and a state) waits for the places that decide it
        return (
            k not in dateline and k not in police,
            k in ctx.unsure,
            not units,
            len(cands.get(k, [])) or 99,
            min(m.span for m in groups[k]),
        )

    undecided = []  # counties of several states no evidence placed yet: tried again after the rest
    for key in sorted(set(groups) - parts - sites - set(quarters), key=order):
        if key not in dateline and key not in police and ctx.anchor is None:  # dateline, police, home
            ctx.anchor = (
                article_anchor([out[k] for k in dateline], [], town, [out[k] for k in police if k in out])
                or False
            )
            ctx.anchor_states = anchor_states(gaz, ctx.anchor, home)
            ctx.states |= ctx.anchor_states  # "Clifton" in a Denver report: Clifton, Colorado
        loc = resolve_group(gaz, key, groups[key], ctx, cands, ordered, containers, contains)
        out[key] = loc
        if loc.precision == "country" and all(county_name(text, m) for m in groups[key]):
            undecided.append(key)
        if loc.feature_code == "ADM1" or key in ctx.unsure and loc.country_code:
            ctx.countries[loc.country_code] += 0.5 * len(groups[key])  # "Ohio" says the story is American
        if loc.feature_code == "ADM1":
            ctx.divisions += [(m.span, loc) for m in groups[key]]
            ctx.states |= set(gaz.admin1_keys.get((loc.country_code, loc.name), []))
        if loc.precision in ("exact", "admin2") and loc.lat is not None:
            ctx.points.append((loc.lat, loc.lon, loc.name))
            ctx.countries[loc.country_code] += 0.25
    for key in undecided:  # "Bourbon County ... in Paris": the county of the town resolved near it
        out[key] = resolve_group(gaz, key, groups[key], ctx, cands, ordered, containers, contains)
    for key in sorted(parts):
        out[key] = city_part(groups[key][0].text, groups, out, town)
    if ctx.anchor is None:  # every name was the dateline's or a street's
        ctx.anchor = (
            article_anchor([out[k] for k in dateline], [], town, [out[k] for k in police if k in out])
            or False
        )
    for key, owner in sorted(quarters.items()):  # "Chicago's Austin neighborhood": a part of Chicago
        out[key] = quarter(groups[key][0].text, out.get(owner), ctx.anchor, groups, out, town)
    for key in sorted(
        sites
    ):  # "Oak Street", "Mercy Hospital": in the report's town, else the town named most
        text = groups[key][0].text
        out[key] = (
            part_of(ctx.anchor[0], ctx.anchor[1], text, "is a street, building or ground")
            if ctx.anchor
            else city_part(text, groups, out, town)
        )
    return out


# "the South Side", "the West End", "Northeast Side", "Downtown": a part of the story's city
CITY_PART = re.compile(
    r"(?:the )?(?:north|south|east|west|near|far|upper|lower|central)?(?: ?(?:north|south|east|west))?"
    r" ?(?:side|end|downtown|midtown|uptown)"
)


QUARTER_AFTER = re.compile(r"\s+neighbou?rhoods?\b", re.I)  # "the Austin neighborhood"
# "a Stockton neighborhood", "a west Akron neighborhood": a neighbourhood of that city, not its name
CITY_BEFORE = re.compile(r"\b(?:an?|one|another|(?:north|south|east|west)(?:east|west)?(?:ern)?)\s+$", re.I)
OWNER_BEFORE = re.compile(r"([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})['’]s\s+$")  # "Chicago's Austin"


def unit_name(ps: list[Place]) -> bool:
    """The name is first a country's or a state's ("Texas", "Luxembourg"): a unit more populous
    than every town of that name (never a neighbourhood; "Portland" is a town, not Jamaica's parish)."""
    units = [p.population for p in ps if p.main_name and (p.is_country or p.feature_code == "ADM1")]
    return bool(units) and max(units) > max((p.population for p in ps if p.feature_class == "P"), default=0)


def quarter_of(text: str, ms: list[PlaceMention]) -> str:
    """A neighbourhood of the story's city, not a town of its own: "the Austin neighborhood",
    "Chicago's South Shore" (a neighbourhood named after a town elsewhere is still inside its
    city). The folded name of the city that owns it ("" for none), or None when no mention is a quarter."""
    for m in ms:
        owner = OWNER_BEFORE.search(text[max(0, m.span[0] - 40) : m.span[0]])
        if (
            owner
            or QUARTER_AFTER.match(text, m.span[1])
            and not CITY_BEFORE.search(text[max(0, m.span[0] - 20) : m.span[0]])
        ):
            return fold(owner.group(1)) if owner else ""
    return None


def quarter(text: str, owner: Location | None, anchor, groups, out, home) -> Location:
    """A neighbourhood placed in its owner ("Chicago's"), else in the report's town (dateline or
    outlet's home), else in the town the article names most."""
    if is_town(owner):
        return part_of(owner, f"{owner.name}, the city it belongs to", text, "is a neighbourhood")
    if anchor:
        return part_of(anchor[0], anchor[1], text, "is a neighbourhood")
    return city_part(text, groups, out, home)


def home_town(gaz: Gazetteer, home: Place | None) -> Location | None:
    """The outlet's home town as a Location, when the outlet has one and it is a town."""
    if home is None or home.feature_class != "P" or home.lat is None:
        return None
    return to_location(gaz, home.name, home, "")


def city_part(
    text: str, groups: dict[str, list[PlaceMention]], out: dict[str, Location], home: Location | None = None
) -> Location:
    """A city part resolves to the city the article is about (its most-named town, else the
    outlet's home town ``home``), near it."""
    towns = [
        (len(groups[k]), -min(m.span[0] for m in groups[k]), k)
        for k, loc in out.items()
        if loc.feature_class == "P" and loc.precision == "exact"
    ]
    if towns:
        city, why = out[max(towns)[2]], "the town the article names most"
    elif is_town(home):
        city, why = home, "the outlet's home town"
    else:
        return make_location(text, "unknown", f"'{text}' is part of a city the article does not name")
    return part_of(city, f"{city.name}, {why}", text, "is part of a city")
