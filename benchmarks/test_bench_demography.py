"""Demography engine: one département and all départements, 2025 → 2070."""

import numpy as np
import pytest

from prospectif.calibration.demographic import demographic_base
from prospectif.models.demography import project
from prospectif.pipeline import run_demography
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

from .pandas_reference import project_rows

SCENARIO = load_preset("insee-central")


@pytest.fixture(scope="module")
def territories():
    return get_territory("DEP-71"), get_territory("FR")


def test_one_departement_full_chain(benchmark, territories):
    """Scenario → rate paths → projection → results table, as on a slider move."""
    run_demography(territories[0], SCENARIO)  # warm the caches (data loading, estimates)
    benchmark(lambda: run_demography(territories[0], SCENARIO).table())


def test_all_departements_full_chain(benchmark, territories):
    run_demography(territories[1], SCENARIO)
    benchmark(lambda: run_demography(territories[1], SCENARIO).table())


def test_one_departement_projection_only(benchmark, territories):
    run = run_demography(territories[0], SCENARIO)
    start = run.projection.population[0]
    benchmark(project, start, run.paths)


def test_all_departements_projection_only(benchmark, territories):
    run = run_demography(territories[1], SCENARIO)
    benchmark(project, run.projection.population[0], run.paths)


def test_pandas_row_by_row_reference_one_departement(benchmark, territories):
    """The same projection written row by row with pandas, for the speed-up ratio."""
    run = run_demography(territories[0], SCENARIO)
    start = run.projection.population[0]
    result = benchmark.pedantic(project_rows, args=(start, run.paths), rounds=3, iterations=1)
    np.testing.assert_allclose(result.population, run.projection.population, rtol=1e-9)
    assert demographic_base().deps
