"""Tests of the fertility builders (Human Fertility Database, France)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import check_frame
from prospectif.data.build import fertility as mod
from prospectif.data.spec import LICENCE_HFD
from prospectif.errors import DataError

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SPECS = {spec.name: spec for spec in mod.TABLES}
YEARS = (1946, 2022)
AGES = range(12, 56)


@pytest.fixture(scope="module")
def asfr(raw_dir: Path) -> pd.DataFrame:
    return mod.build_fertility_asfr(raw_dir)


@pytest.fixture(scope="module")
def summary(raw_dir: Path) -> pd.DataFrame:
    return mod.build_fertility_summary(raw_dir)


@pytest.fixture(scope="module")
def births(raw_dir: Path) -> pd.DataFrame:
    return mod.build_births_by_mother_age(raw_dir)


@pytest.mark.parametrize(
    ("name", "fixture"),
    [
        ("fertility_asfr", "asfr"),
        ("fertility_summary", "summary"),
        ("births_by_mother_age", "births"),
    ],
)
def test_frame_matches_spec(name: str, fixture: str, request: pytest.FixtureRequest) -> None:
    spec = SPECS[name]
    frame = request.getfixturevalue(fixture)
    pd.testing.assert_frame_equal(check_frame(spec, frame), frame)
    assert frame.notna().all().all()
    assert frame["year"].dtype == "int64"
    assert all(frame[c].dtype == "float64" for c in frame.columns if c not in ("year", "age"))


def test_specs_cite_the_hfd(raw_dir: Path) -> None:
    for spec in mod.TABLES:
        assert spec.notes and spec.description.endswith(".")
        assert all(c.description for c in spec.columns)
        for source in spec.sources:
            assert source.licence == LICENCE_HFD and not source.derived
            assert source.publisher.startswith("Human Fertility Database")
            text = (raw_dir / source.file).read_text(encoding="ascii").splitlines()
            assert text[0].strip() == source.title
            assert mod.parse_last_modified(text[1]) == source.vintage
    units = {c.name: c.unit for spec in mod.TABLES for c in spec.columns}
    assert units["asfr"] == "births per woman"
    assert units["tfr"] == "children per woman"
    assert units["mab"] == "years"


@pytest.mark.parametrize("fixture", ["asfr", "births"])
def test_year_age_grid(fixture: str, request: pytest.FixtureRequest) -> None:
    frame = request.getfixturevalue(fixture)
    assert (frame["year"].min(), frame["year"].max()) == YEARS
    assert frame["age"].dtype == "int64"
    expected = pd.MultiIndex.from_product([range(YEARS[0], YEARS[1] + 1), AGES])
    assert pd.MultiIndex.from_frame(frame[["year", "age"]]).equals(expected)
    assert (frame.iloc[:, 2] >= 0).all()


def test_summary_years(summary: pd.DataFrame) -> None:
    assert summary["year"].tolist() == list(range(YEARS[0], YEARS[1] + 1))
    assert summary["tfr"].between(1.5, 3.1).all()
    assert summary["mab"].between(26, 32).all()


def test_summary_2022(summary: pd.DataFrame) -> None:
    last = summary.set_index("year").loc[2022]
    assert last["tfr"] == pytest.approx(1.758, abs=1e-9)
    assert last["mab"] == pytest.approx(31.08, abs=1e-9)


def test_asfr_sums_to_tfr(asfr: pd.DataFrame, summary: pd.DataFrame) -> None:
    total = asfr.groupby("year")["asfr"].sum()
    gap = total - summary.set_index("year")["tfr"]
    assert gap.notna().all() and len(gap) == YEARS[1] - YEARS[0] + 1
    assert gap.abs().max() < 0.002


def test_asfr_mean_age_matches_mab(asfr: pd.DataFrame, summary: pd.DataFrame) -> None:
    # mean age at birth = rate-weighted mean of mid-year ages x + 0.5
    weighted = (asfr["asfr"] * (asfr["age"] + 0.5)).groupby(asfr["year"]).sum()
    mab = weighted / asfr.groupby("year")["asfr"].sum()
    assert np.abs(mab - summary.set_index("year")["mab"]).max() < 0.02


def test_asfr_shape(asfr: pd.DataFrame) -> None:
    wide = asfr.pivot_table(index="year", columns="age", values="asfr")
    assert wide.to_numpy().max() < 0.25
    assert wide.idxmax(axis=1).between(22, 32).all()  # modal age of childbearing
    assert (wide[[12, 55]] < 0.001).all().all()  # open ages hold almost nothing


def test_births(births: pd.DataFrame, asfr: pd.DataFrame) -> None:
    totals = births.groupby("year")["births"].sum()
    assert totals[2010] == pytest.approx(802_224)  # live births, metropolitan France
    assert totals[2022] == pytest.approx(686_564)
    assert totals.between(650_000, 900_000).all()
    fractional = births[births["births"] % 1 != 0]
    assert len(fractional) < 50 and fractional["age"].isin([54, 55]).all()
    # births and rates agree in where they are zero
    merged = births.merge(asfr, on=["year", "age"])
    assert ((merged["births"] == 0) <= (merged["asfr"] == 0)).all()


def test_open_age_labels() -> None:
    labels = pd.Series(["12-", "13", "54", "55+"])
    assert mod.hfd_ages(labels).tolist() == [12, 13, 54, 55]
    with pytest.raises(DataError, match=r"unreadable HFD ages \['abc'\]"):
        mod.hfd_ages(pd.Series(["12-", "abc"]))


def test_parse_last_modified() -> None:
    assert mod.parse_last_modified("Last modified: 18/10/2024\r\n") == "2024-10-18"
    with pytest.raises(DataError, match=r"expected a 'Last modified:' line, got 'Year Age ASFR'"):
        mod.parse_last_modified("Year Age ASFR")


def test_vintage_mismatch_is_refused(raw_dir: Path, tmp_path: Path) -> None:
    source = raw_dir / mod.TFR_SOURCE.file
    (tmp_path / "fertility").mkdir()
    for other in (mod.MAB_SOURCE,):
        shutil.copy(raw_dir / other.file, tmp_path / other.file)
    lines = source.read_text(encoding="ascii").splitlines(keepends=True)
    lines[1] = "Last modified: 01/01/2030\r\n"
    (tmp_path / mod.TFR_SOURCE.file).write_text("".join(lines), encoding="ascii")
    with pytest.raises(DataError, match="last modified 2030-01-01"):
        mod.build_fertility_summary(tmp_path)


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing"):
        mod.build_fertility_asfr(tmp_path)


def test_builds_are_deterministic(raw_dir: Path, asfr: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(mod.build_fertility_asfr(raw_dir), asfr)
