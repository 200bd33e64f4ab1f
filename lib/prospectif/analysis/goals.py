"""Goal seeking: « Que faudrait-il pour atteindre l'objectif ? ».

For a target (SNBC emissions, the final-energy target of the energy code, care-home places per
100 people aged 75+) and one lever or a group of levers (numeric assumptions), find the level
that meets the target. The levers move together from the scenario's values (fraction 0) to the
end of their allowed ranges that helps (fraction 1), each the same fraction of its way; a
bracketing solver (:func:`scipy.optimize.brentq`) finds the fraction where the indicator meets
the target. The values found are put on the sliders' grid on the safe side, so the scenario
they make meets the target when run again. When even fraction 1 misses, the answer says so and
by how much.

>>> chain = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
>>> solve(chain, "emissions-2050", ["energy.residential.renovation_rate"]).changes
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..pipeline import ChainRun, variant_chains
from ..results.verdicts import MILESTONES, NEEDS_YEAR
from ..scenario import Scenario
from ..scenario.ranges import Bounds, as_number, bounds, step_decimals
from .outcomes import Outcomes

XTOL = 1e-6
"""Tolerance of the solver on the fraction of the way (the grid of the sliders is coarser)."""


@dataclass(frozen=True)
class Target:
    """A target to reach: an indicator of some models in ``year`` against a reference.

    ``indicator`` and ``reference`` read the models' results (:class:`.Outcomes`); ``lower``
    says the target is a ceiling (indicator ≤ target), otherwise a floor. ``name``,
    ``target_name`` and ``unit`` are message ids.
    """

    id: str
    models: tuple[str, ...]
    year: int
    indicator: Callable[[Outcomes], float]
    reference: Callable[[Outcomes], float]
    name: str
    target_name: str
    unit: str
    decimals: int = 0
    lower: bool = True


def _against(variable: str, target: str, year: int) -> tuple[Callable, Callable]:
    return (lambda o: o.at(variable, year)), (lambda o: o.at(target, year))


def _places_rate(outcomes: Outcomes, year: int | None) -> float:
    """Care-home places per 100 people aged 75+: needed in ``year``, or today's (``None``)."""
    if year is None:
        today = outcomes.first("Autonomy|Places|Today")
        return 100.0 * today / outcomes.first("Population|Age 75+")
    needed = outcomes.at("Autonomy|Places Needed", year)
    return 100.0 * needed / outcomes.at("Population|Age 75+", year)


TARGETS: dict[str, Target] = {
    **{
        f"emissions-{year}": Target(
            f"emissions-{year}",
            ("emissions",),
            year,
            *_against("Emissions|Inventory", "Target|Emissions|Inventory", year),
            "verdict.emissions",
            "verdict.target.snbc",
            "verdict.unit.kt",
        )
        for year in MILESTONES
    },
    **{
        f"energy-{year}": Target(
            f"energy-{year}",
            ("energy",),
            year,
            *_against("Final Energy", "Target|Final Energy", year),
            "verdict.energy",
            "verdict.target.energy",
            "verdict.unit.gwh",
        )
        for year in MILESTONES
    },
    f"places-{NEEDS_YEAR}": Target(
        f"places-{NEEDS_YEAR}",
        ("demography", "ageing"),
        NEEDS_YEAR,
        lambda o: _places_rate(o, NEEDS_YEAR),
        lambda o: _places_rate(o, None),
        "goal.places",
        "goal.target.places",
        "goal.unit.per_100",
        decimals=1,
    ),
}
"""The targets goal seeking knows, by id: the SNBC path and the energy code's final-energy
target in 2030 and 2050 (as in the verdicts), and care-home places needed in 2050 per 100 people
aged 75+ against today's rate."""


@dataclass(frozen=True)
class Solution:
    """The answer of :func:`solve`.

    Attributes
    ----------
    target, goal
        The target and its value (the indicator's unit).
    status
        ``"met"`` (the scenario already meets it), ``"solved"``, ``"unreachable"`` (even the end
        of the levers' ranges misses it) or ``"no_effect"`` (the levers do not move it).
    levers
        The levers' ranges, in the order given.
    start, changes
        The levers' values in the scenario, and those found (``"solved"``) or at the end of
        their ranges (``"unreachable"``); empty changes for ``"met"`` and ``"no_effect"``.
    start_value, value
        The indicator under the scenario, and with ``changes`` (run again).
    fraction
        The share of the way from the scenario's values to the ends of the ranges.
    scenario
        The scenario with ``changes`` (apply it to the sliders, save it as a variant).
    evaluations
        Runs of the chain the search took.
    given_goal
        Whether ``goal`` was given instead of the target's own value.
    """

    target: Target
    goal: float
    status: str
    levers: tuple[Bounds, ...]
    start: dict[str, float]
    changes: dict[str, float]
    start_value: float
    value: float
    fraction: float
    scenario: Scenario
    evaluations: int
    given_goal: bool = False

    @property
    def gap(self) -> float:
        """``value − goal`` (the indicator's unit)."""
        return self.value - self.goal

    @property
    def met(self) -> bool:
        """Whether ``value`` meets the target."""
        return _shortfall(self.target, self.value, self.goal) <= 0.0


