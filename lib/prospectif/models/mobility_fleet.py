"""The car fleet by age and powertrain: its 1 January 2025 state, sales and cohort renewal.

Pure NumPy (Method: docs/methodology/mobility.md).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from ..errors import DataError
from .axes import BASE_YEAR
from .mobility_constants import (
    DEFAULT_LIFETIME,
    DIESEL_BACKCAST,
    ELECTRIC_BACKCAST_YEARS,
    FLEET_AGES,
    FLEET_SHARES,
    POWERTRAINS,
    SALES_2024,
    WEIBULL_SHAPE,
)

if TYPE_CHECKING:
    from ..scenario.mobility import Fleet


def survival(lifetime: float) -> np.ndarray:
    """Probability that a new car is still on the road at each age 0…50 (fraction).

    Weibull survival of shape :data:`WEIBULL_SHAPE` and mean ``lifetime`` (years).
    """
    scale = lifetime / math.gamma(1 + 1 / WEIBULL_SHAPE)
    return np.exp(-((np.arange(FLEET_AGES) / scale) ** WEIBULL_SHAPE))


def _rake(seed: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Scale ``seed`` until its row sums are ``rows`` and column sums ``columns``."""
    table = seed.copy()
    for _ in range(1000):
        table *= (rows / table.sum(1))[:, None]
        table *= columns / table.sum(0)
        if np.abs(table.sum(1) - rows).max() < 1e-14:
            return table
    raise DataError("mobility.fleet_ages", year=2025)


def fleet_start() -> np.ndarray:
    """Cars on 1 January 2025 by age 0…50 and powertrain (fraction of the fleet, sums to 1).

    Ages follow the steady state of the Weibull survival; powertrains within an age follow a
    back-cast of past sales (:data:`DIESEL_BACKCAST`, :data:`ELECTRIC_BACKCAST_YEARS`), raked
    to the SDES stock shares.
    """
    ages = np.arange(FLEET_AGES)
    alive = survival(DEFAULT_LIFETIME)
    first, last, span = DIESEL_BACKCAST
    seed = np.empty((FLEET_AGES, len(POWERTRAINS)))
    seed[:, 1] = first + (last - first) * np.minimum(ages, span) / span
    decay = np.exp(-ages / ELECTRIC_BACKCAST_YEARS)
    seed[:, 2], seed[:, 3] = SALES_2024[2] * decay, SALES_2024[3] * decay
    seed[:, 4] = SALES_2024[4]
    seed[:, 0] = 1 - seed[:, 1:].sum(1)
    return _rake(seed, alive / alive.sum(), FLEET_SHARES)


def sales_shares(years: np.ndarray, fleet: Fleet) -> np.ndarray:
    """Share of each powertrain in the cars sold during each year (fraction).

    Electric and plug-in hybrid shares go linearly from 2024 to their targets; combustion cars
    share the rest as in 2024.
    """
    out = np.empty((len(years), len(POWERTRAINS)))
    for column, target in ((2, fleet.electric_sales), (3, fleet.plug_in_hybrid_sales)):
        out[:, column] = np.interp(
            years, [2024, fleet.target_year], [SALES_2024[column], target / 100]
        )
    thermal = SALES_2024[[0, 1, 4]] / SALES_2024[[0, 1, 4]].sum()
    out[:, [0, 1, 4]] = (1 - out[:, 2:4].sum(1))[:, None] * thermal
    return out


def fleet_path(
    start: np.ndarray,
    years: np.ndarray,
    vkm: np.ndarray,
    sales: np.ndarray,
    new_efficiency: np.ndarray,
    lifetime: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Car fleet composition from its 1 January 2025 state (cohort model).

    Each year the cars of each age survive to the next age with the Weibull survival of mean
    ``lifetime``; the fleet follows the car vehicle-km (constant km per car); new cars make up
    the difference with the year's ``sales`` shares and energy per km ``new_efficiency``
    (ratio to 2025); if survivors exceed the need, they are scrapped proportionally.

    Parameters
    ----------
    start
        Cars on 1 January 2025 by age and powertrain (fraction).
    years, vkm, sales, new_efficiency
        Consecutive years from 2025 at the latest, car vehicle-km (km/yr), sales shares by
        powertrain (fraction) and energy per km of new cars (ratio) for those years.

    Returns
    -------
    tuple of numpy.ndarray
        Share of cars by powertrain and their mean energy per km relative to 2025 (ratio),
        shape (year, powertrain); years before 2025 take the 2025 fleet.
    """
    alive = survival(lifetime)
    step = np.divide(alive[1:], alive[:-1], out=np.zeros(len(alive) - 1), where=alive[:-1] > 0)
    step = step[:, None]
    cars, energy = start.copy(), start.copy()
    shares = np.empty((len(years), start.shape[1]))
    efficiency = np.ones_like(shares)
    for i, year in enumerate(years):
        totals = cars.sum(0)
        shares[i] = totals
        efficiency[i] = np.divide(energy.sum(0), totals, out=np.ones_like(totals), where=totals > 0)
        if year < BASE_YEAR or i == len(years) - 1:
            continue
        growth = vkm[i + 1] / vkm[i] if vkm[i] > 0 else 1.0
        survivors, survivors_energy = cars[:-1] * step, energy[:-1] * step
        kept = min(1.0, growth / survivors.sum())
        new = max(growth - survivors.sum(), 0.0) * sales[i]
        cars = np.vstack([new, survivors * kept]) / growth
        energy = np.vstack([new * new_efficiency[i], survivors_energy * kept]) / growth
    return shares, efficiency
