"""Result variables of the models of people: demography, ageing, adaptation, services, housing."""

from __future__ import annotations

from ..models.demography_indicators import AGE_GROUPS
from .variable import Label, Variable, children, family, joined, tree

AGE_LABELS: dict[str, Label] = {
    "0-19": ("0 à 19 ans", "aged 0-19"),
    "20-64": ("20 à 64 ans", "aged 20-64"),
    "65+": ("65 ans ou plus", "aged 65+"),
    "75+": ("75 ans ou plus", "aged 75+"),
    "85+": ("85 ans ou plus", "aged 85+"),
}


PARTITION_AGES = ("0-19", "20-64", "65+")
"""The age groups that partition the population; 75+ and 85+ are nested in 65+."""


def demography_variables() -> list[Variable]:
    """Population stocks by sex and age group, births, deaths, migration, indicators."""
    population = Variable(
        "Population",
        "persons",
        "stock",
        ("Population", "Population"),
        (
            children("Population", ("Female", "Male")),
            children("Population", tuple(f"Age {a}" for a in PARTITION_AGES)),
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


def ageing_variables() -> list[Variable]:
    """APA beneficiaries by setting and level, places, care workforce, costs, carers."""
    settings = {
        "Home": ("à domicile", "at home"),
        "Institution": ("en établissement", "in institution"),
    }
    beneficiaries = Variable(
        "Autonomy|APA Beneficiaries",
        "persons",
        "stock",
        ("Bénéficiaires de l'APA", "APA beneficiaries"),
        (children("Autonomy|APA Beneficiaries", tuple(settings)),),
    )
    workforce = Variable(
        "Autonomy|Care Workforce",
        "FTE",
        "stock",
        ("Personnel d'aide et de soin", "Care workforce"),
        (children("Autonomy|Care Workforce", tuple(settings)),),
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


def adaptation_variables() -> list[Variable]:
    """Heat indicators of the pathway and the exposure of the oldest, heat plan needs."""
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
        (children("Adaptation|Heat Plan Hours", ("APA Home", "Registered")),),
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
                joined(label, groups[group]),
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
            joined(deaths.label, groups["Age 75+"]),
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


def services_variables() -> list[Variable]:
    """Schools, childcare, general practitioners: today's equipment, needs, staff, costs."""
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
        (children("Services|Workforce", tuple(staff)),),
    )
    teachers_label = joined(workforce.label, staff["Teachers"])
    return [
        *tree(
            "Services|School-Age Children",
            "persons",
            "stock",
            ("Enfants d'âge scolaire (3-17 ans)", "School-age children (3-17)"),
            LEVELS,
        ),
        *tree("Services|Pupils", "persons", "stock", ("Élèves", "Pupils"), LEVELS),
        *tree(
            "Services|Classes",
            "classes",
            "stock",
            ("Classes nécessaires", "Classes needed"),
            LEVELS,
        ),
        *tree(
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
        *tree("Services|Workforce|Teachers", "FTE", "stock", teachers_label, teachers),
        *family(workforce, staff, ("Childcare", "GPs")),
        *tree(
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


def housing_variables() -> list[Variable]:
    """Households and dwellings needed by the « point mort » components."""
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
        *tree(
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
            (children(needed, tuple(POINT_MORT)[:-1]),),
        ),
    ]
