"""Territorial energy–climate projection: final energy, renewables, emissions and the bill.

A pure function of the base balance (:mod:`.energy_balance`), the population path, the
mobility model's transport energy and the scenario's energy assumptions. Everything is
vectorised over years; one territory takes well under a millisecond. Equations and sources:
``docs/methodology/energy.md``.

Arrays are indexed (year, sector, carrier) with sectors ``SECTOR_NAMES`` and carriers
``CARRIER_NAMES``; energy is in GWh/yr, emissions in ktCO2e/yr (GWh × kgCO2e/kWh = ktCO2e),
money in million € per year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError
from .axes import ENERGY_BASE_YEAR, TRANSPORT_CARRIERS
from .demography import linear_path
from .energy_balance import CARRIERS, NATIONAL_MIX
from .energy_climate import (
    RESIDENTIAL_COOLING_SHARE,
    TERTIARY_COOLING_SHARE,
    TERTIARY_HEATING_SHARE,
    ClimateEffect,
)

if TYPE_CHECKING:
    from ..scenario.energy import Energy

SECTOR_NAMES = ("Residential", "Tertiary", "Industry", "Agriculture", "Transport")
CARRIER_NAMES = ("Electricity", "Gas", "Oil", "Wood and Other Renewables", "District Heat", "Other")
PRODUCTION_NAMES = (
    "Solar PV",
    "Wind",
    "Hydro",
    "Bioenergy Electricity",
    "Biomass Heat",
    "Biogas",
    "Heat Pumps",
    "Solar Thermal",
)
"""Renewable production technologies; the first four are Enedis electricity."""

RES, TER, IND, AGR, TRA = range(5)
ELEC, GAS, OIL, WOOD, HEAT, OTHER = range(6)
PV, WIND, BIOMASS, BIOGAS, HEAT_PUMPS, SOLAR_THERMAL = 0, 1, 4, 5, 6, 7

PERSONS_PER_HOUSEHOLD_2021 = 2.2
"""Average household size in 2021 (persons); INSEE, census: "about 2.2"."""

HEATING_SHARE_GAS = 0.35 * (2.0 / 3.0) / 0.28
"""Share of residential gas used for heating (fraction): gas is 28 % of residential energy
and 35 % of its heating, heating "more than two thirds" of it (SDES, Bilan énergétique 2021,
§5.3)."""
RESIDENTIAL_HEATING_SHARE = 0.66
"""Heating share of residential energy (fraction); SDES, Chiffres clés du logement 2022
(CEREN, 2018): 282 TWh, 66 %."""
WOOD_RENEWABLES_HEATING_SHARE = 0.95
"""Heating share of wood, heat-pump and solar heat in dwellings (fraction); modelling choice
(solar heat and part of heat-pump heat go to hot water)."""

RESIDENTIAL_RENEWABLES_SPLIT = {"wood": 0.59, "heat_pumps": 0.38, "solar_thermal": 0.03}
"""Residential renewables by origin (fraction); SDES, Bilan énergétique 2023, §5.3. Other
sectors' renewables are counted as biomass."""

EFFICIENCY = np.array([1.0, 0.85, 0.85, 0.85, 0.90, 1.0])
"""Useful heat per unit of final energy by carrier (fraction), from the ADEME Impact CO2
heating convention (150 kWh/m² of need): gas and oil 0.85; pellets 0.85 (150 × 0.032 / 5.64);
district heat 0.90 (150 × 0.112 / 18.67)."""

HEAT_SAVING_PER_DEGREE = 0.07
"""Heating saved per °C of lower indoor temperature (fraction); ADEME."""

DECREE_YEARS = np.array([ENERGY_BASE_YEAR, 2030, 2040, 2050])
DECREE_REDUCTION = np.array([0.0, 0.40, 0.50, 0.60])
"""Tertiary decree (décret n° 2019-771): −40 %, −50 %, −60 % in 2030, 2040, 2050 against a
reference year, taken here as 2021 (modelling choice)."""

