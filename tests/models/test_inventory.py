"""Tests of the whole greenhouse-gas inventory: base year, levers, SNBC path, carbon budgets."""

from __future__ import annotations

import numpy as np
import pytest

from prospectif.calibration.inventory_inputs import base_inventory, ratio_1990
from prospectif.data import load_table
from prospectif.models.inventory import (
    GASES,
    INVENTORY_SECTORS,
    MANURE_METHANE_SHARE,
    InventoryDrivers,
    carbon_budgets,
    project_inventory,
)
from prospectif.pipeline import run, run_chain
from prospectif.scenario import load_preset
from prospectif.territory import get_territory

YEARS = np.arange(2021, 2051)
SECTOR = {name: i for i, name in enumerate(INVENTORY_SECTORS)}
SECTEN_2021_MT = 422.4


def flat_drivers() -> InventoryDrivers:
    ones = np.ones(YEARS.shape)
    return InventoryDrivers(ones, ones, ones, ones, ones, ones)


def levers(**changes):
    """The trend scenario's emissions section with dotted ``changes`` applied."""
    scenario = load_preset("tendanciel").with_values(
        {f"emissions.{key.replace('__', '.')}": value for key, value in changes.items()}
    )
    return scenario.emissions


@pytest.fixture(scope="module")
def base71() -> np.ndarray:
    return base_inventory(get_territory("DEP-71"))


def test_france_2021_is_the_secten_total_within_one_percent():
    table = run("FR", load_preset("tendanciel"))
    total = table.query("variable == 'Emissions|Inventory' and year == 2021")["value"].item()
    assert total / 1000 == pytest.approx(SECTEN_2021_MT, rel=0.01)
    for name in ("Livestock", "Heavy Goods Vehicles", "Waste", "Cultivated Land", "Industry"):
        value = table.query(f"variable == 'Emissions|Inventory|{name}' and year == 2021")["value"]
        assert value.item() > 0, name


def test_base_year_of_a_departement_is_its_inventory(base71):
    table = load_table("ghg_inventory")
    rows = table[(table["dep"] == "71") & (table["year"] == 2021)]
    assert base71.sum() == pytest.approx(rows["emissions_kt"].sum(), rel=1e-12)
    livestock = rows[rows["sector"] == "agriculture_livestock"]["emissions_kt"].sum()
    assert base71[SECTOR["agriculture_livestock"]].sum() == pytest.approx(livestock, rel=1e-12)


def test_with_no_change_and_flat_drivers_every_year_is_the_base_year(base71):
    result = project_inventory(base71, YEARS, flat_drivers(), levers(), 1.3)
    others = [i for name, i in SECTOR.items() if name != "road_freight_heavy"]
    expected = np.broadcast_to(base71[others], (len(YEARS), *base71[others].shape))
    np.testing.assert_allclose(result.emissions[:, others], expected, rtol=1e-12)


def test_freight_grows_with_tonne_km_and_falls_with_rail_and_electric_lorries(base71):
    heavy = SECTOR["road_freight_heavy"]
    trend = project_inventory(base71, YEARS, flat_drivers(), levers(), 1.3).emissions[:, heavy]
    np.testing.assert_allclose(trend.sum(axis=1), base71[heavy].sum() * 1.01 ** (YEARS - 2021))
    shifted = (
        project_inventory(
            base71,
            YEARS,
            flat_drivers(),
            levers(freight__rail_waterway_share=34.0, freight__electric_lorries=50.0),
            1.3,
        )
        .emissions[:, heavy]
        .sum(axis=1)
    )
    # 2050: road keeps 66 % of tonne-km instead of 88 %, half of it electric
    expected = base71[heavy].sum() * 1.01**29 * (0.66 / 0.88) * 0.5
    assert shifted[-1] == pytest.approx(expected, rel=1e-12)


