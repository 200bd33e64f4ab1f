"""The model chain of a territory: demography, then ageing, mobility, energy, emissions,
services, housing and adaptation, each computed on demand and turned into result series.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..calibration.adaptation_inputs import alert_ratio, climate_inputs, territory_warming
from ..calibration.demographic import estimates_for
from ..calibration.energy_inputs import energy_inputs
from ..calibration.inventory_inputs import base_inventory, ratio_1990
from ..calibration.mobility_inputs import mobility_inputs
from ..calibration.services_inputs import housing_inputs, services_inputs
from ..data import Dataset, open_data
from ..models.adaptation import AdaptationResult, project_adaptation
from ..models.ageing import AgeingResult
from ..models.axes import ENERGY_BASE_YEAR
from ..models.demography import FEMALE
from ..models.energy import EnergyInputs, EnergyResult, project_energy
from ..models.housing import HousingInputs, HousingResult, project_housing
from ..models.inventory import InventoryResult, drivers_from, project_inventory
from ..models.mobility import MobilityInputs, MobilityResult, project_mobility
from ..models.services import ServicesInputs, ServicesResult, project_services
from ..results import Series
from ..results.convert import (
    adaptation_series,
    ageing_series,
    energy_series,
    housing_series,
    inventory_series,
    mobility_series,
    services_series,
)
from ..results.schedules import schedule_frames, write_schedules
from ..scenario import Scenario
from ..scenario.adaptation import PATHWAYS
from ..territory import STRUCTURE_CENSUS, Territory, get_territory
from .demography import (
    DemographyRun,
    UnitsRun,
    ageing_of,
    census_base,
    results_table,
    run_demography,
    run_demography_variants,
    split_runs,
    territory_key,
    units_run,
)


def warm_up(data: Dataset | None = None) -> None:
    """Load the data and estimates every run needs (kept on the data set)."""
    estimates_for(data)


MODELS = (
    "demography",
    "ageing",
    "mobility",
    "energy",
    "emissions",
    "services",
    "housing",
    "adaptation",
)
"""The models of the chain, in the order they run."""


MODELS_OF_SECTION: dict[str, tuple[str, ...]] = {
    "demography": MODELS,
    "ageing": ("ageing", "adaptation"),
    "mobility": ("mobility", "energy", "emissions"),
    "energy": ("energy", "emissions"),
    "emissions": ("emissions",),
    "services": ("services", "housing"),
    "adaptation": ("energy", "emissions", "adaptation"),
}
"""The models an assumption of each scenario section can move (its own and those downstream);
the others give the same results whatever its value."""


ADAPTATION_HORIZON = 2100
"""The adaptation variables run to the end of the DRIAS-2020 horizons, whatever the scenario's
horizon."""


def _reprojected(demography: DemographyRun, scenario: Scenario) -> DemographyRun:
    """``demography``'s territory projected under ``scenario`` from the same base (an imported
    census structure kept).
    """
    base = None
    if demography.structure == STRUCTURE_CENSUS:
        base = demography.projection.population[0, 0]
    return run_demography(demography.territory, scenario, base, data=demography.data)


def _extended(demography: DemographyRun) -> DemographyRun:
    """``demography`` projected on to :data:`ADAPTATION_HORIZON` from the same base."""
    scenario = demography.scenario.with_values({"horizon": ADAPTATION_HORIZON})
    longer = _reprojected(demography, scenario)
    return dataclasses.replace(longer, scenario=demography.scenario)


def _adaptation(
    demography: DemographyRun, ageing: AgeingResult, scenario: Scenario
) -> AdaptationResult:
    """The adaptation model on the units of ``demography`` and their ageing result."""
    p = demography.projection
    return project_adaptation(
        climate_inputs(demography.units, scenario.adaptation.pathway, p.years, demography.data),
        p.years,
        p.population,
        p.deaths,
        ageing.home,
        ageing.institution,
        ageing.places_needed,
        demography.weights,
        scenario.adaptation,
        alert_ratio(demography.data),
    )


def territory_mobility_inputs(territory: Territory, data: Dataset) -> MobilityInputs:
    """Mobility inputs of a territory (density mix and defaults), kept on the data set."""
    key = f"mobility.inputs.{territory_key(territory)}"
    return data.derived(key, lambda: mobility_inputs(territory, data=data))


def territory_energy_inputs(territory: Territory, data: Dataset) -> EnergyInputs:
    """Energy inputs of a territory (base balance, production), kept on the data set."""
    key = f"energy.inputs.{territory_key(territory)}"
    return data.derived(key, lambda: energy_inputs(territory, data))


def territory_base_inventory(territory: Territory, data: Dataset) -> np.ndarray:
    """The base-year inventory of a territory (sector, gas), kept on the data set (read-only)."""

    def compute() -> np.ndarray:
        inventory = base_inventory(territory, data)
        inventory.flags.writeable = False
        return inventory

    return data.derived(f"inventory.base.{territory_key(territory)}", compute)


def territory_services_inputs(territory: Territory, data: Dataset) -> ServicesInputs:
    """Today's schools, childcare, GPs and pharmacies of a territory, kept on the data set."""
    key = f"services.inputs.{territory_key(territory)}"
    return data.derived(key, lambda: services_inputs(territory, data))


