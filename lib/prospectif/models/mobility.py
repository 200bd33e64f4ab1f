"""Residents' mobility: travel demand, modes, car fleet, energy and greenhouse-gas emissions.

:func:`mobility_inputs` builds a territory's base-year behaviour from its mix of density types
(national survey figures by type, calibrated so that France reproduces them) or from its own
travel survey; :func:`project_mobility` is a pure NumPy function of those inputs, the projected
population by age and the scenario's levers. Method and sources: docs/methodology/mobility.md.

Local mobility (trips within 80 km of home, weekdays, residents aged 6 and over, as in the
national survey EMP 2019) is split into commuting (employed people) and other purposes; each
has mode shares and distances per trip. Long-distance journeys add car, rail and air
passenger-km. Car vehicle-km are passenger-km over occupancy; a cohort model of the car fleet
by powertrain turns them into energy by carrier, then into tailpipe and life-cycle emissions.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from ..base import OPEN_AGE, demographic_base
from ..data import load_table
from ..errors import DataError, ModelError
from ..results import Series
from ..scenario.mobility import Avoid, Fleet, Mobility
from ..territory import Territory, get_territory
from .demography import linear_path
from .density import territory_type_mix
from .mobility_survey import SURVEY_MODES, TravelSurvey

# --- Axes --------------------------------------------------------------------------------------
AGES = np.arange(OPEN_AGE + 1)
TYPES = ("dense", "intermediate", "rural")
"""Density types of the mobility defaults: INSEE's 3-level grid (rural = peu + très peu dense)."""
LOCAL = ("car", "public_transport", "bike", "walking", "two_wheeler")
"""Local modes as computed; the car is split into driver and passenger by occupancy."""
CAR, PT, BIKE, WALK, TWO_WHEELER = range(len(LOCAL))
COMMUTE, OTHER = 0, 1
MODES = ("Car Driver", "Car Passenger", "Public Transport", "Bike", "Walking", "Two-Wheeler")
"""Mode names of the results (trips and passenger-km); ``Air`` is added to passenger-km."""
LONG = ("car", "rail", "air")
"""Long-distance modes."""
POWERTRAINS = ("petrol", "diesel", "battery_electric", "plug_in_hybrid", "other")
POWERTRAIN_NAMES = ("Petrol", "Diesel", "Battery Electric", "Plug-in Hybrid", "Other")
CARRIERS = ("petrol", "diesel", "electricity", "other")
"""Keys of :attr:`MobilityResult.energy_gwh`, as the energy model expects them."""

# --- Calendar ----------------------------------------------------------------------------------
SURVEY_YEAR = 2019
"""Base year of the behaviour: the national survey EMP 2019 (SDES)."""
LEVERS_FROM = 2025
"""Levers move from their 2025 level (today) to their targets."""
FLEET_YEAR = 2025
"""Year of the fleet composition (SDES, 1 January 2025)."""
REPORT_FROM = 2025
"""First year shown in the results: the demography projects ages from 2025."""
WEEKS = 365 / 7
WEEKEND_RATIO = 0.8
"""Local trips on a weekend day per weekday trip: 19.7 trips a week (exploitation of the EMP 2019
data by cestpour.info [relay]) against 5 × 2.99 on weekdays, i.e. (19.7 − 14.95) / 2 / 2.99."""
OTHER_DAYS = WEEKS * (5 + 2 * WEEKEND_RATIO)
"""Weekday-equivalents per year for trips other than commuting (days/yr)."""

