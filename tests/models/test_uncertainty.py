"""Probabilistic runs: parameters from the data, draws through the chain, quantile tables,
and the calibration of the intervals (coverage 2015 → 2025)."""

import functools

import numpy as np
import pytest

from prospectif import uncertainty
from prospectif.calibration.uncertainty import stochastic_parameters
from prospectif.errors import InputError
from prospectif.pipeline import run_chain
from prospectif.results import QUANTILE
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.uncertainty import run_uncertain
from prospectif.validation.uncertainty import COVERAGE_TARGETS, coverage, coverage_rates


@pytest.fixture(scope="module")
def central():
    return load_preset("insee-central").with_values({"horizon": 2050})


@pytest.fixture(scope="module")
def drawn(central):
    return run_uncertain("DEP-71", central, draws=300, seed=1, chain_draws=5)


def test_parameters_are_estimated_from_the_data_up_to_the_year_asked():
    early, late = stochastic_parameters(until=2015), stochastic_parameters(until=2025)
    assert early.fitted_until == 2015 and late.fitted_until == 2025
    for p in (early, late):
        assert 0 < p.tfr_phi <= 1 and 0 < p.tfr_sigma < 0.2
        assert 0 < p.e0_sigma < 1 and 0 < p.e0_drift_sigma < 0.2
        assert all(-15 < s < -3 for s in p.e0_sensitivity)
        assert 0 < p.migration_sigma < 200_000 and 0 < p.migration_local_sigma < 0.02
        assert 0 < p.fertility_local_sigma < 0.1 and 0 < p.mortality_local_sigma < 0.1
    assert early != late


def test_draws_are_centred_on_the_scenario_and_reproducible(drawn, central):
    chain = run_chain(get_territory("DEP-71"), central)
    deterministic = chain.demography.population.sum(axis=(-1, -2))
    totals = drawn.population.sum(axis=(-1, -2))
    assert totals.shape == (300, len(deterministic))
    np.testing.assert_allclose(totals[:, 0], deterministic[0])  # same base year
    median = np.median(totals, axis=0)
    np.testing.assert_allclose(median, deterministic, rtol=0.02)
    spread = np.quantile(totals[:, -1], 0.9) / np.quantile(totals[:, -1], 0.1)
    assert 1.02 < spread < 1.6  # the band widens but stays plausible by 2050
    again = run_uncertain("DEP-71", central, draws=300, seed=1, chain_draws=0)
    np.testing.assert_array_equal(again.population, drawn.population)
    other = run_uncertain("DEP-71", central, draws=300, seed=2, chain_draws=0)
    assert not np.allclose(other.population, drawn.population)


def test_the_draws_do_not_depend_on_the_threads_or_the_blocks(central, monkeypatch):
    """Slices of draws run on two threads, blocks of a few hundred draws × départements:
    the same numbers with one thread and with other blocks (sums in the same unit order)."""
    threaded = run_uncertain("REG-27", central, draws=300, seed=3, chain_draws=0)
    serial = functools.partial(uncertainty.map_groups, threads=1)
    monkeypatch.setattr(uncertainty, "map_groups", serial)
    alone = run_uncertain("REG-27", central, draws=300, seed=3, chain_draws=0)
    np.testing.assert_array_equal(alone.population, threaded.population)
    np.testing.assert_array_equal(alone.ageing.home, threaded.ageing.home)
    monkeypatch.setattr(uncertainty, "BLOCK_CELLS", 70)
    small = run_uncertain("REG-27", central, draws=300, seed=3, chain_draws=0)
    np.testing.assert_allclose(small.population, threaded.population, rtol=1e-13)
    np.testing.assert_allclose(small.deaths, threaded.deaths, rtol=1e-13)
    np.testing.assert_allclose(
        small.ageing.places_needed, threaded.ageing.places_needed, rtol=1e-13
    )


def test_the_quantile_table_is_ordered_and_covers_the_chain(drawn):
    table = drawn.table()
    assert QUANTILE in table.columns
    assert sorted(table[QUANTILE].unique()) == [0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975]
    assert table.attrs["draws"] == 300 and table.attrs["seed"] == 1
    for variable in (
        "Population",
        "Population|Age 65+",
        "Population|Age 85+",
        "Births",
        "Deaths",
        "Autonomy|APA Beneficiaries",
        "Autonomy|Places Needed",
        "Autonomy|Care Workforce",
        "Mobility|Passenger-km",
        "Final Energy",
        "Emissions|GHG",
    ):
        rows = table[(table["variable"] == variable) & (table["year"] == 2049)]
        values = rows.sort_values(QUANTILE)["value"].to_numpy()
        assert len(values) == 7, variable
        assert (np.diff(values) >= 0).all() and values[-1] > values[0], variable


def test_territories_not_made_of_departements_are_refused(central):
    epci = get_territory("EPCI-200070464")
    with pytest.raises(InputError, match="faits de départements"):
        run_uncertain(epci, central, draws=10)
    with pytest.raises(InputError, match="au moins 1"):
        run_uncertain("DEP-71", central, draws=0)


@pytest.fixture(scope="module")
def coverage_2025():
    return coverage_rates(coverage())


@pytest.mark.parametrize("level", list(COVERAGE_TARGETS))
def test_intervals_fitted_to_2015_cover_the_2025_total_populations(coverage_2025, level):
    """The calibration test of issue 17 (figures in docs/validation.md): total population."""
    low, high = COVERAGE_TARGETS[level]
    assert low <= coverage_2025[("total", level)] <= high


@pytest.mark.xfail(
    strict=True,
    reason="the 75+ intervals are too narrow: France's 2015-2025 mortality error (life "
    "expectancy 1.1-1.4 years below the 2004-2014 trend) lies beyond the 80 % band fitted "
    "to 2015 (docs/validation.md)",
)
@pytest.mark.parametrize("level", list(COVERAGE_TARGETS))
def test_intervals_fitted_to_2015_cover_the_2025_populations_aged_75(coverage_2025, level):
    low, high = COVERAGE_TARGETS[level]
    assert low <= coverage_2025[("75+", level)] <= high
