"""Period life tables, vectorised: death quotients → survivors, person-years, life expectancy.

Arrays carry age on their last axis (single years from 0, the last age closing the table);
every other axis (year, territory, sex) is broadcast.
"""

from __future__ import annotations

import numpy as np

from ..errors import ModelError

INFANT_SEPARATION = 0.1
"""Average fraction of the first year lived by infants who die (a0), low-mortality countries
(Andreev and Kingkade 2015 give 0.05–0.15 for q0 below 1 %)."""

GOMPERTZ_FIT_AGES = (85, 99)
"""Ages whose log death rates fit the Gompertz line used to extend a table to older ages."""


def survivors(qx: np.ndarray) -> np.ndarray:
    """Survivors l(x) at each exact age out of 1 at birth, from quotients q(x) (fraction)."""
    qx = np.clip(qx, 0.0, 1.0)
    lx = np.ones_like(qx)
    np.cumprod(1.0 - qx[..., :-1], axis=-1, out=lx[..., 1:])
    return lx


def person_years(qx: np.ndarray) -> np.ndarray:
    """Person-years L(x) lived between ages x and x+1 per newborn (years).

    Deaths fall at mid-year except in the first year (a0 = ``INFANT_SEPARATION``); the last age
    is an open interval with the constant hazard -ln(1 - q) of that age.
    """
    lx = survivors(qx)
    dx = lx * np.clip(qx, 0.0, 1.0)
    separation = np.full(qx.shape[-1], 0.5)
    separation[0] = INFANT_SEPARATION
    lived = lx - (1.0 - separation) * dx
    last_hazard = -np.log1p(-np.clip(qx[..., -1], 1e-6, 0.999))
    lived[..., -1] = lx[..., -1] / last_hazard
    return lived


def extend_quotients(qx: np.ndarray, last_age: int) -> np.ndarray:
    """Extend quotients from their last age to ``last_age`` along a Gompertz line.

    The line is fitted (least squares, per table) to log death rates -ln(1 - q) over
    ``GOMPERTZ_FIT_AGES``; extended quotients are capped at 1.
    """
    first, last = GOMPERTZ_FIT_AGES
    ages = np.arange(first, last + 1)
    log_rate = np.log(-np.log1p(-np.clip(qx[..., first : last + 1], 1e-9, 0.999)))
    centred = ages - ages.mean()
    slope = (log_rate * centred).sum(axis=-1) / (centred**2).sum()
    intercept = log_rate.mean(axis=-1)
    new_ages = np.arange(qx.shape[-1], last_age + 1) - ages.mean()
    rate = np.exp(intercept[..., None] + slope[..., None] * new_ages)
    return np.concatenate([qx, 1.0 - np.exp(-rate)], axis=-1)


def life_expectancy(qx: np.ndarray) -> np.ndarray:
    """Life expectancy at birth e0 (years) for each table."""
    return person_years(qx).sum(axis=-1)


def projection_survival(qx: np.ndarray, open_age: int) -> tuple[np.ndarray, np.ndarray]:
    """Survival ratios for a cohort-component projection from quotients (see
    :func:`survival_ratios`).
    """
    return survival_ratios(person_years(qx), open_age)


def survival_ratios(lived: np.ndarray, open_age: int) -> tuple[np.ndarray, np.ndarray]:
    """Survival ratios for a cohort-component projection with ages 0…``open_age``+, from the
    person-years L(x) of life tables (see :func:`person_years`).

    Returns
    -------
    by_age
        Probability (fraction) that a person aged a (completed years) on 1 January is alive on
        the next 1 January, for a = 0…open_age; the last entry is that of the open group.
    at_birth
        Probability that a child born during the year is alive on the next 1 January.
    """
    if lived.shape[-1] <= open_age + 1:
        raise ModelError("model.open_age", age=open_age)
    by_age = np.empty(lived.shape[:-1] + (open_age + 1,))
    ratio = np.divide(
        lived[..., 1 : open_age + 1],
        lived[..., :open_age],
        out=np.zeros_like(lived[..., :open_age]),
        where=lived[..., :open_age] > 0,
    )
    by_age[..., :open_age] = ratio
    tail = lived[..., open_age:].sum(axis=-1)
    tail_next = lived[..., open_age + 1 :].sum(axis=-1)
    by_age[..., open_age] = np.divide(tail_next, tail, out=np.zeros_like(tail), where=tail > 0)
    return by_age, lived[..., 0]


