"""Trajectories of result variables: the current setting's parts stacked, every scenario's
total as a line, and an optional reference (today's level, a target).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .base import TEXTS, base_layout, scenario_line
from .series import VariableIndex, indexed, line_trace
from .uncertainty import fan_traces

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


def trajectories_spec(
    tables: Mapping[str, pd.DataFrame | VariableIndex],
    total: Line,
    title: str,
    unit_label: str,
    lang: str = "fr",
    parts: tuple[Line, ...] = (),
    reference: Line | None = None,
    percent: bool = False,
    bands: pd.DataFrame | None = None,
) -> dict:
    """The current setting's ``parts`` stacked (first table), each scenario's ``total`` as a
    line, and ``reference`` dotted (from the first table), as a plain plotly figure dict
    (``data``, ``layout``; ``go.Figure`` of it for a figure): the live app gives it straight
    to the figure on screen, which validates it once (building a ``go.Figure`` first
    validated every trace twice, most of a move's time).

    ``tables`` are IAMC results tables (or their :class:`VariableIndex`) keyed by scenario
    label, the current setting first.
    With one table the total line is named ``total.label``; when scenarios are compared each
    line is named by its scenario (« Réglage en cours », then the variants' names), after
    ``total.label`` when parts are stacked under it (« Total — Réglage en cours »), so the
    legend tells the lines from the parts. ``bands`` (a quantile table of the current setting)
    draws the fan of ``total``.
    """
    tables = {label: indexed(table) for label, table in tables.items()}
    first = next(iter(tables.values()))
    data = [
        line_trace(
            first.series(part.variable),
            part.label,
            {"width": 0.5, "color": PART_COLORS[index % len(PART_COLORS)]},
            stackgroup="parts",
        )
        for index, part in enumerate(parts)
    ]
    if bands is not None:
        data += fan_traces(bands, total.variable, scenario_line(0)["color"], lang)
    for index, (label, table) in enumerate(tables.items()):
        name = total.label if len(tables) == 1 else f"{total.label} — {label}" if parts else label
        data.append(line_trace(table.series(total.variable), name, scenario_line(index)))
    if reference is not None:
        line = {"color": "#222", "dash": "dot", "width": 3}
        data.append(line_trace(first.series(reference.variable), reference.label, line))
    layout = base_layout(title, lang)
    layout["xaxis"] = {**layout["xaxis"], "title": {"text": TEXTS[lang]["year"]}}
    layout["yaxis"] = {
        **layout["yaxis"],
        "title": {"text": unit_label},
        "tickformat": ",.1f" if percent else ",.0f",
        "rangemode": "tozero",
    }
    return {"data": data, "layout": layout}
