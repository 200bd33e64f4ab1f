"""Base-year energy balance: final energy by sector and carrier (GWh), from metered energy.

Electricity and gas come from the ORE data by département and sector, exactly; the ORE
"unknown" sector (delivery points without a sector, about 1 % of the energy) is shared among
the four known sectors pro rata to their consumption of the same carrier in the same
département (before any aggregation), so each carrier's département total is kept. The other
carriers are estimated from the national mix of each sector (SDES), scaled by the territory's
ORE consumption of that sector (see :data:`SCALING_CARRIERS`). A territory is the sum of its
départements weighted by the share of each département's population it holds, so below the
département level every cell is an estimate.

Transport is not here: it comes from the mobility model (see :mod:`prospectif.models.energy`).
The data are read in :mod:`prospectif.calibration.energy_inputs`.
"""

from __future__ import annotations

import numpy as np

SECTORS = ("residential", "tertiary", "industry", "agriculture", "transport")
STATIONARY = SECTORS[:4]
"""Sectors of the ORE data (everything but transport)."""
ORE_SECTORS = (*STATIONARY, "unknown")
CARRIERS = ("electricity", "gas", "oil", "wood_renewables", "district_heat", "other")
METERED = CARRIERS[:2]
"""Carriers measured by ORE."""
TECHNOLOGIES = ("solar_pv", "wind", "hydro", "bioenergy")
"""Renewable technologies of the Enedis production data (cogeneration and 'other', mostly
fossil, are left out)."""

NATIONAL_MIX_PERCENT = np.array(
    [
        # Residential, 2023, climate-corrected: electricity 34 %, gas 25 %, oil products 8.3 %,
        # district heat 16 TWh of 460 (3.5 %), renewables the rest (29.2 %, "more than a
        # quarter"). SDES, Bilan énergétique de la France pour 2023, §5.3 (2025).
        [34.0, 25.0, 8.3, 29.2, 3.5, 0.0],
        # Tertiary, 2023: electricity 127 TWh, gas 63, oil products 27, renewables and waste 5 %
        # of ~240 (12), coal 1 (fossil 91 minus gas and oil); ADEME, Batizoom, "Consommation
        # en énergie finale des bâtiments tertiaires par énergie" (2025, from SDES); district
        # heat 23 % of 42 TWh, SDES, Bilan 2023, §4.7.
        [127.0, 63.0, 27.0, 12.0, 9.7, 1.0],
        # Industry, 2021: gas 37 %, electricity 36 %, oil products 10 %, renewables 7 %,
        # district heat 6 %, coal 3 %. SDES, Chiffres clés de l'énergie, édition 2022.
        [36.0, 37.0, 10.0, 7.0, 6.0, 3.0],
        # Agriculture and fishing, 2023: oil products 72.9 %, electricity 13.6 %, renewables
        # 9.6 %, gas 3.4 %, district heat 0.5 %. SDES, Bilan 2023, §5.7.
        [13.6, 3.4, 72.9, 9.6, 0.5, 0.0],
    ]
)
"""National final energy of each stationary sector by carrier (% or TWh; rows are
normalised to shares)."""

NATIONAL_MIX = NATIONAL_MIX_PERCENT / NATIONAL_MIX_PERCENT.sum(axis=1, keepdims=True)
"""Share of each carrier in each stationary sector's national final energy (fraction)."""

SCALING_CARRIERS = np.array(
    [
        [True, True],
        [True, True],
        [True, False],
        [True, True],
    ]
)
"""Which ORE carriers (electricity, gas) scale each sector's estimated carriers. Industry uses
electricity only: its ORE gas includes gas burnt in power plants and used as feedstock, which
the SDES final-energy mix excludes (ORE industry gas is 244 TWh in 2021, SDES industry gas
about 115 TWh)."""


def apportion_unknown(ore: np.ndarray) -> np.ndarray:
    """Share the 'unknown' sector among the known ones, pro rata, per carrier.

    Parameters
    ----------
    ore
        ORE consumption (GWh/yr), shape (..., 5 ORE sectors, carrier); sector 4 is 'unknown'.

    Returns
    -------
    np.ndarray
        Consumption of the four known sectors (GWh/yr), shape (..., 4, carrier); each
        carrier's total over sectors equals ORE's total including 'unknown'.
    """
    known, unknown = ore[..., :4, :], ore[..., 4:, :]
    total = known.sum(axis=-2, keepdims=True)
    share = np.divide(known, total, out=np.full_like(known, 0.25), where=total > 0)
    return known + unknown * share


def estimate_balance(metered: np.ndarray) -> np.ndarray:
    """Full stationary balance from metered electricity and gas (GWh/yr).

    Each estimated carrier is the sector's scaling consumption (:data:`SCALING_CARRIERS`)
    times the national ratio of that carrier to the scaling carriers.

    Parameters
    ----------
    metered
        Electricity and gas by sector (GWh/yr), shape (..., 4, 2).

    Returns
    -------
    np.ndarray
        Final energy (GWh/yr), shape (..., 4, 6); columns 0–1 are ``metered`` unchanged.
    """
    scale = (metered * SCALING_CARRIERS).sum(axis=-1, keepdims=True)
    ratio = NATIONAL_MIX / (NATIONAL_MIX[:, :2] * SCALING_CARRIERS).sum(axis=1, keepdims=True)
    return np.concatenate([metered, scale * ratio[:, 2:]], axis=-1)
