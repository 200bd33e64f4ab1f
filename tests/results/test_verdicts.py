"""Verdicts: figures recomputed from the results table, and the edge cases on small tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from prospectif.errors import ResultsError
from prospectif.messages import Message
from prospectif.pipeline import run_chain
from prospectif.results.tidy import Series, long_table
from prospectif.results.verdicts import (
    Goal,
    chain_verdicts,
    reached_year,
    sentence,
    status,
    verdict,
    verdicts,
)
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

CASES = [(c, p) for c in ("DEP-71", "FR") for p in ("tendanciel", "sobriete")]


@pytest.fixture(scope="module", params=CASES, ids=["-".join(c) for c in CASES])
def case(request):
    code, preset = request.param
    run = run_chain(get_territory(code), load_preset(preset))
    table = run.table()
    return run, table, chain_verdicts(run, table)


def _value(table: pd.DataFrame, variable: str, year: int) -> float:
    rows = table[(table["variable"] == variable) & (table["year"] == year)]
    assert len(rows) == 1
    return float(rows["value"].iloc[0])


def _durable_year(table: pd.DataFrame, variable: str, target: float, lower: bool):
    """The first year after the last year the target is missed (independent loop)."""
    rows = table[table["variable"] == variable].sort_values("year")
    answer = None
    for year, value in zip(rows["year"], rows["value"], strict=True):
        ok = value <= target if lower else value >= target
        answer = (answer if answer is not None else int(year)) if ok else None
    return answer


def test_every_target_has_a_verdict(case):
    _, _, found = case
    assert [(v.indicator, v.year) for v in found] == [
        ("Emissions|Inventory", 2030),
        ("Emissions|Inventory", 2050),
        ("Final Energy", 2030),
        ("Final Energy", 2050),
        ("Renewable Coverage", 2030),
        ("Autonomy|Places Needed", 2050),
        ("Autonomy|Care Workforce", 2050),
    ]


def test_figures_equal_those_read_from_the_table(case):
    run, table, found = case
    base_year = int(table.loc[table["variable"] == "Autonomy|Care Workforce", "year"].min())
    targets = {
        "Emissions|Inventory": lambda y: _value(table, "Target|Emissions|Inventory", y),
        "Final Energy": lambda y: _value(table, "Target|Final Energy", y),
        "Renewable Coverage": lambda y: run.scenario.energy.renewables.coverage_target,
        "Autonomy|Places Needed": lambda y: _value(table, "Autonomy|Places|Today", y),
        "Autonomy|Care Workforce": lambda y: _value(table, "Autonomy|Care Workforce", base_year),
    }
    for v in found:
        value, target = _value(table, v.indicator, v.year), targets[v.indicator](v.year)
        lower = v.indicator != "Renewable Coverage"
        assert v.value == pytest.approx(value, rel=1e-12)
        assert v.target == pytest.approx(target, rel=1e-12)
        assert v.gap == pytest.approx(value - target, rel=1e-9)
        assert v.gap_pct == pytest.approx(100 * (value - target) / target, rel=1e-9)
        assert v.met == (value <= target if lower else value >= target)
        assert v.reached_year == _durable_year(table, v.indicator, target, lower)


def test_dep71_trend_sentences():
    run = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
    emissions_2050 = chain_verdicts(run)[1]
    # Heating follows the TRACC warming (the default climate pathway): less gas and oil burnt.
    assert sentence(emissions_2050) == (
        "Émissions 2050 : 3\u202f669 kt CO2e ; objectif SNBC : 1\u202f035 kt CO2e ; "
        "écart +2\u202f634 kt CO2e (+255 %) — objectif manqué (non atteint d'ici 2070)"
    )
    assert sentence(emissions_2050, "en") == (
        "Emissions 2050: 3,669 kt CO2e; SNBC target: 1,035 kt CO2e; "
        "gap +2,634 kt CO2e (+255%) — target missed (not met by 2070)"
    )
    assert status(emissions_2050) == "manqué"
    assert status(emissions_2050, "en") == "missed"


def _table(values: dict[str, list[float]], years=(2025, 2030, 2035, 2040)) -> pd.DataFrame:
    y = np.array(years)
    series = [Series(name, "x", y, np.array(v, dtype=float)) for name, v in values.items()]
    return long_table(series, "m", "s", "r")


def _goal(**kwargs) -> Goal:
    fields = {
        "variable": "Emissions|GHG",
        "year": 2030,
        "name": "verdict.emissions",
        "target_name": "verdict.target.snbc",
        "source": Message("verdict.source.emissions"),
        "target": "Target|Emissions|GHG",
    }
    return Goal(**{**fields, **kwargs})


@pytest.mark.parametrize(
    ("values", "met", "reached"),
    [
        ([8, 7, 6, 4], True, 2025),  # met every year
        ([12, 11, 9, 7], False, 2040),  # missed in 2030, reached later (8 in 2040 target)
        ([12, 11, 10, 9], False, None),  # never reached
        ([10, 8, 9, 7], True, 2040),  # met in 2030, lost in 2035, durable from 2040
        ([10, 8.0, 8.5, 8.0], True, 2040),  # equality meets the target
    ],
)
def test_met_missed_and_reached_year(values, met, reached):
    table = _table({"Emissions|GHG": values, "Target|Emissions|GHG": [10, 8, 8, 8]})
    v = verdict(table, _goal())
    assert (v.met, v.reached_year, v.last_year) == (met, reached, 2040)
    assert v.gap == values[1] - 8
    assert v.unit == "ktCO2e/yr"


def test_a_floor_target_from_a_number():
    table = _table({"Renewable Coverage": [10, 20, 30, 40]})
    goal = _goal(variable="Renewable Coverage", target="", target_value=33.0, lower=False)
    v = verdict(table, goal)
    assert (v.met, v.reached_year, v.gap) == (False, 2040, -13.0)
    assert sentence(v).startswith(
        "Émissions 2030 : 20,0 % ; objectif SNBC : 33,0 % ; écart −13,0 points"
    )


def test_a_target_from_the_base_year_and_a_zero_target():
    table = _table({"Autonomy|Care Workforce": [0, 5, 6, 7]})
    v = verdict(
        table,
        _goal(variable="Autonomy|Care Workforce", target="Autonomy|Care Workforce", from_base=True),
    )
    assert (v.target, v.gap, v.met, v.reached_year) == (0.0, 5.0, False, None)
    assert math.isnan(v.gap_pct)
    assert "(– %)" in sentence(v)


def test_reached_year_on_a_series():
    path = pd.Series([5.0, 3.0, 1.0], index=[2030, 2040, 2050])
    assert reached_year(path, 3.0, lower=True) == 2040
    assert reached_year(path, 0.0, lower=True) is None
    assert reached_year(path, 1.0, lower=False) == 2030


def test_goals_beyond_the_projection_are_left_out():
    names = [
        "Emissions|Inventory",
        "Target|Emissions|Inventory",
        "Final Energy",
        "Target|Final Energy",
        "Renewable Coverage",
        "Autonomy|Places Needed",
        "Autonomy|Places|Today",
        "Autonomy|Care Workforce",
    ]
    table = _table({name: [1, 1, 1, 1] for name in names})
    found = verdicts(table, 33.0, 2030)
    assert [(v.indicator, v.year) for v in found] == [
        ("Emissions|Inventory", 2030),
        ("Final Energy", 2030),
        ("Renewable Coverage", 2030),
    ]


def test_a_missing_variable_or_year_is_refused():
    table = _table({"Emissions|GHG": [1, 1, 1, 1]})
    with pytest.raises(ResultsError, match="la variable Target\\|Emissions\\|GHG manque"):
        verdict(table, _goal())
    with pytest.raises(ResultsError, match="n'est pas projetée en 2031"):
        verdict(table, _goal(year=2031))
