"""Mobility model: one département and all départements, 2025 → 2070."""

import pytest

from prospectif.calibration.mobility_inputs import mobility_inputs
from prospectif.models.mobility import project_mobility
from prospectif.pipeline import run_demography
from prospectif.results.convert import mobility_series
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

SCENARIO = load_preset("insee-central")
PARAMS = load_preset("mobilite-sobriete").mobility


@pytest.fixture(scope="module")
def departement():
    territory = get_territory("DEP-71")
    run = run_demography(territory, SCENARIO)
    return territory, mobility_inputs(territory), run.years, run.population


@pytest.fixture(scope="module")
def france():
    territory = get_territory("FR")
    run = run_demography(territory, SCENARIO)
    inputs = {dep: mobility_inputs(get_territory(f"DEP-{dep}")) for dep in run.units}
    return territory, run, inputs


def test_one_departement_projection_and_series(benchmark, departement):
    """A slider move: the projection and its result series."""
    _, inputs, years, population = departement
    benchmark(lambda: mobility_series(project_mobility(inputs, years, population, PARAMS)))


def test_one_departement_inputs_projection_and_series(benchmark, departement):
    """A change of territory: type mix and defaults, projection, series."""
    territory, _, years, population = departement
    benchmark(
        lambda: mobility_series(
            project_mobility(mobility_inputs(territory), years, population, PARAMS)
        )
    )


def test_france_as_one_territory(benchmark, france):
    territory, run, _ = france
    inputs = mobility_inputs(territory)
    benchmark(lambda: mobility_series(project_mobility(inputs, run.years, run.population, PARAMS)))


def test_all_departements_one_by_one(benchmark, france):
    """Every département projected separately (maps, batch)."""
    _, run, inputs = france
    cubes = run.projection.population

    def all_departements():
        return [
            project_mobility(inputs[dep], run.years, cubes[:, i], PARAMS)
            for i, dep in enumerate(run.units)
        ]

    benchmark(all_departements)
