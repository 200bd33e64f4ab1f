"""Tests of the population builders (département estimates, national pyramids, projection)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from prospectif.data.build import check_frame, estimates, pyramids
from prospectif.data.build import population as pop

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

SPECS = {spec.name: spec for spec in pop.TABLES}
AGES = set(range(0, pyramids.MAX_AGE + 1))


@pytest.fixture(scope="module")
def departement(raw_dir):
    return check_frame(SPECS["population_departement"], pop.build_population_departement(raw_dir))


@pytest.fixture(scope="module")
def quinquennial(raw_dir):
    return estimates.read_department_estimates(raw_dir)


@pytest.fixture(scope="module")
def national(raw_dir):
    return check_frame(SPECS["population_national"], pyramids.build_population_national(raw_dir))


@pytest.fixture(scope="module")
def projection(raw_dir):
    return check_frame(SPECS["projection_insee2021"], pop.build_projection_insee2021(raw_dir))


# ---------------------------------------------------------------- pure helpers (no raw data)


def test_split_integer_is_exact_and_proportional():
    totals = np.array([10, 7, 0, 5])
    weights = np.array([1.0, 1.0, 1.0, 3.0, 1.0, 2.0, 2.0, 0.0, 0.0])
    segment = np.array([0, 0, 0, 1, 1, 2, 2, 3, 3])
    out = pyramids.split_integer(totals, weights, segment)
    assert out.dtype == np.int64
    assert np.bincount(segment, out).tolist() == totals.tolist()
    assert out[:3].tolist() == [4, 3, 3]  # tie on the fraction: the earlier cell wins
    assert out[3:5].tolist() == [5, 2]  # 5.25 / 1.75: the larger remainder gets the unit
    assert out[5:7].tolist() == [0, 0]
    assert out[7:].tolist() == [3, 2]  # all-zero weights: even split


def test_split_integer_rejects_negative_weights():
    with pytest.raises(pop.DataError, match="weights must be finite and non-negative"):
        pyramids.split_integer(np.array([3]), np.array([1.0, -1.0]), np.array([0, 0]))


def test_age_bounds_labels():
    assert estimates._age_bounds("5 à 9 ans") == (5, 9)
    assert estimates._age_bounds("95 ans et plus") == (95, pyramids.MAX_AGE)
    assert estimates._age_bounds("90\xa0ans et plus") == (90, pyramids.MAX_AGE)
    assert estimates._age_bounds("Total") is None


def test_check_estimates_rejects_inconsistent_cells():
    cells = pd.DataFrame(
        {
            "dep": "01",
            "year": 2000,
            "sex": ["T", "T", "M", "M", "F", "F"],
            "age_lo": [0, -1, 0, -1, 0, -1],
            "age_hi": [4, -1, 4, -1, 4, -1],
            "population": [5, 5, 3, 3, 2, 2],
        }
    )
    estimates.check_estimates(cells)
    cells.loc[1, "population"] = 6  # both sexes: Total differs from the sum of the groups
    with pytest.raises(pop.DataError, match="age groups do not add up to the Total column"):
        estimates.check_estimates(cells)


def test_specs_are_complete():
    assert set(SPECS) == {"population_departement", "population_national", "projection_insee2021"}
    for spec in pop.TABLES:
        assert spec.description and spec.notes and spec.sources
        assert set(spec.key) <= set(spec.column_names)
        for source in spec.sources:
            assert source.derived == source.file.endswith(".rda")


# ---------------------------------------------------------------- population_departement


def test_departement_columns_and_types(departement):
    assert list(departement.columns) == ["dep", "year", "sex", "age", "population"]
    assert departement["population"].dtype == np.int64
    assert departement["age"].dtype == np.int64
    assert departement["year"].dtype == np.int64
    assert set(departement["sex"]) == {"F", "M"}
    assert departement["year"].min() == 1975 and departement["year"].max() == 2025
    assert (departement["population"] >= 0).all()


def test_departement_every_age_for_every_cell(departement):
    sizes = departement.groupby(["dep", "year", "sex"])["age"].agg(["size", "min", "max"])
    assert (sizes["size"] == len(AGES)).all()
    assert (sizes["min"] == 0).all() and (sizes["max"] == pyramids.MAX_AGE).all()


def test_departement_codes(departement):
    codes = set(departement.loc[departement["year"] == 2025, "dep"])
    assert len(codes) == 101
    expected = {f"{i:02d}" for i in range(1, 96) if i != 20} | {"2A", "2B"}
    expected |= {"971", "972", "973", "974", "976"}
    assert codes == expected


def test_departement_dom_coverage(departement):
    dom = departement["dep"].str.startswith("97")
    assert departement.loc[dom, "year"].min() == 1990
    assert departement.loc[departement["dep"] == "976", "year"].min() == 2014
    per_year = departement.groupby("year")["dep"].nunique()
    assert (per_year.loc[:1989] == 96).all()
    assert (per_year.loc[1990:2013] == 100).all()
    assert (per_year.loc[2014:] == 101).all()


def test_departement_regroups_to_every_insee_cell(departement, quinquennial):
    cells = quinquennial.reset_index(drop=True)
    width = (cells["age_hi"] - cells["age_lo"] + 1).to_numpy()
    # map every single-age row back to its INSEE group (the cells cover ages 0-105 exactly)
    rows = cells.loc[np.repeat(cells.index, width), ["dep", "year", "sex"]]
    offset = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    rows["age"] = cells["age_lo"].to_numpy().repeat(width) + offset
    rows["group"] = np.repeat(cells.index, width)
    merged = rows.merge(departement, on=["dep", "year", "sex", "age"], how="left", validate="1:1")
    assert len(merged) == len(departement)
    assert merged["population"].notna().all()
    regrouped = merged.groupby("group")["population"].sum().sort_index()
    assert (regrouped.to_numpy() == cells["population"].to_numpy()).all()


def test_departement_totals_2025(departement):
    y2025 = departement.loc[departement["year"] == 2025]
    metro = y2025.loc[~y2025["dep"].str.startswith("97"), "population"].sum()
    assert metro == 66_351_959
    assert y2025["population"].sum() == 68_605_616


def test_saone_et_loire_2025_matches_sheet(raw_dir, departement):
    sheet = pd.read_excel(
        raw_dir / estimates.ESTIMATES_FILE, sheet_name="2025", header=None, engine="calamine"
    )
    bands = sheet.iloc[3].ffill()
    labels = sheet.iloc[4]
    row = sheet.loc[sheet[0].astype(str).str.strip() == "71"].iloc[0]
    lows = list(range(0, 95, 5)) + [95]
    got = departement.loc[(departement["dep"] == "71") & (departement["year"] == 2025)]
    got = got.assign(low=np.minimum(got["age"] // 5 * 5, 95))
    got = got.groupby(["sex", "low"])["population"].sum()
    for band, sex in (("Hommes", "M"), ("Femmes", "F")):
        columns = [j for j in range(sheet.shape[1]) if bands[j] == band and labels[j] != "Total"]
        assert len(columns) == len(lows)
        published = row[columns].astype("int64").to_numpy()
        assert (got.loc[sex].reindex(lows).to_numpy() == published).all()


def test_departement_dom_open_group_1990s(departement, quinquennial):
    """The DOM 90+ group of 1990-1998 is spread over 90-105 and adds up exactly."""
    open90 = quinquennial.loc[(quinquennial["age_lo"] == 90) & (quinquennial["age_hi"] == 105)]
    assert set(open90["year"]) == set(range(1990, 1999))
    assert open90["dep"].str.startswith("97").all()
    got = departement.loc[departement["age"] >= 90].groupby(["dep", "year", "sex"])["population"]
    got = got.sum().reindex(pd.MultiIndex.from_frame(open90[["dep", "year", "sex"]]))
    assert (got.to_numpy() == open90["population"].to_numpy()).all()


# ---------------------------------------------------------------- population_national


def test_national_shape(national):
    assert list(national.columns) == ["area", "year", "sex", "age", "population"]
    assert national["population"].dtype == np.int64
    assert (national["population"] >= 0).all()
    sizes = national.groupby(["area", "year", "sex"])["age"].agg(["size", "min", "max"])
    assert (sizes["size"] == len(AGES)).all() and (sizes["max"] == pyramids.MAX_AGE).all()
    years = national.groupby("area")["year"].agg(["min", "max"])
    assert years.loc["FR"].tolist() == [1991, 2026]
    assert years.loc["FR-METRO"].tolist() == [1901, 2026]
    assert not national["year"].between(1915, 1919).any()


def test_national_keeps_official_values(raw_dir, national):
    for area, file in (("FR", pyramids.PYRAMID_FR_FILE), ("FR-METRO", pyramids.PYRAMID_METRO_FILE)):
        official = pyramids.read_pyramid_csv(raw_dir / file)
        ours = national.loc[national["area"] == area].assign(
            age=lambda f: np.minimum(f["age"], pyramids.PYRAMID_OPEN_AGE)
        )
        ours = ours.groupby(["year", "sex", "age"])["population"].sum()
        index = pd.MultiIndex.from_frame(official[["year", "sex", "age"]])
        assert (ours.reindex(index).to_numpy() == official["population"].to_numpy()).all()


def test_national_rda_years_and_open_ages(national):
    fr = national.loc[national["area"] == "FR"].groupby("year")["population"].sum()
    assert fr.loc[2025] == 68_851_996  # the January 2026 revision, from the derived file
    old = national.loc[national["age"] >= 99]
    share_105 = old.groupby(["area", "year", "sex"])["population"].apply(
        lambda s: s.iloc[-1] / max(s.sum(), 1)
    )
    assert share_105.max() < 0.15  # a plausible open tail, even for small early counts


# ---------------------------------------------------------------- projection_insee2021


def test_projection_shape_and_totals(projection):
    assert list(projection.columns) == ["year", "sex", "age", "population"]
    assert projection["population"].dtype == np.int64
    assert (projection["population"] >= 0).all()
    assert projection["year"].min() == 2021 and projection["year"].max() == 2100
    sizes = projection.groupby(["year", "sex"])["age"].agg(["size", "max"])
    assert (sizes["size"] == len(AGES)).all() and (sizes["max"] == pyramids.MAX_AGE).all()
    totals = projection.groupby("year")["population"].sum() / 1e6
    assert totals.loc[2030] == pytest.approx(68.55, abs=0.01)
    assert totals.loc[2050] == pytest.approx(69.21, abs=0.01)
    assert totals.loc[2070] == pytest.approx(68.10, abs=0.01)


def test_projection_keeps_official_values(raw_dir, projection):
    official = pyramids.read_pyramid_csv(raw_dir / pop.PROJECTION_FILE)
    ours = projection.assign(age=np.minimum(projection["age"], pyramids.PYRAMID_OPEN_AGE))
    ours = ours.groupby(["year", "sex", "age"])["population"].sum()
    index = pd.MultiIndex.from_frame(official[["year", "sex", "age"]])
    assert (ours.reindex(index).to_numpy() == official["population"].to_numpy()).all()


def test_builds_are_deterministic(raw_dir, national, projection):
    assert national.equals(
        check_frame(SPECS["population_national"], pyramids.build_population_national(raw_dir))
    )
    assert projection.equals(
        check_frame(SPECS["projection_insee2021"], pop.build_projection_insee2021(raw_dir))
    )