# --- National demand, EMP 2019 (SDES) unless stated ---------------------------------------------
TRIPS_FR = 181e6
"""Local trips a weekday by residents aged 6+ of metropolitan France (SDES, La mobilité locale
et longue distance des Français, EMP 2019)."""
SHARES_FR = np.array([0.63, 0.091, 0.027, 0.237, 0.015])
"""Share of local trips by mode (fraction): car 63 %, public transport 9.1 %, bike 2.7 %,
walking 23.7 % (EMP 2019, via Mobilycités); the rest, 1.5 %, is two-wheelers and other modes."""
SHARES_RURAL = np.array([0.80, 0.05, 0.027, 0.108, 0.015])
"""Share of local trips by mode in rural communes (fraction): car 4 trips in 5 outside urban
units (EMP 2019); public transport 5 % (rural households, ENTD 2008, via Futuribles 2010; no 2019
figure found); bike and two-wheelers as in France (EMP 2019: cycling 2.2 to 3.2 % in every kind
of territory); walking the rest."""
COMMUTE_SHARES_FR = np.array([0.74, 0.16, 0.02, 0.06, 0.02])
"""Main mode of commuters who travel (fraction): car 74 %, public transport 16 %, bike 2 %,
walking 6 % (INSEE, Insee Première n°1835, 2021, census 2017); the rest, 2 %, two-wheelers."""
COMMUTE_TRIPS_PER_WEEK = 7.3
"""Trips to or from the usual workplace per employed person and week (SDES, Datalab Essentiel
« Comment les Français se déplacent-ils pour aller travailler ? », EMP 2019); taken on the 5
weekdays."""
EMPLOYMENT_RATES = ((15, 24, 0.353), (25, 49, 0.825), (50, 64, 0.677))
"""Employment rate by age group (fraction; INSEE, enquête Emploi, 1st quarter 2024; 68.4 % of
the 15–64 in 2023, Insee Première n°1987); 0 outside 15–64 (Choix de modélisation)."""
AGE_INDEX = ((6, 64, 1.0), (65, 79, 47 / 55), (80, OPEN_AGE, 28 / 55))
"""Trips other than commuting by age, relative to the 6–64 (ENTD 2008: 47 min of travel a day
at 65–80, 28 min after 80, 55 min overall, via Observatoire des seniors); children under 6 are
outside the survey."""
KM_PER_TRIP_FR = 24 / 2.9
"""Mean distance of a local trip (km): 24 km and 2.9 trips a day (ENTD 2008, SDES); the 2019
distance was not found."""
WALK_KM, BIKE_KM = 14 / 60 * 4.5, 18 / 60 * 15
"""Mean walking and bike trip (km): EMP 2019 durations (14 and 18 min) at 4.5 and 15 km/h
(speeds: Choix de modélisation)."""
PT_TO_CAR = (41 / 60 * 20) / (19 / 60 * 30)
"""Public-transport trip length relative to a car trip: EMP 2019 durations (41 and 19 min) at
door-to-door speeds of 20 and 30 km/h (Choix de modélisation)."""
DISTANCE_CLASSES_KM = np.array([0.5, 4.0, 25.0])
"""Mean length assumed for trips under 1 km, 1–10 km and 10–100 km (Choix de modélisation)."""
DISTANCE_CLASS_SHARES = {"dense": (0.22, 0.60, 0.18), "rural": (0.13, 0.47, 0.40)}
"""Share of trips under 1 km, 1–10 km (the rest) and 10–100 km of residents of dense and rural
communes (SDES, « Les pratiques de mobilité des Français varient selon la densité des
territoires », EMP 2019)."""
RURAL_COMMUTE_KM_PER_DAY = 320e6
"""Kilometres driven each day to work and back by the employed people living in rural
communes, a third of the employed (INSEE, Insee Première n°1948, 2023, census 2019)."""
OCCUPANCY_LOCAL, OCCUPANCY_LONG = 1.43, 2.25
"""Persons per car on short (< 100 km) and long trips (CGDD/SDES infographic, EMP 2019)."""
LONG_JOURNEYS = 6.3
"""Journeys beyond 80 km per person and year (SDES, EMP 2019)."""
KM_PER_JOURNEY = 6020 / 6.4
"""Kilometres per long-distance journey, 6,020 km for 6.4 journeys beyond 100 km a person in
2008 (ENTD 2008, SDES); no 2019 figure found."""
LONG_SHARES = np.array([175.6, 46.6, 101.1]) / (175.6 + 46.6 + 101.1)
"""Long-distance passenger-km by car, rail and air: 175.6, 46.6 and 101.1 billion (ENTD 2008,
SDES); coaches and boats are left out."""
TELEWORK_OBSERVED = ((2019, 0.09, 0.83), (2023, 0.26, 1.5))
"""Share of workers teleworking and days a week (DARES 2024: 9 % in 2019 with 1 % at 3 days or
more, 26 % in 2023 with 5 %; days derived as in the scenario's source, occasional teleworkers
taken at half a day in 2019 and one day in 2023)."""
PT_BUS_SHARE = 0.5
"""Share of local public-transport passenger-km by bus, the rest by rail, metro or tram (Choix
de modélisation: no figure found)."""

