"""Words shown for the schema's units and choices: the schema writes units in French and
choices as their YAML values; the interface shows both in the page's language.
"""

from __future__ import annotations

from .texts import pick

UNITS: dict[str, str] = {
    "%": "%",
    "% d'occupation": "% occupancy",
    "% d'énergie par km": "% energy per km",
    "% d'émissions par t·km": "% of emissions per t·km",
    "% de l'azote minéral": "% of mineral nitrogen",
    "% des effluents": "% of manure",
    "% des émissions hors énergie": "% of non-energy emissions",
    "% des t·km": "% of t·km",
    "% des t·km routières": "% of road t·km",
    "% du cheptel de 2021": "% of the 2021 herds",
    "% du méthane entérique": "% of enteric methane",
    "% du méthane restant": "% of the remaining methane",
    "% par habitant": "% per inhabitant",
    "% de l'énergie finale": "% of final energy",
    "% de la distance": "% of the distance",
    "% des actifs occupés": "% of employed people",
    "% des 75 ans ou plus vivant seuls à domicile": "% of people aged 75+ living alone at home",
    "% des autres remplacements": "% of other replacements",
    "% des déplacements en voiture": "% of car trips",
    "% des km en avion": "% of air km",
    "% des logements par an": "% of dwellings a year",
    "% des objectifs": "% of the targets",
    "% des remplacements": "% of replacements",
    "% des ventes": "% of sales",
    "% du chauffage": "% of heating",
    "% du chauffage au fioul": "% of oil heating",
    "% du chauffage au gaz": "% of gas heating",
    "% du prix": "% of the price",
    "% par an": "% a year",
    "% par an et par ménage": "% a year per household",
    "% par personne": "% per person",
    "ETP pour 100 places": "FTE per 100 places",
    "GWh par an pour 100 000 habitants, chaque année": "GWh a year per 100,000 inhabitants, "
    "each year",
    "MW par an pour 100 000 habitants": "MW a year per 100,000 inhabitants",
    "année": "year",
    "années": "years",
    "enfants par femme": "children per woman",
    "garçons pour 100 filles": "boys per 100 girls",
    "heures par an": "hours a year",
    "heures par bénéficiaire et par mois": "hours per beneficiary a month",
    "heures par visite": "hours per visit",
    "jours par semaine": "days a week",
    "kWh de chaleur par kWh électrique": "kWh of heat per kWh of electricity",
    "kgCO2e/kWh": "kgCO2e/kWh",
    "kgCO2e/kWh PCS": "kgCO2e/kWh GCV",
    "multiple de la tendance": "multiple of the trend",
    "part (0 à 1)": "share (0 to 1)",
    "part du gain d'espérance de vie": "share of the life-expectancy gain",
    "personnes par an": "people a year",
    "personnes par ménage": "people per household",
    "places pour 100 personnes de 75 ans ou plus": "places per 100 people aged 75 or over",
    "places rafraîchies par établissement": "cooled places per care home",
    "points de %": "percentage points",
    "visites par personne et par jour de vague de chaleur": "visits per person and heatwave day",
    "°C": "°C",
    "€ par bénéficiaire et par an": "€ per beneficiary a year",
    "€/MWh": "€/MWh",
    "% du parc par an": "% of the stock a year",
    "ETP par classe": "FTE per class",
    "ETP par place": "FTE per place",
    "consultations par habitant et par an": "consultations per inhabitant a year",
    "consultations par médecin et par an": "consultations per doctor a year",
    "heures par semaine": "hours a week",
    "places pour 100 enfants de moins de 3 ans": "places per 100 children under 3",
    "élèves par classe": "pupils per class",
    "élèves par heure de cours": "pupils per teaching hour",
    "€ par ETP et par an": "€ per FTE a year",
    "€ par place créée": "€ per place created",
    "€ par place et par an": "€ per place a year",
}
"""English of each French unit of the schema (a test checks none is missing)."""

CHOICES: dict[str, dict[str, tuple[str, str]]] = {
    "demography.migration.mode": {
        "counts": ("effectifs observés, constants", "observed counts, held constant"),
        "rates": ("taux de la population actuelle", "rates of the current population"),
    },
    "ageing.prevalence.scenario": {
        "constant": (
            "stable (prévalence constante par âge)",
            "stable (constant prevalence by age)",
        ),
        "compression": (
            "compression (années gagnées sans perte d'autonomie)",
            "compression (years gained without loss of autonomy)",
        ),
        "expansion": (
            "expansion (années gagnées avec perte d'autonomie)",
            "expansion (years gained with loss of autonomy)",
        ),
    },
    "adaptation.pathway": {
        "tracc": (
            "TRACC, trajectoire de référence de la France (+2,7 °C en 2050, +4 °C en 2100)",
            "TRACC, France's reference trajectory (+2.7 °C in 2050, +4 °C in 2100)",
        ),
        "rcp26": ("RCP 2.6 (fortes réductions mondiales)", "RCP 2.6 (strong global cuts)"),
        "rcp45": ("RCP 4.5 (réductions modérées)", "RCP 4.5 (moderate cuts)"),
        "rcp85": ("RCP 8.5 (émissions non maîtrisées)", "RCP 8.5 (unchecked emissions)"),
    },
    "demography.fertility.differentials": {
        "constant": (
            "écarts locaux constants",
            "local differentials held constant",
        ),
        "converge": (
            "convergence vers la fécondité nationale",
            "convergence to the national fertility",
        ),
    },
    "ageing.policy.places_rule": {
        "need": ("besoin : bénéficiaires en établissement", "need: beneficiaries in institution"),
        "rate": (
            "taux d'équipement pour 100 personnes de 75 ans ou plus",
            "places per 100 people aged 75 or over",
        ),
    },
}
"""Words of each choice of the schema, by assumption and YAML value (a test checks none is
missing)."""


def unit_label(unit: str, lang: str) -> str:
    """``unit`` (as the schema writes it, in French) in ``lang``."""
    return UNITS.get(unit, unit) if lang == "en" else unit


def choice_label(key: str, value: str, lang: str) -> str:
    """The words of the choice ``value`` of assumption ``key`` in ``lang``."""
    words = CHOICES.get(key, {}).get(value)
    return pick(words, lang) if words else value
