"""Maps of an indicator by territory, drawn as filled outlines from the embedded geometry.

Plain filled shapes on a cartesian plane need nothing from the network (plotly's geographic
maps fetch a base map from a CDN), so maps work offline and in static reports.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import shapely
from plotly.colors import sample_colorscale

from ..data import Dataset, open_data
from ..i18n import format_number
from ..territory import geometries, territory_names
from .base import base_layout

SIMPLIFY_DEGREES = 0.005
"""Tolerance of the map outlines (degrees, about 500 m)."""

COLORSCALE = "Viridis"
"""Perceptually uniform and colour-blind-safe."""

LONGITUDE_SCALE = math.cos(math.radians(46.5))
"""Longitude shrink that keeps metropolitan France's proportions (equirectangular at 46.5° N)."""

PREFIX = {"departements": "DEP-", "epci": "EPCI-", "regions": "REG-"}


def outlines(level: str, data: Dataset | None = None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Outer rings of every territory of ``level`` as plot coordinates, rings separated by
    NaN (a gap for plotly.js), keyed by code (INSEE code or SIREN); computed once per data set.

    Float arrays rather than lists: plotly checks an array at once (a list point by point,
    which made a map of the départements take most of a refresh) and sends it as binary.
    """
    data = data or open_data()
    return data.derived(f"viz.outlines.{level}", lambda: _rings(geometries(level, data)))


def _rings(frame: pd.DataFrame) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    simplified = shapely.simplify(frame.geometry.to_numpy(), SIMPLIFY_DEGREES)
    shapes = {}
    for code, geometry in zip(frame["code"], simplified, strict=True):
        rings = [
            np.vstack([np.asarray(polygon.exterior.coords), [np.nan, np.nan]])
            for polygon in getattr(geometry, "geoms", [geometry])
        ]
        lon, lat = np.round(np.concatenate(rings), 4).T
        shapes[code] = (lon * LONGITUDE_SCALE, lat)
    return shapes


MISSING_COLOR = "#c8c8c8"
MISSING = ("donnée manquante", "missing")
"""How a territory without a value is drawn: grey, "missing" on hover (never as a value)."""


def choropleth_spec(
    values: pd.Series,
    level: str,
    title: str,
    unit: str,
    decimals: int,
    lang: str = "fr",
    data: Dataset | None = None,
) -> dict:
    """Map of ``values`` (indexed by INSEE code or SIREN) over the outlines of ``level``, as a
    plain plotly figure dict (validated by the figure shown): one filled outline a territory,
    then an empty trace carrying the colour bar; NaN values are drawn grey and named missing.
    """
    shapes = outlines(level, data)
    known = territory_names(data)
    names = [known.get(PREFIX[level] + code, code) for code in values.index]
    finite = values.to_numpy(dtype=float)[np.isfinite(values.to_numpy(dtype=float))]
    low, high = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
    scaled = (values.to_numpy() - low) / (high - low) if high > low else np.zeros(len(values))
    colors = sample_colorscale(COLORSCALE, list(np.nan_to_num(scaled)))
    missing = MISSING[lang == "en"]
    traces = []
    for (code, value), name, color in zip(values.items(), names, colors, strict=True):
        xs, ys = shapes[code]
        label = f"{name} : {format_number(value, decimals, lang)} {unit}"
        if not np.isfinite(value):
            color, label = MISSING_COLOR, f"{name} : {missing}"
        traces.append(
            {
                "type": "scatter",
                "x": xs,
                "y": ys,
                "fill": "toself",
                "fillcolor": color,
                "mode": "lines",
                "line": {"color": "white", "width": 0.6},
                "hoveron": "fills",
                "hoverinfo": "text",
                "text": label,
                "name": code,
                "showlegend": False,
            }
        )
    colorbar = {
        "colorscale": COLORSCALE,
        "cmin": low,
        "cmax": high,
        "color": [low],
        "showscale": True,
        "colorbar": {"title": {"text": unit}},
    }
    traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "marker": colorbar,
            "hoverinfo": "skip",
            "showlegend": False,
        }
    )
    layout = base_layout(title, lang)
    layout.update(
        xaxis={**layout["xaxis"], "visible": False},
        yaxis={**layout["yaxis"], "visible": False, "scaleanchor": "x", "scaleratio": 1},
        height=700,
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
    )
    return {"data": traces, "layout": layout}
