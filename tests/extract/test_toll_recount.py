"""How many died, read with real spaCy when one article tells a death twice, tells an earlier
shooting's dead, or tells a shooter's own death: one victim told by two words is one ("a boy
killed himself ... the boy turned a gun on himself"); "both A and B" is two; the dead of a past
shooting told as background are not this one's; victims named one by one within a count already
told are of it; a shooter "among the dead" is in the count; a killer's suicide after his killings
is one more (GVA counts the shooter among the killed). Each row is a short report written for this
test (no dev-set sentence)."""

from __future__ import annotations

import pytest

from support.tolls import toll_of


@pytest.mark.parametrize(
    "text, killed, injured",
    [
        # one who took his own life, told by two phrasings in one sentence
        (
            "A 15-year-old boy killed himself at his home in Salem on Monday; the boy turned a gun"
            " on himself after an argument with his father.",
            1,
            0,
        ),
        ("A boy was found dead at his home in Lodi. The boy killed himself, police said.", 1, 0),
        # "both" names two, however many commas the ages add
        ("Both Tom Reed and Ana Cruz died at the hospital in Yuma.", 2, 0),
        # the dead told with their own subject after "and", which the parser loses
        (
            "Two men were shot on Oak Street on Friday night. Both victims were rushed to a"
            " hospital, and the older man was later pronounced dead.",
            1,
            1,
        ),
        # a part of the shot who died is a part, not the count of the dead
        ("Six people were shot at a party in Dover on Sunday, including two women who were killed.", 2, 4),
        # an earlier shooting's dead, told as background
        (
            "Three people were wounded in a shooting on Maple Avenue on Saturday. Neighbors said a"
            " man was killed in a previous shooting at the same corner.",
            0,
            3,
        ),
        (
            "A teen was found dead in a park in Tulsa on Friday. A man was killed at the same park months earlier.",
            1,
            0,
        ),
        # named one by one within the count the lead told
        (
            "Two men were killed in a shooting outside a bar in Enid early Sunday. Police identified"
            " one of them as Carl Moss, 31. Officials said Luis Vega, 27, also died.",
            2,
            0,
        ),
        # ... and are not netted out of the shot as other dead
        (
            "A gunman shot 10 people at a mall in Boise on Friday, leaving two people dead. Police"
            " said guard Tom Reed died at the scene. Shopper Ann Roe was also killed.",
            2,
            8,
        ),
        (
            "A quadruple shooting on Elm Street in Macon left four people hurt on Friday. Ann Roe, 3,"
            " suffered serious injuries. Tom Reed, Al Poe and Jo Cruz were also wounded.",
            0,
            4,
        ),
        # but a named death beyond a count of one is one more
        ("One man was killed on Elm Street in Enid. Officials said Luis Vega, 27, also died.", 2, 0),
        # the shooter among the dead: his suicide told alone is one of them
        (
            "Three people are dead after a shooting at a warehouse in Reno, and the gunman is among"
            " the dead. Police said the gunman shot two coworkers before killing himself.",
            3,
            0,
        ),
        # a killer's own death after his killings: a murder-suicide counts him too
        (
            "Police say a man shot and killed his two brothers at a farm near Ames. He then killed himself.",
            3,
            0,
        ),
        ("The man killed his wife and then himself at their home in Provo.", 2, 0),
        ("He fatally shot his two children and himself.", 3, 0),
        # the shooter's suicide, read in its own clause: others wounded before it do not undo it
        ("A gunman wounded three customers at a diner in Ames before turning the gun on himself.", 1, 3),
        # ... while one who lived is no death
        ("The gunman tried to turn the gun on himself but was stopped by a deputy.", 0, 0),
        ("A man died at his home in Ogden on Sunday. Police said he killed himself.", 1, 0),
        (
            "A 9-year-old girl has died. Police do not know why the man attacked her and her"
            " father before shooting and killing himself.",
            2,
            0,
        ),
        # a round-up's tally over several cases is no one incident's
        (
            "Four people were killed within three hours Friday, and detectives are treating the"
            " deaths as three separate homicide cases.",
            0,
            0,
        ),
        # a death whose subject is the shot told again is theirs
        (
            "Two men were shot on Elm Street late Friday. Both men were taken to a hospital, where they died.",
            2,
            0,
        ),
        # a death with its own subject in the clause is that one's, not the shot's
        (
            "Both were taken to a hospital in Joliet, where the gunman died and the clerk was listed in"
            " stable condition.",
            1,
            1,
        ),
    ],
)
def test_recount(nlp, text, killed, injured):
    assert toll_of(nlp, text) == (killed, injured)
