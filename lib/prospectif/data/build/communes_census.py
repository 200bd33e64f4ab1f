"""Local marginals by commune: census age groups, women, households, growth, births, deaths.

One table, ``communes_census``, one row per commune as published (no full age-by-sex pyramid by
commune exists offline; these marginals are what the local base structures are fitted to, see
:mod:`prospectif.calibration.local_structure`):

* the INSEE *comparateur de territoires* (June 2024, COG 2024) for every commune: census
  populations 2015 and 2021, households 2021, births and deaths 2022; Paris, Lyon and Marseille
  are summed from their arrondissements, communes déléguées are left out;
* the 2012 and 2018 censuses for communes of 2,000 inhabitants or more (questionr): total,
  ages 0–14, 15–29, 18–24, 75+, women and households (main residences); NaN elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .readers import read_rda

COMPARATEUR = "communes/comparateur-territoires-communes-2024.csv"
CENSUS_FILE = "communes/questionr-rp{year}.RData"
CENSUS_YEARS = (2012, 2018)
#: Comparateur column -> table column.
COMPARATEUR_COLUMNS = {
    "population_2015": "population_2015",
    "population_2021": "population_2021",
    "menages_2021": "households_2021",
    "naissances_2022": "births_2022",
    "deces_2022": "deaths_2022",
}
#: questionr column -> suffix of the table's census columns.
CENSUS_COLUMNS = {
    "pop_tot": "total",
    "pop_0_14": "age_0_14",
    "pop_15_29": "age_15_29",
    "pop_18_24": "age_18_24",
    "pop_75p": "age_75p",
    "pop_femmes": "women",
    "log_rp": "households",
}
#: Arrondissements of Paris, Lyon and Marseille (their commune is kept instead).
ARRONDISSEMENT = r"751\d\d|132\d\d|6938\d"
CODE = r"\d[\dAB]\d{3}"


def census_column(year: int, suffix: str) -> str:
    """Name of a census column of the table, e.g. ``rp2018_age_75p``."""
    return f"rp{year}_{suffix}"


def read_comparateur(raw: Path) -> pd.DataFrame:
    """Comparateur figures by commune (index ``code``), arrondissements summed to their commune.

    Raises
    ------
    DataError
        If a kept column is missing or a figure is not a non-negative number.
    """
    frame = pd.read_csv(raw / COMPARATEUR, dtype=str).drop_duplicates("insee_com")
    missing = [c for c in ("insee_dep", "commune_type", *COMPARATEUR_COLUMNS) if c not in frame]
    if missing:
        raise DataError("build.communes_columns", file=COMPARATEUR, columns=missing)
    frame = frame[frame["commune_type"].isin(["COM", "ARM"])]
    code = frame["insee_com"].where(frame["commune_type"] == "COM", frame["insee_parente"])
    values = frame[list(COMPARATEUR_COLUMNS)].apply(pd.to_numeric, errors="coerce")
    check_counts(values, COMPARATEUR)
    values = values.rename(columns=COMPARATEUR_COLUMNS).astype("float64")
    values.insert(0, "dep", frame["insee_dep"].to_numpy())
    return values.groupby(code.rename("code").to_numpy()).agg(
        {"dep": "first", **{c: "sum" for c in COMPARATEUR_COLUMNS.values()}}
    )


def read_census(raw: Path, year: int) -> pd.DataFrame:
    """Census marginals of one year by commune (index ``code``), arrondissements left out.

    Raises
    ------
    DataError
        If a kept column is missing or a count is not a non-negative number.
    """
    file = CENSUS_FILE.format(year=year)
    frame = read_rda(raw / file)
    missing = [c for c in ("code_insee", "code_departement", *CENSUS_COLUMNS) if c not in frame]
    if missing:
        raise DataError("build.communes_columns", file=file, columns=missing)
    frame = frame[~frame["code_insee"].str.fullmatch(ARRONDISSEMENT)]
    values = frame[list(CENSUS_COLUMNS)].astype("float64")
    check_counts(values, file)
    values.columns = [census_column(year, s) for s in CENSUS_COLUMNS.values()]
    values.insert(0, "dep", frame["code_departement"].to_numpy())
    return values.set_axis(pd.Index(frame["code_insee"].to_numpy(), name="code"))


def check_counts(values: pd.DataFrame, file: str) -> None:
    """Refuse missing, infinite or negative counts.

    Raises
    ------
    DataError
        Naming the file and the first bad column.
    """
    bad = values.isna() | ~np.isfinite(values) | (values < 0)
    if bad.any().any():
        raise DataError("build.communes_counts", file=file, column=bad.any().idxmax())


def build_communes_census(raw: Path) -> pd.DataFrame:
    """Local marginals by commune (columns :data:`COLUMNS`, key ``code``).

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        One row per commune of the comparateur or of a census; counts in persons or households
        (float64), NaN where the commune is absent from a source.

    Raises
    ------
    DataError
        If a commune code is malformed.
    """
    parts = [read_comparateur(raw), *(read_census(raw, y) for y in CENSUS_YEARS)]
    deps = pd.concat([p["dep"] for p in parts]).groupby(level=0).last()
    out = pd.concat([p.drop(columns="dep") for p in parts], axis=1)
    out.insert(0, "dep", deps.reindex(out.index))
    out = out.rename_axis("code").reset_index()
    bad = out.loc[~out["code"].str.fullmatch(CODE), "code"]
    if not bad.empty:
        raise DataError("build.communes_code", value=bad.iloc[0])
    return out.astype({"code": str, "dep": str})[COLUMNS].sort_values("code", kind="stable")


COLUMNS = [
    "code",
    "dep",
    *COMPARATEUR_COLUMNS.values(),
    *(census_column(y, s) for y in CENSUS_YEARS for s in CENSUS_COLUMNS.values()),
]

CENSUS_DESCRIPTIONS = {
    "total": ("persons", "population municipale"),
    "age_0_14": ("persons", "persons aged 0–14"),
    "age_15_29": ("persons", "persons aged 15–29"),
    "age_18_24": ("persons", "persons aged 18–24 (within 15–29)"),
    "age_75p": ("persons", "persons aged 75 and over"),
    "women": ("persons", "women, all ages"),
    "households": ("households", "main residences (= households)"),
}

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="communes_census",
        description="Local marginals by commune: census populations 2015 and 2021, households "
        "2021, births and deaths 2022 for every commune; 2012 and 2018 census age groups "
        "(0–14, 15–29, 18–24, 75+), women and households for communes of 2,000 inhabitants or "
        "more. No full age-by-sex pyramid by commune.",
        columns=(
            Column("code", "", "INSEE commune code as published by the source (COG of its year)"),
            Column("dep", "", "INSEE département code"),
            Column("population_2015", "persons", "census population municipale 2015"),
            Column("population_2021", "persons", "census population municipale 2021"),
            Column("households_2021", "households", "households (ménages) 2021"),
            Column("births_2022", "births", "live births of 2022 (état civil, by residence)"),
            Column("deaths_2022", "deaths", "deaths of 2022 (état civil, by residence)"),
            *(
                Column(
                    census_column(y, s),
                    unit,
                    f"{text}, census {y} (communes of 2,000 inhabitants or more; NaN elsewhere)",
                )
                for y in CENSUS_YEARS
                for s, (unit, text) in CENSUS_DESCRIPTIONS.items()
            ),
        ),
        key=("code",),
        sources=(
            Source(
                file=COMPARATEUR,
                publisher="INSEE",
                title="Base du comparateur de territoires (census 2015 and 2021, households "
                "2021, état civil 2022), reshaped by rcarlier/datas.fun (France/communes.csv)",
                vintage="June 2024 (COG 2024)",
                derived=True,
            ),
            *(
                Source(
                    file=CENSUS_FILE.format(year=y),
                    publisher="INSEE",
                    title=f"Recensement de la population {y}, communes de 2 000 habitants ou "
                    f"plus, as shipped in the R package questionr (data/rp{y}.RData)",
                    vintage=str(y),
                    derived=True,
                )
                for y in CENSUS_YEARS
            ),
        ),
        build=build_communes_census,
        notes=(
            "Communes as published: the comparateur in the 2024 geography (one row per commune; "
            "communes déléguées left out, the arrondissements of Paris, Lyon and Marseille "
            "summed to 75056, 69123 and 13055), the censuses in the geography of their year "
            "(5,170 communes in 2012, 5,417 in 2018, about 83 % of the population; "
            "arrondissements left out, their commune is published too). A few communes merged "
            "since then carry a code absent from the 2025 geography. Census counts are weighted "
            "estimates (not integers). Smaller communes have no census marginals: the "
            "département's remainder stands for them (docs/methodology/demography.md)."
        ),
    ),
)
