"""Plotly figure builders, one module per model.

Large and readable on a projector, French number formatting, colour-blind-safe palettes.
Builders are pure: data in, figure out.
"""

from .base import COLORS, FONT_SIZE, base_layout, symmetric_ticks
from .demography import components_spec, pyramid_spec, trajectory_spec

__all__ = [
    "COLORS",
    "FONT_SIZE",
    "base_layout",
    "components_spec",
    "pyramid_spec",
    "symmetric_ticks",
    "trajectory_spec",
]
