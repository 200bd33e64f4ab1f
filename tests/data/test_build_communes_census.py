"""Tests of the local marginals by commune (communes_census)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from prospectif.data import load_table
from prospectif.data.build import check_frame
from prospectif.data.build import communes_census as mod
from prospectif.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
SPEC = mod.TABLES[0]


@pytest.fixture(scope="module")
def table(raw_dir: Path) -> pd.DataFrame:
    return check_frame(SPEC, mod.build_communes_census(raw_dir))


def test_spec_provenance() -> None:
    assert [s.publisher for s in SPEC.sources] == ["INSEE"] * 3
    assert [s.vintage for s in SPEC.sources] == ["June 2024 (COG 2024)", "2012", "2018"]
    assert all(s.derived and s.title for s in SPEC.sources)


def test_table_is_the_committed_file_byte_for_byte(table) -> None:
    pd.testing.assert_frame_equal(load_table("communes_census", ROOT / "data"), table)


def test_counts(table) -> None:
    assert len(table) == 34_996
    assert table["rp2012_total"].notna().sum() == 5_170
    # 5,417 communes less the 45 arrondissements of Paris, Lyon and Marseille
    assert table["rp2018_total"].notna().sum() == 5_372
    assert table["population_2021"].sum() == pytest.approx(67_406_310)
    macon = table.set_index("code").loc["71270"]
    assert macon["population_2021"] == 34_448 and macon["births_2022"] == 397
    assert macon["rp2018_age_75p"] == pytest.approx(3807.697, abs=1e-3)
    paris = table.set_index("code").loc["75056"]
    assert paris["population_2021"] == 2_133_111  # 20 arrondissements summed
    women = table["rp2018_women"] / table["rp2018_total"]
    # prisons (Fleury-Mérogis 91235: 34 % women) are real
    assert women.dropna().between(0.33, 0.6).all()
    rp = table.dropna(subset="rp2018_total")
    assert (rp["rp2018_age_18_24"] <= rp["rp2018_age_15_29"]).all()


def test_bad_counts_are_refused() -> None:
    with pytest.raises(DataError, match="la colonne pop_0_14 contient des effectifs manquants"):
        mod.check_counts(pd.DataFrame({"pop_tot": [1.0], "pop_0_14": [-1.0]}), "x.RData")
