"""find_claims and article_toll: casualty figures as claims, read with real spaCy.

Three parts: the seed example's expected figures, a table of sentences written here in the
styles of wire reports, local crime news and official statements, and the one-article toll.
"""

from __future__ import annotations

import re

import pytest

from sitrep.extract.figures import article_toll, find_claims


def norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip()


def claims_of(nlp, text: str):
    doc = nlp(text)
    return [c for sent in doc.sents for c in find_claims(sent, "t")]


def _row(c) -> tuple:
    return (c.what, c.group, c.low, c.high, c.qualifier, c.claimant_kind)


# ------------------------------------------------------------------ the seed example

# expected.json names claimants in words; the kind an analyst gives each.
KIND = {
    "two security sources": "security_source",
    "security sources": "security_source",
    "a civil society activist": "civil_society",
    "a military source": "security_source",
    "Mali's army": "official",
    "a hospital employee": "medical",
    "JNIM (claim by the perpetrator)": "perpetrator",
}
WHAT = {"fatalities": "killed", "wounded": "wounded", "captured": "captured", "arrested": "arrested"}


def _seed_claims(expected):
    for inc in expected["incidents"]:
        for field, what in WHAT.items():
            for claim in (inc.get(field) or {}).get("claims", []):
                yield inc["key"], what, claim


def test_seed_figures_are_found(nlp, expected, seed_texts):
    docs = {aid: nlp(text) for aid, text in seed_texts.items()}
    checked = 0
    for key, what, exp in _seed_claims(expected):
        doc = docs[exp["origin"]]
        needle = re.sub(r"['\"]", "", norm_text(exp["text"].split(" (")[0])).lower()
        sents = [s for s in doc.sents if needle in re.sub(r"['\"]", "", norm_text(s.text)).lower()]
        assert sents, (key, exp["text"])
        found = [c for s in sents for c in find_claims(s) if c.what == what]
        # A bare "dozens" (the headline) states no group: unspecified is then the honest reading.
        groups = {exp.get("group"), None} if needle == "dozens" else {exp.get("group")}
        match = [
            c
            for c in found
            if c.low == exp["low"]
            and c.high == exp["high"]
            and (exp.get("group") is None or c.group in groups)
            and (exp.get("qualifier") is None or c.qualifier == exp["qualifier"])
        ]
        assert match, (key, exp["text"], [_row(c) for c in found])
        kind = KIND.get(exp["attributed_to"])
        if kind:  # the sentence that names this claimant gives this kind
            assert any(c.claimant_kind == kind for c in match), (
                key,
                exp["text"],
                [c.attributed_to for c in match],
            )
        assert all(c.scope == "incident" for c in match)
        checked += 1
    assert checked >= 12


def test_seed_shared_figure(nlp, seed_texts):
    doc = nlp(seed_texts["000_637d78b309cbb5dc"])
    sent = next(s for s in doc.sents if "two attacks" in s.text)
    [claim] = find_claims(sent)
    assert (claim.what, claim.low, claim.high, claim.scope) == ("killed", 101, None, "shared")
    assert claim.claimant_kind == "security_source"
    assert doc.text[claim.span[0] : claim.span[1]] == claim.text
    assert doc.text[claim.quote_span[0] : claim.quote_span[1]] == claim.quote == sent.text.rstrip()


def test_seed_not_incidents(nlp, expected, seed_texts):
    docs = [nlp(t) for t in seed_texts.values()]
    for item in expected["not_incidents"]:
        needle = norm_text(item["text"]).lower()[:60]
        sents = [s for d in docs for s in d.sents if needle in norm_text(s.text).lower()]
        assert sents, item["text"]
        for s in sents:
            assert not [c for c in find_claims(s) if c.scope == "incident"], (item["text"], s.text)


def test_seed_nested_attribution(nlp, seed_texts):
    doc = nlp(seed_texts["004_9b07b6954dd56870"])
    sent = next(s for s in doc.sents if s.text.startswith("According to sources quoted by Reuters"))
    [claim] = find_claims(sent)
    assert claim.attributed_to == "sources quoted by Reuters"
    assert claim.credited_outlet == "Reuters"
    assert (claim.low, claim.qualifier, claim.group) == (31, "more_than", "soldiers")


# ------------------------------------------------------------------ the sentence table

