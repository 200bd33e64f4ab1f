"""Energy inputs of a territory from the data: ORE consumption, base balance, Enedis production.

The balance itself (apportioning ORE's 'unknown' sector, estimating the other carriers) is the
pure :mod:`prospectif.models.energy_balance`; the cubes of every département are computed once
per :class:`~prospectif.data.Dataset`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..models.axes import ENERGY_BASE_YEAR
from ..models.energy import EnergyInputs
from ..models.energy_balance import (
    METERED,
    ORE_SECTORS,
    TECHNOLOGIES,
    apportion_unknown,
    estimate_balance,
)
from ..territory import Territory
from .density import commune_density_types


@dataclass(frozen=True)
class BaseBalance:
    """A territory's stationary energy in the base year.

    Attributes
    ----------
    balance
        Final energy by (stationary sector, carrier) (GWh/yr), shape (4, 6).
    estimated
        True where the cell is estimated rather than read from ORE, shape (4, 6).
    ore
        ORE consumption by (ORE sector incl. 'unknown', metered carrier) weighted by the
        territory's shares (GWh/yr), shape (5, 2).
    """

    balance: np.ndarray
    estimated: np.ndarray
    ore: np.ndarray


def ore_cube(
    year: int = ENERGY_BASE_YEAR, data: Dataset | None = None
) -> tuple[tuple[str, ...], np.ndarray]:
    """ORE electricity and gas of every département (GWh/yr), shape (dep, ORE sector, carrier).

    Missing cells (no gas network) are zero. Computed once per data set and year.
    """
    data = data or open_data()
    return data.derived(f"energy.ore.{year}", lambda: _ore_cube(data, year))


def _ore_cube(data: Dataset, year: int) -> tuple[tuple[str, ...], np.ndarray]:
    table = data.table("energy_consumption")
    table = table[table["year"] == year]
    deps = tuple(sorted(table["dep"].unique()))
    axes = {"dep": deps, "sector": ORE_SECTORS, "carrier": METERED}
    return deps, _gwh_cube(table, axes, "consumption_mwh")


def _metered_cube(year: int, data: Dataset | None) -> np.ndarray:
    """Every département's metered consumption with 'unknown' shared (GWh/yr), (dep, 4, 2)."""
    data = data or open_data()
    return data.derived(f"energy.metered.{year}", lambda: _frozen(ore_cube(year, data)[1]))


def _frozen(ore: np.ndarray) -> np.ndarray:
    cube = apportion_unknown(ore)
    cube.flags.writeable = False
    return cube


def territory_weights(territory: Territory, deps: tuple[str, ...]) -> np.ndarray:
    """Share of each département's population in the territory, aligned on ``deps``."""
    return territory.shares.reindex(list(deps), fill_value=0.0).to_numpy(dtype=float)


RURAL_TYPES = ("rural", "very_rural")
"""Density types whose population apportions a département's agriculture below it."""