NATIONAL_GHG_1990 = 540.0
"""France's gross GHG emissions in 1990 (MtCO2e), derived from the draft SNBC-3 ceiling of
270 MtCO2e in 2030 for −50 % (Citepa, Baromètre, Dec. 2024)."""
NATIONAL_GHG_2021 = 418.0
"""France's gross GHG emissions in 2021 (MtCO2e); Citepa, pre-estimate (June 2022)."""
SNBC_2030_REDUCTION = 0.50
"""GHG reduction 1990 → 2030 of the draft third SNBC (fraction); vie-publique.fr, Dec. 2025."""
SNBC_2050_DIVISOR = 6.0
"""Carbon neutrality in 2050: gross emissions divided by more than 6 from 1990; Code de
l'énergie, art. L100-4 (2019)."""
FINAL_ENERGY_2012_TO_2021 = -0.044
"""Change of France's climate-corrected final energy 2012 → 2021 (fraction); SDES, Bilan
énergétique 2021, §5.1."""
FINAL_ENERGY_TARGETS = {2030: -0.20, 2050: -0.50}
"""Final energy against 2012 (fraction); Code de l'énergie, art. L100-4 (2019)."""

DISTRICT_HEAT_LOCAL_SHARE = 0.626
"""Share of district heat from local renewable and recovered energy, 2021 (fraction);
AMORCE and Fedene (relayed by Batiweb, Dec. 2022)."""
HOURS_PER_YEAR = 8760.0


@dataclass(frozen=True)
class EnergyInputs:
    """What the projection needs from the data for one territory.

    Attributes
    ----------
    balance
        Base-year final energy of the stationary sectors (GWh/yr), shape (4 sectors, 6
        carriers).
    estimated
        True where a ``balance`` cell is estimated rather than read from ORE, shape (4, 6).
    ore
        ORE electricity and gas by (residential, tertiary, industry, agriculture, unknown)
        weighted by the territory's shares (GWh/yr), shape (5, 2).
    production_years
        Years of the Enedis production data, from the base year to the last published.
    production
        Enedis renewable production (GWh/yr), shape (year, technology: solar PV, wind,
        hydro, bioenergy).
    """

    balance: np.ndarray
    estimated: np.ndarray
    ore: np.ndarray
    production_years: np.ndarray
    production: np.ndarray


@dataclass(frozen=True)
class EnergyResult:
    """A territory's energy–climate trajectory.

    Attributes
    ----------
    years
        Calendar years (flows during each year).
    energy
        Final energy (GWh/yr), shape (year, sector, carrier).
    ambient
        Heat-pump and solar heat inside the 'Wood and Other Renewables' carrier (GWh/yr),
        shape (year, sector); it has no emissions and no price.
    production
        Local renewable production (GWh/yr), shape (year, technology ``PRODUCTION_NAMES``).
    emissions
        GHG emissions (ktCO2e/yr), shape (year, sector).
    emissions_target, energy_target
        National targets applied to the territory (ktCO2e/yr; GWh/yr).
    bill, bill_leaving
        Energy bill and the part leaving the territory (million €/yr).
    estimated
        True where a base-year cell is estimated, shape (sector, carrier).
    """

    years: np.ndarray
    energy: np.ndarray
    ambient: np.ndarray
    production: np.ndarray
    emissions: np.ndarray
    emissions_target: np.ndarray
    energy_target: np.ndarray
    bill: np.ndarray
    bill_leaving: np.ndarray
    estimated: np.ndarray
    cooling: np.ndarray
    """Cooling electricity added by the climate since the base year (GWh/yr), by (year,
    sector); inside ``energy``'s electricity, zero outside residential and tertiary."""
    warming: np.ndarray
    """Outdoor warming since the base year the balance was computed with (°C), by year."""

    @property
    def final_energy(self) -> np.ndarray:
        """Total final energy (GWh/yr) by year."""
        return self.energy.sum(axis=(1, 2))

    @property
    def coverage(self) -> np.ndarray:
        """Renewable production over final energy (%), the 'TEPOS' ratio."""
        total = self.final_energy
        produced = self.production.sum(axis=1)
        return 100.0 * np.divide(produced, total, out=np.zeros_like(total), where=total > 0)


