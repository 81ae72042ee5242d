"""Articles for the cross-language reuse tests, written for them: an English wire story, its
French translation as a Sahel news site would publish it, an independent French report of the same
attack (its own figures, sources and order), and an English story of another attack."""

from __future__ import annotations

from sitrep.clean import clean_document
from sitrep.records import Article, Document

WIRE = (
    "Militants kill 17 soldiers in attack on army post in western Niger\n"
    "NIAMEY, March 12 (Reuters) - Islamist militants killed 17 soldiers and wounded 9 others in an "
    "attack on an army post near the town of Banibangou in western Niger on Monday, two security "
    "sources told Reuters.\n"
    "The assailants arrived on dozens of motorbikes shortly before dawn and fought the troops for "
    "nearly four hours before withdrawing towards the border with Mali, one of the sources said.\n"
    "They set fire to three military vehicles and took weapons and ammunition from the post's "
    "depot, the source added.\n"
    "No group has claimed responsibility, but the Islamic State Sahel Province is active in the "
    "Tillaberi region, where it has attacked army positions repeatedly since 2019.\n"
    "Niger's defence ministry said in a statement on Tuesday that reinforcements had been sent to "
    "Banibangou and that an air operation was under way to track the attackers.\n"
    "The junta that seized power in July 2023 has said the security situation is improving, but "
    "attacks on soldiers and civilians have continued in the regions bordering Mali and Burkina "
    "Faso.\n"
    "Reuters could not independently verify the toll."
)

TRANSLATION = (
    "Niger : 17 militaires tués dans l'attaque d'un poste de l'armée dans l'ouest du pays\n"
    "Des jihadistes ont tué 17 soldats et en ont blessé 9 autres lors de l'attaque d'un poste de "
    "l'armée près de la ville de Banibangou, dans l'ouest du Niger, lundi, ont indiqué deux sources "
    "sécuritaires.\n"
    "Les assaillants sont arrivés à bord de dizaines de motos peu avant l'aube et ont combattu les "
    "troupes pendant près de quatre heures avant de se replier vers la frontière malienne, selon "
    "l'une des sources.\n"
    "Ils ont incendié trois véhicules militaires et emporté des armes et des munitions du dépôt du "
    "poste, a ajouté la source.\n"
    "Aucun groupe n'a revendiqué l'attaque, mais l'État islamique au Sahel est actif dans la région "
    "de Tillaberi, où il attaque régulièrement des positions de l'armée depuis 2019.\n"
    "Le ministère nigérien de la Défense a indiqué mardi dans un communiqué que des renforts avaient "
    "été envoyés à Banibangou et qu'une opération aérienne était en cours pour traquer les "
    "assaillants.\n"
    "La junte qui a pris le pouvoir en juillet 2023 affirme que la situation sécuritaire "
    "s'améliore, mais les attaques contre les soldats et les civils se poursuivent dans les régions "
    "frontalières du Mali et du Burkina Faso."
)

INDEPENDENT = (
    "Niger : une vingtaine de soldats tués près de Banibangou\n"
    "Au moins 20 soldats nigériens ont été tués lundi à l'aube dans l'attaque de leur position près "
    "de Banibangou, dans la région de Tillaberi, a appris l'AFP de sources locales.\n"
    "« Ils étaient très nombreux, plus d'une centaine, et ils sont restés jusqu'au milieu de la "
    "matinée », a raconté à l'AFP un élu de la commune, sous couvert d'anonymat.\n"
    "Selon cet élu, plusieurs civils ont également été blessés par des balles perdues dans le "
    "village voisin, où les habitants se sont terrés chez eux.\n"
    "Le ministère de la Défense a confirmé l'attaque sans donner de bilan, évoquant des « pertes "
    "importantes » dans les rangs des assaillants.\n"
    "La zone dite des trois frontières, entre le Niger, le Mali et le Burkina Faso, est le théâtre "
    "d'attaques récurrentes de groupes liés à l'État islamique et à Al-Qaïda.\n"
    "Le régime militaire au pouvoir à Niamey a rompu avec la France et s'est rapproché de la "
    "Russie, sans parvenir à enrayer les violences."
)

OTHER_ATTACK = (
    "Gunmen kill 12 civilians in raid on village in central Mali\n"
    "BAMAKO, March 12 (Reuters) - Gunmen killed 12 civilians in a raid on a village near "
    "Bandiagara in central Mali on Sunday, a local official told Reuters on Monday.\n"
    "The attackers burned houses and granaries and stole cattle before leaving on motorbikes, the "
    "official said.\n"
    "Residents of neighbouring villages have fled to Bandiagara town, where the mayor said more "
    "than 2,000 displaced people had arrived since January.\n"
    "No group has claimed the attack; militants linked to al Qaeda operate in the area."
)


def article(aid: str, text: str, language: str | None = None, **meta) -> Article:
    """A clean article as the pipeline stores it (language found by the cleaner unless given)."""
    doc = Document(input=f"{aid}.txt", text=text, format="txt", article_id=aid, **meta)
    a = clean_document(doc, aid)
    return a if language is None else a.model_copy(update={"language": language})
