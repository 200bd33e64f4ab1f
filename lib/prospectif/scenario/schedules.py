"""A demographer's own schedules: the scenario key naming them and the reading of their files.

A scenario may replace the demography section by yearly schedules of one territory (France, a
département, an EPCI…), one file each, CSV (UTF-8, ``;`` or ``,`` separated, decimal comma
accepted with ``;``) or Excel (``.xlsx``, first sheet), one row per cell (the layout is in
``docs/methodology/demography.md``, section « Calendriers importés »):

- ``population``: ``year, sex, age, population``: persons on 1 January of one base year, ages
  0…105 (105 = 105 and over);
- ``fertility``: ``year, age, rate``: births per woman in the year by age of the mother in
  completed years, ages 10…60 (ages not given are 0);
- ``mortality``: ``year, sex, age, quotient``: death quotients, either at exact age (``exact``:
  probability of dying between exact ages x and x+1, ages 0 to at least 99, extended to 120
  along a Gompertz line) or by age reached in the year (``reached``: probability that a person
  reaching age x during the year dies that year, ages 0 to at least 106, the last age open);
- ``migration``: ``year, sex, age, net_migration``: net migrants of the year (persons) by age
  reached in the year (age on 31 December), 0…105.

Sexes are ``F`` and ``M`` (``H`` is read as ``M``). The schedules must start at or before the
base year; beyond their last year the last one is held. Every problem of every file is reported
at once, naming the file, the row, the column, the value and the allowed range.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import Field

from ..errors import InputFileError, ScenarioError
from ..fileio import read_user_file
from ..messages import Message
from ..models.axes import BASE_YEAR, LIFE_TABLE_LAST_AGE, OPEN_AGE, SEXES
from .fields import Section

TERRITORY_PATTERN = r"^(FR|FR-METRO|REG-\d{2}|DEP-(\d{2,3}|2A|2B)|EPCI-\d{9}|COM-[\dAB]{5})$"
MAX_SCHEDULE_BYTES = 20 * 2**20
FIRST_BASE_YEAR = 1990
"""Earliest base year accepted (the embedded estimates start in 1975; 1990 keeps the DOM)."""
EXACT_MIN_AGE = 99
"""Exact-age quotients must reach this age (the Gompertz extension fits ages 85–99)."""
REACHED_MIN_AGE = OPEN_AGE + 1
"""Quotients by age reached must reach 106: the open group 105+ on 1 January reaches 106+."""


class Schedules(Section):
    """A demographer's own yearly schedules of one territory, replacing the demography section.

    Relative file names are read from the scenario file's folder.
    """

    territory: str = Field(pattern=TERRITORY_PATTERN)
    """Code of the territory the schedules describe (e.g. ``FR``, ``DEP-71``, ``EPCI-…``);
    running the scenario on another territory is refused."""

    population: str = Field(min_length=1, max_length=1000)
    """File of the base population by sex and single age (persons, one base year)."""

    fertility: str = Field(min_length=1, max_length=1000)
    """File of the fertility rates by year and age of the mother (births per woman)."""

    mortality: str = Field(min_length=1, max_length=1000)
    """File of the death quotients by year, sex and age (fraction)."""

    mortality_ages: Literal["exact", "reached"]
    """Age convention of the quotients: ``exact`` (between exact ages x and x+1) or
    ``reached`` (age reached during the year)."""

    migration: str = Field(min_length=1, max_length=1000)
    """File of the net migration by year, sex and age reached in the year (persons)."""

    def identity(self) -> dict[str, str]:
        """The key as it enters the scenario hash: file names without their folders."""
        names = {key: Path(getattr(self, key)).name for key in SCHEDULE_FILES}
        return {"territory": self.territory, "mortality_ages": self.mortality_ages, **names}


@dataclass(frozen=True)
class Column:
    """A column of a schedule file: its name, French alias, allowed range and whether whole."""

    name: str
    alias: str
    low: float
    high: float
    whole: bool = False


YEAR = Column("year", "annee", FIRST_BASE_YEAR, 2200, True)
SEX = Column("sex", "sexe", 0, 0)


def _age(last: int) -> Column:
    return Column("age", "age", 0, last, True)


LAYOUTS: dict[str, tuple[Column, ...]] = {
    "population": (YEAR, SEX, _age(OPEN_AGE), Column("population", "population", 0, 1e8)),
    "fertility": (YEAR, Column("age", "age", 10, 60, True), Column("rate", "taux", 0, 1)),
    "mortality": (YEAR, SEX, _age(LIFE_TABLE_LAST_AGE), Column("quotient", "quotient", 0, 1)),
    "migration": (YEAR, SEX, _age(OPEN_AGE), Column("net_migration", "solde", -1e6, 1e6)),
}
"""Columns of each schedule file, in order: keys, then the value."""

SCHEDULE_FILES = tuple(LAYOUTS)
"""Keys of ``schedules:`` naming files: ``population``, ``fertility``, ``mortality``,
``migration``."""

SEX_CODES = {"F": 0, "M": 1, "H": 1}
"""Sex codes accepted (``H``: hommes), to their position in ``SEXES``."""


@dataclass(frozen=True)
class ScheduleTables:
    """The schedules of one territory read from their files, as arrays.

    Attributes
    ----------
    territory
        Code of the territory they describe.
    base_year
        Year of the base population (1 January).
    population
        Base population (persons), shape (sex, age 0…105+).
    fertility_years, fertility
        Years and fertility rates (births per woman), shape (year, age 0…105).
    mortality_years, mortality
        Years and death quotients (fraction), shape (year, sex, age 0…last).
    mortality_ages
        ``exact`` or ``reached`` (see :class:`Schedules`).
    migration_years, migration
        Years and net migration (persons), shape (year, sex, age 0…105).
    digests
        SHA-256 of each file read, by component.
    """

    territory: str
    base_year: int
    population: np.ndarray
    fertility_years: np.ndarray
    fertility: np.ndarray
    mortality_years: np.ndarray
    mortality: np.ndarray
    mortality_ages: str
    migration_years: np.ndarray
    migration: np.ndarray
    digests: dict[str, str]


def read_schedules(spec: Schedules) -> ScheduleTables:
    """Read and check the four files of ``spec``.

    Raises
    ------
    ScenarioError
        Listing every problem of every file, one line each, naming the file, the row, the
        column, the value and the allowed range.
    """
    problems: list[Message] = []
    cubes: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    digests: dict[str, str] = {}
    for component in LAYOUTS:
        path = Path(getattr(spec, component))
        found = _read_component(path, component, spec.mortality_ages, problems)
        if found is not None:
            cubes[component], digests[component] = found
    base_year = _base_year(cubes, spec.population, problems)
    if base_year is not None:
        for component in ("fertility", "mortality", "migration"):
            years = cubes[component][0] if component in cubes else None
            if years is not None and len(years) and years[0] > base_year:
                problems.append(
                    _at(
                        getattr(spec, component),
                        Message("schedules.starts_late", {"first": years[0], "base": base_year}),
                    )
                )
    if problems:
        raise ScenarioError("lines", lines=problems)
    assert base_year is not None  # no problem: every component was read
    return ScheduleTables(
        spec.territory,
        base_year,
        cubes["population"][1][0],
        *cubes["fertility"],
        *cubes["mortality"],
        spec.mortality_ages,
        *cubes["migration"],
        digests,
    )


def _at(file: object, problem: Message) -> Message:
    return Message("at", {"source": str(file), "problem": problem})


def _base_year(cubes: dict, file: str, problems: list[Message]) -> int | None:
    """The base year of the population file (one year, at most :data:`BASE_YEAR`)."""
    if "population" not in cubes:
        return None
    years, population = cubes["population"]
    if len(years) != 1:
        listed = ", ".join(str(y) for y in years[:10])
        problems.append(_at(file, Message("schedules.one_year", {"years": listed})))
        return None
    year = int(years[0])
    if year > BASE_YEAR:
        allowed = Message("allowed.range", {"low": FIRST_BASE_YEAR, "high": BASE_YEAR, "unit": ""})
        problems.append(
            _at(file, Message("schedules.base_year", {"value": year, "allowed": allowed}))
        )
        return None
    if population.sum() <= 0:
        problems.append(_at(file, Message("schedules.nobody", {})))
        return None
    return year


def _read_component(
    path: Path, component: str, convention: str, problems: list[Message]
) -> tuple[tuple[np.ndarray, np.ndarray], str] | None:
    """Years and cube of one file and its SHA-256, or None after adding its problems."""
    try:
        raw = read_user_file(path, MAX_SCHEDULE_BYTES)
    except InputFileError as exc:
        problems.append(exc.message)
        return None
    table = _parse(path, raw, problems)
    if table is None:
        return None
    layout = LAYOUTS[component]
    columns = _columns(table, layout)
    if isinstance(columns, Message):
        problems.append(_at(path, columns))
        return None
    before = len(problems)
    values = [
        _values(path, table[c], spec, problems) for c, spec in zip(columns, layout, strict=True)
    ]
    if len(problems) > before:
        return None
    cube = _cube(path, component, convention, values, problems)
    if cube is None:
        return None
    return cube, hashlib.sha256(raw).hexdigest()


def _parse(path: Path, raw: bytes, problems: list[Message]):
    """The file as a table of text cells (CSV or Excel), or None after adding the problem."""
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            table = pd.read_excel(io.BytesIO(raw), sheet_name=0, dtype=str, engine="openpyxl")
        elif suffix == ".csv":
            text = raw.decode("utf-8-sig")
            header = text.split("\n", 1)[0]
            separator = ";" if header.count(";") >= header.count(",") else ","
            table = pd.read_csv(io.StringIO(text), sep=separator, dtype=str)
        else:
            problems.append(_at(path, Message("schedules.format", {"suffix": suffix or "-"})))
            return None
    except UnicodeDecodeError:
        problems.append(Message("file.not_utf8", {"file": str(path)}))
        return None
    except Exception as exc:  # noqa: BLE001 - any parser failure is the file's (zip, XML, CSV)
        reason = " ".join(str(exc).split())[:200]
        problems.append(_at(path, Message("schedules.unreadable", {"reason": reason})))
        return None
    if table.empty:
        problems.append(_at(path, Message("schedules.empty", {})))
        return None
    table.columns = [str(c).strip() for c in table.columns]
    return table


def _columns(table, layout: tuple[Column, ...]) -> list[str] | Message:
    """The file's column of each layout column (by name or French alias, any case)."""
    names = {c.lower().replace("é", "e").replace("â", "a"): c for c in table.columns}
    found = [names.get(c.name, names.get(c.alias)) for c in layout]
    missing = [c.name for c, f in zip(layout, found, strict=True) if f is None]
    if missing:
        return Message(
            "schedules.columns",
            {
                "missing": ", ".join(missing),
                "expected": ", ".join(c.name for c in layout),
                "found": ", ".join(table.columns[:8]),
            },
        )
    return [str(f) for f in found]


