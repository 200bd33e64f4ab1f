"""The demography engine on the embedded data: identities, INSEE reproduction, backtest."""

import numpy as np
import pandas as pd
import pytest

from prospectif.calibration.demographic import estimates_for
from prospectif.pipeline import run_demography
from prospectif.scenario import load_preset
from prospectif.validation import backtest, insee_2021_reproduction

from .conftest import whole_departements


@pytest.fixture(scope="module")
def reproduction():
    return insee_2021_reproduction().set_index("year")


@pytest.mark.parametrize("year", [2030, 2050, 2070])
def test_insee_2021_central_projection_is_reproduced_within_one_percent(reproduction, year):
    row = reproduction.loc[year]
    assert abs(row["difference_pct"]) < 1.0
    assert abs(row["prospectif_share_65"] - row["insee_share_65"]) < 1.0
    assert abs(row["prospectif_share_75"] - row["insee_share_75"]) < 1.0


def test_backtest_2015_to_2025_stays_close_to_the_estimates():
    errors = backtest()
    assert len(errors) == 101
    france = errors["projected_total"].sum() / errors["estimated_total"].sum() - 1
    assert abs(france) < 0.02
    assert errors["error_total_pct"].abs().mean() < 3.0
    assert errors["error_75+_pct"].abs().mean() < 7.0


def test_internal_migration_sums_to_zero_and_france_gets_its_balance():
    estimates = estimates_for()
    assert abs(estimates.internal_counts.sum()) < 1e-6
    assert estimates.international_profile.sum() == pytest.approx(1.0)
    assert estimates.population_share.sum() == pytest.approx(1.0)


@pytest.fixture(scope="module")
def france_central():
    return run_demography(whole_departements("FR"), load_preset("insee-central"))


def test_accounting_identity_holds_for_every_departement_and_cell(france_central):
    p = france_central.projection
    for t in range(len(p.years) - 1):
        expected = p.population[t, ..., :-2] - p.deaths[t, ..., :-2] + p.migration[t, ..., 1:-1]
        np.testing.assert_allclose(p.population[t + 1, ..., 1:-1], expected, rtol=1e-12, atol=1e-7)
        np.testing.assert_allclose(
            p.population[t + 1, ..., 0],
            p.births[t] - p.infant_deaths[t] + p.migration[t, ..., 0],
            rtol=1e-12,
            atol=1e-7,
        )


def test_results_table_satisfies_the_stock_flow_identity(france_central):
    table = france_central.table().pivot_table(index="year", columns="variable", values="value")
    flows = table["Births"] - table["Deaths"] + table["Net Migration"]
    change = table["Population"].shift(-1) - table["Population"]
    np.testing.assert_allclose(change.iloc[:-1], flows.iloc[:-1], rtol=1e-9)


def test_base_year_equals_the_insee_estimate(france_central):
    assert france_central.population[0].sum() == pytest.approx(68_605_616, abs=0.5)


def test_life_expectancy_target_is_met_in_the_target_year():
    scenario = load_preset("insee-central")
    run = run_demography(
        whole_departements("FR"),
        scenario.with_values(
            {"demography.mortality.territorial_differential": 0.0, "horizon": 2080}
        ),
    )
    e0 = run.paths.life_expectancy[2070 - 2025, 0]
    np.testing.assert_allclose(e0, [90.0, 87.5], atol=1e-6)


@pytest.mark.parametrize(
    ("high", "low"),
    [
        ("insee-fecondite-haute", "insee-fecondite-basse"),
        ("insee-esperance-haute", "insee-esperance-basse"),
        ("insee-migration-haute", "insee-migration-basse"),
    ],
)
def test_variants_bracket_the_central_projection(high, low):
    france = whole_departements("FR")
    totals = {
        name: run_demography(france, load_preset(name)).population[-1].sum()
        for name in (high, "insee-central", low)
    }
    assert totals[high] > totals["insee-central"] > totals[low]


def test_trend_scenario_starts_from_2025_births():
    run = run_demography(whole_departements("FR"), load_preset("tendanciel"))
    table = run.table().set_index(["variable", "year"])["value"]
    # INSEE, Bilan démographique 2025: 645,000 births; the engine applies TFR 1.56 to the
    # 2025 estimates, so births should be in that range.
    assert table["Births", 2025] == pytest.approx(645_000, rel=0.05)
    assert table["Total Fertility Rate", 2025] == pytest.approx(1.56, abs=0.02)


def test_indicators_are_consistent(france_central):
    table = france_central.table()
    wide = table.pivot_table(index="year", columns="variable", values="value")
    np.testing.assert_allclose(
        wide["Population|Female"] + wide["Population|Male"], wide["Population"]
    )
    groups = wide["Population|Age 0-19"] + wide["Population|Age 20-64"] + wide["Population|Age 65+"]
    np.testing.assert_allclose(groups, wide["Population"])
    assert (wide["Median Age"].dropna().between(35, 55)).all()
    peak = table.attrs["metadata"][0].scalars
    assert "Population|Peak" not in wide
    assert peak["Population Peak"] == wide["Population"].max()
    assert wide["Population"].idxmax() == peak["Population Peak Year"]
    assert set(table.columns) == {
        "model",
        "scenario",
        "region",
        "variable",
        "unit",
        "year",
        "value",
    }
    assert isinstance(table, pd.DataFrame)


def test_validation_page_shows_the_current_figures():
    from pathlib import Path

    from prospectif.validation import validation_markdown

    page = (Path(__file__).resolve().parents[2] / "docs" / "validation.md").read_text(
        encoding="utf-8"
    )
    assert validation_markdown() in page, "run `make validation` to refresh docs/validation.md"
