"""Run the model chain for a territory and a scenario: the analysts' entry point.

>>> from prospectif.pipeline import run
>>> table = run("DEP-71", load_preset("insee-central"))   # IAMC long table
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .base import FERTILE_AGES, OPEN_AGE, demographic_base
from .census import census_structure
from .models.ageing import AgeingResult, project_ageing
from .models.ageing_calibration import ageing_inputs
from .models.demography import Projection, RatePaths, project, rate_paths
from .models.demography_estimation import DemographyEstimates, estimate
from .models.energy import EnergyResult, energy_inputs, project_energy
from .models.mobility import MobilityInputs, MobilityResult, mobility_inputs, project_mobility
from .results import long_table
from .results.convert import (
    ageing_series,
    demography_scalars,
    demography_series,
    energy_series,
    mobility_series,
)
from .results.metadata import MODEL_NAME, RunMetadata, run_metadata
from .scenario import Scenario
from .territory import STRUCTURE_CENSUS, Territory, get_territory

BASE_YEAR = 2025
ENERGY_BASE_YEAR = 2021
"""First year of the energy balance (the last ORE year); mobility runs from it too."""
MIGRATION_WINDOW = 10
"""Years of population estimates behind the residual migration (2015–2025)."""


@functools.cache
def estimates_for(
    base_year: int = BASE_YEAR, window: int = MIGRATION_WINDOW
) -> DemographyEstimates:
    """Differentials and migration of every département estimated at ``base_year`` (cached)."""
    base = demographic_base()
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


def warm_up() -> None:
    """Load the data and estimates every run needs (done once per process)."""
    demographic_base()
    estimates_for()


@dataclass(frozen=True)
class DemographyRun:
    """A projection of a territory: its départements' projections and their weights.

    The territory's stocks and flows are the weighted sums over ``units`` (its départements,
    with the share of each département's population it holds).
    """

    territory: Territory
    scenario: Scenario
    units: tuple[str, ...]
    weights: np.ndarray
    projection: Projection
    paths: RatePaths
    structure: str

    @property
    def unit_territory(self) -> Territory:
        """The territory as projected: its départements (units) and their weights."""
        shares = pd.Series(self.weights, index=list(self.units))
        return dataclasses.replace(self.territory, shares=shares)

    def population_since(self, first_year: int) -> tuple[np.ndarray, np.ndarray]:
        """Years from ``first_year`` to the horizon and persons by (year, sex, age): INSEE
        estimates before the base year, the projection from it.

        Estimates are scaled by the base-year ratio of projection to estimate (1, unless the
        base structure was imported from a census) so the series has no break.
        """
        base = demographic_base()
        start = int(self.years[0])
        observed = base.population[first_year - base.years[0] : start - base.years[0] + 1]
        observed = np.tensordot(observed[:, base.dep_index(self.units)], self.weights, ([1], [0]))
        ratio = self.population[0].sum() / observed[-1].sum()
        years = np.arange(first_year, int(self.years[-1]) + 1)
        return years, np.concatenate([observed[:-1] * ratio, self.population])

    def _sum(self, values: np.ndarray) -> np.ndarray:
        return np.tensordot(values, self.weights, axes=([1], [0]))

    @property
    def years(self) -> np.ndarray:
        """Stock years (1 January)."""
        return self.projection.years

    @functools.cached_property
    def population(self) -> np.ndarray:
        """Persons on 1 January by (year, sex, age)."""
        return self._sum(self.projection.population)

    def series(self) -> list:
        """The demography result series of the territory."""
        p = self.projection
        births = self._sum(p.births).sum(-1)
        deaths = self._sum(p.deaths).sum(axis=(-1, -2)) + self._sum(p.infant_deaths).sum(-1)
        migration = self._sum(p.migration).sum(axis=(-1, -2))
        unit_births = p.births.sum(-1)
        tfr = (unit_births @ self.weights) / ((unit_births / self.paths.tfr) @ self.weights)
        people = p.population[:-1].sum(-1) * self.weights[None, :, None]
        e0 = (self.paths.life_expectancy * people).sum(1) / people.sum(1)
        return demography_series(self.years, self.population, births, deaths, migration, tfr, e0)

    def metadata(self) -> RunMetadata:
        """What the run was computed from, with the population peak."""
        scalars = demography_scalars(self.years, self.population)
        code, name = self.territory.code, self.territory.name
        return run_metadata(code, name, self.scenario, self.structure, scalars)

    def table(self) -> pd.DataFrame:
        """The IAMC long table of the demography results; ``attrs["base_structure"]`` says how
        the base age structure was obtained, ``attrs["metadata"]`` holds the run metadata.
        """
        return _table(self.series(), self.metadata())


def run_demography(
    territory: Territory,
    scenario: Scenario,
    base_population: np.ndarray | None = None,
    estimates: DemographyEstimates | None = None,
) -> DemographyRun:
    """Project a territory under a scenario from its base year to the scenario's horizon.

    Parameters
    ----------
    base_population
        Optional base structure of the territory (persons, shape (sex, age)), e.g. from an
        INSEE census import; it is projected with the rates of its main département.
    estimates
        Differentials and migration (default: estimated at 2025 on the INSEE series).
    """
    base = demographic_base()
    estimates = estimates or estimates_for()
    units = territory.departements
    weights = territory.shares.to_numpy(dtype=float)
    if base_population is not None:
        units, weights = (territory.shares.idxmax(),), np.ones(1)
    positions = base.dep_index(units)
    paths = rate_paths(
        scenario.demography,
        estimates,
        positions,
        base.qx_forecast,
        base.qx_forecast_years,
        base.asfr_in(int(base.asfr_years[-1])),
        FERTILE_AGES,
        scenario.horizon,
        OPEN_AGE + 1,
    )
    start = base.population_in(estimates.base_year)[positions]
    if base_population is not None:
        ratio = float(base_population.sum() / start.sum())
        paths = dataclasses.replace(paths, migration_counts=paths.migration_counts * ratio)
        start = np.asarray(base_population, dtype=float)[None]
    structure = territory.structure if base_population is None else STRUCTURE_CENSUS
    return DemographyRun(
        territory, scenario, tuple(units), weights, project(start, paths), paths, structure
    )


def census_base(territory: Territory, census: pd.DataFrame) -> np.ndarray:
    """Base population of a commune, EPCI or perimeter from an INSEE census table.

    The age–sex structure comes from the census (see :mod:`prospectif.census`); the total is
    the territory's 2025 estimate (its communes' share of their départements).
    """
    base = demographic_base()
    population = base.population_in(BASE_YEAR)
    positions = base.dep_index(territory.departements)
    total = float(np.nansum(population[positions].sum(axis=(-1, -2)) * territory.shares.to_numpy()))
    reference = population[base.dep_index([territory.shares.idxmax()])[0]]
    return census_structure(census, list(territory.members), reference, total)


MODELS = ("demography", "ageing", "mobility", "energy")
"""The models of the chain, in the order they run."""


@functools.lru_cache(maxsize=256)
def territory_mobility_inputs(territory_code: str) -> MobilityInputs:
    """Mobility inputs of a territory (density mix and defaults), cached by code."""
    return mobility_inputs(get_territory(territory_code))


@dataclass(frozen=True)
class ChainRun:
    """The model chain of a territory under a scenario; each model runs when first asked."""

    territory: Territory
    scenario: Scenario
    demography: DemographyRun

    @functools.cached_property
    def ageing(self) -> AgeingResult:
        """Seniors losing autonomy, places, care workforce, carers and cost."""
        demography = self.demography
        return project_ageing(
            ageing_inputs(demography.unit_territory),
            demography.years,
            demography.projection.population,
            demography.weights,
            demography.paths.life_expectancy,
            self.scenario.ageing,
        )

    @functools.cached_property
    def mobility(self) -> MobilityResult:
        """Residents' travel: trips, passenger-km by mode, fleet, energy and emissions."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        inputs = territory_mobility_inputs(self.territory.code)
        return project_mobility(inputs, years, population, self.scenario.mobility)

    @functools.cached_property
    def energy(self) -> EnergyResult:
        """Energy balance by sector and carrier, renewables, emissions, targets and bill."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        return project_energy(
            energy_inputs(self.demography.unit_territory),
            years,
            population.sum(axis=(-1, -2)),
            self.mobility.energy_gwh,
            self.scenario.energy,
        )

    def series(self, models: tuple[str, ...] = MODELS) -> list:
        """Result series of the ``models`` asked for."""
        return [s for model in models for s in SERIES[model](getattr(self, model))]

    def table(self, models: tuple[str, ...] = MODELS) -> pd.DataFrame:
        """The IAMC long table of ``models``; ``attrs["base_structure"]`` says how the base
        age structure was obtained, ``attrs["metadata"]`` holds the run metadata.
        """
        return _table(self.series(models), self.demography.metadata())


SERIES = {
    "demography": DemographyRun.series,
    "ageing": ageing_series,
    "mobility": mobility_series,
    "energy": energy_series,
}
"""The series of each model's result (:mod:`prospectif.results.convert`)."""


def _table(series: list, metadata: RunMetadata) -> pd.DataFrame:
    table = long_table(series, MODEL_NAME, metadata.scenario, metadata.territory)
    table.attrs["base_structure"] = metadata.base_structure
    table.attrs["metadata"] = (metadata,)
    return table


def run_chain(
    territory: Territory, scenario: Scenario, census: pd.DataFrame | None = None
) -> ChainRun:
    """The model chain for a territory and a scenario (models computed on demand).

    ``census`` (from :func:`prospectif.census.read_census_table`) replaces the estimated age
    structure of a commune, EPCI or perimeter.
    """
    base = census_base(territory, census) if census is not None else None
    return ChainRun(territory, scenario, run_demography(territory, scenario, base_population=base))


def run(
    territory_code: str, scenario: Scenario, census: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every model for a territory and a scenario, as one IAMC long table."""
    return run_chain(get_territory(territory_code), scenario, census).table()
