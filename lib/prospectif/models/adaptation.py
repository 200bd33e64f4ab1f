"""Climate adaptation: exposure of the oldest to heat, a heat plan's needs, excess mortality.

Pure NumPy, vectorised over years × départements (units). For each unit u and year t, with
D_hw(t, u) heatwave days and D_tn(t, u) tropical nights a year (DRIAS-2020, one simulation,
see :mod:`prospectif.data.climate`) and P_g(t, u) persons of group g on 1 January:

  exposure_g,hw(t) = Σ_u w_u · P_g(t, u) · D_hw(t, u)      (person-days a year)

for g = aged 75+, aged 85+ and APA beneficiaries at home. A heat plan visits the APA
beneficiaries at home and the registered isolated seniors on every heatwave day; the cooled
places follow the places in residential care. Excess deaths apply the relative excess mortality
observed on Santé publique France's heat-alert (canicule) days to the baseline deaths of those
days, the alert days being the DRIAS heatwave days converted by ``alert_ratio`` (the two
definitions count different days; see :func:`prospectif.calibration.adaptation_inputs.alert_ratio`).
Equations and sources:
``docs/methodology/adaptation.md``. A unit without climate data (overseas) is NaN, never 0.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError

if TYPE_CHECKING:
    from ..scenario.adaptation import Adaptation

__all__ = ["ClimateInputs", "AdaptationResult", "project_adaptation"]

ELDERLY_AGE, OLDEST_AGE = 75, 85
DAYS_PER_YEAR = 365.25

ALONE_SHARE_75 = 0.43
"""Share of people aged 75+ in ordinary households who live alone (fraction): 43 % in
metropolitan France in 2011 (IRDES, Atlas des territoires pilotes Paerpa, 2015, census 2011)."""

PLACES_PER_INSTITUTION = 719_810 / 10_481
"""Average places per residential care institution for older people (places): 719,810 places
in 10,481 EHPA at the end of 2011 (DREES, enquête EHPA 2011, relayed by ASH), ≈ 68.7."""

HEATWAVE_EXCESS = 0.091
"""Relative excess mortality on heat-alert (canicule) days (fraction): +9.1 % of expected
deaths during the heatwaves of June and July 2019 (Santé publique France, « Système d'alerte
canicule et santé. Bilan de mortalité des épisodes de chaleur de juin et juillet 2019 »)."""
HEATWAVE_EXCESS_LOW = HEATWAVE_EXCESS * 0.5 / 1.2
"""Low bound (fraction): the central value net of harvesting, scaled by heat's share of
mortality net of harvesting over gross, 0.5 % / 1.2 % (SPF, « Impacts de la température sur la
mortalité dans dix-huit zones urbaines françaises entre 2000 et 2010»), ≈ 0.038."""
HEATWAVE_EXCESS_HIGH = 0.167
"""High bound (fraction): +16.7 % during the three heatwaves of summer 2022 (Santé publique
France, bulletin of 21 November 2022, relayed by France Info)."""


@dataclass(frozen=True)
class ClimateInputs:
    """Heat indicators of each unit for each stock year (DRIAS-2020, one model pair).

    Attributes
    ----------
    heatwave_days, tropical_nights, summer_days, hot_days
        Days a year (heatwave days; nights with Tmin > 20 °C; days with Tmax > 25 °C; days
        with Tmax > 35 °C), shape (year, unit); NaN where DRIAS gives no value (overseas
        départements, missing cells).
    """

    heatwave_days: np.ndarray
    tropical_nights: np.ndarray
    summer_days: np.ndarray
    hot_days: np.ndarray

    def take(self, units: np.ndarray) -> ClimateInputs:
        """The climate of the units at positions ``units``."""
        return ClimateInputs(*(getattr(self, f.name)[:, units] for f in dataclasses.fields(self)))


@dataclass(frozen=True)
class AdaptationResult:
    """Exposure and heat-plan needs of each unit, and their weights in the territory.

    Attributes
    ----------
    years
        Stock years (1 January); flows (deaths) cover ``years[:-1]``.
    weights
        Share of each unit in the territory (fraction), shape (unit,).
    climate
        The heat indicators used.
    persons
        Persons by group (aged 75+, aged 85+, APA beneficiaries at home), shape (3, year, unit).
    inhabitants
        Persons of all ages, shape (year, unit).
    registered
        Isolated seniors registered in the heat plan (persons), shape (year, unit).
    cooled_places
        Places in cooled rooms of residential care (places), shape (year, unit).
    deaths
        Baseline deaths during each flow year, all ages and aged 75+ on 1 January (persons a
        year), shape (2, year−1, unit).
    params
        The adaptation levers applied.
    alert_ratio
        Heat-alert (canicule) days per DRIAS heatwave day (ratio), for the excess deaths.
    """

    years: np.ndarray
    weights: np.ndarray
    climate: ClimateInputs
    persons: np.ndarray
    inhabitants: np.ndarray
    registered: np.ndarray
    cooled_places: np.ndarray
    deaths: np.ndarray
    params: Adaptation
    alert_ratio: float

    @property
    def covered(self) -> np.ndarray:
        """Units with climate data (metropolitan départements), shape (unit,)."""
        return ~np.isnan(self.climate.heatwave_days).all(axis=0)

    def total(self, values: np.ndarray) -> np.ndarray:
        """Weighted sum over the covered units (last axis); NaN if no unit is covered. Missing
        cells of a covered unit stay NaN.
        """
        if not self.covered.any():
            return np.full(values.shape[:-1], np.nan)
        return values[..., self.covered] @ self.weights[self.covered]

    def exposure(self, indicator: str) -> np.ndarray:
        """Person-days a year of each group (75+, 85+, APA at home) exposed to ``indicator``
        ('heatwave_days' or 'tropical_nights'), shape (3, year).
        """
        return self.total(self.persons * getattr(self.climate, indicator)[None])

    def mean_days(self, indicator: str) -> np.ndarray:
        """Days a year of ``indicator`` lived by the average person aged 75+ of the covered
        units (days), by year.
        """
        return self.total(getattr(self.climate, indicator) * self.persons[0]) / self.total(
            self.persons[0]
        )

    def visit_hours(self) -> np.ndarray:
        """Extra home-care hours of the heat plan (hours a year) for the APA beneficiaries at
        home and the registered isolated seniors, shape (2, year).
        """
        p = self.params
        visited = np.stack([self.persons[2], self.registered])
        per_day = visited * p.visits_per_day * p.visit_hours
        return self.total(per_day * self.climate.heatwave_days[None])

    def excess_deaths(self, excess: float = HEATWAVE_EXCESS) -> np.ndarray:
        """Heat-related excess deaths on heat-alert days, all ages and aged 75+ (persons a
        year), shape (2, year−1), for a relative excess mortality ``excess`` (fraction) on
        ``alert_ratio`` × the DRIAS heatwave days.
        """
        days = self.climate.heatwave_days[:-1] * self.alert_ratio
        return self.total(self.deaths / DAYS_PER_YEAR * days[None] * excess)


def project_adaptation(
    climate: ClimateInputs,
    years: np.ndarray,
    unit_population: np.ndarray,
    unit_deaths: np.ndarray,
    home: np.ndarray,
    institution: np.ndarray,
    places: np.ndarray,
    weights: np.ndarray,
    params: Adaptation,
    alert_ratio: float,
) -> AdaptationResult:
    """Exposure of the oldest to heat and the needs of a heat plan, per unit.

    Parameters
    ----------
    climate
        Heat indicators by (year, unit).
    years
        Stock years (1 January).
    unit_population
        Persons by (year, unit, sex, age 0…105+).
    unit_deaths
        Deaths during each flow year by age on 1 January (persons a year), shape
        (year−1, unit, sex, age).
    home, institution
        APA beneficiaries at home and in institution (persons), shape (year, unit)
        (:func:`prospectif.models.ageing.project_ageing`).
    places
        Places in residential care needed (places), shape (year, unit).
    weights
        Share of each unit in the territory (fraction), shape (unit,).
    params
        The scenario's adaptation levers.
    alert_ratio
        Heat-alert (canicule) days of Santé publique France per DRIAS heatwave day (ratio):
        the relative excess mortality is measured on the former, the climate gives the latter.

    Raises
    ------
    ModelError
        When the shapes do not match the years and units.
    """
    years = np.asarray(years)
    shape = (len(years), unit_population.shape[1])
    for name, values in (
        ("heatwave_days", climate.heatwave_days),
        ("home", home),
        ("institution", institution),
        ("places", places),
    ):
        if np.shape(values) != shape:
            raise ModelError("model.shape", name=name, shape=np.shape(values), expected=shape)
    expected = (shape[0] - 1, *unit_population.shape[1:])
    if unit_deaths.shape != expected:
        raise ModelError(
            "model.shape", name="unit_deaths", shape=unit_deaths.shape, expected=expected
        )
    aged_75 = unit_population[..., ELDERLY_AGE:].sum(axis=(-1, -2))
    aged_85 = unit_population[..., OLDEST_AGE:].sum(axis=(-1, -2))
    alone = ALONE_SHARE_75 * np.maximum(aged_75 - home - institution, 0.0)
    deaths = np.stack(
        [unit_deaths.sum(axis=(-1, -2)), unit_deaths[..., ELDERLY_AGE:].sum(axis=(-1, -2))]
    )
    return AdaptationResult(
        years=years,
        weights=np.asarray(weights, dtype=float),
        climate=climate,
        persons=np.stack([aged_75, aged_85, home]),
        inhabitants=unit_population.sum(axis=(-1, -2)),
        registered=alone * params.registered_share / 100.0,
        cooled_places=places / PLACES_PER_INSTITUTION * params.cooled_places_per_institution,
        deaths=deaths,
        params=params,
        alert_ratio=float(alert_ratio),
    )