def project_energy(
    inputs: EnergyInputs,
    years: np.ndarray,
    population: np.ndarray,
    transport_gwh: dict[str, np.ndarray],
    params: Energy,
    climate: ClimateEffect | None = None,
) -> EnergyResult:
    """Project a territory's energy balance, renewables, emissions and bill.

    Parameters
    ----------
    inputs
        The territory's base data (:func:`prospectif.calibration.energy_inputs.energy_inputs`).
    years
        Consecutive calendar years starting at the base year 2021.
    population
        The territory's persons on 1 January of each year.
    transport_gwh
        Transport energy from the mobility model (GWh/yr over ``years``), keys ``petrol``,
        ``diesel`` (oil), ``electricity`` and ``other``.
    params
        The scenario's energy assumptions.
    climate
        Warming and days over 25 °C of the climate pathway from 2021
        (:mod:`.energy_climate`); default: the 2021 climate held.

    Raises
    ------
    ValueError
        If ``years`` do not start at 2021 or are not consecutive, or the population or
        transport arrays do not match them.
    """
    years = np.asarray(years, dtype=int)
    population = _check_inputs(years, np.asarray(population, dtype=float), transport_gwh)
    climate = climate or ClimateEffect.constant(len(years))
    energy = np.zeros((len(years), len(SECTOR_NAMES), len(CARRIERS)))
    energy[:, RES], residential_ambient, heat_pump_heat = residential(
        inputs.balance[RES], years, population, params, climate.warming
    )
    energy[:, TER] = tertiary(inputs.balance[TER], years, population, params, climate.warming)
    cooling = np.zeros(energy.shape[:2])
    extra = climate.cooling_extra()
    cooling[:, RES] = inputs.balance[RES, ELEC] * RESIDENTIAL_COOLING_SHARE * extra
    cooling[:, RES] *= dwelling_index(years, population, params)
    cooling[:, TER] = inputs.balance[TER, ELEC] * TERTIARY_COOLING_SHARE * extra
    cooling[:, TER] *= tertiary_activity(years, population, params)
    energy[:, :, ELEC] += cooling
    steps = (years - ENERGY_BASE_YEAR)[:, None]
    energy[:, IND] = inputs.balance[IND] * (1 + params.activity.industry_trend / 100) ** steps
    energy[:, AGR] = inputs.balance[AGR] * (1 + params.activity.agriculture_trend / 100) ** steps
    energy[:, TRA] = transport(transport_gwh)
    ambient = np.zeros(energy.shape[:2])
    ambient[:, RES] = residential_ambient
    production = renewable_production(
        inputs, years, population[0], energy, ambient, heat_pump_heat, params
    )
    emissions = sector_emissions(energy, ambient, params)
    bill, leaving = energy_bill(energy, ambient, production, params)
    estimated = np.ones((len(SECTOR_NAMES), len(CARRIERS)), dtype=bool)
    estimated[: len(inputs.estimated)] = inputs.estimated
    return EnergyResult(
        years=years,
        energy=energy,
        ambient=ambient,
        production=production,
        emissions=emissions,
        emissions_target=emissions_target(years, emissions.sum(axis=1)[0]),
        energy_target=final_energy_target(years, energy[0].sum()),
        bill=bill,
        bill_leaving=leaving,
        estimated=estimated,
        cooling=cooling,
        warming=climate.warming,
    )


def _check_inputs(
    years: np.ndarray, population: np.ndarray, transport_gwh: dict[str, np.ndarray]
) -> np.ndarray:
    if (
        years.ndim != 1
        or years.size == 0
        or years[0] != ENERGY_BASE_YEAR
        or np.any(np.diff(years) != 1)
    ):
        raise ModelError("model.years_from", first=ENERGY_BASE_YEAR, value=years)
    if population.shape != years.shape:
        shape, expected = population.shape, years.shape
        raise ModelError("model.shape", name="population", shape=shape, expected=expected)
    missing = sorted(set(TRANSPORT_CARRIERS) - set(transport_gwh))
    if missing:
        allowed = ", ".join(TRANSPORT_CARRIERS)
        raise ModelError("model.keys", name="transport_gwh", missing=missing, allowed=allowed)
    for key in TRANSPORT_CARRIERS:
        if np.shape(transport_gwh[key]) != years.shape:
            name, shape = f"transport_gwh[{key!r}]", np.shape(transport_gwh[key])
            raise ModelError("model.shape", name=name, shape=shape, expected=years.shape)
    return population


