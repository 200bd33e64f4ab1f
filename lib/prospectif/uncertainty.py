"""Probabilistic projections: N draws of the stochastic demography run through the chain, and
their quantiles as an IAMC table (``docs/methodology/uncertainty.md``).

>>> result = run_uncertain("DEP-71", load_preset("insee-central"), draws=1000, seed=1)
>>> result.table()        # IAMC long table with a ``quantile`` column

The draws are an axis of the arrays: the demography projects (year, draw, unit, sex, age) in
one pass per chunk of départements (:func:`prospectif.models.demography.project` with
:class:`~prospectif.models.stochastic.Shocks`) and the ageing model takes the draws as extra
units. Mobility, final energy and emissions are not vectorised over draws: they run draw by
draw on the first ``chain_draws`` draws.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .calibration.ageing_calibration import ageing_inputs
from .calibration.demographic import demographic_base, estimates_for
from .calibration.uncertainty import stochastic_parameters
from .data import Dataset, open_data
from .errors import InputError
from .models.ageing import AgeingInputs, AgeingResult, project_ageing
from .models.demography import Projection, RatePaths, project
from .models.stochastic import QUANTILES, Shocks, StochasticParameters, draw_shocks
from .pipeline import ChainRun, DemographyRun, run_chain
from .results import Series, quantile_table
from .results.convert import (
    ageing_series,
    demography_series,
    energy_series,
    inventory_series,
    mobility_series,
)
from .results.metadata import MODEL_NAME
from .scenario import Scenario
from .territory import STRUCTURE_ESTIMATES, STRUCTURE_SHARE, Territory, get_territory

DRAWS = 1000
"""Draws of a probabilistic run unless told otherwise."""
CHAIN_DRAWS = 100
"""Draws run through mobility, energy and emissions (one model run each) unless told."""
CHUNK_CELLS = 4000
"""Draws × départements projected in one pass (bounds the memory: ~75 MB per 1,000 cells
to 2070 for each of the population, deaths and migration arrays)."""
UNCERTAIN_MODELS = ("demography", "ageing", "mobility", "energy", "emissions")
"""Models whose results get quantiles."""
VECTORISED_MODELS = ("demography", "ageing")
"""Models that run every draw in one pass."""
DRAWN_VARIABLES = {
    "mobility": ("Mobility|Passenger-km",),
    "energy": ("Final Energy", "Emissions|GHG"),
    "emissions": ("Emissions|Inventory",),
}
"""The variables of the models run draw by draw that get quantiles."""
AGEING_FIELDS = ("home", "institution", "places_needed", "population_60", "carers", "oldest")
"""Ageing result arrays by (year, unit)."""


def draw_chunks(
    start: np.ndarray,
    paths: RatePaths,
    parameters: StochasticParameters,
    draws: int,
    seed: int,
    share: np.ndarray,
    profile: np.ndarray,
    cells: int = CHUNK_CELLS,
) -> Iterator[tuple[np.ndarray, Shocks, Projection]]:
    """The draws of units projected by chunks of about ``cells`` draws × units.

    Yields the positions of the chunk's units, their deviations and their projection
    (year, draw, unit, …). Every chunk shares the national deviations (generator seeded with
    ``seed``); the local ones come from a generator seeded with (``seed``, first unit).

    Parameters
    ----------
    start
        Base population (persons), shape (unit, sex, age).
    share
        Each unit's share of France's population (fraction), shape (unit,).
    profile
        Age–sex distribution of net migration (fractions summing to 1), shape (sex, age).
    """
    units = start.shape[0]
    size = max(1, cells // draws)
    for first in range(0, units, size):
        rows = np.arange(first, min(first + size, units))
        shocks = draw_shocks(
            parameters,
            len(paths.years),
            draws,
            share[rows],
            start[rows].sum(axis=(-1, -2)),
            profile,
            np.random.default_rng(seed),
            np.random.default_rng([seed, first]),
        )
        yield rows, shocks, project(start[rows], paths.take(rows), shocks)


@dataclass(frozen=True)
class UncertainRun:
    """N draws of a territory's chain under a scenario.

    Arrays have the draw axis first. The territory's stocks and flows are weighted sums over
    its départements (units); ``chain`` is the scenario's deterministic chain, whose mobility,
    energy and emissions models are rerun on the draws' populations.
    """

    chain: ChainRun
    parameters: StochasticParameters
    seed: int
    chain_draws: int
    population: np.ndarray
    """Persons of the territory by (draw, year, sex, age)."""
    births: np.ndarray
    deaths: np.ndarray
    migration: np.ndarray
    """Flows of the territory (persons per year), (draw, flow year)."""
    fertility: np.ndarray
    """Total fertility rate of the territory (children per woman), (draw, flow year)."""
    life_expectancy: np.ndarray
    """Life expectancy at birth of the territory (years), (draw, flow year, sex)."""
    ageing: AgeingResult
    """The ageing model of every draw: arrays (draw, year, unit), today's places (unit,)."""

    @property
    def demography(self) -> DemographyRun:
        """The scenario's deterministic demography."""
        return self.chain.demography

    @property
    def draws(self) -> int:
        """Number of draws."""
        return self.population.shape[0]

    @property
    def years(self) -> np.ndarray:
        """Stock years (1 January)."""
        return self.demography.years

    def demography_series(self) -> list[Series]:
        """The demography series, values (draw, year)."""
        return demography_series(
            self.years,
            self.population,
            self.births,
            self.deaths,
            self.migration,
            self.fertility,
            self.life_expectancy,
        )

    def draw_chain(self, draw: int) -> ChainRun:
        """The deterministic chain with the population of draw ``draw`` (its mobility, energy
        and emissions follow that population; the base year is the same for every draw).
        """
        demography = dataclasses.replace(self.demography)
        demography.__dict__["population"] = self.population[draw]  # its cached property
        return dataclasses.replace(self.chain, demography=demography)

    @functools.cached_property
    def chain_series(self) -> dict[str, list[Series]]:
        """Series of mobility, energy and emissions on the first ``chain_draws`` draws,
        values (draw, year).
        """
        chains = [self.draw_chain(n) for n in range(self.chain_draws)]
        converters: dict[str, Callable[[Any], list[Series]]] = {
            "mobility": mobility_series,
            "energy": energy_series,
            "emissions": inventory_series,
        }
        out = {}
        for model, convert in converters.items():
            wanted = DRAWN_VARIABLES[model]
            runs = [[s for s in convert(getattr(c, model)) if s.variable in wanted] for c in chains]
            out[model] = [
                dataclasses.replace(first, values=np.stack([r[i].values for r in runs]))
                for i, first in enumerate(runs[0])
            ]
        return out

    def series(self, models: Iterable[str] = UNCERTAIN_MODELS) -> list[Series]:
        """Series of ``models`` with values (draw, year); mobility, energy and emissions only
        when ``chain_draws`` is positive.
        """
        out: list[Series] = []
        for model in models:
            if model == "demography":
                out += self.demography_series()
            elif model == "ageing":
                out += ageing_series(self.ageing)
            elif self.chain_draws:
                out += self.chain_series[model]
        return out

    def table(
        self, models: Iterable[str] = UNCERTAIN_MODELS, levels: tuple[float, ...] = QUANTILES
    ) -> pd.DataFrame:
        """Quantiles of the draws as an IAMC long table with a ``quantile`` column (fraction).

        ``attrs`` holds the run metadata (as a deterministic table's) and ``draws``, ``seed``
        and ``chain_draws``.
        """
        territory = self.chain.territory
        table = quantile_table(
            self.series(models), MODEL_NAME, self.chain.scenario.id, territory.code, levels
        )
        metadata = self.demography.metadata()
        table.attrs.update(
            base_structure=metadata.base_structure,
            metadata=(metadata,),
            draws=self.draws,
            seed=self.seed,
            chain_draws=self.chain_draws,
        )
        return table


