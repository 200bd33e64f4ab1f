"""Shared look of the figures: layout, fonts, French separators, palettes."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import plotly.graph_objects as go

FONT_SIZE = 18
COLORS = {"F": "#c0392b", "M": "#2471a3", "base": "#7f8c8d", "band": "rgba(36,113,163,0.18)"}
"""Colour-blind-safe pair (red/blue) and a neutral grey."""

SCENARIO_COLORS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
"""Okabe–Ito colour-blind-safe palette: the current setting, then up to four variants."""

GRID = "#e3e7ee"
AXIS = {"gridcolor": GRID, "zerolinecolor": GRID, "linecolor": GRID, "automargin": True}
"""Every axis: light grid and lines, room made for the tick labels and titles."""

TITLE_CHARS = 42
"""Longest title line (characters): a figure's title fits a projector's half-width cell
(about 600 px at 1280 px, in 24 px type)."""
AXIS_TITLE_CHARS = {"x": 50, "y": 30}
"""Longest axis title line: a vertical title fits the plot's height (about 330 px)."""
CHAR_PX, LEGEND_SYMBOL_PX, LEGEND_ROW_PX = 10, 50, 28
"""Width of a character, of a legend entry's symbol and height of a legend row (px, 18 px
type), to foresee how many rows a legend wraps to."""
LEGEND_WIDTH_PX = 560
"""Width a legend has in the narrowest cell (a projector's half-width cell)."""
PLOT_MIN_PX = 480
"""Height of a figure without its legend: title, plot area of about 300 px, axis titles."""

AXIS_KEY = re.compile(r"[xy]axis\d*$")
"""Layout keys of the axes in a plain figure dict."""

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


def base_layout(title: str, lang: str = "fr") -> dict:
    """Common layout: large fonts, French separators (decimal comma, thin-space thousands).

    The title is broken into lines of ``TITLE_CHARS`` and pushes the plot down
    (``automargin``); the legend sits at the figure's bottom edge (``yref: container``), so
    plotly reserves its height below the axis titles instead of drawing over them, however many
    rows it wraps to in a narrow cell. The white look is spelled out rather than taken from a
    plotly template: templates are costly to validate, and figures are rebuilt on every slider
    move. A plain dict, validated once by the figure it is given to (a ``go.Layout`` would be
    validated twice).
    """
    return dict(
        title={
            "text": wrapped(title, TITLE_CHARS),
            "font": {"size": FONT_SIZE + 6},
            "automargin": True,
            "yref": "paper",
            "y": 1,
            "yanchor": "bottom",
            "pad": {"b": 16},
        },
        font={"size": FONT_SIZE, "color": "#222"},
        separators=", " if lang == "fr" else ".,",
        template="none",
        paper_bgcolor="white",
        plot_bgcolor="white",
        colorway=SCENARIO_COLORS,
        xaxis=dict(AXIS),  # copies: a plain figure dict's axes may be edited in place
        yaxis=dict(AXIS),
        height=560,
        margin={"l": 90, "r": 30, "t": 30, "b": 10},
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
            "traceorder": "normal",  # stacked parts would make it one entry a row
        },
    )


def wrapped(text: str | None, width: int) -> str:
    """``text`` broken at spaces into lines of at most ``width`` characters (``<br>``), unless
    it already has its own line breaks.
    """
    if not text or "<br>" in text or len(text) <= width:
        return text or ""
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False))


def fitted(fig: go.Figure | dict) -> go.Figure | dict:
    """``fig`` (a figure, or a plain plotly figure dict) with its axis titles broken into
    lines that fit beside or under its plot (a vertical title longer than the plot's height
    is cut by the figure's edge) and tall enough for its legend (plotly gives a legend at
    most half the figure's height and cuts the rest).
    """
    if isinstance(fig, dict):
        layout = fig["layout"]
        for key, axis in layout.items():
            title = axis.get("title") if AXIS_KEY.match(key) else None
            if title and title.get("text"):
                axis["title"] = {**title, "text": wrapped(title["text"], AXIS_TITLE_CHARS[key[0]])}
        names = [t["name"] for t in fig["data"] if t.get("name") and t.get("showlegend", True)]
        if layout.get("showlegend", True) and layout.get("height"):
            layout["height"] = legend_height(names, layout["height"])
        return fig
    for letter, select in (("x", fig.select_xaxes), ("y", fig.select_yaxes)):
        for axis in select():
            if axis.title.text:
                axis.title.text = wrapped(axis.title.text, AXIS_TITLE_CHARS[letter])
    names = [t.name for t in fig.data if t.name and t.showlegend is not False]
    if fig.layout.showlegend is not False and fig.layout.height:
        fig.layout.height = legend_height(names, fig.layout.height)
    return fig


def legend_height(names: list[str], height: int) -> int:
    """``height`` (px), or more when the legend of ``names`` needs it."""
    if not names:
        return height
    item = LEGEND_SYMBOL_PX + CHAR_PX * max(len(n) for n in names)
    rows = -(-len(names) // max(1, LEGEND_WIDTH_PX // item))
    return max(height, PLOT_MIN_PX + LEGEND_ROW_PX * rows)


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
