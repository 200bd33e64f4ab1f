"""Plotly figure builders, one module per model.

Large and readable on a projector, French number formatting, colour-blind-safe palettes.
Builders are pure: data in, figure out.
"""

from .base import COLORS, FONT_SIZE, base_layout, symmetric_ticks
from .demography import components_figure, pyramid_figure, trajectory_figure

__all__ = [
    "COLORS",
    "FONT_SIZE",
    "base_layout",
    "components_figure",
    "pyramid_figure",
    "symmetric_ticks",
    "trajectory_figure",
]
