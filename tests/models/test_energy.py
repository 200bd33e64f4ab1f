"""Energy projection: identities, base-year ORE match, lever effects, emissions and errors."""

import numpy as np
import pytest

from prospectif.calibration.energy_inputs import energy_inputs, ore_cube
from prospectif.errors import ScenarioError
from prospectif.models.axes import ENERGY_BASE_YEAR as BASE_YEAR
from prospectif.models.energy import (
    CARRIER_NAMES,
    HEATING_SHARES,
    PRODUCTION_NAMES,
    SECTOR_NAMES,
    EnergyResult,
    project_energy,
)
from prospectif.models.energy_balance import NATIONAL_MIX
from prospectif.models.energy_climate import ClimateEffect
from prospectif.results.convert import energy_series
from prospectif.scenario import Scenario, load_preset
from prospectif.territory import get_territory
from prospectif.viz.energy import energy_flows

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

YEARS = np.arange(BASE_YEAR, 2051)
RES, TER, IND, AGR, TRA = range(5)
ELEC, GAS, OIL, WOOD, HEAT, OTHER = range(6)
TRANSPORT_MWH_PER_PERSON = {"petrol": 1.98, "diesel": 2.33, "electricity": 0.04, "other": 0.05}
"""Test transport energy per person and year (MWh): households' travel 299 TWh in 2023 for
68.4 million people, 4.4 MWh each (SDES, Bilan énergétique 2023, §5.2), split here 45 % petrol,
53 % diesel, 1 % electricity, 1 % other; electricity grows tenfold by 2050, oil falls by a
third (a simple stand-in for the mobility model)."""
PRESETS = (
    "energie-tendanciel",
    "energie-sobriete",
    "energie-technologie",
    "energie-intermediaire",
)


def transport_for(population: np.ndarray) -> dict[str, np.ndarray]:
    """Transport energy (GWh/yr) from :data:`TRANSPORT_MWH_PER_PERSON`."""
    path = np.linspace(0.0, 1.0, len(population))
    trend = {"petrol": 1 - path / 3, "diesel": 1 - path / 3, "electricity": 1 + 9 * path}
    return {
        key: population * mwh / 1000 * trend.get(key, 1.0)
        for key, mwh in TRANSPORT_MWH_PER_PERSON.items()
    }


def population_for(territory_code: str) -> np.ndarray:
    """A population path: 550,000 persons per département share, +0.2 % a year."""
    shares = get_territory(territory_code).shares.sum()
    return 550_000.0 * shares * 1.002 ** (YEARS - BASE_YEAR)


def run(code: str = "DEP-71", changes: dict | None = None, preset: str | None = None):
    scenario = load_preset(preset) if preset else Scenario(id="t", label={"fr": "t"})
    if changes:
        scenario = scenario.with_values(changes)
    population = population_for(code)
    inputs = energy_inputs(get_territory(code))
    return inputs, project_energy(
        inputs, YEARS, population, transport_for(population), scenario.energy
    )


@pytest.fixture(scope="module")
def trend():
    return run()


def test_totals_equal_sums_over_sectors_and_over_carriers(trend):
    _, result = trend
    series = {s.variable: s.values for s in energy_series(result)}
    total = series["Final Energy"]
    by_sector = sum(series[f"Final Energy|{s}"] for s in SECTOR_NAMES)
    by_carrier = sum(series[f"Final Energy|{s}|{c}"] for s in SECTOR_NAMES for c in CARRIER_NAMES)
    np.testing.assert_allclose(total, by_sector, rtol=1e-12)
    np.testing.assert_allclose(total, by_carrier, rtol=1e-12)
    for s in SECTOR_NAMES:
        parts = sum(series[f"Final Energy|{s}|{c}"] for c in CARRIER_NAMES)
        np.testing.assert_allclose(series[f"Final Energy|{s}"], parts, rtol=1e-12)
    produced = sum(series[f"Renewable Production|{t}"] for t in PRODUCTION_NAMES)
    np.testing.assert_allclose(series["Renewable Production"], produced, rtol=1e-12)
    np.testing.assert_allclose(
        series["Emissions|GHG"], sum(series[f"Emissions|GHG|{s}"] for s in SECTOR_NAMES)
    )


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("code", ["DEP-71", "FR", "DEP-2A", "DEP-976", "COM-71270"])
def test_no_negative_flows(preset, code):
    _, result = run(code, preset=preset)
    for array in (result.energy, result.production, result.emissions, result.bill):
        assert np.all(np.isfinite(array)) and np.all(array >= 0.0)
    assert np.all(result.ambient <= result.energy[..., WOOD] + 1e-9)
    assert np.all(result.bill_leaving <= result.bill)


