"""Trajectories of result variables: the current setting's parts stacked, every scenario's
total as a line, and an optional reference (today's level, a target).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from .base import TEXTS, base_layout, scenario_line

PART_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#999999",
)
"""Okabe–Ito colours for the stacked parts of the current setting."""


@dataclass(frozen=True)
class Line:
    """A result variable and its label in the figure."""

    variable: str
    label: str


def values_of(table: pd.DataFrame, variable: str) -> pd.Series:
    """Values of ``variable`` by year (empty when the table does not have it)."""
    rows = table[table["variable"] == variable]
    return pd.Series(rows["value"].to_numpy(), index=rows["year"].to_numpy())


def trajectories_figure(
    tables: dict[str, pd.DataFrame],
    total: Line,
    title: str,
    unit_label: str,
    lang: str = "fr",
    parts: tuple[Line, ...] = (),
    reference: Line | None = None,
    percent: bool = False,
) -> go.Figure:
    """The current setting's ``parts`` stacked (first table), each scenario's ``total`` as a
    line, and ``reference`` dotted (from the first table).

    ``tables`` are IAMC results tables keyed by scenario label, the current setting first.
    With one table the total line is named ``total.label``; when scenarios are compared each
    line is named by its scenario (« Réglage en cours », then the variants' names), after
    ``total.label`` when parts are stacked under it (« Total — Réglage en cours »), so the
    legend tells the lines from the parts.
    """
    fig = go.Figure(layout=base_layout(title, lang))
    first = next(iter(tables.values()))
    for index, part in enumerate(parts):
        series = values_of(first, part.variable)
        fig.add_scatter(
            x=series.index,
            y=series.to_numpy(),
            name=part.label,
            mode="lines",
            stackgroup="parts",
            line={"width": 0.5, "color": PART_COLORS[index % len(PART_COLORS)]},
        )
    for index, (label, table) in enumerate(tables.items()):
        series = values_of(table, total.variable)
        name = total.label if len(tables) == 1 else f"{total.label} — {label}" if parts else label
        fig.add_scatter(
            x=series.index, y=series.to_numpy(), name=name, mode="lines", line=scenario_line(index)
        )
    if reference is not None:
        series = values_of(first, reference.variable)
        fig.add_scatter(
            x=series.index,
            y=series.to_numpy(),
            name=reference.label,
            mode="lines",
            line={"color": "#222", "dash": "dot", "width": 3},
        )
    fig.update_layout(xaxis_title=TEXTS[lang]["year"], yaxis_title=unit_label)
    fig.update_yaxes(tickformat=",.1f" if percent else ",.0f", rangemode="tozero")
    return fig
