"""Interface texts in French (default) and English."""

from __future__ import annotations

LANGS = ("fr", "en")

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "territory": "Territoire",
        "territory_search": "Nom, numéro de département (71, 974), code INSEE ou SIREN…",
        "scenario": "Scénario de départ",
        "horizon": "Horizon",
        "year": "Année affichée",
        "map_indicator": "Indicateur de la carte",
        "assumptions": "Hypothèses",
        "reset": "Revenir au scénario de départ",
        "undo": "Annuler",
        "undo_help": "Annuler le dernier mouvement (raccourci : Ctrl+Z)",
        "variant_name": "Nom de la variante",
        "save_variant": "Enregistrer la variante",
        "rename_variant": "Renommer la variante choisie",
        "delete_variant": "Supprimer les variantes choisies",
        "download_variant": "Télécharger « {name} » (YAML)",
        "variants": "Variantes de la séance (4 au plus comparées)",
        "compare": "Comparer",
        "exports": "Exporter",
        "prepare_exports": "Préparer les fichiers",
        "prepare_report": "Rapport 4 pages (PDF)",
        "download_report": "Télécharger le rapport 4 pages (PDF)",
        "downloads_outdated": "Les réglages ont changé depuis : préparez à nouveau les fichiers.",
        "image_format": "Format des images (bouton appareil photo des graphiques)",
        "link": "Lien vers cette vue",
        "other_language": "English version",
        "sources": "Sources et méthode",
        "presentation": "Mode présentation",
        "sensitivity_title": "Ce qui pèse le plus (sensibilité)",
        "sensitivity_help": (
            "Chaque hypothèse clé est portée du bas au haut de sa plage plausible (sources : "
            "docs/assumptions.md), les autres restant au réglage en cours ; les barres les plus "
            "longues pèsent le plus."
        ),
        "sensitivity_output": "Résultat",
        "sensitivity_run": "Calculer la sensibilité",
        "sensitivity_stale": "Calculée pour un réglage précédent : recalculer pour celui-ci.",
        "goal_title": "Que faudrait-il pour atteindre l'objectif ?",
        "goal_help": (
            "Choisir un objectif et un ou plusieurs leviers, déplacés ensemble de leur valeur "
            "actuelle vers le bout utile de leur plage : la recherche trouve le niveau qui "
            "atteint l'objectif, ou dit de combien il reste hors d'atteinte."
        ),
        "goal_target": "Objectif",
        "goal_levers": "Leviers (plusieurs : Ctrl + clic)",
        "goal_run": "Chercher",
        "goal_apply": "Appliquer aux curseurs",
        "goal_save": "Appliquer et enregistrer comme variante",
        "goal_variant_name": "Objectif {target}",
        "language": "Langue",
        "indicators": "Indicateurs clés",
        "computing": "Calcul en cours…",
        "current": "Réglage en cours",
        "bands": "Bandes d'incertitude (estimation)",
        "bands_tooltip": "Tirages aléatoires de la fécondité, de la mortalité et des migrations "
        "autour du réglage : plus lent, à activer au besoin",
        "bands_note": "Bandes d'incertitude : intervalles à 50, 80 et 95 % de {draws} tirages "
        "(graine {seed}) de la fécondité, de l'espérance de vie et des migrations autour du "
        "réglage en cours. C'est une estimation du modèle stochastique de Prospectif (ajusté "
        "sur 1975-2025), pas une prévision. Méthode : docs/methodology/uncertainty.md.",
        "bands_chain": " Mobilité, énergie et émissions : {chained} premiers tirages.",
        "download_yaml": "Scénario (YAML)",
        "download_csv_fr": "Résultats (CSV, Excel français)",
        "download_csv": "Résultats (CSV international)",
        "download_xlsx": "Résultats (Excel)",
        "download_meta": "Métadonnées du calcul (JSON, accompagne les CSV)",
        "base_structure": "Structure par âge de la population de départ : {structure}",
        "schedules_files": (
            "Calendriers importés pour {territory} : population "
            "{population}, fécondité {fertility}, mortalité {mortality} (âge {ages}), "
            "migrations {migration}"
        ),
        "ages_exact": "exact",
        "ages_reached": "atteint dans l'année",
        "variant_word": "variante",
        "compared": "Variantes comparées, à l'horizon",
        "variant_description": "Variante de « {base} » construite en atelier.",
        "verdicts": "Objectifs : atteints ou manqués — {scenario}",
        "verdicts_compared": "Objectifs par scénario",
        "presets_compared": "Les quatre scénarios complets côte à côte",
        "scenarios_compared": "Scénarios comparés côte à côte",
        "choose_compared": "Scénarios comparés (2 à 4, Ctrl ou Maj pour en choisir plusieurs)",
        "verdicts_sources": "Sources des objectifs",
    },
    "en": {
        "territory": "Territory",
        "territory_search": "Name, département number (71, 974), INSEE code or SIREN…",
        "scenario": "Starting scenario",
        "horizon": "Horizon",
        "year": "Year shown",
        "map_indicator": "Indicator mapped",
        "assumptions": "Assumptions",
        "reset": "Back to the starting scenario",
        "undo": "Undo",
        "undo_help": "Undo the last move (shortcut: Ctrl+Z)",
        "variant_name": "Variant name",
        "save_variant": "Save the variant",
        "rename_variant": "Rename the chosen variant",
        "delete_variant": "Delete the chosen variants",
        "download_variant": "Download “{name}” (YAML)",
        "variants": "Variants of this session (up to 4 compared)",
        "compare": "Compare",
        "exports": "Export",
        "prepare_exports": "Prepare the files",
        "prepare_report": "4-page report (PDF)",
        "download_report": "Download the 4-page report (PDF)",
        "downloads_outdated": "The settings have changed since: prepare the files again.",
        "image_format": "Image format (camera button of the charts)",
        "link": "Link to this view",
        "other_language": "Version française",
        "sources": "Sources and method",
        "presentation": "Presentation mode",
        "sensitivity_title": "What matters most (sensitivity)",
        "sensitivity_help": (
            "Each key assumption is moved from the low to the high end of its plausible range "
            "(sources: docs/assumptions.md), the others held at the current setting; the longest "
            "bars matter most."
        ),
        "sensitivity_output": "Output",
        "sensitivity_run": "Compute the sensitivity",
        "sensitivity_stale": "Computed for an earlier setting: compute again for this one.",
        "goal_title": "What would it take to meet the target?",
        "goal_help": (
            "Choose a target and one or more levers, moved together from their current value "
            "towards the useful end of their range: the search finds the level that meets the "
            "target, or says by how much it stays out of reach."
        ),
        "goal_target": "Target",
        "goal_levers": "Levers (several: Ctrl + click)",
        "goal_run": "Search",
        "goal_apply": "Apply to the sliders",
        "goal_save": "Apply and save as a variant",
        "goal_variant_name": "Target {target}",
        "language": "Language",
        "indicators": "Key indicators",
        "computing": "Computing…",
        "current": "Current setting",
        "bands": "Uncertainty bands (estimate)",
        "bands_tooltip": "Random draws of fertility, mortality and migration around the "
        "setting: slower, turn on when needed",
        "bands_note": "Uncertainty bands: 50, 80 and 95 % intervals of {draws} draws (seed "
        "{seed}) of fertility, life expectancy and migration around the current setting. "
        "They are an estimate of Prospectif's stochastic model (fitted on 1975-2025), not a "
        "forecast. Method: docs/methodology/uncertainty.md.",
        "bands_chain": " Mobility, energy and emissions: first {chained} draws.",
        "download_yaml": "Scenario (YAML)",
        "download_csv_fr": "Results (CSV, French Excel)",
        "download_csv": "Results (CSV)",
        "download_xlsx": "Results (Excel)",
        "download_meta": "Run metadata (JSON, goes with the CSV files)",
        "base_structure": "Age structure of the starting population: {structure}",
        "schedules_files": (
            "Schedules imported for {territory}: population "
            "{population}, fertility {fertility}, mortality {mortality} ({ages} age), "
            "migration {migration}"
        ),
        "ages_exact": "exact",
        "ages_reached": "reached in the year",
        "variant_word": "variant",
        "compared": "Compared variants, at the horizon",
        "variant_description": "Variant of “{base}” built in a workshop.",
        "verdicts": "Targets: met or missed — {scenario}",
        "verdicts_compared": "Targets by scenario",
        "presets_compared": "The four full scenarios side by side",
        "scenarios_compared": "Compared scenarios side by side",
        "choose_compared": "Compared scenarios (2 to 4, Ctrl or Shift to choose several)",
        "verdicts_sources": "Sources of the targets",
    },
}

