"""Inventory inputs of a territory: its base-year emissions by sector and gas, and the 1990
reference, from the estimated département inventory (``ghg_inventory``) and the national series
(``ghg_national``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..models.axes import ENERGY_BASE_YEAR
from ..models.inventory import GASES, INVENTORY_SECTORS
from ..territory import Territory
from .energy_inputs import territory_weights

REFERENCE_YEAR = 1990


def inventory_cube(data: Dataset | None = None) -> tuple[tuple[str, ...], np.ndarray]:
    """Every département's base-year inventory (ktCO2e/yr), shape (dep, sector, gas); once per
    data set.
    """
    data = data or open_data()
    return data.derived("inventory.cube", lambda: _inventory_cube(data))


def _inventory_cube(data: Dataset) -> tuple[tuple[str, ...], np.ndarray]:
    table = data.table("ghg_inventory")
    table = table[table["year"] == ENERGY_BASE_YEAR]
    deps = tuple(sorted(table["dep"].unique()))
    index = pd.MultiIndex.from_product([deps, INVENTORY_SECTORS, GASES])
    values = table.set_index(["dep", "sector", "gas"])["emissions_kt"].reindex(
        index, fill_value=0.0
    )
    cube = values.to_numpy().reshape(len(deps), len(INVENTORY_SECTORS), len(GASES))
    cube.flags.writeable = False
    return deps, cube


def base_inventory(territory: Territory, data: Dataset | None = None) -> np.ndarray:
    """The territory's base-year inventory (ktCO2e/yr), (sector, gas): its départements'
    inventories weighted by its population shares.
    """
    deps, cube = inventory_cube(data)
    return np.tensordot(territory_weights(territory, deps), cube, axes=1)


def ratio_1990(data: Dataset | None = None) -> float:
    """France's gross emissions in 1990 (UNFCCC) over the base year (Citepa Secten)."""
    data = data or open_data()
    return data.derived("inventory.ratio_1990", lambda: _ratio_1990(data))


def _ratio_1990(data: Dataset) -> float:
    national = data.table("ghg_national").set_index(["source", "series", "year"])["value_mt"]
    return float(
        national[("unfccc", "total", REFERENCE_YEAR)]
        / national[("secten", "total", ENERGY_BASE_YEAR)]
    )
