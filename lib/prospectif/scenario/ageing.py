"""Ageing and autonomy assumptions: prevalence paths and care policy levers."""

from __future__ import annotations

from .fields import Section


class Ageing(Section):
    """Ageing and autonomy assumptions: prevalence paths and care policy levers."""