def target_of(target: str | Target) -> Target:
    """The target ``target`` (an id of :data:`TARGETS`, or a target); InputError if unknown."""
    if isinstance(target, Target):
        return target
    if target not in TARGETS:
        raise InputError("goal.unknown_target", value=target, allowed=", ".join(TARGETS))
    return TARGETS[target]


def _shortfall(target: Target, value: float, goal: float) -> float:
    """How far ``value`` is from meeting ``goal`` (≤ 0: met)."""
    return value - goal if target.lower else goal - value


class _Search:
    """Runs of the chain with some levers moved, each computed once."""

    def __init__(self, chain: ChainRun, target: Target):
        self.chain, self.target = chain, target
        self.cache: dict[tuple[tuple[str, float], ...], float] = {}

    def indicator(self, changes: dict[str, float]) -> float:
        key = tuple(sorted(changes.items()))
        if key not in self.cache:
            self.cache[key] = self.target.indicator(Outcomes(self.run(changes), self.target.models))
        return self.cache[key]

    def scenario(self, changes: dict[str, float]) -> Scenario:
        if not changes:
            return self.chain.scenario
        return self.chain.scenario.with_values(dict[str, object](changes))

    def run(self, changes: dict[str, float]) -> ChainRun:
        if not changes:
            return self.chain
        return variant_chains(self.chain, [self.scenario(changes)])[0]


def solve(
    chain: ChainRun,
    target: str | Target,
    levers: Sequence[str],
    goal: float | None = None,
) -> Solution:
    """The level of ``levers`` (dotted keys, moved together) at which ``chain``'s scenario meets
    ``target`` (an id of :data:`TARGETS`); ``goal`` replaces the target's value (its unit).
    """
    target = target_of(target)
    if not levers:
        raise InputError("goal.no_lever")
    if target.year > chain.scenario.horizon:
        raise InputError(
            "goal.horizon", target=target.id, year=target.year, horizon=chain.scenario.horizon
        )
    ranges = tuple(bounds(key) for key in dict.fromkeys(levers))
    search = _Search(chain, target)
    outcomes = Outcomes(chain, target.models)
    start_value = target.indicator(outcomes)
    given = goal is not None
    goal = target.reference(outcomes) if goal is None else float(goal)
    search.cache[()] = start_value
    settings = chain.scenario.assumptions()
    start = {b.key: as_number(settings[b.key]) for b in ranges}

    def answer(status: str, changes: dict[str, float], fraction: float) -> Solution:
        return Solution(
            target,
            goal,
            status,
            ranges,
            start,
            changes,
            start_value,
            search.indicator(changes),
            fraction,
            search.scenario(changes),
            len(search.cache),
            given,
        )

    if _shortfall(target, start_value, goal) <= 0.0:
        return answer("met", {}, 0.0)
    ends = {b.key: _helping_end(search, b, start[b.key], start_value) for b in ranges}
    moving = {key: end for key, end in ends.items() if end is not None}
    if not moving:
        return answer("no_effect", {}, 0.0)

    def levels(fraction: float) -> dict[str, float]:
        return {k: start[k] + fraction * (end - start[k]) for k, end in moving.items()}

    def shortfall(fraction: float) -> float:
        return _shortfall(target, search.indicator(_on_grid(ranges, levels(fraction), start)), goal)

    if shortfall(1.0) > 0.0:
        return answer("unreachable", _on_grid(ranges, levels(1.0), start), 1.0)
    from scipy.optimize import brentq  # here: scipy stays off the dashboards' start path

    fraction = brentq(
        lambda f: _shortfall(target, search.indicator(levels(f)), goal), 0.0, 1.0, xtol=XTOL
    )
    return answer("solved", _on_grid(ranges, levels(fraction), start), fraction)


def _helping_end(search: _Search, b: Bounds, start: float, start_value: float) -> float | None:
    """The end of ``b``'s allowed range that brings the indicator nearer the target, or
    ``None`` if neither end moves it.
    """
    best, found = None, 0.0
    for end in b.allowed:
        if end == start:
            continue
        change = search.indicator({b.key: end}) - start_value
        gain = -change if search.target.lower else change
        if gain > found:
            best, found = end, gain
    return best


def _on_grid(
    ranges: tuple[Bounds, ...], levels: dict[str, float], start: dict[str, float]
) -> dict[str, float]:
    """``levels`` on each lever's slider grid, rounded away from the scenario's value (the
    side that helps), inside its allowed range.
    """
    placed = {}
    for b in ranges:
        if b.key not in levels:
            continue
        low, high = b.allowed
        step = b.step or (1.0 if b.integer else (high - low) / 100.0)
        steps = (levels[b.key] - low) / step
        up = levels[b.key] >= start[b.key]
        rounded = math.ceil(steps - 1e-9) if up else math.floor(steps + 1e-9)
        value = float(np.clip(low + rounded * step, low, high))
        placed[b.key] = int(round(value)) if b.integer else round(value, step_decimals(step))
    return placed