def territory_housing_inputs(territory: Territory, data: Dataset) -> HousingInputs:
    """Headship rates and 2021 census households of a territory, kept on the data set."""
    key = f"housing.inputs.{territory_key(territory)}"
    return data.derived(key, lambda: housing_inputs(territory, data))


@dataclass(frozen=True)
class ChainRun:
    """The model chain of a territory under a scenario; each model runs when first asked."""

    territory: Territory
    scenario: Scenario
    demography: DemographyRun
    units: UnitsRun | None = None
    """Set when the chain was run with others (:func:`run_chains`): the models vectorised over
    units are computed once for all of them."""

    @functools.cached_property
    def ageing(self) -> AgeingResult:
        """Seniors losing autonomy, places, care workforce, carers and cost."""
        if self.units is None:
            return ageing_of(self.demography)
        return self.units.ageing.take(self.units.rows(self.territory), self.demography.weights)

    @functools.cached_property
    def mobility(self) -> MobilityResult:
        """Residents' travel: trips, passenger-km by mode, fleet, energy and emissions."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        inputs = territory_mobility_inputs(self.territory, self.demography.data)
        return project_mobility(inputs, years, population, self.scenario.mobility)

    @functools.cached_property
    def energy(self) -> EnergyResult:
        """Energy balance by sector and carrier, renewables, emissions, targets and bill."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        demography = self.demography
        persons = demography.projection.population[0].sum(axis=(-1, -2)) * demography.weights
        return project_energy(
            territory_energy_inputs(self.territory, demography.data),
            years,
            population.sum(axis=(-1, -2)),
            self.mobility.energy_gwh,
            self.scenario.energy,
            territory_warming(
                demography.units, persons, self.scenario.adaptation.pathway, years, demography.data
            ),
        )

    @functools.cached_property
    def emissions(self) -> InventoryResult:
        """The whole greenhouse-gas inventory: every sector and gas, SNBC path, budgets."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        data = self.demography.data
        drivers = drivers_from(
            self.energy.emissions, self.mobility.tailpipe_kt, population.sum(axis=(-1, -2))
        )
        return project_inventory(
            territory_base_inventory(self.territory, data),
            years,
            drivers,
            self.scenario.emissions,
            ratio_1990(data),
        )

    @functools.cached_property
    def adaptation(self) -> AdaptationResult:
        """Exposure of the oldest to heat, heat-plan needs and excess deaths, to 2100 for the
        scenario's climate pathway (the demography is run on to 2100 if it stops earlier).
        """
        demography, ageing = self.demography, self.ageing
        if demography.years[-1] < ADAPTATION_HORIZON:
            demography = _extended(demography)
            ageing = ageing_of(demography)
        return _adaptation(demography, ageing, self.scenario)

    @functools.cached_property
    def services(self) -> ServicesResult:
        """Pupils and classes, childcare places, GPs, their workforce and cost."""
        inputs = territory_services_inputs(self.territory, self.demography.data)
        d = self.demography
        return project_services(inputs, d.years, d.population, self.scenario.services)

    @functools.cached_property
    def housing(self) -> HousingResult:
        """Households and dwellings needed (« point mort ») from the 2021 census."""
        years, population = self.demography.population_since(ENERGY_BASE_YEAR)
        inputs = territory_housing_inputs(self.territory, self.demography.data)
        return project_housing(inputs, years, population, self.scenario.services.housing)

    def series(self, models: tuple[str, ...] = MODELS) -> list:
        """Result series of the ``models`` asked for."""
        return [s for model in models for s in SERIES[model](getattr(self, model))]

    def table(self, models: tuple[str, ...] = MODELS) -> pd.DataFrame:
        """The IAMC long table of ``models``; ``attrs["base_structure"]`` says how the base
        age structure was obtained, ``attrs["metadata"]`` holds the run metadata.
        """
        return results_table(self.series(models), self.demography.metadata())


SERIES: dict[str, Callable[[Any], list[Series]]] = {
    "demography": DemographyRun.series,
    "ageing": ageing_series,
    "mobility": mobility_series,
    "energy": energy_series,
    "emissions": inventory_series,
    "adaptation": adaptation_series,
    "services": services_series,
    "housing": housing_series,
}
"""The series of each model's result (:mod:`prospectif.results.convert`)."""