def test_extreme_levers_keep_flows_non_negative():
    _, result = run(
        changes={
            "energy.residential.renovation_rate": 5.0,
            "energy.residential.renovation_gain": 90.0,
            "energy.residential.temperature_reduction": 3.0,
            "energy.residential.oil_boilers_replaced": 100.0,
            "energy.residential.gas_boilers_replaced": 100.0,
            "energy.residential.switch_year": 2022,
            "energy.tertiary.decree_reached": 100.0,
            "energy.tertiary.floor_area_growth": -3.0,
            "energy.activity.industry_trend": -10.0,
        }
    )
    assert np.all(result.energy >= 0.0)
    assert np.all(result.energy[1:, RES, OIL] < result.energy[0, RES, OIL])
    # all oil and gas heating replaced: only their other uses remain, both following households
    np.testing.assert_allclose(
        result.energy[1:, RES, GAS] / result.energy[1:, RES, OIL],
        result.energy[0, RES, GAS] / result.energy[0, RES, OIL],
        rtol=1e-12,
    )


def test_every_departement_base_year_electricity_and_gas_equal_ore():
    deps, _ = ore_cube()
    for dep in deps:
        code = f"DEP-{dep}"
        inputs, result = run(code)
        np.testing.assert_array_equal(result.energy[0, :4, :2], inputs.balance[:, :2])
        ore = inputs.ore
        np.testing.assert_allclose(result.energy[0, :4, :2].sum(axis=0), ore.sum(axis=0))
    inputs, result = run("FR")
    np.testing.assert_allclose(result.energy[0, :4, :2].sum(axis=0), inputs.ore.sum(axis=0))


def test_base_year_reproduces_the_base_balance_and_transport(trend):
    inputs, result = trend
    np.testing.assert_allclose(result.energy[0, :4], inputs.balance, rtol=1e-12)
    population = population_for("DEP-71")
    transport = transport_for(population)
    np.testing.assert_allclose(
        result.energy[:, TRA, OIL], transport["petrol"] + transport["diesel"]
    )
    np.testing.assert_allclose(result.energy[:, TRA, ELEC], transport["electricity"])
    np.testing.assert_allclose(result.energy[:, TRA, OTHER], transport["other"])
    assert result.energy[:, TRA, [GAS, WOOD, HEAT]].sum() == 0.0


def test_estimated_flags_cover_every_cell(trend):
    _, result = trend
    assert result.estimated.shape == (5, 6)
    assert not result.estimated[:4, :2].any()
    assert result.estimated[:, 2:].all() and result.estimated[TRA].all()


def residential(changes):
    return run(changes=changes)[1].energy[-1, RES].sum()


def test_more_renovation_means_less_residential_energy():
    low = residential({"energy.residential.renovation_rate": 0.3})
    high = residential({"energy.residential.renovation_rate": 2.0})
    deeper = residential(
        {"energy.residential.renovation_rate": 2.0, "energy.residential.renovation_gain": 60.0}
    )
    assert deeper < high < low


def test_efficiency_trend_lowers_residential_energy():
    levels = [residential({"energy.residential.efficiency_trend": t}) for t in (0.0, -0.8, -2.0)]
    assert levels[0] > levels[1] > levels[2]


def test_heating_shares_make_two_thirds_of_residential_energy():
    assert HEATING_SHARES @ NATIONAL_MIX[RES] == pytest.approx(0.66)
    assert np.all((HEATING_SHARES >= 0) & (HEATING_SHARES <= 1))


def test_lower_heating_temperature_means_less_heating():
    levels = [residential({"energy.residential.temperature_reduction": t}) for t in (0, 1, 2)]
    assert levels[0] > levels[1] > levels[2]
    saved = 1 - (levels[1] - levels[2]) / (levels[0] - levels[1])
    assert saved == pytest.approx(0.07, abs=1e-9)  # each degree saves 7 % of what is left


def test_more_pv_means_higher_coverage():
    coverage = [
        run(changes={"energy.renewables.pv_additions": pv})[1].coverage[-1] for pv in (0, 5, 20)
    ]
    assert coverage[0] < coverage[1] < coverage[2]


def test_higher_tertiary_target_means_less_tertiary_energy():
    levels = [
        run(changes={"energy.tertiary.decree_reached": share})[1].energy[:, TER].sum(axis=1)
        for share in (0, 50, 100)
    ]
    assert np.all(levels[0][1:] > levels[1][1:]) and np.all(levels[1][1:] > levels[2][1:])
    at_2030 = int(np.flatnonzero(YEARS == 2030)[0])
    area = 1.002**9
    assert levels[2][at_2030] == pytest.approx(levels[0][at_2030] * 0.6, rel=1e-12)
    assert levels[0][at_2030] == pytest.approx(levels[0][0] * area, rel=1e-12)


