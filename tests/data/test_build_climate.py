"""Tests of the DRIAS-2020 climate table and of its accessor (value of an indicator for a year)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from prospectif.data import load_table
from prospectif.data.build import check_frame
from prospectif.data.build import climate as mod
from prospectif.data.climate import climate_path, climate_value, interpolate
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")

ROOT = Path(__file__).resolve().parents[2]
SPEC = mod.TABLES[0]

#: DRIAS codes kept for each season (written out here, independently of the builder's mapping).
ANNUAL_LEVELS = ["NORTAV", "NORSD", "NORTX35", "NORTR", "NORTXHWD", "NORTNFD", "NORRR"]
ANNUAL_ANOMALIES = ["ATAV", "ATXAV", "ASD", "ATX35", "ATR", "ATXHWD", "ATNFD", "ARR"]
SUMMER_LEVELS = ["NORTAV", "NORTXAV"]
SUMMER_ANOMALIES = ["ATAV", "ATXAV"]
N_DEP = 96
#: Empty cells of the raw files among the kept variables: the annual RCP 4.5 file has H2 empty
#: for 83 départements and H3 empty for all 96, for each of its 15 kept variables.
MISSING_CELLS = (83 + 96) * 15
#: Annual indicators published both as a level and as an anomaly.
LEVELS_WITH_ANOMALY = [
    "mean_temperature",
    "summer_days",
    "hot_days",
    "tropical_nights",
    "heatwave_days",
    "frost_days",
    "precipitation",
]
#: Middle years of the windows 1976–2005, 2021–2050, 2041–2070, 2071–2100.
MID_REF, MID_H1, MID_H2, MID_H3 = 1990.5, 2035.5, 2055.5, 2085.5


def raw_sheet(raw: Path, name: str) -> pd.DataFrame:
    """A raw DRIAS file read with openpyxl (the builder uses calamine), indexed by code."""
    path = raw / "climate" / f"{name}_clean_FINAL_RESULTS_DEPARTEMENTS.xlsx"
    return pd.read_excel(path, dtype={"INSEE_DEP": str}, engine="openpyxl").set_index("INSEE_DEP")


@pytest.fixture(scope="module")
def table(raw_dir: Path) -> pd.DataFrame:
    return check_frame(SPEC, mod.build_climate_drias2020(raw_dir))


def cell(table: pd.DataFrame, dep, pathway, horizon, indicator, season="annual") -> pd.Series:
    row = table[
        (table["dep"] == dep)
        & (table["pathway"] == pathway)
        & (table["horizon"] == horizon)
        & (table["indicator"] == indicator)
        & (table["season"] == season)
    ]
    assert len(row) == 1
    return row.iloc[0]


# ------------------------------------------------------------------ provenance and shape


def test_spec_provenance() -> None:
    assert SPEC.name == "climate_drias2020"
    assert len(SPEC.sources) == 8
    for source in SPEC.sources:
        assert source.publisher.startswith("Météo-France")
        assert "ALADIN63 driven by CNRM-CM5" in source.title
        assert "NoaLRX/DRIAS_INTERACTIVE" in source.title
        assert source.derived and source.licence
        assert source.file.startswith("climate/") and source.file.endswith(".xlsx")
    assert "One model pair only" in SPEC.notes and "not an ensemble" in SPEC.notes
    assert "ONE MODEL PAIR" in SPEC.description


def test_table_matches_spec_and_the_committed_file(table) -> None:
    pd.testing.assert_frame_equal(check_frame(SPEC, table), table)
    pd.testing.assert_frame_equal(load_table("climate_drias2020", ROOT / "data"), table)


def test_departements_are_the_96_metropolitan_codes(table) -> None:
    deps = pd.read_parquet(ROOT / "data" / "departements.parquet")["code"]
    metro = set(deps[~deps.str.startswith("97")])
    assert len(metro) == N_DEP and {"2A", "2B"} <= metro
    assert set(table["dep"]) == metro
    assert (table.groupby(["pathway", "horizon", "season", "indicator"]).size() == N_DEP).all()


def test_shape(table) -> None:
    n_annual = len(ANNUAL_LEVELS) + len(ANNUAL_ANOMALIES)
    n_summer = len(SUMMER_LEVELS) + len(SUMMER_ANOMALIES)
    sizes = table.groupby(["pathway", "season"]).size()
    for rcp in ("rcp26", "rcp45", "rcp85"):
        assert sizes[rcp, "annual"] == N_DEP * 3 * n_annual
        assert sizes[rcp, "summer"] == N_DEP * 3 * n_summer
    assert sizes["reference", "annual"] == N_DEP * len(ANNUAL_LEVELS)
    assert sizes["reference", "summer"] == N_DEP * len(SUMMER_LEVELS)
    assert len(table) == 17_280
    assert set(table["horizon"]) == {"ref", "H1", "H2", "H3"}
    windows = table.groupby("horizon")[["start_year", "end_year"]].agg(set)
    assert windows.to_dict("index") == {
        "ref": {"start_year": {1976}, "end_year": {2005}},
        "H1": {"start_year": {2021}, "end_year": {2050}},
        "H2": {"start_year": {2041}, "end_year": {2070}},
        "H3": {"start_year": {2071}, "end_year": {2100}},
    }
    assert set(table.loc[table["pathway"] == "reference", "horizon"]) == {"ref"}
    assert (
        not table.loc[table["pathway"] == "reference", "indicator"].str.endswith("_anomaly").any()
    )
    units = table.groupby("indicator")["unit"].agg(set)
    assert units["summer_days"] == {"days/year"} and units["mean_temperature"] == {"°C"}
    assert units["precipitation"] == {"mm/year"}
    assert table["start_year"].dtype == np.int64 and table["missing"].dtype == bool


# ------------------------------------------------------------------ missing cells and values


def test_missing_cells_are_kept_and_flagged(table, raw_dir: Path) -> None:
    assert table["missing"].sum() == MISSING_CELLS == 2685
    assert table["value"].isna().equals(table["missing"])
    # counted independently in the raw file: 83 départements empty at H2, the third
    # (unnamed) block empty everywhere
    raw45 = raw_sheet(raw_dir, "DRIAS_2020_4_5")
    kept = ANNUAL_LEVELS + ANNUAL_ANOMALIES
    h2 = raw45[[f"{c}_H2" for c in kept]]
    h3 = raw45[[f"{c}_nan" for c in kept]]
    assert int(h2.isna().values.sum() + h3.isna().values.sum()) == MISSING_CELLS
    assert h2.isna().all(axis=1).sum() == 83 and h3.isna().all().all()
    missing = table[table["missing"]]
    assert set(missing["pathway"]) == {"rcp45"} and set(missing["season"]) == {"annual"}
    assert missing.groupby("horizon")["dep"].nunique().to_dict() == {"H2": 83, "H3": 96}
    present_h2 = set(h2.index[h2.notna().all(axis=1)])
    assert present_h2 == set("2A 2B 09 11 13 31 32 34 64 65 66 81 83".split())


@pytest.mark.parametrize(
    ("file", "dep", "column", "pathway", "horizon", "indicator", "season"),
    [
        (
            "DRIAS_2020_REFERENCE",
            "01",
            "NORTAV_REF",
            "reference",
            "ref",
            "mean_temperature",
            "annual",
        ),
        ("DRIAS_2020_REFERENCE", "58", "NORSD_REF", "reference", "ref", "summer_days", "annual"),
        ("DRIAS_2020_4_5", "58", "NORSD_H1", "rcp45", "H1", "summer_days", "annual"),
        ("DRIAS_2020_4_5", "81", "ATXHWD_H2", "rcp45", "H2", "heatwave_days_anomaly", "annual"),
        ("DRIAS_2020_8_5", "2A", "NORTR_H3", "rcp85", "H3", "tropical_nights", "annual"),
        ("DRIAS_2020_8_5", "58", "NORSD_H2", "rcp85", "H2", "summer_days", "annual"),
        ("DRIAS_2020_2_6", "2B", "NORRR_H2", "rcp26", "H2", "precipitation", "annual"),
        ("DRIAS_ETE_2_6", "75", "NORTXAV_H3", "rcp26", "H3", "mean_max_temperature", "summer"),
        ("DRIAS_ETE_4_5", "58", "ATAV_H3", "rcp45", "H3", "mean_temperature_anomaly", "summer"),
        (
            "DRIAS_ETE_REFERENCE",
            "13",
            "NORTAV_REF",
            "reference",
            "ref",
            "mean_temperature",
            "summer",
        ),
    ],
)
def test_values_equal_the_raw_cells(
    table, raw_dir: Path, file, dep, column, pathway, horizon, indicator, season
) -> None:
    expected = raw_sheet(raw_dir, file).loc[dep, column]
    row = cell(table, dep, pathway, horizon, indicator, season)
    assert row["value"] == expected and not row["missing"]
    assert row["drias_code"] == column.rsplit("_", 1)[0]


def test_nievre_summer_days(table) -> None:
    # figures quoted in docs/methodology/climate.md
    got = {
        (p, h): round(cell(table, "58", p, h, "summer_days")["value"], 1)
        for p, h in [("reference", "ref"), ("rcp45", "H1"), ("rcp85", "H1"), ("rcp85", "H2")]
    }
    assert got == {
        ("reference", "ref"): 36.6,
        ("rcp45", "H1"): 47.6,
        ("rcp85", "H1"): 48.3,
        ("rcp85", "H2"): 60.9,
    }
    assert cell(table, "58", "rcp45", "H2", "summer_days")["missing"]
    in_2050 = climate_path(table, ["58"], "rcp85", "summer_days", [2050])[0, 0]
    assert round(in_2050, 1) == 57.5
    assert round(climate_value(table, "58", "rcp26", "summer_days", 2050), 1) == 57.8
    assert np.isnan(climate_value(table, "58", "rcp45", "summer_days", 2050))
    h2 = table[(table["pathway"] == "rcp85") & (table["horizon"] == "H2")]
    h2 = h2[(h2["indicator"] == "summer_days") & (h2["season"] == "annual")]
    assert (h2["value"] > 97).sum() == 8 and round(h2["value"].max(), 1) == 122.0


# ------------------------------------------------------------------ value for a year


def test_path_is_exact_at_middle_years_and_linear_between(table) -> None:
    deps = ["58", "2A", "59"]
    years = [MID_REF, MID_H1, MID_H2, MID_H3]
    got = climate_path(table, deps, "rcp85", "heatwave_days", years)
    assert got.shape == (3, 4)
    for i, dep in enumerate(deps):
        expected = [
            cell(table, dep, p, h, "heatwave_days")["value"]
            for p, h in [("reference", "ref"), ("rcp85", "H1"), ("rcp85", "H2"), ("rcp85", "H3")]
        ]
        np.testing.assert_array_equal(got[i], expected)
    between = climate_path(table, deps, "rcp85", "heatwave_days", [2013.0, 2045.5, 2070.5])
    np.testing.assert_allclose(between[:, 0], (got[:, 0] + got[:, 1]) / 2, rtol=1e-12)
    np.testing.assert_allclose(between[:, 1], (got[:, 1] + got[:, 2]) / 2, rtol=1e-12)
    np.testing.assert_allclose(between[:, 2], (got[:, 2] + got[:, 3]) / 2, rtol=1e-12)
    quarter = climate_value(table, "58", "rcp85", "heatwave_days", MID_H1 + 5)
    assert quarter == pytest.approx(0.75 * got[0, 1] + 0.25 * got[0, 2], rel=1e-12)
    # flat outside the middle years
    flat = climate_path(table, deps, "rcp85", "heatwave_days", [1950, 1990, 2090, 2100, 2150])
    np.testing.assert_array_equal(flat[:, :2], got[:, [0, 0]])
    np.testing.assert_array_equal(flat[:, 2:], got[:, [3, 3, 3]])


def test_reference_pathway_is_flat_and_anomalies_start_at_zero(table) -> None:
    ref = climate_path(table, ["58"], "reference", "tropical_nights", [1980, 2050, 2100])
    assert (ref == cell(table, "58", "reference", "ref", "tropical_nights")["value"]).all()
    anomaly = climate_path(table, ["58"], "rcp26", "mean_temperature_anomaly", [1980, MID_H1])
    assert anomaly[0, 0] == 0.0
    assert anomaly[0, 1] == cell(table, "58", "rcp26", "H1", "mean_temperature_anomaly")["value"]
    summer = climate_value(table, "58", "rcp45", "mean_temperature", MID_H3, season="summer")
    assert summer == cell(table, "58", "rcp45", "H3", "mean_temperature", "summer")["value"]


def test_missing_cells_propagate_as_nan(table) -> None:
    years = [2000, MID_H1, MID_H1 + 0.5, 2050, MID_H2, 2070, 2100]
    got = climate_path(table, ["58", "81"], "rcp45", "summer_days", years)
    # Nièvre: H2 and H3 missing, so only the path up to the H1 middle year is defined
    assert np.isfinite(got[0, :2]).all() and np.isnan(got[0, 2:]).all()
    # Tarn: H2 present, H3 missing
    assert np.isfinite(got[1, :5]).all() and np.isnan(got[1, 5:]).all()
    assert np.isnan(climate_value(table, "81", "rcp45", "summer_days", 2100))


def test_interpolate_synthetic() -> None:
    middle = np.array([0.0, 10.0, 20.0])
    values = np.array([[0.0, 10.0, 30.0], [1.0, np.nan, 3.0]])
    got = interpolate(middle, values, np.array([-5.0, 0.0, 5.0, 10.0, 15.0, 20.0, 25.0]))
    np.testing.assert_array_equal(got[0], [0, 0, 5, 10, 20, 30, 30])
    np.testing.assert_array_equal(np.isnan(got[1]), [False, False, True, True, True, False, False])
    assert interpolate(middle[:1], values[:, :1], np.array([1.0, 2.0])).tolist() == [
        [0.0, 0.0],
        [1.0, 1.0],
    ]


def test_unknown_ids_are_refused(table) -> None:
    with pytest.raises(DataError, match=r"unknown climate pathway 'rcp60'; known: rcp26"):
        climate_value(table, "58", "rcp60", "summer_days", 2050)
    with pytest.raises(DataError, match=r"unknown climate indicator 'hot_nights'"):
        climate_path(table, ["58"], "rcp85", "hot_nights", [2050])
    with pytest.raises(DataError, match=r"unknown climate season 'winter'"):
        climate_value(table, "58", "rcp85", "summer_days", 2050, season="winter")
    with pytest.raises(DataError, match=r"unknown climate département\(s\) \['971'\]"):
        climate_path(table, ["58", "971"], "rcp85", "summer_days", [2050])
    with pytest.raises(DataError, match="'summer_days' is not given for rcp85 summer"):
        climate_value(table, "58", "rcp85", "summer_days", 2050, season="summer")
    with pytest.raises(DataError, match="'hot_days_anomaly' is not given for reference annual"):
        climate_value(table, "58", "reference", "hot_days_anomaly", 2050)


# ------------------------------------------------------------------ builder error paths


def test_horizon_blocks() -> None:
    cols = pd.Index(["NORSD_H1", "ASD_H1", "NORSD_H2", "ASD_H2", "NORSD_nan", "ASD_nan"])
    assert mod.horizon_blocks(cols, "rcp45") == {"H1": "H1", "H2": "H2", "nan": "H3"}
    assert mod.horizon_blocks(pd.Index(["NORSD_REF"]), "reference") == {"REF": "ref"}
    with pytest.raises(DataError, match=r"column blocks \['H1', 'H3'\]"):
        mod.horizon_blocks(pd.Index(["NORSD_H1", "NORSD_H3"]), "rcp85")
    with pytest.raises(DataError, match="column blocks"):
        mod.horizon_blocks(pd.Index(["NORSD_H2", "NORSD_H1", "NORSD_H3"]), "rcp85")


def test_tidy_refuses_values_in_an_unnamed_block_and_absent_variables() -> None:
    summer = pd.DataFrame(
        {f"{c}_{h}": [1.0] for h in ("H1", "H2", "nan") for c in SUMMER_LEVELS + SUMMER_ANOMALIES},
        index=pd.Index(["58"], name="dep"),
    )
    with pytest.raises(DataError, match="unnamed column block holds values"):
        mod.tidy(summer, "rcp45", "summer")
    emptied = summer.copy()
    emptied[[c for c in summer if c.endswith("_nan")]] = np.nan
    out = mod.tidy(emptied, "rcp45", "summer")
    assert out.groupby("horizon")["missing"].all().to_dict() == {
        "H1": False,
        "H2": False,
        "H3": True,
    }
    with pytest.raises(DataError, match="variable NORTXAV_H1 is missing"):
        mod.tidy(emptied.drop(columns="NORTXAV_H1"), "rcp45", "summer")


def anomaly_gap(table: pd.DataFrame, indicator: str) -> pd.Series:
    """|level - reference level - published anomaly| by (dep, pathway, horizon), annual."""
    annual = table[table["season"] == "annual"].set_index(["dep", "pathway", "horizon"])
    level = annual.loc[annual["indicator"] == indicator, "value"]
    anomaly = annual.loc[annual["indicator"] == f"{indicator}_anomaly", "value"]
    ref = level.xs("reference", level="pathway").droplevel("horizon")
    level = level.drop("reference", level="pathway")
    gap = level - ref.reindex(level.index.get_level_values("dep")).to_numpy() - anomaly
    return gap.dropna().abs()


def test_anomaly_consistency_quoted_in_the_notes(table) -> None:
    # figures quoted in the spec notes and docs/methodology/climate.md
    limits = {"mean_temperature": 0.28, "heatwave_days": 5.4, "precipitation": 10.1}
    deps = set()
    for indicator in LEVELS_WITH_ANOMALY:
        gap = anomaly_gap(table, indicator)
        rcp45_h2 = gap.xs(("rcp45", "H2"), level=("pathway", "horizon"))
        others = gap.drop(rcp45_h2.index.map(lambda d: (d, "rcp45", "H2")))
        deps |= set(others[others > 1e-6].index.get_level_values("dep"))
        if indicator in limits:
            assert others.max() < limits[indicator]
        if indicator == "summer_days":
            assert others.max() < 5.4
            assert rcp45_h2.max() == pytest.approx(29.59, abs=0.01)
            assert rcp45_h2.idxmax() == "81"
        if indicator == "mean_temperature":
            assert rcp45_h2.max() == pytest.approx(1.80, abs=0.01)
    assert len(deps) == 42


# ------------------------------------------------------------------ TRACC


def test_tracc_warming_levels(raw_dir: Path) -> None:
    spec = {s.name: s for s in mod.TABLES}["tracc_warming"]
    frame = check_frame(spec, mod.build_tracc_warming(raw_dir))
    # Ministère de la Transition écologique, 28 January 2026 (reference notes, section H1)
    assert frame.to_dict("list") == {
        "year": [2030, 2050, 2100],
        "warming_france_c": [2.0, 2.7, 4.0],
        "warming_global_c": [1.5, 2.0, 3.0],
    }
    assert spec.sources[0].publisher == "Ministère de la Transition écologique"
    assert "décret n° 2026-23" in spec.notes
    pd.testing.assert_frame_equal(load_table("tracc_warming", ROOT / "data"), frame)


def test_tracc_yaml_needs_sources_and_increasing_levels(tmp_path: Path) -> None:
    doc = yaml.safe_load(mod.TRACC_YAML.read_text(encoding="utf-8"))
    path = tmp_path / "tracc.yaml"
    path.write_text(yaml.safe_dump({**doc, "sources": []}), encoding="utf-8")
    with pytest.raises(DataError, match="need cited sources"):
        mod.build_tracc_warming(tmp_path, path)
    levels = [dict(level) for level in doc["levels"]]
    levels[1]["warming_france_c"] = 5.0
    path.write_text(yaml.safe_dump({**doc, "levels": levels}), encoding="utf-8")
    with pytest.raises(DataError, match="warming_france_c must increase strictly"):
        mod.build_tracc_warming(tmp_path, path)
    path.write_text(yaml.safe_dump({"levels": doc["levels"]}), encoding="utf-8")
    with pytest.raises(DataError, match="missing field 'sources'"):
        mod.build_tracc_warming(tmp_path, path)
