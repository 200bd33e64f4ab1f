"""Model results → registered series (names and units from :mod:`.registry`).

The models return arrays; these functions name them. Each returns the series of one model for
one territory, in the order of the results table.
"""

from __future__ import annotations

import numpy as np

from ..models.adaptation import (
    HEATWAVE_EXCESS_HIGH,
    HEATWAVE_EXCESS_LOW,
    AdaptationResult,
)
from ..models.ageing import MONTHS, AgeingResult
from ..models.axes import TRANSPORT_CARRIERS as CARRIERS
from ..models.demography_indicators import AGE_GROUPS, age_group, median_age
from ..models.energy import CARRIER_NAMES, PRODUCTION_NAMES, SECTOR_NAMES, EnergyResult
from ..models.housing import COMPONENTS, HousingResult
from ..models.inventory import GASES, INVENTORY_SECTORS, InventoryResult
from ..models.mobility import MobilityResult
from ..models.mobility_constants import MODES, POWERTRAIN_NAMES
from ..models.services import ServicesResult
from ..models.services_constants import SCHOOL_LEVELS
from .registry import series
from .tidy import Series
from .transition_variables import (
    INVENTORY_GAS_NAMES,
    INVENTORY_SECTOR_NAMES,
    LONG_MODES,
    TRANSPORT_NAMES,
)

TRANSPORT_ROWS = [
    i for i, s in enumerate(INVENTORY_SECTORS) if INVENTORY_SECTOR_NAMES[s][0] in TRANSPORT_NAMES
]
"""Rows of the inventory's transport sectors."""


def demography_series(
    years: np.ndarray,
    population: np.ndarray,
    births: np.ndarray,
    deaths: np.ndarray,
    migration: np.ndarray,
    tfr: np.ndarray,
    life_expectancy: np.ndarray,
) -> list[Series]:
    """The demography variables of DESIGN §9 and more, for one territory.

    Parameters
    ----------
    years
        Stock years (1 January); flows cover all but the last.
    population
        Persons by (year, sex, age).
    births, deaths, migration
        Totals during each flow year (persons per year), shape (year−1,).
    tfr
        Total fertility rate applied (children per woman), shape (year−1,).
    life_expectancy
        Life expectancy at birth applied (years), shape (year−1, sex).

    Every argument but ``years`` may have leading axes (draws): the values get them too.
    """
    flow_years = years[:-1]
    total = population.sum(axis=(-1, -2))
    groups = {label: age_group(population, *ages) for label, ages in AGE_GROUPS.items()}
    return [
        series("Population", years, total),
        series("Population|Female", years, population[..., 0, :].sum(-1)),
        series("Population|Male", years, population[..., 1, :].sum(-1)),
        *(series(f"Population|Age {label}", years, count) for label, count in groups.items()),
        *(
            series(f"Share|Population|Age {label}", years, 100 * count / total)
            for label, count in groups.items()
        ),
        series("Births", flow_years, births),
        series("Deaths", flow_years, deaths),
        series("Net Migration", flow_years, migration),
        series("Natural Balance", flow_years, births - deaths),
        series("Population Growth", flow_years, 100 * np.diff(total) / total[..., :-1]),
        series("Median Age", years, median_age(population)),
        series("Old-Age Dependency Ratio", years, 100 * groups["65+"] / groups["20-64"]),
        series("Total Fertility Rate", flow_years, tfr),
        series("Life Expectancy|Female", flow_years, life_expectancy[..., 0]),
        series("Life Expectancy|Male", flow_years, life_expectancy[..., 1]),
    ]


def demography_scalars(years: np.ndarray, population: np.ndarray) -> dict[str, float]:
    """``Population Peak`` (persons) and ``Population Peak Year`` of a projection.

    ``population`` is persons by (year, sex, age) on 1 January of ``years``.
    """
    total = population.sum(axis=(-1, -2))
    peak = int(np.argmax(total))
    return {"Population Peak": float(total[peak]), "Population Peak Year": int(years[peak])}


