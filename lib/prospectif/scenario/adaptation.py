"""Climate adaptation assumptions: the climate pathway and the levers of a heat plan."""

from __future__ import annotations

from typing import Literal

from .fields import Section, assumption

PATHWAYS = ("tracc", "rcp26", "rcp45", "rcp85")
"""Climate pathways: the French reference trajectory (TRACC) and the three RCPs of DRIAS-2020."""


class Adaptation(Section):
    """The climate the territory lives in, and the heat plan it runs."""

    pathway: Literal["tracc", "rcp26", "rcp45", "rcp85"] = assumption(
        "tracc",
        unit="",
        label_fr="Trajectoire climatique",
        label_en="Climate pathway",
        source="TRACC : décret n° 2026-23 et arrêté du 23 janvier 2026 (+2 °C en 2030, +2,7 °C "
        "en 2050, +4 °C en 2100 en France métropolitaine ; Ministère de la Transition "
        "écologique, 2026), lue sur RCP 8.5 par niveau de réchauffement ; RCP 2.6, 4.5, 8.5 : "
        "Météo-France, DRIAS-2020, une seule simulation ALADIN63 / CNRM-CM5",
    )
    """Climate of the projection: "tracc" (the French reference warming trajectory for
    adaptation, read on the RCP 8.5 simulation at the year it reaches the TRACC warming level,
    see docs/methodology/adaptation.md) or one of the DRIAS-2020 concentration pathways RCP 2.6,
    4.5, 8.5. Every pathway is one model pair (ALADIN63 driven by CNRM-CM5), not an ensemble."""

    registered_share: float = assumption(
        20.0,
        ge=0.0,
        le=100.0,
        step=5.0,
        unit="% des 75 ans ou plus vivant seuls à domicile",
        label_fr="Part des seniors isolés inscrits au registre canicule",
        label_en="Share of isolated seniors in the heat register",
        source="Choix de modélisation : aucun chiffre national d'inscrits aux registres "
        "communaux (loi du 30 juin 2004) n'a été trouvé (notes de référence, section H)",
    )
    """Share of the people aged 75+ living alone at home who are in the commune's heat
    register and receive visits on heatwave days (%)."""

    visits_per_day: float = assumption(
        1.0,
        ge=0.0,
        le=4.0,
        step=0.5,
        unit="visites par personne et par jour de vague de chaleur",
        label_fr="Visites par jour de vague de chaleur",
        label_en="Visits per heatwave day",
        source="Choix de modélisation : un passage quotidien auprès de chaque personne suivie "
        "pendant l'alerte",
    )
    """Visits to each registered person and each APA beneficiary at home per heatwave day
    (visits per person per day)."""

    visit_hours: float = assumption(
        0.5,
        ge=0.0,
        le=4.0,
        step=0.25,
        unit="heures par visite",
        label_fr="Durée d'une visite",
        label_en="Duration of a visit",
        source="Choix de modélisation : une demi-heure (hydratation, rafraîchissement, "
        "vérification de l'état de santé)",
    )
    """Care-worker time per heat-plan visit (hours)."""

    cooled_places_per_institution: float = assumption(
        10.0,
        ge=0.0,
        le=100.0,
        step=1.0,
        unit="places rafraîchies par établissement",
        label_fr="Places rafraîchies par établissement",
        label_en="Cooled places per institution",
        source="Choix de modélisation ; chaque établissement doit disposer d'au moins une pièce "
        "rafraîchie (plan canicule, 2004) ; taille moyenne d'un établissement : 719 810 places "
        "pour 10 481 EHPA fin 2011 (DREES, enquête EHPA 2011, relayée par ASH)",
    )
    """Places in a cooled room each residential care institution must offer (places)."""