# --- Fleet, energy and emission factors ---------------------------------------------------------
FLEET_SHARES = np.array([0.449, 0.483, 0.029, 0.018, 0.021])
"""Cars by powertrain on 1 January 2025 (fraction): diesel 48.3 %, battery-electric 2.9 %,
plug-in hybrid 1.8 % (SDES via FNA); petrol and diesel together 89 %, hybrids 6 % (SDES via
vie-publique.fr), so petrol with non-plug-in hybrids 40.7 + 4.2 %, other (LPG, CNG, E85) 2.1 %."""
SALES_2024 = np.array([0.66, 0.07, 0.17, 0.08, 0.02])
"""New car sales by powertrain in 2024 (fraction): battery-electric 17 % (SDES); diesel 7 %,
plug-in hybrid 8 %, other 2 % (Choix de modélisation: orders of magnitude, no published figure
in the project's references); petrol the rest."""
DIESEL_BACKCAST = (0.07, 0.70, 12)
"""Diesel share of the sales of cars aged 0 and of cars aged 12 or more, linear in between
(Choix de modélisation: a back-cast that spreads the 2025 stock over ages)."""
ELECTRIC_BACKCAST_YEARS = 3.0
"""Electric and plug-in sales shares of past years decay by e every 3 years back from 2024
(Choix de modélisation)."""
WEIBULL_SHAPE = 3.0
"""Shape of the Weibull survival of cars (Choix de modélisation)."""
DEFAULT_LIFETIME = 20.0
"""Lifetime behind the 2025 age structure (years): with shape 3, a stock mean age of 11 years,
close to SDES's 11.5 years on 1 January 2025."""
FLEET_AGES = 51
PETROL_L_PER_KM, DIESEL_L_PER_KM = 0.192 / 2.79, 0.192 / 3.17
"""Fuel per vehicle-km (L/km): ADEME Impact CO2's fuel emissions of a combustion car, 0.192
kgCO2e/km, over the fuels' factors 2.79 and 3.17 kgCO2e/L (arrêté du 26 avril 2017)."""
PETROL_KWH_PER_L, DIESEL_KWH_PER_L = 32 / 3.6, 36 / 3.6
"""Lower heating values, 32 and 36 MJ/L (Directive 2009/28/CE, annex III)."""
BEV_KWH_PER_KM = 0.17
"""Electricity of a battery-electric car, charging losses included (kWh/km; Choix de
modélisation: real-world 15 to 20 kWh/100 km, no official average found)."""
PHEV_ELECTRIC_SHARE = 0.35
"""Share of a plug-in hybrid's km driven on electricity (Choix de modélisation)."""
CONSUMPTION = np.array(
    [
        [PETROL_L_PER_KM * PETROL_KWH_PER_L, 0, 0, 0],
        [0, DIESEL_L_PER_KM * DIESEL_KWH_PER_L, 0, 0],
        [0, 0, BEV_KWH_PER_KM, 0],
        [
            (1 - PHEV_ELECTRIC_SHARE) * PETROL_L_PER_KM * PETROL_KWH_PER_L,
            0,
            PHEV_ELECTRIC_SHARE * BEV_KWH_PER_KM,
            0,
        ],
        [0, 0, 0, PETROL_L_PER_KM * PETROL_KWH_PER_L],
    ]
)
"""Energy per vehicle-km by powertrain (rows) and carrier (columns) (kWh/km); 'other' cars
(gas, E85) are taken at the petrol car's energy."""
TAILPIPE = np.array(
    [2.26 / PETROL_KWH_PER_L, 2.51 / DIESEL_KWH_PER_L, 0.0, 2.26 / PETROL_KWH_PER_L]
)
"""Combustion emissions by carrier (kgCO2e/kWh): petrol 2.26, diesel 2.51 kgCO2e/L (arrêté du
26 avril 2017); 'other' taken as petrol."""
LIFE_CYCLE = np.array(
    [2.79 / PETROL_KWH_PER_L, 3.17 / DIESEL_KWH_PER_L, 0.048, 2.79 / PETROL_KWH_PER_L]
)
"""Upstream + combustion by carrier (kgCO2e/kWh): petrol 2.79, diesel 3.17 kgCO2e/L, electricity
0.048 kgCO2e/kWh in mainland France (arrêté du 26 avril 2017)."""
CONSTRUCTION = np.array([0.0256, 0.0256, 0.0836, (0.0256 + 0.0836) / 2, 0.0256])
"""Vehicle manufacturing per vehicle-km by powertrain (kgCO2e/km): combustion 0.0256, electric
0.0836 (ADEME Impact CO2, Base Empreinte); plug-in hybrid halfway (Choix de modélisation)."""