def _values(path: Path, cells, column: Column, problems: list[Message]) -> np.ndarray:
    """The numbers of one column (sex as positions), adding a problem for each bad cell."""
    import pandas as pd

    text = cells.fillna("").astype(str).str.strip()
    if column is SEX:
        codes = text.str.upper().map(SEX_CODES)
        bad = codes.isna()
        allowed = Message("allowed.values", {"allowed": "F, M (H = M)"})
        _report(path, column, text, bad, allowed, problems)
        return codes.fillna(0).to_numpy(dtype=int)
    numbers = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    values = numbers.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        not_number = ~np.isfinite(values)
        bad = not_number | (values < column.low) | (values > column.high)
        if column.whole:
            bad |= values != np.round(values)
    kind = "allowed.range" if not column.whole else "allowed.whole_range"
    allowed = Message(kind, {"low": f"{column.low:g}", "high": f"{column.high:g}", "unit": ""})
    _report(path, column, text, pd.Series(bad), allowed, problems)
    return values


MAX_CELL_PROBLEMS = 20
"""Bad cells listed per column (then how many more)."""


def _report(path, column: Column, text, bad, allowed: Message, problems: list[Message]) -> None:
    rows = np.flatnonzero(np.asarray(bad))
    for row in rows[:MAX_CELL_PROBLEMS]:
        params = {"row": int(row) + 2, "column": column.name, "value": text.iloc[row][:40]}
        problems.append(_at(path, Message("schedules.cell", {**params, "allowed": allowed})))
    if len(rows) > MAX_CELL_PROBLEMS:
        more = {"count": len(rows) - MAX_CELL_PROBLEMS, "column": column.name}
        problems.append(_at(path, Message("schedules.more_cells", more)))


