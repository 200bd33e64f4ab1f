"""The mobility dashboard: modal split, passenger-km, fleet, emissions and car dependency."""

from __future__ import annotations

from ...results.transition_variables import (
    INVENTORY_SECTOR_NAMES,
    LONG_MODES,
    MODES,
    POWERTRAINS,
    TRANSPORT_NAMES,
    TRAVEL_MODES,
)
from ...viz.maps import choropleth_spec
from ..maps import map_scope, rural_shares
from ..spec import Context, Dashboard, Indicator, Tab, drafted, trajectory
from ..texts import pick

SURVEY = ("travel_survey_modes", "population_departement", "communes")
"""What travel demand is drawn from: the national surveys by territory type, the population."""
FLEET_NOTE = (
    "Parc de départ et renouvellement : chiffres nationaux publiés (voir « Sources et méthode »).",
    "Starting fleet and renewal: published national figures (see “Sources and method”).",
)


def _density_map(context: Context) -> dict:
    data = context.current.demography.data
    level, codes = map_scope(context.current.territory, data)
    title = pick(
        (
            "Part de la population vivant en commune rurale (peu ou très peu dense)",
            "Share of the population living in rural communes (low or very low density)",
        ),
        context.lang,
    )
    unit = pick(("% de la population", "% of population"), context.lang)
    shares = rural_shares(codes, data)
    return choropleth_spec(shares, level, title, unit, 0, context.lang, data)


FIGURES = (
    trajectory(
        "parts-modales",
        ("Répartition des déplacements locaux par mode", "Local trips by mode"),
        ("% des déplacements", "% of trips"),
        total=("Mobility|Mode Share|Car Driver", ("Voiture, conducteur", "Car, driver")),
        parts=tuple((f"Mobility|Mode Share|{m}", TRAVEL_MODES[m]) for m in MODES),
        percent=True,
        tables=SURVEY,
    ),
    trajectory(
        "voyageurs-km",
        ("Distances parcourues par mode", "Passenger-km by mode"),
        ("millions de voyageurs-km par an", "million passenger-km a year"),
        total=("Mobility|Passenger-km", ("Total", "Total")),
        parts=tuple((f"Mobility|Passenger-km|{m}", TRAVEL_MODES[m]) for m in LONG_MODES),
        tables=SURVEY,
    ),
    trajectory(
        "emissions",
        (
            "Émissions de gaz à effet de serre des déplacements",
            "Greenhouse-gas emissions of travel",
        ),
        ("kt CO2e par an", "kt CO2e a year"),
        total=("Mobility|Emissions|Tailpipe", ("À l'échappement", "Tailpipe")),
        reference=(
            "Mobility|Emissions|Life Cycle",
            (
                "Cycle de vie (fabrication, carburant, avion compris)",
                "Life cycle (incl. manufacturing, fuel, air)",
            ),
        ),
        tables=(*SURVEY, "mobility_emission_factors"),
    ),
    trajectory(
        "transport-marchandises",
        (
            "Émissions des transports : voitures des habitants et marchandises (inventaire estimé)",
            "Transport emissions: residents' cars and goods (estimated inventory)",
        ),
        ("kt CO2e par an", "kt CO2e a year"),
        total=("Emissions|Inventory|Transport", ("Tous transports", "All transport")),
        parts=tuple(
            (f"Emissions|Inventory|{name}", label)
            for name, label in INVENTORY_SECTOR_NAMES.values()
            if name in TRANSPORT_NAMES
        ),
        tables=("ghg_inventory", "freight_tonne_km"),
    ),
    trajectory(
        "dependance-voiture",
        (
            "Dépendance à la voiture : part des distances en voiture",
            "Car dependency: car share of distance",
        ),
        ("% des voyageurs-km", "% of passenger-km"),
        total=("Mobility|Car Share of Distance", ("Part de la voiture", "Car share")),
        percent=True,
        tables=SURVEY,
    ),
    trajectory(
        "parc",
        ("Parc de voitures par motorisation", "Car fleet by powertrain"),
        ("% des voitures", "% of cars"),
        total=("Mobility|Car Fleet|Battery Electric", ("Électriques", "Battery electric")),
        parts=tuple((f"Mobility|Car Fleet|{p}", label) for p, label in POWERTRAINS.items()),
        percent=True,
        tables=("population_departement",),
        note=FLEET_NOTE,
    ),
    drafted(
        "carte-densite", _density_map, tables=("communes", "geometry_epci", "geometry_departements")
    ),
)

DASHBOARD = Dashboard(
    name="mobilite",
    title=("Mobilité", "Mobility"),
    summary=(
        "Déplacements des habitants : parts modales, distances, parc automobile, énergie, "
        "émissions et dépendance à la voiture, avec les leviers éviter / reporter / améliorer.",
        "Residents' travel: modal split, distances, car fleet, energy, emissions and car "
        "dependency, with the avoid / shift / improve levers.",
    ),
    models=("demography", "mobility", "emissions"),
    figures=FIGURES,
    indicators=(
        Indicator("Mobility|Trips", ("Déplacements locaux par jour", "Local trips a day")),
        Indicator("Mobility|Trips per Person", ("… par personne", "… per person"), 2),
        Indicator(
            "Mobility|Passenger-km",
            ("Voyageurs-km (millions par an)", "Passenger-km (million a year)"),
        ),
        Indicator(
            "Mobility|Car Share of Distance",
            ("Part de la voiture dans les distances (%)", "Car share of distance (%)"),
            1,
        ),
        Indicator(
            "Mobility|Vehicle-km|Car",
            ("Véhicules-km en voiture (millions par an)", "Car vehicle-km (million a year)"),
        ),
        Indicator(
            "Mobility|Car Fleet|Battery Electric",
            ("Voitures électriques (% du parc)", "Electric cars (% of fleet)"),
            1,
        ),
        Indicator(
            "Mobility|Energy", ("Énergie des véhicules (GWh par an)", "Vehicle energy (GWh a year)")
        ),
        Indicator(
            "Mobility|Emissions|Tailpipe",
            ("Émissions à l'échappement (kt CO2e)", "Tailpipe emissions (kt CO2e)"),
        ),
        Indicator(
            "Mobility|Emissions|Life Cycle",
            ("Émissions en cycle de vie (kt CO2e)", "Life-cycle emissions (kt CO2e)"),
        ),
    ),
    tables=(
        "population_departement",
        "communes",
        "mobility_emission_factors",
        "travel_survey_modes",
        "ghg_inventory",
        "freight_tonne_km",
        "geometry_departements",
        "geometry_epci",
    ),
    method="docs/methodology/mobility.md",
    sensitivity=("Emissions|Inventory",),
    goals=("emissions-2050", "emissions-2030"),
    bands=True,
    tabs=(
        Tab(("Déplacements", "Trips"), ("parts-modales", "voyageurs-km")),
        Tab(("Voiture", "Cars"), ("dependance-voiture", "parc")),
        Tab(("Émissions", "Emissions"), ("emissions", "transport-marchandises")),
        Tab(("Carte", "Map"), ("carte-densite",)),
    ),
)
