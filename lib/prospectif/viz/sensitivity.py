"""The tornado: each key assumption's effect on an output, largest first."""

from __future__ import annotations

import plotly.graph_objects as go

from ..analysis.sensitivity import Sensitivity
from ..i18n import format_number
from .base import GRID, SCENARIO_COLORS, base_layout

MAX_BARS = 8
"""Assumptions drawn at most (the table lists them all)."""

TEXTS = {
    "fr": ("au bas de sa plage plausible", "au haut de sa plage plausible", "scénario : {}"),
    "en": ("at the low end of its plausible range", "at the high end", "scenario: {}"),
}


def bar_label(key_label: str, low: float, high: float, lang: str) -> str:
    """An assumption's label with its plausible range, e.g. « Fécondité visée (1,5 → 2) »."""

    def shown(value: float) -> str:
        decimals = 0 if float(value).is_integer() else (1 if abs(value) >= 1 else 3)
        return format_number(value, decimals, lang)

    return f"{key_label} ({shown(low)} → {shown(high)})"


def tornado_figure(
    result: Sensitivity,
    variable: str,
    title: str,
    unit: str,
    lang: str = "fr",
    decimals: int = 0,
) -> go.Figure:
    """Horizontal bars from the scenario's value of ``variable`` to its value with each
    assumption at the low end (one colour) and at the high end (another) of its plausible
    range; the values are written at the bars' ends (no colour needed to read them).
    """
    texts = TEXTS["en" if lang == "en" else "fr"]
    bars = result.bars(variable)[:MAX_BARS]
    base = result.base_value(variable)
    labels = [bar_label(b.bounds.label_in(lang), *b.bounds.span, lang) for b in bars]
    layout = base_layout(title, lang)
    fig = go.Figure(layout=layout)
    for end, name in enumerate(texts[:2]):
        values = [b.high if end else b.low for b in bars]
        fig.add_bar(
            y=labels,
            x=[v - base for v in values],
            base=base,
            orientation="h",
            name=name,
            marker={"color": SCENARIO_COLORS[end]},
            text=[format_number(v, decimals, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
        )
    fig.add_vline(x=base, line={"color": "#222", "width": 2})
    fig.update_layout(
        barmode="overlay",
        yaxis={"autorange": "reversed", "automargin": True, "gridcolor": GRID},
        xaxis={
            "title": {"text": f"{unit} — {texts[2].format(format_number(base, decimals, lang))}"},
            "automargin": True,
            "tickformat": ",.0f" if decimals == 0 else f",.{decimals}f",
        },
        height=max(320, 110 + 62 * len(bars)),
    )
    return fig
