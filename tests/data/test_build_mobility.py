"""Tests of the mobility builders (ADEME emission factors, ENTD/EMP mode codes)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import check_frame
from prospectif.data.build import mobility as mod
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SPECS = {spec.name: spec for spec in mod.TABLES}
MODES = {
    "zero",
    "motorcycle",
    "car",
    "city_bus",
    "shuttle_boat",
    "long_distance_bus",
    "tramway",
    "subway",
    "urban_train",
    "regional_train",
    "high_speed_train",
    "long_distance_train",
    "airplane",
    "cruise_ship",
}


@pytest.fixture(scope="module")
def factors(raw_dir: Path) -> pd.DataFrame:
    return mod.build_mobility_emission_factors(raw_dir)


@pytest.fixture(scope="module")
def survey(raw_dir: Path) -> pd.DataFrame:
    return mod.build_travel_survey_modes(raw_dir)


def test_specs() -> None:
    assert set(SPECS) == {"mobility_emission_factors", "travel_survey_modes"}
    units = {c.name: c.unit for c in SPECS["mobility_emission_factors"].columns}
    assert units["kgco2e_per_pkm"] == "kgCO2e/pkm"
    assert {s.publisher for s in SPECS["mobility_emission_factors"].sources} == {"ADEME", "SDES"}
    assert all(s.derived for spec in mod.TABLES for s in spec.sources)


def test_tables_match_spec(factors, survey) -> None:
    for name, frame in [("mobility_emission_factors", factors), ("travel_survey_modes", survey)]:
        pd.testing.assert_frame_equal(check_frame(SPECS[name], frame), frame)
    assert factors["kgco2e_per_pkm"].dtype == np.float64
    for col in ["mode", "label", "base_carbone_id"]:
        assert factors[col].map(type).eq(str).all()
    assert survey.map(type).eq(str).all().all()


def test_emission_factors(factors) -> None:
    assert set(factors["mode"]) == MODES
    ef = factors.set_index("mode")["kgco2e_per_pkm"]
    # values quoted in SOURCES.md (ADEME Base Carbone), exact in the raw file
    expected = {
        "car": 0.193,
        "city_bus": 0.146,
        "regional_train": 0.0248,
        "high_speed_train": 0.00173,
        "zero": 0.0,
    }
    for mode, value in expected.items():
        assert ef[mode] == pytest.approx(value, abs=1e-12), mode
    assert (ef >= 0).all() and ef.max() < 0.3
    ids = factors.set_index("mode")["base_carbone_id"]
    assert ids["zero"] == "" and ids.drop("zero").str.fullmatch(r"\d{5}").all()
    assert ids["car"] == "27970"
    assert factors.set_index("mode").loc["tramway", "label"] == "Tramway - 2019"
    assert factors["label"].str.len().gt(0).all()


def test_travel_survey_modes(survey) -> None:
    assert len(survey) == 37
    assert survey["code"].str.fullmatch(r"\d\.\d{2}").all()
    assert survey["code"].iloc[0] == "1.10"  # text, not the number 1.1
    assert survey["code"].is_monotonic_increasing
    assert set(survey["group"]) == {
        "Piéton",
        "Deux roues",
        "Automobile",
        "Transport spécialisé, scolaire, taxi",
        "Transport en commun urbain ou régional",
        "Train grande ligne ou TGV",
        "Avion",
        "Bateau",
        "Autre",
    }
    row = survey.set_index("code").loc["5.58"]
    assert (row["label"], row["group"]) == ("TER", "Transport en commun urbain ou régional")


def test_every_survey_code_has_a_factor(raw_dir: Path, factors, survey) -> None:
    modes = mod.read_survey_modes(raw_dir)
    assert set(modes["mode_id"]) == set(survey["code"])
    assert set(modes["ef_name"]) == set(factors["mode"])


# ------------------------------------------------------------------ error paths


def write_raw(tmp: Path, modes: list[tuple], factors: list[tuple], mapping: list[tuple]) -> Path:
    (tmp / "mobility").mkdir(exist_ok=True)
    pd.DataFrame(modes, columns=["mode_id", "mode", "mode_group", "ef_name"]).to_excel(
        tmp / mod.MODES_XLSX, index=False
    )
    pd.DataFrame(factors, columns=["mode_id", "ef"]).to_csv(tmp / mod.MODE_EF_CSV, index=False)
    pd.DataFrame(mapping, columns=["ef_name", "ademe_ef_name", "ef_id", "unit"]).to_csv(
        tmp / mod.MAPPING_CSV, index=False
    )
    return tmp


MODES_OK = [
    ("1.10", "Marche", "Piéton", "zero"),
    ("3.30", "Voiture", "Automobile", "car"),
    ("3.31", "Voiture passager", "Automobile", "car"),
]
FACTORS_OK = [("1.10", 0.0), ("3.30", 0.193), ("3.31", 0.193)]
MAPPING_OK = [("car", "Voiture", "27970", "kgCO2e/km")]


def test_tiny_raw_builds(tmp_path: Path) -> None:
    raw = write_raw(tmp_path, MODES_OK, FACTORS_OK, MAPPING_OK)
    out = mod.build_mobility_emission_factors(raw)
    assert out["mode"].tolist() == ["car", "zero"]
    assert out["base_carbone_id"].tolist() == ["27970", ""]


def test_malformed_codes(tmp_path: Path) -> None:
    raw = write_raw(tmp_path, MODES_OK + [("3.3", "x", "y", "car")], FACTORS_OK, MAPPING_OK)
    with pytest.raises(DataError, match="malformed or duplicated mode codes \\['3.3'\\]"):
        mod.build_travel_survey_modes(raw)


def test_code_without_factor(tmp_path: Path) -> None:
    raw = write_raw(tmp_path, MODES_OK, FACTORS_OK[:2], MAPPING_OK)
    with pytest.raises(DataError, match="without factor.*3.31"):
        mod.build_mobility_emission_factors(raw)


def test_several_factors_for_one_mode(tmp_path: Path) -> None:
    raw = write_raw(tmp_path, MODES_OK, FACTORS_OK[:2] + [("3.31", 0.1)], MAPPING_OK)
    with pytest.raises(DataError, match="several emission factors"):
        mod.build_mobility_emission_factors(raw)


def test_mode_without_mapping(tmp_path: Path) -> None:
    raw = write_raw(tmp_path, MODES_OK, FACTORS_OK, [("bus", "Bus", "1", "x")])
    with pytest.raises(DataError, match="without Base Carbone mapping.*bus.*car"):
        mod.build_mobility_emission_factors(raw)
