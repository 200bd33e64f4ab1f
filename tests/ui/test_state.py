from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prospectif.scenario import Scenario, load_preset, save_scenario
from prospectif.scenario.fields import assumption_meta
from prospectif.ui.state import MAX_QUERY_LENGTH, ViewState, parse_query, resolve, to_query

DEFAULTS = ViewState(territory="DEP-71", scenario="insee-central", horizon=2070)


def test_a_view_round_trips_through_its_query_string():
    state = DEFAULTS.with_changes(
        {"demography.fertility.tfr_target": 1.65, "demography.migration.mode": "rates"}
    )
    state = ViewState(
        "EPCI-200070308", "tendanciel", 2050, state.changes, lang="en", presentation=True
    )
    parsed, problems = parse_query(to_query(state), DEFAULTS)
    assert problems == []
    assert parsed == state
    assert resolve(parsed).demography.fertility.tfr_target == 1.65


def test_values_equal_to_the_base_are_not_changes():
    parsed, problems = parse_query("demography.fertility.tfr_target=1.8", DEFAULTS)
    assert problems == [] and parsed.changes == ()


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("territory=DEP-999", "DEP-999"),
        ("scenario=../../etc/passwd", "scénario '../../etc/passwd' invalide"),
        ("horizon=3000", "horizon=« 3000 » : une année de 2026 à 2100 est attendue"),
        ("horizon=abc", "horizon"),
        ("lang=de", "lang=« de » : valeurs admises fr, en"),
        ("demography.fertility.tfr_target=9", "tfr_target"),
        ("demography.fertility.tfr_target=nan", "tfr_target"),
        ("demography.fertility.tfr_target=<script>", "tfr_target"),
        ("demography.migration.mode=everything", "mode"),
        ("__class__=1", "n'est pas une hypothèse de scénario"),
        ("a" * (MAX_QUERY_LENGTH + 1), f"adresse de plus de {MAX_QUERY_LENGTH} caractères"),
    ],
)
def test_each_bad_parameter_is_dropped_with_a_reason(query, fragment):
    parsed, problems = parse_query(query, DEFAULTS)
    assert len(problems) == 1 and fragment in problems[0].render()
    assert (parsed.territory, parsed.scenario, parsed.horizon) == (
        DEFAULTS.territory,
        DEFAULTS.scenario,
        DEFAULTS.horizon,
    )
    assert parsed.changes == ()


def test_a_dropped_parameter_is_explained_in_the_page_language():
    _, (problem,) = parse_query("horizon=2025", DEFAULTS)
    assert problem.render("fr") == "horizon=« 2025 » : une année de 2026 à 2100 est attendue"
    assert problem.render("en") == "horizon=“2025”: a year from 2026 to 2100 is expected"


def test_good_parameters_survive_a_bad_neighbour():
    parsed, problems = parse_query(
        "territory=DEP-2A&demography.fertility.tfr_target=99&horizon=2050", DEFAULTS
    )
    assert (parsed.territory, parsed.horizon, parsed.changes) == ("DEP-2A", 2050, ())
    assert len(problems) == 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_query_string_raises(query):
    state, problems = parse_query(query, DEFAULTS)
    resolve(state)
    assert all(p.render("fr") and p.render("en") for p in problems)


@pytest.mark.parametrize("value", ["/etc/passwd.yaml", "../scenarios/x.yaml", "a,../../b"])
def test_the_address_cannot_name_a_scenario_file(value):
    parsed, problems = parse_query(f"scenario={value}", DEFAULTS)
    assert parsed.scenario == DEFAULTS.scenario and len(problems) == 1


def test_a_variant_file_edited_on_disk_is_served_fresh(tmp_path):
    path = tmp_path / "atelier.yaml"
    variant = load_preset("tendanciel").model_copy(update={"id": "atelier"})
    save_scenario(variant.with_values({"demography.fertility.tfr_target": 1.5}), path)
    state = ViewState("DEP-71", path, 2050)
    assert resolve(state).demography.fertility.tfr_target == 1.5
    save_scenario(variant.with_values({"demography.fertility.tfr_target": 2.1}), path)
    assert resolve(state).demography.fertility.tfr_target == 2.1


def test_the_url_accepts_exactly_the_horizons_of_the_scenario_schema():
    bounds = assumption_meta(Scenario, "horizon")
    for year in (bounds["ge"], bounds["le"]):
        assert parse_query(f"horizon={year}", DEFAULTS) == (replace(DEFAULTS, horizon=year), [])
    for year in (bounds["ge"] - 1, bounds["le"] + 1):
        parsed, problems = parse_query(f"horizon={year}", DEFAULTS)
        assert parsed == DEFAULTS and len(problems) == 1 and f"« {year} »" in problems[0].render()
