"""Demographic indicators of one territory, from its projected stocks and flows."""

from __future__ import annotations

import numpy as np

from ..results import Series

AGE_GROUPS = {
    "0-19": (0, 19),
    "20-64": (20, 64),
    "65+": (65, None),
    "75+": (75, None),
    "85+": (85, None),
}


def age_group(population: np.ndarray, first: int, last: int | None) -> np.ndarray:
    """Persons aged ``first``…``last`` (inclusive; None = open), summed over sex and age."""
    return population[..., first : None if last is None else last + 1].sum(axis=(-1, -2))


def median_age(population: np.ndarray) -> np.ndarray:
    """Median age (years), ages uniform within each single year, shape (year,)."""
    by_age = population.sum(axis=-2)
    cumulative = np.cumsum(by_age, axis=-1)
    half = cumulative[..., -1:] / 2.0
    index = (cumulative < half).sum(axis=-1)
    before = np.take_along_axis(cumulative, np.maximum(index - 1, 0)[..., None], -1)[..., 0]
    before = np.where(index > 0, before, 0.0)
    within = np.take_along_axis(by_age, index[..., None], -1)[..., 0]
    return index + (half[..., 0] - before) / within


def demography_series(
    years: np.ndarray,
    population: np.ndarray,
    births: np.ndarray,
    deaths: np.ndarray,
    migration: np.ndarray,
    tfr: np.ndarray,
    life_expectancy: np.ndarray,
) -> list[Series]:
    """The demography variables of DESIGN §9 and more, for one territory.

    Parameters
    ----------
    years
        Stock years (1 January); flows cover all but the last.
    population
        Persons by (year, sex, age).
    births, deaths, migration
        Totals during each flow year (persons per year), shape (year−1,).
    tfr
        Total fertility rate applied (children per woman), shape (year−1,).
    life_expectancy
        Life expectancy at birth applied (years), shape (year−1, sex).
    """
    flow_years = years[:-1]
    total = population.sum(axis=(-1, -2))
    series = [
        Series("Population", "persons", years, total),
        Series("Population|Female", "persons", years, population[:, 0].sum(-1)),
        Series("Population|Male", "persons", years, population[:, 1].sum(-1)),
    ]
    for label, (first, last) in AGE_GROUPS.items():
        count = age_group(population, first, last)
        series.append(Series(f"Population|Age {label}", "persons", years, count))
        series.append(Series(f"Population|Share|Age {label}", "%", years, 100 * count / total))
    natural = births - deaths
    series += [
        Series("Births", "persons/yr", flow_years, births),
        Series("Deaths", "persons/yr", flow_years, deaths),
        Series("Net Migration", "persons/yr", flow_years, migration),
        Series("Natural Balance", "persons/yr", flow_years, natural),
        Series("Population Growth", "%/yr", flow_years, 100 * np.diff(total) / total[:-1]),
        Series("Median Age", "years", years, median_age(population)),
        Series(
            "Old-Age Dependency Ratio",
            "65+ per 100 aged 20-64",
            years,
            100 * age_group(population, 65, None) / age_group(population, 20, 64),
        ),
        Series("Total Fertility Rate", "children/woman", flow_years, tfr),
        Series("Life Expectancy|Female", "years", flow_years, life_expectancy[:, 0]),
        Series("Life Expectancy|Male", "years", flow_years, life_expectancy[:, 1]),
    ]
    peak = int(np.argmax(total))
    series.append(
        Series("Population|Peak", "persons", years[peak : peak + 1], total[peak : peak + 1])
    )
    return series