def run_chain(
    territory: Territory,
    scenario: Scenario,
    census: pd.DataFrame | None = None,
    data: Dataset | None = None,
) -> ChainRun:
    """The model chain for a territory and a scenario (models computed on demand).

    ``census`` (from :func:`prospectif.census.read_census_table`) replaces the estimated age
    structure of a commune, EPCI or perimeter.
    """
    data = data or open_data()
    base = census_base(territory, census, data) if census is not None else None
    demography = run_demography(territory, scenario, base_population=base, data=data)
    return ChainRun(territory, scenario, demography)


def export_schedules(run: DemographyRun | ChainRun, folder: Path) -> Path:
    """Write the schedules of ``run`` to ``folder`` in the import layout, with a scenario file
    naming them (:func:`~prospectif.results.schedules.write_schedules`); returns its path.

    Running that scenario file on the same territory reproduces the run: its stocks and flows
    to rounding, and for a territory projected as one unit (a département, or imported
    schedules) its fertility and life-expectancy indicators too. The schedules run to
    :data:`ADAPTATION_HORIZON` when the scenario stops earlier, as the adaptation model does.
    """
    demography = run.demography if isinstance(run, ChainRun) else run
    if demography.years[-1] < ADAPTATION_HORIZON:
        demography = _extended(demography)
    p, w = demography.projection, demography.weights
    women = 0.5 * (p.population[:-1, :, FEMALE] + p.population[1:, :, FEMALE])
    normalised = w / w.sum()
    frames = schedule_frames(
        demography.years,
        demography.population,
        demography._sum(p.births),
        demography._sum(p.deaths),
        demography._sum(p.infant_deaths),
        demography._sum(p.migration),
        demography._sum(demography.paths.asfr * women),
        np.tensordot(demography.paths.survival, normalised, ([1], [0])),
        np.tensordot(demography.paths.birth_survival, normalised, ([1], [0])),
    )
    return write_schedules(frames, demography.scenario, demography.territory.code, folder)


