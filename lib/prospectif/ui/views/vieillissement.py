"""The ageing dashboard: seniors losing autonomy at home and in institution, places, care
workforce and potential family carers.
"""

from __future__ import annotations

from ..spec import Dashboard, Indicator, Tab, trajectory

PERSONS = ("personnes", "persons")
APA_TABLES = ("population_departement", "apa_departement", "apa_prevalence")
"""What the counts of seniors losing autonomy come from: the figures' source line."""

FIGURES = (
    trajectory(
        "beneficiaires",
        (
            "Bénéficiaires de l'APA à domicile et en établissement",
            "APA beneficiaries at home and in institution",
        ),
        PERSONS,
        total=("Autonomy|APA Beneficiaries", ("Total", "Total")),
        parts=(
            ("Autonomy|APA Beneficiaries|Home", ("À domicile", "At home")),
            ("Autonomy|APA Beneficiaries|Institution", ("En établissement", "In institution")),
        ),
        tables=APA_TABLES,
    ),
    trajectory(
        "places",
        (
            "Places en établissement nécessaires face à aujourd'hui",
            "Care-home places needed against today",
        ),
        ("places", "places"),
        total=("Autonomy|Places Needed", ("Places nécessaires", "Places needed")),
        reference=(
            "Autonomy|Places|Today",
            ("Places estimées aujourd'hui", "Estimated places today"),
        ),
        tables=(*APA_TABLES, "institution_residents"),
    ),
    trajectory(
        "personnel",
        ("Personnel d'aide et de soin nécessaire", "Care workforce needed"),
        ("équivalents temps plein", "full-time equivalents"),
        total=("Autonomy|Care Workforce", ("Total", "Total")),
        parts=(
            ("Autonomy|Care Workforce|Home", ("Aide à domicile", "Home help")),
            ("Autonomy|Care Workforce|Institution", ("Établissements", "Institutions")),
        ),
        tables=(*APA_TABLES, "institution_residents"),
    ),
    trajectory(
        "aidants",
        (
            "Aidants potentiels : personnes de 50 à 74 ans pour une de 85 ans ou plus",
            "Potential carers: people aged 50-74 per person aged 85+",
        ),
        (
            "personnes de 50-74 ans par personne de 85 ans ou plus",
            "people aged 50-74 per person aged 85+",
        ),
        total=("Autonomy|Potential Carers Ratio", ("Aidants potentiels", "Potential carers")),
        percent=True,
        tables=("population_departement",),
    ),
)

DASHBOARD = Dashboard(
    name="vieillissement",
    title=("Vieillissement et autonomie", "Ageing and autonomy"),
    summary=(
        "Personnes âgées en perte d'autonomie (APA) à domicile et en établissement, places, "
        "personnel d'aide et de soin, aidants potentiels et coût public.",
        "Seniors losing autonomy (APA) at home and in institution, places, care workforce, "
        "potential carers and public cost.",
    ),
    models=("demography", "ageing"),
    figures=FIGURES,
    indicators=(
        Indicator("Population|Age 75+", ("Personnes de 75 ans ou plus", "People aged 75+")),
        Indicator("Population|Age 85+", ("Personnes de 85 ans ou plus", "People aged 85+")),
        Indicator("Autonomy|APA Beneficiaries", ("Bénéficiaires de l'APA", "APA beneficiaries")),
        Indicator("Autonomy|APA Beneficiaries|Home", ("… à domicile", "… at home")),
        Indicator(
            "Autonomy|APA Beneficiaries|Institution", ("… en établissement", "… in institution")
        ),
        Indicator("Autonomy|Places Needed", ("Places nécessaires", "Places needed")),
        Indicator(
            "Autonomy|Places|Today", ("Places estimées aujourd'hui", "Estimated places today")
        ),
        Indicator(
            "Autonomy|Places|Extra per Year", ("Places à créer par an", "Extra places per year")
        ),
        Indicator("Autonomy|Care Workforce", ("Personnel (ETP)", "Care workforce (FTE)")),
        Indicator(
            "Autonomy|Potential Carers Ratio",
            (
                "Aidants potentiels par personne de 85 ans ou plus",
                "Potential carers per person aged 85+",
            ),
            1,
        ),
        Indicator(
            "Autonomy|Public Cost",
            ("Coût public de l'APA (M€ par an)", "Public cost of APA (€m a year)"),
        ),
    ),
    tables=("population_departement", "apa_departement", "apa_prevalence", "institution_residents"),
    method="docs/methodology/ageing.md",
    sensitivity=("Autonomy|APA Beneficiaries", "Autonomy|Places Needed"),
    goals=("places-2050",),
    bands=True,
    tabs=(
        Tab(("Bénéficiaires et places", "Beneficiaries and places"), ("beneficiaires", "places")),
        Tab(("Personnel et aidants", "Workforce and carers"), ("personnel", "aidants")),
    ),
)
