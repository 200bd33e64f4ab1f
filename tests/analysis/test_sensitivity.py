"""The tornado: plausible ranges, ranks and signs, the one-pass computation against full runs."""

import numpy as np
import pytest

from prospectif.analysis import KEY_OUTPUTS, sensitivity
from prospectif.analysis.outcomes import Outcomes
from prospectif.pipeline import MODELS, MODELS_OF_SECTION, run_chain, variant_chains
from prospectif.scenario import load_preset, section_models
from prospectif.scenario.fields import assumption_meta
from prospectif.scenario.ranges import bounds, plausible_bounds
from prospectif.territory import get_territory

TFR = "demography.fertility.tfr_target"
RENOVATION = "energy.residential.renovation_rate"


@pytest.fixture(scope="module")
def chain():
    return run_chain(get_territory("DEP-71"), load_preset("tendanciel"))


@pytest.fixture(scope="module")
def result(chain):
    return sensitivity(chain)


def test_every_plausible_range_is_sourced_and_inside_the_allowed_one():
    found = plausible_bounds()
    assert len(found) >= 20
    sections = {b.key.split(".")[0] for b in found}
    assert {"demography", "ageing", "mobility", "energy"} <= sections
    for b in found:
        low, high = b.plausible
        assert b.allowed[0] <= low < high <= b.allowed[1], b.key
        assert len(b.plausible_source) > 20, b.key
        if b.step:  # on the sliders' grid
            assert np.isclose(low / b.step, round(low / b.step), atol=1e-6), b.key
            assert np.isclose(high / b.step, round(high / b.step), atol=1e-6), b.key


def test_the_schema_gives_the_plausible_range_with_the_other_metadata():
    section = section_models()["demography.fertility"]
    meta = assumption_meta(section, "tfr_target")
    assert meta["plausible"] == (1.5, 2.0) and "Insee Première n°1881" in meta["plausible_source"]
    assert bounds(TFR).allowed == (0.8, 3.5)


def test_an_assumption_without_a_bounded_number_has_no_bounds():
    with pytest.raises(Exception, match="pas une hypothèse numérique"):
        bounds("demography.migration.mode")


def test_bars_are_ranked_by_their_effect(result):
    for output in KEY_OUTPUTS:
        bars = result.bars(output.variable)
        assert bars, output.variable
        swings = [abs(b.swing) for b in bars]
        assert swings == sorted(swings, reverse=True)


def test_signs_follow_the_models(result):
    population = {b.bounds.key: b for b in result.bars("Population")}
    assert population[TFR].swing > 0
    assert population["demography.migration.france_net_total"].swing > 0
    assert population["demography.mortality.e0_female_target"].swing > 0
    assert not any(key.startswith(("energy.", "mobility.", "ageing.")) for key in population)
    emissions = {b.bounds.key: b for b in result.bars("Emissions|Inventory")}
    assert emissions[RENOVATION].swing < 0
    assert emissions["energy.emission_factors.electricity"].swing > 0
    assert emissions["mobility.shift.to_bike"].swing < 0
    places = {b.bounds.key: b for b in result.bars("Autonomy|Places Needed")}
    assert places["ageing.policy.home_shift"].swing < 0
    assert places["ageing.prevalence.annual_trend"].swing > 0
    assert not any(key.startswith("energy.") for key in places)


def test_the_one_pass_equals_full_runs_of_each_variant(chain, result):
    for key, end, variable in (
        (TFR, 1, "Population"),
        ("demography.mortality.e0_male_target", 0, "Population|Age 85+"),
        (TFR, 0, "Emissions|Inventory"),
        (RENOVATION, 1, "Final Energy"),
        ("ageing.policy.home_shift", 1, "Autonomy|Places Needed"),
    ):
        b = bounds(key)
        bar = next(x for x in result.bars(variable) if x.bounds.key == key)
        scenario = chain.scenario.with_values({key: b.plausible[end]})
        table = run_chain(chain.territory, scenario).table()
        expected = table.query("variable == @variable and year == 2050")["value"].iloc[0]
        assert (bar.high if end else bar.low) == pytest.approx(expected, rel=1e-12)
    base = chain.table().query("variable == 'Final Energy' and year == 2050")["value"].iloc[0]
    assert result.base_value("Final Energy") == pytest.approx(base, rel=1e-12)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("ageing.policy.home_shift", 10.0),
        ("mobility.shift.to_bike", 10.0),
        (RENOVATION, 1.5),
        ("emissions.farming.herd_change", -30.0),
        ("services.housing.vacancy_change", 2.0),
        ("adaptation.pathway", "rcp85"),
    ],
)
def test_an_assumption_moves_no_model_outside_its_sections_reach(chain, key, value):
    section = key.split(".")[0]
    scenario = chain.scenario.with_values({key: value})
    (variant,) = variant_chains(chain, [scenario])
    unmoved = [m for m in MODELS if m not in MODELS_OF_SECTION[section]]
    assert unmoved
    before, after = Outcomes(chain, tuple(unmoved)), Outcomes(variant, tuple(unmoved))
    assert before.series.keys() == after.series.keys()
    for name, series in before.series.items():
        np.testing.assert_array_equal(series.values, after.series[name].values, err_msg=name)
    moved = MODELS_OF_SECTION[section]
    before, after = Outcomes(chain, moved), Outcomes(variant, moved)
    assert any(
        not np.array_equal(s.values, before.series[name].values, equal_nan=True)
        for name, s in after.series.items()
    ), key


def test_variant_chains_reuse_the_projection_only_when_the_demography_is_unchanged(chain):
    same, other = variant_chains(
        chain,
        [chain.scenario.with_values({RENOVATION: 1.0}), chain.scenario.with_values({TFR: 1.9})],
    )
    assert same.demography.projection is chain.demography.projection
    assert other.demography.projection is not chain.demography.projection
    assert same.demography.scenario is same.scenario


def test_a_short_horizon_reads_the_outputs_at_the_horizon():
    short = run_chain(
        get_territory("DEP-71"), load_preset("tendanciel").with_values({"horizon": 2040})
    )
    result = sensitivity(short, KEY_OUTPUTS[:1], keys=[TFR])
    assert result.year("Population") == 2040
    assert [b.bounds.key for b in result.bars("Population")] == [TFR]


def test_the_table_lists_every_bar_with_its_labels(result):
    table = result.table("en")
    assert set(table["variable"]) == {o.variable for o in KEY_OUTPUTS}
    first = table[table["variable"] == "Population"].iloc[0]
    assert first["rank"] == 1 and first["label"] in {b.label[1] for b in plausible_bounds()}
    assert np.isclose(first["swing"], first["value_high"] - first["value_low"])
