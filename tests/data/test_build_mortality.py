"""Tests of the mortality builders against published INSEE life expectancies."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import check_frame
from prospectif.data.build import mortality as mod

SPECS = {spec.name: spec for spec in mod.TABLES}
E0_TOLERANCE = 0.15  # years


def life_expectancy(qx: np.ndarray, a0: float = 0.1) -> np.ndarray:
    """Life expectancy at birth (years) of period life tables given by death quotients.

    Standard single-year life table: deaths at mid-year except in the first year (``a0``
    years lived by infants who die); the table is closed with a constant hazard beyond the
    last age, ``-log(1 - q)`` of the last quotient. Vectorised over leading axes, age on the
    last axis (ages 0, 1, ..., n-1).
    """
    qx = np.asarray(qx, dtype=float)
    survivors = np.cumprod(1.0 - qx, axis=-1)
    lx = np.concatenate([np.ones_like(qx[..., :1]), survivors[..., :-1]], axis=-1)
    dx = lx * qx
    share_lived = np.full(qx.shape[-1], 0.5)
    share_lived[0] = a0
    person_years = lx - (1.0 - share_lived) * dx
    person_years[..., -1] = lx[..., -1] / -np.log1p(-qx[..., -1])
    return person_years.sum(axis=-1)


def e0_by(frame: pd.DataFrame, groups: list[str]) -> pd.Series:
    """Life expectancy at birth for each series of a quotient table (ages on the columns)."""
    wide = frame.pivot_table(index=groups, columns="age", values="qx").sort_index(axis=1)
    return pd.Series(life_expectancy(wide.to_numpy()), index=wide.index)


def test_life_expectancy_helper() -> None:
    # l = 1, 1/2, 1/4; L0 = 1 - 0.5 * 0.5, L1 = 0.5 - 0.5 * 0.25, L2+ = 0.25 / log(2)
    q = np.full((2, 3), 0.5)
    e0 = life_expectancy(q, a0=0.5)
    expected = 0.75 + 0.5 * 0.75 + 0.25 / np.log(2)
    np.testing.assert_allclose(e0, expected)
    assert e0.shape == (2,)


@pytest.fixture(scope="module")
def observed(raw_dir: Path) -> pd.DataFrame:
    return mod.build_mortality_observed(raw_dir)


@pytest.fixture(scope="module")
def forecast(raw_dir: Path) -> pd.DataFrame:
    return mod.build_mortality_forecast_insee2021(raw_dir)


@pytest.fixture(scope="module")
def observed_e0(observed: pd.DataFrame) -> pd.Series:
    return e0_by(observed, ["area", "sex", "year"])


@pytest.mark.parametrize(
    ("name", "fixture"),
    [("mortality_observed", "observed"), ("mortality_forecast_insee2021", "forecast")],
)
def test_frame_matches_spec(name: str, fixture: str, request: pytest.FixtureRequest) -> None:
    spec = SPECS[name]
    frame = request.getfixturevalue(fixture)
    checked = check_frame(spec, frame)
    pd.testing.assert_frame_equal(checked, frame)  # already sorted, unique key
    assert frame["sex"].map(type).eq(str).all()
    assert set(frame["sex"]) == {"F", "M"}
    assert frame["year"].dtype == "int64" and frame["age"].dtype == "int64"
    assert frame["qx"].dtype == "float64"
    assert frame.notna().all().all()


def test_specs_are_documented(raw_dir: Path) -> None:
    assert list(SPECS) == ["mortality_observed", "mortality_forecast_insee2021"]
    for spec in mod.TABLES:
        assert spec.notes and spec.description.endswith(".")
        assert all(c.description for c in spec.columns)
        assert {c.unit for c in spec.columns if c.name == "qx"} == {"fraction"}
        for source in spec.sources:
            assert (raw_dir / source.file).is_file()
            assert source.derived and source.publisher == "INSEE"


def test_observed_grid(observed: pd.DataFrame) -> None:
    first_year = observed.groupby("area")["year"].min().to_dict()
    assert first_year == {"FR": 1994, "FR-METRO": 1946}
    assert set(observed.groupby("area")["year"].max()) == {2025}
    sizes = observed.groupby(["area", "sex", "year"])["age"].agg(["min", "max", "size"])
    assert (
        (sizes["min"] == 0).all() and (sizes["max"] == 100).all() and (sizes["size"] == 101).all()
    )
    years = observed.groupby(["area", "sex"])["year"].agg(
        lambda y: y.max() - y.min() + 1 - y.nunique()
    )
    assert (years == 0).all()
    assert len(observed) == 2 * 101 * ((2025 - 1994 + 1) + (2025 - 1946 + 1))


def test_observed_quotients_in_range(observed: pd.DataFrame) -> None:
    assert observed["qx"].between(0, 1, inclusive="neither").all()
    wide = observed.pivot_table(index=["area", "sex", "year"], columns="age", values="qx")
    # quotients rise with age from 60 to 88 in every year (single-age noise beyond)
    assert (np.diff(wide.loc[:, 60:88].to_numpy(), axis=1) > 0).all()
    # five-year means rise up to 99 in recent years
    recent = wide[wide.index.get_level_values("year") >= 1990].loc[:, 60:99]
    means = recent.T.groupby(recent.columns // 5).mean().T.to_numpy()
    assert (np.diff(means, axis=1) > 0).all()
    # men die more than women at every age from 15 to 95 in every year, averaged over ages
    by_sex = observed[observed["age"].between(15, 95)].groupby(["area", "year", "sex"])["qx"].mean()
    assert (by_sex.xs("M", level="sex") > by_sex.xs("F", level="sex")).all()


@pytest.mark.parametrize(
    ("area", "year", "sex", "published"),
    [
        ("FR", 2019, "F", 85.6),
        ("FR", 2019, "M", 79.7),
        ("FR", 2025, "F", 85.80),
        ("FR", 2025, "M", 80.29),
    ],
)
def test_observed_e0_matches_published(
    observed_e0: pd.Series, area: str, year: int, sex: str, published: float
) -> None:
    assert observed_e0[(area, sex, year)] == pytest.approx(published, abs=E0_TOLERANCE)


def read_insee_e0(path: Path) -> pd.DataFrame:
    """Official e0 of INSEE tables 69 'espérance de vie' (sheets T69espf, T69esph), by year."""
    rows = []
    for sheet, sex in (("T69espf", "F"), ("T69esph", "M")):
        table = pd.read_excel(path, sheet_name=sheet, header=None, engine="calamine")
        year = pd.to_numeric(table[0], errors="coerce")
        rows.append(
            pd.DataFrame(
                {
                    "sex": sex,
                    "year": year[year.notna()].astype(int),
                    "e0": table.loc[year.notna(), 1],
                }
            )
        )
    return pd.concat(rows).astype({"e0": float})


@pytest.mark.parametrize(
    ("area", "file"), [("FR", "fe_t69esp.xlsx"), ("FR-METRO", "fm_t69esp.xlsx")]
)
def test_observed_e0_matches_every_official_year(
    raw_dir: Path, observed_e0: pd.Series, area: str, file: str
) -> None:
    official = read_insee_e0(raw_dir / "mortality" / file)
    assert len(official) > 40
    computed = observed_e0.loc[area].reindex(pd.MultiIndex.from_frame(official[["sex", "year"]]))
    gap = computed.to_numpy() - official["e0"].to_numpy()
    assert not np.isnan(gap).any()
    assert np.abs(gap).max() < E0_TOLERANCE
    # the same table read by 'age reached in the year' would be about 0.45 years too high
    assert abs(gap.mean()) < 0.05


def test_forecast_grid(forecast: pd.DataFrame) -> None:
    assert (forecast["year"].min(), forecast["year"].max()) == (2021, 2100)
    assert forecast["year"].nunique() == 80
    sizes = forecast.groupby(["sex", "year"])["age"].agg(["min", "max", "size"])
    assert (
        (sizes["min"] == 0).all() and (sizes["max"] == 120).all() and (sizes["size"] == 121).all()
    )
    assert len(forecast) == 80 * 2 * 121


def test_forecast_quotients_in_range(forecast: pd.DataFrame) -> None:
    assert forecast["qx"].between(0, 1, inclusive="neither").all()
    wide = forecast.pivot_table(index=["sex", "year"], columns="age", values="qx")
    assert (np.diff(wide.loc[:, 30:100].to_numpy(), axis=1) > 0).all()
    # beyond 100 the first projected year is irregular (documented quirk), later years are not
    later = wide[wide.index.get_level_values("year") >= 2022]
    assert (np.diff(later.loc[:, 30:].to_numpy(), axis=1) > 0).all()
    # mortality falls over time at every age from 1 to 100 (2021 to 2100)
    assert (
        (wide.xs(2100, level="year").loc[:, 1:100] < wide.xs(2021, level="year").loc[:, 1:100])
        .all()
        .all()
    )


@pytest.mark.parametrize(("sex", "published"), [("F", 90.0), ("M", 87.5)])
def test_forecast_e0_2070(forecast: pd.DataFrame, sex: str, published: float) -> None:
    e0 = e0_by(forecast, ["sex", "year"])
    assert e0[(sex, 2070)] == pytest.approx(published, abs=E0_TOLERANCE)
    assert (np.diff(e0.loc[sex].to_numpy()) > 0).all()  # steady gains


def test_forecast_starts_near_observation(forecast: pd.DataFrame, observed_e0: pd.Series) -> None:
    e0 = e0_by(forecast, ["sex", "year"])
    for sex in ("F", "M"):
        assert e0[(sex, 2021)] == pytest.approx(observed_e0[("FR", sex, 2021)], abs=0.5)


def test_builds_are_deterministic(raw_dir: Path, observed: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(mod.build_mortality_observed(raw_dir), observed)