def _tiled(inputs: AgeingInputs, rows: np.ndarray, draws: int) -> AgeingInputs:
    """The ageing inputs of the units ``rows``, repeated ``draws`` times (draw-major)."""
    return dataclasses.replace(
        inputs,
        units=tuple(inputs.units[r] for r in rows) * draws,
        factors=np.tile(inputs.factors[rows], (draws, 1)),
        places_per_beneficiary=np.tile(inputs.places_per_beneficiary[rows], draws),
        places_today=np.tile(inputs.places_today[rows], draws),
        aged_75=np.tile(inputs.aged_75[rows], draws),
        status=tuple(inputs.status[r] for r in rows) * draws,
    )


def _chunk_ageing(
    inputs: AgeingInputs,
    rows: np.ndarray,
    projection: Projection,
    life_expectancy: np.ndarray,
    scenario: Scenario,
) -> AgeingResult:
    """The ageing model of a chunk's draws, the draws as extra units; arrays (draw, year,
    unit), today's places by unit.
    """
    steps, draws, units = projection.population.shape[:3]
    flat = projection.population.reshape(steps, draws * units, *projection.population.shape[3:])
    result = project_ageing(
        _tiled(inputs, rows, draws),
        projection.years,
        flat,
        np.ones(draws * units),
        life_expectancy.reshape(life_expectancy.shape[0], draws * units, -1),
        scenario.ageing,
        summed=True,
    )
    arrays = {
        name: getattr(result, name).reshape(steps, draws, units).transpose(1, 0, 2)
        for name in AGEING_FIELDS
    }
    return dataclasses.replace(result, places_today=result.places_today[:units], **arrays)