def ramp(years: np.ndarray, target_year: int) -> np.ndarray:
    """0 in the base year rising linearly to 1 in ``target_year``, then 1 (fraction)."""
    return linear_path(0.0, 1.0, ENERGY_BASE_YEAR, target_year, years)


def heating_shares() -> np.ndarray:
    """Heating share of each residential carrier (fraction).

    Gas, oil and district heat: :data:`HEATING_SHARE_GAS`; wood and renewables:
    :data:`WOOD_RENEWABLES_HEATING_SHARE`; electricity: what makes heating
    :data:`RESIDENTIAL_HEATING_SHARE` of the national residential mix.
    """
    boiler, renewable = HEATING_SHARE_GAS, WOOD_RENEWABLES_HEATING_SHARE
    shares = np.array([0.0, boiler, boiler, renewable, boiler, 0.0])
    mix = NATIONAL_MIX[RES]
    shares[ELEC] = (RESIDENTIAL_HEATING_SHARE - mix @ shares) / mix[ELEC]
    return shares


HEATING_SHARES = heating_shares()
"""Heating share of each residential carrier (fraction)."""


def households_index(years: np.ndarray, population: np.ndarray, params: Energy) -> np.ndarray:
    """Households relative to the base year: population over persons per household."""
    p = params.residential
    size = PERSONS_PER_HOUSEHOLD_2021 + (
        p.persons_per_household_target - PERSONS_PER_HOUSEHOLD_2021
    ) * ramp(years, p.persons_per_household_year)
    return (population / size) / (population[0] / PERSONS_PER_HOUSEHOLD_2021)


def dwelling_index(years: np.ndarray, population: np.ndarray, params: Energy) -> np.ndarray:
    """Residential energy of all uses relative to the base year.

    Households times the efficiency trend of energy per household.
    """
    trend = (1 + params.residential.efficiency_trend / 100) ** (years - ENERGY_BASE_YEAR)
    return households_index(years, population, params) * trend


def heating_index(
    years: np.ndarray, params: Energy, warming: np.ndarray | float = 0.0
) -> np.ndarray:
    """Heating energy per household relative to the base year: renovation, sobriety (lower
    indoor temperature) and the outdoor ``warming`` since the base year (°C), which removes
    the same degree-days as lowering the indoor temperature as much.
    """
    p = params.residential
    renovated = np.minimum(p.renovation_rate / 100 * (years - ENERGY_BASE_YEAR), 1.0)
    degrees = p.temperature_reduction * ramp(years, p.temperature_year) + warming
    return (1 - p.renovation_gain / 100 * renovated) * (1 - HEAT_SAVING_PER_DEGREE) ** degrees


