"""Parameters of the stochastic demography (:mod:`prospectif.models.stochastic`) estimated from
the embedded series, using only the years up to ``until`` (equations and figures in
``docs/methodology/uncertainty.md``).

- fertility: AR(1) of France's log TFR (Human Fertility Database, metropolitan France) around
  its mean since 1975; local: 10-year changes of each département's log fertility index
  (child–woman ratio relative to France, from the population estimates), as a random walk;
- mortality: France's yearly gains of life expectancy at birth (INSEE quotients, metropolitan
  France) since 1975: their sd is the random walk's step; the ex-post errors of the 10-year
  log-linear trend of the quotients (the backtest's method) since 1960 give the error on the
  drift; local: 10-year changes of the départements' log mortality index;
- migration: France's yearly residual net migration (sum of the départements', ages 1+)
  since 1975 as an AR(1) around its mean; local: the départements' yearly residual rates
  minus France's, around their own means, as a pooled AR(1).
"""

from __future__ import annotations

import numpy as np

from ..data import Dataset, open_data
from ..models.axes import OPEN_AGE
from ..models.lifetable import life_expectancy
from ..models.stochastic import StochasticParameters
from .demographic import _quotients, demographic_base, estimates_for
from .demography_estimation import (
    SURVIVAL_SPAN,
    mortality_index,
    trend_quotients,
    yearly_residuals,
)

FIRST_YEAR = 1975
"""First year of the series behind the estimates (the départements' estimates start then)."""
FIRST_EXPOST = 1960
"""First base year of the ex-post errors of the mortality trend (its 10-year trend starts in
1949, the quotients in 1946)."""
SPAN = 10
"""Years of the changes behind the local random walks and of the means behind the drift."""
SENSITIVITY_STEP = 0.01
"""Change of log k used to measure de0/dlog k (central difference)."""


def stochastic_parameters(data: Dataset | None = None, until: int = 2025) -> StochasticParameters:
    """The parameters estimated on the data of the years up to ``until`` (kept on the data set)."""
    data = data or open_data()
    return data.derived(f"uncertainty.parameters.{until}", lambda: _estimate(data, until))


def ar1_fit(series: np.ndarray) -> tuple[float, float]:
    """AR(1) coefficient and innovation sd of deviations ``series`` (time on axis 0, other axes
    pooled, NaN left out): least squares of x(t) on x(t−1) without intercept.
    """
    now, before = series[1:].ravel(), series[:-1].ravel()
    keep = np.isfinite(now) & np.isfinite(before)
    now, before = now[keep], before[keep]
    phi = float(np.clip((now * before).sum() / (before**2).sum(), 0.0, 1.0))
    return phi, float(np.std(now - phi * before))


