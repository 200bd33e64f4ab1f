"""Result variables of the transition models: mobility, energy, the greenhouse-gas inventory."""

from __future__ import annotations

from dataclasses import replace

from ..models.axes import TRANSPORT_CARRIERS as VEHICLE_CARRIERS
from ..models.energy import CARRIER_NAMES, PRODUCTION_NAMES, SECTOR_NAMES
from ..models.inventory import GASES, INVENTORY_SECTORS
from ..models.mobility_constants import MODES, POWERTRAIN_NAMES
from .variable import Label, Variable, children, family

SECTORS: dict[str, Label] = {
    "Residential": ("Résidentiel", "Residential"),
    "Tertiary": ("Tertiaire", "Tertiary"),
    "Industry": ("Industrie", "Industry"),
    "Agriculture": ("Agriculture", "Agriculture"),
    "Transport": ("Transport des habitants", "Residents' transport"),
}


CARRIERS: dict[str, Label] = {
    "Electricity": ("Électricité", "Electricity"),
    "Gas": ("Gaz", "Gas"),
    "Oil": ("Produits pétroliers", "Oil products"),
    "Wood and Other Renewables": ("Bois et autres renouvelables", "Wood and other renewables"),
    "District Heat": ("Chaleur de réseau", "District heat"),
    "Other": ("Autres", "Other"),
}


SOURCES: dict[str, Label] = {
    "Solar PV": ("Solaire photovoltaïque", "Solar PV"),
    "Wind": ("Éolien", "Wind"),
    "Hydro": ("Hydraulique", "Hydro"),
    "Bioenergy Electricity": ("Électricité de bioénergies", "Bioenergy electricity"),
    "Biomass Heat": ("Chaleur biomasse", "Biomass heat"),
    "Biogas": ("Biogaz", "Biogas"),
    "Solar Thermal": ("Solaire thermique", "Solar thermal"),
    "Heat Pumps": ("Chaleur des pompes à chaleur", "Heat-pump heat"),
}


TRAVEL_MODES: dict[str, Label] = {
    "Car Driver": ("Voiture, conducteur", "Car, driver"),
    "Car Passenger": ("Voiture, passager", "Car, passenger"),
    "Public Transport": ("Transports collectifs", "Public transport"),
    "Bike": ("Vélo", "Bike"),
    "Walking": ("Marche", "Walking"),
    "Two-Wheeler": ("Deux-roues motorisé", "Motorised two-wheeler"),
    "Air": ("Avion", "Air"),
}


POWERTRAINS: dict[str, Label] = {
    "Petrol": ("Essence", "Petrol"),
    "Diesel": ("Gazole", "Diesel"),
    "Battery Electric": ("Électrique", "Battery electric"),
    "Plug-in Hybrid": ("Hybride rechargeable", "Plug-in hybrid"),
    "Other": ("Autres", "Other"),
}


VEHICLE_ENERGY: dict[str, Label] = {
    "Petrol": ("Essence", "Petrol"),
    "Diesel": ("Gazole", "Diesel"),
    "Electricity": ("Électricité", "Electricity"),
    "Other": ("Autres", "Other"),
}


VEHICLE_CARRIER_NAMES = tuple(c.capitalize() for c in VEHICLE_CARRIERS)
"""Carriers of residents' vehicles as named in the results (``Mobility|Energy|Petrol``)."""


LONG_MODES = (*MODES, "Air")
"""Modes of all travel (local modes, then air) in ``Mobility|Passenger-km|<mode>``."""


