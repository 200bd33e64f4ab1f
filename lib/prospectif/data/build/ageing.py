"""Ageing and autonomy tables (DREES): APA beneficiaries, APA prevalence, EHPA residents.

Three tables are built from the raw ``ageing/`` folder:

* ``apa_departement`` -- APA beneficiaries by département and year (home / institution);
* ``apa_prevalence`` -- national APA prevalence by sex and five-year age group;
* ``institution_residents`` -- residents of institutions for the elderly (EHPA) by sex and age.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .readers import read_rda

ASDEP_RDA = "ageing/ASDEPslbenef.rda"
SERIES_XLSX = (
    "ageing/Les bénéficiaires de l'aide sociale départementale - séries longues (1996-2020).xlsx"
)
APA_RDA = "ageing/FRDreesAPA.rda"
EHPA_RDA = "ageing/FRDreesEHPA.rda"

#: Official sheets of the long series and the column of the table they fill.
SERIES_SHEETS = {"Tab4-pa": "beneficiaries", "Tab5-pa": "home", "Tab6-pa": "institution"}
#: Variables of the derived département file and the column they fill.
ASDEP_VARIABLES = {
    "NbBenefAPA": "beneficiaries",
    "NbBenefAPADomicile": "home",
    "NbBenefAPAEtab": "institution",
}
VALUE_COLUMNS = ["beneficiaries", "home", "institution"]

#: (département, year) cells where the derived file carries a later DREES revision that differs
#: from the official 2020 long series (Hauts-de-Seine, revised downwards); the official value is
#: kept, any *other* disagreement stops the build.
KNOWN_REVISIONS = frozenset({("92", 2018), ("92", 2019), ("92", 2020)})

#: Codes of the département rows: two digits, Corsica (2A, 2B, and 20 for the Collectivité de
#: Corse), the overseas départements, and the two halves of the Rhône (69D, 69M).
DEP_PATTERN = re.compile(r"^(\d{2}|2[AB]|97\d|69[DM])$")
#: Sub-areas of the Rhône from 2015 (département 69 = 69D + 69M is kept instead).
RHONE_PARTS = ("69D", "69M")
CORSICA_PARTS = ("2A", "2B")

#: Labels of the APA setting in FRDreesAPA (they change in 2018).
APA_SETTINGS = {
    "APA à domicile": "home",
    "apa_a_domicile": "home",
    "APA en établissement": "institution",
    "apa_en_etablissement": "institution",
    "APA domicile+établissement": "total",
}
#: First year in which FRDreesAPA gives prevalence in percent (a fraction before).
APA_PERCENT_FROM = 2019
#: (year, sex) blocks of FRDreesAPA whose institution value is not total - home in the source
#: (2018, both sexes: the institution column repeats the male values); rebuilt as total - home.
APA_INCONSISTENT = frozenset({(2018, "T")})
#: Sex labels of the derived DREES files -> Prospectif sex codes ('T' = both sexes).
SEX_CODES = {"female": "F", "male": "M", "all": "T"}
#: Upper bound used for open age groups (``95+`` -> ``age_max = 200``).
OPEN_AGE_MAX = 200
#: EHPA ages at or above this are aggregated into one open group.
EHPA_TOP_AGE = 105


def sex_codes(labels: pd.Series) -> pd.Series:
    """Recode the sex labels of the DREES files ('female', 'male', 'all') to 'F', 'M', 'T'.

    Raises
    ------
    DataError
        If a label is unknown.
    """
    codes = labels.astype(str).map(SEX_CODES)
    if codes.isna().any():
        raise DataError("build.sex_labels", labels=sorted(set(labels[codes.isna()].astype(str))))
    return codes.astype(str)


# --------------------------------------------------------------------------------------------
# apa_departement
# --------------------------------------------------------------------------------------------


def _year(label: object) -> int | None:
    """Return the year of a column header such as ``2002``, ``2002.0`` or ``'2007'`` (else None)."""
    text = str(label).strip()
    match = re.fullmatch(r"(\d{4})(\.0+)?", text)
    return int(match.group(1)) if match else None


def read_series_sheet(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    """Département rows of one sheet of the DREES long series, as a long table.

    Parameters
    ----------
    frame
        The sheet read without header (header on the sixth row, index 5).
    value
        Name of the value column of the result.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep`` (str), ``year`` (int), ``value`` (persons, float; NaN where blank).
        The "TOTAL estimé" footers and the regional table below are dropped.
    """
    header = frame.iloc[5]
    years = {col: _year(label) for col, label in header.items() if _year(label) is not None}
    if not years:
        raise DataError("build.no_year_column", header=list(header))
    body = frame.iloc[6:]
    dep = body[1].astype("string").str.strip()
    body = body[dep.str.fullmatch(DEP_PATTERN).fillna(False).astype(bool)]
    wide = body[list(years)].rename(columns=years)
    wide.insert(0, "dep", dep[body.index].astype(str))
    long = wide.melt(id_vars="dep", var_name="year", value_name=value)
    long[value] = pd.to_numeric(long[value], errors="coerce").astype("float64")
    long["year"] = long["year"].astype("int64")
    return long


def read_official_apa(raw: Path) -> pd.DataFrame:
    """APA beneficiaries from the official DREES long series 2002–2020 (sheets Tab4/5/6-pa).

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``beneficiaries``, ``home``, ``institution`` (persons).
    """
    sheets = pd.read_excel(
        raw / SERIES_XLSX, sheet_name=list(SERIES_SHEETS), header=None, engine="calamine"
    )
    parts = [
        read_series_sheet(sheets[s], col).set_index(["dep", "year"])
        for s, col in SERIES_SHEETS.items()
    ]
    return pd.concat(parts, axis=1).reset_index()[["dep", "year", *VALUE_COLUMNS]]


def read_derived_apa(raw: Path) -> pd.DataFrame:
    """APA beneficiaries by département from the derived DREES file (1997–2022).

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``beneficiaries``, ``home``, ``institution`` (persons).
    """
    asdep = read_rda(raw / ASDEP_RDA, "latin1")
    deps = asdep[asdep["TypeTerritoire"] == "Département"]
    out = deps[["Code.departement", "Annee", *ASDEP_VARIABLES]].rename(
        columns={"Code.departement": "dep", "Annee": "year", **ASDEP_VARIABLES}
    )
    out["dep"] = out["dep"].astype(str).str.strip()
    out["year"] = out["year"].astype("int64")
    return out.astype({c: "float64" for c in VALUE_COLUMNS})


def keep_departements(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep one row per real département and year, without double counting.

    Drops rows without any value, the Rhône halves 69D/69M (département 69 covers both) and
    the Collectivité de Corse (20) in the years where 2A and 2B are given separately.
    """
    frame = frame.dropna(subset=VALUE_COLUMNS, how="all")
    frame = frame[~frame["dep"].isin(RHONE_PARTS)]
    split = frame[frame["dep"].isin(CORSICA_PARTS)].groupby("year")["dep"].nunique()
    split_years = split.index[split == len(CORSICA_PARTS)]
    merged_corsica = (frame["dep"] == "20") & frame["year"].isin(split_years)
    return frame[~merged_corsica].reset_index(drop=True)


