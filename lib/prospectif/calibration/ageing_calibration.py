"""Calibration of the ageing model on the DREES APA counts of the end of 2022, per département.

National single-age prevalence curves (home, institution) are built from the DREES prevalence
by sex and five-year group; each département gets one factor per setting such that
factor × Σ prevalence × population of 1 January 2023 equals its DREES count of 31 December 2022.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..errors import ModelError
from ..models.ageing import ELDERLY_AGE, FIRST_AGE, AgeingInputs, capped
from ..models.axes import BASE_YEAR, SEXES
from ..territory import Territory
from .demographic import demographic_base

CALIBRATION_YEAR = 2022
"""Last year of the DREES APA counts by département (beneficiaries on 31 December)."""
POPULATION_YEAR = 2023
"""Population of 1 January 2023: the stock closest to the counts of 31 December 2022."""
SETTINGS = ("home", "institution")
GROUP_STARTS = np.arange(60, 100, 5)
"""First ages of the DREES prevalence groups (60–64 … 90–94, 95+)."""
GROUP_CENTRES = GROUP_STARTS + 2.0
"""Ages at which the single-age curve passes through each group's level (log-linear between)."""
EHPA_PLACES_2023 = 756_400
"""Places in residential care for older people (EHPA) at the end of 2023: DREES, enquête EHPA
2023 (published 2025)."""
CORSICA_APA, CORSICA = "20", ("2A", "2B")
"""DREES counts Corsica as one unit ('20') from 2018; both départements share its factors."""

STATUS_DREES, STATUS_JOINT, STATUS_NATIONAL = "drees", "joint", "national"


def interpolation_weights(ages: np.ndarray) -> np.ndarray:
    """Weights W (age, group) such that log p(age) = W @ log(level of each group).

    Log-linear between group centres, extrapolated along the first segment below the first
    centre, flat above the last centre, zero rows below ``FIRST_AGE``.
    """
    knots = len(GROUP_CENTRES)
    weights = np.stack([np.interp(ages, GROUP_CENTRES, np.eye(knots)[k]) for k in range(knots)], 1)
    below = (ages < GROUP_CENTRES[0]) & (ages >= FIRST_AGE)
    step = (GROUP_CENTRES[0] - ages[below]) / (GROUP_CENTRES[1] - GROUP_CENTRES[0])
    weights[below, 0] = 1.0 + step
    weights[below, 1] = -step
    weights[ages < FIRST_AGE] = 0.0
    return weights


def group_of_age(ages: np.ndarray) -> np.ndarray:
    """Index of the DREES group of each age (−1 below 60; the last group is open)."""
    return np.where(ages < FIRST_AGE, -1, np.searchsorted(GROUP_STARTS, ages, side="right") - 1)


def single_age_curves(
    levels: np.ndarray, population: np.ndarray, iterations: int = 200
) -> np.ndarray:
    """Smooth single-age prevalence whose population-weighted mean in each group is its level.

    Parameters
    ----------
    levels
        Group prevalence (fraction), shape (..., sex, group).
    population
        Population by sex and age 0…105 (persons), shape (sex, age), the weights of the means.

    Returns
    -------
    Prevalence (fraction) by (..., sex, age), log-linear between group centres, with the knots
    adjusted by fixed-point iteration until every group mean matches to 1e-12.

    Raises
    ------
    ValueError
        When the iteration has not converged after ``iterations`` steps.
    """
    ages = np.arange(population.shape[-1])
    weights = interpolation_weights(ages)
    groups = group_of_age(ages)
    member = (groups[None, :] == np.arange(len(GROUP_STARTS))[:, None]).astype(float)
    exposure = member * population[:, None, :]  # (sex, group, age)
    knots = np.array(levels, dtype=float)
    for _ in range(iterations):
        curve = _curve(knots, weights, ages)
        means = np.einsum("...sa,sga->...sg", curve, exposure) / exposure.sum(-1)
        knots = knots * levels / means
        if np.max(np.abs(means / levels - 1.0)) < 1e-12:
            return _curve(knots, weights, ages)
    raise ModelError("model.prevalence_convergence", iterations=iterations)


def _curve(knots: np.ndarray, weights: np.ndarray, ages: np.ndarray) -> np.ndarray:
    return np.where(ages >= FIRST_AGE, np.exp(np.log(knots) @ weights.T), 0.0)


def prevalence_levels(table: pd.DataFrame, year: int = CALIBRATION_YEAR) -> np.ndarray:
    """DREES group prevalence (fraction) of ``year``, shape (setting, sex, group)."""
    rows = table[(table["year"] == year) & table["sex"].isin(SEXES)]
    cube = rows.pivot_table(index=["setting", "sex"], columns="age_min", values="prevalence")
    cube = cube.reindex(
        index=pd.MultiIndex.from_product([SETTINGS, SEXES]), columns=list(GROUP_STARTS)
    )
    if cube.isna().any().any():
        raise ModelError("model.apa_groups", year=year)
    return cube.to_numpy().reshape(len(SETTINGS), len(SEXES), len(GROUP_STARTS))


def fitted_counts(
    prevalence: np.ndarray, factors: np.ndarray, population: np.ndarray
) -> np.ndarray:
    """Beneficiaries (persons) by (dep, setting) of the calibrated, capped rates.

    ``prevalence`` by (setting, sex, age), ``factors`` by (dep, setting), ``population`` by
    (dep, sex, age).
    """
    rates = capped(prevalence[:, None] * factors.T[:, :, None, None])
    return np.einsum("xdsa,dsa->dx", rates, population)


