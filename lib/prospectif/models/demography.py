"""Cohort-component projection: annual steps, single ages 0…105+, both sexes, any territories.

The core (:func:`project`) is pure NumPy and vectorised over territories. Each year, for the
population P aged a on 1 January:

- deaths D(a) = P(a)·(1 − s(a)), with s the survival ratio of the period life table
  (L(a+1)/L(a), and T(106)/T(105) for the open group 105+);
- survivors move up one age; the open group keeps its own survivors and receives age 104's;
- net migration M is added by age at the end of the year (rates × survivors, or counts);
- births B = Σ f(a)·(P_F(a) at start + P_F(a) at end)/2, split by the sex ratio at birth;
  they enter age 0 after infant deaths B·(1 − L0).

So P(t+1) = P(t) − deaths + births + net migration holds in every cell by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .lifetable import (
    extend_quotients,
    person_years,
    reached_survival,
    solve_mortality_multiplier,
    survival_ratios,
)

if TYPE_CHECKING:
    from ..scenario.demography import Demography
    from ..scenario.schedules import ScheduleTables
    from .stochastic import Shocks

FEMALE, MALE = 0, 1


@dataclass(frozen=True)
class DemographyEstimates:
    """Differentials and migration estimated for every département at a base year.

    Attributes
    ----------
    base_year
        Year of the base population (1 January).
    window
        First and last year (1 January) of the observations used for migration.
    fertility_index
        Fertility relative to France (ratio), shape (dep,).
    mortality_index
        Death-quotient multiplier relative to France (ratio), shape (dep, sex).
    internal_counts
        Internal net migration (persons per year), by sex and age at the end of the year,
        shape (dep, sex, age); sums to zero over départements.
    internal_rates
        The same as a rate of the survivors (per person per year), shape (dep, sex, age).
    international_profile
        Age–sex distribution of France's net migration (fractions summing to 1), shape (sex, age).
    population_share
        Share of France's population in the base year (fraction), shape (dep,).
    """

    base_year: int
    window: tuple[int, int]
    fertility_index: np.ndarray
    mortality_index: np.ndarray
    internal_counts: np.ndarray
    internal_rates: np.ndarray
    international_profile: np.ndarray
    population_share: np.ndarray


@dataclass(frozen=True)
class RatePaths:
    """Everything the projection needs year by year (index t = flows of year ``years[t]``).

    Attributes
    ----------
    years
        Flow years, from the base year to the year before the horizon.
    survival
        Survival ratios by age at 1 January (fraction), shape (year, unit, sex, age).
    birth_survival
        Probability that a birth of the year is alive on the next 1 January, (year, unit, sex).
    asfr
        Fertility rates of women by single age 0…105 (births per woman), (year, unit, age).
    boys_share
        Share of boys among births (fraction).
    migration_rates
        Net migration per survivor (per person per year), (unit, sex, age), or None.
    migration_counts
        Net migration added as counts (persons per year), shape (year, unit, sex, age).
    tfr
        Total fertility rate applied (children per woman), shape (year, unit).
    life_expectancy
        Life expectancy at birth of the applied tables (years), shape (year, unit, sex).
    """

    years: np.ndarray
    survival: np.ndarray
    birth_survival: np.ndarray
    asfr: np.ndarray
    boys_share: float
    migration_rates: np.ndarray | None
    migration_counts: np.ndarray
    tfr: np.ndarray
    life_expectancy: np.ndarray

    def take(self, units: np.ndarray) -> RatePaths:
        """The paths of the units at positions ``units`` only (itself if that is all of them)."""
        if np.array_equal(units, np.arange(self.tfr.shape[1])):
            return self
        rates = None if self.migration_rates is None else self.migration_rates[units]
        return RatePaths(
            self.years,
            self.survival[:, units],
            self.birth_survival[:, units],
            self.asfr[:, units],
            self.boys_share,
            rates,
            self.migration_counts[:, units],
            self.tfr[:, units],
            self.life_expectancy[:, units],
        )


def stack_paths(paths: list[RatePaths]) -> RatePaths:
    """Paths with the same years, sex ratio and migration mode, stacked along the unit axis."""
    first = paths[0]
    rates = None
    if first.migration_rates is not None:
        rates = [np.asarray(p.migration_rates) for p in paths]
    return RatePaths(
        first.years,
        np.concatenate([p.survival for p in paths], axis=1),
        np.concatenate([p.birth_survival for p in paths], axis=1),
        np.concatenate([p.asfr for p in paths], axis=1),
        first.boys_share,
        None if rates is None else np.concatenate(rates),
        np.concatenate([p.migration_counts for p in paths], axis=1),
        np.concatenate([p.tfr for p in paths], axis=1),
        np.concatenate([p.life_expectancy for p in paths], axis=1),
    )


@dataclass(frozen=True)
class Projection:
    """Projected stocks and flows of each unit.

    Attributes
    ----------
    years
        Stock years (1 January), base year to horizon; flows cover ``years[:-1]``.
    population
        Persons on 1 January, shape (year, unit, sex, age).
    births
        Births during the year by sex (persons per year), shape (year−1, unit, sex).
    deaths
        Deaths during the year by age on 1 January (persons per year), (year−1, unit, sex, age)
        (without the age axis when projected without ``by_age``).
    infant_deaths
        Deaths during the year of children born that year, (year−1, unit, sex).
    migration
        Net migration by age at the end of the year (persons per year), (year−1, unit, sex, age)
        (without the age axis when projected without ``by_age``).
    """

    years: np.ndarray
    population: np.ndarray
    births: np.ndarray
    deaths: np.ndarray
    infant_deaths: np.ndarray
    migration: np.ndarray

    def take(self, units: np.ndarray) -> Projection:
        """The projection of the units at positions ``units`` only (itself if that is all)."""
        if np.array_equal(units, np.arange(self.population.shape[1])):
            return self
        return Projection(
            self.years,
            self.population[:, units],
            self.births[:, units],
            self.deaths[:, units],
            self.infant_deaths[:, units],
            self.migration[:, units],
        )


def project(
    base: np.ndarray, paths: RatePaths, shocks: Shocks | None = None, by_age: bool = True
) -> Projection:
    """Project ``base`` (persons, shape (unit, sex, age)) with ``paths``, year by year.

    With ``shocks`` (:class:`~.stochastic.Shocks`) every draw is projected at once: the arrays
    of the projection get a draw axis after the year, (year, draw, unit, …). Without
    ``by_age``, deaths and migration are kept summed over age, shape (year−1, …, sex): the
    thousands of draws of probabilistic runs need no more, and half the memory traffic.
    """
    steps = len(paths.years)
    shape = base.shape if shocks is None else (shocks.draws, *base.shape)
    population = np.empty((steps + 1, *shape))
    population[0] = base
    births = np.empty((steps, *shape[:-1]))
    deaths = np.empty((steps, *(shape if by_age else shape[:-1])))
    infant_deaths = np.empty((steps, *shape[:-1]))
    migration = np.empty_like(deaths)
    sex_split = np.array([1.0 - paths.boys_share, paths.boys_share])
    for t in range(steps):
        rates = (
            paths.survival[t],
            paths.birth_survival[t],
            paths.asfr[t],
            paths.migration_counts[t],
        )
        if shocks is not None:
            rates = shocks.rates(t, *rates)
        survival, birth_survival, asfr, counts = rates
        current = population[t]
        survivors = current * survival
        dying = current - survivors
        deaths[t] = dying if by_age else dying.sum(axis=-1)
        aged = np.empty_like(current)
        aged[..., 1:] = survivors[..., :-1]
        aged[..., -1] += survivors[..., -1]
        women_start = current[..., FEMALE, :]
        aged[..., 0] = 0.0  # newborns enter once the women at the end of the year are known
        flow = np.array(np.broadcast_to(counts, shape))
        if paths.migration_rates is not None:
            flow[..., 1:] += paths.migration_rates[..., 1:] * aged[..., 1:]
        flow[..., 1:] = np.maximum(flow[..., 1:], -aged[..., 1:])
        women_end = aged[..., FEMALE, :] + flow[..., FEMALE, :]
        total_births = (asfr * 0.5 * (women_start + women_end)).sum(axis=-1)
        births[t] = total_births[..., None] * sex_split
        newborns = births[t] * birth_survival
        infant_deaths[t] = births[t] - newborns
        if paths.migration_rates is not None:
            flow[..., 0] += paths.migration_rates[..., 0] * newborns
        flow[..., 0] = np.maximum(flow[..., 0], -newborns)
        aged[..., 0] = newborns
        migration[t] = flow if by_age else flow.sum(axis=-1)
        population[t + 1] = aged + flow
    years = np.append(paths.years, paths.years[-1] + 1)
    return Projection(years, population, births, deaths, infant_deaths, migration)


def linear_path(
    start: float, target: float, first_year: int, target_year: int, years: np.ndarray
) -> np.ndarray:
    """Values going linearly from ``start`` in ``first_year`` to ``target`` in ``target_year``,
    then held constant.
    """
    progress = np.clip((years - first_year) / max(target_year - first_year, 1), 0.0, 1.0)
    return start + (target - start) * progress


def national_quotients(
    qx_path: np.ndarray, path_years: np.ndarray, assumptions: Demography, years: np.ndarray
) -> np.ndarray:
    """National death quotients (fraction) of ``years``, shape (year, sex, age), with life
    expectancy reaching the scenario's targets exactly in the target year.

    The INSEE path is multiplied by k(t) per sex, with log k growing linearly from 0 in the
    first year to its solved value in the target year and constant afterwards.
    """
    mortality = assumptions.mortality
    position = np.clip(years - path_years[0], 0, len(path_years) - 1)
    qx = qx_path[position]
    target_position = min(mortality.target_year - path_years[0], len(path_years) - 1)
    targets = np.array([mortality.e0_female_target, mortality.e0_male_target])
    multiplier = solve_mortality_multiplier(qx_path[target_position], targets)
    ramp = linear_path(0.0, 1.0, int(years[0]), mortality.target_year, years)
    factor = np.exp(np.log(multiplier)[None, :] * ramp[:, None])
    return np.minimum(qx * factor[..., None], 1.0)


def fertility_schedule(
    reference: np.ndarray, fertile_ages: np.ndarray, shift: np.ndarray, ages: int
) -> np.ndarray:
    """Age schedules summing to 1, shifted by ``shift`` years (one per year), on ages 0…ages−1.

    ``reference`` gives rates at ``fertile_ages`` (births per woman); the shape is moved along
    age by linear interpolation and renormalised.
    """
    shape = reference / reference.sum()
    grid = np.arange(ages)
    shifted = np.stack(
        [
            np.interp(grid - s, fertile_ages, shape, left=0.0, right=0.0)
            for s in np.atleast_1d(shift)
        ]
    )
    return shifted / shifted.sum(axis=-1, keepdims=True)


def rate_paths(
    assumptions: Demography,
    estimates: DemographyEstimates,
    units: np.ndarray,
    qx_path: np.ndarray,
    qx_path_years: np.ndarray,
    reference_asfr: np.ndarray,
    fertile_ages: np.ndarray,
    horizon: int,
    ages: int,
) -> RatePaths:
    """Year-by-year rates for the départements ``units`` (positions in ``estimates``).

    Parameters
    ----------
    qx_path, qx_path_years
        National quotients path before the scenario's adjustment (fraction), (year, sex, 0…120).
    reference_asfr
        Reference fertility schedule at ``fertile_ages`` (births per woman); only its shape
        is used, scaled to the scenario's TFR.
    horizon
        Last stock year (1 January).
    ages
        Number of single ages (106 for 0…105+).
    """
    base_year = estimates.base_year
    years = np.arange(base_year, horizon)
    fert, mort, migr = assumptions.fertility, assumptions.mortality, assumptions.migration
    national_qx = national_quotients(qx_path, qx_path_years, assumptions, years)
    local = mort.territorial_differential
    differential = estimates.mortality_index[units] ** local
    qx = np.minimum(national_qx[:, None] * differential[None, ..., None], 1.0)
    lived = person_years(qx)
    survival, birth_survival = survival_ratios(lived, ages - 1)
    tfr = linear_path(fert.tfr_start, fert.tfr_target, base_year, fert.tfr_target_year, years)
    shift = linear_path(0.0, fert.mean_age_shift, base_year, fert.tfr_target_year, years)
    schedule = fertility_schedule(reference_asfr, fertile_ages, shift, ages)
    index = estimates.fertility_index[units][None, :]
    if fert.differentials == "converge":
        progress = linear_path(0.0, 1.0, base_year, fert.differentials_year, years)[:, None]
        index = index + (1.0 - index) * progress
    local_tfr = tfr[:, None] * index
    asfr = local_tfr[..., None] * schedule[:, None, :]
    international = (
        migr.france_net_total
        * estimates.population_share[units][:, None, None]
        * estimates.international_profile[None]
    )
    scale = migr.internal_scale
    if migr.mode == "rates":
        rates = scale * estimates.internal_rates[units]
        counts = np.broadcast_to(international, (len(years), *international.shape))
    else:
        rates = None
        counts = np.broadcast_to(
            international + scale * estimates.internal_counts[units],
            (len(years), *international.shape),
        )
    return RatePaths(
        years,
        survival,
        birth_survival,
        asfr,
        boys_share(fert.sex_ratio_at_birth),
        rates,
        counts,
        local_tfr,
        lived.sum(axis=-1),
    )


def boys_share(sex_ratio_at_birth: float) -> float:
    """Share of boys among births (fraction) for a sex ratio (boys per 100 girls)."""
    return sex_ratio_at_birth / (100.0 + sex_ratio_at_birth)


def _held(years: np.ndarray, schedule_years: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The rows of ``values`` for ``years``, the last row held after ``schedule_years`` end."""
    return values[np.clip(years - schedule_years[0], 0, len(schedule_years) - 1)]


