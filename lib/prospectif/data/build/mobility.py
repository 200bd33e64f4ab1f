"""Mobility tables: emission factors per passenger-km (ADEME) and travel-survey mode codes (SDES).

Two tables are built from the raw ``mobility/`` folder:

* ``mobility_emission_factors`` -- greenhouse-gas emission factor of each transport mode;
* ``travel_survey_modes`` -- the mode codes of the ENTD/EMP national travel surveys.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec

MODES_XLSX = "mobility/entd_mode.xlsx"
MODE_EF_CSV = "mobility/mode_ef.csv"
MAPPING_CSV = "mobility/ademe_ef_mapping.csv"

#: Mode id used by the survey file for modes without direct emissions (walking, cycling...).
ZERO_MODE = "zero"
ZERO_LABEL = "Modes sans émission directe (marche, vélo, rollers, fauteuil roulant)"
#: Travel-survey mode codes look like ``1.10`` or ``5.58`` (group digit, dot, two digits).
CODE_PATTERN = r"\d\.\d{2}"


def read_survey_modes(raw: Path) -> pd.DataFrame:
    """Read the ENTD/EMP mode table: ``mode_id``, ``mode``, ``mode_group``, ``ef_name`` (text).

    Raises
    ------
    DataError
        If a code is malformed or duplicated.
    """
    frame = pd.read_excel(raw / MODES_XLSX, dtype=str, engine="calamine")
    frame = frame.apply(lambda col: col.str.strip())
    bad = ~frame["mode_id"].str.fullmatch(CODE_PATTERN)
    if bad.any() or frame["mode_id"].duplicated().any():
        raise DataError(
            "build.mode_codes",
            file=MODES_XLSX,
            codes=sorted(set(frame["mode_id"][bad | frame["mode_id"].duplicated()])),
        )
    return frame


def build_travel_survey_modes(raw: Path) -> pd.DataFrame:
    """Mode codes of the ENTD 2008 / EMP 2019 national travel surveys, with labels and groups.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``code`` (e.g. ``'3.30'``), ``label`` and ``group`` (French, as in the file).
    """
    modes = read_survey_modes(raw)
    out = modes.rename(columns={"mode_id": "code", "mode": "label", "mode_group": "group"})
    out = out[["code", "label", "group"]].astype(str)
    return out.sort_values("code").reset_index(drop=True)


def factors_by_mode(raw: Path) -> pd.DataFrame:
    """Emission factor of each mode id, from the factors per survey code.

    Every survey code of a mode id must carry the same factor.

    Returns
    -------
    pandas.DataFrame
        Columns ``mode`` and ``kgco2e_per_pkm`` (kgCO2e per passenger-km).

    Raises
    ------
    DataError
        If codes are missing from one of the two files or a mode id has several factors.
    """
    modes = read_survey_modes(raw)
    factors = pd.read_csv(raw / MODE_EF_CSV, dtype={"mode_id": str}, encoding="utf-8-sig")
    merged = modes.merge(factors, on="mode_id", how="outer", indicator=True)
    if (merged["_merge"] != "both").any():
        odd = sorted(merged.loc[merged["_merge"] != "both", "mode_id"])
        raise DataError("build.survey_factors", codes=odd)
    spread = merged.groupby("ef_name")["ef"].agg(["min", "max"])
    if (spread["max"] - spread["min"]).abs().max() > 1e-12:
        raise DataError("build.several_factors", rows=spread)
    out = spread["min"].rename("kgco2e_per_pkm").reset_index()
    return out.rename(columns={"ef_name": "mode"})


def build_mobility_emission_factors(raw: Path) -> pd.DataFrame:
    """Greenhouse-gas emission factor of each transport mode, per passenger-km.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``mode`` (snake_case id), ``label`` (French Base Carbone name),
        ``kgco2e_per_pkm`` (kgCO2e/pkm, float64) and ``base_carbone_id`` (text, '' if none).
    """
    factors = factors_by_mode(raw)
    mapping = pd.read_csv(raw / MAPPING_CSV, dtype=str, encoding="utf-8-sig")
    mapping = mapping.rename(
        columns={"ef_name": "mode", "ademe_ef_name": "label", "ef_id": "base_carbone_id"}
    )
    out = factors.merge(
        mapping[["mode", "label", "base_carbone_id"]], on="mode", how="outer", indicator=True
    )
    unmatched = out["_merge"] != "both"
    if (unmatched & (out["mode"] != ZERO_MODE)).any():
        raise DataError("build.unmatched_modes", modes=sorted(out.loc[unmatched, "mode"]))
    zero = out["mode"] == ZERO_MODE
    out.loc[zero, "label"] = ZERO_LABEL
    out["base_carbone_id"] = out["base_carbone_id"].fillna("")
    out = out.astype(
        {"mode": str, "label": str, "kgco2e_per_pkm": "float64", "base_carbone_id": str}
    )
    return out.sort_values("mode").reset_index(drop=True)[
        ["mode", "label", "kgco2e_per_pkm", "base_carbone_id"]
    ]


SRC_MODES = Source(
    file=MODES_XLSX,
    publisher="SDES",
    title="Enquête nationale transports et déplacements (ENTD 2008) / Enquête mobilité des "
    "personnes (EMP 2019): nomenclature des modes de transport, with mode groups and a "
    "mapping to emission factors added by a third party",
    vintage="ENTD 2008 / EMP 2019 nomenclature",
    derived=True,
)
SRC_MODE_EF = Source(
    file=MODE_EF_CSV,
    publisher="ADEME",
    title="Base Carbone: emission factors assigned to the ENTD/EMP mode codes, reshaped",
    vintage="Base Carbone factors, mostly 2018-2019 values",
    derived=True,
)
SRC_MAPPING = Source(
    file=MAPPING_CSV,
    publisher="ADEME",
    title="Base Carbone: names and identifiers of the transport emission factors, reshaped",
    vintage="Base Carbone factors, mostly 2018-2019 values",
    derived=True,
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="mobility_emission_factors",
        description="Greenhouse-gas emission factor per passenger-km of each transport mode "
        "(ADEME Base Carbone), as mapped to the travel-survey modes.",
        columns=(
            Column(
                "mode",
                "",
                "mode id (snake_case English, e.g. 'car', 'regional_train'; "
                "'zero' = modes without direct emissions)",
            ),
            Column("label", "", "French name of the Base Carbone factor"),
            Column("kgco2e_per_pkm", "kgCO2e/pkm", "emissions per passenger-km"),
            Column("base_carbone_id", "", "Base Carbone identifier of the factor ('' if none)"),
        ),
        key=("mode",),
        sources=(SRC_MODE_EF, SRC_MAPPING, SRC_MODES),
        build=build_mobility_emission_factors,
        notes=(
            "Ids are those of the source mapping. Each factor is the one shared by all the "
            "survey codes of that mode (checked). Car and motorcycle factors are per "
            "vehicle-km in Base Carbone (average car, motorcycle <= 250 cm3) and are used per "
            "passenger-km, i.e. as for one occupant: divide by occupancy for shared trips. The "
            "airplane factor is per passenger-equivalent-km (medium haul, 2018). Newer ADEME "
            "values (Impact CO2) differ, e.g. TGV 0.0029 and TER 0.0277 kgCO2e/pkm including "
            "construction."
        ),
    ),
    TableSpec(
        name="travel_survey_modes",
        description="Mode-of-transport codes of the ENTD/EMP national travel surveys with "
        "their French labels and mode groups.",
        columns=(
            Column("code", "", "survey mode code ('1.10' ... '9.90'; text)"),
            Column("label", "", "French label of the mode"),
            Column("group", "", "French mode group (Piéton, Deux roues, Automobile, ...)"),
        ),
        key=("code",),
        sources=(SRC_MODES,),
        build=build_travel_survey_modes,
        notes=(
            "Codes are text ('1.10' is not 1.1). The file also maps each code to a mode id of "
            "mobility_emission_factors (column ef_name), not kept in this table."
        ),
    ),
)