def test_replacing_gas_boilers_by_heat_pumps_cuts_gas_and_emissions():
    base = run(changes={"energy.residential.gas_boilers_replaced": 0.0})[1]
    switched = run(changes={"energy.residential.gas_boilers_replaced": 100.0})[1]
    assert switched.energy[-1, RES, GAS] < base.energy[-1, RES, GAS]
    assert switched.energy[-1, RES, ELEC] > base.energy[-1, RES, ELEC]
    assert switched.emissions[-1, RES] < base.emissions[-1, RES]
    heat_pumps = PRODUCTION_NAMES.index("Heat Pumps")
    assert switched.production[-1, heat_pumps] > base.production[-1, heat_pumps]


def test_better_heat_pumps_use_less_electricity():
    changes = {"energy.residential.gas_boilers_replaced": 100.0}
    cop2 = run(changes={**changes, "energy.residential.heat_pump_cop": 2.0})[1]
    cop4 = run(changes={**changes, "energy.residential.heat_pump_cop": 4.0})[1]
    assert cop4.energy[-1, RES, ELEC] < cop2.energy[-1, RES, ELEC]
    np.testing.assert_allclose(
        cop4.energy[-1, RES].sum() - cop4.energy[-1, RES, ELEC],
        cop2.energy[-1, RES].sum()
        - cop2.energy[-1, RES, ELEC]
        + (cop4.ambient[-1, RES] - cop2.ambient[-1, RES]),
        rtol=1e-12,
    )


def test_emissions_are_energy_times_factors(trend):
    _, result = trend
    factors = Scenario(id="t", label={"fr": "t"}).energy.emission_factors
    f = np.array([getattr(factors, n) for n in ("electricity", "gas", "oil")])
    expected = (
        result.energy[..., :3] @ f
        + (result.energy[..., WOOD] - result.ambient) * factors.wood_renewables
        + result.energy[..., HEAT] * factors.district_heat
        + result.energy[..., OTHER] * factors.other
    )
    np.testing.assert_allclose(result.emissions, expected, rtol=1e-12)


def test_bill_is_energy_times_prices(trend):
    _, result = trend
    p = Scenario(id="t", label={"fr": "t"}).energy.prices
    by_carrier = result.energy.sum(axis=1)
    paid = (
        by_carrier[:, ELEC] * p.electricity
        + by_carrier[:, GAS] * p.gas
        + by_carrier[:, OIL] * p.oil
        + (by_carrier[:, WOOD] - result.ambient.sum(axis=1)) * p.wood_renewables
        + by_carrier[:, HEAT] * p.district_heat
        + by_carrier[:, OTHER] * p.other
    )
    np.testing.assert_allclose(result.bill, paid / 1000, rtol=1e-12)
    nothing_leaves = run(changes={"energy.prices.leaving_share": 0.0})[1]
    assert np.all(nothing_leaves.bill_leaving == 0.0)


def test_targets_follow_the_national_percentages(trend):
    _, result = trend
    base_emissions = result.emissions[0].sum()
    at = {year: int(np.flatnonzero(YEARS == year)[0]) for year in (2030, 2050)}
    level_1990 = base_emissions * 540 / 418
    assert result.emissions_target[0] == pytest.approx(base_emissions)
    assert result.emissions_target[at[2030]] == pytest.approx(0.5 * level_1990)
    assert result.emissions_target[at[2050]] == pytest.approx(level_1990 / 6)
    level_2012 = result.final_energy[0] / (1 - 0.044)
    assert result.energy_target[at[2030]] == pytest.approx(0.8 * level_2012)
    assert result.energy_target[at[2050]] == pytest.approx(0.5 * level_2012)


def test_observed_production_is_kept_then_grows(trend):
    inputs, result = trend
    observed = len(inputs.production_years)
    np.testing.assert_array_equal(result.production[:observed, :4], inputs.production)
    none = run(changes={"energy.renewables.pv_additions": 0.0})[1]
    assert np.all(none.production[observed:, 0] == inputs.production[-1, 0])


def test_coverage_and_flows_are_consistent(trend):
    _, result = trend
    np.testing.assert_allclose(
        result.coverage, 100 * result.production.sum(axis=1) / result.final_energy
    )
    flows = energy_flows(result, 2030)
    assert set(flows.columns) == {"carrier", "sector", "gwh"}
    assert flows["gwh"].sum() == pytest.approx(result.final_energy[YEARS == 2030][0])
    assert (flows["gwh"] > 0).all()