def test_herd_feed_and_methanisation_move_livestock_methane(base71):
    livestock = SECTOR["agriculture_livestock"]
    ch4, n2o = GASES.index("ch4"), GASES.index("n2o")
    result = project_inventory(
        base71,
        YEARS,
        flat_drivers(),
        levers(
            farming__herd_change=-20.0,
            farming__enteric_reduction=30.0,
            farming__methanisation_share=60.0,
        ),
        1.3,
    )
    per_head_ch4 = (1 - MANURE_METHANE_SHARE) * 0.7 + MANURE_METHANE_SHARE * 0.4
    assert result.emissions[-1, livestock, ch4] == pytest.approx(
        base71[livestock, ch4] * 0.8 * per_head_ch4, rel=1e-12
    )
    assert result.emissions[-1, livestock, n2o] == pytest.approx(
        base71[livestock, n2o] * 0.8, rel=1e-12
    )
    assert result.emissions[0, livestock, ch4] == pytest.approx(base71[livestock, ch4])


def test_waste_methane_capture_cuts_methane_only(base71):
    waste = SECTOR["waste"]
    result = project_inventory(
        base71, YEARS, flat_drivers(), levers(waste_processes__methane_capture=50.0), 1.3
    )
    assert result.emissions[-1, waste, GASES.index("ch4")] == pytest.approx(
        base71[waste, GASES.index("ch4")] * 0.5
    )
    assert result.emissions[-1, waste, GASES.index("co2")] == pytest.approx(
        base71[waste, GASES.index("co2")]
    )


def test_snbc_path_on_the_inventory_scope_uses_the_unfccc_1990_reference(base71):
    ratio = ratio_1990()
    assert ratio == pytest.approx(551.4 / 422.4)
    result = project_inventory(base71, YEARS, flat_drivers(), levers(), ratio)
    level_1990 = base71.sum() * ratio
    assert result.target[YEARS == 2030].item() == pytest.approx(level_1990 / 2)
    assert result.target[-1] == pytest.approx(level_1990 / 6)


def test_carbon_budget_spent_year():
    years = np.arange(2021, 2031)
    emissions = np.array([[10.0, 5.0]] * len(years))
    target = np.linspace(15.0, 5.0, len(years))
    budget, spent = carbon_budgets(years, emissions, np.array([10.0, 5.0]), target, end=2030)
    np.testing.assert_allclose(budget, np.array([2, 1]) / 3 * target.sum())
    # cumulated 10 a year passes 2/3 × 100 = 66.7 in the 7th year, 2027
    assert spent.tolist() == [2027.0, 2027.0]
    never, spent_never = carbon_budgets(years, emissions * 0.1, np.array([10.0, 5.0]), target)
    assert np.isnan(spent_never).all()


def test_chain_inventory_follows_the_energy_and_mobility_models():
    run71 = run_chain(get_territory("DEP-71"), load_preset("sobriete"))
    trend = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
    cars = SECTOR["road_passengers"]
    ratio = (
        run71.emissions.emissions[:, cars].sum(axis=1) / run71.emissions.emissions[0, cars].sum()
    )
    tailpipe = run71.mobility.tailpipe_kt / run71.mobility.tailpipe_kt[0]
    np.testing.assert_allclose(ratio, tailpipe, rtol=1e-12)
    assert run71.emissions.total[-1] < trend.emissions.total[-1]


def test_budget_table_and_figure_say_when_each_budget_is_spent():
    import plotly.graph_objects as go

    from prospectif.viz.emissions import budget_spec, budget_table

    result = run_chain(get_territory("DEP-71"), load_preset("tendanciel")).emissions
    table = budget_table(result)
    within = result.years <= 2050
    assert table["cumulated_kt"].sum() == pytest.approx(result.emissions[within].sum())
    assert table["budget_kt"].sum() == pytest.approx(result.target[within].sum())
    livestock = table.set_index("sector").loc["Élevage"]
    assert livestock["spent_year"] == result.budget_spent_year[SECTOR["agriculture_livestock"]]
    figure = go.Figure(budget_spec(table, "t", "fr"))
    texts = list(figure.data[0].text)
    assert texts[0] == f"épuisé en {int(table['spent_year'].iloc[0])}"
    assert list(figure.data[1].x) == pytest.approx(list(table["budget_kt"]))
    english = go.Figure(budget_spec(budget_table(result, "en"), "t", "en"))
    assert english.data[0].text[0].startswith("spent in ")
