"""What a preheated kernel does before the viewer's request: the default view, built whole;
the request only moves it. Hidden parts of the page are built when first opened."""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w
import numpy as np
import plotly.graph_objects as go
import pytest
from ipywidgets.widgets.widget import _instances as live_widgets  # Widget.widgets, deprecated

from prospectif import ui
from prospectif.scenario import MODEL_SECTIONS, Scenario
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.panel import AssumptionPanel, panel_groups
from prospectif.ui.state import ViewState

MIGRATION = "demography.migration.france_net_total"


def _new_widgets(before: set[str]) -> list[w.Widget]:
    return [widget for key, widget in live_widgets.items() if key not in before]


@pytest.mark.parametrize("query", ["", "territory=DEP-58&scenario=tendanciel"])
def test_the_default_view_is_built_before_the_request(presets, monkeypatch, query):
    before = set(live_widgets)
    at_request: dict[str, int] = {}
    shown: list = []

    def request() -> str:  # a preheated kernel waits here for the viewer's address
        widgets = _new_widgets(before)
        at_request["widgets"] = len(widgets)
        at_request["figures"] = sum(isinstance(x, go.FigureWidget) for x in widgets)
        return query

    monkeypatch.setattr(ui, "query_string", request)
    monkeypatch.setattr("IPython.display.display", shown.append)
    ui.show("demographie", "DEP-71", "insee-central", 2070, "interactive")

    assert at_request["figures"] == len(DASHBOARDS["demographie"].on_page())  # its first tab
    (widget,) = shown
    assert "dashboard-demographie" in widget._dom_classes
    created_after = len(_new_widgets(before)) - at_request["widgets"]
    assert created_after < 0.1 * at_request["widgets"], (created_after, at_request)
    title = next(c for c in widget.children if isinstance(c, w.HTML) and "<h1>" in c.value)
    assert ("Nièvre" if query else "Saône-et-Loire") in title.value
    for child in widget.children:
        child.close()


def test_opening_another_view_moves_the_app_or_replaces_it_in_another_language(presets):
    app = DashboardApp(DASHBOARDS["demographie"], ViewState("DEP-71", "insee-central", 2050))
    same = app.open_view(app.state)
    assert same is app
    moved = app.open_view(ViewState("DEP-58", "tendanciel", 2070, changes=((MIGRATION, 5000.0),)))
    assert moved is app and app.state.territory == "DEP-58"
    assert len(app.history) == 0 and app.undo_button.disabled  # the address is not a move
    for figure in app.grid.figures.values():  # what a page connecting now draws: the moved view
        read = [np.asarray(trace.get("y")) for trace in figure._widget_data]  # synced state
        assert all(np.array_equal(r, t.y) for r, t in zip(read, figure.data, strict=True))
    assert app.scenario_picker.value == "tendanciel" and app.year.max == 2070
    assert app.exported_scenario().assumptions()[MIGRATION] == 5000.0
    assert "Nièvre" in app.title.value
    english = app.open_view(replace(app.state, lang="en"))
    assert english is not app and english.lang == "en"
    assert app.widget.comm is None and all(f.comm is None for f in app.grid.figures.values())


def test_only_the_open_section_of_the_panel_is_built():
    calls: list[tuple[str, bool]] = []
    panel = AssumptionPanel(MODEL_SECTIONS, "fr", lambda key, typed: calls.append((key, typed)))
    groups = panel_groups(MODEL_SECTIONS)
    scenario = Scenario(id="x", label={"fr": "x"}).with_values({MIGRATION: 1234.0})
    panel.show(scenario)
    assert sum(bool(s.children) for s in panel._sections) == 1
    assert len(panel._built) == len(groups[0].controls)
    assert panel.values() == {
        key: panel.controls[key].rounded(value) for key, value in scenario.assumptions().items()
    }
    assert panel.values()[MIGRATION] == 1234.0

    accordion = panel.children[1]
    number = next(i for i, g in enumerate(groups) if any(c.key == MIGRATION for c in g.controls))
    accordion.selected_index = number
    assert panel._sections[number].children
    assert panel._built[MIGRATION].value == 1234.0 and calls == []
    panel.sliders[MIGRATION].value = 2000.0
    assert calls == [(MIGRATION, False)] and panel.values()[MIGRATION] == 2000.0


def test_a_page_in_presentation_mode_gets_no_slider_until_the_panel_is_shown(presets):
    synthese = DASHBOARDS["synthese"]
    assert synthese.presentation
    before = set(live_widgets)
    app = DashboardApp(synthese, ui.default_state(synthese, "DEP-71", "tendanciel", 2070))
    sent = _new_widgets(before)
    assert not any("prospectif-slider" in getattr(x, "_dom_classes", ()) for x in sent)
    assert len(sent) < 300  # 419 with the first section's sliders
    assert app.panel._built == {} and app.side.layout.display == "none"
    shown = app.exported_scenario().assumptions()
    assert app.panel.values() == {
        key: control.rounded(shown[key]) for key, control in app.panel.controls.items()
    }
    app.panel.sliders[MIGRATION].value = 5000.0  # a lever's change while presenting
    app.presentation.value = False
    assert app.side.layout.display is None
    assert app.panel._built and app.panel.values()[MIGRATION] == 5000.0
    assert app.exported_scenario().assumptions()[MIGRATION] == 5000.0
    assert app.panel._accordion.selected_index == 0  # a section is open, not all closed