def check_agreement(official: pd.DataFrame, derived: pd.DataFrame) -> pd.DataFrame:
    """Rows where the official and derived series overlap but differ (beyond known revisions).

    Returns
    -------
    pandas.DataFrame
        The disagreeing rows with both values (``_official`` and ``_derived`` suffixes).

    Raises
    ------
    DataError
        If a disagreement is not listed in :data:`KNOWN_REVISIONS`.
    """
    both = official.merge(derived, on=["dep", "year"], suffixes=("_official", "_derived"))
    differs = np.zeros(len(both), dtype=bool)
    for col in VALUE_COLUMNS:
        a, b = both[f"{col}_official"], both[f"{col}_derived"]
        differs |= ~(np.isclose(a, b, rtol=0, atol=0.5) | (a.isna() & b.isna())).to_numpy()
    diff = both[differs]
    known = pd.Series(list(zip(diff["dep"], diff["year"], strict=True)), index=diff.index)
    unknown = diff[~known.isin(KNOWN_REVISIONS)]
    if len(unknown):
        raise DataError("build.apa_series", count=len(unknown), rows=unknown.head(5))
    return diff


def build_apa_departement(raw: Path) -> pd.DataFrame:
    """APA beneficiaries by département and year, as of 31 December (persons).

    Official DREES values (2002–2020) are preferred; the derived file fills 2021–2022.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``beneficiaries``, ``home``, ``institution``.
    """
    official = keep_departements(read_official_apa(raw))
    derived = keep_departements(read_derived_apa(raw))
    check_agreement(official, derived)
    extra = derived.merge(official[["dep", "year"]], how="left", indicator=True)
    extra = extra[extra.pop("_merge") == "left_only"]
    out = pd.concat([official, extra], ignore_index=True)
    out["dep"] = out["dep"].astype(str)
    return out.sort_values(["dep", "year"]).reset_index(drop=True)[["dep", "year", *VALUE_COLUMNS]]


