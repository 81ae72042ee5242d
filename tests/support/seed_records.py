"""Hand-built extraction records for the five seed articles, as the extract/geo/reuse stages are
meant to produce them: claims, quotes and spans are found in the real seed texts, so a wrong
phrase fails loudly here instead of silently testing nothing."""

from __future__ import annotations

from sitrep.records import (
    ActorMention,
    Article,
    ArticleExtraction,
    Claim,
    DateInfo,
    IncidentMention,
    Lineage,
    Location,
    OffsetMap,
    Outcome,
    PlaceMention,
)

A0, A1, A2, A3, A4 = (
    "000_637d78b309cbb5dc",
    "001_5fd46db9fb16ef00",
    "002_d621ef57b203f649",
    "003_a5aecea2bd63faf4",
    "004_9b07b6954dd56870",
)
OUTLETS = {A0: ("Reuters", "2025-06-02"), A1: ("Associated Press", "2025-06-03")}

MALI = dict(
    name="Mali",
    country_code="ML",
    lat=17.0,
    lon=-4.0,
    precision="country",
    geonameid=2453866,
    reason="town not in gazetteer; country from context",
)
TIMBUKTU = dict(
    name="Timbuktu",
    country_code="ML",
    admin1="Tombouctou",
    lat=16.77348,
    lon=-3.00742,
    precision="exact",
    geonameid=2449067,
)
DJIBO = dict(
    name="Djibo",
    country_code="BF",
    admin1="Sahel",
    lat=14.09864,
    lon=-1.62665,
    precision="exact",
    geonameid=2361177,
)
TAHOUA = dict(name="Tahoua", country_code="NE", admin1="Tahoua", lat=15.5, lon=5.0, precision="admin1")
DOSSO = dict(name="Dosso", country_code="NE", admin1="Dosso", lat=13.5, lon=3.5, precision="admin1")

JNIM = dict(
    name="Jama'at Nusrat al-Islam wal-Muslimin", aliases=["JNIM"], kind="islamist_group", role="perpetrator"
)
FAMA = dict(name="Malian armed forces", text="army", kind="state_forces", role="target")


def _sentence(text: str, start: int) -> tuple[int, int]:
    s = max(
        text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
        text.rfind("\n", 0, start) + 1,
    )
    ends = [i for i in (text.find(". ", start), text.find("\n", start)) if i >= 0]
    e = min(ends) + 1 if ends else len(text)
    return s, e


class Builder:
    def __init__(self, aid: str, text: str):
        self.aid, self.text, self.n_claims, self.n_mentions = aid, text, 0, 0

    def span(self, phrase: str, after: str = "") -> tuple[int, int]:
        base = self.text.index(after) if after else 0
        i = self.text.index(phrase, base)  # raises when the phrase is not in the article
        return i, i + len(phrase)

    def claim(self, phrase, what, group, low, high, qualifier, attributed, kind, after="", **kw):
        self.n_claims += 1
        s, e = self.span(phrase, after)
        qs, qe = _sentence(self.text, s)
        return Claim(
            claim_id=f"{self.aid}#c{self.n_claims}",
            article_id=self.aid,
            what=what,
            group=group,
            low=low,
            high=high,
            qualifier=qualifier,
            text=phrase,
            span=(s, e),
            quote=self.text[qs:qe].strip(),
            quote_span=(qs, qe),
            attributed_to=attributed,
            claimant_kind=kind,
            **kw,
        )

    def place(self, phrase, loc=None, after=""):
        s, e = self.span(phrase, after)
        return PlaceMention(text=phrase, span=(s, e), resolved=Location(**loc) if loc else None)

    def mention(
        self, label, places, loc, date, claims=(), actors=(JNIM, FAMA), outcomes=(), sub="armed_clash", **kw
    ):
        self.n_mentions += 1
        acts = [ActorMention(**{"text": a.get("aliases", [a["name"]])[0], **a}) for a in actors]
        return IncidentMention(
            mention_id=f"{self.aid}#m{self.n_mentions}",
            article_id=self.aid,
            label=label,
            event_type="battles",
            sub_event_type=sub,
            date=date,
            places=places,
            location=Location(**loc) if loc else None,
            actors=acts,
            claims=list(claims),
            outcomes=list(outcomes),
            **kw,
        )


