"""Demography figures: age pyramid, trajectories with a band, components of change."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ..i18n import format_number
from ..results.registry import label as variable_label
from .base import COLORS, TEXTS, base_layout, scenario_line, symmetric_ticks
from .uncertainty import add_fan


def pyramid_figure(
    population: np.ndarray,
    years: np.ndarray,
    base_year: int,
    year: int,
    title: str,
    lang: str = "fr",
    others: Sequence[tuple[str, np.ndarray]] = (),
) -> go.Figure:
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
    fig = go.Figure(layout=base_layout(title, lang))
    for s, (key, label, sign) in enumerate((("F", t["women"], 1), ("M", t["men"], -1))):
        fig.add_bar(
            y=ages,
            x=sign * now[s],
            orientation="h",
            name=f"{label} {year}",
            marker_color=COLORS[key],
            customdata=now[s],
            hovertemplate=f"{label}, %{{y}} ans : %{{customdata:,.0f}}<extra></extra>",
        )
        fig.add_scatter(
            y=ages,
            x=sign * then[s],
            mode="lines",
            name=f"{label} {base_year}",
            line={"color": COLORS["base"], "width": 2, "shape": "hvh"},
        )
        for index, (name, persons) in enumerate(others, start=1):
            fig.add_scatter(
                y=ages,
                x=sign * persons[s],
                mode="lines",
                name=f"{label} {year} – {name}",
                line={**scenario_line(index), "width": 2, "shape": "hvh"},
            )
    limit = float(np.abs(population).max()) * 1.05
    ticks = symmetric_ticks(limit)
    fig.update_layout(
        barmode="overlay",
        bargap=0.0,
        xaxis_title=t["persons"],
        yaxis_title=t["age"],
        xaxis_range=[-limit, limit],
    )
    fig.update_xaxes(tickvals=ticks, ticktext=[format_number(abs(v), 0, lang) for v in ticks])
    return fig


def trajectory_figure(
    tables: dict[str, pd.DataFrame],
    variable: str,
    unit_label: str,
    title: str,
    band: tuple[pd.Series, pd.Series] | None = None,
    lang: str = "fr",
    bands: pd.DataFrame | None = None,
) -> go.Figure:
    """Draw one line per scenario for ``variable`` (IAMC tables keyed by label).

    ``band`` is an optional (low, high) pair of series indexed by year, drawn as a shaded area;
    ``bands`` (a quantile table of the current setting) draws the fan of ``variable``.
    """
    fig = go.Figure(layout=base_layout(title, lang))
    if band is not None:
        low, high = band
        fig.add_scatter(
            x=list(high.index) + list(low.index[::-1]),
            y=list(high.values) + list(low.values[::-1]),
            fill="toself",
            fillcolor=COLORS["band"],
            line={"width": 0},
            name=TEXTS[lang]["band"],
            hoverinfo="skip",
        )
    if bands is not None:
        add_fan(fig, bands, variable, scenario_line(0)["color"], lang)
    for index, (label, table) in enumerate(tables.items()):
        rows = table[table["variable"] == variable]
        fig.add_scatter(
            x=rows["year"], y=rows["value"], mode="lines", name=label, line=scenario_line(index)
        )
    fig.update_layout(xaxis_title=TEXTS[lang]["year"], yaxis_title=unit_label)
    fig.update_yaxes(tickformat=",.0f")
    return fig


COMPONENT_COLORS = {"Births": "#009E73", "Deaths": "#D55E00", "Net Migration": "#0072B2"}


def components_figure(
    tables: dict[str, pd.DataFrame],
    title: str,
    lang: str = "fr",
    bands: pd.DataFrame | None = None,
) -> go.Figure:
    """Births, deaths and net migration each year; one line style per scenario; ``bands``
    (a quantile table of the current setting) draws their fans.
    """
    fig = go.Figure(layout=base_layout(title, lang))
    if bands is not None:
        for variable, color in COMPONENT_COLORS.items():
            add_fan(fig, bands, variable, color, lang)
    for index, (label, table) in enumerate(tables.items()):
        for variable, color in COMPONENT_COLORS.items():
            name = variable_label(variable, lang)
            rows = table[table["variable"] == variable]
            fig.add_scatter(
                x=rows["year"],
                y=rows["value"],
                mode="lines",
                name=name if index == 0 else f"{name} – {label}",
                line={**scenario_line(index), "color": color},
            )
    fig.update_layout(xaxis_title=TEXTS[lang]["year"], yaxis_title=TEXTS[lang]["persons_per_year"])
    fig.update_yaxes(tickformat=",.0f")
    return fig
