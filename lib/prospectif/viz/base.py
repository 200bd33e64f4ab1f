"""Shared look of the figures: layout, fonts, French separators, palettes."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

FONT_SIZE = 18
COLORS = {"F": "#c0392b", "M": "#2471a3", "base": "#7f8c8d", "band": "rgba(36,113,163,0.18)"}
"""Colour-blind-safe pair (red/blue) and a neutral grey."""

SCENARIO_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
"""Okabe–Ito colour-blind-safe palette: the current setting, then up to four variants."""

GRID = "#e3e7ee"

DASHES = ("solid", "dash", "dot", "dashdot", "longdash")
"""Line styles that tell scenarios apart without colour."""

TEXTS = {
    "fr": {
        "age": "Âge",
        "persons": "personnes",
        "women": "Femmes",
        "men": "Hommes",
        "year": "Année",
        "population": "Population (personnes)",
        "band": "Variantes INSEE",
        "persons_per_year": "personnes par an",
    },
    "en": {
        "age": "Age",
        "persons": "persons",
        "women": "Women",
        "men": "Men",
        "year": "Year",
        "population": "Population (persons)",
        "band": "INSEE variants",
        "persons_per_year": "persons per year",
    },
}


def base_layout(title: str, lang: str = "fr") -> go.Layout:
    """Common layout: large fonts, French separators (decimal comma, thin-space thousands).

    The white look is spelled out rather than taken from a plotly template: templates are
    costly to validate, and figures are rebuilt on every slider move.
    """
    axis = {"gridcolor": GRID, "zerolinecolor": GRID, "linecolor": GRID, "automargin": True}
    return go.Layout(
        title={"text": title, "font": {"size": FONT_SIZE + 6}},
        font={"size": FONT_SIZE, "color": "#222"},
        separators=", " if lang == "fr" else ".,",
        template="none",
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=SCENARIO_COLORS,
        xaxis=axis,
        yaxis=axis,
        height=560,
        margin={"l": 90, "r": 30, "t": 80, "b": 40},
        legend={"orientation": "h", "y": -0.22, "yanchor": "top"},
    )


def symmetric_ticks(limit: float, count: int = 3) -> list[float]:
    """Round tick values from −limit to limit, labelled without sign on the pyramid."""
    raw = limit / count
    magnitude = 10 ** np.floor(np.log10(raw))
    step = min(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    half = np.arange(step, limit, step)
    return [*(-half[::-1]), 0.0, *half]


SHOWN_COLORS = ("#111", "#555")
"""The setting on screen (black) and the compared variants (dark grey), over figures whose
palette already tells other lines apart (full presets, climate pathways)."""


def shown_line(index: int) -> dict:
    """Line style of the ``index``-th scenario on screen (0 = the current setting) drawn over
    lines in the palette colours.
    """
    return {
        "color": SHOWN_COLORS[min(index, 1)],
        "dash": DASHES[index % len(DASHES)],
        "width": 5 if index == 0 else 4,
    }


def scenario_line(index: int) -> dict:
    """Line style of the ``index``-th scenario shown (0 = the current setting)."""
    return {
        "color": SCENARIO_COLORS[index % len(SCENARIO_COLORS)],
        "dash": DASHES[index % len(DASHES)],
        "width": 4 if index == 0 else 3,
    }
