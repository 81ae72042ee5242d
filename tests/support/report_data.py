"""``seed_like_data()`` builds, by hand, the records the pipeline should produce for the five seed
articles (expected.json): it is the fixture the browser tests open too.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.records import (
    AlignedPair,
    Article,
    Conflict,
    Direction,
    Figure,
    FigureClaim,
    Incident,
    IncidentActor,
    IncidentDate,
    Lineage,
    Location,
    OffsetMap,
    OtherFigure,
    Range,
    Rejection,
    ReuseEdge,
)
from sitrep.report import ReportData
from support.seed_records import A0, A1, A2, A3, A4

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds" / "articles"


def make_article(aid: str, drop: list[str] = (), **meta) -> Article:
    """An Article from a seed file, cleaned by deleting the given raw passages (offsets kept)."""
    raw = (SEEDS / f"{aid}.txt").read_text(encoding="utf-8")
    cuts = sorted((raw.index(p), raw.index(p) + len(p)) for p in drop)
    segments, clean, pos = [], [], 0
    for start, end in cuts + [(len(raw), len(raw))]:
        if start > pos:
            segments.append((sum(map(len, clean)), pos, start - pos))
            clean.append(raw[pos:start])
        pos = max(pos, end)
    return Article(
        article_id=aid,
        input=f"seeds/{aid}.txt",
        format="txt",
        raw_text=raw,
        clean_text="".join(clean),
        offsets=OffsetMap(segments=segments),
        **meta,
    )


def make_claim(
    art: Article,
    text: str,
    quote: str,
    low,
    high,
    qualifier: str,
    group: str,
    who: str,
    kind: str,
    origin: str,
    echoes=(),
    outlet=None,
    shared_with=(),
) -> FigureClaim:
    """A figure claim whose quote and span point into the article's raw text."""
    at = art.raw_text.index(quote)
    start = at + quote.index(text)
    return FigureClaim(
        text=text,
        low=low,
        high=high,
        qualifier=qualifier,
        group=group,
        attributed_to=who,
        claimant_kind=kind,
        article_id=art.article_id,
        origin=origin,
        quote=quote,
        char_span=(start, start + len(text)),
        outlet=outlet or art.outlet,
        echoes=list(echoes),
        shared_with=list(shared_with),
    )


