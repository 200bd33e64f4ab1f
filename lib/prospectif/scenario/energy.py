"""Energy and climate assumptions: buildings, renewables, emission factors and prices."""

from __future__ import annotations

from .fields import Section


class Energy(Section):
    """Energy and climate assumptions: buildings, renewables, emission factors and prices."""
