"""French words extraction reads: the one home of every French word list (issue 17).

English words live in ``vocab.py`` and the modules it names; these are their French counterparts,
read by ``extract/french.py`` (quantities, figures, claimants, dates, context) and nowhere else.
The values they map to are the English vocabulary's (``vocab.GROUP_WORDS`` groups, claimant
kinds, qualifiers), so French and English claims are one vocabulary downstream.

    >>> FR_UNITS["vingt"], FR_APPROX["soixantaine"], FR_QUALIFIERS["au moins"]
    (20, 60, 'at_least')
"""

from __future__ import annotations

FR_UNITS = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "quatrevingt": 80,  # "quatre-vingt(s)", joined before reading (see extract/french.py)
    "quatrevingts": 80,
}
FR_MULTIPLIERS = {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000, "millions": 1_000_000}
# "une soixantaine": about sixty (the contract's "about": low = high = 60).
FR_APPROX = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
}
# Vague words: the ACLED codebook's conservative low, high open, as their English equivalents
# ("des dizaines" is "dozens": 12; "plusieurs" is "several": 3).
FR_VAGUE = {
    "des dizaines": 12,
    "plusieurs dizaines": 12,
    "des centaines": 100,
    "plusieurs centaines": 100,
    "des milliers": 1000,
    "plusieurs milliers": 1000,
    "plusieurs": 3,
    "quelques": 3,
    "de nombreux": 10,
    "de nombreuses": 10,
    "nombreux": 10,
    "nombreuses": 10,
    "beaucoup de": 10,
}
FR_QUALIFIERS = {
    "au moins": "at_least",
    "au minimum": "at_least",
    "pas moins de": "at_least",
    "plus de": "more_than",
    "plus d'": "more_than",
    "au-delà de": "more_than",
    "jusqu'à": "up_to",
    "au plus": "up_to",
    "au maximum": "up_to",
    "moins de": "up_to",
    "pas plus de": "up_to",
    "environ": "about",
    "près de": "about",
    "quelque": "about",
    "approximativement": "about",
    "autour de": "about",
}

# What happened to the people counted: the claim's ``what`` (vocab.FIELD_OF maps it to a field).
# Each entry is a regex matched after (or, for verbs of the perpetrator, before) the count.
FR_TRIGGERS = {
    "killed": r"tu[ée]e?s?|morts?|décédé(?:e|s|es)?|péri|perdu la vie|victimes|abattu(?:e|s|es)?"
    r"|massacré(?:e|s|es)?|exécuté(?:e|s|es)?|assassiné(?:e|s|es)?|égorgé(?:e|s|es)?"
    r"|neutralisé(?:e|s|es)?|tombé(?:e|s|es)?|trouvé la mort",
    "wounded": r"bless[ée]e?s?",
    "missing": r"(?:portés? |portées? )?disparus?|disparues?",
    "captured": r"pris en otages?|prises en otages?|faits? prisonniers?|capturé(?:e|s|es)?|otages",
    "abducted": r"enlevé(?:e|s|es)?|kidnappé(?:e|s|es)?",
    "arrested": r"arrêté(?:e|s|es)?|interpellé(?:e|s|es)?|appréhendé(?:e|s|es)?",
    "displaced": r"déplacé(?:e|s|es)?",
}
# Verbs whose object is the victim count: "tuant 40 soldats", "ont tué au moins 12 civils".
FR_VERB_FIRST = {
    "killed": r"tuant|tué|tue|tuent|abattu|abattant|neutralisé|neutralisant|massacré|exécuté"
    r"|coûté la vie à|perte de|pertes de|la mort de|perdu",
    "wounded": r"blessant|blessé",
    "abducted": r"enlevé|enlevant|kidnappé",
    "arrested": r"arrêté|interpellé|arrêtant|interpellant",
}
# Victim nouns -> the English vocabulary's groups (vocab.GROUP_WORDS keys).
FR_GROUPS = {
    "soldiers": "soldat soldats militaire militaires troupes hommes éléments gardes membres forces casques",
    "police": "policier policiers gendarme gendarmes agents douaniers",
    "militants": "jihadiste jihadistes djihadiste djihadistes terroriste terroristes assaillants "
    "assaillant insurgés insurgé combattants combattant rebelles islamistes bandits assaillantes",
    "civilians": "civil civils villageois habitants fidèles passagers élèves paysans éleveurs "
    "commerçants orpailleurs déplacés réfugiés manifestants",
    "children": "enfant enfants",
    "people": "personne personnes victimes gens femmes autres corps individus",
}
FR_GROUP_OF = {w: g for g, words in FR_GROUPS.items() for w in words.split()}