def _metro_quotients(data: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """Observed quotients of metropolitan France (fraction), years and (year, sex, age 0…120)."""
    return _quotients(data.table("mortality_observed").query("area == 'FR-METRO'"))


def trend_errors(qx_years: np.ndarray, qx: np.ndarray, until: int) -> np.ndarray:
    """Errors (years) of life expectancy at birth (both sexes) forecast by the 10-year log-linear
    trend of each age's quotients (:func:`trend_quotients`, the backtest's method), observed
    minus forecast ``SPAN`` years after each base year from :data:`FIRST_EXPOST` on, the
    forecast years being at most ``until``.
    """
    errors = []
    for base_year in range(FIRST_EXPOST, until - SPAN + 1):
        _, forecast = trend_quotients(qx, qx_years, base_year, SPAN, base_year + SPAN)
        observed = qx[base_year + SPAN - qx_years[0]]
        errors.append(life_expectancy(observed).mean() - life_expectancy(forecast[-1]).mean())
    return np.array(errors)


def _e0_parameters(data: Dataset, until: int) -> tuple[float, float, tuple[float, float]]:
    """The random walk's step (sd of the yearly gains since 1975), the drift error (what the
    ex-post errors of the 10-year trend leave beyond the step) and de0/dlog k by sex.
    """
    years, qx = _metro_quotients(data)
    keep = (years >= FIRST_YEAR) & (years <= until)
    gains = np.diff(life_expectancy(qx[keep]).mean(axis=-1))
    step = float(gains.std())
    horizon = SPAN + 1  # the trend starts from the year before the base year
    mean_square = float(np.mean(trend_errors(years, qx, until) ** 2))
    drift = np.sqrt(max(mean_square - horizon * step**2, 0.0)) / horizon
    last = qx[keep][-1]
    h = SENSITIVITY_STEP
    sensitivity = (life_expectancy(last * np.exp(h)) - life_expectancy(last * np.exp(-h))) / (2 * h)
    return step, float(drift), (float(sensitivity[0]), float(sensitivity[1]))


def _tfr_parameters(data: Dataset, until: int) -> tuple[float, float]:
    summary = data.table("fertility_summary")
    summary = summary[(summary["year"] >= FIRST_YEAR) & (summary["year"] <= until)]
    log_tfr = np.log(summary.sort_values("year")["tfr"].to_numpy(dtype=float))
    return ar1_fit(log_tfr - log_tfr.mean())


def _log_index_step(values: np.ndarray) -> float:
    """Step sd of a random walk from the 10-year changes of ``values`` (year, dep)."""
    changes = values[SPAN:] - values[:-SPAN]
    changes = changes[np.isfinite(changes)]
    return float(np.sqrt(np.mean(changes**2) / SPAN))


def _fertility_local(data: Dataset, until: int) -> float:
    base = demographic_base(data)
    population = base.population[FIRST_YEAR - base.years[0] : until - base.years[0] + 1]
    children = population[..., :5].sum(axis=(-1, -2))
    women = population[:, :, 0, 15:50].sum(-1)
    ratio = children / women
    national = np.nansum(children, 1) / np.nansum(women, 1)
    return _log_index_step(np.log(ratio / national[:, None]))


def _mortality_local(data: Dataset, until: int) -> float:
    """Step of the log mortality index of the départements with estimates over both 5-year
    spans ending ``until`` − 10 and ``until``, from the change of their index (its French
    mean removed: the national level is the national component's).
    """
    base = demographic_base(data)
    ends = (until - SPAN, until)
    years = [y for end in ends for y in (end - SURVIVAL_SPAN, end)]
    keep = np.isfinite(base.population[np.array(years) - base.years[0]]).all(axis=(0, -1, -2))
    indices = []
    for end in ends:
        first = end - SURVIVAL_SPAN
        population = base.population[[first - base.years[0], end - base.years[0]]][:, keep]
        span = base.qx_observed[first - base.qx_observed_years[0] : end - base.qx_observed_years[0]]
        indices.append(mortality_index(population, span, OPEN_AGE))
    changes = np.log(indices[1] / indices[0])
    return float(np.sqrt(np.var(changes) / SPAN))


def _migration_parameters(data: Dataset, until: int) -> tuple[float, float, float, float]:
    base = demographic_base(data)
    qx_years, qx = _metro_quotients(data)
    first = FIRST_YEAR
    population = base.population[first - base.years[0] : until - base.years[0] + 1]
    quotients = qx[first - qx_years[0] : until - qx_years[0]]
    mortality = estimates_for(data, base_year=until).mortality_index
    residual, _ = yearly_residuals(population, quotients, mortality, OPEN_AGE)
    counts = residual[..., 1:].sum(axis=(-1, -2))  # (year, dep); NaN before a DOM's series
    persons = population[:-1].sum(axis=(-1, -2))
    national = np.nansum(counts, axis=1)
    phi, sigma = ar1_fit(national - national.mean())
    rate = (
        counts / persons
        - (national / np.nansum(np.where(np.isfinite(counts), persons, 0), 1))[:, None]
    )
    rate = rate - np.nanmean(rate, axis=0)
    local_phi, local_sigma = ar1_fit(rate)
    return phi, sigma, local_phi, local_sigma


def _estimate(data: Dataset, until: int) -> StochasticParameters:
    tfr_phi, tfr_sigma = _tfr_parameters(data, until)
    e0_sigma, e0_drift, sensitivity = _e0_parameters(data, until)
    migration = _migration_parameters(data, until)
    return StochasticParameters(
        tfr_phi=tfr_phi,
        tfr_sigma=tfr_sigma,
        fertility_local_sigma=_fertility_local(data, until),
        e0_sigma=e0_sigma,
        e0_drift_sigma=e0_drift,
        e0_sensitivity=sensitivity,
        mortality_local_sigma=_mortality_local(data, until),
        migration_phi=migration[0],
        migration_sigma=migration[1],
        migration_local_phi=migration[2],
        migration_local_sigma=migration[3],
        fitted_until=until,
    )
