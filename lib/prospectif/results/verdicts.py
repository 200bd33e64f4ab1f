"""Verdicts: is each target the product knows met, by how much, and from which year.

A verdict compares a result variable with its target in a milestone year: the SNBC trajectory
in 2030 and 2050, the final-energy target of the energy code in 2030 and 2050, the scenario's
renewable-coverage target in its year, and, in 2050, the care-home places needed against
today's places and the care workforce needed against the base year's (the gap is what has to be
built or recruited). Pure functions of a results table (one run); :func:`chain_verdicts` takes
the coverage target from a :class:`~prospectif.pipeline.ChainRun`'s scenario.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import ResultsError
from ..i18n import format_number
from ..messages import Message, checked_language, language, message
from .registry import VARIABLES

if TYPE_CHECKING:
    from ..pipeline import ChainRun

MILESTONES = (2030, 2050)
"""Years of the SNBC and final-energy milestones (Code de l'énergie, art. L100-4)."""
NEEDS_YEAR = 2050
"""Year the places and the care workforce needed are compared with today's."""


@dataclass(frozen=True)
class Goal:
    """A target to check: ``variable`` against ``target`` in ``year``.

    ``target`` is a variable of the table read in ``year`` (or in the table's first year when
    ``from_base``), or a number (``target_value``) in the variable's unit. ``lower`` says the
    target is a ceiling (value ≤ target); otherwise it is a floor. The message ids name the
    indicator, the target and the source (:mod:`prospectif.messages`).
    """

    variable: str
    year: int
    name: str
    target_name: str
    source: Message
    target: str = ""
    target_value: float = math.nan
    from_base: bool = False
    lower: bool = True


@dataclass(frozen=True)
class Verdict:
    """Whether a target is met.

    Attributes
    ----------
    indicator, year, unit
        Result variable, year checked, its unit (registry unit, e.g. ``ktCO2e/yr``).
    value, target
        Value and target in ``year`` (``unit``).
    gap, gap_pct
        ``value − target`` (``unit``) and as % of the target (``nan`` when the target is 0).
    met
        Whether the target is met in ``year`` (ceiling: value ≤ target; floor: value ≥ target).
    reached_year
        First year from which the value meets the target of ``year`` until the end of the
        projection (``None`` if it never does); ``last_year`` is that end.
    name, target_name, source
        Message ids of the indicator and the target, and the source as a message.
    """

    indicator: str
    year: int
    value: float
    target: float
    gap: float
    gap_pct: float
    met: bool
    reached_year: int | None
    last_year: int
    unit: str
    name: str
    target_name: str
    source: Message


def goals(coverage_target: float, coverage_year: int) -> list[Goal]:
    """Every target the product knows; renewable coverage at ``coverage_target`` (%) in
    ``coverage_year``.
    """
    emissions = Message("verdict.source.emissions")
    energy = Message("verdict.source.energy")
    return [
        *(
            Goal(
                "Emissions|Inventory",
                y,
                "verdict.emissions",
                "verdict.target.snbc",
                emissions,
                target="Target|Emissions|Inventory",
            )
            for y in MILESTONES
        ),
        *(
            Goal(
                "Final Energy",
                y,
                "verdict.energy",
                "verdict.target.energy",
                energy,
                target="Target|Final Energy",
            )
            for y in MILESTONES
        ),
        Goal(
            "Renewable Coverage",
            coverage_year,
            "verdict.coverage",
            "verdict.target.scenario",
            Message("verdict.source.coverage"),
            target_value=coverage_target,
            lower=False,
        ),
        Goal(
            "Autonomy|Places Needed",
            NEEDS_YEAR,
            "verdict.places",
            "verdict.target.places",
            Message("verdict.source.places"),
            target="Autonomy|Places|Today",
        ),
        Goal(
            "Autonomy|Care Workforce",
            NEEDS_YEAR,
            "verdict.workforce",
            "verdict.target.workforce",
            Message("verdict.source.workforce"),
            target="Autonomy|Care Workforce",
            from_base=True,
        ),
    ]


def _path(table: pd.DataFrame, variable: str) -> pd.Series:
    """Values of ``variable`` by year (its unit), or ResultsError if it is not in the table."""
    rows = table[table["variable"] == variable]
    if rows.empty:
        raise ResultsError("verdict.missing", variable=variable)
    return rows.set_index("year")["value"].sort_index()


def meets(value: float, target: float, lower: bool) -> bool:
    """Whether ``value`` meets a ceiling (``lower``) or a floor ``target``."""
    return value <= target if lower else value >= target


def reached_year(path: pd.Series, target: float, lower: bool) -> int | None:
    """First year from which ``path`` meets ``target`` every year to its end, or ``None``."""
    met = np.array([meets(v, target, lower) for v in path.to_numpy()])
    if not met[-1]:
        return None
    misses = np.flatnonzero(~met)
    return int(path.index[misses[-1] + 1 if misses.size else 0])


def verdict(table: pd.DataFrame, goal: Goal) -> Verdict:
    """The verdict of ``goal`` on a results table of one run."""
    path = _path(table, goal.variable)
    if goal.year not in path.index:
        raise ResultsError("verdict.year", variable=goal.variable, year=goal.year)
    if goal.target:
        targets = _path(table, goal.target)
        target = float(targets.iloc[0] if goal.from_base else targets[goal.year])
    else:
        target = goal.target_value
    value = float(path[goal.year])
    gap = value - target
    return Verdict(
        indicator=goal.variable,
        year=goal.year,
        value=value,
        target=target,
        gap=gap,
        gap_pct=100.0 * gap / target if target else math.nan,
        met=meets(value, target, goal.lower),
        reached_year=reached_year(path, target, goal.lower),
        last_year=int(path.index[-1]),
        unit=VARIABLES[goal.variable].unit,
        name=goal.name,
        target_name=goal.target_name,
        source=goal.source,
    )


def verdicts(table: pd.DataFrame, coverage_target: float, coverage_year: int) -> list[Verdict]:
    """The verdict of every goal whose year is projected in ``table`` (one run)."""
    last = int(table["year"].max())
    chosen = [g for g in goals(coverage_target, coverage_year) if g.year <= last]
    read = {g.variable for g in chosen} | {g.target for g in chosen if g.target}
    rows = table[table["variable"].isin(read)]  # scanned once, not once per goal
    return [verdict(rows, g) for g in chosen]


def chain_verdicts(run: ChainRun, table: pd.DataFrame | None = None) -> list[Verdict]:
    """The verdicts of a model chain, its coverage target from its scenario; ``table``
    (the run's results table) is computed when not given.
    """
    renewables = run.scenario.energy.renewables
    table = run.table() if table is None else table
    return verdicts(table, renewables.coverage_target, renewables.coverage_target_year)


UNITS = {
    "ktCO2e/yr": ("verdict.unit.kt", 0),
    "GWh/yr": ("verdict.unit.gwh", 0),
    "%": ("verdict.unit.percent", 1),
    "places": ("verdict.unit.places", 0),
    "FTE": ("verdict.unit.fte", 0),
}
"""Message id of the unit shown and decimals, by registry unit."""


def signed(value: float, decimals: int, lang: str) -> str:
    """``value`` with its sign (+, −), rounded to ``decimals``, in ``lang``."""
    shown = round(value, decimals) + 0.0  # no "−0"
    sign = "+" if shown > 0 else ""
    return sign + format_number(shown, decimals, lang).replace("-", "\u2212")


def _reached(v: Verdict, lang: str) -> str:
    if v.reached_year is None:
        return message("verdict.never", lang, year=v.last_year)
    if v.reached_year <= v.year:
        return message("verdict.reached", lang, year=v.reached_year)
    return message("verdict.reached_later", lang, year=v.reached_year)


def status(v: Verdict, lang: str | None = None) -> str:
    """The one word « atteint » / « manqué » (``met`` / ``missed``)."""
    return message("verdict.word.met" if v.met else "verdict.word.missed", lang)


def sentence(v: Verdict, lang: str | None = None) -> str:
    """The verdict in plain words (default: the current language), e.g. « Émissions 2050 :
    1 424 kt CO2e ; objectif SNBC : 560 kt CO2e ; écart +864 kt CO2e (+154 %) — objectif
    manqué (non atteint d'ici 2070) ».
    """
    lang = checked_language(lang) if lang else language()
    unit_id, decimals = UNITS[v.unit]
    unit = message(unit_id, lang)
    return message(
        "verdict.sentence",
        lang,
        indicator=Message(v.name),
        year=v.year,
        value=format_number(v.value, decimals, lang),
        unit=unit,
        target_name=Message(v.target_name),
        target=format_number(v.target, decimals, lang),
        gap=signed(v.gap, decimals, lang),
        gap_unit=message("verdict.unit.points", lang) if v.unit == "%" else unit,
        gap_pct=signed(v.gap_pct, 0, lang),
        status=Message("verdict.met" if v.met else "verdict.missed"),
        reached=_reached(v, lang),
    )
