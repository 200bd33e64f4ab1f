"""Residents' mobility: travel demand, modes, car fleet, energy and greenhouse-gas emissions.

:func:`project_mobility` is a pure NumPy function of a territory's base-year behaviour
(:class:`MobilityInputs`, built in :mod:`prospectif.calibration.mobility_inputs`), the projected
population by age and the scenario's levers. Constants and their sources are in
:mod:`.mobility_constants`, the car fleet in :mod:`.mobility_fleet`. Method and sources:
docs/methodology/mobility.md.

Local mobility (trips within 80 km of home, weekdays, residents aged 6 and over, as in the
national survey EMP 2019) is split into commuting (employed people) and other purposes; each
has mode shares and distances per trip. Long-distance journeys add car, rail and air
passenger-km. Car vehicle-km are passenger-km over occupancy; a cohort model of the car fleet
by powertrain turns them into energy by carrier, then into tailpipe and life-cycle emissions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ModelError
from .axes import BASE_YEAR
from .axes import TRANSPORT_CARRIERS as CARRIERS
from .demography import linear_path
from .mobility_constants import (
    AGES,
    BIKE,
    CAR,
    COMMUTE,
    CONSTRUCTION,
    CONSUMPTION,
    LIFE_CYCLE,
    OTHER,
    OTHER_DAYS,
    PT,
    SURVEY_YEAR,
    TAILPIPE,
    TELEWORK_OBSERVED,
    TWO_WHEELER,
    WALK,
    WEEKS,
)
from .mobility_fleet import fleet_path, sales_shares

if TYPE_CHECKING:
    from ..scenario.mobility import Avoid, Mobility


def _ramp(years: np.ndarray, target_year: int) -> np.ndarray:
    """0 up to 2025, then linear to 1 in ``target_year``, 1 afterwards."""
    return linear_path(0.0, 1.0, BASE_YEAR, target_year, years)


@dataclass(frozen=True)
class MobilityInputs:
    """A territory's base-year mobility, ready for :func:`project_mobility` (built by
    :func:`prospectif.calibration.mobility_inputs.mobility_inputs`).

    Attributes
    ----------
    territory
        Territory code.
    type_mix
        Population share of each density type of :data:`TYPES` (fraction).
    shares
        Share of local trips by mode of :data:`LOCAL` (fraction), shape (commute/other, mode).
    distance_km
        Mean length of a local trip (km), shape (commute/other, mode).
    other_rate
        Trips other than commuting per person-weekday and unit of :attr:`age_index`.
    commute_rate
        Commuting trips per employed person and weekday.
    age_index, employment_rate
        By age 0…105: relative rate of trips other than commuting, share employed (fraction).
    occupancy_local, occupancy_long
        Persons per car on local and long-distance trips.
    long_distance_km, long_shares
        Long-distance passenger-km per person aged 6+ and year (km/yr), shared among car, rail
        and air (fraction).
    pt_factor, rail_factor, air_factor
        Life-cycle emissions of local public transport, long-distance rail and air
        (kgCO2e/pkm; ADEME Base Carbone).
    two_wheeler_kwh_per_km
        Petrol of a motorised two-wheeler (kWh/km).
    fleet
        Cars on 1 January 2025 by age and powertrain (fraction).
    survey
        Name of the travel survey behind the shares and distances ('' for national defaults).
    """

    territory: str
    type_mix: np.ndarray
    shares: np.ndarray
    distance_km: np.ndarray
    other_rate: float
    commute_rate: float
    age_index: np.ndarray
    employment_rate: np.ndarray
    occupancy_local: float
    occupancy_long: float
    long_distance_km: float
    long_shares: np.ndarray
    pt_factor: float
    rail_factor: float
    air_factor: float
    two_wheeler_kwh_per_km: float
    fleet: np.ndarray
    survey: str = ""


@dataclass(frozen=True)
class MobilityResult:
    """Residents' mobility over ``years`` (arrays indexed like ``years``).

    Attributes
    ----------
    years, report_from
        Years computed and the first one shown in :meth:`series` (2025: the demography
        projects ages from 2025).
    trips
        Local trips a weekday by mode of :data:`MODES` (trips/day), shape (year, mode).
    commute_trips, employed, residents
        Commuting trips a weekday (trips/day), employed people and residents aged 6+ (persons).
    local_pkm
        Local passenger-km a year by mode of :data:`MODES` (km/yr), shape (year, mode).
    long_pkm
        Long-distance passenger-km a year by mode of :data:`LONG` (km/yr), shape (year, 3).
    occupancy
        Persons per car on local trips.
    car_vkm_local, car_vkm_long, two_wheeler_vkm
        Vehicle-km a year (km/yr).
    fleet_shares, fleet_efficiency, sales_shares
        By powertrain of :data:`POWERTRAINS`: share of cars (and of car-km), energy per km
        relative to a 2025 car (ratio), share of new cars sold during the year (fraction).
    energy_gwh
        Energy of residents' cars and two-wheelers by carrier of :data:`CARRIERS` (GWh/yr).
    tailpipe_kt, life_cycle_kt, air_kt
        Emissions (ktCO2e/yr): combustion in residents' cars and two-wheelers; life cycle of all
        their travel (energy production and combustion, car manufacturing, public transport and
        air); of which air.
    """

    years: np.ndarray
    report_from: int
    trips: np.ndarray
    commute_trips: np.ndarray
    employed: np.ndarray
    residents: np.ndarray
    local_pkm: np.ndarray
    long_pkm: np.ndarray
    occupancy: np.ndarray
    car_vkm_local: np.ndarray
    car_vkm_long: np.ndarray
    two_wheeler_vkm: np.ndarray
    fleet_shares: np.ndarray
    fleet_efficiency: np.ndarray
    sales_shares: np.ndarray
    energy_gwh: dict[str, np.ndarray]
    tailpipe_kt: np.ndarray
    life_cycle_kt: np.ndarray
    air_kt: np.ndarray

    @property
    def passenger_km(self) -> np.ndarray:
        """Passenger-km a year by mode of :data:`MODES` then ``Air`` (km/yr), all travel.

        Long-distance car km go to drivers (the vehicle-km) and passengers, rail to public
        transport.
        """
        pkm = np.concatenate([self.local_pkm, self.long_pkm[:, 2:]], axis=1)
        car, rail = self.long_pkm[:, 0], self.long_pkm[:, 1]
        pkm[:, 0] += self.car_vkm_long
        pkm[:, 1] += car - self.car_vkm_long
        pkm[:, 2] += rail
        return pkm

    def car_share_of_distance(self, local_only: bool = False) -> np.ndarray:
        """Share of passenger-km travelled by car (fraction), local trips only or all travel."""
        pkm = self.local_pkm if local_only else self.passenger_km
        return pkm[:, :2].sum(1) / pkm.sum(1)


def _check(years: np.ndarray, population: np.ndarray) -> None:
    if years.ndim != 1 or len(years) == 0 or (np.diff(years) != 1).any() or years[0] < SURVEY_YEAR:
        raise ModelError("model.years_after", first=SURVEY_YEAR, value=years)
    if population.shape != (len(years), 2, len(AGES)):
        shape, expected = population.shape, (len(years), 2, len(AGES))
        raise ModelError("model.shape", name="population", shape=shape, expected=expected)


def telework_avoided(years: np.ndarray, avoid: Avoid) -> np.ndarray:
    """Share of the employed's workdays spent teleworking (fraction).

    Observed path to 2023 (DARES), held to 2025, then linear to the scenario's target.
    """
    anchors = [*(year for year, _, _ in TELEWORK_OBSERVED), BASE_YEAR, avoid.target_year]
    last = TELEWORK_OBSERVED[-1]
    share = np.interp(
        years, anchors, [*(s for _, s, _ in TELEWORK_OBSERVED), last[1], avoid.telework_share / 100]
    )
    days = np.interp(
        years, anchors, [*(d for _, _, d in TELEWORK_OBSERVED), last[2], avoid.telework_days]
    )
    return share * days / 5


def telework_factor(years: np.ndarray, avoid: Avoid) -> np.ndarray:
    """Commuting trips per worker relative to 2019, when the national survey was made (ratio)."""
    reference = telework_avoided(np.array([SURVEY_YEAR]), avoid)
    return (1 - telework_avoided(years, avoid)) / (1 - reference)


def _local_travel(
    inputs: MobilityInputs, params: Mobility, years: np.ndarray, by_age: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Local trips a weekday (year, purpose, mode) and passenger-km a year (year, mode).

    Commuting follows the workers and telework, other trips the age index and the demand lever;
    the modal shift moves car trips (to public transport at the car trip's length, to the bike
    and walking at theirs), then proximity shortens trips other than commuting.
    """
    demand, avoid, shift = (
        _ramp(years, section.target_year) for section in (params.demand, params.avoid, params.shift)
    )
    commute = (by_age @ inputs.employment_rate) * inputs.commute_rate
    commute = commute * telework_factor(years, params.avoid)
    other = inputs.other_rate * (by_age @ inputs.age_index)
    other = other * (1 + params.demand.local_trips_change / 100 * demand)
    trips = np.stack([commute, other], 1)[:, :, None] * inputs.shares
    pkm = trips * inputs.distance_km

    car_km = inputs.distance_km[:, CAR]
    targets = [PT, BIKE, WALK]
    moved_km = np.minimum(inputs.distance_km[:, targets], car_km[:, None])
    moved_km[:, 0] = car_km
    rates = [params.shift.to_public_transport, params.shift.to_bike, params.shift.to_walking]
    moved = trips[:, :, CAR, None] * np.array(rates) / 100 * shift[:, None, None]
    trips[:, :, CAR] -= moved.sum(-1)
    trips[:, :, targets] += moved
    pkm[:, :, CAR] -= (moved * moved_km).sum(-1)
    pkm[:, :, targets] += moved * moved_km
    pkm[:, OTHER] *= (1 - params.avoid.proximity / 100 * avoid)[:, None]
    return trips, pkm[:, COMMUTE] * WEEKS * 5 + pkm[:, OTHER] * OTHER_DAYS


