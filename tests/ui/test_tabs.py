"""Tabs of figures: the live page shows one group of figures at a time, and a move redraws only
those on the page; a figure coming back shows the run on screen, not the one it last drew.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.figures import same
from prospectif.ui.state import ViewState

from .test_consistency import assert_same_traces, plotted

TABBED = [name for name, dashboard in DASHBOARDS.items() if dashboard.tabs]
MOVED = {
    "demographie": "demography.fertility.tfr_target",
    "vieillissement": "ageing.prevalence.annual_trend",
    "mobilite": "mobility.demand.local_trips_change",
    "energie": "energy.residential.renovation_rate",
    "services": "services.schools.schooled_at_2",
    "synthese": "demography.fertility.tfr_target",
}
"""An assumption each tabbed page's first tab shows the effect of."""


def test_the_pages_whose_moves_redraw_many_figures_have_tabs_of_three_figures_at_most():
    assert set(TABBED) == set(DASHBOARDS) - {"adaptation"}
    for name in TABBED:
        assert all(1 <= len(tab.keys) <= 3 for tab in DASHBOARDS[name].tabs), name


@pytest.mark.parametrize("name", TABBED)
def test_tabs_hold_every_figure_once(name):
    dashboard = DASHBOARDS[name]
    keys = [key for tab in dashboard.tabs for key in tab.keys]
    assert sorted(keys) == sorted(figure.key for figure in dashboard.figures)


def test_a_report_draws_every_figure_and_a_page_its_open_tab():
    services = DASHBOARDS["services"]
    assert services.on_page(None) == services.figures
    assert [f.key for f in services.on_page(0)] == ["eleves", "classes", "creches"]
    adaptation = DASHBOARDS["adaptation"]
    assert adaptation.on_page(0) == adaptation.on_page(None)


@pytest.mark.parametrize("name", TABBED)
def test_only_the_open_tab_is_drawn_and_a_tab_opened_shows_the_current_run(name):
    dashboard = DASHBOARDS[name]
    app = DashboardApp(dashboard, ViewState("DEP-71", "tendanciel", 2050))
    assert app.tabs.layout.display is None
    assert [label for label, _ in app.tabs.options][0] == dashboard.tabs[0].title[0]
    assert set(app.grid.figures) == {f.key for f in dashboard.on_page(0)}
    before = {k: plotted(f.data) for k, f in app.grid.figures.items()}
    app.tabs.value = 1
    assert set(app.grid.figures) == {f.key for f in dashboard.on_page(1)}  # the first's closed
    slider = app.panel.sliders[MOVED[name]]
    slider.value = slider.max if slider.value != slider.max else slider.min
    app.tabs.value = 0  # its figures last drew the setting before the move
    context = app.context()
    assert context.tab == 0
    moved = []
    for spec in dashboard.on_page(0):
        shown = plotted(app.grid.figures[spec.key].data)
        moved += [] if same(shown, before[spec.key]) else [spec.key]
        assert_same_traces(shown, plotted(spec.build(context).data), f"{name} {spec.key}")
    assert moved  # the move changed what the tab shows


def test_pages_without_tabs_hide_the_tab_bar():
    app = DashboardApp(DASHBOARDS["adaptation"], ViewState("DEP-71", "tendanciel", 2050))
    assert app.tabs.layout.display == "none" and app.context().tab is None
    assert app.grid.shown == tuple(f.key for f in DASHBOARDS["adaptation"].on_page(0))


def test_a_language_switch_closes_the_figures_of_every_tab():
    app = DashboardApp(DASHBOARDS["energie"], ViewState("DEP-71", "tendanciel", 2050))
    app.tabs.value = 1
    cells = list(app.grid.cells.values())
    english = app.open_view(replace(app.state, lang="en"))
    assert all(cell.comm is None for cell in cells)  # the first tab's cells too
    assert [label for label, _ in english.tabs.options][0] == "Consumption"


@pytest.mark.parametrize("name", ["services", "adaptation", "synthese"])
def test_the_map_indicator_is_chosen_on_the_page_beside_its_map(name):
    dashboard = DASHBOARDS[name]
    app = DashboardApp(dashboard, ViewState("DEP-71", "tendanciel", 2050))
    map_tab = next((n for n, t in enumerate(dashboard.tabs) if "carte" in t.keys), None)
    if map_tab is not None:
        assert app.choice.layout.display == "none"  # no map on the first tab
        app.tabs.value = map_tab
    assert app.choice in app._widget_tree() and app.choice.layout.display is None
    assert app.choice.description == "Indicateur de la carte"
    title = app.grid.figures["carte"].layout.title.text
    app.choice.value = app.choice.options[1][1]
    assert app.grid.figures["carte"].layout.title.text != title
