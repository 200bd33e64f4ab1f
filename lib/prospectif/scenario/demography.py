"""Demography assumptions: fertility, mortality and migration paths."""

from __future__ import annotations

from typing import Literal

from .fields import Section, assumption

INSEE_2021 = (
    "INSEE, Projections de population 2021-2070 pour la France, hypothèses centrales "
    "(Documents de travail n°2021-05, 2021)"
)

INSEE_VARIANTS = (
    "insee-fecondite-basse",
    "insee-fecondite-haute",
    "insee-esperance-basse",
    "insee-esperance-haute",
    "insee-migration-basse",
    "insee-migration-haute",
)
"""Presets of INSEE's 2021 one-at-a-time variants (some values are Prospectif's, see each
preset): the band of the demography dashboard, the comparison of the probabilistic band."""


INSEE_VARIANTS_TFR = (
    "INSEE, projections 2021-2070 : variantes de fécondité basse et haute de 1,6 et 2,0 enfants "
    "par femme (Insee Première n°1881, 2021) ; 1,56 observé en 2025 (INSEE, Bilan démographique "
    "2025, 2026), déjà sous la variante basse : bas pris à 1,5"
)
INSEE_VARIANTS_E0 = (
    "INSEE 2021, scénario « population haute » : 93 ans (femmes) et 91 ans (hommes) en 2070 "
    "(valeurs arrondies relayées par l'Observatoire de la société) ; bas : le même écart sous le "
    "central (choix de Prospectif, préréglages insee-esperance-basse et insee-esperance-haute)"
)
INSEE_VARIANTS_MIGRATION = (
    "INSEE, projections 2016 : variantes de +20 000 et +120 000 personnes par an ; estimations "
    "provisoires de +152 000 à +183 000 par an de 2023 à 2025 (INSEE, Bilans démographiques "
    "2023 à 2025) : haut pris à +180 000"
)


class Fertility(Section):
    """Total fertility rate path and timing of births."""

    tfr_start: float = assumption(
        1.56,
        ge=0.8,
        le=3.5,
        step=0.01,
        unit="enfants par femme",
        label_fr="Fécondité en 2025",
        label_en="Fertility in 2025",
        source="INSEE, Bilan démographique 2025 (2026): 1,56 enfant par femme",
    )
    """Total fertility rate in the base year 2025 (children per woman)."""

    tfr_target: float = assumption(
        1.8,
        ge=0.8,
        le=3.5,
        step=0.05,
        unit="enfants par femme",
        label_fr="Fécondité visée",
        label_en="Target fertility",
        source=INSEE_2021,
        plausible=(1.5, 2.0),
        plausible_source=INSEE_VARIANTS_TFR,
    )
    """Total fertility rate reached in the target year and held afterwards (children per woman)."""

    tfr_target_year: int = assumption(
        2030,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année où la fécondité visée est atteinte",
        label_en="Year fertility target is met",
        source="Choix de modélisation : convergence linéaire depuis 2025",
    )
    """Year in which the target fertility is reached, linearly from 2025 (year)."""

    mean_age_shift: float = assumption(
        0.0,
        ge=-3.0,
        le=3.0,
        step=0.1,
        unit="années",
        label_fr="Décalage de l'âge moyen à la maternité",
        label_en="Shift of mean age at birth",
        source=(
            "Calendrier de référence : Human Fertility Database, France 2022 (âge moyen 31,1 ans)"
        ),
    )
    """Shift of the age schedule of fertility reached in the target year (years)."""

    sex_ratio_at_birth: float = assumption(
        105.0,
        ge=100.0,
        le=110.0,
        step=0.1,
        unit="garçons pour 100 filles",
        label_fr="Rapport de masculinité à la naissance",
        label_en="Sex ratio at birth",
        source="INSEE, état civil : environ 105 garçons pour 100 filles",
    )
    """Boys born per 100 girls (boys per 100 girls)."""

    differentials: Literal["constant", "converge"] = assumption(
        "constant",
        unit="",
        label_fr="Écarts locaux de fécondité",
        label_en="Local fertility differentials",
        source=(
            "Choix de modélisation : écarts constants par défaut, la fécondité locale suivant "
            "la trajectoire nationale (docs/methodology/demography.md)"
        ),
    )
    """Each territory's fertility index relative to France kept constant ("constant") or
    brought linearly to 1 by ``differentials_year`` ("converge"). With constant indices the
    summed départements' TFR drifts above the national target as high-fertility départements
    (Mayotte, Guyane) grow."""

    differentials_year: int = assumption(
        2050,
        ge=2026,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année de convergence des écarts de fécondité",
        label_en="Year local fertility differentials vanish",
        source="Choix de modélisation : convergence linéaire depuis 2025",
    )
    """Year the local fertility indices reach 1 when they converge (year)."""


