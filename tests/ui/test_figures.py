"""Served figures carry a loader of plotly's widget code, not the code itself; the plain
figure dicts the live app sends are the static figures."""

from __future__ import annotations

import json
from dataclasses import replace

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from prospectif import ui
from prospectif.resources import FIGURE_SCRIPT_VARIABLE
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
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


@pytest.mark.parametrize("name", sorted(DASHBOARDS))
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_figure_drawn_from_its_plain_dict_is_the_static_figure(name, lang):
    """The live app sends a plain dict (checked by plotly only on screen): it must be a valid
    figure and the very one the report and the exports draw.
    """
    dashboard = DASHBOARDS[name]
    state = replace(ui.default_state(dashboard, "DEP-71", "tendanciel", 2050), lang=lang)
    context = DashboardApp(dashboard, state).context()
    drafted = [spec for spec in dashboard.shown(context) if spec.draft is not None]
    assert drafted or name == "demographie"
    for spec in drafted:
        live = go.Figure(spec.live(context))  # raises on a property plotly does not know
        assert _plain(live) == _plain(spec.figure(context)), spec.key


def _plain(figure: go.Figure) -> dict:
    return json.loads(pio.to_json(figure))