def schedule_paths(
    tables: ScheduleTables, horizon: int, boys_share: float, life_table_last_age: int
) -> RatePaths:
    """Year-by-year rates of one unit from a demographer's own schedules (see
    :mod:`prospectif.scenario.schedules`), from their base year to the year before ``horizon``.

    Fertility rates and net migration counts are applied as given; quotients at exact age go
    through the life table (:func:`~.lifetable.person_years`, extended to
    ``life_table_last_age`` along a Gompertz line if shorter), quotients by age reached give
    the survival ratios directly (:func:`~.lifetable.reached_survival`).
    """
    years = np.arange(tables.base_year, horizon)
    ages = tables.population.shape[-1]
    qx = _held(years, tables.mortality_years, tables.mortality)[:, None]
    if tables.mortality_ages == "exact":
        if qx.shape[-1] <= life_table_last_age:
            qx = extend_quotients(qx, life_table_last_age)
        lived = person_years(qx)
        survival, birth_survival = survival_ratios(lived, ages - 1)
        e0 = lived.sum(axis=-1)
    else:
        survival, birth_survival, e0 = reached_survival(qx, ages - 1)
    asfr = _held(years, tables.fertility_years, tables.fertility)[:, None]
    counts = _held(years, tables.migration_years, tables.migration)[:, None]
    return RatePaths(
        years, survival, birth_survival, asfr, boys_share, None, counts, asfr.sum(-1), e0
    )