def variant_chains(chain: ChainRun, scenarios: Iterable[Scenario]) -> list[ChainRun]:
    """The chains of ``chain``'s territory under other ``scenarios``, from the same base.

    A scenario with ``chain``'s demography assumptions and horizon reuses its projection, and
    the results ``chain`` has already computed of the models none of whose sections changed
    (:data:`MODELS_OF_SECTION`); the others are projected together, stacked in one call of the
    engine (:func:`run_demography_variants`; one by one from an imported census structure).
    Each chain equals :func:`run_chain` of its scenario.
    """
    scenarios = list(scenarios)
    demography = chain.demography
    kept = [
        s.demography == chain.scenario.demography and s.horizon == chain.scenario.horizon
        for s in scenarios
    ]
    others = [s for s, same in zip(scenarios, kept, strict=True) if not same]
    if demography.structure == STRUCTURE_CENSUS:
        projected = iter([_reprojected(demography, s) for s in others])
    else:
        projected = iter(run_demography_variants(chain.territory, others, demography.data))
    return [
        _sharing(chain, ChainRun(chain.territory, s, dataclasses.replace(demography, scenario=s)))
        if same
        else ChainRun(chain.territory, s, next(projected))
        for s, same in zip(scenarios, kept, strict=True)
    ]


def _sharing(chain: ChainRun, variant: ChainRun) -> ChainRun:
    """``variant`` (same projection as ``chain``) given ``chain``'s computed model results
    that no changed section moves.
    """
    changed = {
        s for s in MODELS_OF_SECTION if getattr(variant.scenario, s) != getattr(chain.scenario, s)
    }
    moved = {m for s in changed for m in MODELS_OF_SECTION[s]}
    for model in MODELS[1:]:
        if model not in moved and model in chain.__dict__:
            variant.__dict__[model] = chain.__dict__[model]  # a computed cached_property
    return variant


def run_chains(
    territories: Iterable[Territory | str], scenario: Scenario, data: Dataset | None = None
) -> list[ChainRun]:
    """The model chains of many territories (or codes) under one scenario, in one call.

    The demography and the ageing of every département they touch are computed once (both
    are vectorised over units); mobility and energy run on demand per territory. Each chain
    equals :func:`run_chain` of its territory (to rounding, ~1e-16 relative, when a territory
    spans several départements).
    """
    data = data or open_data()
    resolved = [t if isinstance(t, Territory) else get_territory(t, data) for t in territories]
    units, local = split_runs(resolved, scenario, data)
    return [
        ChainRun(t, scenario, local[i], None)
        if units is None or i in local
        else ChainRun(t, scenario, units.demography_of(t), units)
        for i, t in enumerate(resolved)
    ]


def run_adaptation_units(
    codes: Iterable[str], scenario: Scenario, data: Dataset | None = None
) -> AdaptationResult:
    """The adaptation model of many départements (codes ``DEP-xx``) in one call, one unit each
    with weight 1, to :data:`ADAPTATION_HORIZON` (for the exposure map).
    """
    data = data or open_data()
    if scenario.horizon < ADAPTATION_HORIZON:
        scenario = scenario.with_values({"horizon": ADAPTATION_HORIZON})
    territories = [get_territory(code, data) for code in codes]
    units = units_run(territories, scenario, data)
    return _adaptation(units.demography, units.ageing, scenario)


def climate_by_pathway(
    chain: ChainRun, indicator: str, pathways: Iterable[str] = PATHWAYS
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Days a year of ``indicator`` (e.g. 'heatwave_days') lived by the territory's people
    aged 75+ under each of ``pathways`` (every climate pathway by default), on the chain's
    population: years and values by pathway (NaN where DRIAS gives none).
    """
    result, units = chain.adaptation, chain.demography.units
    data = chain.demography.data
    return result.years, {
        pathway: dataclasses.replace(
            result, climate=climate_inputs(units, pathway, result.years, data)
        ).mean_days(indicator)
        for pathway in pathways
    }


def run(
    territory_code: str,
    scenario: Scenario,
    census: pd.DataFrame | None = None,
    data: Dataset | None = None,
) -> pd.DataFrame:
    """Every model for a territory and a scenario, as one IAMC long table."""
    data = data or open_data()
    return run_chain(get_territory(territory_code, data), scenario, census, data).table()
