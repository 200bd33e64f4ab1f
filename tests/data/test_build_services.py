"""Tests of today's services by commune (services_equipment, BPE 2013 and 2018)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from prospectif.data import load_table
from prospectif.data.build import check_frame
from prospectif.data.build import services as mod
from prospectif.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
SPEC = mod.TABLES[0]


@pytest.fixture(scope="module")
def table(raw_dir: Path) -> pd.DataFrame:
    return check_frame(SPEC, mod.build_services_equipment(raw_dir))


def test_spec_provenance() -> None:
    assert [(s.publisher, s.vintage) for s in SPEC.sources] == [
        ("INSEE", "2018"),
        ("INSEE", "2013"),
    ]
    assert all(s.derived and "Base permanente des équipements" in s.title for s in SPEC.sources)


def test_table_is_the_committed_file_byte_for_byte(table) -> None:
    pd.testing.assert_frame_equal(load_table("services_equipment", ROOT / "data"), table)


def test_counts(table) -> None:
    totals = table.drop(columns=["code", "dep"]).sum()
    # BPE 2013 totals of the source columns; BPE 2018 NB_EQUIP summed over the kept types
    assert totals["gps_2013"] == 63_482 and totals["pharmacies_2013"] == 24_074
    assert totals["childcare_2013"] == 9_362
    assert totals["maternelle_2018"] == 13_039 + 1_381
    assert totals["lycee_2018"] == 2_712 + 1_539 + 825
    assert table["dep"].nunique() == 101
    assert not table.isna().any().any()
    # Paris: arrondissements summed to the commune
    assert not table["code"].str.fullmatch(r"751\d\d").any()
    assert table.set_index("code").loc["75056", "gps_2013"] > 1000


def test_arrondissements_go_to_their_commune() -> None:
    codes = pd.Series(["75112", "13201", "69381", "71270", "75056"])
    assert mod.commune_of(codes).tolist() == ["75056", "13055", "69123", "71270", "75056"]


def test_negative_counts_are_refused(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / mod.BPE_2018).write_text("DEPCOM;TYPEQU;NB_EQUIP\n71270;C101;-1\n")
    with pytest.raises(DataError, match="la colonne n contient des effectifs manquants"):
        mod.read_bpe_2018(tmp_path)


def test_missing_columns_are_refused(tmp_path: Path) -> None:
    (tmp_path / "services").mkdir()
    (tmp_path / mod.BPE_2018).write_text("DEPCOM;NB_EQUIP\n71270;1\n")
    with pytest.raises(DataError, match=r"colonnes manquantes \['TYPEQU'\]"):
        mod.read_bpe_2018(tmp_path)
