"""Mobility inputs of a territory from the data: behaviour by density type, emission factors.

National behaviour by density type is calibrated so that metropolitan France reproduces the
survey EMP 2019 (:func:`type_defaults`); a territory takes the mix of its population's density
types (:mod:`.density`), or its own travel survey (:mod:`.mobility_survey`). Method and sources:
docs/methodology/mobility.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..errors import DataError
from ..models.axes import BASE_YEAR
from ..models.mobility import MobilityInputs
from ..models.mobility_constants import (
    AGE_INDEX,
    COMMUTE_SHARES_FR,
    COMMUTE_TRIPS_PER_WEEK,
    DISTANCE_CLASS_SHARES,
    DISTANCE_CLASSES_KM,
    EMPLOYMENT_RATES,
    FIXED_KM,
    KM_PER_JOURNEY,
    KM_PER_TRIP_FR,
    LIFE_CYCLE,
    LONG_JOURNEYS,
    LONG_SHARES,
    OCCUPANCY_LOCAL,
    OCCUPANCY_LONG,
    PT_BUS_SHARE,
    PT_TO_CAR,
    RURAL_COMMUTE_KM_PER_DAY,
    SHARES_FR,
    SHARES_RURAL,
    SURVEY_YEAR,
    TRIPS_FR,
    by_age,
)
from ..models.mobility_fleet import fleet_start
from ..territory import Territory, get_territory
from .demographic import demographic_base
from .density import territory_type_mix
from .mobility_survey import TravelSurvey, apply_survey, tilt


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


def population_of(territory: Territory, year: int, data: Dataset | None = None) -> np.ndarray:
    """The territory's INSEE estimate on 1 January ``year`` by age (persons)."""
    base = demographic_base(data)
    cube = np.nan_to_num(base.population_in(year)[base.dep_index(territory.departements)])
    return np.tensordot(territory.shares.to_numpy(float), cube, axes=1).sum(0)


def _type_distance_index() -> np.ndarray:
    """Relative length of motorised trips by type (rural = 1).

    From the distance classes of the trips of dense and rural residents (SDES), intermediate
    communes halfway.
    """
    dense, rural = (
        np.dot(DISTANCE_CLASS_SHARES[k], DISTANCE_CLASSES_KM) for k in ("dense", "rural")
    )
    return np.array([dense, (dense + rural) / 2, rural]) / rural


def _motorised(index: np.ndarray) -> np.ndarray:
    """Relative length of motorised trips by type and mode (car = two-wheeler = index)."""
    return index[:, None] * np.array([1.0, PT_TO_CAR, 0.0, 0.0, 1.0])


def type_defaults(data: Dataset | None = None) -> TypeDefaults:
    """Behaviour by density type, calibrated so that metropolitan France reproduces EMP 2019
    (computed once per data set).

    The national figures reproduced in 2019: 181 million trips, the modal split of trips and
    of commuting, the mean trip length, and the rural workers' commuting distance.
    Rural communes take the published rural shares, intermediate communes the mean of dense and
    rural, and dense communes what makes France's average (Choix de modélisation).
    """
    data = data or open_data()
    return data.derived("mobility.type_defaults", lambda: _calibrate(data))


def _calibrate(data: Dataset) -> TypeDefaults:
    metro = get_territory("FR-METRO", data)
    weights = _mix3(territory_type_mix(metro, data))
    population = population_of(metro, SURVEY_YEAR, data)
    employed = population @ by_age(EMPLOYMENT_RATES)
    commute = employed * COMMUTE_TRIPS_PER_WEEK / 5
    commute_fraction = commute / TRIPS_FR
    rural = SHARES_RURAL
    dense = (SHARES_FR - (weights[1] / 2 + weights[2]) * rural) / (weights[0] + weights[1] / 2)
    all_trips = np.stack([dense, (dense + rural) / 2, rural])
    commute_shares = tilt(all_trips, weights, COMMUTE_SHARES_FR)
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
    other_rate = (TRIPS_FR - commute) / (population @ by_age(AGE_INDEX))
    return TypeDefaults(
        np.stack([commute_shares, other_shares]), np.stack([commute_km, other_km]), other_rate
    )


def _factors(data: Dataset) -> dict[str, float]:
    """Emission factors of the embedded ADEME Base Carbone table (kgCO2e/pkm, car: per vkm)."""
    table = data.table("mobility_emission_factors").set_index("mode")["kgco2e_per_pkm"]
    rail = table[["subway", "tramway", "urban_train", "regional_train"]].mean()
    return {
        "pt": PT_BUS_SHARE * table["city_bus"] + (1 - PT_BUS_SHARE) * rail,
        "rail": table[["high_speed_train", "long_distance_train"]].mean(),
        "air": table["airplane"],
        "two_wheeler": table["motorcycle"],
    }


def mobility_inputs(
    territory: Territory, survey: TravelSurvey | None = None, data: Dataset | None = None
) -> MobilityInputs:
    """Base-year mobility of a territory, from its mix of density types or its own survey.

    National behaviour by density type (:func:`type_defaults`) is weighted by the territory's
    population shares of the types; a travel survey then replaces trips, shares and distances.

    Raises
    ------
    DataError
        If the survey cannot be reconciled with the territory (e.g. fewer trips than its
        workers' commuting).
    """
    data = data or open_data()
    defaults = type_defaults(data)
    mix = _mix3(territory_type_mix(territory, data))
    trips = np.einsum("k,pkm->pm", mix, defaults.shares)
    km = np.einsum("k,pkm,pkm->pm", mix, defaults.shares, defaults.distance_km) / trips
    factors = data.derived("mobility.factors", lambda: _factors(data))
    inputs = MobilityInputs(
        territory=territory.code,
        type_mix=mix,
        shares=trips,
        distance_km=km,
        other_rate=defaults.other_rate,
        commute_rate=COMMUTE_TRIPS_PER_WEEK / 5,
        age_index=by_age(AGE_INDEX),
        employment_rate=by_age(EMPLOYMENT_RATES),
        occupancy_local=OCCUPANCY_LOCAL,
        occupancy_long=OCCUPANCY_LONG,
        long_distance_km=LONG_JOURNEYS * KM_PER_JOURNEY,
        long_shares=LONG_SHARES,
        pt_factor=factors["pt"],
        rail_factor=factors["rail"],
        air_factor=factors["air"],
        two_wheeler_kwh_per_km=factors["two_wheeler"] / LIFE_CYCLE[0],
        fleet=data.derived("mobility.fleet", fleet_start),
    )
    if survey is None:
        return inputs
    year = int(np.clip(survey.year or BASE_YEAR, SURVEY_YEAR, BASE_YEAR))
    return apply_survey(inputs, survey, population_of(territory, year, data), year)