def ageing_series(result: AgeingResult) -> list[Series]:
    """The ageing and autonomy series of the territory."""
    pol, years, weights = result.policy, result.years, result.weights
    home, institution = result.home @ weights, result.institution @ weights
    places = result.places_needed @ weights
    today = np.full(len(years), float(result.places_today @ weights))
    hours = home * pol.home_help_hours * MONTHS
    staff_home = hours / pol.hours_per_fte
    staff_institution = places * pol.staff_per_100_places / 100.0
    cost = (home * pol.cost_home + institution * pol.cost_institution) / 1e6
    total = home + institution
    return [
        series("Autonomy|APA Beneficiaries", years, total),
        series("Autonomy|APA Beneficiaries|Home", years, home),
        series("Autonomy|APA Beneficiaries|Institution", years, institution),
        series(
            "Share|Autonomy|APA Beneficiaries",
            years,
            100.0 * total / (result.population_60 @ weights),
        ),
        series("Autonomy|Places Needed", years, places),
        series("Autonomy|Places|Today", years, today),
        series("Autonomy|Places|Missing", years, places - today),
        series("Autonomy|Places|Extra per Year", years[:-1], np.diff(places)),
        series("Autonomy|Home Help Hours", years, hours),
        series("Autonomy|Care Workforce", years, staff_home + staff_institution),
        series("Autonomy|Care Workforce|Home", years, staff_home),
        series("Autonomy|Care Workforce|Institution", years, staff_institution),
        series(
            "Autonomy|Potential Carers Ratio",
            years,
            (result.carers @ weights) / (result.oldest @ weights),
        ),
        series("Autonomy|Public Cost", years, cost),
    ]


def mobility_series(result: MobilityResult) -> list[Series]:
    """The mobility series from :attr:`MobilityResult.report_from` on."""
    shown = result.years >= result.report_from
    years = result.years[shown]

    def make(variable: str, values: np.ndarray) -> Series:
        return series(variable, years, np.asarray(values, float)[shown])

    pkm = result.passenger_km / 1e6
    trips = result.trips
    total_trips = trips.sum(1)
    return [
        make("Mobility|Trips", total_trips),
        *(make(f"Mobility|Trips|{m}", trips[:, i]) for i, m in enumerate(MODES)),
        make("Mobility|Commuting Trips", result.commute_trips),
        make("Mobility|Trips per Person", total_trips / result.residents),
        *(
            make(f"Mobility|Mode Share|{m}", 100 * trips[:, i] / total_trips)
            for i, m in enumerate(MODES)
        ),
        make("Mobility|Passenger-km", pkm.sum(1)),
        *(make(f"Mobility|Passenger-km|{m}", pkm[:, i]) for i, m in enumerate(LONG_MODES)),
        make("Mobility|Local Passenger-km", result.local_pkm.sum(1) / 1e6),
        make("Mobility|Long-Distance Passenger-km", result.long_pkm.sum(1) / 1e6),
        make("Mobility|Vehicle-km|Car", (result.car_vkm_local + result.car_vkm_long) / 1e6),
        make("Mobility|Vehicle-km|Two-Wheeler", result.two_wheeler_vkm / 1e6),
        make("Mobility|Car Occupancy|Local", result.occupancy),
        make("Mobility|Car Share of Distance", 100 * result.car_share_of_distance()),
        make("Mobility|Car Share of Distance|Local", 100 * result.car_share_of_distance(True)),
        make("Mobility|Employed Persons", result.employed),
        *(
            make(f"Mobility|Car Fleet|{n}", 100 * result.fleet_shares[:, i])
            for i, n in enumerate(POWERTRAIN_NAMES)
        ),
        *(
            make(f"Mobility|Car Sales|{n}", 100 * result.sales_shares[:, i])
            for i, n in enumerate(POWERTRAIN_NAMES)
        ),
        make("Mobility|Energy", np.sum(list(result.energy_gwh.values()), axis=0)),
        *(make(f"Mobility|Energy|{c.capitalize()}", result.energy_gwh[c]) for c in CARRIERS),
        make("Mobility|Emissions|Tailpipe", result.tailpipe_kt),
        make("Mobility|Emissions|Life Cycle", result.life_cycle_kt),
        make("Mobility|Emissions|Life Cycle|Air", result.air_kt),
    ]


