"""Services: pupils and classes by school level, childcare places, general practitioners.

Pure NumPy on a territory's population by (year, sex, age) on 1 January. For a level l with
ages A_l and schooling rates e(a):

  children_l(t) = Σ_{s, a ∈ A_l} P(t, s, a),      pupils_l(t) = Σ_{s, a} e(a) · P(t, s, a),
  classes_l(t) = pupils_l(t) / size_l,

(maternelle also takes the schooled 2-year-olds); primary teachers are classes × teachers per
class, secondary teachers pupils × weekly hours ÷ (pupils per hour × weekly service). Childcare
places follow the children under 3 at a coverage moving linearly from today's estimated
coverage to the target; GP consultations are Σ c · w(s, a) · P(t, s, a) with w the relative
profile by age and sex, and GPs needed are consultations ÷ consultations per GP.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .axes import BASE_YEAR
from .services_constants import EARLY_AGES, LEVEL_AGES, SCHOOL_LEVELS, SCHOOLED_AT_4_AND_5

if TYPE_CHECKING:
    from ..scenario.services import Services

__all__ = ["ServicesInputs", "ServicesResult", "project_services", "schooling_rates"]


@dataclass(frozen=True)
class ServicesInputs:
    """Today's equipment of a territory and the national consultation profile.

    Attributes
    ----------
    schools_today
        Schools by level (:data:`SCHOOL_LEVELS`) in the BPE 2018 (schools), shape (level,).
    childcare_facilities
        Childcare facilities (EAJE) in the BPE 2013 (facilities).
    childcare_places_today
        Estimated EAJE places today: facilities × France's places per facility (places).
    gps_today
        General practitioners in the BPE 2013 (doctors).
    pharmacies_today
        Pharmacies in the BPE 2013 (pharmacies).
    consultation_profile
        GP consultations by (sex, age) relative to France's 2025 mean (dimensionless).
    """

    schools_today: np.ndarray
    childcare_facilities: float
    childcare_places_today: float
    gps_today: float
    pharmacies_today: float
    consultation_profile: np.ndarray


@dataclass(frozen=True)
class ServicesResult:
    """Services needed each year (stocks on 1 January of ``years``).

    Attributes
    ----------
    children, pupils, classes
        Children of the level's ages, pupils and classes, shape (year, level).
    teachers
        Teachers (FTE), shape (year, 2): primary (maternelle and élémentaire), secondary.
    under_3, places, coverage
        Children under 3, childcare places needed and coverage (places per 100 children).
    consultations, gps
        GP consultations a year and GPs needed (FTE at the workload assumption).
    childcare_staff
        Childcare staff (FTE).
    """

    years: np.ndarray
    population: np.ndarray
    children: np.ndarray
    pupils: np.ndarray
    classes: np.ndarray
    teachers: np.ndarray
    under_3: np.ndarray
    places: np.ndarray
    coverage: np.ndarray
    childcare_staff: np.ndarray
    consultations: np.ndarray
    gps: np.ndarray
    inputs: ServicesInputs
    params: Services


def schooling_rates(params: Services, ages: int) -> np.ndarray:
    """Share of each single age schooled in each level, shape (level, age) (fraction)."""
    rates = np.zeros((len(SCHOOL_LEVELS), ages))
    for i, level in enumerate(SCHOOL_LEVELS):
        first, stop = LEVEL_AGES[level]
        rates[i, first:stop] = SCHOOLED_AT_4_AND_5
    schools = params.schools
    rates[0, 2] = schools.schooled_at_2 / 100.0
    rates[0, 3] = schools.schooled_at_3 / 100.0
    first, stop = LEVEL_AGES["Lycee"]
    rates[3, first:stop] = schools.schooled_lycee / 100.0
    return rates


def linear_path(years: np.ndarray, start: float, end: float, target_year: int) -> np.ndarray:
    """``start`` in the base year moving linearly to ``end`` in ``target_year``, then held."""
    progress = np.clip((years - BASE_YEAR) / max(target_year - BASE_YEAR, 1), 0.0, 1.0)
    return start + (end - start) * progress


def project_services(
    inputs: ServicesInputs, years: np.ndarray, population: np.ndarray, params: Services
) -> ServicesResult:
    """Schools, childcare and GPs needed for ``population`` (persons by (year, sex, age))."""
    years = np.asarray(years)
    by_age = population.sum(axis=1)
    ages = by_age.shape[-1]
    members = np.zeros((len(SCHOOL_LEVELS), ages))
    for i, level in enumerate(SCHOOL_LEVELS):
        members[i, slice(*LEVEL_AGES[level])] = 1.0
    children = by_age @ members.T
    pupils = by_age @ schooling_rates(params, ages).T
    s = params.schools
    sizes = np.array(
        [
            s.class_size_maternelle,
            s.class_size_elementaire,
            s.class_size_college,
            s.class_size_lycee,
        ]
    )
    classes = pupils / sizes
    primary = classes[:, :2].sum(1) * s.teachers_per_class
    secondary = pupils[:, 2:].sum(1) * s.hours_per_pupil / (s.pupils_per_hour * s.teacher_hours)
    under_3 = by_age[:, slice(*EARLY_AGES)].sum(1)
    c = params.childcare
    today = 100.0 * inputs.childcare_places_today / under_3[0]
    coverage = linear_path(years, today, c.coverage_target, c.target_year)
    places = coverage * under_3 / 100.0
    h = params.health
    trend = (1.0 + h.demand_trend / 100.0) ** (years - years[0])
    weighted = np.einsum("tsa,sa->t", population, inputs.consultation_profile)
    consultations = h.consultations_per_person * weighted * trend
    return ServicesResult(
        years=years,
        population=population.sum(axis=(1, 2)),
        children=children,
        pupils=pupils,
        classes=classes,
        teachers=np.stack([primary, secondary], axis=1),
        under_3=under_3,
        places=places,
        coverage=coverage,
        childcare_staff=places * c.staff_per_place,
        consultations=consultations,
        gps=consultations / h.consultations_per_gp,
        inputs=inputs,
        params=params,
    )