N = None
K, W = "killed", "wounded"
# sentence -> expected claims (what, group, low, high, qualifier, claimant kind)
TABLE = [
    # wire reports
    (
        "Two security sources said more than 30 soldiers had been killed.",
        [(K, "soldiers", 31, N, "more_than", "security_source")],
    ),
    (
        "Gunmen killed at least 12 villagers in an overnight raid, a local official told Reuters.",
        [(K, "civilians", 12, N, "at_least", "official")],
    ),
    (
        "The attack killed 25 soldiers and wounded 18 others, the army said in a statement.",
        [(K, "soldiers", 25, 25, "exactly", "official"), (W, "soldiers", 18, 18, "exactly", "official")],
    ),
    (
        "Fighters from the group killed dozens of civilians in the village, residents said.",
        [(K, "civilians", 12, N, "vague", "witness")],
    ),
    (
        "At least 40 people were killed in the raid, according to a hospital source.",
        [(K, "people", 40, N, "at_least", "medical")],
    ),
    (
        "Nearly 200 soldiers were killed in the assault, according to two security sources.",
        [(K, "soldiers", 200, 200, "about", "security_source")],
    ),
    (
        "Islamic State said in a statement that its fighters had killed 15 soldiers.",
        [(K, "soldiers", 15, 15, "exactly", "perpetrator")],
    ),
    (
        "The group claimed it had killed 200 soldiers in the operation.",
        [(K, "soldiers", 200, 200, "exactly", "perpetrator")],
    ),
    (
        "Eleven police officers were killed when their patrol hit a roadside bomb, the interior ministry said.",
        [(K, "police", 11, 11, "exactly", "official")],
    ),
    (
        "Three civilians died and five were wounded, a rights group said.",
        [
            (K, "civilians", 3, 3, "exactly", "civil_society"),
            (W, "civilians", 5, 5, "exactly", "civil_society"),
        ],
    ),
    ("Hundreds of people have fled their homes, the United Nations said.", []),
    (
        "The fighting displaced thousands of people, the United Nations said.",
        [("displaced", "people", 1000, N, "vague", "official")],
    ),
    (
        "Gunmen abducted 20 students from the school, police said.",
        [("abducted", "civilians", 20, 20, "exactly", "official")],
    ),
    (
        "Twelve soldiers are missing after the ambush, an army spokesman said.",
        [("missing", "soldiers", 12, 12, "exactly", "official")],
    ),
    (
        "Security forces arrested 31 suspects, the army said.",
        [("arrested", "suspects", 31, 31, "exactly", "official")],
    ),
    (
        "The militants captured 40 soldiers after overrunning the base, a military source said.",
        [("captured", "soldiers", 40, 40, "exactly", "security_source")],
    ),
    ("The army said 13 jihadists had been killed.", [(K, "militants", 13, 13, "exactly", "official")]),
    (
        "About 50 insurgents were killed in air strikes, the defence ministry said.",
        [(K, "militants", 50, 50, "about", "official")],
    ),
    (
        "Scores of people were wounded in the blast, witnesses said.",
        [(W, "people", 10, N, "vague", "witness")],
    ),
    (
        "Several soldiers were wounded, an activist told the Associated Press.",
        [(W, "soldiers", 3, N, "vague", "civil_society")],
    ),
    (
        "A doctor at the hospital said 22 wounded people had been admitted.",
        [(W, "people", 22, 22, "exactly", "medical")],
    ),
    (
        "The attack killed at least 60 soldiers and wounded 40 more, a civil society activist told The Associated Press.",
        [
            (K, "soldiers", 60, N, "at_least", "civil_society"),
            (W, "soldiers", 40, 40, "exactly", "civil_society"),
        ],
    ),
    ("Up to 300 people may have been killed, a local leader said.", []),
    (
        "Two people were killed and 14 injured in the explosion, state television reported.",
        [(K, "people", 2, 2, "exactly", "media"), (W, "people", 14, 14, "exactly", "media")],
    ),
    (
        "Reuters reported that 17 fighters died in the clashes.",
        [(K, "militants", 17, 17, "exactly", "media")],
    ),
    (
        "More than 400 soldiers have been killed since the start of May.",
        [(K, "soldiers", 401, N, "more_than", "unknown")],
    ),
    (
        "At least 5,000 people have been killed in the conflict so far this year, the UN said.",
        [(K, "people", 5000, N, "at_least", "official")],
    ),
    (
        "More than 100 soldiers were killed in two attacks last week, security sources said.",
        [(K, "soldiers", 101, N, "more_than", "security_source")],
    ),
    (
        "The strike killed 12 people, including three children, medics said.",
        [(K, "people", 12, 12, "exactly", "medical"), (K, "children", 3, 3, "exactly", "medical")],
    ),
    (
        "According to sources quoted by Reuters, more than 30 soldiers were killed in the attack.",
        [(K, "soldiers", 31, N, "more_than", "unknown")],
    ),
    (
        "A hospital employee said one soldier died of his wounds and 10 other people were wounded.",
        [(K, "soldiers", 1, 1, "exactly", "medical"), (W, "people", 10, 10, "exactly", "medical")],
    ),
    (
        "The army said it had neutralised 14 terrorists and arrested 31 suspects.",
        [
            (K, "militants", 14, 14, "exactly", "official"),
            ("arrested", "suspects", 31, 31, "exactly", "official"),
        ],
    ),
    (
        "The bodies of 23 civilians were found in the village, a witness said.",
        [(K, "civilians", 23, 23, "exactly", "witness")],
    ),
    (
        "A suicide bomber killed five worshippers at the mosque, police said.",
        [(K, "civilians", 5, 5, "exactly", "official")],
    ),
    # local crime news
    (
        "A 25-year-old man was shot and killed Tuesday night, police said.",
        [(K, "people", 1, 1, "exactly", "official")],
    ),
    ("A woman was wounded in the shooting.", [(W, "people", 1, 1, "exactly", "unknown")]),
    ("Two men were injured, police said.", [(W, "people", 2, 2, "exactly", "official")]),
    ("The shooting victim died at the hospital.", [(K, "people", 1, 1, "exactly", "unknown")]),
    (
        "Two people were shot Saturday night, according to the sheriff's office.",
        [(W, "people", 2, 2, "exactly", "official")],
    ),
    (
        "A 17-year-old boy was fatally shot outside a convenience store, police said.",
        [(K, "children", 1, 1, "exactly", "official")],
    ),
    (
        "Officers found a man suffering from gunshot wounds; he was pronounced dead at the scene.",
        [
            (W, "people", 1, 1, "exactly", "unknown"),  # hit (includes_killed); the toll nets it out
            (K, "people", 1, 1, "exactly", "unknown"),
        ],
    ),
    (
        "Two people were shot, one fatally, police said.",
        [(W, "people", 2, 2, "exactly", "official"), (K, "people", 1, 1, "exactly", "official")],
    ),
    (
        "Three people were shot and one of them died, police said.",
        [(W, "people", 3, 3, "exactly", "official"), (K, None, 1, 1, "exactly", "official")],
    ),
    (
        "A man and a woman were killed in the shooting, the coroner's office said.",
        [(K, "people", 2, 2, "exactly", "medical")],
    ),
    (
        "Police said a gunman shot and killed two people before killing himself.",
        [(K, "people", 2, 2, "exactly", "official"), (K, "people", 1, 1, "exactly", "official")],
    ),
    (
        "Deputies arrested a 19-year-old man in connection with the shooting.",
        [("arrested", "people", 1, 1, "exactly", "unknown")],
    ),
    (
        "The victim, a 34-year-old father of two, was shot in the chest, witnesses said.",
        [(W, "people", 1, 1, "exactly", "witness")],
    ),
    (
        "A police officer was wounded in the exchange of gunfire, the department said.",
        [(W, "police", 1, 1, "exactly", "official")],
    ),
    (
        "Four people were injured, two of them critically, fire officials said.",
        [(W, "people", 4, 4, "exactly", "official")],
    ),
    ("Police said a man was found dead inside the apartment.", [(K, "people", 1, 1, "exactly", "official")]),
    (
        "A bystander was struck by a stray bullet but was not hurt.",
        [(W, "people", 0, 0, "exactly", "unknown")],
    ),
    ("The 1000 block of Main Street was closed after the shooting at 10:30 p.m. in 2015.", []),
    # negations
    ("No one was killed in the attack, the governor said.", [(K, None, 0, 0, "exactly", "official")]),
    ("There were no injuries, police said.", [(W, None, 0, 0, "exactly", "official")]),
    ("No soldiers were wounded, the army said.", [(W, "soldiers", 0, 0, "exactly", "official")]),
    ("The officers were not injured, the department said.", [(W, "police", 0, 0, "exactly", "official")]),
    ("It did not say whether any soldiers were killed.", []),
    # official statements
    (
        "The Ministry of Defence said 14 militants were neutralised during the operation.",
        [(K, "militants", 14, 14, "exactly", "official")],
    ),
    (
        "In its statement, the army said 8 soldiers were killed and 19 were wounded.",
        [(K, "soldiers", 8, 8, "exactly", "official"), (W, "soldiers", 19, 19, "exactly", "official")],
    ),
    (
        "The interior minister said 45 people were arrested after the protests.",
        [("arrested", "people", 45, 45, "exactly", "official")],
    ),
    (
        "Police spokesman John Smith said two officers were wounded.",
        [(W, "police", 2, 2, "exactly", "official")],
    ),
    # not figures
    ("Dozens of insurgents overran the base on Sunday.", []),
    ("A military source told the AP there were around 280 soldiers in the base.", []),
    ("The army could kill hundreds of fighters if the talks fail.", []),
    ("The 28-year-old suspect was booked into jail at 2 a.m.", []),
    ("Mali has been fighting jihadists since 2012.", []),
    # a shot victim who died is one death, not a wound ("found shot ... has died")
    (
        "A 40-year-old woman was suffering from a gunshot wound and died at the scene, police said.",
        [(K, "people", 1, 1, "exactly", "official")],
    ),
    (
        "A teenager who was found shot near the park has died, police said.",
        [(K, "people", 1, 1, "exactly", "official")],
    ),
    # shots fired are not people shot; "until" is not a report
    ("The officer fired one shot at the fleeing car.", []),
    ("Officers waited until one of them was hurt.", []),
    # "along with" joins victims as "and" does
    (
        "A clerk was killed along with a customer in the robbery, police said.",
        [(K, "people", 2, 2, "exactly", "official")],
    ),
    ("At least one more man was wounded, police said.", [(W, "people", 1, None, "at_least", "official")]),
    # spaCy's misreadings of "left/found someone hurt" and "had wounds"
    (
        "Deputies are searching for a gunman after a robbery that left one man critically injured.",
        [(W, "people", 1, 1, "exactly", "unknown")],
    ),
    ("When they arrived, officers found a man shot in the leg.", [(W, "people", 1, 1, "exactly", "unknown")]),
    (
        "Two of the victims had gunshot wounds to the lower body, the third managed to escape.",
        [(W, "people", 2, 2, "exactly", "unknown")],
    ),
    # an age set off by commas is not a count ("Girl, 7, shot ..." is one girl, not seven)
    (
        "Boy, 9, accidentally shot in head in southern Colorado dies.",
        [(K, "children", None, None, "none", "unknown")],
    ),
    (
        "Police found a man shot to death, along with two victims who had been stabbed.",
        [(K, "people", 1, 1, "exactly", "unknown"), (W, "people", 2, 2, "exactly", "unknown")],
    ),
    # a "by ..." agent makes the verb passive however spaCy parses it: the subject is the victim
    (
        "A 30-year-old man shot and killed by deputies Sunday had a warrant out for his arrest, the sheriff said.",
        [(K, "people", 1, 1, "exactly", "official")],
    ),
    # "pronounced the 19-year-old dead" ("dead" parsed as the object); "deceased" is "dead"
    ("Paramedics pronounced the 19-year-old dead at the scene.", [(K, None, 1, 1, "exactly", "unknown")]),
    ("The woman was later pronounced deceased at the hospital.", [(K, "people", 1, 1, "exactly", "unknown")]),
    # a name given an age is a person even when the entity tagger calls it an organisation
    (
        "Deputies are investigating the shooting death of 42-year-old Tanner Vale.",
        [(K, "people", 1, 1, "exactly", "unknown")],
    ),
    # taken to a hospital: hurt (a "shot" count the toll nets against the dead); driving oneself is not stated
    ("The boy was rushed to the hospital, police said.", [(W, "children", 1, 1, "exactly", "official")]),
    ("The suspect drove himself to the hospital.", []),
    # "after being shot": the victim is the subject of the main verb; "shot at" is fired at
    (
        "A teenager is recovering after being shot in the arm Friday night.",
        [(W, "people", 1, 1, "exactly", "unknown")],
    ),
    ("Officers returned fire after being shot at.", []),
    # "found a woman dead" parsed as a small clause: the woman is the victim, not the officers
    ("Officers found a woman dead inside the home.", [(K, "people", 1, 1, "exactly", "unknown")]),
    ("Neither officer was injured, the department said.", [(W, "police", 0, 0, "exactly", "official")]),
    # grazed by a bullet is hit; a wound that is the subject ("the wound was self-inflicted") is no person
    ("One person was grazed by a bullet, police said.", [(W, "people", 1, 1, "exactly", "official")]),
    ("Police said the gunshot wound was self-inflicted.", []),
    # the victim of a homicide or of a fatal shooting is dead; a victim of a shooting is not said to be
    ("The homicide victim was identified as Jason Reed.", [(K, None, 1, 1, "exactly", "unknown")]),
    (
        "Police released the name of the victim of a fatal shooting on Elm Street.",
        [(K, None, 1, 1, "exactly", "unknown")],
    ),
    ("The victim of the shooting was taken to a hospital.", [(W, "people", 1, 1, "exactly", "unknown")]),
    # "was struck" / "was hit" is a gunshot hit, unless a vehicle did it
    ("The driver was struck once in the back, police said.", [(W, "people", 1, 1, "exactly", "official")]),
    ("She was hit by a car in the parking lot.", []),
    # "found X with a gunshot wound" where spaCy hangs "with" on the verb: X is the one hurt
    (
        "Deputies discovered the teenager with a gunshot wound to the chest.",
        [(W, "people", 1, 1, "exactly", "unknown")],
    ),
    ("Officers found the gun with his fingerprints.", []),
    # an age on its own stands for one person
    (
        "Police said the 16-year-old was found shot near the school.",
        [(W, "people", 1, 1, "exactly", "official")],
    ),
]


