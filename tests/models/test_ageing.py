"""Ageing and autonomy model: calibration, identities, levers and presets."""

import numpy as np
import pytest

from prospectif.calibration.ageing_calibration import (
    GROUP_STARTS,
    POPULATION_YEAR,
    STATUS_JOINT,
    STATUS_NATIONAL,
    ageing_inputs,
    calibration,
    fitted_counts,
    group_of_age,
    prevalence_levels,
    single_age_curves,
    solve_factors,
)
from prospectif.calibration.demographic import demographic_base
from prospectif.data import load_table
from prospectif.errors import ScenarioError
from prospectif.models.ageing import project_ageing
from prospectif.pipeline import run_demography
from prospectif.results.convert import ageing_series
from prospectif.scenario import Scenario, compose, load_preset
from prospectif.scenario.ageing import Ageing
from prospectif.territory import get_territory

from .conftest import whole_departements

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

PRESETS = (
    "autonomie-intermediaire",
    "autonomie-optimiste",
    "autonomie-pessimiste",
    "autonomie-domicile",
)


@pytest.fixture(scope="module")
def dep71():
    territory = get_territory("DEP-71")
    return territory, run_demography(territory, load_preset("insee-central"))


def project(territory, run, **changes):
    """Project ``run`` with the ageing assumptions changed by dotted keys."""
    scenario = run.scenario.with_values({f"ageing.{k}": v for k, v in changes.items()})
    return project_ageing(
        ageing_inputs(territory),
        run.years,
        run.projection.population,
        run.weights,
        run.paths.life_expectancy,
        scenario.ageing,
    )


def values(result):
    return {s.variable: s.values for s in ageing_series(result)}


def test_calibration_reproduces_every_departement_and_france():
    cal = calibration()
    apa = load_table("apa_departement").query("year == 2022").set_index("dep")
    own = np.array([s not in (STATUS_JOINT, STATUS_NATIONAL) for s in cal.status])
    np.testing.assert_allclose(cal.fitted[own], cal.observed[own], rtol=1e-6)
    corsica = [cal.deps.index(d) for d in ("2A", "2B")]
    np.testing.assert_allclose(
        cal.fitted[corsica].sum(0), apa.loc["20", ["home", "institution"]], rtol=1e-6
    )
    covered = np.array([s != STATUS_NATIONAL for s in cal.status])
    np.testing.assert_allclose(cal.fitted[covered].sum(0), [793_858, 542_482], rtol=1e-9)
    assert cal.status[cal.deps.index("976")] == STATUS_NATIONAL


def test_places_today_sum_to_the_ehpa_places_over_drees_departements():
    cal = calibration()
    covered = np.array([s != STATUS_NATIONAL for s in cal.status])
    assert cal.places_today[covered].sum() == pytest.approx(756_400, rel=1e-9)
    assert np.all(cal.places_today > 0)


def test_single_age_curves_keep_each_group_mean():
    population = np.nan_to_num(demographic_base().population_in(POPULATION_YEAR)).sum(0)
    levels = np.array([[0.005, 0.015, 0.03, 0.06, 0.12, 0.24, 0.45, 0.72]] * 2)
    curve = single_age_curves(levels, population)
    groups = group_of_age(np.arange(population.shape[-1]))
    for g in range(len(GROUP_STARTS)):
        member = groups == g
        mean = (curve[:, member] * population[:, member]).sum(-1) / population[:, member].sum(-1)
        np.testing.assert_allclose(mean, levels[:, g], rtol=1e-9)
    assert np.all(curve[:, :60] == 0)
    assert np.all(np.diff(curve[:, 60:], axis=-1) >= 0)


def test_iterations_that_do_not_converge_are_reported():
    cal = calibration()
    population = np.nan_to_num(demographic_base().population_in(POPULATION_YEAR))
    levels = np.array([[0.005, 0.015, 0.03, 0.06, 0.12, 0.24, 0.45, 0.72]] * 2)
    with pytest.raises(ValueError, match="curves did not converge in 1 iterations"):
        single_age_curves(levels, population.sum(0), iterations=1)
    groups, targets = np.zeros(len(population), int), cal.fitted.sum(0, keepdims=True) * 3
    with pytest.raises(ValueError, match="factors did not converge in 1 iterations"):
        solve_factors(cal.prevalence, population, groups, targets, iterations=1)


