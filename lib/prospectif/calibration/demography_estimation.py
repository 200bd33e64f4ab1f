"""Territorial differentials and net migration of départements, estimated from population data.

No births or deaths by département are embedded, so the differentials are indirect estimates
(equations in ``docs/methodology/demography.md``):

- fertility index: standardised child–woman ratio (children 0–4 per woman weighted by the national
  fertility schedule), relative to France;
- mortality index: the multiplier of national death quotients that reproduces the observed
  five-year survival of people aged 75 and over (75+ → 80+), relative to France;
- net migration: residual method, P(t+1) − survivors of P(t), by sex and single age, averaged
  over a window of years, then split into an international part (France's balance shared by
  population) and an internal part (which sums to zero over départements).
"""

from __future__ import annotations

import numpy as np

from ..models.demography import DemographyEstimates
from ..models.lifetable import projection_survival

MORTALITY_INDEX_BOUNDS = (0.6, 1.6)
OLD_AGE_FROM = 75
SURVIVAL_SPAN = 5
CHILD_AGES = slice(0, 5)
AGE_SMOOTHING = np.array([1.0, 2.0, 3.0, 2.0, 1.0]) / 9.0


def fertility_index(
    population: np.ndarray, schedule: np.ndarray, fertile_ages: np.ndarray
) -> np.ndarray:
    """Standardised child–woman ratio of each département relative to France (ratio).

    Parameters
    ----------
    population
        Population on 1 January over a few years (persons), shape (year, dep, sex, age).
    schedule
        National fertility rates by age (births per woman), for ``fertile_ages``.
    """
    children = population[..., CHILD_AGES].sum(axis=(-1, -2))
    weighted_women = (population[..., 0, fertile_ages] * schedule).sum(axis=-1)
    local = np.nanmean(children / weighted_women, axis=0)
    national = np.nansum(children, axis=1) / np.nansum(weighted_women, axis=1)
    index = local / np.nanmean(national)
    births_weight = np.nanmean(weighted_women, axis=0)
    return index * np.nansum(births_weight) / np.nansum(index * births_weight)


def _survival_path(qx_years: np.ndarray, multiplier: np.ndarray, open_age: int) -> np.ndarray:
    """Survival ratios by age for quotients (year, sex, age) × multiplier (dep, sex)."""
    scaled = np.minimum(qx_years[:, None] * multiplier[None, ..., None], 1.0)
    return projection_survival(scaled, open_age)[0]


def _age_one_year(population: np.ndarray, survival: np.ndarray) -> np.ndarray:
    """Survivors one year later by age at the end, closing the open group; age 0 left empty."""
    survivors = population * survival
    aged = np.zeros_like(survivors)
    aged[..., 1:] = survivors[..., :-1]
    aged[..., -1] += survivors[..., -1]
    return aged


def mortality_index(
    population: np.ndarray, qx: np.ndarray, open_age: int, iterations: int = 40
) -> np.ndarray:
    """Death-quotient multiplier reproducing each département's 5-year survival at 75+ (ratio).

    Parameters
    ----------
    population
        Population on 1 January of the first and last year of a 5-year span (persons),
        shape (2, dep, sex, age).
    qx
        National quotients of the 5 years of the span (fraction), shape (5, sex, age 0…120).
    """
    start, end = population[0], population[-1]
    observed = end[..., OLD_AGE_FROM + SURVIVAL_SPAN :].sum(-1) / start[..., OLD_AGE_FROM:].sum(-1)
    old = np.zeros_like(start)
    old[..., OLD_AGE_FROM:] = start[..., OLD_AGE_FROM:]
    low = np.full(observed.shape, np.log(MORTALITY_INDEX_BOUNDS[0]))
    high = np.full(observed.shape, np.log(MORTALITY_INDEX_BOUNDS[1]))
    for _ in range(iterations):
        mid = 0.5 * (low + high)
        survival = _survival_path(qx, np.exp(mid), open_age)
        cohort = old
        for year in range(SURVIVAL_SPAN):
            cohort = _age_one_year(cohort, survival[year])
        expected = cohort.sum(-1) / start[..., OLD_AGE_FROM:].sum(-1)
        survives_too_well = expected > observed
        low = np.where(survives_too_well, mid, low)
        high = np.where(survives_too_well, high, mid)
    return np.where(np.isfinite(observed), np.exp(0.5 * (low + high)), 1.0)


def _smooth_over_age(values: np.ndarray) -> np.ndarray:
    """Weighted 5-year moving average over ages 1…open−1 (ages 0 and open kept)."""
    inner = values[..., 1:-1]
    padded = np.concatenate(
        [inner[..., :1].repeat(2, -1), inner, inner[..., -1:].repeat(2, -1)], axis=-1
    )
    windows = np.lib.stride_tricks.sliding_window_view(padded, len(AGE_SMOOTHING), axis=-1)
    smoothed = values.copy()
    smoothed[..., 1:-1] = windows @ AGE_SMOOTHING
    return smoothed


