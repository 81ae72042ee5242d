"""A text's copies in the pile must not hide its rewrites from the reuse plan.

Copies of an article share every one of its rare names and numbers, so ranked with its other
matches they took the ``TOP_K`` rewrite places and the ``RELATIVE`` bar: a pile holding a few
syndicated copies of a story lost that story's rewrites (the 10,000-article scale run stored half
the 1,000 run's sentence vectors, docs/scale.md). Real cleaning, MinHash and sentence splitting.
"""

from __future__ import annotations

import pytest

from sitrep.clean import clean_document
from sitrep.records import Article, Document
from sitrep.reuse.candidates import TOP_COPIES
from sitrep.reuse.detect import plan_reuse

STORY = (
    "A fire broke out on the ferry Meridian Star near Karsholm harbour on Tuesday, officials said. "
    "Captain Ilse Brandvik ordered the 214 passengers onto the lifeboats. "
    "The Karsholm coastguard said 17 people were treated for smoke at Vellmar Hospital. "
    "Investigators from the Nordic Maritime Board will inspect the engine room, spokesman Tomas Ekdal said."
)
REWRITE = (
    "Officials said a blaze erupted aboard the Meridian Star ferry close to Karsholm harbour on Tuesday. "
    "The 214 passengers were sent to the lifeboats on the orders of Captain Ilse Brandvik. "
    "According to the Karsholm coastguard, Vellmar Hospital treated 17 people for smoke. "
    "Spokesman Tomas Ekdal said the Nordic Maritime Board would send investigators to the engine room."
)
# a shorter rewrite, keeping only some of the names: one copy of the story outweighs it twice over
SHORT = (
    "Officials said a blaze erupted aboard the Meridian Star ferry close to Karsholm harbour on Tuesday. "
    "The passengers were sent to the lifeboats on the orders of the captain. "
    "According to the coastguard, a local hospital treated several people for smoke."
)
OTHER = (
    "Farmers in the Oberlind valley blocked the road to Tessmar on Monday over the price of milk. "
    "Union leader Greta Holmqvist said 300 tractors took part and the protest would go on."
)


PREFIX = {"story": "story", "rewrite": "rewrite", "copies": "copy", "other": "other"}


def article(aid: str, text: str) -> Article:
    doc = Document(input=f"{aid}.txt", text=text, format="txt", published="2026-03-03")
    return clean_document(doc, aid)


def pile(copies: int, rewrite: str = REWRITE) -> dict[str, Article]:
    """The story, its copies (one line appended, as a republisher's footer), its rewrite, filler."""
    arts = {"story": article("story", STORY), "rewrite": article("rewrite", rewrite)}
    for i in range(copies):
        arts[f"copy{i:02d}"] = article(f"copy{i:02d}", f"{STORY}\n\nRepublished as item {i}.")
    for i in range(3):
        arts[f"other{i}"] = article(f"other{i}", f"{OTHER} Item {i}.")
    return arts


@pytest.mark.parametrize(
    "copies,rewrite,new,stored_order",
    [
        # more copies than TOP_K places, stored before the story arrives
        pytest.param(12, REWRITE, ["story"], ["copies", "rewrite", "other"], id="top_k_stored_copies"),
        # the story and its copies arrive together; the rewrite was stored earlier
        pytest.param(11, REWRITE, ["story", "copies"], ["rewrite", "other"], id="top_k_new_copies"),
        # one copy sets the RELATIVE bar above a rewrite keeping fewer of the names
        pytest.param(1, SHORT, ["story"], ["copies", "rewrite", "other"], id="relative_one_copy"),
        pytest.param(3, SHORT, ["story", "copies"], ["rewrite", "other"], id="relative_new_copies"),
    ],
)
def test_rewrite_is_read_despite_copies(copies, rewrite, new, stored_order):
    arts = pile(copies, rewrite)

    def ids(group: str) -> list[str]:
        return sorted(a for a in arts if a.startswith(PREFIX[group]))

    fresh = [aid for group in new for aid in ids(group)]
    stored = [aid for group in stored_order for aid in ids(group)]
    plan = plan_reuse([arts[a] for a in fresh], [arts[a] for a in stored])
    # the rewrite is read by sentence vectors, its copies by characters
    assert ("rewrite", "story") in plan.semantic
    copy_pairs = {tuple(sorted(("story", a))) for a in arts if a.startswith("copy")}
    # the story is read with its earliest copy and the closest few (``linked_copies``), not all
    read = copy_pairs & set(plan.readings)
    assert ("copy00", "story") in read and len(read) >= min(copies, TOP_COPIES + 1)
    assert not copy_pairs & set(plan.semantic)


def test_without_copies_the_plan_is_as_before():
    """No copies: the pair is read by vectors, and the unrelated filler is not read at all."""
    arts = pile(0)
    plan = plan_reuse(list(arts.values()), [])
    assert plan.semantic == [("rewrite", "story")]
    assert not any(a.startswith("other") for pair in plan.readings for a in pair if "story" in pair)