def test_base_year_is_the_2022_rates_on_the_2025_population(dep71):
    territory, run = dep71
    result = project(territory, run, **{"prevalence.scenario": "expansion"})
    inputs = ageing_inputs(territory)
    expected = fitted_counts(inputs.prevalence, inputs.factors, run.projection.population[0])
    np.testing.assert_allclose(result.home[0], expected[:, 0], rtol=1e-12)
    np.testing.assert_allclose(result.institution[0], expected[:, 1], rtol=1e-12)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"policy.home_shift": 30.0, "policy.target_year": 2026},
        {"policy.home_shift": -20.0},
        {"prevalence.scenario": "expansion", "prevalence.shift_share": 1.5},
        {"prevalence.annual_trend": 3.0, "policy.places_rule": "rate"},
        {"prevalence.scenario": "compression", "prevalence.annual_trend": -3.0},
    ],
)
def test_home_plus_institution_is_the_total_and_nothing_is_negative(dep71, changes):
    territory, run = dep71
    out = values(project(territory, run, **changes))
    total = out["Autonomy|APA Beneficiaries|Home"] + out["Autonomy|APA Beneficiaries|Institution"]
    assert np.array_equal(out["Autonomy|APA Beneficiaries"], total)
    for variable, series in out.items():
        if variable != "Autonomy|Places|Missing" and "Extra" not in variable:
            assert np.all(series >= 0), variable
    seniors = run.population[:, :, 60:].sum(axis=(-1, -2))
    assert np.all(out["Autonomy|APA Beneficiaries"] <= seniors)


def test_places_series_are_consistent(dep71):
    out = values(project(*dep71))
    needed, today = out["Autonomy|Places Needed"], out["Autonomy|Places|Today"]
    np.testing.assert_allclose(out["Autonomy|Places|Missing"], needed - today)
    np.testing.assert_allclose(out["Autonomy|Places|Extra per Year"].sum(), needed[-1] - needed[0])
    assert np.all(today == today[0])


def test_carers_ratio_is_50_74_per_85_plus(dep71):
    territory, run = dep71
    out = values(project(territory, run))
    expected = run.population[:, :, 50:75].sum((-1, -2)) / run.population[:, :, 85:].sum((-1, -2))
    np.testing.assert_allclose(out["Autonomy|Potential Carers Ratio"], expected)


def test_prevalence_scenarios_are_ordered(dep71):
    totals = {
        name: project(*dep71, **{"prevalence.scenario": name}).beneficiaries
        for name in ("compression", "constant", "expansion")
    }
    assert np.all(totals["compression"][1:] < totals["constant"][1:])
    assert np.all(totals["constant"][1:] < totals["expansion"][1:])
    assert totals["compression"][0] == pytest.approx(totals["expansion"][0], rel=1e-12)


def test_compression_is_constant_when_life_expectancy_does_not_change(dep71):
    territory, run = dep71
    flat = np.broadcast_to(run.paths.life_expectancy[:1], run.paths.life_expectancy.shape)
    scenario = run.scenario.with_values({"ageing.prevalence.scenario": "compression"})
    args = (ageing_inputs(territory), run.years, run.projection.population, run.weights, flat)
    np.testing.assert_allclose(
        project_ageing(*args, scenario.ageing).beneficiaries,
        project_ageing(*args, Ageing()).beneficiaries,
        rtol=1e-12,
    )


@pytest.mark.parametrize(
    ("key", "low", "high", "variable"),
    [
        ("prevalence.annual_trend", -1.0, 1.0, "Autonomy|APA Beneficiaries"),
        ("prevalence.shift_share", 0.3, 1.0, "Autonomy|APA Beneficiaries"),
        ("policy.home_shift", 20.0, 0.0, "Autonomy|Places Needed"),
        ("policy.home_shift", 0.0, 20.0, "Autonomy|Home Help Hours"),
        ("policy.home_help_hours", 20.0, 40.0, "Autonomy|Care Workforce"),
        ("policy.hours_per_fte", 1700.0, 1400.0, "Autonomy|Care Workforce|Home"),
        ("policy.staff_per_100_places", 40.0, 70.0, "Autonomy|Care Workforce"),
        ("policy.cost_home", 4000.0, 6000.0, "Autonomy|Public Cost"),
        ("policy.cost_institution", 4000.0, 6000.0, "Autonomy|Public Cost"),
    ],
)
def test_each_lever_moves_its_output_one_way(dep71, key, low, high, variable):
    territory, run = dep71
    base = {"prevalence.scenario": "expansion"} if key.startswith("prevalence.shift") else {}
    small = values(project(territory, run, **base, **{key: low}))[variable]
    large = values(project(territory, run, **base, **{key: high}))[variable]
    assert np.all(small[1:] < large[1:])


def test_equipment_rate_sets_places_from_the_population_75_plus(dep71):
    territory, run = dep71
    rate = {"policy.places_rule": "rate", "policy.target_year": 2030}
    low = values(project(territory, run, **rate, **{"policy.places_per_100": 8.0}))
    high = values(project(territory, run, **rate, **{"policy.places_per_100": 14.0}))
    assert np.all(low["Autonomy|Places Needed"][1:] < high["Autonomy|Places Needed"][1:])
    aged_75 = run.population[5, :, 75:].sum()
    assert high["Autonomy|Places Needed"][5] == pytest.approx(0.14 * aged_75, rel=1e-12)
    today = low["Autonomy|Places|Today"][0]
    assert low["Autonomy|Places Needed"][0] == pytest.approx(today, rel=1e-12)