class Mortality(Section):
    """Life expectancy targets applied to the INSEE 2021 mortality path."""

    e0_female_target: float = assumption(
        90.0,
        ge=75.0,
        le=100.0,
        step=0.5,
        unit="années",
        label_fr="Espérance de vie des femmes visée",
        label_en="Women's life expectancy target",
        source=INSEE_2021,
        plausible=(87.0, 93.0),
        plausible_source=INSEE_VARIANTS_E0,
    )
    """Life expectancy at birth of women in the target year (years)."""

    e0_male_target: float = assumption(
        87.5,
        ge=70.0,
        le=100.0,
        step=0.5,
        unit="années",
        label_fr="Espérance de vie des hommes visée",
        label_en="Men's life expectancy target",
        source=INSEE_2021,
        plausible=(84.0, 91.0),
        plausible_source=INSEE_VARIANTS_E0,
    )
    """Life expectancy at birth of men in the target year (years)."""

    target_year: int = assumption(
        2070,
        ge=2030,
        le=2100,
        step=1,
        unit="année",
        label_fr="Année de l'espérance de vie visée",
        label_en="Life expectancy target year",
        source=INSEE_2021,
    )
    """Year in which the life expectancy targets are met (year)."""

    territorial_differential: float = assumption(
        1.0,
        ge=0.0,
        le=1.0,
        step=0.05,
        unit="part (0 à 1)",
        label_fr="Écart de mortalité du territoire conservé",
        label_en="Local mortality gap kept",
        source="Écart estimé par département (docs/methodology/demography.md)",
    )
    """Weight of the territory's estimated mortality differential: 1 keeps it, 0 uses
    national mortality (fraction)."""


class Migration(Section):
    """Net migration: France's international balance and territories' internal exchanges."""

    france_net_total: float = assumption(
        70_000.0,
        ge=-300_000.0,
        le=600_000.0,
        step=5_000.0,
        unit="personnes par an",
        label_fr="Solde migratoire de la France",
        label_en="Net migration of France",
        source=INSEE_2021,
        plausible=(20_000.0, 180_000.0),
        plausible_source=INSEE_VARIANTS_MIGRATION,
    )
    """Net international migration of France, shared among départements by population
    (persons per year)."""

    internal_scale: float = assumption(
        1.0,
        ge=0.0,
        le=3.0,
        step=0.05,
        unit="multiple de la tendance",
        label_fr="Intensité des migrations internes",
        label_en="Internal migration intensity",
        source="Soldes estimés par la méthode résiduelle sur 2015-2025 (INSEE, estimations)",
        plausible=(0.5, 1.5),
        plausible_source="Choix de Prospectif : de la moitié à une fois et demie les soldes "
        "internes observés de 2015 à 2025",
    )
    """Multiplier of the territory's observed internal net migration (× trend)."""

    mode: Literal["counts", "rates"] = assumption(
        "counts",
        unit="",
        label_fr="Migrations internes appliquées en",
        label_en="Internal migration applied as",
        source="Choix de modélisation (docs/methodology/demography.md)",
    )
    """Internal net migration as the observed annual counts held constant ("counts": they sum
    to zero over départements every year) or as rates of the current population ("rates": they
    follow each territory's size but no longer sum exactly to zero)."""


class Demography(Section):
    """Assumptions of the demography model."""

    fertility: Fertility = Fertility()
    """Fertility assumptions."""

    mortality: Mortality = Mortality()
    """Mortality assumptions."""

    migration: Migration = Migration()
    """Migration assumptions."""