def sector_weights(
    territory: Territory, deps: tuple[str, ...], data: Dataset | None = None
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Share of each département's consumption of each ORE sector in the territory.

    Whole départements take 1 or 0. Below the département (EPCI, communes, perimeters),
    residential consumption follows the territory's share of the département's households
    (census 2021), agriculture its share of the population of rural and very rural communes
    (density types, :mod:`.density`), industry, tertiary and the unknown sector its population
    share. Returns the weights (dep, ORE sector) and how each sector was apportioned.
    """
    population = territory_weights(territory, deps)
    weights = np.repeat(population[:, None], len(ORE_SECTORS), axis=1)
    if np.all((population == 0.0) | (population == 1.0)) or not territory.members:
        return weights, ("population",) * len(ORE_SECTORS)
    communes, totals = apportioning_communes(data or open_data())
    inside = communes[communes.index.isin(set(territory.members))]
    parts = inside.groupby("dep")[list(APPORTIONED.values())].sum()
    for sector, column in APPORTIONED.items():
        whole = totals[column].reindex(list(deps), fill_value=0.0)
        part = parts[column].reindex(list(deps), fill_value=0.0)
        share = np.where(whole > 0, part / whole.where(whole > 0, 1.0), population)
        weights[:, ORE_SECTORS.index(sector)] = share
    how = tuple(
        {"residential": "households", "agriculture": "rural-population"}.get(s, "population")
        for s in ORE_SECTORS
    )
    return weights, how


APPORTIONED = {"residential": "households", "agriculture": "rural"}
"""ORE sectors apportioned below the département otherwise than by population, and the
commune column that apportions them (see :func:`sector_weights`)."""


def apportioning_communes(data: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every commune (index: code) with its département, households (census 2021) and
    population of rural and very rural type, and their sums by département; computed once
    per data set (a territory's weights then only sum its own communes).
    """
    return data.derived("energy.apportioning_communes", lambda: _apportioning_communes(data))


def _apportioning_communes(data: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    communes = commune_density_types(data)
    households = data.table("communes_census").set_index("code")["households_2021"]
    table = pd.DataFrame(
        {
            "dep": communes["dep"].to_numpy(),
            "households": communes["code"].map(households).fillna(0.0).to_numpy(),
            "rural": (communes["population"] * communes["type"].isin(RURAL_TYPES)).to_numpy(),
        },
        index=pd.Index(communes["code"], name="code"),
    )
    return table, table.groupby("dep")[list(APPORTIONED.values())].sum()


def base_balance(
    territory: Territory, year: int = ENERGY_BASE_YEAR, data: Dataset | None = None
) -> BaseBalance:
    """The territory's stationary balance in ``year`` (GWh/yr) with its estimated cells."""
    deps, cube = ore_cube(year, data)
    weights, _ = sector_weights(territory, deps, data)
    ore = np.einsum("ds,dsc->sc", weights, cube)
    metered = _metered_cube(year, data)
    balance = estimate_balance(np.einsum("ds,dsc->sc", weights[:, : metered.shape[1]], metered))
    whole = bool(np.all((weights == 0.0) | (weights == 1.0)))
    estimated = np.ones(balance.shape, dtype=bool)
    estimated[:, : len(METERED)] = not whole
    return BaseBalance(balance=balance, estimated=estimated, ore=ore)


def production_cube(
    data: Dataset | None = None,
) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Enedis renewable production of every département (GWh/yr).

    Returns département codes, the years from :data:`ENERGY_BASE_YEAR` to the last published
    one, and production of shape (dep, year, technology). Départements outside the Enedis network
    (Corsica, overseas) are absent and count zero. Computed once per data set.
    """
    data = data or open_data()
    return data.derived("energy.production", lambda: _production_cube(data))


def _production_cube(data: Dataset) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    table = data.table("electricity_production")
    table = table[(table["year"] >= ENERGY_BASE_YEAR) & table["technology"].isin(TECHNOLOGIES)]
    years = np.arange(ENERGY_BASE_YEAR, int(table["year"].max()) + 1)
    deps = tuple(sorted(table["dep"].unique()))
    axes = {"dep": deps, "year": tuple(years), "technology": TECHNOLOGIES}
    return deps, years, _gwh_cube(table, axes, "production_mwh")


def _gwh_cube(table: pd.DataFrame, axes: dict[str, tuple], column: str) -> np.ndarray:
    """The MWh ``column`` of ``table`` summed into a read-only GWh array over ``axes`` (the
    columns and their values, in order); absent cells are 0.
    """
    index = pd.MultiIndex.from_product(list(axes.values()), names=list(axes))
    values = table.groupby(list(axes))[column].sum().reindex(index, fill_value=0.0)
    cube = values.to_numpy().reshape([len(v) for v in axes.values()]) / 1000.0
    cube.flags.writeable = False
    return cube


def observed_production(
    territory: Territory, data: Dataset | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """The territory's Enedis renewable production: years and GWh/yr by (year, technology)."""
    deps, years, cube = production_cube(data)
    return years, np.tensordot(territory_weights(territory, deps), cube, axes=1)


def energy_inputs(territory: Territory, data: Dataset | None = None) -> EnergyInputs:
    """Base-year balance and observed renewable production of ``territory``."""
    base = base_balance(territory, data=data)
    years, production = observed_production(territory, data)
    return EnergyInputs(base.balance, base.estimated, base.ore, years, production)