# Claimants: the phrases that attribute a figure, and the kind of each (vocab.CLAIMANT_KINDS).
# Verbs of saying, lemma -> past participle: the one home of the French speech verbs (the
# claimant's verb, the inverted attribution of wire copy, a statement's date, a place where a
# statement was made, the actor roles all read it).
FR_SAY_VERBS = {
    "indiquer": "indiqué",
    "déclarer": "déclaré",
    "affirmer": "affirmé",
    "confier": "confié",
    "expliquer": "expliqué",
    "annoncer": "annoncé",
    "rapporter": "rapporté",
    "assurer": "assuré",
    "préciser": "précisé",
    "raconter": "raconté",
    "souligner": "souligné",
    "ajouter": "ajouté",
    "estimer": "estimé",
    "dire": "dit",
    "reconnaître": "reconnu",
    "signaler": "signalé",
    "confirmer": "confirmé",
    "témoigner": "témoigné",
    "avancer": "avancé",
    "évoquer": "évoqué",
    "dénoncer": "dénoncé",
}
FR_CLAIM_VERB = "revendiquer"  # "X a revendiqué l'attaque": X is the perpetrator
FR_SPEECH_VERBS = [*FR_SAY_VERBS, FR_CLAIM_VERB]
# Past participles, for the inverted attribution of wire copy ("..., a indiqué à l'AFP un élu local").
FR_SPEECH_PARTICIPLES = "|".join(FR_SAY_VERBS.values())
# Tried in order, as extract/claimants.KIND_PATTERNS: a None pattern is a news outlet named in the phrase.
FR_KIND_PATTERNS: list[tuple[str, str | None]] = [
    ("security_source", r"\bsources? (?:sécuritaires?|militaires?|de sécurité|sécuritaire)\b"),
    ("medical", r"\b(?:hôpital|médecins?|médical|médicale|infirmiers?|soignants?|croix-rouge|santé)\b"),
    (
        "civil_society",
        r"\b(?:société civile|activistes?|militants? des droits|ong|associations?|notables?|"
        r"leaders? communautaires?|chefs? coutumiers?|humanitaires?)\b",
    ),
    ("witness", r"\b(?:habitants?|témoins?|riverains?|rescapés?|survivants?|proches?|villageois)\b"),
    ("media", r"\b(?:médias?|journal|presse|télévision|radio|agence|journalistes?)\b"),
    ("perpetrator", r"\b(?:jnim|gsim|eigs|état islamique|etat islamique|al-qaïda|jihadistes?|revendiqu)"),
    (
        "official",
        r"\b(?:armée|état-major|gouvernement|autorités?|ministère|ministre|porte-parole|élus?|maire|"
        r"gouverneur|préfet|officiel|officiels|communiqué|sources? (?:locales?|municipales?)|"
        r"fama|président|officier|commandant|gendarmerie|police)\b",
    ),
    ("media", None),
]
# Nouns naming who speaks: a place hanging on one ("un élu de Mondoro") is where a source sits.
FR_CLAIMANT_NOUNS = frozenset(
    [
        "source",
        "sources",
        "ministère",
        "gouvernement",
        "porte-parole",
        "élu",
        "élus",
        "habitant",
        "habitants",
        "témoin",
        "témoins",
        "responsable",
        "responsables",
        "notable",
        "notables",
        "maire",
        "préfet",
        "gouverneur",
        "agent",
        "employé",
        "chercheur",
        "analyste",
        "spécialiste",
    ]
)

# Dates: French names -> the English words the date resolver reads.
FR_MONTHS = {
    "janvier": "January",
    "février": "February",
    "fevrier": "February",
    "mars": "March",
    "avril": "April",
    "mai": "May",
    "juin": "June",
    "juillet": "July",
    "août": "August",
    "aout": "August",
    "septembre": "September",
    "octobre": "October",
    "novembre": "November",
    "décembre": "December",
    "decembre": "December",
}
FR_WEEKDAYS = {
    "lundi": "Monday",
    "mardi": "Tuesday",
    "mercredi": "Wednesday",
    "jeudi": "Thursday",
    "vendredi": "Friday",
    "samedi": "Saturday",
    "dimanche": "Sunday",
}
# Parts of a month -> the English part words ("mi-mai" -> "mid-May").
FR_MONTH_PARTS = {"mi": "mid", "début": "early", "fin": "late", "courant": "early"}
# Relative words -> English ("hier" -> "yesterday").
FR_RELATIVE = {
    "hier": "yesterday",
    "aujourd'hui": "today",
    "cette nuit": "overnight",
    "ce week-end": "this weekend",
    "le week-end dernier": "last weekend",
    "la semaine dernière": "last week",
    "cette semaine": "this week",
    "le mois dernier": "last month",
    "ce mois-ci": "this month",
    "l'an dernier": "last year",
    "l'année dernière": "last year",
    "cette année": "this year",
    "ces dernières semaines": "recent weeks",
    "ces derniers jours": "recent days",
    "ces derniers mois": "recent months",
    "ces dernières années": "recent years",
}

