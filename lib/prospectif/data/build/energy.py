"""Energy tables: electricity and gas consumption (Agence ORE), local production (Enedis).

Two tables are built from the raw ``energy/`` folder:

* ``energy_consumption`` -- annual electricity and gas consumption by département and sector;
* ``electricity_production`` -- electricity produced by plants on the Enedis network, by
  département and technology.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ...errors import DataError
from ..spec import Column, Source, TableSpec

CONSUMPTION_CSV = "energy/conso-elec-gaz-annuelle-par-secteur-dactivite-agregee-departement.csv"
PRODUCTION_CSV = "energy/production-electrique-par-filiere-a-la-maille-departement.csv"

#: ORE carrier labels (column "Filière") -> carrier ids.
CARRIERS = {"Electricité": "electricity", "Gaz": "gas"}
#: Sector word used in the ORE column names -> sector ids.
SECTORS = {
    "Agriculture": "agriculture",
    "Industrie": "industry",
    "Tertiaire": "tertiary",
    "Résidentiel": "residential",
    "Secteur Inconnu": "unknown",
}
#: Technology word used in the Enedis column names -> technology ids.
TECHNOLOGIES = {
    "photovoltaique": "solar_pv",
    "eolien": "wind",
    "hydraulique": "hydro",
    "bio_energie": "bioenergy",
    "cogeneration": "cogeneration",
    "autres_filieres": "other",
}
#: Voltage levels of the Enedis file (one row each per département and year).
VOLTAGES = ("BT <= 36 kVA", "BT > 36 kVA", "HTA")


def pad_dep(codes: pd.Series) -> pd.Series:
    """INSEE département codes as text, zero-padded to two characters (``'1'`` -> ``'01'``).

    Raises
    ------
    DataError
        If a code is not a département code (two digits, 2A/2B or 97x).
    """
    text = codes.astype(str).str.strip().str.upper()
    text = text.where(~text.str.fullmatch(r"\d"), "0" + text)
    bad = ~text.str.fullmatch(r"\d{2}|2[AB]|97\d")
    if bad.any():
        raise DataError("build.departement_codes", codes=sorted(set(text[bad])))
    return text.astype(str)


def _squash(name: str) -> str:
    """Collapse runs of blanks in a column name (the ORE headers hold double spaces)."""
    return re.sub(r"\s+", " ", name).strip()


# --------------------------------------------------------------------------------------------
# energy_consumption
# --------------------------------------------------------------------------------------------


def read_consumption(raw: Path) -> pd.DataFrame:
    """Read the ORE file with normalised column names (a row per operator, year, carrier, dep)."""
    frame = pd.read_csv(raw / CONSUMPTION_CSV, sep=";", dtype={"Code Département": str})
    return frame.rename(columns=_squash)


def consumption_long(frame: pd.DataFrame) -> pd.DataFrame:
    """Reshape ORE rows to one row per operator row and sector.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``carrier``, ``sector``, ``consumption_mwh`` (MWh) and
        ``delivery_points``; still one row per operator.
    """
    carrier = frame["Filière"].map(CARRIERS)
    if carrier.isna().any():
        raise DataError(
            "build.ore_carriers", carriers=sorted(set(frame["Filière"][carrier.isna()]))
        )
    ids = pd.DataFrame(
        {
            "dep": pad_dep(frame["Code Département"]),
            "year": frame["Année"].astype("int64"),
            "carrier": carrier,
        }
    )
    parts = [
        ids.assign(
            sector=sector,
            consumption_mwh=frame[f"Consommation {label} (MWh)"].astype("float64"),
            delivery_points=frame[f"Nombre de points {label}"].astype("int64"),
        )
        for label, sector in SECTORS.items()
    ]
    sector_sum = sum(frame[f"Consommation {label} (MWh)"] for label in SECTORS)
    if not np.allclose(sector_sum, frame["Consommation totale (MWh)"], rtol=1e-9, atol=0.01):
        raise DataError("build.ore_total")
    return pd.concat(parts, ignore_index=True)


def build_energy_consumption(raw: Path) -> pd.DataFrame:
    """Annual electricity and gas consumption by département, year, carrier and sector.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``carrier``, ``sector``, ``consumption_mwh`` (MWh, float64)
        and ``delivery_points`` (int64), summed over the network operators.
    """
    long = consumption_long(read_consumption(raw))
    keys = ["dep", "year", "carrier", "sector"]
    out = long.groupby(keys, sort=True)[["consumption_mwh", "delivery_points"]].sum()
    out = out.reset_index().astype(
        {
            "dep": str,
            "carrier": str,
            "sector": str,
            "consumption_mwh": "float64",
            "delivery_points": "int64",
        }
    )
    return out[[*keys, "consumption_mwh", "delivery_points"]]


# --------------------------------------------------------------------------------------------
# electricity_production
# --------------------------------------------------------------------------------------------


def _production_columns(tech: str) -> tuple[str, str]:
    """Return the names of the sites and energy columns of one technology in the Enedis file."""
    return f"nb_sites_{tech}_enedis", f"energie_produite_annuelle_{tech}_enedis_mwh"


def read_production(raw: Path) -> pd.DataFrame:
    """Read the Enedis production file without its geometry and name columns."""
    value_cols = [c for tech in TECHNOLOGIES for c in _production_columns(tech)]
    frame = pd.read_csv(
        raw / PRODUCTION_CSV,
        usecols=["annee", "code_departement", "domaine_de_tension", *value_cols],
        dtype={"code_departement": str, "domaine_de_tension": str},
    )
    levels = frame.groupby(["annee", "code_departement"])["domaine_de_tension"].agg(frozenset)
    if not (levels == frozenset(VOLTAGES)).all():
        raise DataError("build.enedis_voltages", voltages=VOLTAGES)
    return frame


def build_electricity_production(raw: Path) -> pd.DataFrame:
    """Electricity produced by plants on the Enedis network, by département, year, technology.

    Sites and energy are summed over the three voltage levels; blank cells (masked or missing
    in the source) count as zero, so figures are lower bounds where cells are blank.

    Parameters
    ----------
    raw
        The raw open data folder.

    Returns
    -------
    pandas.DataFrame
        Columns ``dep``, ``year``, ``technology``, ``sites`` (int64), ``production_mwh``
        (MWh, float64).
    """
    frame = read_production(raw)
    ids = pd.DataFrame(
        {"dep": pad_dep(frame["code_departement"]), "year": frame["annee"].astype("int64")}
    )
    parts = []
    for tech, technology in TECHNOLOGIES.items():
        sites, energy = _production_columns(tech)
        parts.append(
            ids.assign(
                technology=technology,
                sites=frame[sites].fillna(0).astype("int64"),
                production_mwh=frame[energy].fillna(0.0).astype("float64"),
            )
        )
    keys = ["dep", "year", "technology"]
    out = (
        pd.concat(parts, ignore_index=True)
        .groupby(keys, sort=True)[["sites", "production_mwh"]]
        .sum()
        .reset_index()
    )
    out = out.astype({"dep": str, "technology": str, "sites": "int64", "production_mwh": "float64"})
    return out[[*keys, "sites", "production_mwh"]]


# --------------------------------------------------------------------------------------------
# specifications
# --------------------------------------------------------------------------------------------

ORE_SOURCE = Source(
    file=CONSUMPTION_CSV,
    publisher="Agence ORE",
    title="Consommation annuelle d'électricité et gaz par département et par secteur d'activité",
    vintage="2011–2021",
)

TABLES: tuple[TableSpec, ...] = (
    TableSpec(
        name="energy_consumption",
        description="Annual electricity and gas consumption and delivery points by "
        "département, year and sector, all network operators together.",
        columns=(
            Column("dep", "", "INSEE département code ('01', '2A', '971')"),
            Column("year", "year", "calendar year of consumption"),
            Column("carrier", "", "'electricity' or 'gas' (natural gas networks)"),
            Column(
                "sector",
                "",
                "'agriculture', 'industry', 'tertiary', 'residential' or "
                "'unknown' (delivery points without a sector)",
            ),
            Column("consumption_mwh", "MWh", "energy delivered during the year"),
            Column("delivery_points", "", "number of delivery points (meters)"),
        ),
        key=("dep", "year", "carrier", "sector"),
        sources=(ORE_SOURCE,),
        build=build_energy_consumption,
        notes=(
            "One source row per operator (Enedis, RTE, local utilities, GRDF, GRTgaz, Teréga, "
            "...), summed here. 2011 electricity is incomplete: no RTE-connected consumers and "
            "no Corsica or overseas départements (341 TWh vs 434 TWh in 2012); Mayotte starts "
            "in 2015. The sector split changes in 2018 (about 40 TWh of electricity and 40 TWh "
            "of gas move from residential to tertiary and agriculture), so sector series break "
            "there. Some cells are masked by statistical secrecy at the source, so totals are "
            "slight lower bounds. No gas network data for Corsica, Lozère and overseas. "
            "France 2021: electricity 435.4 TWh (residential 169.6), gas 472.8 TWh."
        ),
    ),
    TableSpec(
        name="electricity_production",
        description="Annual electricity production and number of producing sites connected to "
        "the Enedis distribution network, by département, year and technology.",
        columns=(
            Column(
                "dep",
                "",
                "INSEE département code ('01' ... '95'; Corsica and overseas "
                "départements are not served by Enedis)",
            ),
            Column("year", "year", "calendar year of production"),
            Column(
                "technology",
                "",
                "'solar_pv', 'wind', 'hydro', 'bioenergy', 'cogeneration' or 'other'",
            ),
            Column("sites", "", "number of producing sites, all voltage levels"),
            Column("production_mwh", "MWh", "energy injected during the year"),
        ),
        key=("dep", "year", "technology"),
        sources=(
            Source(
                file=PRODUCTION_CSV,
                publisher="Enedis",
                title="Production électrique annuelle par filière à la maille département",
                vintage="2011–2023",
            ),
        ),
        build=build_electricity_production,
        notes=(
            "Only plants connected to the Enedis network are included: large plants connected "
            "to the transmission grid (RTE: nuclear, large hydro, most large wind and "
            "solar farms, offshore wind) and other distributors are absent, so this is not "
            "the total production of a département. Summed over voltage levels (BT <= 36 kVA, "
            "BT > 36 kVA, HTA). Blank low-voltage (<= 36 kVA) cells count as zero: for wind, "
            "hydro and the other small technologies they mask fewer than 10 sites; for solar PV "
            "whole départements are blank in 137 département-years from 2017, so small "
            "rooftop PV (9-17 % of Enedis PV energy in 2017-2023) is missing there and those "
            "rows are lower bounds. The source text is double-encoded UTF-8; only codes and "
            "numbers are kept."
        ),
    ),
)