MODEL_TITLES = {
    "demography": ("Démographie", "Demography"),
    "ageing": ("Vieillissement et autonomie", "Ageing and autonomy"),
    "mobility": ("Mobilité", "Mobility"),
    "energy": ("Énergie et climat", "Energy and climate"),
    "emissions": (
        "Émissions hors énergie : élevage, cultures, fret, déchets, procédés",
        "Other emissions: livestock, crops, freight, waste, processes",
    ),
    "adaptation": ("Adaptation au climat", "Climate adaptation"),
    "services": ("Services et logement", "Services and housing"),
}

STRUCTURES = {
    "schedules-import": (
        "importée avec les calendriers du démographe (population de base, fécondité, "
        "quotients de mortalité, migrations nettes par sexe, âge et année) ; ils remplacent "
        "les hypothèses de démographie du scénario",
        "imported with the demographer's own schedules (base population, fertility, death "
        "quotients, net migration by sex, age and year); they replace the scenario's "
        "demography assumptions",
    ),
    "insee-estimates": (
        "estimations INSEE du ou des départements",
        "INSEE estimates of the département(s)",
    ),
    "departement-share": (
        "estimée : part des communes dans la population du département (population légale "
        "2017), structure par âge du département",
        "estimated: the communes' share of the département population (2017 legal "
        "population), age structure of the département",
    ),
    "census-import": ("importée du recensement de l'INSEE", "imported from the INSEE census"),
    "local-marginals": (
        "estimée : structure du département ajustée (IPF) aux marges locales du recensement "
        "2018 (0–14, 15–29, 18–24, 75 ans et plus, femmes) des communes de 2 000 habitants ou "
        "plus, reste du département pour les autres ; total : part de la population légale "
        "2017. Composantes locales : indices de fécondité et de mortalité (naissances et décès "
        "2022 rapportés aux attendus, rapprochés du département par estimation bayésienne "
        "empirique Poisson–gamma), migrations nettes par résidu 2015–2021 ; EPCI calés "
        "(raking) sur la projection du département, commune bornée par son EPCI",
        "estimated: the département's structure raked (IPF) to the 2018 census marginals "
        "(0–14, 15–29, 18–24, 75+, women) of communes of 2,000 inhabitants or more, the "
        "département's remainder for the others; total: share of the 2017 legal population. "
        "Local components: fertility and mortality indices (births and deaths 2022 against "
        "expected, shrunk towards the département by Poisson–gamma empirical Bayes), net "
        "migration by the 2015–2021 residual; EPCI raked to the département's projection, a "
        "commune bounded by its EPCI",
    ),
}


def text(key: str, lang: str = "fr", **values: object) -> str:
    """The interface text ``key`` in ``lang``, with ``{placeholders}`` filled."""
    return TEXTS[lang if lang in TEXTS else "fr"][key].format(**values)


def pick(pair: tuple[str, str], lang: str) -> str:
    """The French or English member of a ``(fr, en)`` pair."""
    return pair[1] if lang == "en" else pair[0]