def solve_mortality_multiplier(
    qx: np.ndarray, target_e0: np.ndarray, iterations: int = 52
) -> np.ndarray:
    """Multiplier k with e0(min(k·qx, 1)) = target, for each table (bisection on log k).

    e0 decreases strictly with k, so bisection over log k in [-8, 8] converges to the target to
    machine precision: 52 halvings of the width-16 bracket leave 4e-15 on log k, so the target
    is met to float rounding (|error| < 1e-9 year).

    Raises
    ------
    ValueError
        If a target lies outside the range reachable by scaling the table.
    """
    target = np.asarray(target_e0, dtype=float)
    low = np.full(target.shape, -8.0)
    high = np.full(target.shape, 8.0)
    lo_e0 = life_expectancy(np.minimum(qx * np.exp(high)[..., None], 1.0))
    hi_e0 = life_expectancy(qx * np.exp(low)[..., None])
    if np.any(target < lo_e0) or np.any(target > hi_e0):
        raise ModelError("model.e0_target", value=target)
    for _ in range(iterations):
        mid = 0.5 * (low + high)
        e0 = life_expectancy(np.minimum(qx * np.exp(mid)[..., None], 1.0))
        too_long = e0 > target
        low = np.where(too_long, mid, low)
        high = np.where(too_long, high, mid)
    return np.exp(0.5 * (low + high))


def reached_survival(
    q_reached: np.ndarray, open_age: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Survival ratios and life expectancy from quotients by age reached in the year.

    ``q_reached[..., x]`` (fraction) is the probability that a person reaching age x during
    the year dies that year (x = 0: born in the year); the last age A (at least
    ``open_age`` + 1) is open. A person aged a (completed years) on 1 January reaches a + 1,
    so the survival ratio of age a is 1 − q(a + 1), that of births 1 − q(0). The person-years
    of the stationary population, L(0) = 1 − q(0) and L(a) = L(a − 1)·(1 − q(a)), closed by
    the constant hazard of age A (T(A − 1) = L(A − 1)/q(A)), give the open group's survival
    T(open_age + 1)/T(open_age) and e0 = T(0): for quotients derived from an exact-age life
    table by :func:`projection_survival` this is that table's own e0 (to rounding).

    Returns
    -------
    by_age, at_birth, e0
        As :func:`survival_ratios`, and life expectancy at birth (years).
    """
    q = np.clip(q_reached, 0.0, 1.0)
    last = q.shape[-1] - 1
    if last < open_age + 1:
        raise ModelError("model.open_age", age=open_age)
    at_birth = 1.0 - q[..., 0]
    lived = at_birth[..., None] * np.cumprod(
        np.concatenate([np.ones_like(q[..., :1]), 1.0 - q[..., 1:last]], axis=-1), axis=-1
    )
    tail = lived.copy()
    tail[..., -1] = lived[..., -1] / np.maximum(q[..., last], 1e-6)
    remaining = np.cumsum(tail[..., ::-1], axis=-1)[..., ::-1]
    by_age = 1.0 - q[..., 1 : open_age + 2]
    by_age[..., open_age] = np.divide(
        remaining[..., open_age] - lived[..., open_age],
        remaining[..., open_age],
        out=np.zeros_like(at_birth),
        where=remaining[..., open_age] > 0,
    )
    return by_age, at_birth, remaining[..., 0]