def yearly_residuals(
    population: np.ndarray, qx: np.ndarray, mortality: np.ndarray, open_age: int
) -> tuple[np.ndarray, np.ndarray]:
    """Net migration of each year by the residual method, P(t+1) − survivors of P(t), and the
    survivors (persons), shape (year−1, dep, sex, age) by age at the end of the year; age 0
    holds the newborns themselves (no births are embedded). Arguments as
    :func:`residual_migration`.
    """
    survivors = _age_one_year(population[:-1], _survival_path(qx, mortality, open_age))
    return population[1:] - survivors, survivors


def residual_migration(
    population: np.ndarray, qx: np.ndarray, mortality: np.ndarray, open_age: int
) -> tuple[np.ndarray, np.ndarray]:
    """Average annual net migration by the residual method, and the survivors it applies to.

    Parameters
    ----------
    population
        Population on 1 January of consecutive years (persons), shape (year, dep, sex, age);
        NaN years of a département are left out of its average.
    qx
        National quotients of every year but the last (fraction), shape (year−1, sex, age 0…120).
    mortality
        Mortality index (ratio), shape (dep, sex).

    Returns
    -------
    counts, survivors
        Net migration (persons per year) and survivors (persons) by age at the end of the year,
        shape (dep, sex, age). Age 0 gets half the rate of age 1 (half a year of exposure).
    """
    residual, survivors = yearly_residuals(population, qx, mortality, open_age)
    counts = np.nanmean(residual, axis=0)
    mean_survivors = np.nanmean(survivors, axis=0)
    newborns = np.nanmean(population[1:, ..., 0], axis=0)
    rate_one = counts[..., 1] / np.maximum(mean_survivors[..., 1], 1.0)
    counts[..., 0] = 0.5 * rate_one * newborns
    mean_survivors[..., 0] = newborns
    return _smooth_over_age(np.nan_to_num(counts)), np.nan_to_num(mean_survivors)


def estimate(
    population: np.ndarray,
    years: np.ndarray,
    base_year: int,
    window_years: int,
    qx: np.ndarray,
    qx_years: np.ndarray,
    schedule: np.ndarray,
    fertile_ages: np.ndarray,
) -> DemographyEstimates:
    """Estimate every département's differentials and migration from data up to ``base_year``.

    Parameters
    ----------
    population
        Population estimates on 1 January (persons), shape (year, dep, sex, age), for ``years``.
    window_years
        Length of the migration window ending at ``base_year`` (years).
    qx, qx_years
        National observed quotients (fraction), shape (year, sex, age 0…120), and their years.
    schedule
        National fertility rates by age of the base period (births per woman).
    """
    open_age = population.shape[-1] - 1

    def pop(first: int, last: int) -> np.ndarray:
        return population[first - years[0] : last - years[0] + 1]

    def quotients(first: int, last: int) -> np.ndarray:
        return qx[first - qx_years[0] : last - qx_years[0] + 1]

    start = base_year - window_years
    span_start = base_year - SURVIVAL_SPAN
    mortality = mortality_index(
        pop(span_start, base_year)[[0, -1]], quotients(span_start, base_year - 1), open_age
    )
    base = pop(base_year, base_year)[0]
    base_deaths = np.nansum(
        base
        * (
            1
            - _survival_path(
                quotients(base_year - 1, base_year - 1), np.ones_like(mortality), open_age
            )[0]
        ),
        -1,
    )
    scaled_deaths = np.nansum(
        base
        * (1 - _survival_path(quotients(base_year - 1, base_year - 1), mortality, open_age)[0]),
        -1,
    )
    mortality = mortality * np.nansum(base_deaths, 0) / np.nansum(scaled_deaths, 0)
    counts, survivors = residual_migration(
        pop(start, base_year), quotients(start, base_year - 1), mortality, open_age
    )
    totals = base.sum(axis=(-1, -2))
    share = totals / np.nansum(totals)  # a département without estimates (Mayotte before
    national = np.nansum(counts, axis=0)  # 2014) stays NaN and leaves the others defined
    internal = counts - share[:, None, None] * national
    return DemographyEstimates(
        base_year=base_year,
        window=(start, base_year),
        fertility_index=fertility_index(pop(base_year - 4, base_year), schedule, fertile_ages),
        mortality_index=mortality,
        internal_counts=internal,
        internal_rates=internal / np.maximum(survivors, 1.0),
        international_profile=national / national.sum(),
        population_share=share,
    )


def trend_quotients(
    qx: np.ndarray, qx_years: np.ndarray, base_year: int, span: int, until: int
) -> tuple[np.ndarray, np.ndarray]:
    """Quotients extrapolated from ``base_year`` − 1 by each age's log-linear trend over the
    ``span`` previous years (fraction), years ``base_year - 1`` … ``until``.
    """
    last = base_year - 1 - int(qx_years[0])
    window = np.log(np.clip(qx[last - span : last + 1], 1e-9, 1.0))
    slope = (window[-1] - window[0]) / span
    steps = np.arange(until - base_year + 2)[:, None, None]
    return np.arange(base_year - 1, until + 1), np.minimum(np.exp(window[-1] + slope * steps), 1.0)
