"""Fan charts: the 95, 80 and 50 % bands of a probabilistic run's quantiles drawn under a line.

The bands come from a quantile table (:func:`prospectif.results.quantile_table`, column
``quantile``); they are drawn first so the scenarios' lines stay on top.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .base import TEXTS as BASE_TEXTS
from .base import base_layout, scenario_line
from .series import VariableIndex, indexed, line_trace

BANDS = ((0.95, 0.025, 0.975, 0.14), (0.8, 0.1, 0.9, 0.22), (0.5, 0.25, 0.75, 0.32))
"""(coverage, low quantile, high quantile, opacity), widest first."""

TEXTS = {
    "fr": {"band": "Intervalle à {p} % (estimation)", "median": "Médiane des tirages"},
    "en": {"band": "{p} % interval (estimate)", "median": "Median of the draws"},
}


def band_values(bands: pd.DataFrame, variable: str, level: float) -> pd.Series:
    """The quantile ``level`` of ``variable`` by year (empty when the table lacks it)."""
    rows = bands[(bands["variable"] == variable) & (bands["quantile"] == level)]
    return pd.Series(rows["value"].to_numpy(), index=rows["year"].to_numpy())


def fan_traces(bands: pd.DataFrame, variable: str, colour: str, lang: str = "fr") -> list[dict]:
    """The traces (plain dicts) of the fan of ``variable`` in ``colour`` (hex): the bands,
    widest first, and the median; none if ``bands`` lacks the variable.
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    texts = TEXTS[lang]
    traces = []
    for coverage, low_level, high_level, opacity in BANDS:
        low, high = (
            band_values(bands, variable, low_level),
            band_values(bands, variable, high_level),
        )
        if low.empty:
            return []
        traces.append(
            {
                "type": "scatter",
                "x": np.concatenate([high.index, low.index[::-1]]),
                "y": np.concatenate([high.to_numpy(), low.to_numpy()[::-1]]),
                "fill": "toself",
                "fillcolor": f"rgba({red},{green},{blue},{opacity})",
                "line": {"width": 0},
                "name": texts["band"].format(p=round(coverage * 100)),
                "hoverinfo": "skip",
            }
        )
    median = band_values(bands, variable, 0.5)
    traces.append(
        {
            "type": "scatter",
            "x": median.index.to_numpy(),
            "y": median.to_numpy(),
            "mode": "lines",
            "name": texts["median"],
            "line": {"color": colour, "dash": "dot", "width": 2},
        }
    )
    return traces


def fan_spec(
    table: pd.DataFrame | VariableIndex,
    bands: pd.DataFrame,
    lines: tuple[tuple[str, str], ...],
    title: str,
    unit_label: str,
    lang: str = "fr",
) -> dict:
    """The fans of several variables (``(variable, label)``), each with its scenario line
    from ``table`` (the current setting's results), as a plain plotly figure dict.
    """
    series = indexed(table)
    data: list[dict] = []
    for index, (variable, label) in enumerate(lines):
        style = scenario_line(index)
        data += fan_traces(bands, variable, style["color"], lang)
        data.append(line_trace(series.series(variable), label, style))
    layout = base_layout(title, lang)
    layout["xaxis"] = {**layout["xaxis"], "title": {"text": BASE_TEXTS[lang]["year"]}}
    layout["yaxis"] = {
        **layout["yaxis"],
        "title": {"text": unit_label},
        "tickformat": ",.0f",
        "rangemode": "tozero",
    }
    return {"data": data, "layout": layout}
