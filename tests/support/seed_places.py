"""The place names an analyst finds in each seed article."""

SEED_PLACES = {
    "000_637d78b309cbb5dc": {
        "Mali",
        "Timbuktu",
        "Niger",
        "Burkina Faso",
        "Boulkessi",
        "Mondoro",
        "Dioura",
        "Sirakorola",
        "Djibo",
        "Tahoua",
        "Dosso",
        "Russia",
    },
    "001_5fd46db9fb16ef00": {"Mali", "Boulkessi", "Burkina Faso", "Niger", "Russia", "Timbuktu", "Morocco"},
    "002_d621ef57b203f649": {"Mali", "Boulkessi", "Burkina Faso", "Niger", "Timbuktu", "Morocco", "France"},
    "003_a5aecea2bd63faf4": {
        "Mali",
        "Burkina Faso",
        "Boulkessi",
        "Mondoro",
        "Niger",
        "Dioura",
        "Sirakorola",
        "Djibo",
        "Tahoua",
        "Dosso",
        "Russia",
    },
    "004_9b07b6954dd56870": {"Boulikessi", "Mali", "Timbuktu", "Nigeria", "Burkina Faso", "Niger"},
}
