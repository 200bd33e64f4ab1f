"""The tornado and goal seeking (issue 17): targets ≤ 1 s per département and ≤ 0.5 s.

The tornado in one pass (:func:`prospectif.analysis.sensitivity`: demographic variants stacked
in one call of the engine, the others reusing the scenario's projection) against the plain loop
over ``run_chain`` and its results table for each variant, the same variants; a goal seek with
an energy lever (the projection reused) and with a demographic one (projected at every step).
"""

import pytest

from prospectif.analysis import KEY_OUTPUTS, sensitivity, solve
from prospectif.analysis.outcomes import Outcomes
from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.scenario.ranges import plausible_bounds
from prospectif.territory import get_territory

SCENARIO = load_preset("tendanciel")
TERRITORIES = ("DEP-71", "DEP-75")


@pytest.fixture(scope="module", params=TERRITORIES)
def chain(request):
    chain = run_chain(get_territory(request.param), SCENARIO)
    sensitivity(chain)  # warm the data set (tables, calibrations)
    return chain


def _loop(chain):
    """The same variants, each run from scratch with its whole results table."""
    values = []
    for b in plausible_bounds():
        for end in b.plausible:
            table = run_chain(chain.territory, chain.scenario.with_values({b.key: end})).table()
            rows = table[table["year"] == 2050].set_index("variable")["value"]
            values.append([rows[o.variable] for o in KEY_OUTPUTS])
    return values


def test_tornado_one_pass(benchmark, chain):
    benchmark.pedantic(sensitivity, args=(chain,), rounds=5, iterations=1)


def test_tornado_loop(benchmark, chain):
    benchmark.pedantic(_loop, args=(chain,), rounds=3, iterations=1)


@pytest.mark.parametrize(
    ("lever", "share"),
    [("energy.residential.renovation_rate", 0.95), ("demography.fertility.tfr_target", 0.995)],
)
def test_goal_seek(benchmark, chain, lever, share):
    """Final energy 2050 brought to ``share`` of the scenario's by one lever."""
    found = Outcomes(chain, ("energy",)).at("Final Energy", 2050)
    solution = benchmark.pedantic(
        solve, args=(chain, "energy-2050", [lever], share * found), rounds=5, iterations=1
    )
    assert solution.status == "solved"
    benchmark.extra_info["evaluations"] = solution.evaluations


def test_goal_seek_places(benchmark, chain):
    """Care-home places per 100 aged 75+ in 2050 back to today's rate by the home shift."""
    solution = benchmark.pedantic(
        solve, args=(chain, "places-2050", ["ageing.policy.home_shift"]), rounds=5, iterations=1
    )
    assert solution.status in ("solved", "met")
    benchmark.extra_info["evaluations"] = solution.evaluations
