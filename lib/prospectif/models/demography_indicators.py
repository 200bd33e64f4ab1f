"""Demographic indicators of one territory, from its projected stocks and flows."""

from __future__ import annotations

import numpy as np

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
