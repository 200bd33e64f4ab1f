"""Mobility assumptions: demand, the avoid / shift / improve levers and the car fleet.

The base year's travel behaviour (trips, modes, distances by density type) is data, not an
assumption: national survey figures by territory type, or the territory's own household travel
survey (see :mod:`prospectif.models.mobility_survey`). Every lever moves linearly from its 2025
level to its value in its target year, then stays there.
"""

from __future__ import annotations

from pydantic import model_validator

from ..errors import ScenarioError
from .fields import PRESET_RANGE, Section, assumption

NO_CHANGE = "Choix de modélisation : pas de changement par rapport à l'année de base"
EU_2035 = (
    "Règlement (UE) 2023/851 : les voitures neuves vendues à partir de 2035 n'émettent plus de "
    "CO2 à l'échappement"
)


def _target_year(default: int, what_fr: str, what_en: str) -> int:
    return assumption(
        default,
        ge=2026,
        le=2070,
        step=1,
        unit="année",
        label_fr=f"Année où {what_fr} est atteint",
        label_en=f"Year {what_en} is reached",
        source="Choix de modélisation : évolution linéaire depuis 2025",
    )


class Demand(Section):
    """Travel demand per person, before the levers."""

    local_trips_change: float = assumption(
        0.0,
        ge=-30.0,
        le=30.0,
        step=1.0,
        unit="% par personne",
        label_fr="Évolution du nombre de déplacements locaux (hors travail)",
        label_en="Change in local trips (other than commuting)",
        source="SDES, EMP 2019 : 3 déplacements par jour en 2019 contre 2,9 en 2008 (quasi stable)",
    )
    """Change of the number of local trips per person for purposes other than commuting, by the
    target year (% of the base year)."""

    long_distance_change: float = assumption(
        0.0,
        ge=-80.0,
        le=50.0,
        step=1.0,
        unit="% par personne",
        label_fr="Évolution des kilomètres de voyages à longue distance",
        label_en="Change in long-distance kilometres",
        source="SDES, EMP 2019 : 6,3 voyages de plus de 80 km par personne et par an ; "
        + NO_CHANGE,
        plausible=(-40.0, 10.0),
        plausible_source=PRESET_RANGE,
    )
    """Change of the long-distance kilometres (journeys beyond 80 km) per person, by the target
    year (% of the base year)."""

    target_year: int = _target_year(2050, "l'objectif de demande", "the demand target")
    """Year in which the demand changes are reached (year)."""


class Avoid(Section):
    """Avoid: telework and shorter trips (proximity)."""

    telework_share: float = assumption(
        26.0,
        ge=0.0,
        le=60.0,
        step=1.0,
        unit="% des actifs occupés",
        label_fr="Part des actifs en télétravail",
        label_en="Share of workers teleworking",
        source="DARES, La pratique du télétravail en 2023 (2024) : 26 % des salariés au moins "
        "occasionnellement (9 % en 2019)",
        plausible=(26.0, 35.0),
        plausible_source="DARES (2024) : 26 % des salariés en 2023, 31 % début 2021 ; "
        + PRESET_RANGE,
    )
    """Share of employed people who telework at least occasionally, in the target year (%)."""

    telework_days: float = assumption(
        1.5,
        ge=0.5,
        le=5.0,
        step=0.1,
        unit="jours par semaine",
        label_fr="Jours de télétravail par semaine (télétravailleurs)",
        label_en="Telework days a week (teleworkers)",
        source="Dérivé de DARES 2023 : 5 % des salariés à 3 jours ou plus, les autres 26 - 5 = "
        "21 % à 1 jour ou moins ; (5 × 3,5 + 21 × 1) / 26 ≈ 1,5",
    )
    """Average telework days a week of a teleworker, in the target year (days/week)."""

    proximity: float = assumption(
        0.0,
        ge=0.0,
        le=40.0,
        step=1.0,
        unit="% de la distance",
        label_fr="Raccourcissement des déplacements (proximité)",
        label_en="Shorter trips (proximity)",
        source=NO_CHANGE,
        plausible=(0.0, 15.0),
        plausible_source=PRESET_RANGE,
    )
    """Reduction of the distance of local trips other than commuting, by the target year, from
    nearer shops and services (%)."""

    target_year: int = _target_year(2035, "l'objectif de sobriété", "the avoid target")
    """Year in which the telework and proximity targets are reached (year)."""


