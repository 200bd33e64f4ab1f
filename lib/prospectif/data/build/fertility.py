"""Fertility tables from the Human Fertility Database (HFD) series for France.

The HFD text files have a two-line preamble (the series title, then ``Last modified:
dd/mm/yyyy``), a header line and whitespace-separated columns. Age-specific files use the open
ages ``12-`` (12 and under) and ``55+`` (55 and over). The HFD series for France cover
*metropolitan* France (the overseas départements are excluded).

Each builder checks that the file's title and 'last modified' date match the declared
:class:`~prospectif.data.spec.Source`, so the catalogue never cites a vintage other than the
one built.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ...errors import DataError
from ..spec import LICENCE_HFD, Column, Source, TableSpec

HFD_PUBLISHER = (
    "Human Fertility Database, Max Planck Institute for Demographic Research and "
    "Vienna Institute of Demography"
)
HFD_VINTAGE = "2024-10-18"

#: Youngest and oldest (open) ages of the age-specific series.
FIRST_AGE, LAST_AGE = 12, 55


def _hfd_source(name: str, title: str) -> Source:
    return Source(
        file=f"fertility/{name}",
        publisher=HFD_PUBLISHER,
        title=title,
        vintage=HFD_VINTAGE,
        licence=LICENCE_HFD,
    )


ASFR_SOURCE = _hfd_source(
    "FRATNPasfrRR.txt",
    "France, Period fertility rates by calendar year and age (Lexis squares, age in completed "
    "years (ACY))",
)
BIRTHS_SOURCE = _hfd_source(
    "FRATNPbirthsRR.txt",
    "France, Live births by calendar year and age (Lexis squares, age in completed years (ACY))",
)
TFR_SOURCE = _hfd_source(
    "FRATNPtfrRR.txt",
    "France, Period total fertility rates and period total fertility rates by age 40",
)
MAB_SOURCE = _hfd_source(
    "FRATNPmabRR.txt",
    "France, Period mean ages at birth and period mean ages at birth by age 40",
)


@dataclass(frozen=True)
class HfdSeries:
    """One HFD text file: its title, its 'last modified' date (ISO) and its data."""

    title: str
    last_modified: str
    data: pd.DataFrame


def parse_last_modified(line: str) -> str:
    """ISO date of an HFD ``Last modified: dd/mm/yyyy`` line.

    Raises
    ------
    DataError
        If the line is not of that form.
    """
    label, _, value = line.partition(":")
    if label.strip().lower() != "last modified":
        raise DataError("build.hfd_modified_line", line=line)
    try:
        return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        raise DataError("build.hfd_date", line=line) from None


def read_hfd(path: Path) -> HfdSeries:
    """Read an HFD text file (two-line preamble, header, whitespace-separated columns).

    All data columns are read as text; see :func:`hfd_ages` and :func:`hfd_values`.
    """
    if not path.is_file():
        raise DataError("build.raw_missing", file=path)
    with path.open(encoding="ascii") as handle:
        title = handle.readline().strip()
        last_modified = parse_last_modified(handle.readline())
    data = pd.read_csv(path, sep=r"\s+", skiprows=2, dtype=str, encoding="ascii")
    return HfdSeries(title=title, last_modified=last_modified, data=data)


def read_source(raw: Path, source: Source) -> pd.DataFrame:
    """Read the HFD file of ``source`` and check its title and vintage against it.

    Raises
    ------
    DataError
        If the file's title or 'last modified' date differ from the declared source.
    """
    series = read_hfd(Path(raw) / source.file)
    if series.title != source.title:
        raise DataError(
            "build.hfd_title", file=source.file, title=series.title, declared=source.title
        )
    if series.last_modified != source.vintage:
        raise DataError(
            "build.hfd_vintage",
            file=source.file,
            modified=series.last_modified,
            vintage=source.vintage,
        )
    return series.data


def hfd_ages(labels: pd.Series) -> pd.Series:
    """Integer ages from HFD age labels, the open ages ``12-`` and ``55+`` becoming 12 and 55."""
    ages = pd.to_numeric(labels.str.rstrip("+-"), errors="coerce")
    if ages.isna().any():
        raise DataError("build.hfd_ages", ages=sorted(set(labels[ages.isna()])))
    return ages.astype("int64")


def hfd_values(values: pd.Series, name: str) -> pd.Series:
    """Float values of an HFD column; HFD marks missing values with '.', which is refused."""
    out = pd.to_numeric(values, errors="coerce")
    if out.isna().any():
        raise DataError("build.hfd_column", name=name)
    return out.astype("float64")


def check_year_age_grid(frame: pd.DataFrame, name: str) -> None:
    """Check every year has ages 12-55 exactly once and years have no gap.

    Raises
    ------
    DataError
        If the (year, age) grid is incomplete or duplicated.
    """
    years = frame["year"]
    n_years = years.max() - years.min() + 1
    expected = n_years * (LAST_AGE - FIRST_AGE + 1)
    ok = (
        years.nunique() == n_years
        and len(frame) == expected
        and not frame.duplicated(["year", "age"]).any()
        and frame["age"].between(FIRST_AGE, LAST_AGE).all()
    )
    if not ok:
        raise DataError("build.grid", name=name)


def age_specific(raw: Path, source: Source, column: str, name: str) -> pd.DataFrame:
    """Read an HFD age-specific series as columns ``year``, ``age`` and ``name``.

    Parameters
    ----------
    raw
        The raw open-data folder.
    source
        The declared source (its title and vintage are checked).
    column
        The HFD value column (e.g. ``ASFR``, ``Total``).
    name
        The output value column (float, non-negative).
    """
    data = read_source(raw, source)
    out = pd.DataFrame(
        {
            "year": pd.to_numeric(data["Year"]).astype("int64"),
            "age": hfd_ages(data["Age"]),
            name: hfd_values(data[column], column),
        }
    )
    if (out[name] < 0).any():
        raise DataError("build.negative", file=source.file, column=column)
    check_year_age_grid(out, name)
    return out.sort_values(["year", "age"], kind="stable").reset_index(drop=True)


def yearly(raw: Path, source: Source, column: str, name: str) -> pd.DataFrame:
    """Read an HFD yearly series as a column ``name`` (float) indexed by ``year``.

    Parameters
    ----------
    raw
        The raw open-data folder.
    source
        The declared source (its title and vintage are checked).
    column
        The HFD value column (e.g. ``TFR``, ``MAB``).
    name
        The output value column.
    """
    data = read_source(raw, source)
    out = pd.DataFrame(
        {
            "year": pd.to_numeric(data["Year"]).astype("int64"),
            name: hfd_values(data[column], column),
        }
    )
    if out["year"].duplicated().any():
        raise DataError("build.duplicated_years", file=source.file)
    return out.set_index("year").sort_index()


def build_fertility_asfr(raw: Path) -> pd.DataFrame:
    """Period age-specific fertility rates, metropolitan France, 1946 onwards.

    Parameters
    ----------
    raw
        The raw open-data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``age`` (12-55; 12 means 12 and under, 55 means 55 and over) and
        ``asfr`` (births per woman per year), sorted by (year, age).
    """
    return age_specific(raw, ASFR_SOURCE, "ASFR", "asfr")


def build_births_by_mother_age(raw: Path) -> pd.DataFrame:
    """Live births by age of the mother, metropolitan France, 1946 onwards.

    Parameters
    ----------
    raw
        The raw open-data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``age`` (12-55, open at both ends) and ``births`` (live births per
        year; a few values at ages 54-55 are fractional), sorted by (year, age).
    """
    return age_specific(raw, BIRTHS_SOURCE, "Total", "births")


def build_fertility_summary(raw: Path) -> pd.DataFrame:
    """Period total fertility rate and mean age at birth, metropolitan France, 1946 onwards.

    Parameters
    ----------
    raw
        The raw open-data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``tfr`` (children per woman) and ``mab`` (years), sorted by year.

    Raises
    ------
    DataError
        If the two files do not cover the same years, without gap.
    """
    tfr = yearly(raw, TFR_SOURCE, "TFR", "tfr")
    mab = yearly(raw, MAB_SOURCE, "MAB", "mab")
    if not tfr.index.equals(mab.index):
        raise DataError("build.hfd_years")
    years = tfr.index
    if len(years) != years.max() - years.min() + 1:
        raise DataError("build.hfd_gap")
    return tfr.join(mab).reset_index()[["year", "tfr", "mab"]]


_YEAR = Column("year", "year", "Calendar year")
_AGE = Column(
    "age",
    "years",
    "Age of the mother in completed years at birth; 12 means 12 and under, 55 means 55 and over",
)
_HFD_NOTES = (
    "Human Fertility Database series for France, which cover metropolitan France only "
    "(overseas départements excluded): scale them before applying them to France including the "
    "DOM, whose fertility is higher. Period rates on Lexis squares, age in completed years. "
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="fertility_asfr",
        description=(
            "Period age-specific fertility rates by single year of age of the mother, "
            "metropolitan France, from 1946."
        ),
        columns=(
            _YEAR,
            _AGE,
            Column(
                "asfr",
                "births per woman",
                "Live births in the year per woman-year of exposure at that age",
            ),
        ),
        key=("year", "age"),
        sources=(ASFR_SOURCE,),
        build=build_fertility_asfr,
        notes=_HFD_NOTES
        + (
            "The open ages '12-' and '55+' are stored as 12 and 55. Rates are rounded to 5 "
            "decimals by the HFD; their sum over ages matches the published TFR within 0.001."
        ),
    ),
    TableSpec(
        name="fertility_summary",
        description=(
            "Period total fertility rate and mean age of the mother at birth, metropolitan "
            "France, from 1946."
        ),
        columns=(
            _YEAR,
            Column("tfr", "children per woman", "Period total fertility rate (sum of the ASFR)"),
            Column("mab", "years", "Period mean age of the mother at birth (ASFR-weighted)"),
        ),
        key=("year",),
        sources=(TFR_SOURCE, MAB_SOURCE),
        build=build_fertility_summary,
        notes=_HFD_NOTES
        + (
            "The HFD also publishes the indicators truncated at age 40 (TFR40, MAB40), not "
            "kept. 2022: TFR 1.758 and mean age at birth 31.08 years (metropolitan France; "
            "INSEE's figures for France including the DOM are slightly higher)."
        ),
    ),
    TableSpec(
        name="births_by_mother_age",
        description=(
            "Live births by single year of age of the mother, metropolitan France, from 1946."
        ),
        columns=(
            _YEAR,
            _AGE,
            Column("births", "births", "Live births in the year to mothers of that age"),
        ),
        key=("year", "age"),
        sources=(BIRTHS_SOURCE,),
        build=build_births_by_mother_age,
        notes=_HFD_NOTES
        + (
            "Counts are whole numbers except a few values at ages 54 and 55+ from 2012, where "
            "the HFD split births between the two ages (fractional counts). Yearly totals are "
            "the live births of metropolitan France (e.g. 802,224 in 2010)."
        ),
    ),
)
