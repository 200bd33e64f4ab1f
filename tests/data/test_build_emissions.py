"""Tests of the greenhouse-gas tables: national series, freight tonne-km and the estimated
inventory by département, sector and gas."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data import load_table
from prospectif.data.build import emissions as mod
from prospectif.errors import DataError

SECTEN_2021 = {  # Citepa Secten 2025, MtCO2e, read independently from the raw file below
    "total": 422.4,
    "buildings": 75.7,
    "transport": 128.2,
    "agriculture": 81.8,
    "industry": 79.0,
    "energy_industry": 42.9,
    "waste": 15.708,
}
AGRICULTURE = [
    "agriculture_livestock",
    "agriculture_soils",
    "agriculture_machinery",
    "agriculture_other",
]
TRANSPORT = ["road_passengers", "road_freight_heavy", "road_freight_light", "other_transport"]


@pytest.fixture(scope="module")
def inventory() -> pd.DataFrame:
    return load_table("ghg_inventory")


@pytest.fixture(scope="module")
def national() -> pd.DataFrame:
    return load_table("ghg_national")


def secten_raw(raw: Path, prefix: str, year: int) -> float:
    """A Secten value read with the csv module, independently of the builder."""
    with open(raw / mod.SECTEN_FILE, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["Indicateur"].startswith(prefix) and int(row["annee"]) == year:
                return float(row["valeur"])
    raise AssertionError(f"{prefix} {year} not in the raw file")


def test_national_series_match_the_raw_file(national, raw_dir):
    secten = national[national["source"] == "secten"].set_index(["series", "year"])["value_mt"]
    for prefix, name in mod.SECTEN_SERIES.items():
        assert secten[(name, 2021)] == pytest.approx(secten_raw(raw_dir, prefix, 2021))
    unfccc = national[national["source"] == "unfccc"].set_index(["series", "year"])["value_mt"]
    assert unfccc[("total", 1990)] == pytest.approx(551.4)  # the 1990 reference, raw file
    assert unfccc.index.get_level_values("year").min() == 1990


def test_sector_totals_add_up_exactly_to_secten(inventory, national):
    secten = national[national["source"] == "secten"].pivot(
        index="year", columns="series", values="value_mt"
    )
    by_sector = inventory.groupby(["year", "sector"])["emissions_kt"].sum().unstack() / 1000
    for year in mod.INVENTORY_YEARS:
        row, ref = by_sector.loc[year], secten.loc[year]
        for sector in ("buildings", "industry", "energy_industry", "waste"):
            assert row[sector] == pytest.approx(ref[sector], rel=1e-12)
        assert row[TRANSPORT].sum() == pytest.approx(ref["transport"], rel=1e-12)
        assert row[AGRICULTURE].sum() == pytest.approx(ref["agriculture"], rel=1e-12)
        assert row["agriculture_livestock"] == pytest.approx(ref["livestock"], rel=1e-12)
        assert row["agriculture_soils"] == pytest.approx(ref["cultivated_land"], rel=1e-12)


def test_gas_totals_follow_secten_within_the_rounding_of_its_sectors(inventory, national):
    secten = national[national["source"] == "secten"].pivot(
        index="year", columns="series", values="value_mt"
    )
    by_gas = inventory.groupby(["year", "gas"])["emissions_kt"].sum().unstack() / 1000
    for year in mod.INVENTORY_YEARS:
        for gas in mod.GASES:
            assert by_gas.loc[year, gas] == pytest.approx(secten.loc[year, gas], rel=5e-3)


def test_france_2021_within_one_percent_of_the_secten_total(inventory):
    total = inventory.loc[inventory["year"] == 2021, "emissions_kt"].sum() / 1000
    assert total == pytest.approx(SECTEN_2021["total"], rel=0.01)
    assert total == pytest.approx(sum(v for k, v in SECTEN_2021.items() if k != "total"))


def test_every_departement_has_every_sector_and_no_negative_value(inventory):
    assert inventory["dep"].nunique() == 101
    assert (inventory["emissions_kt"] >= 0).all()
    per_dep = inventory[inventory["year"] == 2021].groupby("dep")["emissions_kt"].sum()
    assert (per_dep > 0).all()


def test_saone_et_loire_shows_agriculture_as_a_major_source(inventory):
    dep71 = inventory[(inventory["dep"] == "71") & (inventory["year"] == 2021)]
    sectors = dep71.groupby("sector")["emissions_kt"].sum()
    agriculture = sectors[AGRICULTURE].sum()
    assert agriculture == max(
        agriculture, sectors["buildings"], sectors["industry"], sectors[TRANSPORT].sum()
    )
    assert agriculture / sectors.sum() > 0.25
    # and a cattle département has far more livestock emissions per head than Paris
    livestock = inventory[
        (inventory["sector"] == "agriculture_livestock") & (inventory["year"] == 2021)
    ].set_index(["dep", "gas"])
    assert (
        livestock.loc["71", "emissions_kt"].sum() > 100 * livestock.loc["75", "emissions_kt"].sum()
    )


def test_livestock_is_mostly_methane_and_soils_mostly_nitrous_oxide(inventory):
    year = inventory[inventory["year"] == 2021]
    mix = year.groupby(["sector", "gas"])["emissions_kt"].sum().unstack()
    shares = mix.div(mix.sum(axis=1), axis=0)
    assert shares.loc["agriculture_livestock", "ch4"] > 0.7
    assert shares.loc["agriculture_soils", "n2o"] > 0.6
    assert shares.loc["waste", "ch4"] > 0.7
    assert shares.loc["agriculture_livestock", "co2"] == 0.0


def test_rake_fits_rows_exactly_and_columns_closely():
    seed = np.array([[1.0, 1.0, 0.0], [0.0, 2.0, 1.0], [1.0, 0.0, 3.0]])
    rows, cols = np.array([10.0, 20.0, 30.0]), np.array([15.0, 25.0, 20.0])
    fitted = mod.rake(seed, rows, cols)
    np.testing.assert_allclose(fitted.sum(axis=1), rows, rtol=1e-12)
    np.testing.assert_allclose(fitted.sum(axis=0), cols, rtol=1e-6)
    assert fitted[0, 2] == 0.0 and fitted[1, 0] == 0.0


def test_allocation_keys_are_shares(raw_dir):
    deps = load_table("departements")["code"]
    for sector, key in mod.allocation_keys(raw_dir, deps).items():
        np.testing.assert_allclose(key.sum(axis=0), 1.0, rtol=1e-12, err_msg=sector)


def test_freight_road_is_total_minus_rail_and_waterway(raw_dir):
    freight = load_table("freight_tonne_km")
    assert freight["year"].min() == mod.FREIGHT_FIRST_YEAR
    assert freight["region"].nunique() == 13
    raw = pd.read_csv(raw_dir / mod.TONNE_KM_FILE, dtype={"code_region": str})
    row = raw[(raw["code_region"] == "27") & (raw["annee"] == 2021)].iloc[0]
    got = freight[(freight["region"] == "27") & (freight["year"] == 2021)].set_index("mode")
    assert got.loc["road", "tonne_km"] == pytest.approx(
        row["total_3modes"] - row["ferroviaire"] - row["fluvial"]
    )


def test_missing_secten_series_is_named(tmp_path, raw_dir):
    folder = tmp_path / "emissions"
    folder.mkdir()
    lines = (raw_dir / mod.SECTEN_FILE).read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if "déchets" not in line]
    (folder / Path(mod.SECTEN_FILE).name).write_text("\n".join(kept), encoding="utf-8")
    with pytest.raises(DataError, match="waste"):
        mod.read_secten(tmp_path)


def test_validation_figures_france_exact_and_bfc_close_to_its_observatory():
    from prospectif.validation.emissions import ORECA_BFC_2020, france_by_sector, region_comparison

    assert france_by_sector()["deviation_mt"].abs().max() < 1e-9
    bfc = region_comparison()
    assert bfc["total_mt"] == pytest.approx(ORECA_BFC_2020["total_mt"], rel=0.1)
    assert bfc["agriculture"] == pytest.approx(ORECA_BFC_2020["agriculture"], abs=6)
