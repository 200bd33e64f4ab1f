"""Mortality tables: observed national death quotients and the INSEE 2021 projection.

Both tables come from R data files (read with :mod:`pyreadr`) that hold INSEE death quotients
in two age conventions. Only the *current age (approx)* version is kept: its quotients are
probabilities of dying between exact ages x and x+1, the convention a standard life table and
the cohort-component engine expect. The other version (*age at end of year*, i.e. by age
reached during the year, as in INSEE's annual tables 69) overstates life expectancy at birth
by about half a year when read as exact-age quotients.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .readers import read_rda

#: Age convention kept from the derived files (exact-age quotients).
CURRENT_AGE = "current age (approx)"

#: Area labels of the derived observed series -> Prospectif area codes.
AREA_CODES = {"france": "FR", "metropolitan france": "FR-METRO"}

#: Sex labels of the derived files -> Prospectif sex codes (the 'all' rows are dropped).
SEX_CODES = {"female": "F", "male": "M"}

OBSERVED_FILE = "mortality/FRInseeMortalityrates_t69.rda"
FORECAST_FILE = "mortality/FRInseeMortalityForecast2021.rda"

#: Years kept from the INSEE 2021 projection (the derived file runs from 1962 to 2120).
FORECAST_YEARS = (2021, 2100)


def exact_age_quotients(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep the exact-age ('current age (approx)') quotients of women and men.

    Parameters
    ----------
    frame
        A derived INSEE quotient table with columns ``def.age``, ``sex``, ``year``, ``age``
        and ``qx`` (probability of dying within the year of age, fraction).

    Returns
    -------
    pandas.DataFrame
        The selected rows, with ``sex`` recoded to 'F'/'M' and ``year``/``age`` as int64.
    """
    keep = (frame["def.age"].astype(str) == CURRENT_AGE) & frame["sex"].astype(str).isin(SEX_CODES)
    out = frame.loc[keep].copy()
    out["sex"] = out["sex"].astype(str).map(SEX_CODES).astype(str)
    out["year"] = out["year"].astype("int64")
    out["age"] = out["age"].astype("int64")
    out["qx"] = out["qx"].astype("float64")
    return out


def check_quotients(frame: pd.DataFrame, groups: list[str], name: str) -> None:
    """Check quotients are complete, within [0, 1] and on a gap-free age and year grid.

    Parameters
    ----------
    frame
        Columns ``groups`` + ``year``, ``age`` and ``qx`` (fraction).
    groups
        Columns identifying a series (e.g. ``['area', 'sex']``).
    name
        Table name for error messages.

    Raises
    ------
    DataError
        On a missing or out-of-range quotient, or a gap in ages or years.
    """
    qx = frame["qx"]
    if qx.isna().any() or ((qx < 0) | (qx > 1)).any():
        raise DataError("build.quotients", name=name)
    ages = frame.groupby([*groups, "year"])["age"].agg(["min", "max", "size"])
    if ((ages["max"] - ages["min"] + 1) != ages["size"]).any() or ages["min"].ne(0).any():
        raise DataError("build.ages_range", name=name)
    years = frame.groupby(groups)["year"].agg(["min", "max", "nunique"])
    if ((years["max"] - years["min"] + 1) != years["nunique"]).any():
        raise DataError("build.years_gap", name=name)


def build_mortality_observed(raw: Path) -> pd.DataFrame:
    """Observed annual death quotients by exact age, France and metropolitan France.

    Parameters
    ----------
    raw
        The raw open-data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``area`` ('FR' from 1994, 'FR-METRO' from 1946), ``year``, ``sex`` ('F'/'M'),
        ``age`` (0-100, in completed years) and ``qx`` (probability of dying between exact
        ages x and x+1, fraction), sorted by (area, year, sex, age).
    """
    frame = exact_age_quotients(read_rda(Path(raw) / OBSERVED_FILE))
    unknown = set(frame["geo"].astype(str)) - set(AREA_CODES)
    if unknown:
        raise DataError("build.unknown_areas", file=OBSERVED_FILE, areas=sorted(unknown))
    frame["area"] = frame["geo"].astype(str).map(AREA_CODES).astype(str)
    out = frame[["area", "year", "sex", "age", "qx"]]
    check_quotients(out, ["area", "sex"], "mortality_observed")
    return out.sort_values(["area", "year", "sex", "age"], kind="stable").reset_index(drop=True)


