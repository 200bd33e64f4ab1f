"""The services dashboard: pupils and classes, childcare places, general practitioners and
dwellings needed, with today's equipment beside them, and a map of access to GPs.
"""

from __future__ import annotations

from ..maps import MapIndicator
from ..spec import Dashboard, Indicator, Tab, drafted, trajectory
from .synthese import indicator_map

LEVEL_NAMES = {  # the results' school levels, in their order
    "Maternelle": ("Maternelle (3-5 ans)", "Maternelle (3-5)"),
    "Elementaire": ("Élémentaire (6-10 ans)", "Élémentaire (6-10)"),
    "College": ("Collège (11-14 ans)", "Collège (11-14)"),
    "Lycee": ("Lycée (15-17 ans)", "Lycée (15-17)"),
}
PER_10000 = ("pour 10 000 habitants", "per 10,000 residents")
EQUIPMENT = ("population_departement", "services_equipment")
"""The projected ages and today's equipment: the figures' source line."""
HOUSING = ("population_departement", "communes_census")
"""The projected population and the census households."""

MAP_INDICATORS = (
    MapIndicator(
        "generalistes",
        ("Généralistes nécessaires pour 10 000 habitants", "GPs needed per 10,000 residents"),
        "Services|GPs Needed per 10000",
        "services",
        PER_10000,
    ),
    MapIndicator(
        "generalistes-bpe",
        ("Généralistes pour 10 000 habitants (BPE 2013)", "GPs per 10,000 residents (BPE 2013)"),
        "Today|Services|GPs per 10000",
        "services",
        PER_10000,
    ),
    MapIndicator(
        "eleves",
        ("Élèves pour 1 000 habitants", "Pupils per 1,000 residents"),
        "Services|Pupils",
        "services",
        ("pour 1 000 habitants", "per 1,000 residents"),
        per_inhabitant=1000,
    ),
    MapIndicator(
        "creches",
        ("Places en crèche pour 100 enfants de moins de 3 ans", "Crèche places per 100 under 3"),
        "Services|Childcare Coverage",
        "services",
        ("places pour 100 enfants", "places per 100 children"),
    ),
)
"""Indicators offered on the services map, comparable between territories."""

FIGURES = (
    trajectory(
        "eleves",
        ("Élèves par niveau", "Pupils by level"),
        ("élèves", "pupils"),
        total=("Services|Pupils", ("Total", "Total")),
        parts=tuple((f"Services|Pupils|{lv}", LEVEL_NAMES[lv]) for lv in LEVEL_NAMES),
        tables=EQUIPMENT,
    ),
    trajectory(
        "classes",
        ("Classes nécessaires face à aujourd'hui", "Classes needed against today"),
        ("classes", "classes"),
        total=("Services|Classes", ("Classes nécessaires", "Classes needed")),
        reference=(
            "Today|Services|Classes",
            ("Classes aujourd'hui (estimation 2025)", "Classes today (2025 estimate)"),
        ),
        tables=EQUIPMENT,
    ),
    trajectory(
        "creches",
        ("Places en crèche nécessaires face à aujourd'hui", "Crèche places needed against today"),
        ("places", "places"),
        total=("Services|Childcare Places", ("Places nécessaires", "Places needed")),
        reference=(
            "Today|Services|Childcare Places",
            ("Places estimées aujourd'hui", "Estimated places today"),
        ),
        tables=EQUIPMENT,
    ),
    trajectory(
        "generalistes",
        ("Médecins généralistes nécessaires face à la BPE", "GPs needed against the BPE"),
        ("médecins (ETP)", "doctors (FTE)"),
        total=("Services|GPs Needed", ("Généralistes nécessaires", "GPs needed")),
        reference=("Today|Services|GPs", ("Généralistes en 2013 (BPE)", "GPs in 2013 (BPE)")),
        tables=EQUIPMENT,
    ),
    trajectory(
        "logements",
        ("Logements à produire par an (« point mort »)", "Dwellings needed a year (point mort)"),
        ("logements par an", "dwellings a year"),
        total=("Housing|Dwellings Needed", ("Total", "Total")),
        parts=(
            ("Housing|Dwellings Needed|Renewal", ("Renouvellement", "Renewal")),
            ("Housing|Dwellings Needed|Change of Use", ("Changements d'usage", "Change of use")),
            ("Housing|Dwellings Needed|Decohabitation", ("Desserrement", "Decohabitation")),
            (
                "Housing|Dwellings Needed|Vacancy and Second Homes",
                ("Vacance et résidences secondaires", "Vacancy and second homes"),
            ),
            ("Housing|Dwellings Needed|Growth", ("Effet démographique", "Demographic growth")),
        ),
        tables=HOUSING,
    ),
    trajectory(
        "menages",
        ("Ménages face au recensement 2021", "Households against the 2021 census"),
        ("ménages", "households"),
        total=("Housing|Households", ("Ménages", "Households")),
        reference=("Today|Housing|Households", ("Recensement 2021", "2021 census")),
        tables=HOUSING,
    ),
    drafted(
        "carte",
        indicator_map(MAP_INDICATORS),
        uses_year=True,
        uses_choice=True,
        tables=(*EQUIPMENT, "geometry_departements", "geometry_epci"),
    ),
)

