"""Tests of the energy builders (Agence ORE consumption, Enedis production)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import check_frame
from prospectif.data.build import energy as mod
from prospectif.data.catalog import write_table
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SPECS = {spec.name: spec for spec in mod.TABLES}
TWH = 1e6  # MWh

# SOURCES.md quotes the ORE France 2021 totals rounded to the TWh: 0.5 % covers the rounding.
ORE_ROUNDING = 5e-3


def cog_departements(raw: Path) -> set[str]:
    """The 101 département codes of the INSEE 2024 geography."""
    return set(pd.read_csv(raw / "population/v_departement_2024.csv", dtype=str)["DEP"])


@pytest.fixture(scope="module")
def consumption(raw_dir: Path) -> pd.DataFrame:
    return mod.build_energy_consumption(raw_dir)


@pytest.fixture(scope="module")
def production(raw_dir: Path) -> pd.DataFrame:
    return mod.build_electricity_production(raw_dir)


@pytest.fixture(scope="module")
def tables(consumption, production) -> dict[str, pd.DataFrame]:
    return {"energy_consumption": consumption, "electricity_production": production}


# ------------------------------------------------------------------ shape and provenance


def test_specs() -> None:
    assert set(SPECS) == {"energy_consumption", "electricity_production"}
    assert SPECS["energy_consumption"].sources[0].publisher == "Agence ORE"
    assert SPECS["electricity_production"].sources[0].publisher == "Enedis"
    assert "Enedis" in SPECS["electricity_production"].notes
    assert "Only plants connected to the Enedis network" in SPECS["electricity_production"].notes
    for spec in mod.TABLES:
        assert not any(s.derived for s in spec.sources)
        assert all(c.unit == "MWh" for c in spec.columns if c.name.endswith("_mwh"))


@pytest.mark.parametrize("name", ["energy_consumption", "electricity_production"])
def test_tables_match_spec_sorted_unique(tables, name: str) -> None:
    frame = tables[name]
    pd.testing.assert_frame_equal(check_frame(SPECS[name], frame), frame)


def test_dtypes(consumption, production) -> None:
    assert consumption["consumption_mwh"].dtype == np.float64
    assert consumption["delivery_points"].dtype == np.int64
    assert production["sites"].dtype == np.int64
    assert production["production_mwh"].dtype == np.float64
    assert consumption["year"].dtype == production["year"].dtype == np.int64
    for frame in (consumption, production):
        assert frame["dep"].map(type).eq(str).all()


def test_build_is_deterministic(raw_dir: Path, production, tmp_path: Path) -> None:
    again = mod.build_electricity_production(raw_dir)
    a = write_table(production, tmp_path / "a.parquet").read_bytes()
    assert a == write_table(again, tmp_path / "b.parquet").read_bytes()


# ------------------------------------------------------------------ energy_consumption


def test_consumption_layout(consumption, raw_dir: Path) -> None:
    assert set(consumption["year"]) == set(range(2011, 2022))
    assert set(consumption["carrier"]) == {"electricity", "gas"}
    assert set(consumption["sector"]) == {
        "agriculture",
        "industry",
        "tertiary",
        "residential",
        "unknown",
    }
    assert (consumption["consumption_mwh"] >= 0).all()
    assert (consumption["delivery_points"] >= 0).all()
    # every (dep, year, carrier) has the five sectors
    assert (consumption.groupby(["dep", "year", "carrier"]).size() == 5).all()
    cog = cog_departements(raw_dir)
    deps = consumption[consumption["year"] == 2021].groupby("carrier")["dep"].agg(set)
    assert deps["electricity"] == cog
    # no gas network data for Corsica, Lozère and the overseas départements
    assert deps["gas"] == cog - {"2A", "2B", "48", "971", "972", "973", "974", "976"}


def test_consumption_france_2021(consumption) -> None:
    y2021 = consumption[consumption["year"] == 2021]
    total = y2021.groupby("carrier")["consumption_mwh"].sum() / TWH
    residential = (
        y2021[y2021["sector"] == "residential"].groupby("carrier")["consumption_mwh"].sum() / TWH
    )
    assert total["electricity"] == pytest.approx(435, rel=ORE_ROUNDING)
    assert residential["electricity"] == pytest.approx(170, rel=ORE_ROUNDING)
    assert total["gas"] == pytest.approx(473, rel=ORE_ROUNDING)
    # exact figures of this vintage
    assert total["electricity"] == pytest.approx(435.376, abs=1e-3)
    assert total["gas"] == pytest.approx(472.827, abs=1e-3)


def test_consumption_sum_over_operators_keeps_totals(consumption, raw_dir: Path) -> None:
    source = mod.read_consumption(raw_dir)
    expected = source.groupby(["Année", "Filière"])["Consommation totale (MWh)"].sum()
    got = consumption.groupby(["year", "carrier"])["consumption_mwh"].sum()
    expected.index = got.index  # same order: years, then Electricité/electricity, Gaz/gas
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    points = consumption.groupby("year")["delivery_points"].sum()
    assert points[2021] > 40_000_000  # about 38 M electricity + 11 M gas meters


def test_consumption_2011_electricity_incomplete(consumption) -> None:
    # documented quirk: no RTE customers nor Corsica/overseas in 2011
    elec = (
        consumption[consumption["carrier"] == "electricity"]
        .groupby("year")["consumption_mwh"]
        .sum()
        / TWH
    )
    assert elec[2011] < 0.85 * elec[2012]
    assert elec.loc[2012:].between(400, 460).all()


# ------------------------------------------------------------------ electricity_production


def test_production_layout(production, raw_dir: Path) -> None:
    metro = {d for d in cog_departements(raw_dir) if not d.startswith("97")}
    assert set(production["dep"]) == metro - {"2A", "2B"}  # Corsica is not served by Enedis
    assert set(production["year"]) == set(range(2011, 2024))
    assert set(production["technology"]) == {
        "solar_pv",
        "wind",
        "hydro",
        "bioenergy",
        "cogeneration",
        "other",
    }
    assert len(production) == 94 * 13 * 6
    assert (production["sites"] >= 0).all() and (production["production_mwh"] >= 0).all()
    assert ((production["sites"] > 0) | (production["production_mwh"] == 0)).all()


def test_production_sums_voltage_levels(production, raw_dir: Path) -> None:
    source = mod.read_production(raw_dir)
    ain = source[(source["code_departement"] == "1") & (source["annee"] == 2023)]
    row = production[
        (production["dep"] == "01")
        & (production["year"] == 2023)
        & (production["technology"] == "solar_pv")
    ]
    assert row["sites"].item() == ain["nb_sites_photovoltaique_enedis"].sum()
    assert row["production_mwh"].item() == pytest.approx(
        ain["energie_produite_annuelle_photovoltaique_enedis_mwh"].sum()
    )


def test_production_france_below_national_totals(production) -> None:
    # Enedis-connected plants are a subset of French production: RTE 2024 gives 23.3 TWh of
    # solar and 46.6 TWh of wind (reference/PARAMETERS.md), national levels of 2023 were of
    # the same size. This vintage gives 17.92 TWh PV and 40.80 TWh wind for 2023.
    y2023 = (
        production[production["year"] == 2023].groupby("technology")["production_mwh"].sum() / TWH
    )
    assert y2023["solar_pv"] == pytest.approx(17.92, abs=0.01)
    assert y2023["wind"] == pytest.approx(40.80, abs=0.01)
    assert y2023["solar_pv"] < 23.3 and y2023["wind"] < 46.6
    pv = production[production["technology"] == "solar_pv"].groupby("year")["production_mwh"].sum()
    assert pv.is_monotonic_increasing  # PV keeps growing despite the masked rooftop cells


# ------------------------------------------------------------------ error paths


def test_pad_dep() -> None:
    assert mod.pad_dep(pd.Series(["1", "19", "2a", "971"])).tolist() == ["01", "19", "2A", "971"]
    with pytest.raises(DataError, match="unexpected département codes"):
        mod.pad_dep(pd.Series(["1", "XX"]))


def ore_rows(**changes) -> pd.DataFrame:
    row = {
        "Filière": "Electricité",
        "Code Département": "1",
        "Année": 2021,
        "Consommation totale (MWh)": 15.0,
    }
    for word in mod.SECTORS:
        row[f"Consommation {word} (MWh)"] = 3.0
        row[f"Nombre de points {word}"] = 2
    row |= changes
    return pd.DataFrame([row])


def test_consumption_long() -> None:
    long = mod.consumption_long(ore_rows())
    assert len(long) == 5 and set(long["dep"]) == {"01"}
    with pytest.raises(DataError, match="unknown ORE carriers"):
        mod.consumption_long(ore_rows(**{"Filière": "Chaleur"}))
    with pytest.raises(DataError, match="do not add up"):
        mod.consumption_long(ore_rows(**{"Consommation totale (MWh)": 16.0}))


def test_production_needs_every_voltage_level(tmp_path: Path) -> None:
    columns = ["annee", "code_departement", "domaine_de_tension"] + [
        c for tech in mod.TECHNOLOGIES for c in mod._production_columns(tech)
    ]
    rows = [[2023, "1", level] + [1] * 12 for level in mod.VOLTAGES[:2]]
    (tmp_path / "energy").mkdir()
    pd.DataFrame(rows, columns=columns).to_csv(tmp_path / mod.PRODUCTION_CSV, index=False)
    with pytest.raises(DataError, match="expected the voltage levels"):
        mod.build_electricity_production(tmp_path)
    rows.append([2023, "1", mod.VOLTAGES[2]] + [1] * 12)
    pd.DataFrame(rows, columns=columns).to_csv(tmp_path / mod.PRODUCTION_CSV, index=False)
    out = mod.build_electricity_production(tmp_path)
    assert out["sites"].tolist() == [3] * 6
