"""The registry of result variables: every name the models emit, declared once.

Each variable has a unit, a kind and French and English labels; an aggregate lists the
partitions that add up to it (``Population`` = Female + Male = the three age groups), so every
tree of the results table is additive and pyam's ``check_aggregate`` passes. A sub-group that
is not a partition (``Population|Age 75+`` within ``Population|Age 65+``) says so with
``within``. Targets, shares and scalars live outside the trees they are not part of:
``Target|…``, ``Share|…``, and the run metadata for scalars (kind ``scalar``, never in the table).

Families (``Final Energy|<sector>|<carrier>``) are generated from the models' name tuples, but
every name is explicit in :data:`VARIABLES` once expanded (``docs/variables.md`` lists them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from ..models.axes import TRANSPORT_CARRIERS as VEHICLE_CARRIERS
from ..models.demography_indicators import AGE_GROUPS
from ..models.energy import CARRIER_NAMES, PRODUCTION_NAMES, SECTOR_NAMES
from ..models.inventory import GASES, INVENTORY_SECTORS
from ..models.mobility_constants import MODES, POWERTRAIN_NAMES
from .tidy import Series

KINDS = ("stock", "flow", "ratio", "target", "scalar")
"""Stocks are on 1 January, flows totals during the year; ratios (shares, rates, averages)
and targets do not add up; scalars are one number per run (run metadata)."""

Label = tuple[str, str]
"""(French, English)."""


@dataclass(frozen=True)
class Variable:
    """A result variable.

    Attributes
    ----------
    name, unit, kind
        IAMC name, unit (as in the ``unit`` column), one of :data:`KINDS`.
    label
        (French, English) label.
    partitions
        Lists of variables that each add up to this one (exactly, every year).
    within
        The larger group this sub-group is part of, when it is not in one of its partitions.
    """

    name: str
    unit: str
    kind: str
    label: Label
    partitions: tuple[tuple[str, ...], ...] = ()
    within: str | None = None


AGE_LABELS: dict[str, Label] = {
    "0-19": ("0 à 19 ans", "aged 0-19"),
    "20-64": ("20 à 64 ans", "aged 20-64"),
    "65+": ("65 ans ou plus", "aged 65+"),
    "75+": ("75 ans ou plus", "aged 75+"),
    "85+": ("85 ans ou plus", "aged 85+"),
}
PARTITION_AGES = ("0-19", "20-64", "65+")
"""The age groups that partition the population; 75+ and 85+ are nested in 65+."""
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


def _joined(label: Label, part: Label) -> Label:
    return (f"{label[0]} – {part[0]}", f"{label[1]} – {part[1]}")


def family(
    parent: Variable, parts: dict[str, Label], names: tuple[str, ...], within: str | None = None
) -> list[Variable]:
    """The children ``parent|<name>`` for ``names``: the parent's unit and kind, labels
    from ``parts``.
    """
    label = parent.label
    return [
        Variable(
            f"{parent.name}|{n}", parent.unit, parent.kind, _joined(label, parts[n]), within=within
        )
        for n in names
    ]


def _children(parent: str, names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{parent}|{name}" for name in names)


def _demography() -> list[Variable]:
    population = Variable(
        "Population",
        "persons",
        "stock",
        ("Population", "Population"),
        (
            _children("Population", ("Female", "Male")),
            _children("Population", tuple(f"Age {a}" for a in PARTITION_AGES)),
        ),
    )
    sexes = {"Female": ("femmes", "women"), "Male": ("hommes", "men")}
    ages = {f"Age {a}": AGE_LABELS[a] for a in AGE_GROUPS}
    nested = {"75+": "Population|Age 65+", "85+": "Population|Age 75+"}
    share = Variable(
        "Share|Population", "%", "ratio", ("Part de la population", "Share of population")
    )
    persons_yr = "persons/yr"
    return [
        population,
        *family(population, sexes, ("Female", "Male")),
        *family(population, ages, tuple(f"Age {a}" for a in PARTITION_AGES)),
        *(family(population, ages, (f"Age {a}",), within=w)[0] for a, w in nested.items()),
        *family(share, ages, tuple(ages)),
        Variable("Births", persons_yr, "flow", ("Naissances", "Births")),
        Variable("Deaths", persons_yr, "flow", ("Décès", "Deaths")),
        Variable("Net Migration", persons_yr, "flow", ("Solde migratoire", "Net migration")),
        Variable("Natural Balance", persons_yr, "flow", ("Solde naturel", "Natural balance")),
        Variable(
            "Population Growth",
            "%/yr",
            "ratio",
            ("Croissance de la population", "Population growth"),
        ),
        Variable("Median Age", "years", "ratio", ("Âge médian", "Median age")),
        Variable(
            "Old-Age Dependency Ratio",
            "65+ per 100 aged 20-64",
            "ratio",
            ("Rapport de dépendance des âgés", "Old-age dependency ratio"),
        ),
        Variable(
            "Total Fertility Rate",
            "children/woman",
            "ratio",
            ("Indicateur conjoncturel de fécondité", "Total fertility rate"),
        ),
        *family(
            Variable(
                "Life Expectancy",
                "years",
                "ratio",
                ("Espérance de vie à la naissance", "Life expectancy at birth"),
            ),
            sexes,
            ("Female", "Male"),
        ),
        Variable("Population Peak", "persons", "scalar", ("Population au pic", "Peak population")),
        Variable(
            "Population Peak Year",
            "year",
            "scalar",
            ("Année du pic de population", "Year of peak population"),
        ),
    ]


def _ageing() -> list[Variable]:
    settings = {
        "Home": ("à domicile", "at home"),
        "Institution": ("en établissement", "in institution"),
    }
    beneficiaries = Variable(
        "Autonomy|APA Beneficiaries",
        "persons",
        "stock",
        ("Bénéficiaires de l'APA", "APA beneficiaries"),
        (_children("Autonomy|APA Beneficiaries", tuple(settings)),),
    )
    workforce = Variable(
        "Autonomy|Care Workforce",
        "FTE",
        "stock",
        ("Personnel d'aide et de soin", "Care workforce"),
        (_children("Autonomy|Care Workforce", tuple(settings)),),
    )
    return [
        beneficiaries,
        *family(beneficiaries, settings, tuple(settings)),
        Variable(
            "Share|Autonomy|APA Beneficiaries",
            "%",
            "ratio",
            (
                "Bénéficiaires de l'APA, part des 60 ans ou plus",
                "APA beneficiaries, share of those aged 60+",
            ),
        ),
        Variable(
            "Autonomy|Places Needed",
            "places",
            "stock",
            ("Places en établissement nécessaires", "Care-home places needed"),
        ),
        Variable(
            "Autonomy|Places|Today",
            "places",
            "stock",
            ("Places estimées aujourd'hui", "Estimated places today"),
        ),
        Variable(
            "Autonomy|Places|Missing",
            "places",
            "stock",
            ("Places manquantes (négatif : excédent)", "Missing places (negative: surplus)"),
        ),
        Variable(
            "Autonomy|Places|Extra per Year",
            "places/yr",
            "flow",
            ("Places supplémentaires par an", "Extra places a year"),
        ),
        Variable(
            "Autonomy|Home Help Hours",
            "hours/yr",
            "flow",
            ("Heures d'aide à domicile", "Home help hours"),
        ),
        workforce,
        *family(workforce, settings, tuple(settings)),
        Variable(
            "Autonomy|Potential Carers Ratio",
            "persons 50-74 per person 85+",
            "ratio",
            (
                "Aidants potentiels par personne de 85 ans ou plus",
                "Potential carers per person aged 85+",
            ),
        ),
        Variable(
            "Autonomy|Public Cost",
            "million EUR/yr",
            "flow",
            ("Coût public de l'APA", "Public cost of APA"),
        ),
    ]


def _mobility() -> list[Variable]:
    trips = Variable(
        "Mobility|Trips",
        "trips/day",
        "flow",
        ("Déplacements locaux par jour", "Local trips a day"),
        (_children("Mobility|Trips", MODES),),
    )
    pkm = Variable(
        "Mobility|Passenger-km",
        "million pkm/yr",
        "flow",
        ("Voyageurs-km", "Passenger-km"),
        (
            _children("Mobility|Passenger-km", LONG_MODES),
            ("Mobility|Local Passenger-km", "Mobility|Long-Distance Passenger-km"),
        ),
    )
    energy = Variable(
        "Mobility|Energy",
        "GWh/yr",
        "flow",
        ("Énergie des véhicules des habitants", "Energy of residents' vehicles"),
        (_children("Mobility|Energy", VEHICLE_CARRIER_NAMES),),
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


def _energy() -> list[Variable]:
    final = Variable(
        "Final Energy",
        "GWh/yr",
        "flow",
        ("Énergie finale", "Final energy"),
        (_children("Final Energy", SECTOR_NAMES), _children("Final Energy", CARRIER_NAMES)),
    )
    by_sector = [
        replace(v, partitions=(_children(v.name, CARRIER_NAMES),))
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
        (_children("Renewable Production", PRODUCTION_NAMES),),
    )
    emissions = Variable(
        "Emissions|GHG",
        "ktCO2e/yr",
        "flow",
        (
            "Émissions de gaz à effet de serre de l'énergie consommée",
            "Greenhouse-gas emissions of the energy consumed",
        ),
        (_children("Emissions|GHG", SECTOR_NAMES),),
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


def _inventory() -> list[Variable]:
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
            _children("Emissions|Inventory", sector_names),
            _children("Emissions|Inventory", gas_names),
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


def _adaptation() -> list[Variable]:
    indicators = {
        "Heatwave Days": ("Jours de vague de chaleur", "Heatwave days"),
        "Tropical Nights": ("Nuits tropicales (Tmin > 20 °C)", "Tropical nights (Tmin > 20 °C)"),
        "Summer Days": ("Journées d'été (Tmax > 25 °C)", "Summer days (Tmax > 25 °C)"),
        "Hot Days": ("Jours de forte chaleur (Tmax > 35 °C)", "Hot days (Tmax > 35 °C)"),
    }
    groups = {
        "Age 75+": ("75 ans ou plus", "aged 75+"),
        "Age 85+": ("85 ans ou plus", "aged 85+"),
        "APA Home": ("bénéficiaires de l'APA à domicile", "APA beneficiaries at home"),
    }
    exposure = {
        "Heatwave Exposure": ("Exposition aux vagues de chaleur", "Exposure to heatwaves"),
        "Tropical Night Exposure": (
            "Exposition aux nuits tropicales",
            "Exposure to tropical nights",
        ),
    }
    hours = Variable(
        "Adaptation|Heat Plan Hours",
        "hours/yr",
        "flow",
        ("Heures de visite du plan canicule", "Heat-plan visit hours"),
        (_children("Adaptation|Heat Plan Hours", ("APA Home", "Registered")),),
    )
    deaths = Variable(
        "Adaptation|Excess Deaths",
        "persons/yr",
        "flow",
        ("Décès en excès pendant les canicules", "Excess deaths during heatwave alerts"),
    )
    return [
        *(
            Variable(
                f"Climate|{name}",
                "days/yr",
                "ratio",
                (f"{fr}, vécus par les 75 ans ou plus", f"{en}, as lived by those aged 75+"),
            )
            for name, (fr, en) in indicators.items()
        ),
        *(
            Variable(
                f"Adaptation|{kind}|{group}",
                "person-days/yr",
                "flow",
                _joined(label, groups[group]),
                within=f"Adaptation|{kind}|Age 75+" if group == "Age 85+" else None,
            )
            for kind, label in exposure.items()
            for group in groups
        ),
        Variable(
            "Adaptation|Heat Register",
            "persons",
            "stock",
            (
                "Seniors isolés inscrits au registre canicule",
                "Isolated seniors in the heat register",
            ),
        ),
        hours,
        *family(
            hours,
            {
                "APA Home": ("bénéficiaires de l'APA à domicile", "APA beneficiaries at home"),
                "Registered": ("inscrits au registre", "registered people"),
            },
            ("APA Home", "Registered"),
        ),
        Variable(
            "Adaptation|Cooled Places",
            "places",
            "stock",
            ("Places rafraîchies en établissement", "Cooled places in care homes"),
        ),
        deaths,
        Variable(
            "Adaptation|Excess Deaths|Age 75+",
            deaths.unit,
            "flow",
            _joined(deaths.label, groups["Age 75+"]),
            within=deaths.name,
        ),
        *(
            Variable(
                f"Range|Adaptation|Excess Deaths|{bound}",
                deaths.unit,
                "flow",
                (f"{deaths.label[0]} – {fr}", f"{deaths.label[1]} – {en}"),
            )
            for bound, fr, en in (
                ("Low", "borne basse", "low bound"),
                ("High", "borne haute", "high bound"),
            )
        ),
    ]


LEVELS: dict[str, Label] = {
    "Maternelle": ("maternelle (3-5 ans)", "maternelle (aged 3-5)"),
    "Elementaire": ("élémentaire (6-10 ans)", "élémentaire (aged 6-10)"),
    "College": ("collège (11-14 ans)", "collège (aged 11-14)"),
    "Lycee": ("lycée (15-17 ans)", "lycée (aged 15-17)"),
}
POINT_MORT: dict[str, Label] = {
    "Renewal": ("renouvellement du parc", "stock renewal"),
    "Change of Use": ("changements d'usage", "changes of use"),
    "Decohabitation": ("desserrement des ménages", "decohabitation"),
    "Vacancy and Second Homes": (
        "variation des logements vacants et résidences secondaires",
        "change of vacant and second homes",
    ),
    "Growth": ("effet démographique", "demographic growth"),
}


def _tree(name: str, unit: str, kind: str, label: Label, parts: dict[str, Label]) -> list[Variable]:
    """An aggregate partitioned into its children ``name|<part>``, and the children."""
    parent = Variable(name, unit, kind, label, (_children(name, tuple(parts)),))
    return [parent, *family(parent, parts, tuple(parts))]


def _services() -> list[Variable]:
    staff: dict[str, Label] = {
        "Teachers": ("enseignants", "teachers"),
        "Childcare": ("accueil du jeune enfant", "childcare"),
        "GPs": ("médecins généralistes", "general practitioners"),
    }
    teachers = {"Primary": ("premier degré", "primary"), "Secondary": ("second degré", "secondary")}
    costs = {"Schools": ("enseignants", "teachers"), "Childcare": ("crèches", "crèches")}
    workforce = Variable(
        "Services|Workforce",
        "FTE",
        "stock",
        ("Personnel des services", "Services workforce"),
        (_children("Services|Workforce", tuple(staff)),),
    )
    teachers_label = _joined(workforce.label, staff["Teachers"])
    return [
        *_tree(
            "Services|School-Age Children",
            "persons",
            "stock",
            ("Enfants d'âge scolaire (3-17 ans)", "School-age children (3-17)"),
            LEVELS,
        ),
        *_tree("Services|Pupils", "persons", "stock", ("Élèves", "Pupils"), LEVELS),
        *_tree(
            "Services|Classes",
            "classes",
            "stock",
            ("Classes nécessaires", "Classes needed"),
            LEVELS,
        ),
        *_tree(
            "Today|Services|Schools",
            "schools",
            "stock",
            ("Écoles et établissements (BPE 2018)", "Schools (BPE 2018)"),
            LEVELS,
        ),
        Variable(
            "Today|Services|Classes",
            "classes",
            "stock",
            ("Classes aujourd'hui (estimation 2025)", "Classes today (2025 estimate)"),
        ),
        Variable(
            "Services|Children Under 3",
            "persons",
            "stock",
            ("Enfants de moins de 3 ans", "Children under 3"),
        ),
        Variable(
            "Services|Childcare Places",
            "places",
            "stock",
            ("Places en crèche nécessaires", "Crèche places needed"),
        ),
        Variable(
            "Today|Services|Childcare Places",
            "places",
            "stock",
            ("Places en crèche aujourd'hui (estimation)", "Crèche places today (estimate)"),
        ),
        Variable(
            "Services|Childcare Coverage",
            "places per 100 children under 3",
            "ratio",
            (
                "Places en crèche pour 100 enfants de moins de 3 ans",
                "Crèche places per 100 under 3",
            ),
        ),
        Variable(
            "Services|GP Consultations",
            "million consultations/yr",
            "flow",
            ("Consultations de généralistes", "GP consultations"),
        ),
        Variable(
            "Services|GPs Needed",
            "FTE",
            "stock",
            ("Médecins généralistes nécessaires", "General practitioners needed"),
        ),
        Variable(
            "Today|Services|GPs",
            "doctors",
            "stock",
            ("Médecins généralistes (BPE 2013)", "General practitioners (BPE 2013)"),
        ),
        Variable(
            "Services|GPs Needed per 10000",
            "per 10,000 residents",
            "ratio",
            ("Généralistes nécessaires pour 10 000 habitants", "GPs needed per 10,000 residents"),
        ),
        Variable(
            "Today|Services|GPs per 10000",
            "per 10,000 residents",
            "ratio",
            (
                "Généralistes pour 10 000 habitants (BPE 2013)",
                "GPs per 10,000 residents (BPE 2013)",
            ),
        ),
        Variable(
            "Today|Services|Pharmacies",
            "pharmacies",
            "stock",
            ("Pharmacies (BPE 2013)", "Pharmacies (BPE 2013)"),
        ),
        workforce,
        *_tree("Services|Workforce|Teachers", "FTE", "stock", teachers_label, teachers),
        *family(workforce, staff, ("Childcare", "GPs")),
        *_tree(
            "Services|Cost",
            "million EUR/yr",
            "flow",
            ("Coût de fonctionnement des services", "Running cost of services"),
            costs,
        ),
        Variable(
            "Services|Investment|Childcare",
            "million EUR/yr",
            "flow",
            ("Investissement en places de crèche", "Investment in crèche places"),
        ),
    ]


def _housing() -> list[Variable]:
    needed = "Housing|Dwellings Needed"
    return [
        Variable("Housing|Households", "households", "stock", ("Ménages", "Households")),
        Variable(
            "Today|Housing|Households",
            "households",
            "stock",
            ("Ménages du recensement 2021", "Households, 2021 census"),
        ),
        Variable(
            "Housing|Persons per Household",
            "persons/household",
            "ratio",
            ("Personnes par ménage", "Persons per household"),
        ),
        Variable(
            "Housing|Dwellings", "dwellings", "stock", ("Parc de logements", "Dwelling stock")
        ),
        *_tree(
            needed,
            "dwellings/yr",
            "flow",
            ("Logements à produire par an", "Dwellings needed a year"),
            POINT_MORT,
        ),
        Variable(
            "Housing|Point Mort",
            "dwellings/yr",
            "flow",
            (
                "Point mort (besoins à population constante)",
                "Point mort (need at constant population)",
            ),
            (_children(needed, tuple(POINT_MORT)[:-1]),),
        ),
    ]


MODELS_VARIABLES: dict[str, tuple[Variable, ...]] = {
    "demography": tuple(_demography()),
    "ageing": tuple(_ageing()),
    "mobility": tuple(_mobility()),
    "energy": tuple(_energy()),
    "emissions": tuple(_inventory()),
    "adaptation": tuple(_adaptation()),
    "services": tuple(_services()),
    "housing": tuple(_housing()),
}
"""The variables of each model, in the order of the results table."""
VARIABLES: dict[str, Variable] = {v.name: v for vs in MODELS_VARIABLES.values() for v in vs}
"""Every result variable by name."""

RENAMED: dict[str, str] = {
    **{f"Population|Share|Age {a}": f"Share|Population|Age {a}" for a in AGE_LABELS},
    "Population|Peak": "Population Peak (run metadata, with Population Peak Year)",
    "Autonomy|APA Beneficiaries|Share of 60+": "Share|Autonomy|APA Beneficiaries",
    "Final Energy|Target": "Target|Final Energy",
    "Emissions|GHG|Target SNBC": "Target|Emissions|GHG",
    "Emissions|GHG|Mobility|Tailpipe": "Mobility|Emissions|Tailpipe",
    "Emissions|GHG|Mobility|Life Cycle": "Mobility|Emissions|Life Cycle",
    "Emissions|GHG|Mobility|Life Cycle|Air": "Mobility|Emissions|Life Cycle|Air",
}
"""Former names (before the registry) and where each went."""


def series(name: str, years: np.ndarray, values: np.ndarray) -> Series:
    """A result series of the registered variable ``name`` (its unit from the registry).

    Raises
    ------
    KeyError
        If ``name`` is not registered.
    """
    return Series(name, VARIABLES[name].unit, years, values)


def label(name: str, lang: str = "fr") -> str:
    """The label of a registered variable in ``lang`` (``"fr"`` or ``"en"``)."""
    return VARIABLES[name].label[lang == "en"]


def partitions() -> list[tuple[str, tuple[str, ...]]]:
    """Every declared partition as ``(aggregate, components)``."""
    return [(v.name, p) for v in VARIABLES.values() for p in v.partitions]


UNIT_LABELS: dict[str, Label] = {
    "%": ("%", "%"),
    "% of cars": ("% des voitures", "% of cars"),
    "% of sales": ("% des ventes", "% of sales"),
    "% of trips": ("% des déplacements", "% of trips"),
    "%/yr": ("% par an", "% a year"),
    "65+ per 100 aged 20-64": (
        "65 ans ou plus pour 100 personnes de 20 à 64 ans",
        "aged 65+ per 100 aged 20-64",
    ),
    "FTE": ("équivalents temps plein", "full-time equivalents"),
    "GWh/yr": ("GWh par an", "GWh a year"),
    "children/woman": ("enfants par femme", "children per woman"),
    "days/yr": ("jours par an", "days a year"),
    "person-days/yr": ("personnes-jours par an", "person-days a year"),
    "°C": ("°C", "°C"),
    "classes": ("classes", "classes"),
    "doctors": ("médecins", "doctors"),
    "dwellings": ("logements", "dwellings"),
    "dwellings/yr": ("logements par an", "dwellings a year"),
    "households": ("ménages", "households"),
    "million consultations/yr": (
        "millions de consultations par an",
        "million consultations a year",
    ),
    "per 10,000 residents": ("pour 10 000 habitants", "per 10,000 residents"),
    "persons/household": ("personnes par ménage", "persons per household"),
    "pharmacies": ("pharmacies", "pharmacies"),
    "places per 100 children under 3": (
        "places pour 100 enfants de moins de 3 ans",
        "places per 100 children under 3",
    ),
    "schools": ("écoles et établissements", "schools"),
    "hours/yr": ("heures par an", "hours a year"),
    "ktCO2e/yr": ("kt CO2e par an", "kt CO2e a year"),
    "million EUR/yr": ("millions d'euros par an", "million euros a year"),
    "million pkm/yr": ("millions de voyageurs-km par an", "million passenger-km a year"),
    "million vkm/yr": ("millions de véhicules-km par an", "million vehicle-km a year"),
    "persons": ("personnes", "persons"),
    "persons 50-74 per person 85+": (
        "personnes de 50 à 74 ans par personne de 85 ans ou plus",
        "people aged 50-74 per person aged 85+",
    ),
    "persons/vehicle": ("personnes par véhicule", "persons per vehicle"),
    "persons/yr": ("personnes par an", "persons a year"),
    "places": ("places", "places"),
    "places/yr": ("places par an", "places a year"),
    "trips/day": ("déplacements par jour", "trips a day"),
    "trips/person/day": ("déplacements par personne et par jour", "trips per person a day"),
    "year": ("année", "year"),
    "years": ("années", "years"),
}
"""Units of the results table in plain words, (French, English); a test checks none is missing."""


def unit_label(unit: str, lang: str = "fr") -> str:
    """A unit of the results table in plain words in ``lang`` (the unit itself if unknown)."""
    return UNIT_LABELS[unit][lang == "en"] if unit in UNIT_LABELS else unit