def build_mortality_forecast_insee2021(raw: Path) -> pd.DataFrame:
    """Death quotients of the INSEE 2021 projection, central mortality hypothesis.

    Parameters
    ----------
    raw
        The raw open-data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (2021-2100), ``sex`` ('F'/'M'), ``age`` (0-120) and ``qx``
        (probability of dying between exact ages x and x+1, fraction), sorted by
        (year, sex, age).
    """
    frame = exact_age_quotients(read_rda(Path(raw) / FORECAST_FILE))
    first, last = FORECAST_YEARS
    frame = frame.loc[frame["year"].between(first, last)]
    if not (frame["type.obs"].astype(str) == "forecasted").all():
        raise DataError("build.observed_in_projection", file=FORECAST_FILE)
    out = frame[["year", "sex", "age", "qx"]]
    check_quotients(out, ["sex"], "mortality_forecast_insee2021")
    if out["year"].min() != first or out["year"].max() != last:
        raise DataError("build.projection_span", file=FORECAST_FILE, first=first, last=last)
    return out.sort_values(["year", "sex", "age"], kind="stable").reset_index(drop=True)


_QX = Column(
    "qx",
    "fraction",
    "Death quotient: probability of dying between exact ages x and x+1",
)
_SEX = Column("sex", "", "Sex: 'F' women, 'M' men")

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="mortality_observed",
        description=(
            "Observed annual death quotients by sex and single year of exact age for France "
            "and metropolitan France."
        ),
        columns=(
            Column(
                "area",
                "",
                "Area: 'FR' France including the overseas départements (Mayotte from 2014), "
                "'FR-METRO' metropolitan France",
            ),
            Column("year", "year", "Calendar year of observation (2023-2025 provisional)"),
            _SEX,
            Column("age", "years", "Exact age x at the start of the interval [x, x+1), 0-100"),
            _QX,
        ),
        key=("area", "year", "sex", "age"),
        sources=(
            Source(
                file=OBSERVED_FILE,
                publisher="INSEE",
                title=(
                    "Tables de mortalité abrégées (tableau 69), quotients de mortalité annuels "
                    "1946-2025, with a conversion to exact-age ('current age') quotients"
                ),
                vintage="2026 release: data to 2025, 2023-2025 provisional",
                derived=True,
            ),
        ),
        build=build_mortality_observed,
        notes=(
            "INSEE's annual tables 69 give quotients by age reached during the year; read as "
            "exact-age quotients they overstate life expectancy at birth by about 0.45 years. "
            "The derived file also holds a 'current age (approx)' conversion, which is kept: "
            "a standard life table built from it (a0 = 0.1, deaths at mid-year elsewhere, "
            "constant hazard beyond age 100) reproduces INSEE's published annual e0 (tables "
            "69 'espérance de vie') within 0.05 years from 1950 and within 0.11 years in "
            "1946-1949. INSEE's official triennial tables 68 (fe_t68/fm_t68) are exact-age "
            "but three-year averages rounded to whole units per 100,000 and end in 2019, so "
            "they are not used. 'FR' starts in 1994, 'FR-METRO' in 1946. Age 100 is the "
            "quotient between 100 and 101, not an open group: closing the table needs an "
            "extrapolation beyond 100. Quotients at 90+ are noisy in early years (not "
            "always increasing with age)."
        ),
    ),
    TableSpec(
        name="mortality_forecast_insee2021",
        description=(
            "Projected death quotients by sex and single year of exact age, central mortality "
            "hypothesis of the INSEE 2021 population projection, 2021-2100."
        ),
        columns=(
            Column("year", "year", "Projection year"),
            _SEX,
            Column("age", "years", "Exact age x at the start of the interval [x, x+1), 0-120"),
            _QX,
        ),
        key=("year", "sex", "age"),
        sources=(
            Source(
                file=FORECAST_FILE,
                publisher="INSEE",
                title=(
                    "Projections de population 2021-2070, hypothèse centrale de mortalité: "
                    "quotients de mortalité par sexe et âge (extended to 2120)"
                ),
                vintage="2021",
                derived=True,
            ),
        ),
        build=build_mortality_forecast_insee2021,
        notes=(
            "Exact-age ('current age (approx)') quotients of the derived file, projected years "
            "2021-2100 only: its observed years 1962-2020 are left to mortality_observed. "
            "Implied life expectancy at birth in 2070 is 90.0 years for women and 87.5 for "
            "men, the INSEE central hypothesis. INSEE published the projection to 2070; the "
            "years 2071-2100 come from the derived file's extension of the trend. In 2021, the "
            "first projected year, quotients above age 100 are irregular (men: 0.38 at 103, "
            "0.27 at 105); from 2022 they rise steadily with age up to 120. Age 120 is not an "
            "open group (q120 is about 0.4 to 0.5): close the table beyond it."
        ),
    ),
)