def solve_factors(
    prevalence: np.ndarray,
    population: np.ndarray,
    groups: np.ndarray,
    targets: np.ndarray,
    iterations: int = 200,
) -> np.ndarray:
    """Factors (dep, setting) such that each group of départements reproduces its targets.

    ``groups`` gives each département's group (row of ``targets``, persons by setting). The
    factors start at target / uncapped expectation and are rescaled until the capped counts
    match to 1e-13 (the cap makes the counts slightly sublinear in the factors).

    Raises
    ------
    ValueError
        When the iteration has not converged after ``iterations`` steps.
    """
    factors = np.ones((len(groups), targets.shape[1]))
    for _ in range(iterations):
        achieved = np.zeros_like(targets)
        np.add.at(achieved, groups, fitted_counts(prevalence, factors, population))
        ratio = targets / achieved
        factors *= ratio[groups]
        if np.max(np.abs(ratio - 1.0)) < 1e-13:
            return factors
    raise ModelError("model.factors_convergence", iterations=iterations)


@dataclass(frozen=True)
class Calibration:
    """Calibration of every département of the demographic base (see :class:`AgeingInputs`).

    ``observed`` holds the DREES counts (persons) by (dep, setting), NaN where DREES has none
    (Mayotte, and 2A/2B counted as '20'); ``expected`` the national prevalence × population of
    1 January 2023 (persons); ``fitted`` the counts the calibrated rates give (persons);
    ``aged_75`` the persons aged 75+ on 1 January 2025.
    """

    deps: tuple[str, ...]
    prevalence: np.ndarray
    observed: np.ndarray
    expected: np.ndarray
    fitted: np.ndarray
    factors: np.ndarray
    places_today: np.ndarray
    aged_75: np.ndarray
    status: tuple[str, ...]


def calibration(data: Dataset | None = None) -> Calibration:
    """Every département calibrated on ``data`` (computed once per data set).

    Départements with a DREES count are calibrated on it; Corsica (2A, 2B) on the joint count
    '20'; départements without a count (Mayotte) take the national factor, DREES total /
    national prevalence × population of the départements it covers.
    """
    data = data or open_data()
    return data.derived("ageing.calibration", lambda: _calibrate(data))


def _calibrate(data: Dataset) -> Calibration:
    base = demographic_base(data)
    population = np.nan_to_num(base.population_in(POPULATION_YEAR))
    apa = data.table("apa_departement")
    counts = apa[apa["year"] == CALIBRATION_YEAR].set_index("dep")[list(SETTINGS)]
    status = np.array([_status(d, counts.index) for d in base.deps], dtype=object)
    units = [
        CORSICA_APA if s == STATUS_JOINT else d for d, s in zip(base.deps, status, strict=True)
    ]
    covered = status != STATUS_NATIONAL
    prevalence = single_age_curves(
        prevalence_levels(data.table("apa_prevalence")), population[covered].sum(0)
    )
    expected = np.einsum("xsa,dsa->dx", prevalence, population)
    targets = counts.loc[list(dict.fromkeys(np.array(units)[covered]))]
    groups = targets.index.get_indexer(np.array(units)[covered])
    factors = np.empty_like(expected)
    factors[covered] = solve_factors(
        prevalence, population[covered], groups, targets.to_numpy(dtype=float)
    )
    total_observed = counts.to_numpy(dtype=float).sum(0)
    factors[~covered] = total_observed / expected[covered].sum(0)
    fitted = fitted_counts(prevalence, factors, population)
    places = fitted[:, 1] * EHPA_PLACES_2023 / total_observed[1]
    observed = counts.reindex(list(base.deps)).to_numpy(dtype=float)
    aged_75 = np.nan_to_num(base.population_in(BASE_YEAR))[..., ELDERLY_AGE:].sum((-1, -2))
    return Calibration(
        base.deps,
        prevalence,
        observed,
        expected,
        fitted,
        factors,
        places,
        aged_75,
        tuple(status.tolist()),
    )


def _status(dep: str, counted: pd.Index) -> str:
    if dep in counted:
        return STATUS_DREES
    if dep in CORSICA and CORSICA_APA in counted:
        return STATUS_JOINT
    return STATUS_NATIONAL


def ageing_inputs(territory: Territory, data: Dataset | None = None) -> AgeingInputs:
    """The calibrated inputs of ``territory``'s départements, in ``territory.departements`` order.

    Raises
    ------
    ValueError
        When a département is not in the demographic base.
    """
    cal = calibration(data)
    position = {code: i for i, code in enumerate(cal.deps)}
    unknown = [code for code in territory.departements if code not in position]
    if unknown:
        raise ModelError("model.departements", code=territory.code, codes=unknown)
    rows = np.array([position[code] for code in territory.departements], dtype=int)
    factors = cal.factors[rows]
    return AgeingInputs(
        units=tuple(territory.departements),
        prevalence=cal.prevalence,
        factors=factors,
        places_per_beneficiary=cal.places_today[rows] / cal.fitted[rows, 1],
        places_today=cal.places_today[rows],
        aged_75=cal.aged_75[rows],
        status=tuple(cal.status[i] for i in rows),
    )
