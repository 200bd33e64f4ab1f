"""Served figures carry a loader of plotly's widget code, not the code itself."""

from __future__ import annotations

import plotly.graph_objects as go

from prospectif.resources import FIGURE_SCRIPT_VARIABLE
from prospectif.ui.figures import ServedFigureWidget, figure_widget

ADDRESS = "voila/prospectif/plotly/widgetbundle.js?v=test"


def _figure() -> go.Figure:
    return go.Figure(go.Scatter(x=[2025, 2030], y=[1.0, 2.0]))


def test_under_the_server_a_figure_imports_plotly_from_it(monkeypatch):
    monkeypatch.setenv(FIGURE_SCRIPT_VARIABLE, ADDRESS)
    widget = figure_widget(_figure(), "essai", "svg")
    assert isinstance(widget, ServedFigureWidget)
    state = widget.get_state()
    assert f'"{ADDRESS}"' in state["_esm"] and len(state["_esm"]) < 1000
    assert state["_config"]["toImageButtonOptions"]["format"] == "svg"
    assert list(widget.data[0].y) == [1.0, 2.0]


def test_elsewhere_a_figure_carries_plotly_itself(monkeypatch):
    monkeypatch.delenv(FIGURE_SCRIPT_VARIABLE, raising=False)
    widget = figure_widget(_figure(), "essai")
    assert not isinstance(widget, ServedFigureWidget)
    assert len(widget.get_state()["_esm"]) > 1_000_000
