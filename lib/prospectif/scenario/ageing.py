"""Ageing and autonomy assumptions: prevalence paths and care policy levers."""

from __future__ import annotations

from typing import Literal

from .fields import Section, assumption

DREES_SCENARIOS = (
    "DREES, « Lieux de vie et autonomie : révision des données du modèle Livia » (2024) : "
    "hypothèses stable, intermédiaire, optimiste et pessimiste"
)
APA_SPENDING = (
    "Dérivé : dépenses brutes d'APA 2022 de 6,7 Md€ (DREES, Panorama « L'aide sociale aux "
    "personnes âgées ou handicapées », édition 2024), dont 61 % à domicile (part de 2023 : "
    "DREES, Panorama, édition 2025), rapportées aux 793 858 bénéficiaires à domicile et "
    "542 482 en établissement de fin 2022"
)

LIVIA_TREND = (
    "Dérivé des scénarios DREES LIVIA (2024) pour 2050 : 3,3 millions de seniors en perte "
    "d'autonomie (optimiste), 4,2 (prévalence stable), 4,8 (pessimiste) ; (3,3 / 4,2)^(1/31) − 1 "
    "≈ −0,8 % et (4,8 / 4,2)^(1/31) − 1 ≈ +0,4 % par an de 2019 à 2050"
)


class Prevalence(Section):
    """How the share of people losing autonomy at each age evolves from 2025."""

    scenario: Literal["constant", "compression", "expansion"] = assumption(
        "constant",
        unit="",
        label_fr="Évolution de la perte d'autonomie à âge égal",
        label_en="Loss of autonomy at a given age",
        source=DREES_SCENARIOS
        + " ; défaut : prévalence constante par âge (hypothèse « stable » de la DREES)",
    )
    """"constant": the 2022 prevalence by sex and age is kept; "compression": the prevalence
    curve shifts to older ages by ``shift_share`` × the life-expectancy gain since 2025 (years
    gained are years without loss of autonomy); "expansion": it shifts to younger ages by the
    same amount (years gained are years with loss of autonomy)."""

    shift_share: float = assumption(
        1.0,
        ge=0.0,
        le=1.5,
        step=0.05,
        unit="part du gain d'espérance de vie",
        label_fr="Décalage de la courbe par année d'espérance de vie gagnée",
        label_en="Curve shift per year of life expectancy gained",
        source="Choix de modélisation : 1 = décalage égal au gain d'espérance de vie à la "
        "naissance (docs/methodology/ageing.md)",
    )
    """Shift of the prevalence curve along age per year of life expectancy at birth gained
    since 2025, for compression and expansion (years of age per year of life expectancy)."""

    annual_trend: float = assumption(
        0.0,
        ge=-3.0,
        le=3.0,
        step=0.1,
        unit="% par an",
        label_fr="Tendance annuelle de la prévalence (experts)",
        label_en="Annual prevalence trend (experts)",
        source="Choix de modélisation : 0 (aucune tendance propre au-delà du scénario)",
        plausible=(-0.8, 0.4),
        plausible_source=LIVIA_TREND,
    )
    """Change of the prevalence at every age and sex per year since 2025, compounded, on top
    of the scenario (% per year)."""