class Shift(Section):
    """Shift: car trips moved to other modes, air journeys moved to rail."""

    to_public_transport: float = assumption(
        0.0,
        ge=0.0,
        le=30.0,
        step=1.0,
        unit="% des déplacements en voiture",
        label_fr="Report de la voiture vers les transports collectifs",
        label_en="Car trips moved to public transport",
        source=NO_CHANGE,
        plausible=(0.0, 15.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of local car trips moved to public transport by the target year (%); they keep
    their length."""

    to_bike: float = assumption(
        0.0,
        ge=0.0,
        le=30.0,
        step=1.0,
        unit="% des déplacements en voiture",
        label_fr="Report de la voiture vers le vélo",
        label_en="Car trips moved to cycling",
        source=NO_CHANGE,
        plausible=(0.0, 15.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of local car trips moved to the bike by the target year (%); the shortest ones,
    of an average bike trip's length."""

    to_walking: float = assumption(
        0.0,
        ge=0.0,
        le=30.0,
        step=1.0,
        unit="% des déplacements en voiture",
        label_fr="Report de la voiture vers la marche",
        label_en="Car trips moved to walking",
        source=NO_CHANGE,
        plausible=(0.0, 10.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of local car trips moved to walking by the target year (%); the shortest ones, of
    an average walking trip's length."""

    air_to_rail: float = assumption(
        0.0,
        ge=0.0,
        le=80.0,
        step=1.0,
        unit="% des km en avion",
        label_fr="Report de l'avion vers le train",
        label_en="Air kilometres moved to rail",
        source=NO_CHANGE,
        plausible=(0.0, 50.0),
        plausible_source=PRESET_RANGE,
    )
    """Share of long-distance air passenger-km moved to rail by the target year (%)."""

    target_year: int = _target_year(2040, "l'objectif de report modal", "the modal-shift target")
    """Year in which the modal-shift targets are reached (year)."""


class Improve(Section):
    """Improve: fuller cars (carpooling) and more efficient new cars."""

    occupancy_gain: float = assumption(
        0.0,
        ge=0.0,
        le=50.0,
        step=1.0,
        unit="% d'occupation",
        label_fr="Hausse du remplissage des voitures (covoiturage)",
        label_en="Higher car occupancy (carpooling)",
        source="SDES, EMP 2019 : 1,43 personne par voiture en local ; objectif SNBC de 1,75 "
        "aux heures de pointe en 2030 (baromètre Vinci Autoroutes, relais) ; " + NO_CHANGE,
        plausible=(0.0, 20.0),
        plausible_source=PRESET_RANGE,
    )
    """Increase of the average occupancy of cars on local trips, by the target year (%)."""

    efficiency_gain: float = assumption(
        0.0,
        ge=0.0,
        le=40.0,
        step=1.0,
        unit="% d'énergie par km",
        label_fr="Gain d'efficacité des voitures neuves",
        label_en="Efficiency gain of new cars",
        source=NO_CHANGE,
        plausible=(0.0, 25.0),
        plausible_source=PRESET_RANGE,
    )
    """Reduction of the energy per km of new cars of every powertrain by the target year (%);
    the fleet follows as it renews."""

    target_year: int = _target_year(2040, "l'objectif d'amélioration", "the improve target")
    """Year in which the occupancy and efficiency targets are reached (year)."""


class Fleet(Section):
    """Car fleet renewal: lifetime and powertrains of new cars."""

    electric_sales: float = assumption(
        100.0,
        ge=0.0,
        le=100.0,
        step=1.0,
        unit="% des ventes",
        label_fr="Part des voitures électriques dans les ventes",
        label_en="Electric share of new car sales",
        source="17 % en 2024 (SDES, parc automobile 2025) ; " + EU_2035,
    )
    """Share of battery-electric cars in new car sales in the target year (%), from 17 % in
    2024."""

    plug_in_hybrid_sales: float = assumption(
        0.0,
        ge=0.0,
        le=100.0,
        step=1.0,
        unit="% des ventes",
        label_fr="Part des hybrides rechargeables dans les ventes",
        label_en="Plug-in hybrid share of new car sales",
        source=EU_2035,
    )
    """Share of plug-in hybrids in new car sales in the target year (%); with the electric
    share it may not exceed 100 %, the rest going to combustion cars."""

    target_year: int = _target_year(2035, "le mix des ventes visé", "the sales mix")
    """Year in which the sales shares are reached (year)."""

    lifetime: float = assumption(
        20.0,
        ge=10.0,
        le=30.0,
        step=0.5,
        unit="années",
        label_fr="Durée de vie moyenne d'une voiture",
        label_en="Average car lifetime",
        source="Calé sur l'âge moyen du parc, 11,5 ans au 1er janvier 2025 (SDES) : loi de "
        "Weibull de forme 3 (choix de modélisation)",
        plausible=(16.0, 22.0),
        plausible_source=PRESET_RANGE,
    )
    """Mean age at scrapping of cars (years); a shorter life renews the fleet faster."""

    @model_validator(mode="after")
    def _sales_within_total(self) -> Fleet:
        total = self.electric_sales + self.plug_in_hybrid_sales
        if total > 100.0:
            raise ScenarioError("scenario.sales_over_100", total=total)
        return self


class Mobility(Section):
    """Mobility assumptions: demand, the avoid / shift / improve levers and the car fleet."""

    demand: Demand = Demand()
    """Travel demand per person."""

    avoid: Avoid = Avoid()
    """Telework and proximity."""

    shift: Shift = Shift()
    """Modal shift."""

    improve: Improve = Improve()
    """Car occupancy and efficiency."""

    fleet: Fleet = Fleet()
    """Car fleet renewal and electrification."""
