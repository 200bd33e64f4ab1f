"""Validation of each model against published figures, rendered into ``docs/validation.md``.

One module per model; each exposes ``markdown()``, its section of the page with the figures
computed now (``make validation`` regenerates the page, a test checks it is current).
"""

from __future__ import annotations

import importlib

from .demography import backtest, insee_2021_reproduction

SECTIONS = (
    "demography",
    "uncertainty",
    "local",
    "ageing",
    "mobility",
    "energy",
    "emissions",
    "services",
    "adaptation",
)
"""Modules of :mod:`prospectif.validation`, in page order."""


def validation_markdown() -> str:
    """Every model's validation section, in page order."""
    parts = [importlib.import_module(f"{__name__}.{name}").markdown() for name in SECTIONS]
    return "\n".join(parts)


__all__ = ["backtest", "insee_2021_reproduction", "validation_markdown"]
