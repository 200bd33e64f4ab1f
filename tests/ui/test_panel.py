from prospectif.scenario import MODEL_SECTIONS, Scenario, section_models
from prospectif.ui.panel import (
    SECTION_TITLES,
    AssumptionPanel,
    Control,
    decimals_of,
    panel_groups,
    step_decimals,
)


def test_every_numeric_or_choice_assumption_gets_a_control():
    controls = {c.key: c for g in panel_groups(MODEL_SECTIONS) for c in g.controls}
    assert set(controls) == set(Scenario(id="x", label={"fr": "x"}).assumptions())
    for control in controls.values():
        assert control.label and control.source, control.key
        if control.kind != "choice":
            assert control.unit, control.key
            assert control.low < control.high and 0 < control.step <= control.high - control.low


def test_every_section_has_a_french_and_english_title():
    paths = {p for p in section_models() if "." in p}
    assert paths <= set(SECTION_TITLES), sorted(paths - set(SECTION_TITLES))


def test_english_labels_differ_from_french():
    fr = [c.label for g in panel_groups(("demography",), "fr") for c in g.controls]
    en = [c.label for g in panel_groups(("demography",), "en") for c in g.controls]
    assert fr != en and len(fr) == len(en)


def test_decimals_follow_the_step():
    assert [decimals_of(s) for s in (1, 0.5, 0.1, 0.01, 0.005, None)] == [0, 1, 1, 2, 3, 0]


def test_panel_shows_a_scenario_without_calling_back_and_reports_moves():
    calls = []
    panel = AssumptionPanel(("demography",), "fr", lambda *_: calls.append(1))
    scenario = Scenario(id="x", label={"fr": "x"})
    panel.show(scenario)
    demography = {k: v for k, v in scenario.assumptions().items() if k.startswith("demography.")}
    assert calls == [] and panel.values() == demography
    panel.sliders["demography.fertility.tfr_target"].value = 1.7
    assert calls == [1]
    assert panel._readouts["demography.fertility.tfr_target"].value == "1,70"


def test_values_are_rounded_to_the_step_written():
    assert [step_decimals(s) for s in (0.25, 0.01, 5000.0, 1, 0.005, None)] == [2, 2, 0, 0, 3, 6]
    control = Control("k", "float", "l", "u", "s", 0.0, 5.0, 0.01)
    assert control.rounded(2.0300000000000002) == 2.03 and control.rounded("x") == "x"
