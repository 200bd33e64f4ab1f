"""Many territories (or scenarios) in one call give each territory's own results."""

import numpy as np
import pytest

from prospectif.pipeline import (
    population_envelope,
    run_chain,
    run_chains,
    run_demographies,
    run_demography,
    run_demography_variants,
)
from prospectif.scenario import load_preset, scenario_from_presets
from prospectif.territory import get_territory

CODES = ("DEP-71", "DEP-2A", "EPCI-200070308", "COM-71270", "REG-27", "DEP-974")
"""Whole départements, one spanning two départements, a commune, a région, overseas."""


@pytest.fixture(scope="module")
def scenario():
    return load_preset("tendanciel").with_values({"horizon": 2050})


def test_one_call_equals_the_loop_for_every_territory(scenario):
    chains = run_chains(CODES, scenario)
    assert [c.territory.code for c in chains] == list(CODES)
    for chain in chains:
        alone = run_chain(get_territory(chain.territory.code), scenario).table()
        together = chain.table()
        assert list(together["variable"]) == list(alone["variable"])
        np.testing.assert_allclose(together["value"], alone["value"], rtol=1e-9, atol=0)


def test_demographies_in_one_call_equal_each_territory_alone(scenario):
    territories = [get_territory(c) for c in CODES]
    for together, territory in zip(
        run_demographies(territories, scenario), territories, strict=True
    ):
        alone = run_demography(territory, scenario)
        assert together.units == alone.units
        np.testing.assert_allclose(together.population, alone.population, rtol=1e-12, atol=0)


def test_a_territory_alone_in_one_call_is_bit_identical(scenario):
    territory = get_territory("EPCI-200070308")
    alone = run_chain(territory, scenario).table()
    np.testing.assert_array_equal(
        run_chains([territory], scenario)[0].table()["value"], alone["value"]
    )


def test_variants_in_one_call_equal_each_variant_alone():
    territory = get_territory("DEP-71")
    ids = ("insee-central", "insee-fecondite-basse", "insee-migration-haute")
    scenarios = [scenario_from_presets(i, 2060) for i in ids] + [
        scenario_from_presets("insee-central", 2040)
    ]
    runs = run_demography_variants(territory, scenarios)
    for run, scenario in zip(runs, scenarios, strict=True):
        alone = run_demography(territory, scenario)
        assert run.scenario is scenario
        np.testing.assert_allclose(run.population, alone.population, rtol=1e-12, atol=0)
    low, high = population_envelope(territory, scenarios[:3])
    totals = [r.population.sum(axis=(-1, -2)) for r in runs[:3]]
    np.testing.assert_allclose(low, np.min(totals, 0))
    np.testing.assert_allclose(high, np.max(totals, 0))
    assert (low <= high).all() and (low < high).any()
