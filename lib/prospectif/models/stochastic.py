"""Stochastic demography: random deviations of fertility, mortality and migration around a
scenario's path, drawn N times and projected together (``docs/methodology/uncertainty.md``).

Each component has a national deviation shared by every unit of a draw and a local one of
each unit, on the flow years t = 0 … T−1 of the projection (t = 0 is the base year):

- fertility: ASFR × exp(f(t) + l(t, u)), with f an AR(1) on log TFR,
  f(t) = φ_f f(t−1) + ε, ε ~ N(0, σ_f²), f(−1) = 0, and l a random walk of the log local
  fertility index (step σ_l);
- mortality: death probabilities 1 − s(a) × k(t, u, s) with log k = Δe0(t) / S_s + m(t, u),
  Δe0 a random walk with an uncertain drift, Δe0(t) = δ (t + 1) + Σ ε (ε ~ N(0, σ_e²),
  δ ~ N(0, σ_δ²)) in years of life expectancy, S_s = de0/dlog k of sex s, m a random walk of
  the log local mortality index (step σ_m);
- migration: extra net migration (persons per year) g(t) × share(u) + r(t, u) × P(u), with g
  an AR(1) of France's net migration (φ_g, σ_g persons per year) and r an AR(1) of the local
  net migration rate (φ_r, σ_r per person per year), both spread by the age–sex profile of
  France's net migration.

Deviations are 0 in median, so the median draw is the scenario's own path. Pure NumPy: the
caller passes a seeded :class:`numpy.random.Generator`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ModelError

__all__ = ["QUANTILES", "Shocks", "StochasticParameters", "ar1", "draw_shocks"]

QUANTILES = (0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975)
"""Quantiles of the 50, 80 and 95 % central bands and the median (fraction)."""


@dataclass(frozen=True)
class StochasticParameters:
    """Parameters of the deviations (estimated by :mod:`prospectif.calibration.uncertainty`).

    Attributes
    ----------
    tfr_phi, tfr_sigma
        AR(1) coefficient (dimensionless) and innovation sd (log of children per woman, per
        year) of France's total fertility rate around the scenario's.
    fertility_local_sigma
        Step sd of the random walk of a unit's log fertility index (per year).
    e0_sigma, e0_drift_sigma
        Step sd of the random walk of France's life expectancy at birth (years) and sd of the
        error on its yearly gain (years per year).
    e0_sensitivity
        de0 / dlog k of the base life table, women and men (years), negative.
    mortality_local_sigma
        Step sd of the random walk of a unit's log mortality index (per year).
    migration_phi, migration_sigma
        AR(1) coefficient and innovation sd (persons per year) of France's net migration.
    migration_local_phi, migration_local_sigma
        AR(1) coefficient and innovation sd (per person per year) of a unit's net migration rate.
    fitted_until
        Last year of the data behind the estimates.
    """

    tfr_phi: float
    tfr_sigma: float
    fertility_local_sigma: float
    e0_sigma: float
    e0_drift_sigma: float
    e0_sensitivity: tuple[float, float]
    mortality_local_sigma: float
    migration_phi: float
    migration_sigma: float
    migration_local_phi: float
    migration_local_sigma: float
    fitted_until: int


@dataclass(frozen=True)
class Shocks:
    """Deviations of every draw and unit, year by year (index t = flow year).

    Attributes
    ----------
    fertility
        Multiplier of the fertility rates (ratio), shape (year, draw, unit).
    mortality
        Multiplier of the death probabilities (ratio), shape (year, draw, unit, sex).
    migration
        Extra net migration (persons per year), shape (year, draw, unit).
    profile
        Age–sex distribution of the extra migrants (fractions summing to 1), (sex, age).
    e0_sensitivity
        de0 / dlog k by sex (years), to follow life expectancy.
    """

    fertility: np.ndarray
    mortality: np.ndarray
    migration: np.ndarray
    profile: np.ndarray
    e0_sensitivity: np.ndarray

    @property
    def draws(self) -> int:
        """Number of draws."""
        return self.fertility.shape[1]

    def take(self, draws: slice, units: slice) -> Shocks:
        """The deviations of the draws ``draws`` and the units ``units`` only."""
        return Shocks(
            self.fertility[:, draws, units],
            self.mortality[:, draws, units],
            self.migration[:, draws, units],
            self.profile,
            self.e0_sensitivity,
        )

    def rates(
        self,
        t: int,
        survival: np.ndarray,
        birth_survival: np.ndarray,
        asfr: np.ndarray,
        counts: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The rates of flow year ``t`` (unit, …) of every draw (draw, unit, …).

        Death probabilities 1 − s are multiplied by k (a first-order change of the life table,
        exact for the probabilities themselves), capped to keep survival in [0, 1] (k > 0, so
        survival cannot exceed 1).
        """
        k = self.mortality[t]
        survival = _survival(survival, k[..., None])
        birth_survival = _survival(birth_survival, k)
        asfr = asfr * self.fertility[t][..., None]
        counts = counts + self.migration[t][..., None, None] * self.profile
        return survival, birth_survival, asfr, counts

    def life_expectancy(self, e0: np.ndarray) -> np.ndarray:
        """Life expectancy at birth of every draw (years), (year, draw, unit, sex), from the
        scenario's ``e0`` (year, unit, sex): e0 + S log k to first order.
        """
        return e0[:, None] + self.e0_sensitivity * np.log(self.mortality)