def mobility_variables() -> list[Variable]:
    """Trips, passenger-km by mode, vehicles, energy and emissions of residents' travel."""
    trips = Variable(
        "Mobility|Trips",
        "trips/day",
        "flow",
        ("Déplacements locaux par jour", "Local trips a day"),
        (children("Mobility|Trips", MODES),),
    )
    pkm = Variable(
        "Mobility|Passenger-km",
        "million pkm/yr",
        "flow",
        ("Voyageurs-km", "Passenger-km"),
        (
            children("Mobility|Passenger-km", LONG_MODES),
            ("Mobility|Local Passenger-km", "Mobility|Long-Distance Passenger-km"),
        ),
    )
    energy = Variable(
        "Mobility|Energy",
        "GWh/yr",
        "flow",
        ("Énergie des véhicules des habitants", "Energy of residents' vehicles"),
        (children("Mobility|Energy", VEHICLE_CARRIER_NAMES),),
    )
    mode_share = Variable(
        "Mobility|Mode Share", "% of trips", "ratio", ("Part modale", "Mode share")
    )
    fleet = Variable("Mobility|Car Fleet", "% of cars", "ratio", ("Parc de voitures", "Car fleet"))
    sales = Variable(
        "Mobility|Car Sales", "% of sales", "ratio", ("Ventes de voitures", "Car sales")
    )
    life_cycle = Variable(
        "Mobility|Emissions|Life Cycle",
        "ktCO2e/yr",
        "flow",
        ("Émissions des déplacements en cycle de vie", "Life-cycle emissions of travel"),
    )
    vkm = "million vkm/yr"
    return [
        trips,
        *family(trips, TRAVEL_MODES, MODES),
        Variable(
            "Mobility|Commuting Trips",
            "trips/day",
            "flow",
            ("Déplacements domicile-travail par jour", "Commuting trips a day"),
        ),
        Variable(
            "Mobility|Trips per Person",
            "trips/person/day",
            "ratio",
            ("Déplacements par personne et par jour", "Trips per person a day"),
        ),
        *family(mode_share, TRAVEL_MODES, MODES),
        pkm,
        *family(pkm, TRAVEL_MODES, LONG_MODES),
        Variable(
            "Mobility|Local Passenger-km",
            pkm.unit,
            "flow",
            ("Voyageurs-km locaux", "Local passenger-km"),
        ),
        Variable(
            "Mobility|Long-Distance Passenger-km",
            pkm.unit,
            "flow",
            ("Voyageurs-km longue distance", "Long-distance passenger-km"),
        ),
        Variable(
            "Mobility|Vehicle-km|Car", vkm, "flow", ("Véhicules-km en voiture", "Car vehicle-km")
        ),
        Variable(
            "Mobility|Vehicle-km|Two-Wheeler",
            vkm,
            "flow",
            ("Véhicules-km en deux-roues motorisé", "Two-wheeler vehicle-km"),
        ),
        Variable(
            "Mobility|Car Occupancy|Local",
            "persons/vehicle",
            "ratio",
            ("Occupation des voitures, trajets locaux", "Car occupancy, local trips"),
        ),
        Variable(
            "Mobility|Car Share of Distance",
            "%",
            "ratio",
            ("Part de la voiture dans les distances", "Car share of distance"),
        ),
        Variable(
            "Mobility|Car Share of Distance|Local",
            "%",
            "ratio",
            ("Part de la voiture dans les distances locales", "Car share of local distance"),
        ),
        Variable(
            "Mobility|Employed Persons", "persons", "stock", ("Actifs occupés", "Employed persons")
        ),
        *family(fleet, POWERTRAINS, POWERTRAIN_NAMES),
        *family(sales, POWERTRAINS, POWERTRAIN_NAMES),
        energy,
        *family(energy, VEHICLE_ENERGY, VEHICLE_CARRIER_NAMES),
        Variable(
            "Mobility|Emissions|Tailpipe",
            "ktCO2e/yr",
            "flow",
            ("Émissions des déplacements à l'échappement", "Tailpipe emissions of travel"),
        ),
        life_cycle,
        *family(life_cycle, TRAVEL_MODES, ("Air",), within=life_cycle.name),
    ]


def energy_variables() -> list[Variable]:
    """Final energy by sector and carrier, local production, emissions of energy use."""
    final = Variable(
        "Final Energy",
        "GWh/yr",
        "flow",
        ("Énergie finale", "Final energy"),
        (children("Final Energy", SECTOR_NAMES), children("Final Energy", CARRIER_NAMES)),
    )
    by_sector = [
        replace(v, partitions=(children(v.name, CARRIER_NAMES),))
        for v in family(final, SECTORS, SECTOR_NAMES)
    ]
    by_carrier = [
        replace(v, partitions=(tuple(f"Final Energy|{s}|{c}" for s in SECTOR_NAMES),))
        for v, c in zip(family(final, CARRIERS, CARRIER_NAMES), CARRIER_NAMES, strict=True)
    ]
    production = Variable(
        "Renewable Production",
        "GWh/yr",
        "flow",
        ("Production renouvelable", "Renewable production"),
        (children("Renewable Production", PRODUCTION_NAMES),),
    )
    emissions = Variable(
        "Emissions|GHG",
        "ktCO2e/yr",
        "flow",
        (
            "Émissions de gaz à effet de serre de l'énergie consommée",
            "Greenhouse-gas emissions of the energy consumed",
        ),
        (children("Emissions|GHG", SECTOR_NAMES),),
    )
    bill = Variable("Energy Bill", "million EUR/yr", "flow", ("Facture énergétique", "Energy bill"))
    return [
        final,
        *(v for parent in by_sector for v in (parent, *family(parent, CARRIERS, CARRIER_NAMES))),
        *by_carrier,
        Variable(
            "Target|Final Energy",
            "GWh/yr",
            "target",
            (
                "Objectif national d'énergie finale appliqué au territoire",
                "National final-energy target applied to the territory",
            ),
        ),
        production,
        *family(production, SOURCES, PRODUCTION_NAMES),
        Variable(
            "Renewable Coverage",
            "%",
            "ratio",
            ("Couverture par les renouvelables", "Renewable coverage"),
        ),
        emissions,
        *family(emissions, SECTORS, SECTOR_NAMES),
        Variable(
            "Target|Emissions|GHG",
            "ktCO2e/yr",
            "target",
            (
                "Trajectoire SNBC appliquée au territoire",
                "SNBC trajectory applied to the territory",
            ),
        ),
        Variable(
            "Final Energy|Electricity|Cooling from Warming",
            "GWh/yr",
            "flow",
            (
                "Climatisation ajoutée par le réchauffement depuis 2021",
                "Cooling added by warming since 2021",
            ),
            within="Final Energy|Electricity",
        ),
        Variable(
            "Climate|Warming since 2021",
            "°C",
            "ratio",
            ("Réchauffement depuis 2021", "Warming since 2021"),
        ),
        bill,
        Variable(
            "Energy Bill|Leaving Territory",
            bill.unit,
            "flow",
            ("Facture énergétique sortant du territoire", "Energy bill leaving the territory"),
            within=bill.name,
        ),
    ]


