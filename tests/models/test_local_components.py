"""Local components of EPCI and communes, and their raking to the département (issue 19)."""

import numpy as np
import pytest

from prospectif.calibration.local_components import (
    local_components,
    local_signals,
    prior_alpha,
    shrink,
)
from prospectif.models.demography import Projection
from prospectif.models.raking import accounts_migration, rake_projection
from prospectif.pipeline import local_projection, run_demographies, run_demography
from prospectif.scenario import load_preset
from prospectif.territory import children, get_territory

SCENARIO = load_preset("insee-central")


def test_prior_variance_is_recovered_from_poisson_gamma_counts():
    rng = np.random.default_rng(19)
    expected = rng.uniform(5, 200, 4000)
    theta = rng.gamma(25.0, 1 / 25.0, expected.size)  # prior variance 0.04
    observed = rng.poisson(theta * expected)
    assert prior_alpha(observed, expected) == pytest.approx(25.0, rel=0.2)


def test_shrinkage_weights_small_populations_towards_the_departement():
    observed, expected = np.array([3.0, 300.0]), np.array([1.5, 150.0])
    index = shrink(observed, expected, alpha=50.0)
    np.testing.assert_allclose(index, [53 / 51.5, 350 / 200])  # same O/E = 2, weights E/(E+α)
    assert shrink(np.array([0.0]), np.array([0.0]), 50.0) == pytest.approx([1.0])


def test_expected_counts_add_up_to_the_observed_in_each_departement():
    signals = local_signals()
    rows = np.array([c.startswith("71") for c in signals.codes])
    for o, e in (("births", "expected_births"), ("deaths", "expected_deaths")):
        observed = getattr(signals, o)[rows].sum()
        assert getattr(signals, e)[rows].sum() == pytest.approx(observed, rel=1e-12)
    assert signals.excess_growth[rows].sum() == pytest.approx(0.0, abs=1e-6)


def test_macon_agglomeration_has_its_own_indices():
    epci = get_territory("EPCI-200070308")
    c = local_components([epci.members], ["EPCI"])
    assert c.fertility[0] > 1.1  # more births than the département's rates give
    assert c.mortality[0] < 0.9
    assert abs(c.fertility[0] - 1) < abs(c.fertility_raw[0] - 1)  # shrunk towards 1


def random_projection(rng, units):
    population = rng.uniform(1, 100, (4, units, 2, 5))
    births = rng.uniform(1, 10, (3, units, 2))
    deaths = rng.uniform(0, 1, (3, units, 2, 5))
    infant = rng.uniform(0, 0.1, (3, units, 2))
    migration = accounts_migration(population, births, deaths, infant)
    return Projection(np.arange(4), population, births, deaths, infant, migration)


def test_raking_adds_up_exactly_and_keeps_the_accounts():
    rng = np.random.default_rng(0)
    parts, whole = random_projection(rng, 5), random_projection(rng, 2)
    group = np.array([0, 0, 1, 1, 1])
    raked = rake_projection(parts, group, whole)
    for field in ("population", "births", "deaths", "infant_deaths", "migration"):
        summed = np.stack([getattr(raked, field)[:, group == g].sum(1) for g in (0, 1)], 1)
        np.testing.assert_allclose(summed, getattr(whole, field), rtol=1e-12)
    np.testing.assert_allclose(
        accounts_migration(raked.population, raked.births, raked.deaths, raked.infant_deaths),
        raked.migration,
    )


def test_pieces_of_saone_et_loire_add_up_to_the_departement_by_year_sex_and_age():
    epci = [get_territory(c) for c in children("DEP-71")]
    plan, raked, _, _ = local_projection(epci, SCENARIO)
    dep = run_demography(get_territory("DEP-71"), SCENARIO)
    inside = np.array([d == "71" and p < 0 for d, p in zip(plan.deps, plan.parent, strict=True)])
    for field in ("population", "births", "deaths", "migration"):
        total = getattr(dep.projection, field)[:, 0]
        summed = getattr(raked, field)[:, inside].sum(1)
        gap = np.abs(summed - total).max() / np.abs(total).max()
        assert gap < 1e-9, field
    # the whole EPCI lying in the département also add up with the rest of the pieces
    runs = run_demographies(epci, SCENARIO)
    whole = [r for r in runs if r.units == ("71",)]
    assert sum(r.population for r in whole).sum() < dep.population.sum()


