"""Probabilistic projections: N draws of the stochastic demography run through the chain, and
their quantiles as an IAMC table (``docs/methodology/uncertainty.md``).

>>> result = run_uncertain("DEP-71", load_preset("insee-central"), draws=1000, seed=1)
>>> result.table()        # IAMC long table with a ``quantile`` column

The draws are an axis of the arrays: the demography projects (year, draw, unit, sex, age) in
one pass per block of draws × départements (:func:`prospectif.models.demography.project`
with :class:`~prospectif.models.stochastic.Shocks`), slices of draws on two threads, and the
ageing model takes the draws as extra units. Mobility, final energy and emissions are not
vectorised over draws: they run draw by draw on the first ``chain_draws`` draws.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

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
"""Draws × départements sharing one generator of local deviations."""
BLOCK_CELLS = 250
"""Draws × départements projected in one pass: a year's array of a block (0.4 MB) stays in a
core's cache, 1.7 times as fast as blocks of 1,000 (``docs/performance.md``)."""
THREADS = min(2, len(os.sched_getaffinity(0)))
"""Threads projecting blocks at once."""
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
T = TypeVar("T")


@dataclass(frozen=True)
class Block:
    """Units and draws projected in one pass."""

    rows: np.ndarray
    """Positions of the units."""
    draws: slice
    """Positions of the draws."""
    shocks: Shocks
    """Their deviations (year, draw, unit, …)."""


def draw_groups(
    start: np.ndarray,
    paths: RatePaths,
    parameters: StochasticParameters,
    draws: int,
    seed: int,
    share: np.ndarray,
    profile: np.ndarray,
) -> list[list[Block]]:
    """The draws of the units by blocks of about :data:`BLOCK_CELLS` draws × units, grouped
    by slice of draws: each group holds the blocks of its draws, the units in order.

    Every chunk of about :data:`CHUNK_CELLS` draws × units shares the national deviations
    (generator seeded with ``seed``); the local ones come from a generator seeded with
    (``seed``, the chunk's first unit), so the draws do not depend on the blocks.

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
    size = max(1, CHUNK_CELLS // draws)
    chunks = [
        draw_shocks(
            parameters,
            len(paths.years),
            draws,
            share[first : first + size],
            start[first : first + size].sum(axis=(-1, -2)),
            profile,
            np.random.default_rng(seed),
            np.random.default_rng([seed, first]),
        )
        for first in range(0, units, size)
    ]
    shocks = dataclasses.replace(
        chunks[0],
        **{
            name: np.concatenate([getattr(c, name) for c in chunks], axis=2)
            for name in ("fertility", "mortality", "migration")
        },
    )
    block_units = max(1, BLOCK_CELLS // draws)
    block_draws = -(-draws // -(-draws // BLOCK_CELLS))  # even slices of ≤ BLOCK_CELLS draws
    slices = [slice(d, min(d + block_draws, draws)) for d in range(0, draws, block_draws)]
    return [
        [
            Block(
                np.arange(first, min(first + block_units, units)),
                drawn,
                shocks.take(drawn, slice(first, first + block_units)),
            )
            for first in range(0, units, block_units)
        ]
        for drawn in slices
    ]


def projected(
    start: np.ndarray, paths: RatePaths, blocks: Iterable[Block], by_age: bool = False
) -> Iterator[tuple[Block, Projection]]:
    """Each block and its projection (year, draw, unit, …), one block at a time; deaths and
    migration summed over age unless ``by_age``.
    """
    for block in blocks:
        yield block, project(start[block.rows], paths.take(block.rows), block.shocks, by_age)


def map_groups(
    work: Callable[[list[Block]], T], groups: list[list[Block]], threads: int = THREADS
) -> list[T]:
    """``work`` of each group of blocks, by ``threads`` threads at once (NumPy releases the
    GIL on the arrays). Each group is one thread's from start to end, so sums over its units
    are made in the same order whatever the number of threads.
    """
    if threads < 2 or len(groups) < 2:
        return [work(group) for group in groups]
    with ThreadPoolExecutor(min(threads, len(groups))) as pool:
        return list(pool.map(work, groups))


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


def _block_ageing(
    inputs: AgeingInputs,
    rows: np.ndarray,
    projection: Projection,
    life_expectancy: np.ndarray,
    scenario: Scenario,
) -> AgeingResult:
    """The ageing model of a block's draws, the draws as extra units; arrays (draw, year,
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


