"""Emission figures: each sector's carbon budget to 2050 against its cumulated emissions."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..models.inventory import INVENTORY_SECTORS, InventoryResult
from ..results.transition_variables import INVENTORY_SECTOR_NAMES
from .base import SCENARIO_COLORS, base_layout

BUDGET_END = 2050
"""Last year of the budgets (the SNBC's carbon-neutrality year)."""


def budget_table(result: InventoryResult, lang: str = "fr") -> pd.DataFrame:
    """Each sector's budget and cumulated emissions to :data:`BUDGET_END` (ktCO2e) and the year
    its budget is spent (NaN if not by the horizon), largest budget first.
    """
    within = result.years <= BUDGET_END
    cumulated = result.emissions[within].sum(axis=(0, 2))
    labels = [INVENTORY_SECTOR_NAMES[s][1][lang == "en"] for s in INVENTORY_SECTORS]
    table = pd.DataFrame(
        {
            "sector": labels,
            "budget_kt": result.budget,
            "cumulated_kt": cumulated,
            "spent_year": result.budget_spent_year,
        }
    )
    return table.sort_values("budget_kt", ascending=False, kind="stable").reset_index(drop=True)


def budget_spec(table: pd.DataFrame, title: str, lang: str = "fr") -> dict:
    """Horizontal bars: budget and cumulated emissions per sector, the year each budget is
    spent written beside the bars (no colour needed to read it), as a plain plotly figure dict
    (validated by the figure shown).
    """
    texts = {
        "fr": ("Budget carbone", "Émissions cumulées", "épuisé en {}", "non épuisé", "kt CO2e"),
        "en": ("Carbon budget", "Cumulated emissions", "spent in {}", "not spent", "kt CO2e"),
    }[lang if lang == "en" else "fr"]
    spent = [texts[2].format(int(y)) if np.isfinite(y) else texts[3] for y in table["spent_year"]]

    sectors = table["sector"].to_numpy()

    def bars(column: str, name: str, marker: dict, **extra: object) -> dict:
        """One horizontal bar a sector, of ``table[column]`` (kt CO2e)."""
        x = table[column].to_numpy()
        return dict(type="bar", y=sectors, x=x, orientation="h", name=name, marker=marker, **extra)

    cumulated = bars(
        "cumulated_kt",
        texts[1],
        {"color": SCENARIO_COLORS[1]},
        text=spent,
        textposition="outside",
        cliponaxis=False,
    )
    outline = {"color": "rgba(0,0,0,0)", "line": {"color": SCENARIO_COLORS[0], "width": 3}}
    budget = bars("budget_kt", texts[0], outline)
    layout = base_layout(title, lang)
    highest = float(table[["budget_kt", "cumulated_kt"]].to_numpy().max())
    layout.update(
        barmode="overlay",
        yaxis={**layout["yaxis"], "autorange": "reversed", "automargin": True},
        xaxis={
            **layout["xaxis"],
            "title": {"text": texts[4]},
            "automargin": True,
            "tickformat": ",.0f",
            "range": [0, 1.3 * highest],
        },
        height=640,
    )
    return {"data": [cumulated, budget], "layout": layout}
