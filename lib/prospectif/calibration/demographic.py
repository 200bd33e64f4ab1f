"""The demographic base (tables reshaped as arrays) and the demographic estimates of a data set.

Axes are always in this order: year, département, sex (``SEXES``), age (0…``OPEN_AGE``+).
Both are computed once per :class:`~prospectif.data.Dataset` and kept on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..models.axes import BASE_YEAR, FERTILE_AGES, LIFE_TABLE_LAST_AGE, OPEN_AGE, SEXES
from ..models.demography import DemographyEstimates
from ..models.lifetable import extend_quotients
from .demography_estimation import estimate

MIGRATION_WINDOW = 10
"""Years of population estimates behind the residual migration (2015–2025)."""


def _cube(frame: pd.DataFrame, index: list[str], axes: dict[str, list], value: str) -> np.ndarray:
    """Reshape a long table into a dense array with the given axis labels (NaN where absent;
    rows whose labels are not on the axes are left out).

    Each row's position is computed from its labels' positions on the axes, without building
    the full index: for the 1.07 M-row population table, a pandas reindex on the product index
    held about 170 MiB at its peak in every kernel, kept by the allocator afterwards.
    """
    shape = [len(axes[name]) for name in index]
    position = np.zeros(len(frame), dtype=np.int64)
    inside = np.ones(len(frame), dtype=bool)
    for name, size in zip(index, shape, strict=True):
        found = pd.Index(axes[name]).get_indexer(frame[name])
        inside &= found >= 0
        position = position * size + found
    cube = np.full(int(np.prod(shape)), np.nan)
    cube[position[inside]] = frame[value].to_numpy(dtype=float)[inside]
    return cube.reshape(shape)


@dataclass(frozen=True)
class DemographicBase:
    """Observed demographic data as arrays.

    Attributes
    ----------
    deps
        Département codes, the order of the département axis.
    years
        Years of the population estimates (1 January).
    population
        Population on 1 January (persons), shape (year, dep, sex, age); NaN where INSEE has no
        estimate (overseas départements before 1990, Mayotte before 2014).
    qx_observed_years, qx_observed
        Observed national death quotients (fraction), shape (year, sex, age 0…120), France.
    qx_forecast_years, qx_forecast
        INSEE 2021 central mortality forecast, shape (year, sex, age 0…120).
    asfr_years, asfr
        Fertility rates by single age 12…55 (births per woman), shape (year, age).
    """

    deps: tuple[str, ...]
    years: np.ndarray
    population: np.ndarray
    qx_observed_years: np.ndarray
    qx_observed: np.ndarray
    qx_forecast_years: np.ndarray
    qx_forecast: np.ndarray
    asfr_years: np.ndarray
    asfr: np.ndarray

    def dep_index(self, codes) -> np.ndarray:
        """Positions of département codes on the département axis."""
        position = {code: i for i, code in enumerate(self.deps)}
        return np.array([position[code] for code in codes], dtype=int)

    def population_in(self, year: int) -> np.ndarray:
        """Population on 1 January ``year`` (persons), shape (dep, sex, age)."""
        return self.population[int(year - self.years[0])]

    def asfr_in(self, year: int) -> np.ndarray:
        """Fertility rates by age 12…55 of ``year`` (births per woman)."""
        return self.asfr[int(year - self.asfr_years[0])]


def _quotients(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    years = np.sort(frame["year"].unique())
    ages = list(range(int(frame["age"].max()) + 1))
    cube = _cube(
        frame, ["year", "sex", "age"], {"year": list(years), "sex": list(SEXES), "age": ages}, "qx"
    )
    if cube.shape[-1] <= LIFE_TABLE_LAST_AGE:
        cube = extend_quotients(cube, LIFE_TABLE_LAST_AGE)
    return years, cube[..., : LIFE_TABLE_LAST_AGE + 1]


def demographic_base(data: Dataset | None = None) -> DemographicBase:
    """The demographic tables of ``data`` as arrays (computed once per data set)."""
    data = data or open_data()
    return data.derived("demography.base", lambda: _demographic_base(data))


def _demographic_base(data: Dataset) -> DemographicBase:
    pop = data.table("population_departement", keep=False)  # only the cube below is kept
    deps = tuple(sorted(pop["dep"].unique()))
    years = np.arange(pop["year"].min(), pop["year"].max() + 1)
    population = _cube(
        pop,
        ["year", "dep", "sex", "age"],
        {
            "year": list(years),
            "dep": list(deps),
            "sex": list(SEXES),
            "age": list(range(OPEN_AGE + 1)),
        },
        "population",
    )
    observed = data.table("mortality_observed").query("area == 'FR'")
    qx_years, qx = _quotients(observed)
    fc_years, fc = _quotients(data.table("mortality_forecast_insee2021"))
    fert = data.table("fertility_asfr")
    asfr_years = np.sort(fert["year"].unique())
    asfr = _cube(
        fert, ["year", "age"], {"year": list(asfr_years), "age": list(FERTILE_AGES)}, "asfr"
    )
    return DemographicBase(deps, years, population, qx_years, qx, fc_years, fc, asfr_years, asfr)


def estimates_for(
    data: Dataset | None = None, base_year: int = BASE_YEAR, window: int = MIGRATION_WINDOW
) -> DemographyEstimates:
    """Differentials and migration of every département estimated at ``base_year`` on ``data``
    (computed once per data set and base year).
    """
    data = data or open_data()
    return data.derived(
        f"demography.estimates.{base_year}.{window}",
        lambda: _estimates(demographic_base(data), base_year, window),
    )


def _estimates(base: DemographicBase, base_year: int, window: int) -> DemographyEstimates:
    schedule_year = min(base_year - 1, int(base.asfr_years[-1]))
    return estimate(
        base.population,
        base.years,
        base_year,
        window,
        base.qx_observed,
        base.qx_observed_years,
        base.asfr_in(schedule_year),
        FERTILE_AGES,
    )