# --------------------------------------------------------------------------------------------
# apa_prevalence
# --------------------------------------------------------------------------------------------


def parse_age_bracket(labels: pd.Series) -> pd.DataFrame:
    """Bounds of interval labels such as ``[60,65)`` or ``[95,Inf]`` (years of age).

    Returns
    -------
    pandas.DataFrame
        Columns ``age_min`` and ``age_max`` (int64, inclusive; ``age_max`` = 200 when open).
    """
    parts = labels.astype(str).str.extract(r"^\[(\d+),\s*(\d+|Inf)[\)\]]$")
    if parts.isna().any().any():
        bad = sorted(set(labels[parts.isna().any(axis=1)].astype(str)))
        raise DataError("build.apa_brackets", brackets=bad)
    upper = parts[1].where(parts[1] != "Inf", str(OPEN_AGE_MAX + 1)).astype("int64") - 1
    return pd.DataFrame({"age_min": parts[0].astype("int64"), "age_max": upper})


def repair_settings(wide: pd.DataFrame) -> pd.DataFrame:
    """Rebuild the institution prevalence where the source breaks home + institution = total.

    ``wide`` has one row per (year, sex, age group) and columns ``home``, ``institution`` and
    ``total`` (fractions). Rows in :data:`APA_INCONSISTENT` get ``institution = total - home``.

    Raises
    ------
    DataError
        If the identity fails anywhere else.
    """
    wide = wide.copy()
    block = pd.Series(list(zip(wide["year"], wide["sex"], strict=True)), index=wide.index)
    fix = block.isin(APA_INCONSISTENT)
    wide.loc[fix, "institution"] = wide.loc[fix, "total"] - wide.loc[fix, "home"]
    gap = (wide["home"] + wide["institution"] - wide["total"]).abs()
    if (gap > 1e-9).any():
        raise DataError("build.apa_settings_sum", rows=wide[gap > 1e-9].head(5))
    return wide


def build_apa_prevalence(raw: Path) -> pd.DataFrame:
    """National APA prevalence by year, sex, five-year age group and setting (fraction 0–1).

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex``, ``age_min``, ``age_max``, ``setting``, ``prevalence``.
    """
    apa = read_rda(raw / APA_RDA, "latin1")
    setting = apa["typepresta"].astype(str).map(APA_SETTINGS)
    if setting.isna().any():
        settings = sorted(set(apa["typepresta"][setting.isna()]))
        raise DataError("build.apa_settings", settings=settings)
    year = apa["year"].astype("int64")
    scale = np.where(year >= APA_PERCENT_FROM, 0.01, 1.0)
    frame = pd.concat(
        [
            pd.DataFrame({"year": year, "sex": sex_codes(apa["sex"]), "setting": setting}),
            parse_age_bracket(apa["agebracket"]),
            pd.DataFrame({"prevalence": apa["prevalence"].astype("float64") * scale}),
        ],
        axis=1,
    )
    if not (frame["age_min"] == apa["age"].astype("int64")).all():
        raise DataError("build.apa_age_column")
    keys = ["year", "sex", "age_min", "age_max"]
    wide = frame.pivot(index=keys, columns="setting", values="prevalence").reset_index()
    wide = repair_settings(wide)
    out = wide.melt(
        id_vars=keys,
        value_vars=["home", "institution", "total"],
        var_name="setting",
        value_name="prevalence",
    )
    if not out["prevalence"].between(0, 1).all():
        raise DataError("build.apa_range")
    out = out.astype({"setting": str, "prevalence": "float64"})
    return out.sort_values(["year", "sex", "age_min", "setting"]).reset_index(drop=True)[
        ["year", "sex", "age_min", "age_max", "setting", "prevalence"]
    ]


