"""Energy figures: the carrier → sector flows of a year as a Sankey diagram."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import ModelError
from ..i18n import format_number
from ..models.energy import CARRIER_NAMES, SECTOR_NAMES, EnergyResult
from ..results.transition_variables import CARRIERS, SECTORS
from .base import base_layout
from .trajectories import PART_COLORS

NAMES = {**CARRIERS, **SECTORS}
"""(French, English) names of the carriers and sectors, from the variable registry."""


def translucent(hex_color: str, alpha: float = 0.45) -> str:
    """``"#0072B2"`` → ``"rgba(0,114,178,0.45)"``."""
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def energy_flows(result: EnergyResult, year: int) -> pd.DataFrame:
    """Carrier → sector flows of ``year`` for a Sankey diagram.

    Columns ``carrier, sector, gwh`` (GWh/yr); zero flows are left out.

    Raises
    ------
    ValueError
        If ``year`` is not projected.
    """
    where = np.flatnonzero(result.years == year)
    if where.size == 0:
        raise ModelError("model.year", value=year, low=result.years[0], high=result.years[-1])
    table = pd.DataFrame(
        result.energy[where[0]].T, index=list(CARRIER_NAMES), columns=list(SECTOR_NAMES)
    )
    long = table.stack().rename("gwh").rename_axis(["carrier", "sector"]).reset_index()
    return long[long["gwh"] > 0].reset_index(drop=True)


def sankey_spec(flows: pd.DataFrame, title: str, lang: str = "fr") -> dict:
    """Carriers (left) to sectors (right), as a plain plotly figure dict (validated by the
    figure shown); ``flows`` has columns carrier, sector, gwh.

    Each node's label carries its total (GWh/yr), so the values are read without hovering.
    """
    carriers = list(dict.fromkeys(flows["carrier"]))
    sectors = list(dict.fromkeys(flows["sector"]))
    nodes = carriers + sectors
    index = {name: i for i, name in enumerate(nodes)}
    totals = pd.concat(
        [flows.groupby("carrier")["gwh"].sum(), flows.groupby("sector")["gwh"].sum()]
    )
    names = [
        f"{NAMES[n][lang == 'en'] if n in NAMES else n} · {format_number(totals[n], 0, lang)} GWh"
        for n in nodes
    ]
    colors = [PART_COLORS[i % len(PART_COLORS)] for i in range(len(carriers))]
    sankey = {
        "type": "sankey",
        "arrangement": "fixed",
        "valueformat": ",.0f",
        "valuesuffix": " GWh",
        "node": {
            "label": names,
            "pad": 18,
            "thickness": 22,
            "color": colors + ["#7f8c8d"] * len(sectors),
        },
        "link": {
            "source": [index[c] for c in flows["carrier"]],
            "target": [index[s] for s in flows["sector"]],
            "value": flows["gwh"].to_numpy(),
            "color": [translucent(colors[index[c]]) for c in flows["carrier"]],
        },
    }
    return {"data": [sankey], "layout": base_layout(title, lang)}