def _cube(
    path: Path, component: str, convention: str, values: list[np.ndarray], problems: list[Message]
) -> tuple[np.ndarray, np.ndarray] | None:
    """Years and the dense array of a component, or None after adding its problems."""
    years_column, *keys, value = values
    years = years_column.astype(int)
    ages = keys[-1].astype(int)
    sexes = keys[0] if len(keys) == 2 else np.zeros(len(years), int)
    first, last = int(years.min()), int(years.max())
    present = np.unique(years)
    if len(present) != last - first + 1:
        missing = sorted(set(range(first, last + 1)) - set(present.tolist()))
        gap = {"missing": ", ".join(map(str, missing[:10])), "first": first, "last": last}
        problems.append(_at(path, Message("schedules.years_gap", gap)))
        return None
    top = _top_age(path, component, convention, int(ages.max()), problems)
    if top is None:
        return None
    n_sex = len(SEXES) if len(keys) == 2 else 1
    shape = (last - first + 1, n_sex, top + 1)
    flat = np.ravel_multi_index((years - first, sexes, ages), shape)
    order, first_seen = np.unique(flat, return_index=True)
    if len(order) < len(flat):
        row = int(np.setdiff1d(np.arange(len(flat)), first_seen)[0])
        earlier = int(np.flatnonzero(flat == flat[row])[0])
        params = {"row": row + 2, "first": earlier + 2}
        problems.append(_at(path, Message("schedules.duplicate", params)))
        return None
    cube = np.zeros(int(np.prod(shape)))
    cube[flat] = value
    if component != "fertility" and len(flat) < cube.size:
        _missing_cells(path, shape, flat, first, problems)
        return None
    cube = cube.reshape(shape)
    return np.arange(first, last + 1), cube[:, 0] if component == "fertility" else cube


def _top_age(path: Path, component: str, convention: str, top: int, problems) -> int | None:
    """The last age of a component's array: OPEN_AGE, or the mortality table's own last age."""
    if component != "mortality":
        return OPEN_AGE
    needed = EXACT_MIN_AGE if convention == "exact" else REACHED_MIN_AGE
    if top < needed:
        params = {"last": top, "needed": needed, "convention": convention}
        problems.append(_at(path, Message("schedules.ages_short", params)))
        return None
    return top


def _missing_cells(path: Path, shape: tuple, flat: np.ndarray, first: int, problems) -> None:
    absent = np.setdiff1d(np.arange(int(np.prod(shape))), flat)
    year, sex, age = np.unravel_index(absent[:5], shape)
    sex_names = [SEXES[s] if shape[1] > 1 else "" for s in sex]
    examples = ", ".join(
        f"({first + y}, {s}, {a})" if s else f"({first + y}, {a})"
        for y, s, a in zip(year, sex_names, age, strict=True)
    )
    params = {"count": len(absent), "examples": examples, "last": shape[2] - 1}
    problems.append(_at(path, Message("schedules.missing_cells", params)))
