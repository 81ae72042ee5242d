"""Small, distinct wire-style articles written to a folder, for crash, disk and concurrency tests."""

from __future__ import annotations

import random
from pathlib import Path

PLACES = ["Gao", "Mopti", "Kidal", "Segou", "Djibo", "Dori", "Tillaberi", "Diffa", "Menaka", "Ansongo"]
ACTORS = ["gunmen", "militants", "unidentified attackers", "armed men", "insurgents"]


def write_corpus(folder: Path, n: int, seed: int = 7) -> None:
    """n distinct, realistic short wire-style articles as .txt files."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        place, actor = rng.choice(PLACES), rng.choice(ACTORS)
        killed, wounded = rng.randint(1, 90), rng.randint(0, 40)
        body = (
            f"{actor.capitalize()} attacked a checkpoint near {place} on Tuesday, killing {killed} "
            f"people and wounding {wounded}, local officials said in report number {i}.\n\n"
            f"Residents said the assailants arrived on motorcycles at dawn and set fire to shops "
            f"before withdrawing towards the border. The army said it had sent reinforcements.\n\n"
            f"The region has seen {rng.randint(3, 30)} such attacks since January, according to "
            f"a tally by a local civil society group.\n"
        )
        (folder / f"article_{i:05d}.txt").write_text(body, encoding="utf-8")
