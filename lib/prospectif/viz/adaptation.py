"""Figures of the adaptation dashboard: heat days by pathway, and the source and caveat every
climate figure carries (DRIAS-2020, one model pair, not an ensemble).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .base import base_layout, scenario_line, shown_line

SOURCE = (
    "Source : Météo-France, DRIAS-2020 (moyennes sur 30 ans par département) — une seule "
    "simulation, ALADIN63 / CNRM-CM5, pas un ensemble de modèles ; TRACC : décret n° 2026-23 ; "
    "population : projection Prospectif.",
    "Source: Météo-France, DRIAS-2020 (30-year means by département) — one simulation only, "
    "ALADIN63 / CNRM-CM5, not a model ensemble; TRACC: decree no. 2026-23; population: "
    "Prospectif projection.",
)
"""The source and the one-model caveat, (French, English)."""
CAVEAT = (
    "Une seule simulation climatique (ALADIN63 / CNRM-CM5), pas un ensemble de modèles.",
    "One climate simulation only (ALADIN63 / CNRM-CM5), not a model ensemble.",
)
"""The one-model caveat written under every climate figure, (French, English)."""

PATHWAY_LABELS = {
    "tracc": ("TRACC (trajectoire de référence)", "TRACC (reference trajectory)"),
    "rcp26": ("RCP 2.6", "RCP 2.6"),
    "rcp45": ("RCP 4.5", "RCP 4.5"),
    "rcp85": ("RCP 8.5", "RCP 8.5"),
}


def pathways_spec(
    years,
    values: dict[str, np.ndarray],
    title: str,
    unit: str,
    current: str,
    lang: str = "fr",
    compared: Sequence[tuple[str, str, np.ndarray, np.ndarray]] = (),
) -> dict:
    """One line per pathway (``values[pathway]`` over ``years``), the chosen one thicker, then
    each compared variant's own pathway as lived by its population: ``compared`` holds
    (variant name, its pathway, years, values); a plain plotly figure dict.

    Missing years (NaN) are gaps in the line, not zeros.
    """
    data = []
    for index, (pathway, series) in enumerate(values.items()):
        line = {**scenario_line(index), "width": 5 if pathway == current else 2}
        data.append(_gapped(years, series, PATHWAY_LABELS[pathway][lang == "en"], line))
    for index, (name, pathway, shown_years, series) in enumerate(compared, start=1):
        label = f"{name} — {PATHWAY_LABELS[pathway][lang == 'en']}"
        data.append(_gapped(shown_years, series, label, shown_line(index)))
    layout = base_layout(title, lang)
    layout["yaxis"] = {**layout["yaxis"], "title": {"text": unit}, "rangemode": "tozero"}
    return {"data": data, "layout": layout}


def _gapped(years, values: np.ndarray, name: str, line: dict) -> dict:
    """A line of ``values`` over ``years`` with a gap at each missing (NaN) year."""
    return {
        "type": "scatter",
        "x": np.asarray(years),
        "y": np.asarray(values),
        "name": name,
        "mode": "lines",
        "line": line,
        "connectgaps": False,
    }
