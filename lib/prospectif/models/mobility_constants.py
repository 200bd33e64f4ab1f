"""Constants of the mobility model and their sources (EMP 2019 and others), one place each.

Levers move from :data:`~prospectif.models.axes.BASE_YEAR` (2025, today) to their targets; the
results start then too (the demography projects ages from 2025), and the car fleet's state is
that of 1 January 2025 (SDES). Method: docs/methodology/mobility.md.
"""

from __future__ import annotations

import numpy as np

from .axes import OPEN_AGE

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

# --- Calendar ----------------------------------------------------------------------------------
SURVEY_YEAR = 2019
"""Base year of the behaviour: the national survey EMP 2019 (SDES)."""
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

FIXED_KM = np.array([0.0, 0.0, BIKE_KM, WALK_KM, 0.0])
"""Trip lengths that do not depend on the type (km): walking and cycling."""


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


def by_age(groups: tuple[tuple[int, int, float], ...]) -> np.ndarray:
    """Values by age 0…105 from ``(first age, last age, value)`` groups (0 elsewhere)."""
    values = np.zeros(len(AGES))
    for first, last, value in groups:
        values[first : last + 1] = value
    return values
