"""Figures of the services and housing models, with their sources (one definition each).

Published figures come from ``reference/PARAMETERS-services-adaptation.md`` section G; the
age profiles were not found published (listed there as « not found ») and are the project's
own assumptions, said so in the schema and in ``docs/methodology/services.md``.
"""

from __future__ import annotations

import numpy as np

from .axes import OPEN_AGE

SCHOOL_LEVELS = ("Maternelle", "Elementaire", "College", "Lycee")
"""School levels, in the order of every array with a level axis."""
LEVEL_AGES = {"Maternelle": (3, 6), "Elementaire": (6, 11), "College": (11, 15), "Lycee": (15, 18)}
"""Theoretical ages of each level, [first, last + 1) (years, age on 1 January)."""
PRIMARY_LEVELS = ("Maternelle", "Elementaire")
EARLY_AGES = (0, 3)
"""Children under 3, the population of childcare (ages 0, 1 and 2)."""
SCHOOLED_AT_4_AND_5 = 1.0
"""DEPP (IH2EF summary of the rentrée 2023 note): « atteignent 100 % à 4 ans »; school is
compulsory from 3 (Code de l'éducation, art. L131-1), so 6–14 are schooled in full too."""

EAJE_PLACES_FRANCE = 436_300.0
"""CNAF, caf.fr « Etablissement d'accueil du jeune enfant »: 436,300 EAJE places (2016)."""
EAJE_PLACES_SOURCE = "CNAF, caf.fr « Établissement d'accueil du jeune enfant » (2016)"

VACANT_SHARE = 8.2
"""Vacant dwellings, % of the stock (France excl. Mayotte, 2023; INSEE via Le Monde 2024)."""
SECOND_HOME_SHARE = 9.9
"""Secondary and occasional dwellings, % of the stock (metropolitan France, 2023; INSEE via
Affiches Parisiennes). No local shares offline: every territory starts from these."""

_EDGES = np.array([0, 5, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
"""Lower bounds of the age groups of the profiles below (years)."""
_HEADSHIP = np.array(
    [
        # F, M: households per person (being the reference person of a household)
        [0.0, 0.0],
        [0.0, 0.0],
        [0.03, 0.02],
        [0.28, 0.22],
        [0.42, 0.50],
        [0.38, 0.60],
        [0.35, 0.66],
        [0.36, 0.68],
        [0.37, 0.69],
        [0.38, 0.70],
        [0.40, 0.71],
        [0.42, 0.72],
        [0.45, 0.74],
        [0.49, 0.76],
        [0.56, 0.78],
        [0.64, 0.78],
        [0.68, 0.74],
        [0.60, 0.66],
    ]
)
"""Headship rates by age group and sex: the project's own assumption (INSEE's headship tables
were not found; the shape follows the census: few reference persons before 20, men more often
the reference person of couples, women more often alone at old ages, fewer households past 90
where many live in institutions). Only the shape matters for a territory: the level is
calibrated on its 2021 census households."""
_CONSULTATIONS = np.array(
    [
        # F, M: GP consultations relative to the national mean per person
        [1.4, 1.4],
        [0.7, 0.7],
        [0.9, 0.6],
        [0.9, 0.6],
        [1.0, 0.6],
        [1.0, 0.6],
        [1.0, 0.6],
        [1.0, 0.6],
        [1.05, 0.9],
        [1.05, 0.9],
        [1.05, 0.9],
        [1.05, 0.9],
        [1.4, 1.4],
        [1.4, 1.4],
        [1.9, 1.9],
        [1.9, 1.9],
        [2.2, 2.2],
        [2.2, 2.2],
    ]
)
"""GP consultations by age group and sex relative to the mean: the project's own assumption
(consultations by age were not found; REPSS Maladie 1.6.3, 2020, only gives the share who saw
a GP, 77 % under 2 to 92 % at 75–84). Normalised by the calibration so that France's mean in
2025 is 1."""


def by_single_age(groups: np.ndarray) -> np.ndarray:
    """A profile by age group (group, sex) spread to single ages, shape (sex, age 0…105)."""
    ages = np.arange(OPEN_AGE + 1)
    return groups[np.searchsorted(_EDGES, ages, side="right") - 1].T.copy()


def headship_profile() -> np.ndarray:
    """Households per person by (sex, age), the project's assumption :data:`_HEADSHIP`."""
    return by_single_age(_HEADSHIP)


def consultation_profile() -> np.ndarray:
    """Relative GP consultations by (sex, age), the project's assumption :data:`_CONSULTATIONS`."""
    return by_single_age(_CONSULTATIONS)
