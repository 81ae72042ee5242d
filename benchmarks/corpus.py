"""Generated news corpora for the benchmarks: wire stories, republished copies with furniture,
trimmed copies and reworded rewrites, about conflict and crime incidents.

    python benchmarks/corpus.py --n 2000 --out /tmp/corpus      # writes .txt files + manifest.csv

Not real news: sentences are drawn from templates in the register of wire and local reports, so
that sizes can grow to tens of thousands of articles while staying realistic in length and form.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

PLACES = [
    ("Gao", "Mali"),
    ("Mopti", "Mali"),
    ("Kidal", "Mali"),
    ("Segou", "Mali"),
    ("Djibo", "Burkina Faso"),
    ("Dori", "Burkina Faso"),
    ("Fada N'Gourma", "Burkina Faso"),
    ("Tillaberi", "Niger"),
    ("Diffa", "Niger"),
    ("Agadez", "Niger"),
    ("Maiduguri", "Nigeria"),
    ("Bama", "Nigeria"),
    ("Mogadishu", "Somalia"),
    ("Beledweyne", "Somalia"),
]
ACTORS = ["JNIM", "Islamic State Sahel", "Boko Haram", "al Shabaab", "gunmen", "armed bandits"]
VICTIMS = ["soldiers", "civilians", "police officers", "villagers", "militia members"]
SOURCES = [
    ("two security sources said", "security"),
    ("the army said in a statement", "army"),
    ("a local official told reporters", "official"),
    ("a hospital worker said", "medical"),
    ("residents said", "residents"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The region has been hit by a wave of violence blamed on armed groups linked to al Qaeda and "
    "Islamic State, which have killed thousands and displaced millions across the Sahel.",
    "Humanitarian groups say access to the area has become increasingly difficult, with roads cut "
    "and markets closed for weeks at a time.",
    "Authorities have imposed a curfew in several districts and banned the use of motorcycles, "
    "which attackers often use to reach remote villages.",
    "Analysts say the attacks show the growing reach of the insurgents, who have expanded from "
    "the north into the centre and south of the country in recent years.",
    "The government did not respond to a request for comment on the attack or on the number of "
    "people killed.",
    "Local leaders called on the authorities to send more troops to protect villages that have "
    "been attacked repeatedly since the start of the year.",
]
FURNITURE_HEAD = ["Home | World | Africa | Politics", "Share this article", "Advertisement"]
FURNITURE_TAIL = [
    "You may be interested in",
    "/",
    "/",
    "Sign up for our newsletter",
    "Follow us on X and Facebook",
]


def _vary(sentence: str, rng: random.Random, place: str, country: str) -> str:
    words = sentence.split()
    cut = rng.randint(len(words) // 3, len(words) // 2)
    lead = rng.choice(
        [
            f"In {country},",
            f"Around {place},",
            "Officials say",
            "Residents say",
            f"Since {rng.choice(['January', 'March', 'last year', 'the coup'])},",
        ]
    )
    tail = rng.choice(["", f" near {place}", f" in {country}", " this year", " locally"])
    return f"{lead} {' '.join(words[:cut]).lower()}{tail} {' '.join(words[cut:])}"


def make_story(rng: random.Random, i: int) -> tuple[str, dict]:
    place, country = rng.choice(PLACES)
    actor, victims = rng.choice(ACTORS), rng.choice(VICTIMS)
    killed, wounded = rng.randint(2, 80), rng.randint(0, 50)
    source, _ = rng.choice(SOURCES)
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
    weekday = WEEKDAYS[(day - dt.timedelta(days=rng.randint(1, 3))).weekday()]
    title = f"{actor} attack kills {killed} {victims} near {place}, {country}"
    paras = [
        f"{actor} fighters attacked a village near {place} in {country} on {weekday}, killing "
        f"{killed} {victims} and wounding {wounded} others, {source}.",
        f"The assailants arrived on motorcycles at dawn, set fire to homes and a market, and "
        f"withdrew before reinforcements arrived, according to witnesses reached by telephone "
        f"(report {i}).",
        f"In a separate incident on {rng.choice(WEEKDAYS)}, at least {rng.randint(2, 20)} people "
        f"were killed when an improvised explosive device hit a vehicle on the road to "
        f"{rng.choice(PLACES)[0]}, a security source said.",
    ]
    # background paragraphs in the register of wire copy, worded afresh for each story (verbatim
    # boilerplate shared by every story would make every pair a copy, which real feeds are not)
    paras += [_vary(f, rng, place, country) for f in rng.sample(FILLER, k=rng.randint(3, 6))]
    meta = {"title": title, "published": day.isoformat()}
    return title + "\n\n" + "\n\n".join(paras), meta


def reword(text: str, rng: random.Random) -> str:
    swaps = {
        "attacked": "raided",
        "killing": "leaving dead",
        "wounding": "injuring",
        "according to": "as reported by",
        "arrived": "came",
        "village": "settlement",
        "said": "reported",
        "withdrew": "pulled back",
        "authorities": "officials",
    }
    for a, b in swaps.items():
        if rng.random() < 0.8:
            text = text.replace(a, b)
    return text


def generate(n: int, seed: int = 1) -> list[tuple[str, str, dict]]:
    """(article_id, text, metadata) for n articles: ~60% originals, the rest copies and rewrites."""
    rng = random.Random(seed)
    out: list[tuple[str, str, dict]] = []
    originals: list[tuple[str, dict]] = []
    while len(out) < n:
        i = len(out)
        roll = rng.random()
        if originals and roll < 0.15:
            text, meta = rng.choice(originals)
            text = (
                "\n".join(rng.sample(FURNITURE_HEAD, 2)) + "\n\n" + text + "\n\n" + "\n".join(FURNITURE_TAIL)
            )
        elif originals and roll < 0.25:
            text, meta = rng.choice(originals)
            paras = text.split("\n\n")
            text = "\n\n".join(paras[: max(3, len(paras) * 2 // 3)])
        elif originals and roll < 0.40:
            text, meta = rng.choice(originals)
            text = reword(text, rng)
        else:
            text, meta = make_story(rng, i)
            originals.append((text, meta))
        out.append((f"bench_{i:06d}", text, dict(meta)))
    return out


def write_corpus(folder: Path, n: int, seed: int = 1) -> Path:
    """Write n articles as .txt files with a manifest; returns the manifest path."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    with manifest.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["article_id", "file", "outlet", "published", "url", "title"])
        for aid, text, meta in generate(n, seed):
            (folder / f"{aid}.txt").write_text(text, encoding="utf-8")
            w.writerow([aid, f"{aid}.txt", "", meta["published"], "", meta["title"]])
    return manifest


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(write_corpus(args.out, args.n, args.seed))