def day(d, text, relative=False):
    return DateInfo(start=d, end=d, precision="day", text=[text], relative=relative)


def undated(text, reason="no publication date to resolve against"):
    return DateInfo(text=[text] if text else [], relative=bool(text), reason=reason)


def out(outcome, phrase, who, kind):
    return Outcome(outcome=outcome, text=phrase, attributed_to=who, claimant_kind=kind)


def article(aid, text):
    outlet, published = OUTLETS.get(aid, (None, None))
    return Article(
        article_id=aid,
        input=f"articles/{aid}.txt",
        format="txt",
        raw_text=text,
        clean_text=text,
        offsets=OffsetMap(),
        outlet=outlet,
        published=published,
        language="en",
    )


def seed_records(texts: dict[str, str]):
    """(extractions, articles, lineage) for the seeds, mirroring what the stages produce."""
    ex = {}
    b = Builder(A0, texts[A0])
    mon = "Mali's army"
    shared = b.claim(
        "more than 100 soldiers",
        "killed",
        "soldiers",
        101,
        None,
        "more_than",
        "security sources",
        "security_source",
        scope="shared",
        covers=[f"{A0}#m6", f"{A0}#m7"],
    )
    ms = [
        b.mention(
            "JNIM overran the army base at Boulkessi",
            [b.place("Boulkessi", MALI)],
            MALI,
            day("2025-06-01", "on Sunday", True),
            sub="non_state_actor_overtakes_territory",
            claims=[
                b.claim(
                    "more than 30 soldiers",
                    "killed",
                    "soldiers",
                    31,
                    None,
                    "more_than",
                    "Two security sources",
                    "security_source",
                    after="Two security",
                ),
                b.claim("dozens", "killed", "soldiers", 12, None, "vague", None, "media"),
                b.claim(
                    "many dead",
                    "killed",
                    "people",
                    10,
                    None,
                    "vague",
                    "A municipal source at Mondoro",
                    "official",
                ),
            ],
            outcomes=[out("withdrew", "forced to pull back", "The Malian army", "official")],
        ),
        b.mention(
            "JNIM attacked Timbuktu",
            [b.place("Timbuktu", TIMBUKTU)],
            TIMBUKTU,
            day("2025-06-02", "on Monday", True),
            claims=[b.claim("13 jihadists", "killed", "jihadists", 13, 13, "exactly", mon, "official")],
        ),
        b.mention(
            "JNIM says it assaulted a base in Dioura",
            [b.place("Dioura", MALI)],
            MALI,
            day("2025-05-24", "On May 24"),
            in_passing=True,
            claims=[
                b.claim("killing 40 soldiers", "killed", "soldiers", 40, 40, "exactly", "JNIM", "perpetrator")
            ],
        ),
        b.mention(
            "JNIM says it seized a base in Sirakorola",
            [b.place("Sirakorola", MALI)],
            MALI,
            day("2025-05-30", "Last Friday", True),
            in_passing=True,
            outcomes=[
                out("seized", "seized a base", "JNIM", "perpetrator"),
                out("repelled", "repelled the attack", "the army", "official"),
            ],
        ),
        b.mention(
            "JNIM attacked Djibo",
            [b.place("Djibo", DJIBO)],
            DJIBO,
            DateInfo(start="2025-05-11", end="2025-05-20", precision="part_of_month", text=["in mid-May"]),
            in_passing=True,
            claims=[
                b.claim(
                    "killed 200 soldiers", "killed", "soldiers", 200, 200, "exactly", "JNIM", "perpetrator"
                )
            ],
        ),
        b.mention(
            "Attack in the Tahoua region",
            [b.place("Tahoua region", TAHOUA)],
            TAHOUA,
            day("2025-05-24", "on May 24", False),
            actors=(),
            in_passing=True,
            claims=[shared],
        ),
        b.mention(
            "Attack in the Dosso region",
            [b.place("Dosso region", DOSSO)],
            DOSSO,
            day("2025-05-26", "May 26", False),
            actors=(),
            in_passing=True,
            claims=[shared],
        ),
    ]
    aggregate = b.claim(
        "More than 400 soldiers",
        "killed",
        "soldiers",
        401,
        None,
        "more_than",
        None,
        "media",
        scope="aggregate",
    )
    ex[A0] = ArticleExtraction(article_id=A0, mentions=ms, context_claims=[aggregate])

    b = Builder(A1, texts[A1])
    ex[A1] = ArticleExtraction(
        article_id=A1,
        mentions=[
            b.mention(
                "Extremists killed dozens of soldiers at the Boulkessi base",
                [b.place("Boulkessi", MALI)],
                MALI,
                day("2025-06-01", "on Sunday", True),
                claims=[
                    b.claim(
                        "at least 60 soldiers",
                        "killed",
                        "soldiers",
                        60,
                        None,
                        "at_least",
                        "a civil society activist",
                        "civil_society",
                    ),
                    b.claim(
                        "wounded 40 more",
                        "wounded",
                        "soldiers",
                        40,
                        40,
                        "exactly",
                        "a civil society activist",
                        "civil_society",
                    ),
                    b.claim(
                        "dozens of soldiers",
                        "killed",
                        "soldiers",
                        12,
                        None,
                        "vague",
                        "civil society and military sources",
                        "unknown",
                    ),
                    b.claim(
                        "all of those who didn’t die were taken prisoner",
                        "captured",
                        "soldiers",
                        None,
                        None,
                        "none",
                        "A military source",
                        "security_source",
                    ),
                ],
            ),
            b.mention(
                "JNIM attacked Timbuktu",
                [b.place("Timbuktu", TIMBUKTU)],
                TIMBUKTU,
                day("2025-06-02", "on Monday", True),
                claims=[
                    b.claim("13 extremists", "killed", "extremists", 13, 13, "exactly", mon, "official"),
                    b.claim(
                        "one soldier died of his wounds",
                        "killed",
                        "soldiers",
                        1,
                        1,
                        "exactly",
                        "A hospital employee",
                        "medical",
                    ),
                    b.claim(
                        "10 other people were wounded",
                        "wounded",
                        "people",
                        10,
                        10,
                        "exactly",
                        "A hospital employee",
                        "medical",
                    ),
                ],
                outcomes=[out("repelled", "repelled the attack", mon, "official")],
            ),
        ],
    )

    b = Builder(A2, texts[A2])
    ex[A2] = ArticleExtraction(
        article_id=A2,
        mentions=[
            b.mention(
                "attack on a military base in Boulkessi",
                [b.place("Boulkessi", MALI)],
                MALI,
                undated("On Sunday"),
                claims=[
                    b.claim(
                        "at least 60 soldiers",
                        "killed",
                        "soldiers",
                        60,
                        None,
                        "at_least",
                        "a civil society activist",
                        "civil_society",
                    ),
                    b.claim(
                        "injuries to 40 others",
                        "wounded",
                        "soldiers",
                        40,
                        40,
                        "exactly",
                        "a civil society activist",
                        "civil_society",
                    ),
                    b.claim(
                        "dozens of soldiers dead",
                        "killed",
                        "soldiers",
                        12,
                        None,
                        "vague",
                        "civil society and military sources",
                        "unknown",
                    ),
                ],
            ),
            b.mention(
                "attacks in Timbuktu",
                [b.place("Timbuktu", TIMBUKTU)],
                TIMBUKTU,
                undated("on Monday"),
                claims=[
                    b.claim(
                        "13 extremists",
                        "killed",
                        "extremists",
                        13,
                        13,
                        "exactly",
                        "the Mali army",
                        "official",
                    ),
                    b.claim(
                        "the death of a soldier",
                        "killed",
                        "soldiers",
                        1,
                        1,
                        "exactly",
                        "A local hospital staff member",
                        "medical",
                    ),
                    b.claim(
                        "ten others who were wounded",
                        "wounded",
                        "people",
                        10,
                        10,
                        "exactly",
                        "A local hospital staff member",
                        "medical",
                    ),
                ],
            ),
        ],
    )

    b = Builder(A3, texts[A3])
    sh3 = b.claim(
        "over 100 soldiers",
        "killed",
        "soldiers",
        101,
        None,
        "more_than",
        "security sources",
        "security_source",
        scope="shared",
        covers=[f"{A3}#m5", f"{A3}#m6"],
    )
    ex[A3] = ArticleExtraction(
        article_id=A3,
        mentions=[
            b.mention(
                "JNIM captured the Boulkessi base",
                [b.place("Boulkessi", MALI)],
                MALI,
                undated("on Sunday"),
                sub="non_state_actor_overtakes_territory",
                claims=[
                    b.claim(
                        "over 30 Malian soldiers",
                        "killed",
                        "Malian soldiers",
                        31,
                        None,
                        "more_than",
                        "two security sources",
                        "security_source",
                    ),
                    b.claim(
                        "numerous fatalities",
                        "killed",
                        "people",
                        10,
                        None,
                        "vague",
                        "A municipal official from nearby Mondoro",
                        "official",
                    ),
                ],
                outcomes=[
                    out("seized", "captured the Boulkessi base", "JNIM", "perpetrator"),
                    out("withdrew", "had to withdraw", "The Malian army", "official"),
                ],
            ),
            b.mention(
                "JNIM attacked a base in Dioura",
                [b.place("Dioura", MALI)],
                MALI,
                undated("On May 24", "no year and no publication date"),
                in_passing=True,
                claims=[
                    b.claim(
                        "killing 40 soldiers",
                        "killed",
                        "soldiers",
                        40,
                        40,
                        "exactly",
                        "the group",
                        "perpetrator",
                    )
                ],
            ),
            b.mention(
                "JNIM claimed to have captured a base in Sirakorola",
                [b.place("Sirakorola", MALI)],
                MALI,
                undated("Last Friday"),
                in_passing=True,
                outcomes=[
                    out("seized", "captured a base", "JNIM", "perpetrator"),
                    out("repelled", "repelled the assault", "the army", "official"),
                ],
            ),
            b.mention(
                "JNIM attacks on Djibo",
                [b.place("Djibo", DJIBO)],
                DJIBO,
                undated("in mid-May"),
                in_passing=True,
                claims=[
                    b.claim("200 soldiers", "killed", "soldiers", 200, 200, "exactly", "JNIM", "perpetrator")
                ],
            ),
            b.mention(
                "Attack in Tahoua",
                [b.place("Tahoua", TAHOUA, after="In Niger")],
                TAHOUA,
                undated("May 24"),
                actors=(),
                in_passing=True,
                claims=[sh3],
            ),
            b.mention(
                "Attack in Dosso",
                [b.place("Dosso", DOSSO, after="In Niger")],
                DOSSO,
                undated("May 26"),
                actors=(),
                in_passing=True,
                claims=[sh3],
            ),
        ],
    )

    b = Builder(A4, texts[A4])
    ex[A4] = ArticleExtraction(
        article_id=A4,
        mentions=[
            b.mention(
                "JNIM attack on Boulikessi; army base seized",
                [b.place("Boulikessi")],
                None,
                undated(""),
                sub="non_state_actor_overtakes_territory",
                claims=[
                    b.claim(
                        "more than 30 soldiers",
                        "killed",
                        "soldiers",
                        31,
                        None,
                        "more_than",
                        "sources quoted by Reuters",
                        "security_source",
                        credited_outlet="Reuters",
                    ),
                    b.claim(
                        "many casualties",
                        "killed",
                        "people",
                        10,
                        None,
                        "vague",
                        "A local source",
                        "unknown",
                        credited_outlet="Reuters",
                    ),
                ],
                outcomes=[
                    out("seized", "the seizure of an army base", "JNIM", "perpetrator"),
                    out("withdrew", "“withdrawing”", mon, "official"),
                ],
            ),
            b.mention(
                "JNIM targeted the military in Timbuktu",
                [b.place("Timbuktu", TIMBUKTU)],
                TIMBUKTU,
                undated(""),
                claims=[
                    b.claim("14 militants", "killed", "militants", 14, 14, "exactly", mon, "official"),
                    b.claim(
                        "arresting 31 suspects", "arrested", "suspects", 31, 31, "exactly", mon, "official"
                    ),
                ],
                outcomes=[out("repelled", "repelled", mon, "official")],
            ),
        ],
    )

    articles = {aid: article(aid, texts[aid]) for aid in texts}
    lineage = {aid: Lineage(article_id=aid, origin=aid, independent_group=aid) for aid in texts}
    lineage[A2] = Lineage(article_id=A2, derived_from=A1, origin=A1, independent_group=A1)
    lineage[A3] = Lineage(article_id=A3, derived_from=A0, origin=A0, independent_group=A0)
    return ex, articles, lineage