def energy_series(result: EnergyResult) -> list[Series]:
    """The energy and climate series of the territory."""
    y, e = result.years, result.energy
    return [
        series("Final Energy", y, result.final_energy),
        *(
            s
            for i, sector in enumerate(SECTOR_NAMES)
            for s in (
                series(f"Final Energy|{sector}", y, e[:, i].sum(axis=1)),
                *(
                    series(f"Final Energy|{sector}|{carrier}", y, e[:, i, c])
                    for c, carrier in enumerate(CARRIER_NAMES)
                ),
            )
        ),
        *(
            series(f"Final Energy|{carrier}", y, e[:, :, c].sum(axis=1))
            for c, carrier in enumerate(CARRIER_NAMES)
        ),
        series("Target|Final Energy", y, result.energy_target),
        series("Renewable Production", y, result.production.sum(axis=1)),
        *(
            series(f"Renewable Production|{name}", y, result.production[:, k])
            for k, name in enumerate(PRODUCTION_NAMES)
        ),
        series("Renewable Coverage", y, result.coverage),
        series("Emissions|GHG", y, result.emissions.sum(axis=1)),
        *(
            series(f"Emissions|GHG|{sector}", y, result.emissions[:, s])
            for s, sector in enumerate(SECTOR_NAMES)
        ),
        series("Target|Emissions|GHG", y, result.emissions_target),
        series("Final Energy|Electricity|Cooling from Warming", y, result.cooling.sum(axis=1)),
        series("Climate|Warming since 2021", y, result.warming),
        series("Energy Bill", y, result.bill),
        series("Energy Bill|Leaving Territory", y, result.bill_leaving),
    ]


def inventory_series(result: InventoryResult) -> list[Series]:
    """The whole inventory of the territory: total, by sector, by gas, and its SNBC path."""
    y, e = result.years, result.emissions
    return [
        series("Emissions|Inventory", y, result.total),
        *(
            series(f"Emissions|Inventory|{INVENTORY_SECTOR_NAMES[name][0]}", y, e[:, i].sum(axis=1))
            for i, name in enumerate(INVENTORY_SECTORS)
        ),
        series("Emissions|Inventory|Transport", y, e[:, TRANSPORT_ROWS].sum(axis=(1, 2))),
        *(
            series(f"Emissions|Inventory|{INVENTORY_GAS_NAMES[gas][0]}", y, e[:, :, g].sum(axis=1))
            for g, gas in enumerate(GASES)
        ),
        series("Target|Emissions|Inventory", y, result.target),
    ]


CLIMATE_INDICATORS = {
    "Heatwave Days": "heatwave_days",
    "Tropical Nights": "tropical_nights",
    "Summer Days": "summer_days",
    "Hot Days": "hot_days",
}
"""Climate variables and the DRIAS indicators they come from."""


def adaptation_series(result: AdaptationResult) -> list[Series]:
    """The climate adaptation series of the territory (NaN where DRIAS gives no value)."""
    years, flows = result.years, result.years[:-1]
    groups = ("Age 75+", "Age 85+", "APA Home")
    exposures = {
        "Heatwave Exposure": result.exposure("heatwave_days"),
        "Tropical Night Exposure": result.exposure("tropical_nights"),
    }
    hours = result.visit_hours()
    deaths = result.excess_deaths()
    return [
        *(
            series(f"Climate|{name}", years, result.mean_days(indicator))
            for name, indicator in CLIMATE_INDICATORS.items()
        ),
        *(
            series(f"Adaptation|{kind}|{group}", years, values[g])
            for kind, values in exposures.items()
            for g, group in enumerate(groups)
        ),
        series("Adaptation|Heat Register", years, result.total(result.registered)),
        series("Adaptation|Heat Plan Hours", years, hours.sum(axis=0)),
        series("Adaptation|Heat Plan Hours|APA Home", years, hours[0]),
        series("Adaptation|Heat Plan Hours|Registered", years, hours[1]),
        series("Adaptation|Cooled Places", years, result.total(result.cooled_places)),
        series("Adaptation|Excess Deaths", flows, deaths[0]),
        series("Adaptation|Excess Deaths|Age 75+", flows, deaths[1]),
        series(
            "Range|Adaptation|Excess Deaths|Low",
            flows,
            result.excess_deaths(HEATWAVE_EXCESS_LOW)[0],
        ),
        series(
            "Range|Adaptation|Excess Deaths|High",
            flows,
            result.excess_deaths(HEATWAVE_EXCESS_HIGH)[0],
        ),
    ]


