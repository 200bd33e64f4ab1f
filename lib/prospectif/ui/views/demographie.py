"""The demography dashboard: age pyramid, trajectory against INSEE's variants, components."""

from __future__ import annotations

from ...pipeline import population_envelope
from ...scenario.demography import INSEE_VARIANTS
from ...viz import components_spec, pyramid_spec, trajectory_spec
from ...viz.uncertainty import fan_spec
from ..spec import Context, Dashboard, Indicator, Tab, drafted
from ..state import base_scenario
from ..texts import pick


def _pyramid(context: Context) -> dict:
    demography = context.current.demography
    years = list(demography.years)
    year = min(max(context.year, years[0]), years[-1])
    others = [
        (label, run.demography.population[list(run.demography.years).index(year)])
        for label, run in context.runs[1:]
        if year in run.demography.years
    ]
    title = pick(
        (f"Pyramide des âges {years[0]} et {year}", f"Age pyramid {years[0]} and {year}"),
        context.lang,
    )
    return pyramid_spec(
        demography.population, demography.years, years[0], year, title, context.lang, others
    )


def _population(context: Context) -> dict:
    run = context.current
    variants = (base_scenario(v, run.scenario.horizon) for v in INSEE_VARIANTS)
    band = population_envelope(run.territory, variants, run.demography.data)
    return trajectory_spec(
        context.indexed_tables,
        "Population",
        pick(("personnes", "persons"), context.lang),
        pick(("Population au 1er janvier", "Population on 1 January"), context.lang),
        band=band,
        lang=context.lang,
        bands=context.bands,
    )


def _components(context: Context) -> dict:
    title = pick(
        ("Naissances, décès et solde migratoire", "Births, deaths and net migration"), context.lang
    )
    return components_spec(context.indexed_tables, title, context.lang, context.bands)


def _older(context: Context) -> dict:
    lines = (
        ("Population|Age 65+", pick(("65 ans ou plus", "Aged 65+"), context.lang)),
        ("Population|Age 85+", pick(("85 ans ou plus", "Aged 85+"), context.lang)),
    )
    title = pick(
        ("Personnes âgées : bandes d'incertitude", "Older people: uncertainty bands"),
        context.lang,
    )
    return fan_spec(
        next(iter(context.indexed_tables.values())),
        context.bands,
        lines,
        title,
        pick(("personnes", "persons"), context.lang),
        context.lang,
    )


DEMOGRAPHY_INDICATORS = (
    Indicator("Population", ("Population au 1er janvier", "Population on 1 January")),
    Indicator("Share|Population|Age 65+", ("Part des 65 ans ou plus (%)", "Share aged 65+ (%)"), 1),
    Indicator("Population|Age 75+", ("Personnes de 75 ans ou plus", "People aged 75+")),
    Indicator("Population|Age 85+", ("Personnes de 85 ans ou plus", "People aged 85+")),
    Indicator("Births", ("Naissances dans l'année", "Births in the year")),
    Indicator("Deaths", ("Décès dans l'année", "Deaths in the year")),
    Indicator("Net Migration", ("Solde migratoire de l'année", "Net migration in the year")),
    Indicator("Median Age", ("Âge médian (années)", "Median age (years)"), 1),
    Indicator(
        "Old-Age Dependency Ratio",
        ("65 ans ou plus pour 100 personnes de 20 à 64 ans", "Aged 65+ per 100 aged 20-64"),
        1,
    ),
)

PROJECTION_TABLES = ("population_departement", "fertility_asfr", "mortality_forecast_insee2021")
"""What the projection starts from and follows: the figures' source line."""

DEMOGRAPHY_TABLES = (
    "population_departement",
    "mortality_observed",
    "mortality_forecast_insee2021",
    "fertility_asfr",
    "communes",
)

DASHBOARD = Dashboard(
    name="demographie",
    title=("Démographie", "Demography"),
    summary=(
        "Projection de la population par âge et sexe : pyramide des âges, trajectoire "
        "face aux variantes de l'INSEE, naissances, décès et migrations.",
        "Population projection by age and sex: age pyramid, trajectory against INSEE's "
        "variants, births, deaths and migration.",
    ),
    models=("demography",),
    figures=(
        drafted("pyramide", _pyramid, uses_year=True, tables=PROJECTION_TABLES),
        drafted("population", _population, tables=PROJECTION_TABLES),
        drafted("composantes", _components, tables=PROJECTION_TABLES),
        drafted("ages-incertitude", _older, bands_only=True, tables=PROJECTION_TABLES),
    ),
    indicators=DEMOGRAPHY_INDICATORS,
    tables=DEMOGRAPHY_TABLES,
    method="docs/methodology/demography.md",
    sensitivity=("Population", "Population|Age 85+"),
    bands=True,
    tabs=(
        Tab(
            ("Population et mouvements", "Population and components"),
            ("population", "composantes", "ages-incertitude"),
        ),
        Tab(("Pyramide des âges", "Age pyramid"), ("pyramide",)),
    ),
)