def _by_age(groups: tuple[tuple[int, int, float], ...]) -> np.ndarray:
    values = np.zeros(len(AGES))
    for first, last, value in groups:
        values[first : last + 1] = value
    return values


def _ramp(years: np.ndarray, target_year: int) -> np.ndarray:
    """0 up to 2025, then linear to 1 in ``target_year``, 1 afterwards."""
    return linear_path(0.0, 1.0, LEVERS_FROM, target_year, years)


# --- National defaults by density type ----------------------------------------------------------
@dataclass(frozen=True)
class TypeDefaults:
    """Base-year behaviour by density type, calibrated on France (EMP 2019).

    Attributes
    ----------
    shares
        Share of trips by local mode (fraction), shape (purpose commute/other, type, mode).
    distance_km
        Mean distance of a trip (km), shape (purpose, type, mode).
    other_rate
        Trips for purposes other than commuting per person-weekday and unit of age index.
    """

    shares: np.ndarray
    distance_km: np.ndarray
    other_rate: float


def _mix3(mix: pd.Series) -> np.ndarray:
    """Population shares of :data:`TYPES` from the 4-type mix (rural + very rural)."""
    return np.array([mix["dense"], mix["intermediate"], mix["rural"] + mix["very_rural"]])


def _population_of(territory: Territory, year: int) -> np.ndarray:
    """The territory's INSEE estimate on 1 January ``year`` by age (persons)."""
    base = demographic_base()
    cube = np.nan_to_num(base.population_in(year)[base.dep_index(territory.departements)])
    return np.tensordot(territory.shares.to_numpy(float), cube, axes=1).sum(0)


