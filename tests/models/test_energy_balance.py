"""Base-year energy balance: ORE identity for every département, estimated cells, apportioning."""

import numpy as np
import pytest

from prospectif.calibration.energy_inputs import base_balance, observed_production, ore_cube
from prospectif.data import load_table
from prospectif.models.axes import ENERGY_BASE_YEAR as BASE_YEAR
from prospectif.models.energy_balance import (
    CARRIERS,
    NATIONAL_MIX,
    STATIONARY,
    apportion_unknown,
    estimate_balance,
)
from prospectif.territory import get_territory

NO_GAS = ("2A", "2B", "48", "971", "972", "973", "974", "976")


@pytest.fixture(scope="module")
def ore_expected():
    """ORE 2021 by (dep, carrier, sector) recomputed with pandas: each known sector plus its
    pro-rata share of the 'unknown' sector (GWh)."""
    table = load_table("energy_consumption")
    table = table[table["year"] == BASE_YEAR]
    wide = table.pivot_table(
        index=["dep", "carrier"], columns="sector", values="consumption_mwh", aggfunc="sum"
    ).fillna(0.0)
    known = wide[list(STATIONARY)]
    share = known.div(known.sum(axis=1), axis=0)
    return known.add(share.mul(wide["unknown"], axis=0)) / 1000.0


@pytest.fixture(scope="module")
def departements():
    deps, _ = ore_cube()
    return {dep: get_territory(f"DEP-{dep}") for dep in deps}


def test_every_departement_reproduces_ore_by_sector_and_carrier(ore_expected, departements):
    assert len(departements) == 101
    for dep, territory in departements.items():
        balance = base_balance(territory).balance
        for c, carrier in enumerate(("electricity", "gas")):
            if (dep, carrier) in ore_expected.index:
                expected = ore_expected.loc[(dep, carrier), list(STATIONARY)].to_numpy()
            else:
                expected = np.zeros(len(STATIONARY))
            np.testing.assert_allclose(balance[:, c], expected, rtol=1e-12, atol=1e-9)


def test_carrier_totals_equal_ore_including_the_unknown_sector(departements):
    table = load_table("energy_consumption")
    totals = table[table["year"] == BASE_YEAR].groupby(["dep", "carrier"])["consumption_mwh"].sum()
    for dep, territory in departements.items():
        balance = base_balance(territory).balance
        assert balance[:, 0].sum() == pytest.approx(totals[(dep, "electricity")] / 1000, rel=1e-12)
        assert balance[:, 1].sum() == pytest.approx(
            totals.get((dep, "gas"), 0.0) / 1000, rel=1e-12, abs=1e-9
        )


def test_france_is_the_sum_of_departements_and_matches_ore(ore_expected, departements):
    france = base_balance(get_territory("FR")).balance
    summed = sum(base_balance(t).balance for t in departements.values())
    np.testing.assert_allclose(france, summed, rtol=1e-12)
    by_carrier = ore_expected.groupby(level="carrier").sum()
    np.testing.assert_allclose(france[:, 0], by_carrier.loc["electricity"], rtol=1e-12)
    np.testing.assert_allclose(france[:, 1], by_carrier.loc["gas"], rtol=1e-12)
    assert france[:, 0].sum() == pytest.approx(435_378, rel=1e-3)  # ORE 2021: 435.4 TWh


@pytest.mark.parametrize("dep", NO_GAS)
def test_departements_without_gas_work(dep):
    base = base_balance(get_territory(f"DEP-{dep}"))
    assert np.all(base.balance[:, 1] == 0.0)
    assert np.all(np.isfinite(base.balance)) and np.all(base.balance >= 0.0)
    assert np.all(base.balance[:, 2] > 0.0)  # oil estimated from electricity


def test_estimated_cells_are_flagged():
    whole = base_balance(get_territory("DEP-71"))
    assert not whole.estimated[:, :2].any() and whole.estimated[:, 2:].all()
    region = base_balance(get_territory("REG-27"))
    assert not region.estimated[:, :2].any()
    for code in ("COM-71270", "EPCI-200070308"):
        assert base_balance(get_territory(code)).estimated.all()


def test_below_departement_the_balance_is_apportioned_by_households_and_population():
    # issue 19: residential by households, agriculture by rural population, the rest by people
    from prospectif.calibration.energy_inputs import ore_cube, sector_weights

    commune = get_territory("COM-71270")
    deps, _ = ore_cube()
    weights = sector_weights(commune, deps)[0][deps.index("71")]
    ours, dep = base_balance(commune).balance, base_balance(get_territory("DEP-71")).balance
    for row in range(4):  # residential, tertiary, industry, agriculture
        np.testing.assert_allclose(ours[row], weights[row] * dep[row], rtol=1e-12)
    assert weights[1] == weights[2] == commune.shares["71"] != weights[0]


def test_estimated_carriers_follow_the_national_mix_ratio():
    metered = np.array([[100.0, 50.0], [80.0, 40.0], [60.0, 90.0], [10.0, 2.0]])
    full = estimate_balance(metered)
    assert full.shape == (4, len(CARRIERS))
    np.testing.assert_array_equal(full[:, :2], metered)
    residential = full[0]
    assert residential[2] / residential[:2].sum() == pytest.approx(
        NATIONAL_MIX[0, 2] / NATIONAL_MIX[0, :2].sum()
    )
    industry = full[2]  # scaled on electricity only
    assert industry[2] / industry[0] == pytest.approx(NATIONAL_MIX[2, 2] / NATIONAL_MIX[2, 0])
    np.testing.assert_allclose(NATIONAL_MIX.sum(axis=1), 1.0)


def test_unknown_sector_is_shared_pro_rata_and_kept_in_totals():
    ore = np.array([[[10.0, 0.0], [30.0, 0.0], [0.0, 0.0], [60.0, 0.0], [5.0, 2.0]]])
    shared = apportion_unknown(ore)
    np.testing.assert_allclose(shared[0, :, 0], [10.5, 31.5, 0.0, 63.0])
    np.testing.assert_allclose(shared[0, :, 1], [0.5, 0.5, 0.5, 0.5])  # no known sector: even
    np.testing.assert_allclose(shared.sum(axis=1), ore.sum(axis=1))


def test_observed_production_by_technology():
    years, production = observed_production(get_territory("DEP-71"))
    assert years[0] == BASE_YEAR and years[-1] >= 2023
    assert production.shape == (len(years), 4) and production[:, 0].min() > 0
    table = load_table("electricity_production")
    pv = table.query("dep == '71' and year == 2021 and technology == 'solar_pv'")
    assert production[0, 0] == pytest.approx(pv["production_mwh"].sum() / 1000)
    _, corsica = observed_production(get_territory("DEP-2A"))
    assert np.all(corsica == 0.0)


def test_balance_has_no_negative_cells_anywhere(departements):
    cells = np.stack([base_balance(t).balance for t in departements.values()])
    assert np.all(cells >= 0.0) and np.all(np.isfinite(cells))
