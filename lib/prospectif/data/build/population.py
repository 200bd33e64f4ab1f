"""Population tables: département estimates by single age, national pyramids, INSEE projection.

The INSEE département estimates exist only by five-year age group (open group 95+, or 90+ for
the overseas départements in 1990-1998; read in :mod:`.estimates`). They are split into single
years of age 0-105+ with the national single-age structure of the same year and sex, in
integers that add up exactly to every published cell (largest-remainder rounding). The national
pyramids (:mod:`.pyramids`) stop at an open group 99+; it is spread over ages 99-105+ with
cohort survivorship ratios (see :func:`.pyramids.open_age_shares`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .estimates import ESTIMATES_FILE, read_department_estimates
from .pyramids import (
    MAX_AGE,
    PYRAMID_FR_FILE,
    PYRAMID_METRO_FILE,
    PYRAMID_OPEN_AGE,
    PYRAMID_RDA_FILE,
    SEXES,
    as_counts,
    build_population_national,
    read_pyramid_csv,
    read_pyramid_rda,
    split_integer,
)
from .readers import read_rda

PROJECTION_FILE = "projection/donnees_pyramide_proj_2022.csv"
PROJECTION_RDA_FILE = "projection/FRInseePopulationForecast2021.rda"

#: Years kept from the INSEE 2021 projection.
PROJECTION_YEARS = (2021, 2100)


# --------------------------------------------------------------------------------------------
# population_departement
# --------------------------------------------------------------------------------------------


def dom_pyramids(raw: Path, national: pd.DataFrame) -> pd.DataFrame:
    """Single-age structure of the overseas départements taken together (France - metro).

    Parameters
    ----------
    raw
        The raw data folder.
    national
        The ``population_national`` table (for the shares of ages 99-105+ within 99+).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex``, ``age`` (0-105) and ``weight`` (persons, float), for the
        years and sexes where France and metropolitan France both exist at every age.

    Notes
    -----
    The difference is taken within one vintage: the two official CSVs where both have the
    year and the difference is non-negative at every age, else the two series of the derived
    file (the CSVs are of different vintages from 2019 on). Ages 99-105+ get the France
    shares within 99+.
    """
    raw = Path(raw)
    keys = ["year", "sex", "age"]
    official = read_pyramid_csv(raw / PYRAMID_FR_FILE).merge(
        read_pyramid_csv(raw / PYRAMID_METRO_FILE), on=keys, suffixes=("_fr", "_metro")
    )
    derived = read_pyramid_rda(raw / PYRAMID_RDA_FILE)
    derived = (
        derived.loc[derived["area"] == "FR"]
        .drop(columns="area")
        .merge(
            derived.loc[derived["area"] == "FR-METRO"].drop(columns="area"),
            on=keys,
            suffixes=("_fr", "_metro"),
        )
    )
    parts = []
    for frame in (official, derived):
        diff = frame[keys].assign(weight=frame["population_fr"] - frame["population_metro"])
        parts.append(diff)
    ok = parts[0].groupby("year")["weight"].min().loc[lambda s: s >= 0].index
    dom = pd.concat(
        [parts[0].loc[parts[0]["year"].isin(ok)], parts[1].loc[~parts[1]["year"].isin(ok)]],
        ignore_index=True,
    )
    complete = dom.groupby(["year", "sex"])["age"].transform("size") == PYRAMID_OPEN_AGE + 1
    dom = dom.loc[complete]
    if (dom["weight"] < 0).any():
        raise DataError("build.dom_negative")
    fr = national.loc[national["area"] == "FR"]
    top_fr = fr.loc[fr["age"] >= PYRAMID_OPEN_AGE]
    top_share = top_fr["population"] / top_fr.groupby(["year", "sex"])["population"].transform(
        "sum"
    )
    top_fr = top_fr[keys].assign(share=top_share.to_numpy())
    top = (
        dom.loc[dom["age"] == PYRAMID_OPEN_AGE]
        .drop(columns="age")
        .merge(top_fr, on=["year", "sex"])
    )
    top["weight"] = top["weight"] * top["share"]
    out = pd.concat(
        [dom.loc[dom["age"] < PYRAMID_OPEN_AGE], top[keys + ["weight"]]], ignore_index=True
    )
    return out.sort_values(keys, kind="stable").reset_index(drop=True)


def department_structures(raw: Path, national: pd.DataFrame, years: np.ndarray) -> pd.DataFrame:
    """Single-age weights used to split the département groups, per structure and year.

    Returns
    -------
    pandas.DataFrame
        Columns ``structure`` ('metro' or 'dom'), ``year``, ``sex``, ``age`` (0-105) and
        ``weight`` (persons, float). 'metro' is the metropolitan pyramid of the same year;
        'dom' is :func:`dom_pyramids` of the same year and sex, or of the nearest year (the
        earlier one on a tie) where it is absent: 1990 takes 1991, women 2022 take 2021.
    """
    metro = national.loc[national["area"] == "FR-METRO", ["year", "sex", "age", "population"]]
    metro = metro.rename(columns={"population": "weight"}).assign(structure="metro")
    dom = dom_pyramids(raw, national)
    have = dom[["year", "sex"]].drop_duplicates()
    wanted = pd.MultiIndex.from_product([years, SEXES], names=["year", "sex"]).to_frame(False)
    wanted["donor"] = 0
    for sex in SEXES:
        donors = np.sort(have.loc[have["sex"] == sex, "year"].to_numpy())
        rows = wanted["sex"] == sex
        gap = np.abs(wanted.loc[rows, "year"].to_numpy()[:, None] - donors[None, :])
        wanted.loc[rows, "donor"] = donors[gap.argmin(axis=1)]
    dom = wanted.merge(dom.rename(columns={"year": "donor"}), on=["donor", "sex"])
    out = pd.concat([metro, dom.drop(columns="donor").assign(structure="dom")], ignore_index=True)
    return out.loc[out["year"].isin(years), ["structure", "year", "sex", "age", "weight"]]


def split_age_groups(groups: pd.DataFrame, structures: pd.DataFrame) -> pd.DataFrame:
    """Split five-year (and open) age groups into single ages with exact integer totals.

    Parameters
    ----------
    groups
        Columns ``dep``, ``year``, ``sex``, ``age_lo``, ``age_hi`` and ``population``
        (persons), one row per group.
    structures
        :func:`department_structures` output: single-age weights by structure, year and sex.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``sex``, ``age`` and ``population`` (persons, int64): each
        group spread over its ages in proportion to the weights of the département's structure
        (the DOM for codes 97x, metropolitan France otherwise), by
        :func:`split_integer`.
    """
    groups = groups.reset_index(drop=True)
    width = (groups["age_hi"] - groups["age_lo"] + 1).to_numpy()
    segment = np.repeat(np.arange(len(groups)), width)
    start = np.repeat(np.cumsum(width) - width, width)
    cells = groups.loc[segment, ["dep", "year", "sex"]].reset_index(drop=True)
    cells["age"] = groups["age_lo"].to_numpy()[segment] + np.arange(len(segment)) - start
    cells["structure"] = np.where(cells["dep"].str.startswith("97"), "dom", "metro")
    weights = cells.merge(structures, on=["structure", "year", "sex", "age"], how="left")
    if weights["weight"].isna().any():
        missing = weights.loc[weights["weight"].isna(), ["structure", "year", "sex"]]
        raise DataError("build.no_structure", rows=missing.drop_duplicates().head())
    cells["population"] = split_integer(
        groups["population"].to_numpy(), weights["weight"].to_numpy(), segment
    )
    return cells[["dep", "year", "sex", "age", "population"]]


def build_population_departement(raw: Path) -> pd.DataFrame:
    """Build ``population_departement``: population by département, sex and single age.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``sex``, ``age`` (0-105, 105 = 105+) and ``population``
        (persons, int64), sorted by the key.
    """
    groups = read_department_estimates(raw)
    national = build_population_national(raw)
    structures = department_structures(raw, national, np.sort(groups["year"].unique()))
    out = split_age_groups(groups, structures)
    return out.sort_values(["dep", "year", "sex", "age"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# projection_insee2021
# --------------------------------------------------------------------------------------------


def read_projection_rda(path: Path) -> pd.DataFrame:
    """Read the derived INSEE 2021 projection (central scenario, France, ages 0-105+).

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex`` ('F'/'M'), ``age`` (0-105) and ``population`` (persons,
        int64), observed base years included; the both-sexes rows are dropped.
    """
    data = read_rda(path)
    if set(data["geo"].astype(str)) != {"france"}:
        raise DataError("build.france_only", file=path.name)
    sex = data["sex"].astype(str).map({"female": "F", "male": "M"})
    keep = sex.notna().to_numpy()
    return pd.DataFrame(
        {
            "year": data["year"].to_numpy()[keep].astype("int64"),
            "sex": sex[keep].astype(str).to_numpy(),
            "age": data["age0101"].to_numpy()[keep].astype("int64"),
            "population": as_counts(data["popx0101"].to_numpy()[keep], path.name),
        }
    )


def build_projection_insee2021(raw: Path) -> pd.DataFrame:
    """Build ``projection_insee2021``: INSEE 2021 central projection by sex and single age.

    Parameters
    ----------
    raw
        The raw data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year`` (2021-2100), ``sex``, ``age`` (0-105, 105 = 105+) and ``population``
        (persons on 1 January, int64), sorted by the key. The official CSV gives ages 0-98 and
        the 99+ totals for 2022-2070, split over 99-105+ with the derived file's ages; the
        derived file gives the other years.
    """
    raw = Path(raw)
    official = read_pyramid_csv(raw / PROJECTION_FILE)
    derived = read_projection_rda(raw / PROJECTION_RDA_FILE)
    derived = derived.loc[derived["year"].between(*PROJECTION_YEARS)]
    in_csv = derived["year"].isin(official["year"])
    young = official.loc[official["age"] < PYRAMID_OPEN_AGE]
    top = official.loc[official["age"] == PYRAMID_OPEN_AGE].reset_index(drop=True)
    cells = (
        top[["year", "sex"]]
        .reset_index(names="segment")
        .merge(derived.loc[in_csv & (derived["age"] >= PYRAMID_OPEN_AGE)], on=["year", "sex"])
    )
    cells = cells.sort_values(["segment", "age"], kind="stable")
    if cells.groupby("segment").size().reindex(top.index).ne(MAX_AGE - PYRAMID_OPEN_AGE + 1).any():
        raise DataError("build.official_ages", file=PROJECTION_RDA_FILE)
    cells["population"] = split_integer(
        top["population"].to_numpy(), cells["population"].to_numpy(), cells["segment"].to_numpy()
    )
    keys = ["year", "sex", "age", "population"]
    out = pd.concat([young[keys], cells[keys], derived.loc[~in_csv, keys]], ignore_index=True)
    out = out.loc[out["year"].between(*PROJECTION_YEARS)]
    out["population"] = out["population"].astype("int64")
    return out.sort_values(["year", "sex", "age"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Specifications
# --------------------------------------------------------------------------------------------

_INSEE = "INSEE"
_SEX = Column("sex", "", "sex: 'F' women, 'M' men")
_AGE = Column("age", "years", "age reached on 1 January (completed years), 105 = 105 and over")
_YEAR = Column("year", "year", "year (population on 1 January)")

SOURCE_ESTIMATES = Source(
    file=ESTIMATES_FILE,
    publisher=_INSEE,
    title="Estimations de population au 1er janvier, par département, sexe et âge quinquennal",
    vintage="1975-2025, updated 20 December 2024 (2025 provisional)",
)
SOURCE_PYRAMID_FR = Source(
    file=PYRAMID_FR_FILE,
    publisher=_INSEE,
    title="Pyramide des âges, France, population au 1er janvier par sexe et âge (1991-2022)",
    vintage="2022",
)
SOURCE_PYRAMID_METRO = Source(
    file=PYRAMID_METRO_FILE,
    publisher=_INSEE,
    title="Pyramide des âges, France métropolitaine, population au 1er janvier (1901-2021)",
    vintage="2021",
)
SOURCE_PYRAMID_RDA = Source(
    file=PYRAMID_RDA_FILE,
    publisher=_INSEE,
    title="Population au 1er janvier par sexe et âge, France et France métropolitaine, "
    "1901-2026 (reshaped from the INSEE pyramids)",
    vintage="January 2026 revision",
    derived=True,
)
SOURCE_PROJECTION = Source(
    file=PROJECTION_FILE,
    publisher=_INSEE,
    title="Projections de population 2021-2070, scénario central, France, par sexe et âge",
    vintage="2021 projections (published 2022)",
)
SOURCE_PROJECTION_RDA = Source(
    file=PROJECTION_RDA_FILE,
    publisher=_INSEE,
    title="Projections de population 2021, scénario central, France, par sexe et âge 0-105, "
    "extended to 2121 (reshaped from the INSEE projection)",
    vintage="2021 projections",
    derived=True,
)

_OPEN_AGE_NOTE = (
    "The national open group 99+ is spread over ages 99-105+ by cohort survivorship: the "
    "people aged 99+k in year t are the survivors of the cohort aged 98 in year t-1-k. "
    "One-year survival ratios P(x+1,u)/P(x,u-1) are measured at ages 89-97, pooled over the "
    "5 years u around t; their death probabilities are fitted as a logistic curve of age "
    "(slope forced non-negative), extrapolated and capped at 0.5 (old-age plateau); the "
    "105+ weight sums the cohorts to age 119; where the cohort's size at 98 is unknown the "
    "current one is used. The 99+ totals are kept exactly (largest-remainder rounding). "
    "Against INSEE's own ages 99-105 (derived projection file, 2000-2021) the shares within "
    "99+ are off by 1 (women) to 2 (men) percentage points on average."
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="population_departement",
        description=(
            "Population on 1 January by département, sex and single year of age (0-105+), "
            "1975-2025, split from the INSEE five-year estimates."
        ),
        columns=(
            Column(
                "dep",
                "",
                "INSEE département code ('01'-'95', '2A', '2B', '971'-'976'); the DOM from "
                "1990, Mayotte (976) from 2014",
            ),
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "population on 1 January"),
        ),
        key=("dep", "year", "sex", "age"),
        sources=(
            SOURCE_ESTIMATES,
            SOURCE_PYRAMID_METRO,
            SOURCE_PYRAMID_FR,
            SOURCE_PYRAMID_RDA,
        ),
        build=build_population_departement,
        notes=(
            "Each INSEE cell (département x year x sex x five-year group) is split into single "
            "ages in proportion to a national single-age structure of the same year and sex, "
            "in integers that add up exactly to the cell (largest-remainder rounding, ties to "
            "the younger age). Structure: the metropolitan pyramid (population_national, "
            "FR-METRO) for metropolitan départements; for the DOM, France minus metropolitan "
            "France taken within one vintage (both official CSVs where they agree, 1991-2018; "
            "the derived file otherwise; the nearest year where absent: 1990 uses 1991, women "
            "2022 use 2021, a row missing from the derived file). The open groups (95+, or 90+ for "
            "the DOM in 1990-1998) are spread over ages up to 105+ with the same structure, "
            "whose ages 99-105+ come from the survivorship extension of population_national ("
            "France shares for the DOM). Consistency checks on the source: groups add up to "
            "the totals, men + women = both sexes, départements add up to the aggregate rows."
        ),
    ),
    TableSpec(
        name="population_national",
        description=(
            "Population on 1 January by sex and single year of age (0-105+), France and "
            "metropolitan France."
        ),
        columns=(
            Column("area", "", "'FR' = France including the DOM, 'FR-METRO' = metropolitan France"),
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "population on 1 January"),
        ),
        key=("area", "year", "sex", "age"),
        sources=(SOURCE_PYRAMID_FR, SOURCE_PYRAMID_METRO, SOURCE_PYRAMID_RDA),
        build=build_population_national,
        notes=(
            "Ages 0-98 and the 99+ totals: FR 1991-2022 from donnees_pyramide_act_2022.csv and "
            "2023-2026 from FRInseePopulation.rda; FR-METRO 1901-2021 from "
            "donnees_pyramide_act_fm.csv and 2022-2026 from the .rda. 1915-1919 have no "
            "estimates (zeros in the sources) and are absent. The .rda holds the January 2026 "
            "revision and the CSVs older vintages, so the series break where the source "
            "changes (FR 2022: 67.81 M from the CSV; 2023: 68.40 M from the .rda). "
            + _OPEN_AGE_NOTE
        ),
    ),
    TableSpec(
        name="projection_insee2021",
        description=(
            "INSEE 2021 population projection, central scenario, France including the DOM, "
            "by sex and single year of age (0-105+) on 1 January, 2021-2100."
        ),
        columns=(
            _YEAR,
            _SEX,
            _AGE,
            Column("population", "persons", "projected population on 1 January"),
        ),
        key=("year", "sex", "age"),
        sources=(SOURCE_PROJECTION, SOURCE_PROJECTION_RDA),
        build=build_projection_insee2021,
        notes=(
            "2022-2070: the official CSV for ages 0-98 and the 99+ totals; the 99+ totals are "
            "split over 99-105+ with the derived file's single ages (which add up to the "
            "official totals exactly). 2021 (the projection's observed base population, "
            "67.41 M) and 2071-2100 come from the derived file (ages 0-105+). Counts are whole "
            "numbers in both sources and are stored as int64. Totals: 2030 = 68.55 M, 2050 = "
            "69.21 M, 2070 = 68.10 M."
        ),
    ),
)