def test_a_younger_commune_needs_less_per_inhabitant_than_its_departement(dep71):
    # Mâcon's local base structure and components (local-marginals) hold fewer people aged 75+
    commune = get_territory("COM-71270")
    run = run_demography(commune, load_preset("insee-central"))
    territory, whole_run = dep71
    ours, whole = values(project(commune, run)), values(project(territory, whole_run))
    people = run.projection.population.sum(axis=(-1, -2)).ravel()
    everyone = whole_run.projection.population.sum(axis=(-1, -2)).ravel()
    for variable in ("Autonomy|APA Beneficiaries", "Autonomy|Places Needed"):
        ours_rate, whole_rate = ours[variable] / people, whole[variable] / everyone
        assert np.all(ours_rate < whole_rate)
        assert np.all(ours_rate > 0.6 * whole_rate)


def test_a_unit_smaller_than_its_departement_gets_its_share_of_todays_places(dep71):
    territory, run = dep71
    args = (ageing_inputs(territory), run.years)
    whole = project_ageing(*args, run.projection.population, *_rest(run))
    tenth = project_ageing(*args, run.projection.population / 10, *_rest(run))
    np.testing.assert_allclose(tenth.places_today, whole.places_today / 10, rtol=1e-12)
    np.testing.assert_allclose(tenth.places_needed, whole.places_needed / 10, rtol=1e-12)


def _rest(run):
    return run.weights, run.paths.life_expectancy, run.scenario.ageing


def test_all_departements_at_once_start_from_the_calibrated_counts():
    territory = whole_departements("ALL")
    run = run_demography(territory, load_preset("insee-central"))
    result = project(territory, run)
    assert result.home.shape == (len(run.years), len(territory.departements))
    cal = calibration()
    national = np.array([s == STATUS_NATIONAL for s in cal.status])
    expected = fitted_counts(cal.prevalence, cal.factors, run.projection.population[0])
    assert result.beneficiaries[0] == pytest.approx(expected.sum(), rel=1e-12)
    assert result.beneficiaries[0] - expected[national].sum() > 1_300_000


def test_shape_errors_are_reported(dep71):
    territory, run = dep71
    inputs = ageing_inputs(territory)
    args = (inputs, run.years, run.projection.population, run.weights, run.paths.life_expectancy)
    with pytest.raises(ValueError, match=r"unit_population has shape"):
        project_ageing(inputs, run.years[1:], *args[2:], Ageing())
    with pytest.raises(ValueError, match=r"weights has shape"):
        project_ageing(*args[:3], np.ones(2), args[4], Ageing())
    with pytest.raises(ValueError, match=r"life_expectancy has shape"):
        project_ageing(*args[:4], run.paths.life_expectancy[..., 0], Ageing())


def test_unknown_departement_is_refused():
    with pytest.raises(ValueError, match=r"'99'.* not in the data"):
        ageing_inputs(whole_departements("BAD", ["71", "99"]))


def test_missing_prevalence_groups_are_reported():
    table = load_table("apa_prevalence")
    with pytest.raises(ValueError, match="missing groups for 2018"):
        prevalence_levels(table, 2018)  # 2018 has an open group 90+ instead of 90-94, 95+
    with pytest.raises(ValueError, match="missing groups for 2010"):
        prevalence_levels(table, 2010)


@pytest.mark.parametrize("preset", PRESETS)
def test_presets_load_and_compose_with_insee_central(preset):
    alone = load_preset(preset)
    assert alone.id == preset and alone.description.fr
    combined = compose(["insee-central", preset])
    assert combined.ageing == alone.ageing
    assert combined.demography == load_preset("insee-central").demography


def test_presets_set_the_documented_prevalence_paths():
    shifts = {
        p: (load_preset(p).ageing.prevalence.scenario, load_preset(p).ageing.prevalence.shift_share)
        for p in PRESETS[:3]
    }
    assert shifts == {
        "autonomie-intermediaire": ("compression", 0.45),
        "autonomie-optimiste": ("compression", 0.75),
        "autonomie-pessimiste": ("expansion", 0.4),
    }
    assert load_preset("autonomie-domicile").ageing.policy.home_shift == 10


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("ageing.prevalence.scenario", "stable", "prevalence.scenario"),
        ("ageing.prevalence.shift_share", 2.0, "shift_share"),
        ("ageing.policy.home_shift", 50.0, "home_shift"),
        ("ageing.policy.places_rule", "target", "places_rule"),
    ],
)
def test_out_of_range_ageing_assumptions_are_refused(key, value, message):
    with pytest.raises(ScenarioError, match=message):
        Scenario(id="x", label={"fr": "x"}).with_values({key: value})


def test_france_projection_stays_near_drees():
    from prospectif.validation.ageing import DREES_DEPENDENT, france_projection

    frame = france_projection().set_index(["scenario", "year"])["beneficiaries"]
    assert frame[("autonomie-intermediaire", 2030)] == pytest.approx(1_500_000, rel=0.05)
    assert frame[("autonomie-intermediaire", 2050)] == pytest.approx(1_900_000, rel=0.15)
    for preset in ("autonomie-optimiste", "autonomie-intermediaire", "autonomie-pessimiste"):
        ratio = frame[(preset, 2050)] / frame[("constant", 2050)]
        assert ratio == pytest.approx(
            DREES_DEPENDENT[preset] / DREES_DEPENDENT["constant"], abs=0.01
        )
