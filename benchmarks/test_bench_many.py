"""Many territories in one call (``run_chains``) against the loop over ``run_chain``.

The 96 metropolitan départements (the synthesis map of France) and the EPCI of Saône-et-Loire
(the map of a département), 2025 → 2050, under the trend scenario.
"""

import pytest

from prospectif.pipeline import run_chain, run_chains
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui.maps import MAP_INDICATORS, map_scope, map_values

SCENARIO = load_preset("tendanciel").with_values({"horizon": 2050})
EMISSIONS = next(i for i in MAP_INDICATORS if i.key == "emissions")
SCOPES = {"departements": "FR", "epci-71": "DEP-71"}
"""Maps drawn around these territories: every metropolitan département, the EPCI of DEP-71."""


@pytest.fixture(scope="module", params=list(SCOPES))
def territories(request):
    codes = map_scope(get_territory(SCOPES[request.param]))[1]
    territories = [get_territory(c) for c in codes]
    _one_call(territories, "energy")  # warm the data set (tables, calibrations)
    _loop(territories, "energy")
    return territories


def _loop(territories, model):
    return [getattr(run_chain(t, SCENARIO), model) for t in territories]


def _one_call(territories, model):
    return [getattr(chain, model) for chain in run_chains(territories, SCENARIO)]


@pytest.mark.parametrize("model", ["demography", "ageing", "energy"])
def test_loop(benchmark, territories, model):
    benchmark.pedantic(_loop, args=(territories, model), rounds=5, iterations=1)


@pytest.mark.parametrize("model", ["demography", "ageing", "energy"])
def test_one_call(benchmark, territories, model):
    benchmark.pedantic(_one_call, args=(territories, model), rounds=5, iterations=1)


@pytest.mark.parametrize("scope", ["FR", "DEP-71"])
def test_synthesis_map_values(benchmark, scope):
    """The synthesis map's emissions per inhabitant of every mapped territory, in one call."""
    codes = map_scope(get_territory(scope))[1]
    map_values(codes, SCENARIO, EMISSIONS, 2040)
    benchmark.pedantic(map_values, args=(codes, SCENARIO, EMISSIONS, 2040), rounds=5)