# Context: a statement's date ("a indiqué lundi"), background, running totals, a new incident.
FR_SPEECH_BEFORE = (
    rf"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:{FR_SPEECH_PARTICIPLES}|publié)\b[^.;]{{0,30}}$"
    r"|\b(?:communiqué|déclaration)(?:\s+(?:publié|diffusé|rendu public))?[^.;,]{0,12}$"
)
FR_BACKGROUND = (
    r"\b(?:en proie|insurrections?|dirigés? par (?:une|des) juntes?|juntes? qui|pris le pouvoir|"
    r"coups? d'état|série (?:d'attaques|noire)|une série|se sont tournés|s'est (?:détourné|rapproché)|"
    r"théâtre d'opérations|ces dernières années|depuis des années|multiplication des attaques|"
    r"montée en puissance|rompu avec|contrôle de vastes|ne publient|peinent)\b"
)
# One figure over several incidents ("deux attaques distinctes ont fait au moins 27 morts").
FR_SHARED = r"\b(?:deux|trois|quatre|plusieurs|ces|des) attaques\b|\battaques distinctes\b"
# running totals, as the English AGGREGATE: "since Monday" / "depuis lundi" is not one, and "leur
# décompte" (a count of one fight) is not either
FR_AGGREGATE = (
    r"\b(?:depuis(?! (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b)"
    r"|au total|en tout|cumulé|cumul|depuis le début|cette année)\b"
)
FR_NEW_INCIDENT = r"\b(?:distincte?s?|autre attaque|par ailleurs|ailleurs|une seconde|une deuxième)\b"

# Places: French country names (the country table is English) and wide areas that never pin an
# incident ("l'Afrique de l'Ouest"), both folded to lower case.
FR_COUNTRIES = {
    "russie": "RU",
    "algérie": "DZ",
    "tchad": "TD",
    "côte d'ivoire": "CI",
    "mauritanie": "MR",
    "sénégal": "SN",
    "guinée": "GN",
    "bénin": "BJ",
    "libye": "LY",
    "maroc": "MA",
    "cameroun": "CM",
    "états-unis": "US",
    "allemagne": "DE",
    "chine": "CN",
    "turquie": "TR",
    "ukraine": "UA",
}
FR_BROAD_AREAS = frozenset(
    [
        "afrique de l'ouest",
        "afrique",
        "sahel",
        "sahara",
        "grand sahara",
        "maghreb",
        "europe",
        "afrique subsaharienne",
        "bassin du lac tchad",
        "liptako-gourma",
        "liptako",
        "trois frontières",
    ]
)
# The French words framing a place -> the English cue words the geocoder reads ("la ville de
# Tombouctou" is a city, "la région de Mopti" a region, "à Boulkessi" a town "in").
FR_PLACE_CUES = {
    "ville de": "city",
    "ville d'": "city",
    "localité de": "town",
    "localité d'": "town",
    "village de": "village",
    "village": "village",
    "village d'": "village",
    "commune de": "commune",
    "commune d'": "commune",
    "camp de": "town",
    "poste de": "town",
    "avant-poste de": "town",
    "camp d'": "town",
    "base de": "town",
    "cercle de": "district",
    "cercle d'": "district",
    "département de": "district",
    "région de": "region",
    "région d'": "region",
    "province de": "province",
    "province du": "province",
    "province d'": "province",
    "près de": "near",
    "près d'": "near",
    "non loin de": "near",
    "au nord de": "near",
    "au sud de": "near",
    "à l'est de": "near",
    "à l'ouest de": "near",
    "à": "in",
    "dans": "in",
    "attaque de": "in",
    "attaque d'": "in",
}
# Words before a place that is not where the attack was: where the wounded were taken or the dead
# buried ("le centre hospitalier régional de X", "évacués vers X", "les obsèques à X"), where a
# statement was made ("a annoncé le ministère de la Défense à X", not "a annoncé que ... à X").
FR_AWAY_FROM_SCENE = (
    r"\b(?:hôpital|hospitali\w+|évacu\w+|transporté\w*|obsèques|funérailles|inhum\w+)\b[^.;]{0,25}$"
    rf"|\b(?:{FR_SPEECH_PARTICIPLES})\b(?:(?!\bqu)[^.;,«»]){{0,50}}\bà\s*$"
)

# Actor roles from the French parse (extract/actors.role_of): lemmas of attack, defence and
# speech verbs, and attack nouns.
FR_ATTACK_VERBS = frozenset(
    [
        "attaquer",
        "tuer",
        "viser",
        "cibler",
        "revendiquer",
        "abattre",
        "enlever",
        "kidnapper",
        "neutraliser",
        "massacrer",
        "assassiner",
        "piller",
        "incendier",
        "exécuter",
        "égorger",
        "bombarder",
        "frapper",
        "envahir",
        "assiéger",
        "tendre",
        "emparer",
        "mener",
        "perpétrer",
        "blesser",
    ]
)
FR_ATTACK_NOUNS = frozenset(
    ["attaque", "assaut", "embuscade", "raid", "offensive", "incursion", "attentat", "massacre"]
)
FR_DEFENCE_VERBS = frozenset(["repousser", "riposter", "résister", "replier", "défendre", "réagir"])
FR_SPEECH_LEMMAS = frozenset(FR_SAY_VERBS)