def _survival(survival: np.ndarray, k: np.ndarray) -> np.ndarray:
    """1 − (1 − survival) × k, floored at 0, in one new array."""
    out = (1.0 - survival) * k
    np.subtract(1.0, out, out=out)
    return np.maximum(out, 0.0, out=out)


def ar1(
    rng: np.random.Generator, phi: float, sigma: float, steps: int, shape: tuple[int, ...]
) -> np.ndarray:
    """AR(1) paths x(t) = φ x(t−1) + ε(t), x(−1) = 0, ε ~ N(0, σ²), shape (steps, *shape).

    φ = 1 gives a random walk.
    """
    noise = rng.standard_normal((steps, *shape)) * sigma
    if phi == 1.0:
        return np.cumsum(noise, axis=0)
    out = np.empty_like(noise)
    previous = np.zeros(shape)
    for t in range(steps):
        previous = phi * previous + noise[t]
        out[t] = previous
    return out


def draw_shocks(
    params: StochasticParameters,
    steps: int,
    draws: int,
    share: np.ndarray,
    population: np.ndarray,
    profile: np.ndarray,
    rng: np.random.Generator,
    local_rng: np.random.Generator | None = None,
) -> Shocks:
    """Deviations of ``draws`` draws for the units over ``steps`` flow years.

    Parameters
    ----------
    share
        Each unit's share of France's population (fraction), shape (unit,): its part of
        France's extra net migration.
    population
        Each unit's base population (persons), shape (unit,): the base of its local rate.
    profile
        Age–sex distribution of net migration (fractions summing to 1), shape (sex, age).
    rng, local_rng
        Seeded generators of the national and local deviations (``local_rng`` defaults to
        ``rng``, drawn after the national ones). The same seeds give the same draws; units
        projected in chunks share the national deviations (one ``rng`` seed) and take
        their local ones from a generator of their own.

    Raises
    ------
    ModelError
        If ``draws`` or ``steps`` is not positive.
    """
    if draws < 1 or steps < 1:
        raise ModelError("model.draws", draws=draws, steps=steps)
    share = np.asarray(share, dtype=float)
    units = share.shape
    p = params
    fertility_national = ar1(rng, p.tfr_phi, p.tfr_sigma, steps, (draws,))
    drift = rng.standard_normal(draws) * p.e0_drift_sigma
    time = np.arange(1, steps + 1)[:, None]
    e0 = drift * time + ar1(rng, 1.0, p.e0_sigma, steps, (draws,))
    migration_national = ar1(rng, p.migration_phi, p.migration_sigma, steps, (draws,))
    local = rng if local_rng is None else local_rng
    fertility_local = ar1(local, 1.0, p.fertility_local_sigma, steps, (draws, *units))
    mortality_local = ar1(local, 1.0, p.mortality_local_sigma, steps, (draws, *units))
    rate_local = ar1(local, p.migration_local_phi, p.migration_local_sigma, steps, (draws, *units))
    sensitivity = np.asarray(p.e0_sensitivity, dtype=float)
    log_k = e0[..., None, None] / sensitivity + mortality_local[..., None]
    return Shocks(
        fertility=np.exp(fertility_national[..., None] + fertility_local),
        mortality=np.exp(log_k),
        migration=migration_national[..., None] * share + rate_local * population,
        profile=np.asarray(profile, dtype=float),
        e0_sensitivity=sensitivity,
    )