def _tilt(shares: np.ndarray, weights: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Shares tilted by one factor per mode until their average matches a target.

    Returns ``shares × f`` renormalised along the last axis, with f found by iterative
    proportional fitting so that the ``weights``-average over the first axis equals ``target``.
    """
    factors = np.ones(shares.shape[-1])
    for _ in range(500):
        tilted = shares * factors
        tilted /= tilted.sum(-1, keepdims=True)
        current = np.tensordot(weights, tilted, axes=1)
        if np.abs(current - target).max() < 1e-12:
            return tilted
        factors *= np.divide(target, current, out=np.zeros_like(target), where=current > 0)
    raise DataError("mobility.shares_fit", value=np.round(target, 4).tolist())


def _type_distance_index() -> np.ndarray:
    """Relative length of motorised trips by type (rural = 1).

    From the distance classes of the trips of dense and rural residents (SDES), intermediate
    communes halfway.
    """
    dense, rural = (
        np.dot(DISTANCE_CLASS_SHARES[k], DISTANCE_CLASSES_KM) for k in ("dense", "rural")
    )
    return np.array([dense, (dense + rural) / 2, rural]) / rural


FIXED_KM = np.array([0.0, 0.0, BIKE_KM, WALK_KM, 0.0])
"""Trip lengths that do not depend on the type (km): walking and cycling."""


def _motorised(index: np.ndarray) -> np.ndarray:
    """Relative length of motorised trips by type and mode (car = two-wheeler = index)."""
    return index[:, None] * np.array([1.0, PT_TO_CAR, 0.0, 0.0, 1.0])


@functools.cache
def type_defaults() -> TypeDefaults:
    """Behaviour by density type, calibrated so that metropolitan France reproduces EMP 2019.

    The national figures reproduced in 2019: 181 million trips, the modal split of trips and
    of commuting, the mean trip length, and the rural workers' commuting distance.
    Rural communes take the published rural shares, intermediate communes the mean of dense and
    rural, and dense communes what makes France's average (Choix de modélisation).
    """
    metro = get_territory("FR-METRO")
    weights = _mix3(territory_type_mix(metro))
    population = _population_of(metro, SURVEY_YEAR)
    employed = population @ _by_age(EMPLOYMENT_RATES)
    commute = employed * COMMUTE_TRIPS_PER_WEEK / 5
    commute_fraction = commute / TRIPS_FR
    rural = SHARES_RURAL
    dense = (SHARES_FR - (weights[1] / 2 + weights[2]) * rural) / (weights[0] + weights[1] / 2)
    all_trips = np.stack([dense, (dense + rural) / 2, rural])
    commute_shares = _tilt(all_trips, weights, COMMUTE_SHARES_FR)
    other_shares = (all_trips - commute_fraction * commute_shares) / (1 - commute_fraction)
    if (all_trips < 0).any() or (other_shares < 0).any():
        raise DataError("mobility.negative_shares")
    motor = _motorised(_type_distance_index())
    rural_km = RURAL_COMMUTE_KM_PER_DAY / 2 / (employed / 3)
    scale = (rural_km - commute_shares[2] @ FIXED_KM) / (commute_shares[2] @ motor[2])
    commute_km = scale * motor + FIXED_KM
    other_target = (
        KM_PER_TRIP_FR - commute_fraction * weights @ (commute_shares * commute_km).sum(-1)
    ) / (1 - commute_fraction)
    fixed, unit = weights @ (other_shares @ FIXED_KM), weights @ (other_shares * motor).sum(-1)
    other_km = (other_target - fixed) / unit * motor + FIXED_KM
    other_rate = (TRIPS_FR - commute) / (population @ _by_age(AGE_INDEX))
    return TypeDefaults(
        np.stack([commute_shares, other_shares]), np.stack([commute_km, other_km]), other_rate
    )


# --- Fleet initial state -----------------------------------------------------------------------
def survival(lifetime: float) -> np.ndarray:
    """Probability that a new car is still on the road at each age 0…50 (fraction).

    Weibull survival of shape :data:`WEIBULL_SHAPE` and mean ``lifetime`` (years).
    """
    scale = lifetime / math.gamma(1 + 1 / WEIBULL_SHAPE)
    return np.exp(-((np.arange(FLEET_AGES) / scale) ** WEIBULL_SHAPE))


def _rake(seed: np.ndarray, rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """Scale ``seed`` until its row sums are ``rows`` and column sums ``columns``."""
    table = seed.copy()
    for _ in range(1000):
        table *= (rows / table.sum(1))[:, None]
        table *= columns / table.sum(0)
        if np.abs(table.sum(1) - rows).max() < 1e-14:
            return table
    raise DataError("mobility.fleet_ages", year=2025)


@functools.cache
def fleet_start() -> np.ndarray:
    """Cars on 1 January 2025 by age 0…50 and powertrain (fraction of the fleet, sums to 1).

    Ages follow the steady state of the Weibull survival; powertrains within an age follow a
    back-cast of past sales (:data:`DIESEL_BACKCAST`, :data:`ELECTRIC_BACKCAST_YEARS`), raked
    to the SDES stock shares.
    """
    ages = np.arange(FLEET_AGES)
    alive = survival(DEFAULT_LIFETIME)
    first, last, span = DIESEL_BACKCAST
    seed = np.empty((FLEET_AGES, len(POWERTRAINS)))
    seed[:, 1] = first + (last - first) * np.minimum(ages, span) / span
    decay = np.exp(-ages / ELECTRIC_BACKCAST_YEARS)
    seed[:, 2], seed[:, 3] = SALES_2024[2] * decay, SALES_2024[3] * decay
    seed[:, 4] = SALES_2024[4]
    seed[:, 0] = 1 - seed[:, 1:].sum(1)
    return _rake(seed, alive / alive.sum(), FLEET_SHARES)


# --- Inputs ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MobilityInputs:
    """A territory's base-year mobility, ready for :func:`project_mobility`.

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


@functools.cache
def _factors() -> dict[str, float]:
    """Emission factors of the embedded ADEME Base Carbone table (kgCO2e/pkm, car: per vkm)."""
    table = load_table("mobility_emission_factors").set_index("mode")["kgco2e_per_pkm"]
    rail = table[["subway", "tramway", "urban_train", "regional_train"]].mean()
    return {
        "pt": PT_BUS_SHARE * table["city_bus"] + (1 - PT_BUS_SHARE) * rail,
        "rail": table[["high_speed_train", "long_distance_train"]].mean(),
        "air": table["airplane"],
        "two_wheeler": table["motorcycle"],
    }


def mobility_inputs(territory: Territory, survey: TravelSurvey | None = None) -> MobilityInputs:
    """Base-year mobility of a territory, from its mix of density types or its own survey.

    National behaviour by density type (:func:`type_defaults`) is weighted by the territory's
    population shares of the types; a travel survey then replaces trips, shares and distances.

    Raises
    ------
    DataError
        If the survey cannot be reconciled with the territory (e.g. fewer trips than its
        workers' commuting).
    """
    defaults = type_defaults()
    mix = _mix3(territory_type_mix(territory))
    trips = np.einsum("k,pkm->pm", mix, defaults.shares)
    km = np.einsum("k,pkm,pkm->pm", mix, defaults.shares, defaults.distance_km) / trips
    factors = _factors()
    inputs = MobilityInputs(
        territory=territory.code,
        type_mix=mix,
        shares=trips,
        distance_km=km,
        other_rate=defaults.other_rate,
        commute_rate=COMMUTE_TRIPS_PER_WEEK / 5,
        age_index=_by_age(AGE_INDEX),
        employment_rate=_by_age(EMPLOYMENT_RATES),
        occupancy_local=OCCUPANCY_LOCAL,
        occupancy_long=OCCUPANCY_LONG,
        long_distance_km=LONG_JOURNEYS * KM_PER_JOURNEY,
        long_shares=LONG_SHARES,
        pt_factor=factors["pt"],
        rail_factor=factors["rail"],
        air_factor=factors["air"],
        two_wheeler_kwh_per_km=factors["two_wheeler"] / LIFE_CYCLE[0],
        fleet=fleet_start(),
    )
    if survey is None:
        return inputs
    year = int(np.clip(survey.year or REPORT_FROM, SURVEY_YEAR, REPORT_FROM))
    return apply_survey(inputs, survey, _population_of(territory, year), year)


def apply_survey(
    inputs: MobilityInputs, survey: TravelSurvey, population: np.ndarray, year: int
) -> MobilityInputs:
    """Replace the base trips, mode shares, occupancy and distances by a survey's.

    The trips other than commuting are scaled so that in the survey ``year`` (2019–2025) the
    territory's residents aged 6+ (``population`` by age, persons) make ``trips_per_person``,
    commuting reduced by that year's telework; both purposes' mode shares are
    tilted by the same factors until all trips have the survey's split; each mode's trip lengths
    are scaled to the survey's mean; occupancy is (drivers + passengers) / drivers.
    """
    employed = population @ inputs.employment_rate
    residents = population[6:].sum()
    commute = employed * inputs.commute_rate * telework_factor(np.array([year]), Avoid())[0]
    other = survey.trips_per_person * residents - commute
    if other <= 0:
        raise DataError(
            "mobility.survey_trips",
            file=survey.origin,
            value=survey.trips_per_person,
            commute=commute / residents,
        )
    shares = survey.mode_shares
    car = shares["car_driver"] + shares["car_passenger"]
    target = np.array([car, *(shares[m] for m in SURVEY_MODES[2:])])
    weights = np.array([commute, other]) / (commute + other)
    fitted = _tilt(inputs.shares, weights, target)
    km = inputs.distance_km.copy()
    for position, wanted in enumerate(_survey_distances(survey)):
        trips = weights * fitted[:, position]
        if np.isfinite(wanted) and trips.sum() > 0:
            km[:, position] *= wanted / (trips @ km[:, position] / trips.sum())
    occupancy = car / shares["car_driver"] if shares["car_driver"] > 0 else inputs.occupancy_local
    return replace(
        inputs,
        shares=fitted,
        distance_km=km,
        other_rate=other / (population @ inputs.age_index),
        occupancy_local=occupancy,
        survey=survey.name or survey.origin,
    )


def _survey_distances(survey: TravelSurvey) -> np.ndarray:
    """Mean trip length by local mode from the survey (km; NaN where not given)."""
    given = survey.mean_distance_km
    shares = survey.mode_shares
    car = [(shares[m], given[m]) for m in ("car_driver", "car_passenger") if m in given]
    weight = sum(w for w, _ in car)
    car_km = sum(w * d for w, d in car) / weight if weight > 0 else math.nan
    return np.array([car_km, *(given.get(m, math.nan) for m in SURVEY_MODES[2:])])


# --- Projection --------------------------------------------------------------------------------
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

    def series(self) -> list[Series]:
        """The result series from :attr:`report_from` on (names as in DESIGN §9)."""
        shown = self.years >= self.report_from
        years = self.years[shown]

        def make(variable: str, unit: str, values: np.ndarray) -> Series:
            return Series(variable, unit, years, np.asarray(values, float)[shown])

        pkm = self.passenger_km / 1e6
        total_trips = self.trips.sum(1)
        out = [
            make("Mobility|Trips", "trips/day", total_trips),
            *(
                make(f"Mobility|Trips|{m}", "trips/day", self.trips[:, i])
                for i, m in enumerate(MODES)
            ),
            make("Mobility|Commuting Trips", "trips/day", self.commute_trips),
            make("Mobility|Trips per Person", "trips/person/day", total_trips / self.residents),
            *(
                make(f"Mobility|Mode Share|{m}", "% of trips", 100 * self.trips[:, i] / total_trips)
                for i, m in enumerate(MODES)
            ),
            make("Mobility|Passenger-km", "million pkm/yr", pkm.sum(1)),
            *(
                make(f"Mobility|Passenger-km|{m}", "million pkm/yr", pkm[:, i])
                for i, m in enumerate((*MODES, "Air"))
            ),
            make("Mobility|Local Passenger-km", "million pkm/yr", self.local_pkm.sum(1) / 1e6),
            make(
                "Mobility|Long-Distance Passenger-km", "million pkm/yr", self.long_pkm.sum(1) / 1e6
            ),
            make(
                "Mobility|Vehicle-km|Car",
                "million vkm/yr",
                (self.car_vkm_local + self.car_vkm_long) / 1e6,
            ),
            make("Mobility|Vehicle-km|Two-Wheeler", "million vkm/yr", self.two_wheeler_vkm / 1e6),
            make("Mobility|Car Occupancy|Local", "persons/vehicle", self.occupancy),
            make("Mobility|Car Share of Distance", "%", 100 * self.car_share_of_distance()),
            make(
                "Mobility|Car Share of Distance|Local", "%", 100 * self.car_share_of_distance(True)
            ),
            make("Mobility|Employed Persons", "persons", self.employed),
            *(
                make(f"Mobility|Car Fleet|{n}", "% of cars", 100 * self.fleet_shares[:, i])
                for i, n in enumerate(POWERTRAIN_NAMES)
            ),
            *(
                make(f"Mobility|Car Sales|{n}", "% of sales", 100 * self.sales_shares[:, i])
                for i, n in enumerate(POWERTRAIN_NAMES)
            ),
            make("Mobility|Energy", "GWh/yr", sum(self.energy_gwh.values())),
            *(
                make(f"Mobility|Energy|{c.capitalize()}", "GWh/yr", self.energy_gwh[c])
                for c in CARRIERS
            ),
            make("Emissions|GHG|Mobility|Tailpipe", "ktCO2e/yr", self.tailpipe_kt),
            make("Emissions|GHG|Mobility|Life Cycle", "ktCO2e/yr", self.life_cycle_kt),
            make("Emissions|GHG|Mobility|Life Cycle|Air", "ktCO2e/yr", self.air_kt),
        ]
        return out


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
    anchors = [*(year for year, _, _ in TELEWORK_OBSERVED), LEVERS_FROM, avoid.target_year]
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


def sales_shares(years: np.ndarray, fleet: Fleet) -> np.ndarray:
    """Share of each powertrain in the cars sold during each year (fraction).

    Electric and plug-in hybrid shares go linearly from 2024 to their targets; combustion cars
    share the rest as in 2024.
    """
    out = np.empty((len(years), len(POWERTRAINS)))
    for column, target in ((2, fleet.electric_sales), (3, fleet.plug_in_hybrid_sales)):
        out[:, column] = np.interp(
            years, [2024, fleet.target_year], [SALES_2024[column], target / 100]
        )
    thermal = SALES_2024[[0, 1, 4]] / SALES_2024[[0, 1, 4]].sum()
    out[:, [0, 1, 4]] = (1 - out[:, 2:4].sum(1))[:, None] * thermal
    return out


def fleet_path(
    start: np.ndarray,
    years: np.ndarray,
    vkm: np.ndarray,
    sales: np.ndarray,
    new_efficiency: np.ndarray,
    lifetime: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Car fleet composition from its 1 January 2025 state (cohort model).

    Each year the cars of each age survive to the next age with the Weibull survival of mean
    ``lifetime``; the fleet follows the car vehicle-km (constant km per car); new cars make up
    the difference with the year's ``sales`` shares and energy per km ``new_efficiency``
    (ratio to 2025); if survivors exceed the need, they are scrapped proportionally.

    Parameters
    ----------
    start
        Cars on 1 January 2025 by age and powertrain (fraction).
    years, vkm, sales, new_efficiency
        Consecutive years from 2025 at the latest, car vehicle-km (km/yr), sales shares by
        powertrain (fraction) and energy per km of new cars (ratio) for those years.

    Returns
    -------
    tuple of numpy.ndarray
        Share of cars by powertrain and their mean energy per km relative to 2025 (ratio),
        shape (year, powertrain); years before 2025 take the 2025 fleet.
    """
    alive = survival(lifetime)
    step = np.divide(alive[1:], alive[:-1], out=np.zeros(len(alive) - 1), where=alive[:-1] > 0)
    step = step[:, None]
    cars, energy = start.copy(), start.copy()
    shares = np.empty((len(years), start.shape[1]))
    efficiency = np.ones_like(shares)
    for i, year in enumerate(years):
        totals = cars.sum(0)
        shares[i] = totals
        efficiency[i] = np.divide(energy.sum(0), totals, out=np.ones_like(totals), where=totals > 0)
        if year < FLEET_YEAR or i == len(years) - 1:
            continue
        growth = vkm[i + 1] / vkm[i] if vkm[i] > 0 else 1.0
        survivors, survivors_energy = cars[:-1] * step, energy[:-1] * step
        kept = min(1.0, growth / survivors.sum())
        new = max(growth - survivors.sum(), 0.0) * sales[i]
        cars = np.vstack([new, survivors * kept]) / growth
        energy = np.vstack([new * new_efficiency[i], survivors_energy * kept]) / growth
    return shares, efficiency


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
    span = np.arange(min(years[0], FLEET_YEAR), years[-1] + 1)
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
        The territory's base behaviour (:func:`mobility_inputs`).
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
        report_from=REPORT_FROM,
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
