"""Issue 14, item 6: undo several moves, type exact values (French decimal comma), slider
steps that mean something."""

from __future__ import annotations

import pytest

from prospectif.errors import InputError
from prospectif.i18n import parse_number
from prospectif.scenario import MODEL_SECTIONS
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.history import History
from prospectif.ui.panel import AssumptionPanel, panel_groups
from prospectif.ui.state import ViewState

TFR = "demography.fertility.tfr_target"
MIGRATION = "demography.migration.france_net_total"
CONTROLS = {c.key: c for g in panel_groups(MODEL_SECTIONS) for c in g.controls}


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_undo_goes_back_one_step_at_a_time_and_merges_quick_moves_of_one_control():
    clock = Clock()
    history = History(levels=4, merge_s=2.0, clock=clock)
    history.record(("tendanciel", ()), TFR)
    clock.now = 1.0
    history.record(("tendanciel", ((TFR, 1.6),)), TFR)  # a second press: same step
    clock.now = 5.0
    history.record(("tendanciel", ((TFR, 1.65),)), TFR)  # later: a new step
    history.record(("tendanciel", ((TFR, 1.7),)), MIGRATION)
    assert len(history) == 3
    history.record(("tendanciel", ((TFR, 1.8),)), MIGRATION, merge=False)  # a typed value
    assert len(history) == 4 and history.undo() == ("tendanciel", ((TFR, 1.8),))
    assert history.undo() == ("tendanciel", ((TFR, 1.7),))
    assert history.undo() == ("tendanciel", ((TFR, 1.65),))
    assert history.undo() == ("tendanciel", ())
    assert history.undo() is None


def test_undo_keeps_the_last_levels_only():
    history = History(levels=2, clock=Clock())
    for n, cause in enumerate(("a", "b", "c")):
        history.record((f"s{n}", ()), cause)
    assert [history.undo(), history.undo(), history.undo()] == [("s2", ()), ("s1", ()), None]


@pytest.mark.parametrize(
    ("typed", "lang", "value"),
    [
        ("1,85", "fr", 1.85),
        ("1.85", "fr", 1.85),
        (" 5 000 ", "fr", 5000.0),
        ("5\u202f000", "fr", 5000.0),
        ("-300\u00a0000", "fr", -300000.0),
        ("\u2212 2,5", "fr", -2.5),
        ("1 234,5", "fr", 1234.5),
        ("1.234,5", "fr", 1234.5),
        ("5,000", "en", 5000.0),
        ("1,234.5", "en", 1234.5),
        ("1,85", "en", 1.85),
        (",5", "fr", 0.5),
        ("", "fr", None),
        ("deux", "fr", None),
        ("1,8,5", "fr", None),
        ("nan", "fr", None),
        ("1e5", "fr", None),
    ],
)
def test_typed_numbers_are_read_the_french_or_english_way(typed, lang, value):
    assert parse_number(typed, lang) == value


def test_an_exact_value_is_checked_against_the_allowed_range_in_both_languages():
    tfr = CONTROLS[TFR]
    assert tfr.exact("1,85", "fr") == 1.85 and tfr.exact("2,0333", "fr") == 2.03
    with pytest.raises(
        InputError, match="4,20 est hors de la plage admise pour « Fécondité visée »"
    ):
        tfr.exact("4,2", "fr")
    with pytest.raises(InputError, match="n'est pas un nombre") as caught:
        tfr.exact("beaucoup", "fr")
    assert "is not a number" in caught.value.render("en")
    year = CONTROLS["demography.fertility.tfr_target_year"]
    assert year.exact("2 040", "fr") == 2040
    with pytest.raises(InputError, match="prend un nombre entier"):
        year.exact("2040,5", "fr")
    with pytest.raises(InputError, match="de -300.000 à 600.000 personnes par an"):
        CONTROLS[MIGRATION].exact("700 000", "fr")


def test_typing_a_value_moves_the_slider_and_a_bad_one_says_why():
    moved, problems = [], []
    panel = AssumptionPanel(
        ("demography",), "fr", lambda *move: moved.append(move), problems.append
    )
    box = panel._readouts[TFR]
    box.value = "1,95"
    assert panel.sliders[TFR].value == 1.95 and moved == [(TFR, True)] and problems == [None]
    box.value = "9"
    assert panel.sliders[TFR].value == 1.95 and moved == [(TFR, True)]
    assert "hors de la plage admise" in problems[-1].render("fr")
    box.value = "2,05"
    assert problems[-1] is None and box.value == "2,05"
    panel.sliders[TFR].value = 1.6  # a slider move writes its value in the box
    assert box.value == "1,60" and moved[-1] == (TFR, False)


def test_one_arrow_press_moves_by_a_meaningful_amount():
    assert CONTROLS[TFR].step == 0.05  # children per woman
    assert CONTROLS[MIGRATION].step == 5000  # migrants a year
    assert CONTROLS["demography.mortality.e0_female_target"].step == 0.5  # years
    for control in CONTROLS.values():
        if control.kind != "choice":
            positions = (control.high - control.low) / control.step
            assert 6 <= positions <= 1000, control.key


def make_app() -> DashboardApp:
    state = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2050)
    return DashboardApp(DASHBOARDS["demographie"], state)


def test_the_dashboard_undoes_moves_resets_and_preset_changes(presets):
    app = make_app()
    assert app.undo_button.disabled
    start = app.link.value
    app.panel.sliders[TFR].value = 2.0
    app.panel.sliders[MIGRATION].value = 120000.0
    app._reset()
    app.scenario_picker.value = "insee-central"
    assert not app.undo_button.disabled
    app.undo()  # back to tendanciel
    assert app.state.scenario == "tendanciel" and app.scenario_picker.value == "tendanciel"
    assert app.state.changes == ()
    app.undo()  # before the reset
    assert dict(app.state.changes) == {TFR: 2.0, MIGRATION: 120000.0}
    assert app.panel.sliders[MIGRATION].value == 120000.0
    app.undo()  # before the migration move
    assert dict(app.state.changes) == {TFR: 2.0}
    assert app.panel._readouts[TFR].value == "2,00"
    app.undo()
    assert app.state.changes == () and app.undo_button.disabled
    assert app.link.value == start
    curve = next(t for t in app.grid.figures["population"].data if t.name == "Réglage en cours")
    fresh = make_app()
    again = next(t for t in fresh.grid.figures["population"].data if t.name == "Réglage en cours")
    assert list(curve.y) == list(again.y)


def test_a_value_typed_out_of_range_is_an_error_notice_cleared_when_fixed(presets):
    app = make_app()
    app.panel._readouts[TFR].value = "0,5"
    assert app.messages.kinds() == {"value": "error"}
    assert app.state.changes == ()
    app.panel._readouts[TFR].value = "1,9"
    assert app.messages.kinds() == {} and dict(app.state.changes) == {TFR: 1.9}
    app.panel._readouts[TFR].value = "1,95"  # typed at once: a step of its own
    app.undo()
    assert dict(app.state.changes) == {TFR: 1.9}
