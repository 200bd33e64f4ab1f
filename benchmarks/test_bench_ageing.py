"""Ageing and autonomy model: one département and all départements, 2025 → 2070."""

import pytest

from prospectif.calibration.ageing_calibration import ageing_inputs
from prospectif.models.ageing import project_ageing
from prospectif.pipeline import run_demography
from prospectif.results.convert import ageing_series
from prospectif.scenario import compose
from prospectif.territory import get_territory

SCENARIO = compose(["insee-central", "autonomie-intermediaire"])


@pytest.fixture(scope="module", params=["DEP-71", "FR"])
def prepared(request):
    territory = get_territory(request.param)
    run = run_demography(territory, SCENARIO)
    return territory, run, ageing_inputs(territory)


def _project(run, inputs):
    return project_ageing(
        inputs,
        run.years,
        run.projection.population,
        run.weights,
        run.paths.life_expectancy,
        SCENARIO.ageing,
    )


def test_projection_and_series(benchmark, prepared):
    """Projection of the care needs and their result series, as on a slider move."""
    _, run, inputs = prepared
    benchmark(lambda: ageing_series(_project(run, inputs)))


def test_projection_only(benchmark, prepared):
    _, run, inputs = prepared
    benchmark(_project, run, inputs)


def test_inputs(benchmark, prepared):
    """Picking the calibrated inputs of the territory (calibration itself cached)."""
    territory, _, _ = prepared
    benchmark(ageing_inputs, territory)
