"""Energy model: one département and France, 2021 → 2050."""

import numpy as np
import pytest

from prospectif.calibration.energy_inputs import energy_inputs
from prospectif.models.energy import project_energy
from prospectif.results.convert import energy_series
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

SCENARIO = load_preset("energie-intermediaire")
YEARS = np.arange(2021, 2051)
TRANSPORT_MWH_PER_PERSON = {"petrol": 1.98, "diesel": 2.33, "electricity": 0.04, "other": 0.05}
"""Stand-in for the mobility model (MWh per person and year, SDES 2023 households' travel)."""


def case(code: str, persons: float):
    territory = get_territory(code)
    population = persons * 1.002 ** (YEARS - YEARS[0])
    transport = {k: population * v / 1000 for k, v in TRANSPORT_MWH_PER_PERSON.items()}
    energy_inputs(territory)  # warm the caches (data loading)
    return territory, population, transport


@pytest.fixture(
    scope="module", params=[("DEP-71", 551_000.0), ("FR", 67_700_000.0)], ids=lambda p: p[0]
)
def territory_case(request):
    return case(*request.param)


def test_inputs(benchmark, territory_case):
    """Base balance and observed production of the territory (data cached)."""
    benchmark(energy_inputs, territory_case[0])


def test_projection(benchmark, territory_case):
    """Projection only, as on a slider move."""
    territory, population, transport = territory_case
    inputs = energy_inputs(territory)
    benchmark(project_energy, inputs, YEARS, population, transport, SCENARIO.energy)


def test_projection_and_series(benchmark, territory_case):
    """Inputs, projection and the result series."""
    territory, population, transport = territory_case

    def full():
        inputs = energy_inputs(territory)
        return energy_series(project_energy(inputs, YEARS, population, transport, SCENARIO.energy))

    benchmark(full)
