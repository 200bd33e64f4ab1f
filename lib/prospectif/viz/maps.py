"""Choropleth maps of an indicator by territory, drawn from the embedded geometry (no tiles)."""

from __future__ import annotations

import functools

import pandas as pd
import plotly.graph_objects as go
import shapely

from ..i18n import format_number
from ..territory import geometries
from .base import base_layout

SIMPLIFY_DEGREES = 0.01
"""Tolerance of the map outlines (degrees, about 1 km): light enough to send on every update."""


@functools.lru_cache(maxsize=4)
def map_geojson(level: str) -> dict:
    """Simplified outlines of every territory of ``level`` as GeoJSON, ids in ``code``."""
    frame = geometries(level)
    simplified = shapely.set_precision(
        shapely.simplify(frame.geometry.to_numpy(), SIMPLIFY_DEGREES), 0.001
    )
    return frame.set_geometry(list(simplified)).__geo_interface__


def choropleth_figure(
    values: pd.Series, level: str, title: str, unit: str, decimals: int, lang: str = "fr"
) -> go.Figure:
    """Map of ``values`` (indexed by territory code) over the outlines of ``level``."""
    fig = go.Figure(layout=base_layout(title, lang))
    text = [format_number(v, decimals, lang) for v in values.to_numpy()]
    shown = set(values.index)
    outlines = map_geojson(level)
    geojson = {
        "type": "FeatureCollection",
        "features": [f for f in outlines["features"] if f["properties"]["code"] in shown],
    }
    fig.add_choropleth(
        geojson=geojson,
        featureidkey="properties.code",
        locations=list(values.index),
        z=values.to_numpy(),
        text=text,
        hovertemplate=f"%{{location}} : %{{text}} {unit}<extra></extra>",
        colorscale="Viridis",
        marker_line_width=0.5,
        marker_line_color="white",
        colorbar={"title": {"text": unit}},
    )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    fig.update_layout(height=680, margin={"l": 10, "r": 10, "t": 80, "b": 10})
    return fig
