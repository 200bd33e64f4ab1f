"""Ageing and autonomy: APA beneficiaries, places, care workforce, carers and cost.

Pure NumPy, vectorised over years × départements × sex × age. For each département (unit) u,
setting x (home, institution), sex s and age a ≥ 60, on 1 January of year t:

  B_x(t, u) = Σ_{s,a} k_x(u) · p_x(s, a − Δ(t, u, s)) · (1 + τ)^(t − 2025) · P(t, u, s, a),

with p the national 2022 prevalence curves, k the département's calibration factors
(:mod:`prospectif.calibration.ageing_calibration`), Δ the shift of the curve along age (0 for
constant prevalence; ± ``shift_share`` × the life-expectancy gain since 2025 for compression /
expansion) and τ the expert annual trend; home + institution prevalence is capped at 1. The
policy levers then move beneficiaries between settings and turn them into places, hours, staff
and cost.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError

if TYPE_CHECKING:
    from ..scenario.ageing import Ageing, Policy, Prevalence

__all__ = ["AgeingInputs", "AgeingResult", "project_ageing"]

FIRST_AGE = 60
"""The APA is paid from age 60."""
ELDERLY_AGE = 75
MONTHS = 12
CARER_AGES = (50, 75)
"""Potential family carers: people aged 50–74 (ages 50 to 74 inclusive)."""
OLDEST_AGE = 85
MAX_SHIFT = 60
"""Largest shift of the prevalence curve towards younger ages (years), far beyond any use."""


@dataclass(frozen=True)
class AgeingInputs:
    """Everything territory-specific the ageing model needs, for its départements (units).

    Attributes
    ----------
    units
        Département codes, in the order of the territory's départements.
    prevalence
        National APA prevalence of 2022 by setting (home, institution), sex and single age
        0…105 (fraction; 0 below 60), shape (setting, sex, age).
    factors
        Calibration factors by unit and setting (dimensionless), shape (unit, setting).
    places_per_beneficiary
        Today's places per beneficiary in institution (places per person), shape (unit,).
    places_today
        Estimated places in residential care at the end of 2023 (places), shape (unit,).
    aged_75
        Persons aged 75+ on 1 January 2025 (INSEE estimates), the population today's places
        serve, shape (unit,).
    status
        How each unit was calibrated: ``drees`` (its own count), ``joint`` (Corsica: one
        factor for 2A and 2B) or ``national`` (no DREES count: the national factor).
    """

    units: tuple[str, ...]
    prevalence: np.ndarray
    factors: np.ndarray
    places_per_beneficiary: np.ndarray
    places_today: np.ndarray
    aged_75: np.ndarray
    status: tuple[str, ...]


def capped(rates: np.ndarray) -> np.ndarray:
    """Rates by (setting, ...) scaled down where home + institution would exceed 1."""
    return rates / np.maximum(rates.sum(0), 1.0)


@dataclass(frozen=True)
class AgeingResult:
    """Projected care needs of each unit and their weights in the territory.

    Attributes
    ----------
    years
        Stock years (1 January), from the base year 2025.
    weights
        Share of each unit in the territory (fraction), shape (unit,).
    home, institution
        APA beneficiaries by setting (persons), shape (year, unit).
    places_needed
        Places in residential care needed (places), shape (year, unit).
    places_today
        Estimated places today in each unit's population (places), shape (unit,).
    population_60, carers, oldest
        Persons aged 60+, 50–74 and 85+, shape (year, unit).
    policy
        The policy levers applied (hours, staff, costs).

    Annual quantities (hours, staff, cost) are computed on the beneficiaries of 1 January.
    """

    years: np.ndarray
    weights: np.ndarray
    home: np.ndarray
    institution: np.ndarray
    places_needed: np.ndarray
    places_today: np.ndarray
    population_60: np.ndarray
    carers: np.ndarray
    oldest: np.ndarray
    policy: Policy

    def take(self, units: np.ndarray, weights: np.ndarray) -> AgeingResult:
        """The result of the units at positions ``units`` only, with their ``weights``."""
        if np.array_equal(units, np.arange(len(self.weights))):
            return dataclasses.replace(self, weights=weights)
        return dataclasses.replace(
            self,
            weights=weights,
            home=self.home[:, units],
            institution=self.institution[:, units],
            places_needed=self.places_needed[:, units],
            places_today=self.places_today[units],
            population_60=self.population_60[:, units],
            carers=self.carers[:, units],
            oldest=self.oldest[:, units],
        )

    def _sum(self, values: np.ndarray) -> np.ndarray:
        return values @ self.weights

    @property
    def beneficiaries(self) -> np.ndarray:
        """APA beneficiaries of the territory, home + institution (persons), by year."""
        return self._sum(self.home) + self._sum(self.institution)


def project_ageing(
    inputs: AgeingInputs,
    years: np.ndarray,
    unit_population: np.ndarray,
    weights: np.ndarray,
    life_expectancy: np.ndarray,
    params: Ageing,
    summed: bool = False,
) -> AgeingResult:
    """Project the care needs of a territory's départements.

    Parameters
    ----------
    inputs
        Calibrated inputs (:func:`ageing_inputs`), units in the order of ``unit_population``.
    years
        Stock years (1 January), the first being the base year (2025).
    unit_population
        Persons by (year, unit, sex F/M, age 0…105+).
    weights
        Share of each unit in the territory (fraction), shape (unit,).
    life_expectancy
        Life expectancy at birth (years) by (year, unit, sex) from ``years[0]`` on; when it has
        fewer rows than ``years`` (flow years of the demography), the last row is carried on.
    params
        The scenario's ageing assumptions.
    summed
        Sum constant-prevalence beneficiaries without building the rates when it is safe
        (:func:`base_beneficiaries`; the same to ~1e-12, for the thousands of units of
        probabilistic runs). Off by default: whether it is safe depends on every unit of the
        call, and a territory must get the same numbers whatever else is computed with it.

    Today's places of a unit are its département's, scaled by the unit's population aged 75+
    in ``years[0]`` over the département's (1 for whole départements; a census-based commune
    projected as one unit gets its share).

    Raises
    ------
    ValueError
        When the shapes do not match the inputs' units or the years.
    """
    years = np.asarray(years)
    _check_shapes(inputs, years, unit_population, weights, life_expectancy)
    elapsed = (years - years[0]).astype(float)
    population = unit_population[..., FIRST_AGE:]
    home_base, institution_base = base_beneficiaries(
        inputs, elapsed, life_expectancy, params.prevalence, population, summed
    )
    pol = params.policy
    progress = np.clip(elapsed / max(pol.target_year - years[0], 1), 0.0, 1.0)[:, None]
    moved = np.clip(
        pol.home_shift / 100.0 * progress * (home_base + institution_base),
        -home_base,
        institution_base,
    )
    home, institution = home_base + moved, institution_base - moved
    aged_75 = unit_population[..., ELDERLY_AGE:].sum(axis=(-1, -2))
    places = places_needed(inputs, institution, aged_75, progress, pol)
    today = inputs.places_today * aged_75[0] / inputs.aged_75
    return AgeingResult(
        years=years,
        weights=np.asarray(weights, dtype=float),
        home=home,
        institution=institution,
        places_needed=places,
        places_today=today,
        population_60=population.sum(axis=(-1, -2)),
        carers=unit_population[..., CARER_AGES[0] : CARER_AGES[1]].sum(axis=(-1, -2)),
        oldest=unit_population[..., OLDEST_AGE:].sum(axis=(-1, -2)),
        policy=pol,
    )


def base_beneficiaries(
    inputs: AgeingInputs,
    elapsed: np.ndarray,
    life_expectancy: np.ndarray,
    prev: Prevalence,
    population: np.ndarray,
    summed: bool = True,
) -> np.ndarray:
    """Beneficiaries by (setting, year, unit) before the policy levers (persons), from the
    population aged 60+ by (year, unit, sex, age).

    With constant prevalence and no cell where home + institution could exceed 1, the rates
    are a product of the curves, the unit's factor and the trend, summed without building
    them when ``summed`` (the same sums to ~1e-12; it matters for the thousands of units of
    probabilistic runs).
    """
    if summed and prev.scenario == "constant":
        curves = inputs.prevalence[..., FIRST_AGE:]
        trend = (1.0 + prev.annual_trend / 100.0) ** elapsed
        highest = (curves * inputs.factors.max(0)[:, None, None]).sum(0).max() * trend.max()
        if highest <= 1.0:
            totals = np.einsum("xsa,tusa->xtu", curves, population)
            return totals * inputs.factors.T[:, None, :] * trend[None, :, None]
    rates = setting_prevalence(inputs, elapsed, life_expectancy, prev)
    return np.einsum("xtusa,tusa->xtu", rates, population)


def setting_prevalence(
    inputs: AgeingInputs, elapsed: np.ndarray, life_expectancy: np.ndarray, prev: Prevalence
) -> np.ndarray:
    """Calibrated prevalence by (setting, year, unit, sex, age 60…105+) (fraction).

    The national curves are read at age a − Δ (linear interpolation between single ages),
    multiplied by the unit's factors and the trend, and scaled down where home + institution
    would exceed 1.
    """
    gain = _stock_rows(life_expectancy, len(elapsed))
    gain = gain - gain[:1]
    direction = {"constant": 0.0, "compression": 1.0, "expansion": -1.0}[prev.scenario]
    start = FIRST_AGE - direction * prev.shift_share * gain  # age read at 60, (year, unit, sex)
    windows = _age_windows(inputs.prevalence)
    low = np.floor(start)
    frac = (start - low)[None, ..., None]
    low = np.clip(low.astype(int), 0, windows.shape[2] - 2)
    sex = np.arange(windows.shape[1])
    rates = windows[:, sex, low] * (1.0 - frac) + windows[:, sex, low + 1] * frac
    trend = (1.0 + prev.annual_trend / 100.0) ** elapsed
    rates *= inputs.factors.T[:, None, :, None, None] * trend[None, :, None, None, None]
    return capped(rates)


def places_needed(
    inputs: AgeingInputs,
    institution: np.ndarray,
    aged_75: np.ndarray,
    progress: np.ndarray,
    pol: Policy,
) -> np.ndarray:
    """Places needed (places), shape (year, unit).

    ``need``: beneficiaries in institution × today's places per beneficiary of the unit;
    ``rate``: population 75+ × an equipment rate moving linearly from today's to
    ``places_per_100`` in the target year.
    """
    if pol.places_rule == "need":
        return institution * inputs.places_per_beneficiary
    today = 100.0 * inputs.places_today / inputs.aged_75
    rate = today + (pol.places_per_100 - today) * progress
    return rate * aged_75 / 100.0


def _age_windows(curves: np.ndarray) -> np.ndarray:
    """Windows over ages 60…105+ of the curves (setting, sex, age), from any start age.

    A view of shape (setting, sex, start, age); ages above 105 keep the 105+ value.
    """
    ages = curves.shape[-1] - FIRST_AGE
    padded = np.concatenate([curves, np.repeat(curves[..., -1:], MAX_SHIFT, axis=-1)], axis=-1)
    return np.lib.stride_tricks.sliding_window_view(padded, ages, axis=-1)


def _stock_rows(values: np.ndarray, count: int) -> np.ndarray:
    """The first ``count`` rows of ``values``, the last row repeated when it has fewer."""
    return values[np.minimum(np.arange(count), len(values) - 1)]


def _check_shapes(
    inputs: AgeingInputs,
    years: np.ndarray,
    unit_population: np.ndarray,
    weights: np.ndarray,
    life_expectancy: np.ndarray,
) -> None:

    units = len(inputs.units)
    expected = (len(years), units, 2, inputs.prevalence.shape[-1])
    if unit_population.shape != expected:
        shape = unit_population.shape
        raise ModelError("model.shape", name="unit_population", shape=shape, expected=expected)
    if np.shape(weights) != (units,):
        raise ModelError("model.shape", name="weights", shape=np.shape(weights), expected=(units,))
    if life_expectancy.ndim != 3 or life_expectancy.shape[1:] != (units, 2):
        shape, wanted = life_expectancy.shape, f"(year, {units}, 2)"
        raise ModelError("model.shape", name="life_expectancy", shape=shape, expected=wanted)
