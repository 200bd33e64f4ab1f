"""Schedules of a run, in the layout a demographer's own schedules are imported from.

:func:`schedule_frames` turns a territory's projected stocks and flows into the four tables of
:mod:`prospectif.scenario.schedules` (base population, fertility rates, death quotients by age
reached in the year, net migration); :func:`write_schedules` writes them with a scenario file
naming them, so that running that scenario file reproduces the run (its stocks and flows to
rounding, whatever the run: one département, several, or EPCI raked to their département).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ResultsError
from ..fileio import atomic_write_text
from ..models.axes import SEXES
from ..scenario import Scenario, save_scenario

FILES = {
    "population": "population.csv",
    "fertility": "fertility.csv",
    "mortality": "mortality.csv",
    "migration": "migration.csv",
}
"""File name of each component in an exported folder."""
FERTILE_RANGE = (10, 60)
"""Ages of the mother written to the fertility file (the import's allowed range)."""


def _ratio(part: np.ndarray, whole: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    return np.divide(part, whole, out=np.broadcast_to(fallback, part.shape).copy(), where=whole > 0)


def schedule_frames(
    years: np.ndarray,
    population: np.ndarray,
    births: np.ndarray,
    deaths: np.ndarray,
    infant_deaths: np.ndarray,
    migration: np.ndarray,
    births_by_age: np.ndarray,
    survival: np.ndarray,
    birth_survival: np.ndarray,
) -> dict[str, pd.DataFrame]:
    """The four schedule tables of a territory's projection.

    Parameters
    ----------
    years
        Stock years (1 January), base year to horizon.
    population
        Persons on 1 January, (year, sex, age 0…105+).
    births, infant_deaths
        Births of the year and deaths of those born that year (persons), (year−1, sex).
    deaths, migration
        Deaths by age on 1 January and net migration by age at the end of the year (persons),
        (year−1, sex, age).
    births_by_age
        Births of the year by age of the mother (persons), (year−1, age).
    survival, birth_survival
        The model's survival ratios, (year−1, sex, age) and (year−1, sex), used for the
        quotients of cells nobody is in.

    Returns
    -------
    dict
        ``population``, ``fertility``, ``mortality`` (convention ``reached``: the quotient of
        age x + 1 is the share of those aged x on 1 January who die in the year, that of age 0
        the share of the year's births; age 106 is the open group 105+) and ``migration``.
    """
    flows = years[:-1]
    stock = population[:-1]
    women = 0.5 * (stock[:, 0] + population[1:, 0])
    rates = _ratio(births_by_age, women, np.zeros(1))
    applied = (rates * women).sum(-1)
    rates *= _ratio(births.sum(-1), applied, np.ones(1))[:, None]  # totals exact after raking
    quotients = np.concatenate(
        [
            _ratio(infant_deaths, births, 1.0 - birth_survival)[..., None],
            _ratio(deaths, stock, 1.0 - survival),
        ],
        axis=-1,
    )
    first, last = FERTILE_RANGE
    return {
        "population": schedule_rows(population[:1], years[:1], "population"),
        "fertility": schedule_rows(
            rates[:, None, first : last + 1], flows, "rate", first, sexes=False
        ),
        "mortality": schedule_rows(quotients, flows, "quotient"),
        "migration": schedule_rows(migration, flows, "net_migration"),
    }


def schedule_rows(
    cube: np.ndarray, years: np.ndarray, value: str, first_age: int = 0, sexes: bool = True
) -> pd.DataFrame:
    """A (year, sex, age) cube as the rows of a schedule file: ``year, sex, age, value``
    (ages from ``first_age``; no sex column if not ``sexes``).
    """
    n_year, n_sex, n_age = cube.shape
    frame = pd.DataFrame(
        {
            "year": np.repeat(years.astype(int), n_sex * n_age),
            "sex": np.tile(np.repeat(np.array(SEXES[:n_sex]), n_age), n_year),
            "age": np.tile(np.arange(first_age, first_age + n_age), n_year * n_sex),
            value: cube.reshape(-1),
        }
    )
    return frame if sexes else frame.drop(columns="sex")


def write_schedules(
    frames: dict[str, pd.DataFrame],
    scenario: Scenario,
    territory: str,
    folder: Path,
    mortality_ages: str = "reached",
) -> Path:
    """Write the schedule tables as CSV files in ``folder``, and ``<scenario id>.yaml``: the
    scenario with ``schedules:`` naming them (quotients in the ``mortality_ages`` convention);
    returns the scenario file's path.

    Values are written with every digit (Python's shortest exact form), so the files read
    back to the same numbers.

    Raises
    ------
    ResultsError
        If the folder cannot be written.
    """
    folder = Path(folder)
    spec = {"territory": territory, "mortality_ages": mortality_ages, **FILES}
    try:
        for component, name in FILES.items():
            atomic_write_text(folder / name, frames[component].to_csv(index=False))
    except OSError as exc:
        raise ResultsError("cannot_write", file=folder, reason=exc.strerror or exc) from None
    return save_scenario(scenario.with_values({"schedules": spec}), folder / f"{scenario.id}.yaml")
