"""The whole greenhouse-gas inventory of a territory projected from its base year.

The base-year inventory (ktCO2e by sector and gas, estimated from the national one,
``docs/methodology/ghg-inventory.md``) moves with the other models where they describe the
sector (buildings and industry with the energy model, residents' cars with the mobility model,
waste and small transport with the population) and with the levers of the scenario's
``emissions`` section elsewhere (herds, feed, methanisation, nitrogen, freight volume and mode,
electric lorries, waste and landfill methane, industrial processes). Emissions are in
ktCO2e/yr, shape (year, sector, gas) on ``INVENTORY_SECTORS`` × ``GASES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .axes import ENERGY_BASE_YEAR
from .energy import SECTOR_NAMES, emissions_target, ramp

if TYPE_CHECKING:
    from ..scenario.emissions import Emissions

INVENTORY_SECTORS = (
    "buildings",
    "road_passengers",
    "road_freight_heavy",
    "road_freight_light",
    "other_transport",
    "industry",
    "energy_industry",
    "agriculture_livestock",
    "agriculture_soils",
    "agriculture_machinery",
    "agriculture_other",
    "waste",
)
GASES = ("co2", "ch4", "n2o", "fgas")
CH4 = GASES.index("ch4")
MANURE_METHANE_SHARE = 1 / 3
"""Share of livestock methane from manure (the rest is enteric fermentation), fraction; Citepa,
Secten 2024: about two thirds of French agricultural methane is enteric (rounded, the
project's reading)."""
BASE_RAIL_WATERWAY_SHARE = 0.12
"""Rail and inland waterway share of French tonne-km in 2021 (fraction); SDES tonne-km by
région of origin (table ``freight_tonne_km``)."""


@dataclass(frozen=True)
class InventoryDrivers:
    """Indices (value in the year over value in the base year, shape (year,)) given by the
    other models of the chain.
    """

    population: np.ndarray
    buildings: np.ndarray
    passengers: np.ndarray
    industry: np.ndarray
    agriculture_energy: np.ndarray
    energy_total: np.ndarray


def drivers_from(
    energy_emissions: np.ndarray, tailpipe: np.ndarray, population: np.ndarray
) -> InventoryDrivers:
    """The drivers of the inventory from the chain's other models.

    ``energy_emissions`` is the energy model's emissions (ktCO2e/yr) by (year, sector of
    :data:`~prospectif.models.energy.SECTOR_NAMES`); ``tailpipe`` residents' car and
    two-wheeler combustion (ktCO2e/yr), ``population`` the residents (persons), both (year,).
    """
    sector = {name: energy_emissions[:, i] for i, name in enumerate(SECTOR_NAMES)}
    return InventoryDrivers(
        population=index(population),
        buildings=index(sector["Residential"] + sector["Tertiary"]),
        passengers=index(tailpipe),
        industry=index(sector["Industry"]),
        agriculture_energy=index(sector["Agriculture"]),
        energy_total=index(energy_emissions.sum(axis=1)),
    )


def index(values: np.ndarray) -> np.ndarray:
    """Values over the first one (1 throughout when the first is zero)."""
    first = values[0]
    return values / first if first > 0 else np.ones_like(values, dtype=float)


@dataclass(frozen=True)
class InventoryResult:
    """The projected inventory.

    years
        Years (ENERGY_BASE_YEAR … horizon).
    emissions
        ktCO2e/yr, shape (year, sector, gas).
    target
        The SNBC gross-emissions trajectory on the inventory's scope (ktCO2e/yr), (year,).
    budget
        Each sector's carbon budget from the base year to 2050 (ktCO2e), (sector,): its
        base-year share of the target trajectory, cumulated.
    budget_spent_year
        Year each sector's cumulative emissions exceed its budget (NaN if not by the horizon).
    """

    years: np.ndarray
    emissions: np.ndarray
    target: np.ndarray
    budget: np.ndarray
    budget_spent_year: np.ndarray

    @property
    def total(self) -> np.ndarray:
        """Gross emissions of every sector and gas (ktCO2e/yr), (year,)."""
        return self.emissions.sum(axis=(1, 2))


def project_inventory(
    base: np.ndarray,
    years: np.ndarray,
    drivers: InventoryDrivers,
    params: Emissions,
    ratio_1990: float,
) -> InventoryResult:
    """Project a territory's inventory.

    Parameters
    ----------
    base
        Base-year inventory (ktCO2e/yr), shape (sector, gas).
    years
        Years from ENERGY_BASE_YEAR.
    drivers
        Indices of the other models.
    params
        The scenario's ``emissions`` section.
    ratio_1990
        France's gross emissions in 1990 over the base year (the SNBC reference).
    """
    factors = sector_factors(years, drivers, params)
    emissions = base[None, :, :] * factors[:, :, None]
    emissions[:, INVENTORY_SECTORS.index("agriculture_livestock"), CH4] *= livestock_methane(
        years, params
    )
    emissions[:, INVENTORY_SECTORS.index("waste"), CH4] *= 1 - (
        params.waste_processes.methane_capture / 100 * ramp(years, params.target_year)
    )
    target = emissions_target(years, float(base.sum()), ratio_1990)
    budget, spent = carbon_budgets(years, emissions.sum(axis=2), base.sum(axis=1), target)
    return InventoryResult(years, emissions, target, budget, spent)


def sector_factors(years: np.ndarray, drivers: InventoryDrivers, params: Emissions) -> np.ndarray:
    """Each sector's emissions over its base year (fraction), shape (year, sector)."""
    r = ramp(years, params.target_year)
    farming, freight, other = params.farming, params.freight, params.waste_processes
    tonne_km = (1 + freight.tonne_km_growth / 100) ** (years - ENERGY_BASE_YEAR)
    rail_share = BASE_RAIL_WATERWAY_SHARE + r * (
        freight.rail_waterway_share / 100 - BASE_RAIL_WATERWAY_SHARE
    )
    road_vehicles = (1 - r * freight.electric_lorries / 100) * (1 - r * freight.load_gain / 100)
    road_tonne_km = tonne_km * (1 - rail_share) / (1 - BASE_RAIL_WATERWAY_SHARE)
    by_sector = {
        "buildings": drivers.buildings,
        "road_passengers": drivers.passengers,
        "road_freight_heavy": road_tonne_km * road_vehicles,
        "road_freight_light": drivers.population * road_vehicles,
        "other_transport": drivers.population,
        "industry": drivers.industry * (1 + r * other.process_intensity_change / 100),
        "energy_industry": drivers.energy_total,
        "agriculture_livestock": 1 + r * farming.herd_change / 100,
        "agriculture_soils": 1 + r * farming.nitrogen_change / 100,
        "agriculture_machinery": drivers.agriculture_energy,
        "agriculture_other": drivers.agriculture_energy,
        "waste": drivers.population * (1 + r * other.waste_per_resident_change / 100),
    }
    return np.stack(
        [np.broadcast_to(by_sector[name], years.shape) for name in INVENTORY_SECTORS], axis=1
    )


def livestock_methane(years: np.ndarray, params: Emissions) -> np.ndarray:
    """Livestock methane per head over the base year (fraction), (year,): enteric methane cut
    by feed, manure methane by methanisation.
    """
    r = ramp(years, params.target_year)
    farming = params.farming
    enteric = (1 - MANURE_METHANE_SHARE) * (1 - r * farming.enteric_reduction / 100)
    manure = MANURE_METHANE_SHARE * (1 - r * farming.methanisation_share / 100)
    return enteric + manure


def carbon_budgets(
    years: np.ndarray,
    by_sector: np.ndarray,
    base_by_sector: np.ndarray,
    target: np.ndarray,
    end: int = 2050,
) -> tuple[np.ndarray, np.ndarray]:
    """Sector budgets to ``end`` (ktCO2e) and the year each is spent (NaN if never).

    A sector's budget is its base-year share of the cumulated target trajectory from the base
    year to ``end``; it is spent in the first year its cumulated emissions exceed it.
    """
    within = years <= end
    total = base_by_sector.sum()
    shares = np.divide(base_by_sector, total, out=np.zeros_like(base_by_sector), where=total > 0)
    budget = shares * target[within].sum()
    cumulated = np.cumsum(by_sector, axis=0)
    over = cumulated > budget[None, :]
    first = np.argmax(over, axis=0)
    spent = np.where(over.any(axis=0) & (budget > 0), years[first].astype(float), np.nan)
    return budget, spent
