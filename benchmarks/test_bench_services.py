"""Services and housing models: their added cost on a slider move, against the demography
projection of the same territory measured in the same run (DEP-71, an EPCI and France).
"""

import pytest

from prospectif.pipeline import run_chain, run_demography
from prospectif.results.convert import housing_series, services_series
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

SCENARIO = load_preset("services-tendanciel")


@pytest.fixture(scope="module", params=["DEP-71", "EPCI-200070308", "FR"])
def chain(request):
    chain = run_chain(get_territory(request.param), SCENARIO)
    _services_and_housing(chain)  # inputs kept on the data set, as after a first draw
    return chain


def _services_and_housing(chain):
    """What a services slider move recomputes: both models and their series."""
    fresh = type(chain)(chain.territory, chain.scenario, chain.demography)
    return services_series(fresh.services) + housing_series(fresh.housing)


def test_services_and_housing(benchmark, chain):
    benchmark(_services_and_housing, chain)


def test_demography_reference(benchmark, chain):
    """The demography projection of the same territory (the reference of this run)."""
    benchmark(run_demography, chain.territory, SCENARIO, data=chain.demography.data)
