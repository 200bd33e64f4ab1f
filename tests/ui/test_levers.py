"""The tornado and « Que faudrait-il ? » in a dashboard: drawn, solved, applied, saved."""

from prospectif.analysis import TARGETS
from prospectif.analysis.outcomes import Outcomes
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.state import ViewState

RENOVATION = "energy.residential.renovation_rate"
HOME_SHIFT = "ageing.policy.home_shift"


def energy_app():
    view = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2050)
    return DashboardApp(DASHBOARDS["energie"], view)


def test_every_dashboard_asked_for_offers_the_tornado():
    for name in ("demographie", "vieillissement", "energie", "synthese"):
        assert DASHBOARDS[name].sensitivity, name
    assert set(DASHBOARDS["synthese"].goals) == set(TARGETS)


def test_the_tornado_is_drawn_on_demand_and_said_outdated_after_a_move(presets):
    app = energy_app()
    assert app.levers.figure is None  # nothing computed before it is asked for
    app.levers.tornado_button.click()
    bars = app.levers.figure.data
    assert len(bars) == 2 and len(bars[0].y) >= 3
    app.levers.output_picker.value = "Emissions|Inventory"
    assert "Émissions" in app.levers.figure.layout.title.text
    app.panel.sliders[RENOVATION].value = 1.0
    assert "réglage précédent" in app.levers.tornado_note.value


def test_a_goal_seek_is_applied_to_the_sliders_and_saved_as_a_variant(presets):
    view = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2050)
    app = DashboardApp(DASHBOARDS["vieillissement"], view)
    levers = app.levers
    assert levers.target_picker.value == "places-2050"
    offered = [key for _, key in levers.lever_picker.options]
    assert HOME_SHIFT in offered and not [k for k in offered if k.startswith("energy.")]
    levers.lever_picker.value = (HOME_SHIFT,)
    assert levers.apply_button.disabled
    levers.solve_button.click()
    solution = levers.solution
    assert solution.status == "solved" and "il faudrait" in levers.answer.value
    levers.apply_button.click()
    assert app.panel.sliders[HOME_SHIFT].value == solution.changes[HOME_SHIFT]
    assert dict(app.state.changes)[HOME_SHIFT] == solution.changes[HOME_SHIFT]
    target = TARGETS["places-2050"]
    assert target.indicator(Outcomes(app.current_run(), target.models)) <= solution.goal
    levers.save_button.click()
    assert "Objectif places-2050" in app.variants.compare.options
    assert list((presets / "ateliers").glob("*/objectif-places-2050.yaml"))


def test_an_unreachable_answer_cannot_be_applied(presets):
    app = energy_app()
    app.levers.target_picker.value = "emissions-2050"
    app.levers.lever_picker.value = ("mobility.shift.to_bike",)
    app.levers.solve_button.click()
    assert "hors d'atteinte" in app.levers.answer.value
    assert app.levers.apply_button.disabled and app.levers.save_button.disabled