INVENTORY_SECTOR_NAMES = {
    "buildings": ("Buildings", ("Bâtiments (résidentiel et tertiaire)", "Buildings")),
    "road_passengers": ("Passenger Cars", ("Voitures particulières", "Passenger cars")),
    "road_freight_heavy": ("Heavy Goods Vehicles", ("Poids lourds", "Heavy goods vehicles")),
    "road_freight_light": (
        "Light Commercial Vehicles",
        ("Véhicules utilitaires légers", "Light commercial vehicles"),
    ),
    "other_transport": (
        "Other Transport",
        ("Autres transports (avion, rail, fluvial, bus, deux-roues)", "Other transport"),
    ),
    "industry": ("Industry", ("Industrie (énergie et procédés)", "Industry (energy, processes)")),
    "energy_industry": ("Energy Industry", ("Industrie de l'énergie", "Energy industry")),
    "agriculture_livestock": ("Livestock", ("Élevage", "Livestock")),
    "agriculture_soils": ("Cultivated Land", ("Cultures et sols", "Cultivated land")),
    "agriculture_machinery": (
        "Agricultural Machinery",
        ("Engins et chaudières agricoles", "Agricultural machinery"),
    ),
    "agriculture_other": ("Other Agriculture", ("Autres émissions agricoles", "Other agriculture")),
    "waste": ("Waste", ("Déchets", "Waste")),
}
"""Inventory sectors (model ids) -> (name in the results, labels)."""


INVENTORY_GAS_NAMES = {
    "co2": ("CO2", ("CO2", "CO2")),
    "ch4": ("CH4", ("Méthane (CH4)", "Methane (CH4)")),
    "n2o": ("N2O", ("Protoxyde d'azote (N2O)", "Nitrous oxide (N2O)")),
    "fgas": ("F-Gases", ("Gaz fluorés", "F-gases")),
}
"""Gases (model ids) -> (name in the results, labels)."""


TRANSPORT_NAMES = (
    "Passenger Cars",
    "Heavy Goods Vehicles",
    "Light Commercial Vehicles",
    "Other Transport",
)
"""The inventory sectors of transport (residents' cars, goods, the rest)."""


def inventory_variables() -> list[Variable]:
    """The greenhouse-gas inventory by sector and gas, and its SNBC target."""
    sectors = {name: label for name, label in INVENTORY_SECTOR_NAMES.values()}
    gases = {name: label for name, label in INVENTORY_GAS_NAMES.values()}
    sector_names = tuple(INVENTORY_SECTOR_NAMES[s][0] for s in INVENTORY_SECTORS)
    gas_names = tuple(INVENTORY_GAS_NAMES[g][0] for g in GASES)
    total = Variable(
        "Emissions|Inventory",
        "ktCO2e/yr",
        "flow",
        (
            "Émissions brutes, inventaire complet (estimé)",
            "Gross emissions, whole inventory (estimated)",
        ),
        (
            children("Emissions|Inventory", sector_names),
            children("Emissions|Inventory", gas_names),
        ),
    )
    transport = Variable(
        "Emissions|Inventory|Transport",
        total.unit,
        "flow",
        ("Émissions des transports (habitants et marchandises)", "Transport emissions"),
        (tuple(f"Emissions|Inventory|{name}" for name in TRANSPORT_NAMES),),
        within=total.name,
    )
    return [
        total,
        *family(total, sectors, sector_names),
        transport,
        *family(total, gases, gas_names),
        Variable(
            "Target|Emissions|Inventory",
            "ktCO2e/yr",
            "target",
            (
                "Trajectoire SNBC appliquée à l'inventaire complet du territoire",
                "SNBC trajectory applied to the territory's whole inventory",
            ),
        ),
    ]