def services_series(result: ServicesResult) -> list[Series]:
    """Schools, childcare, GPs, workforce and costs, with today's equipment beside them
    (constant series: BPE counts, and today's classes and places as estimated in 2025).
    """
    y, inputs, params = result.years, result.inputs, result.params
    n = len(y)

    def levels(name: str, values: np.ndarray) -> list[Series]:
        return [
            series(name, y, values.sum(1)),
            *(series(f"{name}|{lv}", y, values[:, i]) for i, lv in enumerate(SCHOOL_LEVELS)),
        ]

    def today(name: str, value: float) -> Series:
        return series(name, y, np.full(n, float(value)))

    schools = np.broadcast_to(inputs.schools_today, (n, len(SCHOOL_LEVELS)))
    teachers = result.teachers.sum(1)
    staff = result.childcare_staff
    workforce = teachers + staff + result.gps
    cost_schools = teachers * params.schools.cost_per_teacher / 1e6
    cost_childcare = result.places * params.childcare.cost_per_place / 1e6
    new_places = np.maximum(np.diff(result.places), 0.0)
    per_10000 = 1e4 / result.population
    return [
        *levels("Services|School-Age Children", result.children),
        *levels("Services|Pupils", result.pupils),
        *levels("Services|Classes", result.classes),
        *levels("Today|Services|Schools", schools),
        today("Today|Services|Classes", result.classes[0].sum()),
        series("Services|Children Under 3", y, result.under_3),
        series("Services|Childcare Places", y, result.places),
        today("Today|Services|Childcare Places", inputs.childcare_places_today),
        series("Services|Childcare Coverage", y, result.coverage),
        series("Services|GP Consultations", y, result.consultations / 1e6),
        series("Services|GPs Needed", y, result.gps),
        today("Today|Services|GPs", inputs.gps_today),
        series("Services|GPs Needed per 10000", y, result.gps * per_10000),
        today("Today|Services|GPs per 10000", inputs.gps_today * per_10000[0]),
        today("Today|Services|Pharmacies", inputs.pharmacies_today),
        series("Services|Workforce", y, workforce),
        series("Services|Workforce|Teachers", y, teachers),
        series("Services|Workforce|Teachers|Primary", y, result.teachers[:, 0]),
        series("Services|Workforce|Teachers|Secondary", y, result.teachers[:, 1]),
        series("Services|Workforce|Childcare", y, staff),
        series("Services|Workforce|GPs", y, result.gps),
        series("Services|Cost", y, cost_schools + cost_childcare),
        series("Services|Cost|Schools", y, cost_schools),
        series("Services|Cost|Childcare", y, cost_childcare),
        series(
            "Services|Investment|Childcare",
            y[:-1],
            new_places * params.childcare.investment_per_place / 1e6,
        ),
    ]


def housing_series(result: HousingResult) -> list[Series]:
    """Households, stock and dwellings needed (point-mort components) from the 2021 census."""
    y, components = result.years, result.components
    needed = "Housing|Dwellings Needed"
    return [
        series("Housing|Households", y, result.households),
        series("Today|Housing|Households", y, np.full(len(y), result.inputs.households_2021)),
        series("Housing|Persons per Household", y, result.population / result.households),
        series("Housing|Dwellings", y, result.stock),
        series(needed, y[:-1], components.sum(1)),
        *(series(f"{needed}|{c}", y[:-1], components[:, i]) for i, c in enumerate(COMPONENTS)),
        series("Housing|Point Mort", y[:-1], components[:, :-1].sum(1)),
    ]