def test_a_commune_is_bounded_by_its_epci():
    macon = run_demography(get_territory("COM-71270"), SCENARIO).population
    agglo = run_demography(get_territory("EPCI-200070308"), SCENARIO).population
    assert (macon <= agglo * (1 + 1e-9)).all()
    assert (macon.sum((1, 2)) < agglo.sum((1, 2))).all()


def test_saone_et_loire_epci_2050_change_spans_a_realistic_range():
    runs = run_demographies([get_territory(c) for c in children("DEP-71")], SCENARIO)
    at = list(runs[0].years).index(2050)
    change = np.array([r.population[at].sum() / r.population[0].sum() - 1 for r in runs])
    assert len(np.unique(np.round(change, 3))) == 19  # not one value
    assert change.min() < -0.15 and change.max() > 0.05  # declining uplands, growing Bresse
    assert change.std() > 0.05
    assert ((change > -0.5) & (change < 0.5)).all()  # no runaway extrapolation


def test_metadata_and_cli_carry_the_local_components():
    from click.testing import CliRunner

    from prospectif.cli import main

    run = run_demography(get_territory("COM-71270"), SCENARIO)
    components = run.metadata().components
    assert components["fertility_index"] > 1.1 and components["births_2022"] == 397
    assert run_demography(get_territory("DEP-71"), SCENARIO).metadata().components == {}
    output = CliRunner().invoke(main, ["territories", "show", "COM-71270"]).output
    assert "fécondité × 1,261" in output and "Poisson–gamma" in output


def test_fertility_differentials_constant_by_default_or_converging_to_france():
    scenario = SCENARIO.with_values({"horizon": 2070})
    france = get_territory("FR")

    def tfr(s):
        table = run_demography(france, s).table().set_index("variable")
        return table.loc["Total Fertility Rate"].set_index("year")["value"]

    constant = tfr(scenario)
    converge = tfr(scenario.with_values({"demography.fertility.differentials": "converge"}))
    assert constant[2069] > 1.84  # Mayotte and Guyane grow: the summed TFR drifts up
    assert converge[2050] == pytest.approx(1.8, abs=1e-9)  # every index reaches 1 in 2050
    assert converge[2030] == pytest.approx(constant[2030], abs=0.01)


def test_sub_departement_energy_follows_households_and_rural_population():
    from prospectif.calibration.energy_inputs import ore_cube, sector_weights
    from prospectif.models.energy_balance import ORE_SECTORS

    deps, _ = ore_cube()
    macon = get_territory("COM-71270")
    weights, how = sector_weights(macon, deps)
    row = weights[deps.index("71")]
    residential, agriculture = ORE_SECTORS.index("residential"), ORE_SECTORS.index("agriculture")
    assert row[residential] > macon.shares["71"]  # smaller households: more of them per person
    assert row[agriculture] == 0.0  # a dense town holds none of the rural population
    assert how[residential] == "households" and how[agriculture] == "rural-population"
    whole, how = sector_weights(get_territory("DEP-71"), deps)
    assert set(how) == {"population"} and whole.sum() == len(ORE_SECTORS)


def test_a_commune_is_shrunk_towards_its_epci():
    from prospectif.calibration.local_components import territory_components

    macon = territory_components(get_territory("COM-71270"))
    alone = local_components([("71270",)], ["COM"])
    agglo = local_components([get_territory("EPCI-200070308").members], ["EPCI"])
    assert macon.fertility_raw[0] == alone.fertility_raw[0]
    # its prior is the agglomeration's index (> 1), not the département's
    assert macon.fertility[0] > alone.fertility[0] and agglo.fertility[0] > 1
