"""Units of the results table in plain words, French and English."""

from __future__ import annotations

from .variable import Label

UNIT_LABELS: dict[str, Label] = {
    "%": ("%", "%"),
    "% of cars": ("% des voitures", "% of cars"),
    "% of sales": ("% des ventes", "% of sales"),
    "% of trips": ("% des déplacements", "% of trips"),
    "%/yr": ("% par an", "% a year"),
    "65+ per 100 aged 20-64": (
        "65 ans ou plus pour 100 personnes de 20 à 64 ans",
        "aged 65+ per 100 aged 20-64",
    ),
    "FTE": ("équivalents temps plein", "full-time equivalents"),
    "GWh/yr": ("GWh par an", "GWh a year"),
    "children/woman": ("enfants par femme", "children per woman"),
    "days/yr": ("jours par an", "days a year"),
    "person-days/yr": ("personnes-jours par an", "person-days a year"),
    "°C": ("°C", "°C"),
    "classes": ("classes", "classes"),
    "doctors": ("médecins", "doctors"),
    "dwellings": ("logements", "dwellings"),
    "dwellings/yr": ("logements par an", "dwellings a year"),
    "households": ("ménages", "households"),
    "million consultations/yr": (
        "millions de consultations par an",
        "million consultations a year",
    ),
    "per 10,000 residents": ("pour 10 000 habitants", "per 10,000 residents"),
    "persons/household": ("personnes par ménage", "persons per household"),
    "pharmacies": ("pharmacies", "pharmacies"),
    "places per 100 children under 3": (
        "places pour 100 enfants de moins de 3 ans",
        "places per 100 children under 3",
    ),
    "schools": ("écoles et établissements", "schools"),
    "hours/yr": ("heures par an", "hours a year"),
    "ktCO2e/yr": ("kt CO2e par an", "kt CO2e a year"),
    "million EUR/yr": ("millions d'euros par an", "million euros a year"),
    "million pkm/yr": ("millions de voyageurs-km par an", "million passenger-km a year"),
    "million vkm/yr": ("millions de véhicules-km par an", "million vehicle-km a year"),
    "persons": ("personnes", "persons"),
    "persons 50-74 per person 85+": (
        "personnes de 50 à 74 ans par personne de 85 ans ou plus",
        "people aged 50-74 per person aged 85+",
    ),
    "persons/vehicle": ("personnes par véhicule", "persons per vehicle"),
    "persons/yr": ("personnes par an", "persons a year"),
    "places": ("places", "places"),
    "places/yr": ("places par an", "places a year"),
    "trips/day": ("déplacements par jour", "trips a day"),
    "trips/person/day": ("déplacements par personne et par jour", "trips per person a day"),
    "year": ("année", "year"),
    "years": ("années", "years"),
}
"""Units of the results table in plain words, (French, English); a test checks none is missing."""


def unit_label(unit: str, lang: str = "fr") -> str:
    """A unit of the results table in plain words in ``lang`` (the unit itself if unknown)."""
    return UNIT_LABELS[unit][lang == "en"] if unit in UNIT_LABELS else unit