@dataclass(frozen=True)
class _GroupSums:
    """The territory's stocks and flows of a group's draws (its draws first)."""

    population: np.ndarray
    """Persons by (draw, year, sex, age)."""
    flows: np.ndarray
    """Births, deaths, net migration and births / TFR by (flow, draw, flow year)."""
    lived: np.ndarray
    """Σ e0 × persons and Σ persons by (sum, draw, flow year, sex)."""
    ageing: AgeingResult
    """The ageing model of the draws: arrays (draw, year, unit), today's places (unit,)."""


def _group_sums(
    demography: DemographyRun, inputs: AgeingInputs, scenario: Scenario, group: list[Block]
) -> _GroupSums:
    """Project a group's blocks and sum them over the units (weighted), in unit order."""
    drawn = group[0].draws
    draws, units = drawn.stop - drawn.start, len(demography.weights)
    start = demography.projection.population[0]
    steps = len(demography.years)
    population = np.zeros((draws, steps, *start.shape[1:]))
    flows = np.zeros((4, draws, steps - 1))
    lived = np.zeros((2, draws, steps - 1, start.shape[1]))
    arrays: dict[str, Any] = {name: np.empty((draws, steps, units)) for name in AGEING_FIELDS}
    places_today = np.empty(units)
    for block, p in projected(start, demography.paths, group):
        rows, shocks = block.rows, block.shocks
        weights = demography.weights[rows]
        # weighted sums by einsum, not BLAS: OpenBLAS's own threads would spin on the cores
        # the blocks' threads use
        population += np.einsum("tdusa,u->dtsa", p.population, weights)
        births = p.births.sum(-1)
        tfr = demography.paths.tfr[:, None, rows] * shocks.fertility
        deaths = p.deaths.sum(-1) + p.infant_deaths.sum(-1)
        unit_flows = np.stack([births, deaths, p.migration.sum(-1), births / tfr])
        flows += np.einsum("ftdu,u->fdt", unit_flows, weights)
        e0 = shocks.life_expectancy(demography.paths.life_expectancy[:, rows])
        people = p.population[:-1].sum(-1) * weights[:, None]
        lived += np.stack([(e0 * people).sum(2), people.sum(2)]).transpose(0, 2, 1, 3)
        ageing = _block_ageing(inputs, rows, p, e0, scenario)
        for name in AGEING_FIELDS:
            arrays[name][..., rows] = getattr(ageing, name)
        places_today[rows] = ageing.places_today
    ageing = dataclasses.replace(ageing, places_today=places_today, **arrays)
    return _GroupSums(population, flows, lived, ageing)


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
    inputs = ageing_inputs(demography.unit_territory, data)
    groups = draw_groups(
        demography.projection.population[0],
        demography.paths,
        parameters,
        draws,
        seed,
        share,
        estimates.international_profile,
    )
    sums = map_groups(functools.partial(_group_sums, demography, inputs, scenario), groups)
    flows = np.concatenate([s.flows for s in sums], axis=1)
    lived = np.concatenate([s.lived for s in sums], axis=1)
    arrays: dict[str, Any] = {
        name: np.concatenate([getattr(s.ageing, name) for s in sums]) for name in AGEING_FIELDS
    }
    return UncertainRun(
        chain,
        parameters,
        seed,
        min(chain_draws, draws),
        np.concatenate([s.population for s in sums]),
        flows[0],
        flows[1],
        flows[2],
        flows[0] / flows[3],
        lived[0] / lived[1],
        dataclasses.replace(sums[0].ageing, weights=demography.weights, **arrays),
    )
