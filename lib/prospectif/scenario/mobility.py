"""Mobility assumptions: demand, modes, fleet and the avoid/shift/improve levers."""

from __future__ import annotations

from .fields import Section


class Mobility(Section):
    """Mobility assumptions: demand, modes, fleet and the avoid/shift/improve levers."""