@pytest.mark.parametrize("sentence,expected", TABLE, ids=[s[:40] for s, _ in TABLE])
def test_sentence_table(nlp, sentence, expected):
    got = [_row(c) for c in claims_of(nlp, sentence)]
    assert sorted(got, key=str) == sorted(expected, key=str)


def test_table_is_large_enough():
    assert len(TABLE) >= 60


@pytest.mark.parametrize(
    "sentence,field,value",
    [
        ("More than 400 soldiers have been killed since the start of May.", "scope", "aggregate"),
        (
            "At least 5,000 people have been killed in the conflict so far this year, the UN said.",
            "scope",
            "aggregate",
        ),
        ("Over 30 people have died in recent weeks.", "scope", "aggregate"),
        (
            "More than 100 soldiers were killed in two attacks last week, security sources said.",
            "scope",
            "shared",
        ),
        ("No one was killed in the attack, the governor said.", "negated", True),
        ("The attack killed 25 soldiers, the army said.", "scope", "incident"),
        (
            "According to sources quoted by Reuters, more than 30 soldiers were killed.",
            "credited_outlet",
            "Reuters",
        ),
        ("A local source told Reuters that 12 people were killed.", "credited_outlet", "Reuters"),
        (
            "Two security sources said more than 30 soldiers had been killed.",
            "attributed_to",
            "Two security sources",
        ),
        # history: a past year is another incident than this report's
        ("The city recorded its most killings since 2009, when 31 people were killed.", "scope", "aggregate"),
        ("Her brother was shot to death in 2008.", "scope", "aggregate"),
        ("A man was shot and killed on Jan. 27, 2015, police said.", "scope", "incident"),
        ("At least one more man was wounded, police said.", "reference", "additional"),
        ("There have been so many deaths in the last month in this city.", "scope", "aggregate"),
        # a figure joined to another by "and" shares its time phrase ("in the last month")
        (
            "Neighbors said there were so many shootings and so many deaths in the last month.",
            "scope",
            "aggregate",
        ),
        # "has since been upgraded" is not a running total
        (
            "The woman was rushed to the hospital in critical condition, where she has since been upgraded to stable.",
            "scope",
            "incident",
        ),
        # "another man" after a man who is not a casualty in the sentence is other than him, not a second victim
        (
            "A man who fled the state after the death of another man who was shot dead outside a bar has been sentenced.",
            "reference",
            "new",
        ),
        ("One man was declared dead at the scene, and another man died at the hospital.", "reference", "new"),
        # "the 2000 block of Oak Street" is an address, not a past year
        ("A man was killed in the 2000 block of Oak Street.", "scope", "incident"),
        # a headline's bare "Teen shot" names the victim the story goes on to tell about
        ("Teen shot outside mall, police say", "reference", "same"),
    ],
)
def test_claim_fields(nlp, sentence, field, value):
    claims = claims_of(nlp, sentence)
    assert claims and getattr(claims[0], field) == value