def residential(
    base: np.ndarray,
    years: np.ndarray,
    population: np.ndarray,
    params: Energy,
    warming: np.ndarray | float = 0.0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Residential final energy by carrier, its ambient heat and the switched heat-pump heat.

    Non-heating uses follow households and the efficiency trend; heating follows them,
    renovation, sobriety and the outdoor ``warming`` since 2021 (°C, by year);
    the replaced share of oil and gas heating is turned into useful heat (boiler efficiency)
    and delivered by heat pumps (electricity + ambient heat), wood or district heat.

    Parameters
    ----------
    base
        Base-year residential energy by carrier (GWh/yr), shape (6,).

    Returns
    -------
    tuple
        Energy (GWh/yr) of shape (year, carrier); ambient heat inside the renewables carrier
        (GWh/yr) and the heat pumps' share of it from replacements (GWh/yr), by year.
    """
    p = params.residential
    dwellings = dwelling_index(years, population, params)
    heating = heating_index(years, params, warming)
    heat = base * HEATING_SHARES
    replaced = np.zeros((len(years), len(base)))
    switch = ramp(years, p.switch_year)
    replaced[:, OIL] = p.oil_boilers_replaced / 100 * switch
    replaced[:, GAS] = p.gas_boilers_replaced / 100 * switch
    saved = heat * (1 - heating[:, None] * (1 - replaced))
    energy = dwellings[:, None] * (base - saved)
    useful = dwellings * heating * (heat * EFFICIENCY * replaced).sum(axis=1)
    to_heat_pumps = useful * p.heat_pump_share / 100
    to_wood = (useful - to_heat_pumps) * p.wood_share_of_rest / 100
    to_network = useful - to_heat_pumps - to_wood
    heat_pump_electricity = to_heat_pumps / p.heat_pump_cop
    heat_pump_ambient = to_heat_pumps - heat_pump_electricity
    energy[:, ELEC] += heat_pump_electricity
    energy[:, WOOD] += heat_pump_ambient + to_wood / EFFICIENCY[WOOD]
    energy[:, HEAT] += to_network / EFFICIENCY[HEAT]
    split = RESIDENTIAL_RENEWABLES_SPLIT
    base_renewables = dwellings * (base[WOOD] - heat[WOOD] + heat[WOOD] * heating)
    ambient = base_renewables * (split["heat_pumps"] + split["solar_thermal"]) + heat_pump_ambient
    return energy, ambient, heat_pump_ambient


def tertiary_activity(years: np.ndarray, population: np.ndarray, params: Energy) -> np.ndarray:
    """Tertiary energy relative to the base year at constant climate: floor area (population
    and its own growth) times the tertiary decree's reductions reached in the chosen share.
    """
    p = params.tertiary
    area = (
        population / population[0] * (1 + p.floor_area_growth / 100) ** (years - ENERGY_BASE_YEAR)
    )
    reduction = np.interp(years, DECREE_YEARS, DECREE_REDUCTION) * p.decree_reached / 100
    return area * (1 - reduction)


def tertiary(
    base: np.ndarray,
    years: np.ndarray,
    population: np.ndarray,
    params: Energy,
    warming: np.ndarray | float = 0.0,
) -> np.ndarray:
    """Tertiary final energy by carrier (GWh/yr), shape (year, carrier).

    :func:`tertiary_activity`; the heating part (:data:`TERTIARY_HEATING_SHARE` of every
    carrier) also follows the outdoor ``warming`` since 2021 (°C), as residential heating.
    """
    climate = 1 - TERTIARY_HEATING_SHARE * (1 - (1 - HEAT_SAVING_PER_DEGREE) ** warming)
    return base * (tertiary_activity(years, population, params) * climate)[:, None]


def transport(transport_gwh: dict[str, np.ndarray]) -> np.ndarray:
    """Transport energy by carrier (GWh/yr): petrol and diesel are oil products."""
    out = np.zeros((len(transport_gwh["electricity"]), len(CARRIERS)))
    out[:, ELEC] = transport_gwh["electricity"]
    out[:, OIL] = np.add(transport_gwh["petrol"], transport_gwh["diesel"])
    out[:, OTHER] = transport_gwh["other"]
    return out


def additions(years: np.ndarray, start: int, per_year: float) -> np.ndarray:
    """Cumulated additions after ``start``: ``per_year`` times the years elapsed."""
    return per_year * np.maximum(years - start, 0)


def renewable_production(
    inputs: EnergyInputs,
    years: np.ndarray,
    base_population: float,
    energy: np.ndarray,
    ambient: np.ndarray,
    heat_pump_heat: np.ndarray,
    params: Energy,
) -> np.ndarray:
    """Local renewable production by technology (GWh/yr), shape (year, technology).

    Enedis electricity as observed, then the last observed year plus the capacity added
    (MW × load factor × 8,760 h); wood burnt in the territory counted as local biomass plus the
    added biomass; biomethane added from 2022; heat pumps' ambient heat and solar heat.
    """
    p = params.renewables
    scale = base_population / 1e5
    last = int(inputs.production_years[-1])
    observed = inputs.production[np.clip(years - ENERGY_BASE_YEAR, 0, len(inputs.production) - 1)]
    out = np.zeros((len(years), len(PRODUCTION_NAMES)))
    out[:, :4] = observed
    gwh_per_mw = HOURS_PER_YEAR / 1000
    out[:, PV] += (
        additions(years, last, p.pv_additions * scale) * p.pv_load_factor / 100 * gwh_per_mw
    )
    out[:, WIND] += (
        additions(years, last, p.wind_additions * scale) * p.wind_load_factor / 100 * gwh_per_mw
    )
    out[:, BIOMASS] = energy[:, :, WOOD].sum(axis=1) - ambient.sum(axis=1)
    out[:, BIOMASS] += additions(years, ENERGY_BASE_YEAR, p.biomass_additions * scale)
    out[:, BIOGAS] = additions(years, ENERGY_BASE_YEAR, p.biogas_additions * scale)
    split = RESIDENTIAL_RENEWABLES_SPLIT
    solar_share = split["solar_thermal"] / (split["heat_pumps"] + split["solar_thermal"])
    base_ambient = ambient[:, RES] - heat_pump_heat
    out[:, SOLAR_THERMAL] = base_ambient * solar_share
    out[:, HEAT_PUMPS] = ambient[:, RES] - out[:, SOLAR_THERMAL]
    return out


def carrier_values(section) -> np.ndarray:
    """A per-carrier assumption section as an array in carrier order."""
    return np.array([getattr(section, name) for name in CARRIERS])


def sector_emissions(energy: np.ndarray, ambient: np.ndarray, params: Energy) -> np.ndarray:
    """GHG emissions by sector (ktCO2e/yr): energy × factor, ambient heat counting zero."""
    factors = carrier_values(params.emission_factors)
    return energy @ factors - ambient * factors[WOOD]


def energy_bill(
    energy: np.ndarray, ambient: np.ndarray, production: np.ndarray, params: Energy
) -> tuple[np.ndarray, np.ndarray]:
    """The energy bill and the part leaving the territory (million €/yr).

    Money for energy produced in the territory stays: local renewable electricity up to the
    electricity consumed, biomethane up to the gas consumed, wood (assumed local) and the
    local share of district heat; of the rest, the chosen share of the price leaves.
    """
    prices = carrier_values(params.prices)
    by_carrier = energy.sum(axis=1)
    paid = by_carrier.copy()
    paid[:, WOOD] -= ambient.sum(axis=1)
    bill = paid * prices / 1000
    local = np.zeros_like(bill)
    local[:, ELEC] = _capped_ratio(production[:, :4].sum(axis=1), by_carrier[:, ELEC])
    local[:, GAS] = _capped_ratio(production[:, BIOGAS], by_carrier[:, GAS])
    local[:, WOOD] = 1.0
    local[:, HEAT] = DISTRICT_HEAT_LOCAL_SHARE
    leaving = (bill * (1 - local)).sum(axis=1) * params.prices.leaving_share / 100
    return bill.sum(axis=1), leaving


def _capped_ratio(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    ratio = np.divide(part, whole, out=np.ones_like(whole), where=whole > 0)
    return np.minimum(ratio, 1.0)


def emissions_target(
    years: np.ndarray,
    base_emissions: float,
    ratio_1990: float = NATIONAL_GHG_1990 / NATIONAL_GHG_2021,
) -> np.ndarray:
    """SNBC trajectory applied to the territory (ktCO2e/yr).

    The territory's 1990 level is its base-year emissions times France's 1990/2021 ratio
    (``ratio_1990``); the path runs linearly from the base year to −50 % of 1990 in 2030 and to
    1990 / 6 in 2050, then stays flat.
    """
    level_1990 = base_emissions * ratio_1990
    points = [
        base_emissions,
        level_1990 * (1 - SNBC_2030_REDUCTION),
        level_1990 / SNBC_2050_DIVISOR,
    ]
    return np.interp(years, [ENERGY_BASE_YEAR, 2030, 2050], points)


def final_energy_target(years: np.ndarray, base_energy: float) -> np.ndarray:
    """Final-energy trajectory of the energy code applied to the territory (GWh/yr).

    The territory's 2012 level is its base-year final energy over France's 2012 → 2021
    change; the path runs linearly from the base year to −20 % of 2012 in 2030 and −50 % in
    2050, then stays flat.
    """
    level_2012 = base_energy / (1 + FINAL_ENERGY_2012_TO_2021)
    points = [base_energy] + [level_2012 * (1 + c) for c in FINAL_ENERGY_TARGETS.values()]
    return np.interp(years, [ENERGY_BASE_YEAR, *FINAL_ENERGY_TARGETS], points)