def _long_distance(
    inputs: MobilityInputs, params: Mobility, years: np.ndarray, residents: np.ndarray
) -> np.ndarray:
    """Long-distance passenger-km a year by mode of :data:`LONG`, after the air-to-rail shift."""
    change = params.demand.long_distance_change / 100 * _ramp(years, params.demand.target_year)
    long_pkm = (residents * inputs.long_distance_km * (1 + change))[:, None] * inputs.long_shares
    to_rail = (
        long_pkm[:, 2] * params.shift.air_to_rail / 100 * _ramp(years, params.shift.target_year)
    )
    long_pkm[:, 1] += to_rail
    long_pkm[:, 2] -= to_rail
    return long_pkm


def _fleet(
    inputs: MobilityInputs, params: Mobility, years: np.ndarray, car_vkm: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fleet shares, energy per km (ratio) and sales shares by powertrain over ``years``."""
    span = np.arange(min(years[0], BASE_YEAR), years[-1] + 1)
    sold = sales_shares(span, params.fleet)
    gain = params.improve.efficiency_gain / 100 * _ramp(span, params.improve.target_year)
    shares, efficiency = fleet_path(
        inputs.fleet, span, np.interp(span, years, car_vkm), sold, 1 - gain, params.fleet.lifetime
    )
    rows = years - span[0]
    return shares[rows], efficiency[rows], sold[rows]


def project_mobility(
    inputs: MobilityInputs, years: np.ndarray, population: np.ndarray, params: Mobility
) -> MobilityResult:
    """Residents' trips, passenger-km, car fleet, energy and emissions, year by year.

    Parameters
    ----------
    inputs
        The territory's base behaviour (see :mod:`prospectif.calibration.mobility_inputs`).
    years
        Consecutive years, from 2019 at the earliest.
    population
        The territory's residents on 1 January (persons), shape (year, sex F/M, age 0…105).
    params
        The scenario's mobility assumptions; levers move from 2025 to their target years.
    """
    years = np.asarray(years, dtype=int)
    population = np.asarray(population, dtype=float)
    _check(years, population)
    by_age = population.sum(1)
    residents = by_age[:, 6:].sum(1)
    trips, yearly = _local_travel(inputs, params, years, by_age)
    improve = _ramp(years, params.improve.target_year)
    occupancy = inputs.occupancy_local * (1 + params.improve.occupancy_gain / 100 * improve)
    split = np.stack([1 / occupancy, 1 - 1 / occupancy], 1)
    local_trips = trips.sum(1)
    long_pkm = _long_distance(inputs, params, years, residents)
    car_vkm_local, car_vkm_long = yearly[:, CAR] / occupancy, long_pkm[:, 0] / inputs.occupancy_long
    car_vkm = car_vkm_local + car_vkm_long
    shares, efficiency, sold = _fleet(inputs, params, years, car_vkm)

    powertrain_vkm = car_vkm[:, None] * shares
    kwh = (powertrain_vkm * efficiency) @ CONSUMPTION
    kwh[:, 0] += yearly[:, TWO_WHEELER] * inputs.two_wheeler_kwh_per_km
    air = long_pkm[:, 2] * inputs.air_factor
    life_cycle = (
        kwh @ LIFE_CYCLE
        + powertrain_vkm @ CONSTRUCTION
        + yearly[:, PT] * inputs.pt_factor
        + long_pkm[:, 1] * inputs.rail_factor
        + air
    )
    return MobilityResult(
        years=years,
        report_from=BASE_YEAR,
        trips=np.concatenate([local_trips[:, :1] * split, local_trips[:, 1:]], 1),
        commute_trips=trips[:, COMMUTE].sum(1),
        employed=by_age @ inputs.employment_rate,
        residents=residents,
        local_pkm=np.concatenate([yearly[:, :1] * split, yearly[:, 1:]], 1),
        long_pkm=long_pkm,
        occupancy=occupancy,
        car_vkm_local=car_vkm_local,
        car_vkm_long=car_vkm_long,
        two_wheeler_vkm=yearly[:, TWO_WHEELER],
        fleet_shares=shares,
        fleet_efficiency=efficiency,
        sales_shares=sold,
        energy_gwh={carrier: kwh[:, i] / 1e6 for i, carrier in enumerate(CARRIERS)},
        tailpipe_kt=kwh @ TAILPIPE / 1e6,
        life_cycle_kt=life_cycle / 1e6,
        air_kt=air / 1e6,
    )
