"""Goal seeking: a solved lever meets its target when run again; an unreachable target says so."""

import pytest

from prospectif.analysis import TARGETS, solve
from prospectif.analysis.outcomes import Outcomes
from prospectif.errors import InputError, ScenarioError
from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.scenario.ranges import bounds
from prospectif.territory import get_territory
from prospectif.ui.levers import answer, levers_for

RENOVATION = "energy.residential.renovation_rate"
HOME_SHIFT = "ageing.policy.home_shift"
BIKE = "mobility.shift.to_bike"


@pytest.fixture(scope="module")
def chain():
    return run_chain(get_territory("DEP-71"), load_preset("tendanciel"))


def indicator(chain, target_id):
    target = TARGETS[target_id]
    return target.indicator(Outcomes(chain, target.models))


def rerun(solution, chain):
    """The solved scenario run again from scratch (no reuse), its indicator."""
    return indicator(run_chain(chain.territory, solution.scenario), solution.target.id)


def test_a_solved_lever_meets_its_target_when_run_again(chain):
    start = indicator(chain, "energy-2050")
    solution = solve(chain, "energy-2050", [RENOVATION], goal=0.95 * start)
    assert solution.status == "solved"
    value = rerun(solution, chain)
    assert value == pytest.approx(solution.value, rel=1e-12)
    assert value <= solution.goal  # on the slider grid, on the safe side
    assert value == pytest.approx(solution.goal, rel=0.01)  # and within a step of it
    low, high = bounds(RENOVATION).allowed
    assert chain.scenario.assumptions()[RENOVATION] < solution.changes[RENOVATION] <= high
    assert solution.changes[RENOVATION] == round(solution.changes[RENOVATION], 1)
    assert solution.evaluations < 25


def test_levers_moved_together_share_the_way_and_meet_the_target(chain):
    start = indicator(chain, "energy-2050")
    levers = [RENOVATION, "energy.residential.temperature_reduction"]
    solution = solve(chain, "energy-2050", levers, goal=0.9 * start)
    assert solution.status == "solved" and set(solution.changes) == set(levers)
    assert rerun(solution, chain) <= solution.goal
    for key in levers:  # the same fraction of the way, up to one step of the grid
        way = bounds(key).allowed[1] - solution.start[key]
        share = (solution.changes[key] - solution.start[key]) / way
        assert solution.fraction <= share <= solution.fraction + bounds(key).step / way + 1e-9


def test_places_per_100_aged_75_are_brought_back_to_today_by_the_home_shift(chain):
    solution = solve(chain, "places-2050", [HOME_SHIFT])
    assert solution.status in ("solved", "met")
    if solution.status == "solved":
        assert rerun(solution, chain) <= solution.goal
        assert solution.changes[HOME_SHIFT] > 0
        text = answer(solution, "fr")
        assert "il faudrait" in text and "pour 100" in text


def test_an_unreachable_target_says_so_and_by_how_much(chain):
    solution = solve(chain, "emissions-2050", [BIKE])
    assert solution.status == "unreachable"
    assert solution.changes == {BIKE: bounds(BIKE).allowed[1]}
    assert solution.gap > 0 and solution.value < solution.start_value
    text = answer(solution, "fr")
    assert "hors d'atteinte" in text and "écart de +" in text
    assert "out of reach" in answer(solution, "en")


def test_a_target_already_met_and_a_lever_that_does_nothing_are_told(chain):
    start = indicator(chain, "energy-2050")
    met = solve(chain, "energy-2050", [RENOVATION], goal=1.1 * start)
    assert met.status == "met" and met.changes == {} and met.scenario is chain.scenario
    assert "déjà atteint" in answer(met, "fr") and "objectif donné" in answer(met, "fr")
    idle = solve(chain, "places-2050", [RENOVATION], goal=0.5 * indicator(chain, "places-2050"))
    assert idle.status == "no_effect"
    assert "ne change pas" in answer(idle, "fr")


def test_a_solved_implausible_level_is_flagged(chain):
    start = indicator(chain, "energy-2050")
    solution = solve(chain, "energy-2050", [RENOVATION], goal=0.8 * start)
    if solution.status == "solved" and solution.changes[RENOVATION] > 2.0:
        assert "au-delà de la plage plausible" in answer(solution, "fr")


def test_bad_requests_are_refused(chain):
    with pytest.raises(InputError, match="objectif « snbc » inconnu ; objectifs possibles"):
        solve(chain, "snbc", [RENOVATION])
    with pytest.raises(InputError, match="choisir au moins un levier"):
        solve(chain, "energy-2050", [])
    with pytest.raises(ScenarioError, match="energy.residential.nothing : pas une hypothèse"):
        solve(chain, "energy-2050", ["energy.residential.nothing"])
    short = run_chain(chain.territory, chain.scenario.with_values({"horizon": 2040}))
    with pytest.raises(InputError, match="porte sur 2050, après l'horizon du scénario"):
        solve(short, "energy-2050", [RENOVATION])


def test_the_dashboard_offers_only_levers_that_move_the_target():
    keys = ("ageing.policy.home_shift", RENOVATION, "demography.fertility.tfr_target")
    assert [b.key for b in levers_for("places-2050", keys)] == [
        HOME_SHIFT,
        "demography.fertility.tfr_target",
    ]
    assert [b.key for b in levers_for("energy-2050", keys)] == [
        RENOVATION,
        "demography.fertility.tfr_target",
    ]