class Policy(Section):
    """Care policy levers: home versus institution, places, home help, staff and cost."""

    home_shift: float = assumption(
        0.0,
        ge=-20.0,
        le=30.0,
        step=1.0,
        unit="points de %",
        label_fr="Virage domiciliaire : bénéficiaires en plus à domicile",
        label_en="Shift to home care: more beneficiaries at home",
        source="Choix de modélisation : 0 = répartition domicile/établissement de 2022 "
        "par sexe et âge (DREES, APA au 31 décembre 2022)",
        plausible=(0.0, 10.0),
        plausible_source="De la répartition de 2022 (DREES, APA au 31 décembre 2022) au "
        "préréglage autonomie-domicile (+10 points d'ici 2035, choix illustratif)",
    )
    """Points of the beneficiaries moved from institution to home by the target year, above
    the split given by the 2022 rates by sex and age (percentage points)."""

    target_year: int = assumption(
        2035,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année où les objectifs sont atteints",
        label_en="Year the targets are met",
        source="Choix de modélisation : progression linéaire depuis 2025",
    )
    """Year in which the home shift and the equipment rate are reached, linearly from 2025
    (year)."""

    places_rule: Literal["need", "rate"] = assumption(
        "need",
        unit="",
        label_fr="Places nécessaires calculées selon",
        label_en="Places needed computed from",
        source="Choix de modélisation (docs/methodology/ageing.md)",
    )
    """"need": places follow the beneficiaries in institution at today's ratio of places per
    beneficiary; "rate": places follow the population aged 75+ at ``places_per_100``."""

    places_per_100: float = assumption(
        11.1,
        ge=0.0,
        le=30.0,
        step=0.1,
        unit="places pour 100 personnes de 75 ans ou plus",
        label_fr="Taux d'équipement visé",
        label_en="Target places per 100 aged 75+",
        source="Dérivé : 756 400 places en EHPA fin 2023 (DREES, enquête EHPA 2023) pour "
        "6,8 millions de 75 ans ou plus au 1er janvier 2023 (DREES, Panorama 2024)",
    )
    """Places per 100 people aged 75+ reached in the target year with ``places_rule: rate``
    (places per 100 persons)."""

    home_help_hours: float = assumption(
        31.0,
        ge=0.0,
        le=120.0,
        step=1.0,
        unit="heures par bénéficiaire et par mois",
        label_fr="Heures d'aide à domicile par bénéficiaire",
        label_en="Home help hours per beneficiary",
        source="DREES, Les Dossiers de la DREES n°59 (2020) : aide humaine notifiée de 31 h "
        "par mois en moyenne fin 2011",
    )
    """Hours of professional help per beneficiary at home (hours per month)."""

    hours_per_fte: float = assumption(
        1607.0,
        ge=800.0,
        le=2000.0,
        step=10.0,
        unit="heures par an",
        label_fr="Heures annuelles d'un temps plein",
        label_en="Annual hours of a full-time worker",
        source="Code du travail, art. L3121-41 : durée de référence de 1 607 heures par an",
    )
    """Hours of help delivered by one full-time equivalent care worker (hours per year)."""

    staff_per_100_places: float = assumption(
        57.0,
        ge=0.0,
        le=150.0,
        step=1.0,
        unit="ETP pour 100 places",
        label_fr="Personnel des établissements",
        label_en="Staff of care homes",
        source="DREES, Les Dossiers de la DREES n°20 (2017), enquête EHPA 2015 : 57 ETP pour "
        "100 places installées",
    )
    """Full-time equivalent staff per 100 places in residential care (FTE per 100 places)."""

    cost_home: float = assumption(
        5150.0,
        ge=0.0,
        le=50_000.0,
        step=50.0,
        unit="€ par bénéficiaire et par an",
        label_fr="Coût public d'un bénéficiaire à domicile",
        label_en="Public cost per beneficiary at home",
        source=APA_SPENDING,
    )
    """Gross APA spending per beneficiary at home (euros of 2022 per year)."""

    cost_institution: float = assumption(
        4800.0,
        ge=0.0,
        le=50_000.0,
        step=50.0,
        unit="€ par bénéficiaire et par an",
        label_fr="Coût public d'un bénéficiaire en établissement",
        label_en="Public cost per beneficiary in institution",
        source=APA_SPENDING,
    )
    """Gross APA spending per beneficiary in institution (euros of 2022 per year)."""


class Ageing(Section):
    """Ageing and autonomy assumptions: prevalence paths and care policy levers."""

    prevalence: Prevalence = Prevalence()
    """Prevalence of the loss of autonomy (APA, GIR 1–4) by age."""

    policy: Policy = Policy()
    """Care policy levers."""
