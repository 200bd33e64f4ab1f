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
from prospectif.ui.figures import ServedFigureWidget, acknowledged, figure_widget

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


def test_the_browser_answer_to_an_edit_is_read_for_its_number_only(monkeypatch):
    """plotly's own handler would copy every default the browser computed into the traces and
    send the page a message back; the kernel only needs to know the edit was drawn."""
    answers = []
    widget = figure_widget(_figure(), "essai", on_acknowledged=lambda: answers.append(1))
    widget.data[0].y = [3.0, 4.0]
    assert not acknowledged(widget)
    sent = []
    monkeypatch.setattr(widget, "_send", lambda message, buffers=None: sent.append(message))
    deltas = [{"uid": widget.data[0].uid, "type": "scatter", "mode": "lines+markers"}]
    answer = {"trace_deltas": deltas, "trace_edit_id": widget._last_trace_edit_id}
    widget.set_state({"_js2py_traceDeltas": answer})  # as the page's message sets it
    assert acknowledged(widget) and answers == [1]
    assert [m for m in sent if m["method"] != "echo_update"] == []


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