INDICATORS = (
    Indicator("Services|Pupils", ("Élèves", "Pupils")),
    Indicator("Services|Classes", ("Classes nécessaires", "Classes needed")),
    Indicator(
        "Today|Services|Classes", ("Classes aujourd'hui (est. 2025)", "Classes today (2025 est.)")
    ),
    Indicator(
        "Today|Services|Schools", ("Écoles et établissements (BPE 2018)", "Schools (BPE 2018)")
    ),
    Indicator("Services|Workforce|Teachers", ("Enseignants (ETP)", "Teachers (FTE)")),
    Indicator("Services|Children Under 3", ("Enfants de moins de 3 ans", "Children under 3")),
    Indicator(
        "Services|Childcare Places", ("Places en crèche nécessaires", "Crèche places needed")
    ),
    Indicator(
        "Today|Services|Childcare Places",
        ("Places en crèche aujourd'hui (est.)", "Crèche places today (est.)"),
    ),
    Indicator("Services|GPs Needed", ("Généralistes nécessaires", "GPs needed")),
    Indicator("Today|Services|GPs", ("Généralistes (BPE 2013)", "GPs (BPE 2013)")),
    Indicator(
        "Services|GPs Needed per 10000",
        ("Généralistes nécessaires pour 10 000 hab.", "GPs needed per 10,000"),
        1,
    ),
    Indicator("Housing|Households", ("Ménages", "Households")),
    Indicator(
        "Today|Housing|Households", ("Ménages en 2021 (recensement)", "Households 2021 (census)")
    ),
    Indicator(
        "Housing|Dwellings Needed", ("Logements à produire par an", "Dwellings needed a year")
    ),
    Indicator("Housing|Point Mort", ("… dont point mort", "… of which point mort")),
    Indicator("Services|Cost", ("Coût de fonctionnement (M€ par an)", "Running cost (€m a year)")),
)

DASHBOARD = Dashboard(
    name="services",
    title=("Services et logement", "Services and housing"),
    summary=(
        "Élèves et classes par niveau, places en crèche, médecins généralistes, ménages et "
        "logements à produire (« point mort »), face aux équipements d'aujourd'hui (BPE) et au "
        "recensement 2021.",
        "Pupils and classes by level, crèche places, general practitioners, households and "
        "dwellings needed (point mort), against today's equipment (BPE) and the 2021 census.",
    ),
    models=("demography", "services", "housing"),
    figures=FIGURES,
    indicators=INDICATORS,
    tables=(
        "population_departement",
        "services_equipment",
        "communes_census",
        "geometry_departements",
        "geometry_epci",
    ),
    method="docs/methodology/services.md",
    choices=tuple((i.key, i.label) for i in MAP_INDICATORS),
    tabs=(
        Tab(("Écoles et crèches", "Schools and crèches"), ("eleves", "classes", "creches")),
        Tab(("Santé et logement", "Health and housing"), ("generalistes", "logements", "menages")),
        Tab(("Carte", "Map"), ("carte",)),
    ),
)