def test_series_names_and_units(trend):
    _, result = trend
    units = {s.variable: s.unit for s in energy_series(result)}
    assert units["Final Energy|Residential|Wood and Other Renewables"] == "GWh/yr"
    assert units["Renewable Coverage"] == "%"
    assert units["Emissions|GHG|Transport"] == "ktCO2e/yr"
    assert units["Target|Emissions|GHG"] == "ktCO2e/yr"
    assert units["Target|Final Energy"] == "GWh/yr"
    assert units["Energy Bill|Leaving Territory"] == "million EUR/yr"
    assert all(len(s.values) == len(YEARS) for s in energy_series(result))


def test_presets_are_ordered_as_their_stories_say():
    results = {p: run(preset=p)[1] for p in PRESETS}
    energy = {p: r.final_energy[-1] for p, r in results.items()}
    coverage = {p: r.coverage[-1] for p, r in results.items()}
    assert energy["energie-sobriete"] < energy["energie-intermediaire"]
    assert energy["energie-intermediaire"] < energy["energie-tendanciel"]
    assert energy["energie-technologie"] < energy["energie-tendanciel"]
    assert coverage["energie-technologie"] > coverage["energie-tendanciel"]
    emissions = {p: r.emissions[-1].sum() for p, r in results.items()}
    assert max(emissions, key=emissions.get) == "energie-tendanciel"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"years": np.arange(2022, 2030)}, r"years must be consecutive and start at 2021"),
        ({"years": np.array([2021, 2023])}, r"years must be consecutive"),
        ({"population": np.ones(3)}, r"population has shape \(3,\); expected \(30,\)"),
        ({"transport_gwh": {"petrol": np.ones(30)}}, r"transport_gwh lacks \['diesel'"),
    ],
)
def test_bad_inputs_are_refused(kwargs, message):
    inputs = energy_inputs(get_territory("DEP-71"))
    years = np.arange(BASE_YEAR, 2051)
    population = np.full(len(years), 1e5)
    arguments = {
        "years": years,
        "population": population,
        "transport_gwh": transport_for(population),
        **kwargs,
    }
    if "years" in kwargs:
        arguments["population"] = np.ones(len(kwargs["years"]))
    with pytest.raises(ValueError, match=message):
        project_energy(inputs, params=Scenario(id="t", label={"fr": "t"}).energy, **arguments)


def test_short_transport_series_are_refused():
    inputs = energy_inputs(get_territory("DEP-71"))
    population = np.full(len(YEARS), 1e5)
    transport = {**transport_for(population), "other": np.ones(3)}
    with pytest.raises(ValueError, match=r"transport_gwh\['other'\] has shape \(3,\)"):
        project_energy(
            inputs, YEARS, population, transport, Scenario(id="t", label={"fr": "t"}).energy
        )


def test_flows_of_a_year_not_projected_are_refused(trend):
    _, result = trend
    assert isinstance(result, EnergyResult)
    with pytest.raises(ValueError, match=r"year 2060 is not projected; choose from 2021 to 2050"):
        energy_flows(result, 2060)


def test_out_of_range_assumption_is_reported_in_plain_language():
    with pytest.raises(
        ScenarioError, match=r"heat_pump_cop = 9: too large; allowed range 1.5 to 5"
    ):
        Scenario(id="t", label={"fr": "t"}).with_values({"energy.residential.heat_pump_cop": 9})


def test_outdoor_warming_saves_heating_as_a_lower_indoor_temperature_and_adds_cooling():
    scenario = Scenario(id="t", label={"fr": "t"})
    inputs = energy_inputs(get_territory("DEP-71"))
    population = population_for("DEP-71")
    transport = transport_for(population)

    def energy(climate=None, **changes):
        params = scenario.with_values(changes).energy if changes else scenario.energy
        return project_energy(inputs, YEARS, population, transport, params, climate)

    ramp = np.clip((YEARS - BASE_YEAR) / (2030 - BASE_YEAR), 0, 1)
    warm = ClimateEffect(ramp * 1.0, np.ones(len(YEARS)))
    indoor = energy(**{"energy.residential.temperature_reduction": 1.0})
    outdoor = energy(warm)
    np.testing.assert_allclose(outdoor.energy[:, RES], indoor.energy[:, RES], rtol=1e-12)
    assert (outdoor.energy[-1, TER] < energy().energy[-1, TER]).all()
    hotter = energy(ClimateEffect(np.zeros(len(YEARS)), 1 + ramp))
    added = hotter.energy[:, :, ELEC] - energy().energy[:, :, ELEC]
    np.testing.assert_allclose(added, hotter.cooling, atol=1e-9)
    assert hotter.cooling[-1, RES] > 0 and hotter.cooling[-1, TER] > 0
    assert (hotter.cooling[:, IND:] == 0).all() and (hotter.cooling[0] == 0).all()
