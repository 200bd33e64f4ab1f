"""Today's services by commune: schools (BPE 2018), childcare, GPs and pharmacies (BPE 2013).

One table, ``services_equipment``, one row per commune of either source (codes as published,
arrondissements of Paris, Lyon and Marseille summed to their commune). The BPE counts
*equipment*: schools, not classes or pupils; childcare facilities (« garde d'enfant d'âge
préscolaire »: crèches and other EAJE), not places; for general practitioners and pharmacists
the BPE counts professionals and pharmacies. Classes and childcare places are estimated from
these counts by the calibration (:mod:`prospectif.calibration.services_inputs`), flagged so.
Households 2021 are in ``communes_census``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec
from .communes_census import check_counts

BPE_2013 = "services/bpe-2013-communes.xlsx"
BPE_2018 = "services/bpe-2018-enseignement.csv"
#: BPE 2013 column (equipment label) -> table column.
BPE_2013_COLUMNS = {
    "Garde d'enfant d'âge préscolaire": "childcare_2013",
    "Médecin omnipraticien": "gps_2013",
    "Pharmacie": "pharmacies_2013",
}
#: Table column -> BPE 2018 equipment types (TYPEQU) it sums. Sections of lycées (C304,
#: C305) belong to a lycée already counted and are left out.
BPE_2018_TYPES = {
    "maternelle_2018": ("C101", "C102"),
    "elementaire_2018": ("C104", "C105"),
    "college_2018": ("C201",),
    "lycee_2018": ("C301", "C302", "C303"),
}
PARENT_COMMUNES = (("751", "75056"), ("132", "13055"), ("6938", "69123"))
"""Arrondissement code prefixes of Paris, Marseille and Lyon and their commune."""


def commune_of(codes: pd.Series) -> pd.Series:
    """Commune codes with the arrondissements of Paris, Lyon and Marseille replaced by their
    commune (75101 → 75056, 13201 → 13055, 69381 → 69123).
    """
    out = codes.astype(str)
    for prefix, parent in PARENT_COMMUNES:
        width = 5 - len(prefix)
        out = out.where(~out.str.fullmatch(prefix + r"\d" * width), parent)
    return out


def read_bpe_2013(raw: Path) -> pd.DataFrame:
    """Childcare facilities, GPs and pharmacies by commune in 2013 (index ``code``).

    Raises
    ------
    DataError
        If a kept column is missing or a count is negative.
    """
    frame = pd.read_excel(raw / BPE_2013, engine="openpyxl", dtype={"depcom": str})
    missing = [c for c in ("depcom", *BPE_2013_COLUMNS) if c not in frame]
    if missing:
        raise DataError("build.communes_columns", file=BPE_2013, columns=missing)
    values = frame[list(BPE_2013_COLUMNS)].fillna(0.0).astype("float64")
    check_counts(values, BPE_2013)
    values = values.rename(columns=BPE_2013_COLUMNS)
    return values.groupby(commune_of(frame["depcom"]).rename("code").to_numpy()).sum()


def read_bpe_2018(raw: Path) -> pd.DataFrame:
    """Schools by level and commune in 2018 (index ``code``), public and private.

    Raises
    ------
    DataError
        If a kept column is missing or a count is negative.
    """
    frame = pd.read_csv(raw / BPE_2018, sep=";", dtype=str)
    missing = [c for c in ("DEPCOM", "TYPEQU", "NB_EQUIP") if c not in frame]
    if missing:
        raise DataError("build.communes_columns", file=BPE_2018, columns=missing)
    counts = pd.to_numeric(frame["NB_EQUIP"], errors="coerce").to_frame("n")
    check_counts(counts, BPE_2018)
    kind = {t: name for name, types in BPE_2018_TYPES.items() for t in types}
    level = frame["TYPEQU"].map(kind)
    kept = level.notna()
    table = counts[kept].assign(code=commune_of(frame.loc[kept, "DEPCOM"]), level=level[kept])
    wide = table.pivot_table(index="code", columns="level", values="n", aggfunc="sum")
    return wide.reindex(columns=list(BPE_2018_TYPES)).fillna(0.0)


def build_services_equipment(raw: Path) -> pd.DataFrame:
    """Equipment by commune (columns :data:`COLUMNS`, key ``code``); 0 where a source lists no
    such equipment in the commune (the BPE lists equipment, not communes).
    """
    out = pd.concat([read_bpe_2018(raw), read_bpe_2013(raw)], axis=1).fillna(0.0)
    out = out.rename_axis("code").reset_index()
    overseas = out["code"].str[:2] == "97"
    out.insert(1, "dep", out["code"].str[:3].where(overseas, out["code"].str[:2]))
    return out[COLUMNS].astype({"code": str, "dep": str}).sort_values("code", kind="stable")


COLUMNS = ["code", "dep", *BPE_2018_TYPES, *BPE_2013_COLUMNS.values()]

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="services_equipment",
        description="Today's services by commune: schools by level (BPE 2018, public and "
        "private), childcare facilities, general practitioners and pharmacies (BPE 2013). "
        "Counts of equipment, not classes or childcare places.",
        columns=(
            Column("code", "", "INSEE commune code as published by the BPE (COG of its year)"),
            Column("dep", "", "INSEE département code (from the commune code)"),
            Column("maternelle_2018", "schools", "écoles maternelles, incl. RPI (C101, C102)"),
            Column("elementaire_2018", "schools", "écoles élémentaires, incl. RPI (C104, C105)"),
            Column("college_2018", "schools", "collèges (C201)"),
            Column(
                "lycee_2018",
                "schools",
                "lycées: general and technological, vocational, agricultural (C301–C303)",
            ),
            Column(
                "childcare_2013",
                "facilities",
                "« garde d'enfant d'âge préscolaire » (crèches and other EAJE), 2013",
            ),
            Column("gps_2013", "doctors", "médecins omnipraticiens (general practitioners), 2013"),
            Column("pharmacies_2013", "pharmacies", "pharmacies, 2013"),
        ),
        key=("code",),
        sources=(
            Source(
                file=BPE_2018,
                publisher="INSEE",
                title="Base permanente des équipements 2018, enseignement, reshaped by "
                "JGravier/postdoc_services_publics",
                vintage="2018",
                derived=True,
            ),
            Source(
                file=BPE_2013,
                publisher="INSEE",
                title="Base permanente des équipements 2013, équipements par commune, "
                "reshaped by JGravier/postdoc_services_publics (BPE/data/bpe2013.xlsx)",
                vintage="2013",
                derived=True,
            ),
        ),
        build=build_services_equipment,
        notes=(
            "Base-year inventories, old: schools are those of 2018, childcare facilities, GPs "
            "and pharmacies those of 2013, in the geography of their year (communes merged "
            "since keep their old code, so about 5 % of the BPE communes are absent from the "
            "2024 geography; département totals use every row). The BPE counts no classes, "
            "pupils or childcare places: the calibration estimates them and says so."
        ),
    ),
)