# --------------------------------------------------------------------------------------------
# institution_residents
# --------------------------------------------------------------------------------------------


def check_both_sexes(frame: pd.DataFrame, value: str) -> None:
    """Check that the both-sexes rows ('T') equal women + men for every (year, age).

    Raises
    ------
    DataError
        If they differ by more than 1e-6 somewhere.
    """
    wide = frame.pivot_table(index=["year", "age"], columns="sex", values=value, aggfunc="sum")
    gap = (wide["F"] + wide["M"] - wide["T"]).abs()
    if (gap > 1e-6).any():
        raise DataError("build.ehpa_sexes", rows=wide[gap > 1e-6].head())


def build_institution_residents(raw: Path) -> pd.DataFrame:
    """Residents of institutions for the elderly (EHPA survey) by year, sex and age.

    Ages at or above 105 are summed into ``age = 105``; the prevalence (share of the population
    of that sex and age living in an EHPA) is NaN there because the source gives no population.
    The source's both-sexes rows equal women + men (checked) and are dropped.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``sex`` ('F'/'M'), ``age``, ``residents`` (persons) and
        ``prevalence`` (fraction).
    """
    ehpa = read_rda(raw / EHPA_RDA, "latin1")
    pop = ehpa["poptot"].where(ehpa["poptot"] > 0)
    if not np.allclose(ehpa["nb"] / pop, ehpa["prevalence"], rtol=1e-9, equal_nan=True):
        raise DataError("build.ehpa_prevalence")
    frame = pd.DataFrame(
        {
            "year": ehpa["year"].astype("int64"),
            "sex": sex_codes(ehpa["sex"]),
            "age": ehpa["age"].astype("int64").clip(upper=EHPA_TOP_AGE),
            "residents": ehpa["nb"].astype("float64"),
            "pop": pop,
        }
    )
    check_both_sexes(frame, "residents")
    grouped = frame[frame["sex"] != "T"].groupby(["year", "sex", "age"], sort=True)
    out = grouped[["residents"]].sum()
    # a population sum only when every single age of the group has one
    out["pop"] = grouped["pop"].sum(min_count=1).where(grouped["pop"].count() == grouped.size())
    out["prevalence"] = (out["residents"] / out["pop"]).astype("float64")
    out = out.reset_index().astype({"sex": str})
    return out[["year", "sex", "age", "residents", "prevalence"]]


# --------------------------------------------------------------------------------------------
# specifications
# --------------------------------------------------------------------------------------------

