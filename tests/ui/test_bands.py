"""The uncertainty bands toggle: fans drawn only while it is on, said to be an estimate."""

import pytest

from prospectif.i18n import format_number
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.state import ViewState


def names(app, key):
    return [t.name for t in app.grid.figures[key].data]


@pytest.mark.parametrize(
    ("dashboard", "figure"), [("demographie", "population"), ("vieillissement", "beneficiaires")]
)
def test_the_toggle_draws_fans_only_when_on(dashboard, figure):
    app = DashboardApp(DASHBOARDS[dashboard], ViewState("DEP-71", "insee-central", 2035))
    assert app.uncertainty.layout.display is None  # offered on this dashboard
    assert not any("Intervalle" in n for n in names(app, figure))
    app.uncertainty.value = True
    assert {"Intervalle à 95 % (estimation)", "Intervalle à 80 % (estimation)"} <= set(
        names(app, figure)
    )
    assert "estimation" in app.notes.value
    assert f"{format_number(1000, 0, 'fr')} tirages" in app.notes.value
    if dashboard == "demographie":
        assert "ages-incertitude" in app.grid.shown
    app.uncertainty.value = False
    assert not any("Intervalle" in n for n in names(app, figure))
    assert "ages-incertitude" not in app.grid.shown


def test_a_territory_without_draws_says_so_and_keeps_its_figures():
    app = DashboardApp(
        DASHBOARDS["demographie"], ViewState("EPCI-200070464", "insee-central", 2035)
    )
    app.uncertainty.value = True
    assert "faits de départements" in app.messages.value
    assert not any("Intervalle" in n for n in names(app, "population"))


def test_pages_without_bands_do_not_offer_the_toggle():
    app = DashboardApp(DASHBOARDS["services"], ViewState("DEP-71", "insee-central", 2035))
    assert app.uncertainty.layout.display == "none"