def seed_like_data() -> ReportData:
    """Records mirroring the seeds: Boulkessi (31+ vs 60+), Timbuktu (13 vs 14), passing incidents."""
    a0 = make_article(
        A0,
        drop=[
            "This article was produced by Reuters news agency. It has not been edited by Global South World.",
            "You may be interested in\n\n/\n/\n/\n/\n/\n/\n/",
        ],
        title="Insurgents kill dozens in Mali base and attack Timbuktu, sources say",
        outlet="Reuters",
        published="2025-06-02",
        url="https://www.reuters.example/world/africa/mali-base",
    )
    a1 = make_article(
        A1,
        drop=[
            "By contributor Baba Ahmed, Associated Press\n",
            "Supporting image for story: Extremists kill dozens of soldiers at a Mali military base, sources say\n",
            "Leader of Mali’s ruling junta Lt Col Assimi Goita (PA)\n",
        ],
        title="Extremists kill dozens of soldiers at a Mali military base, sources say",
        outlet="Associated Press",
        published="2025-06-03",
        author="Baba Ahmed",
        url="https://apnews.example/article/mali-boulkessi",
    )
    a2, a3 = make_article(A2), make_article(A3)
    a4 = make_article(A4, drop=["³"])
    arts = {a.article_id: a for a in (a0, a1, a2, a3, a4)}

    sec = make_claim(
        a0,
        "more than 30 soldiers",
        "Two security sources said more than 30 soldiers had been killed.",
        31,
        None,
        "more_than",
        "soldiers",
        "two security sources",
        "security_source",
        A0,
        echoes=[A3, A4],
    )
    sec_echo = make_claim(
        a3,
        "over 30 Malian soldiers",
        "According to two security sources, over 30 Malian soldiers were killed during the assault on Sunday.",
        31,
        None,
        "more_than",
        "soldiers",
        "two security sources",
        "security_source",
        A0,
    )
    activist = make_claim(
        a1,
        "at least 60 soldiers",
        "The attack on Sunday on the base in Boulkessi, near the border with Burkina Faso, killed at least 60 soldiers and wounded 40 more, a civil society activist in the area told The Associated Press.",
        60,
        None,
        "at_least",
        "soldiers",
        "a civil society activist",
        "civil_society",
        A1,
        echoes=[A2],
    )
    dozens = make_claim(
        a0,
        "dozens",
        "Insurgents kill dozens in Mali base and attack Timbuktu, sources say",
        12,
        None,
        "vague",
        "soldiers",
        "headline",
        "media",
        A0,
    )
    wounded = make_claim(
        a1,
        "wounded 40 more",
        activist.quote,
        40,
        40,
        "exactly",
        "soldiers",
        "a civil society activist",
        "civil_society",
        A1,
    )
    boulkessi = Incident(
        incident_id="inc-boulkessi",
        event_type="battles",
        sub_event_type="non_state_actor_overtakes_territory",
        label="JNIM overran the army base at Boulkessi; the army withdrew",
        summary="JNIM overran the army base at Boulkessi on Sunday 1 June 2025; more than 30 soldiers were killed according to two security sources (Reuters), at least 60 according to a civil society activist (AP).",
        date=IncidentDate(start="2025-06-01", end="2025-06-01", precision="day", text=["on Sunday"]),
        location=Location(
            name="Boulkessi",
            country_code="ML",
            admin1="Mopti",
            lat=15.05,
            lon=-1.93,
            precision="exact",
            reason="named town; 'near the border with Burkina Faso' agrees",
        ),
        actors=[
            IncidentActor(
                name="JNIM",
                aliases=["Jama'a Nusrat ul-Islam wa al-Muslimin"],
                role="perpetrator",
                kind="islamist_group",
            ),
            IncidentActor(name="Malian armed forces", role="target", kind="state_forces"),
        ],
        fatalities=Figure(
            low=31,
            best=31,
            high=None,
            by_group={"soldiers": Range(low=31, best=31, high=None)},
            claims=[sec, sec_echo, activist, dozens],
        ),
        wounded=Figure(low=40, best=40, high=40, claims=[wounded]),
        captured=Figure(
            claims=[
                make_claim(
                    a1,
                    "all of those who didn’t die were taken prisoner",
                    "A military source told the AP there were around 280 soldiers in the base, and “all of those who didn’t die were taken prisoner by the terrorists”.",
                    None,
                    None,
                    "none",
                    "soldiers",
                    "a military source",
                    "security_source",
                    A1,
                )
            ]
        ),
        articles=[A0, A1, A2, A3, A4],
        independent_origins=2,
        origins=[A0, A1],
        conflicts=[
            Conflict(
                field="fatalities",
                explanation="more than 30 (Reuters: two security sources) vs at least 60 (AP: a civil society activist)",
            )
        ],
    )

    army13 = make_claim(
        a0,
        "13 jihadists",
        "Mali's army said on X on Monday afternoon that the situation was under control and that 13 jihadists had been killed.",
        13,
        13,
        "exactly",
        "militants",
        "Mali's army",
        "official",
        A0,
    )
    army13b = make_claim(
        a1,
        "13 extremists",
        "Mali’s army said on social media it repelled the attack and that 13 extremists had been killed.",
        13,
        13,
        "exactly",
        "militants",
        "Mali's army",
        "official",
        A1,
        echoes=[A2],
    )
    army14 = make_claim(
        a4,
        "14 militants",
        "Mali’s army stated that it repelled an “infiltration attempt by terrorist fighters” in Timbuktu, “neutralising” 14 militants and arresting 31 suspects.",
        14,
        14,
        "exactly",
        "militants",
        "Mali's army",
        "official",
        A4,
    )
    soldier = make_claim(
        a1,
        "one soldier",
        "A hospital employee in the town said one soldier died of his wounds and 10 other people were wounded.",
        1,
        1,
        "exactly",
        "soldiers",
        "a hospital employee",
        "medical",
        A1,
    )
    timbuktu = Incident(
        incident_id="inc-timbuktu",
        event_type="battles",
        sub_event_type="armed_clash",
        label="JNIM attacked the airport, a base and checkpoints in Timbuktu; the army says it repelled it",
        date=IncidentDate(start="2025-06-02", end="2025-06-02", precision="day", text=["on Monday"]),
        location=Location(
            name="Timbuktu", country_code="ML", admin1="Tombouctou", lat=16.773, lon=-3.007, precision="exact"
        ),
        actors=[
            IncidentActor(name="JNIM", role="perpetrator", kind="islamist_group"),
            IncidentActor(name="Malian armed forces", role="target", kind="state_forces"),
            IncidentActor(name="Russian mercenaries", role="target", kind="foreign_forces"),
        ],
        fatalities=Figure(
            low=14,
            best=14,
            high=15,
            claims=[army13, army13b, army14, soldier],
            by_group={"militants": Range(low=13, best=13, high=14), "soldiers": Range(low=1, best=1, high=1)},
        ),
        wounded=Figure(
            low=10,
            best=10,
            high=10,
            claims=[
                make_claim(
                    a1,
                    "10 other people",
                    soldier.quote,
                    10,
                    10,
                    "exactly",
                    "people",
                    "a hospital employee",
                    "medical",
                    A1,
                )
            ],
        ),
        other_figures=[
            OtherFigure(
                what="arrested",
                figure=Figure(
                    low=31,
                    best=31,
                    high=31,
                    claims=[
                        make_claim(
                            a4,
                            "31 suspects",
                            army14.quote,
                            31,
                            31,
                            "exactly",
                            "people",
                            "Mali's army",
                            "official",
                            A4,
                        )
                    ],
                ),
            )
        ],
        articles=[A0, A1, A2, A3, A4],
        independent_origins=3,
        origins=[A0, A1, A4],
        conflicts=[
            Conflict(
                field="fatalities",
                explanation="13 militants (Mali's army via Reuters and AP) vs 14 (Mali's army via article 004)",
            )
        ],
    )

    def passing(
        key,
        name,
        cc,
        lat,
        lon,
        precision,
        start,
        end,
        dprec,
        words,
        claims=(),
        low=None,
        high=None,
        shared=(),
    ):
        fig = Figure(low=low, best=low, high=high, claims=list(claims), shared_claims=list(shared))
        return Incident(
            incident_id=f"inc-{key}",
            event_type="battles",
            sub_event_type="armed_clash",
            label=f"JNIM attack in {name}",
            date=IncidentDate(start=start, end=end, precision=dprec, text=words),
            location=Location(
                name=name,
                country_code=cc,
                lat=lat,
                lon=lon,
                precision=precision,
                reason="region named in the text" if precision == "admin1" else None,
            ),
            actors=[IncidentActor(name="JNIM", role="perpetrator", kind="islamist_group")],
            fatalities=fig,
            articles=[A0, A3],
            independent_origins=1,
            origins=[A0],
        )

    dioura_q = "On May 24, it said it had assaulted a base in Dioura, in central Mali, killing 40 soldiers."
    djibo_q = "In neighbouring Burkina Faso, JNIM claimed attacks on military positions and the town of Djibo in mid-May in which it said it had killed 200 soldiers."
    niger_q = "And in Niger, more than 100 soldiers were killed in two attacks in the Tahoua region on May 24 and the Dosso region on May 26, security sources said."
    shared = lambda other: make_claim(
        a0,
        "more than 100 soldiers",
        niger_q,
        101,
        None,
        "more_than",
        "soldiers",
        "security sources",  # noqa: E731
        "security_source",
        A0,
        echoes=[A3],
        shared_with=[other],
    )
    incidents = [
        boulkessi,
        timbuktu,
        passing(
            "dioura",
            "Dioura",
            "ML",
            14.84,
            -5.25,
            "exact",
            "2025-05-24",
            "2025-05-24",
            "day",
            ["On May 24"],
            [
                make_claim(
                    a0,
                    "killing 40 soldiers",
                    dioura_q,
                    40,
                    40,
                    "exactly",
                    "soldiers",
                    "JNIM",
                    "perpetrator",
                    A0,
                    echoes=[A3],
                )
            ],
            low=40,
            high=40,
        ),
        passing(
            "sirakorola",
            "Sirakorola",
            "ML",
            13.09,
            -7.07,
            "exact",
            "2025-05-30",
            "2025-05-30",
            "day",
            ["Last Friday"],
        ),
        passing(
            "djibo",
            "Djibo",
            "BF",
            14.099,
            -1.627,
            "exact",
            "2025-05-11",
            "2025-05-20",
            "part_of_month",
            ["mid-May"],
            [
                make_claim(
                    a0,
                    "killed 200 soldiers",
                    djibo_q,
                    200,
                    200,
                    "exactly",
                    "soldiers",
                    "JNIM",
                    "perpetrator",
                    A0,
                    echoes=[A3],
                )
            ],
            low=200,
            high=200,
        ),
        passing(
            "tahoua",
            "Tahoua",
            "NE",
            15.6,
            5.3,
            "admin1",
            "2025-05-24",
            "2025-05-24",
            "day",
            ["on May 24"],
            shared=[shared("inc-dosso")],
        ),
        passing(
            "dosso",
            "Dosso",
            "NE",
            13.3,
            3.4,
            "admin1",
            "2025-05-26",
            "2025-05-26",
            "day",
            ["on May 26"],
            shared=[shared("inc-tahoua")],
        ),
    ]
    lineage = {
        A0: Lineage(article_id=A0, origin=A0, independent_group="g0"),
        A1: Lineage(article_id=A1, origin=A1, independent_group="g1"),
        A2: Lineage(article_id=A2, derived_from=A1, origin=A1, independent_group="g1"),
        A3: Lineage(article_id=A3, derived_from=A0, origin=A0, independent_group="g0"),
        A4: Lineage(article_id=A4, origin=A4, independent_group="g4"),
    }

    def pair(src: Article, der: Article, s: str, d: str, score: float) -> AlignedPair:
        i, j = src.raw_text.index(s), der.raw_text.index(d)
        return AlignedPair(
            source_span=(i, i + len(s)),
            derived_span=(j, j + len(d)),
            source_text=s,
            derived_text=d,
            score=score,
        )

    edges = [
        ReuseEdge(
            source=A1,
            derived=A2,
            kind="paraphrase",
            coverage=0.9,
            direction=Direction(confidence=0.8, reasons=["source published first"]),
            aligned=[
                pair(
                    a1,
                    a2,
                    activist.quote,
                    "On Sunday, a military base located in Boulkessi, close to the Burkina Faso border, was targeted, resulting in the deaths of at least 60 soldiers and injuries to 40 others, as reported by a civil society activist from the area.",
                    0.83,
                ),
                pair(
                    a1,
                    a2,
                    "A hospital employee in the town said one soldier died of his wounds and 10 other people were wounded.",
                    "A local hospital staff member reported the death of a soldier from his injuries, along with ten others who were wounded.",
                    0.78,
                ),
            ],
        ),
        ReuseEdge(
            source=A0,
            derived=A3,
            kind="paraphrase",
            coverage=0.8,
            direction=Direction(confidence=0.7),
            aligned=[
                pair(a0, a3, sec.quote, sec_echo.quote, 0.74),
                pair(
                    a0,
                    a3,
                    dioura_q,
                    "On May 24, the group said it attacked a base in Dioura, central Mali, killing 40 soldiers.",
                    0.91,
                ),
            ],
        ),
        ReuseEdge(
            source=A0,
            derived=A4,
            kind="partial",
            coverage=0.18,
            direction=Direction(confidence=0.6),
            aligned=[
                pair(
                    a0,
                    a4,
                    "Two security sources said more than 30 soldiers had been killed.",
                    "According to sources quoted by Reuters, more than 30 soldiers were killed in the attack, although this figure has not been confirmed by authorities.",
                    0.66,
                )
            ],
        ),
    ]
    rejected = [
        Rejection(
            input="inbox/broken.warc.gz",
            reason="not a WARC file: the gzip stream ends early",
            code="bad_warc",
        ),
        Rejection(input="inbox/empty.txt", reason="the file is empty", code="empty"),
    ]
    return ReportData(
        incidents=incidents,
        articles=list(arts.values()),
        lineage=lineage,
        edges=edges,
        rejected=rejected,
        duplicates=[("mirror/000_copy.txt", A0)],
        run_info={"generated": "2025-06-04 09:00 UTC", "inputs": "examples/seeds"},
    )


HOSTILE = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "</style><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--",
    "]]>",
    "'\u2028\u2029",
]


def hostile_data() -> ReportData:
    """The seed fixture with hostile strings in every text field a source controls."""
    data = seed_like_data()
    payload = " ".join(HOSTILE)
    for k, art in enumerate(data.articles):
        art.title = payload
        art.outlet = HOSTILE[k % len(HOSTILE)]
        art.url = "javascript:window.__pwned=1" if k % 2 else 'https://x.example/"><script>alert(1)</script>'
        art.clean_text = payload + "\n" + art.clean_text
        art.offsets = OffsetMap(segments=[])
    for inc in data.incidents:
        inc.label = payload
        inc.summary = payload
        inc.location.name = payload
        inc.date.text = [payload]
        for claim in inc.fatalities.claims:
            claim.attributed_to, claim.outlet, claim.quote, claim.text = (
                payload,
                payload,
                payload + claim.quote,
                payload,
            )
    data.rejected.append(Rejection(input=payload, reason=payload, code=payload))
    data.run_info["note"] = payload
    return data