def run_uncertain(
    territory: Territory | str,
    scenario: Scenario,
    draws: int = DRAWS,
    seed: int = 0,
    chain_draws: int = CHAIN_DRAWS,
    data: Dataset | None = None,
    parameters: StochasticParameters | None = None,
) -> UncertainRun:
    """``draws`` draws of the territory's chain under ``scenario``, reproducible by ``seed``.

    Parameters
    ----------
    territory
        A territory made of départements (a département, a region, a perimeter of whole
        départements or shares of them), or its code.
    chain_draws
        How many of the draws (the first ones) also run through mobility, energy and
        emissions; at most ``draws``.
    parameters
        Parameters of the deviations (default: estimated on the data, to 2025).

    Raises
    ------
    InputError
        If the territory's demography is not made of départements (an EPCI or a commune with
        its own structure), or ``draws`` is not positive.
    """
    data = data or open_data()
    if isinstance(territory, str):
        territory = get_territory(territory, data)
    if territory.structure not in (STRUCTURE_ESTIMATES, STRUCTURE_SHARE):
        raise InputError("uncertainty.structure", code=territory.code)
    if draws < 1:
        raise InputError("uncertainty.draws", draws=draws)
    parameters = parameters or stochastic_parameters(data)
    chain = run_chain(territory, scenario, data=data)
    demography = chain.demography
    estimates = estimates_for(data)
    share = estimates.population_share[demographic_base(data).dep_index(demography.units)]
    start = demography.projection.population[0]
    inputs = ageing_inputs(demography.unit_territory, data)
    w = demography.weights
    steps, rest = len(demography.years), start.shape[1:]
    population = np.zeros((draws, steps, *rest))
    flows = np.zeros((4, draws, steps - 1))  # births, deaths, migration, births / TFR
    lived = np.zeros((2, draws, steps - 1, rest[0]))  # Σ e0 × persons, Σ persons
    ageing = []
    for rows, shocks, p in draw_chunks(
        start,
        demography.paths,
        parameters,
        draws,
        seed,
        share,
        estimates.international_profile,
    ):
        weights = w[rows]
        population += np.tensordot(p.population, weights, ([2], [0])).transpose(1, 0, 2, 3)
        births = p.births.sum(-1)
        tfr = demography.paths.tfr[:, None, rows] * shocks.fertility
        deaths = p.deaths.sum(axis=(-1, -2)) + p.infant_deaths.sum(-1)
        flows += np.stack(
            [
                births @ weights,
                deaths @ weights,
                p.migration.sum(axis=(-1, -2)) @ weights,
                (births / tfr) @ weights,
            ]
        ).transpose(0, 2, 1)
        e0 = shocks.life_expectancy(demography.paths.life_expectancy[:, rows])
        people = p.population[:-1].sum(-1) * weights[:, None]
        lived += np.stack([(e0 * people).sum(2), people.sum(2)]).transpose(0, 2, 1, 3)
        ageing.append(_chunk_ageing(inputs, rows, p, e0, scenario))
    arrays: dict[str, Any] = {
        name: np.concatenate([getattr(a, name) for a in ageing], 2) for name in AGEING_FIELDS
    }
    places_today = np.concatenate([a.places_today for a in ageing])
    return UncertainRun(
        chain,
        parameters,
        seed,
        min(chain_draws, draws),
        population,
        flows[0],
        flows[1],
        flows[2],
        flows[0] / flows[3],
        lived[0] / lived[1],
        dataclasses.replace(ageing[0], weights=w, places_today=places_today, **arrays),
    )
