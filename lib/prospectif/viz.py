"""Plotly figure builders (large, readable on a projector, French number formatting)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from .i18n import format_number

FONT_SIZE = 18
COLORS = {"F": "#c0392b", "M": "#2471a3", "base": "#7f8c8d", "band": "rgba(36,113,163,0.18)"}
"""Colour-blind-safe pair (red/blue) and a neutral grey."""

TEXTS = {
    "fr": {
        "age": "Âge",
        "persons": "personnes",
        "women": "Femmes",
        "men": "Hommes",
        "year": "Année",
        "population": "Population (personnes)",
        "band": "Variantes INSEE",
    },
    "en": {
        "age": "Age",
        "persons": "persons",
        "women": "Women",
        "men": "Men",
        "year": "Year",
        "population": "Population (persons)",
        "band": "INSEE variants",
    },
}


def base_layout(title: str, lang: str = "fr") -> go.Layout:
    """Common layout: large fonts, French separators (decimal comma, thin-space thousands)."""
    return go.Layout(
        title={"text": title, "font": {"size": FONT_SIZE + 6}},
        font={"size": FONT_SIZE},
        separators=", " if lang == "fr" else ".,",
        template="plotly_white",
        height=560,
        margin={"l": 80, "r": 30, "t": 80, "b": 60},
        legend={"orientation": "h", "y": -0.15},
    )


def pyramid_figure(
    population: np.ndarray,
    years: np.ndarray,
    base_year: int,
    year: int,
    title: str,
    lang: str = "fr",
) -> go.Figure:
    """Age pyramid of ``year`` (bars) over the base year (outline).

    Parameters
    ----------
    population
        Persons by (year, sex, age), sexes in the order F, M.
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


def symmetric_ticks(limit: float, count: int = 3) -> list[float]:
    """Round tick values from −limit to limit, labelled without sign on the pyramid."""
    raw = limit / count
    magnitude = 10 ** np.floor(np.log10(raw))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw))
    half = np.arange(step, limit, step)
    return [*(-half[::-1]), 0.0, *half]


def trajectory_figure(
    tables: dict[str, pd.DataFrame],
    variable: str,
    unit_label: str,
    title: str,
    band: tuple[pd.Series, pd.Series] | None = None,
    lang: str = "fr",
) -> go.Figure:
    """One line per scenario for ``variable`` (IAMC tables keyed by label); optional band
    (low, high series indexed by year)."""
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
    for label, table in tables.items():
        rows = table[table["variable"] == variable]
        fig.add_scatter(
            x=rows["year"], y=rows["value"], mode="lines", name=label, line={"width": 4}
        )
    fig.update_layout(xaxis_title=TEXTS[lang]["year"], yaxis_title=unit_label)
    fig.update_yaxes(tickformat=",.0f")
    return fig