# Parses as spaCy gives them for a headline run into the body ("Jo Long, 67 - The Crime Report - ...").
# (words, heads, deps, pos, tags, lemmas, entities, expected (what, low) claims)
MISPARSES = [
    # the age after the name hangs on the name as a number: it is not a count
    (
        ["Ann", "Mora", ",", "67", "-", "Ann", "Mora", "died", "."],
        [1, 7, 1, 6, 3, 6, 7, 7, 7],
        ["compound", "nsubj", "punct", "nummod", "punct", "compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["NNP", "NNP", ",", "CD", ":", "NNP", "NNP", "VBD", "."],
        ["Ann", "Mora", ",", "67", "-", "Ann", "Mora", "die", "."],
        None,
        [("killed", 1)],
    ),
    # two subjects for one verb (the title's and the body's): the person is the one who died
    (
        ["Ann", "Mora", "-", "The", "Crime", "Report", "died", "."],
        [1, 6, 1, 5, 5, 6, 6, 6],
        ["compound", "nsubj", "punct", "det", "compound", "nsubj", "ROOT", "punct"],
        ["PROPN", "PROPN", "PUNCT", "DET", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["NNP", "NNP", ":", "DT", "NNP", "NNP", "VBD", "."],
        ["Ann", "Mora", "-", "the", "Crime", "Report", "die", "."],
        ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
        [("killed", 1)],
    ),
]


@pytest.mark.parametrize("words,heads,deps,pos,tags,lemmas,ents,expected", MISPARSES)
def test_headline_misparses(nlp, words, heads, deps, pos, tags, lemmas, ents, expected):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents)
    assert [(c.what, c.low) for c in find_claims(doc[:])] == expected


def test_subset_and_capture_without_number(nlp):
    claims = claims_of(nlp, "The strike killed 12 people, including three children, medics said.")
    assert [c.subset for c in sorted(claims, key=lambda c: c.low)] == [True, False]
    [cap] = claims_of(nlp, 'A military source said "all of those who didn\'t die were taken prisoner".')
    assert (cap.what, cap.low, cap.high, cap.qualifier) == ("captured", None, None, "none")


# ------------------------------------------------------------------ one article's toll


@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        ("A man was shot and killed Tuesday night. The victim died at the scene, police said.", 1, None),
        ("Two people were shot Saturday. One of them died at the hospital.", 1, 1),
        ("Two people were shot, one fatally, police said.", 1, 1),
        ("A man was shot and killed. A woman was also shot and was taken to a hospital.", 1, 1),
        ("A man and a woman were shot. Both were taken to the hospital, police said.", None, 2),
        ("Three people were killed. A fourth victim, a woman, was wounded.", 3, 1),
        (
            "Man killed in shooting. A 30-year-old man was shot and killed Sunday. He was pronounced dead.",
            1,
            None,
        ),
        ("Officers found a man suffering from gunshot wounds. He was pronounced dead at the scene.", 1, 0),
        ("Police found a man's body near the driveway. His body was next to the house.", 1, None),
        ("A man and a 15-year-old girl were shot Friday. The girl was taken to a hospital.", None, 2),
        (
            "Officers found one victim with gunshot wounds. A second victim was pronounced dead at the scene.",
            1,
            1,
        ),
        ("Two people were killed. One man died at the scene and another man died at a hospital.", 2, None),
        (
            "A boy was wounded in a shooting that hurt two others. Two others were treated for graze wounds.",
            None,
            3,
        ),
        ("A burglar was shot by a homeowner. Police said the homeowner was also shot.", None, 2),
        ("A man was killed Friday. In 2008, two men were shot to death at the same corner.", 1, None),
        # victims joined in one clause are different people, "his" or not; the killer's own death
        # after them is one more (a murder-suicide: GVA counts the shooter among the dead)
        (
            "A man opened fire at his home, killing his two young children as well as his wife. Police said he then killed himself.",
            4,
            None,
        ),
        # "also" on the first of two joined verbs marks another victim
        (
            "A deputy shot and killed a man who fired at him. The deputy also accidentally shot and killed a bystander.",
            2,
            None,
        ),
    ],
)
def test_article_toll(nlp, text, killed, wounded):
    toll = article_toll(claims_of(nlp, text))
    assert (toll.get("killed") or (N, N, N))[1] == killed
    assert (toll.get("wounded") or (N, N, N))[1] == wounded
