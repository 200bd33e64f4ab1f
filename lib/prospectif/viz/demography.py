"""Demography figures: age pyramid, trajectories with a band, components of change.

Each is a plain plotly figure dict (``go.Figure`` of it for a figure), validated once by the
figure on screen (see :func:`prospectif.viz.trajectories.trajectories_spec`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..i18n import format_number
from ..results.registry import label as variable_label
from .base import COLORS, TEXTS, base_layout, scenario_line, symmetric_ticks
from .series import VariableIndex, indexed, line_trace
from .uncertainty import fan_traces


def pyramid_spec(
    population: np.ndarray,
    years: np.ndarray,
    base_year: int,
    year: int,
    title: str,
    lang: str = "fr",
    others: Sequence[tuple[str, np.ndarray]] = (),
) -> dict:
    """Age pyramid of ``year`` (bars) over the base year (outline).

    Parameters
    ----------
    population
        Persons by (year, sex, age), sexes in the order F, M.
    others
        Other scenarios' labels and persons by (sex, age) in ``year``, each drawn as an
        outline in its own line style.
    """
    t = TEXTS[lang]
    ages = np.arange(population.shape[-1])
    now = population[list(years).index(year)]
    then = population[list(years).index(base_year)]
    data: list[dict] = []
    for s, (key, label, sign) in enumerate((("F", t["women"], 1), ("M", t["men"], -1))):
        data.append(
            {
                "type": "bar",
                "y": ages,
                "x": sign * now[s],
                "orientation": "h",
                "name": f"{label} {year}",
                "marker": {"color": COLORS[key]},
                "customdata": now[s],
                "hovertemplate": f"{label}, %{{y}} ans : %{{customdata:,.0f}}<extra></extra>",
            }
        )
        outline = {"color": COLORS["base"], "width": 2, "shape": "hvh"}
        data.append(_outline(ages, sign * then[s], f"{label} {base_year}", outline))
        for index, (name, persons) in enumerate(others, start=1):
            line = {**scenario_line(index), "width": 2, "shape": "hvh"}
            data.append(_outline(ages, sign * persons[s], f"{label} {year} – {name}", line))
    limit = float(np.abs(population).max()) * 1.05
    ticks = symmetric_ticks(limit)
    layout = base_layout(title, lang)
    layout.update(barmode="overlay", bargap=0.0)
    layout["xaxis"] = {
        **layout["xaxis"],
        "title": {"text": t["persons"]},
        "range": [-limit, limit],
        "tickvals": ticks,
        "ticktext": [format_number(abs(v), 0, lang) for v in ticks],
    }
    layout["yaxis"] = {**layout["yaxis"], "title": {"text": t["age"]}}
    return {"data": data, "layout": layout}


def _outline(ages: np.ndarray, persons: np.ndarray, name: str, line: dict) -> dict:
    """A pyramid's outline of ``persons`` by age."""
    return {"type": "scatter", "y": ages, "x": persons, "mode": "lines", "name": name, "line": line}


def trajectory_spec(
    tables: Mapping[str, pd.DataFrame | VariableIndex],
    variable: str,
    unit_label: str,
    title: str,
    band: tuple[pd.Series, pd.Series] | None = None,
    lang: str = "fr",
    bands: pd.DataFrame | None = None,
) -> dict:
    """One line per scenario for ``variable`` (IAMC tables, or their index, keyed by label).

    ``band`` is an optional (low, high) pair of series indexed by year, drawn as a shaded area;
    ``bands`` (a quantile table of the current setting) draws the fan of ``variable``.
    """
    data: list[dict] = []
    if band is not None:
        low, high = band
        data.append(
            {
                "type": "scatter",
                "x": np.concatenate([high.index, low.index[::-1]]),
                "y": np.concatenate([high.to_numpy(), low.to_numpy()[::-1]]),
                "fill": "toself",
                "fillcolor": COLORS["band"],
                "line": {"width": 0},
                "name": TEXTS[lang]["band"],
                "hoverinfo": "skip",
            }
        )
    if bands is not None:
        data += fan_traces(bands, variable, scenario_line(0)["color"], lang)
    for index, (label, table) in enumerate(tables.items()):
        data.append(line_trace(indexed(table).series(variable), label, scenario_line(index)))
    return {"data": data, "layout": _years_layout(title, unit_label, lang)}


COMPONENT_COLORS = {"Births": "#009E73", "Deaths": "#D55E00", "Net Migration": "#0072B2"}


def components_spec(
    tables: Mapping[str, pd.DataFrame | VariableIndex],
    title: str,
    lang: str = "fr",
    bands: pd.DataFrame | None = None,
) -> dict:
    """Births, deaths and net migration each year; one line style per scenario; ``bands``
    (a quantile table of the current setting) draws their fans.
    """
    data: list[dict] = []
    if bands is not None:
        for variable, color in COMPONENT_COLORS.items():
            data += fan_traces(bands, variable, color, lang)
    for index, (label, table) in enumerate(tables.items()):
        series = indexed(table)
        for variable, color in COMPONENT_COLORS.items():
            name = variable_label(variable, lang)
            name = name if index == 0 else f"{name} – {label}"
            line = {**scenario_line(index), "color": color}
            data.append(line_trace(series.series(variable), name, line))
    return {"data": data, "layout": _years_layout(title, TEXTS[lang]["persons_per_year"], lang)}


def _years_layout(title: str, unit_label: str, lang: str) -> dict:
    """The layout of a figure by year: years across, ``unit_label`` up, whole numbers."""
    layout = base_layout(title, lang)
    layout["xaxis"] = {**layout["xaxis"], "title": {"text": TEXTS[lang]["year"]}}
    layout["yaxis"] = {**layout["yaxis"], "title": {"text": unit_label}, "tickformat": ",.0f"}
    return layout