SRC_SERIES = Source(
    file=SERIES_XLSX,
    publisher="DREES",
    title="Les bénéficiaires de l'aide sociale départementale - séries longues (1996-2020)",
    vintage="2021 (data at 31 December 2002–2020, corrections of December 2021)",
)
SRC_ASDEP = Source(
    file=ASDEP_RDA,
    publisher="DREES",
    title="Bénéficiaires de l'aide sociale départementale, séries longues par département "
    "(enquête Aide sociale), reshaped",
    vintage="data at 31 December 1997–2022",
    derived=True,
)
SRC_APA = Source(
    file=APA_RDA,
    publisher="DREES",
    title="L'allocation personnalisée d'autonomie (APA) : bénéficiaires par sexe et âge "
    "rapportés à la population, reshaped",
    vintage="data at 31 December 2016–2024",
    derived=True,
)
SRC_EHPA = Source(
    file=EHPA_RDA,
    publisher="DREES",
    title="Enquête auprès des établissements d'hébergement pour personnes âgées (EHPA): "
    "résidents par sexe et âge, reshaped",
    vintage="survey waves at 31 December 2007, 2011, 2015, 2019, 2023",
    derived=True,
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="apa_departement",
        description="Beneficiaries of the APA (allocation personnalisée d'autonomie) paid for "
        "December, by département and year, at home and in institution.",
        columns=(
            Column(
                "dep",
                "",
                "INSEE département code ('01', '2A', '971'); '20' = Collectivité "
                "de Corse from 2018, '69' = Rhône including the Métropole de Lyon",
            ),
            Column("year", "year", "year (beneficiaries as of 31 December)"),
            Column("beneficiaries", "persons", "APA beneficiaries, home and institution"),
            Column("home", "persons", "APA beneficiaries living at home"),
            Column("institution", "persons", "APA beneficiaries living in an institution"),
        ),
        key=("dep", "year"),
        sources=(SRC_SERIES, SRC_ASDEP),
        build=build_apa_departement,
        notes=(
            "Official DREES long series for 2002-2020, the derived file for 2021-2022; both "
            "agree on every shared cell except Hauts-de-Seine 2018-2020, which the derived file "
            "revises downwards (e.g. 2019: 14,714 vs 16,610) and where the official value is "
            "kept. Totals and régions are dropped, as are the Rhône halves 69D/69M (69 covers "
            "both). Corsica is 2A/2B up to 2017 and '20' (Collectivité de Corse) from 2018, the "
            "source no longer splitting it. Mayotte is not covered. In both sources home + "
            "institution equals the total exactly for every row (nothing forced here). The "
            "département sum matches the DREES 'TOTAL estimé France entière' (2022: 1,336,340)."
        ),
    ),
    TableSpec(
        name="apa_prevalence",
        description="Share of the population receiving the APA in France by year, sex, "
        "five-year age group from 60 and setting (home, institution, total).",
        columns=(
            Column("year", "year", "year (as of 31 December)"),
            Column("sex", "", "'F' women, 'M' men, 'T' both sexes (from 2018)"),
            Column("age_min", "years", "first age of the group (60, 65, ..., 95)"),
            Column("age_max", "years", "last age of the group; 200 for the open group"),
            Column("setting", "", "'home', 'institution' or 'total'"),
            Column("prevalence", "fraction", "APA beneficiaries / population of the group"),
        ),
        key=("year", "sex", "age_min", "setting"),
        sources=(SRC_APA,),
        build=build_apa_prevalence,
        notes=(
            "The derived file gives fractions for 2016-2018 and percentages from 2019 (divided "
            "by 100 here); its setting labels change in 2018 and are normalised. 2018 has an "
            "open group 90+ instead of 90-94 and 95+. In 2018 the both-sexes institution values "
            "repeat the male ones in the source: they are rebuilt as total - home. Everywhere "
            "else home + institution = total. Values for 90+ jump between years (small "
            "denominators, population revisions): 2024 95+ in particular is high."
        ),
    ),
    TableSpec(
        name="institution_residents",
        description="Residents of institutions for the elderly (EHPA: Ehpad, résidences "
        "autonomie, USLD...) in France by survey year, sex and single age from 50.",
        columns=(
            Column("year", "year", "survey year (residents as of 31 December)"),
            Column("sex", "", "sex: 'F' women, 'M' men"),
            Column("age", "years", "age in completed years; 105 = 105 and over"),
            Column("residents", "persons", "residents (survey estimate; fractional in 2019)"),
            Column(
                "prevalence",
                "fraction",
                "residents / population of that sex and age; "
                "NaN for 105+ (no population in the source)",
            ),
        ),
        key=("year", "sex", "age"),
        sources=(SRC_EHPA,),
        build=build_institution_residents,
        notes=(
            "Quadrennial DREES EHPA survey, reshaped by a third party. Ages 105-119 are summed "
            "into 105. The source's both-sexes rows equal women + men exactly and are dropped. "
            "The 2019 wave is weighted (non-integer counts). Total 2023: 696,447 residents "
            "(DREES: 697,000)."
        ),
    ),
)
