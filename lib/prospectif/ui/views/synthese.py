"""The synthesis for directors: headline trajectories, targets met or missed, and a map."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from ...i18n import format_number
from ...viz.maps import choropleth_figure
from ..maps import MAP_INDICATORS, map_scope, map_values
from ..spec import Context, Dashboard, FigureSpec, Indicator, trajectory
from ..texts import pick
from ..views.energie import GWH

TARGETS = (
    (
        "Emissions|GHG",
        "Target|Emissions|GHG",
        2030,
        ("Émissions 2030 : −50 % par rapport à 1990 (SNBC)", "2030 emissions: −50% on 1990 (SNBC)"),
    ),
    (
        "Emissions|GHG",
        "Target|Emissions|GHG",
        2050,
        (
            "Émissions 2050 : trajectoire de neutralité (SNBC)",
            "2050 emissions: neutrality path (SNBC)",
        ),
    ),
    (
        "Final Energy",
        "Target|Final Energy",
        2050,
        ("Énergie finale 2050 : −50 % par rapport à 2012", "2050 final energy: −50% on 2012"),
    ),
)
"""National targets applied to the territory: (variable, target variable, year, label)."""


def targets_html(context: Context) -> str:
    """For each scenario shown, whether each national target is met (value ≤ target)."""
    header = "".join(f"<th>{html.escape(label)}</th>" for label, _ in context.runs)
    rows = []
    for variable, target, year, label in TARGETS:
        cells = []
        for table in context.tables:
            values = table.set_index(["variable", "year"])["value"]
            if (variable, year) not in values.index:
                cells.append("<td>–</td>")
                continue
            value, goal = values[(variable, year)], values[(target, year)]
            met = value <= goal
            verdict = pick(("atteint", "met") if met else ("manqué", "missed"), context.lang)
            colour = "#1a7f37" if met else "#b42318"
            shown = " / ".join(format_number(v, 0, context.lang) for v in (value, goal))
            cells.append(
                f'<td style="color:{colour}"><b>{"✔" if met else "✘"} {verdict}</b><br>{shown}</td>'
            )
        name = html.escape(pick(label, context.lang))
        rows.append(f"<tr><th style='text-align:left'>{name}</th>{''.join(cells)}</tr>")
    title = pick(
        (
            "Objectifs nationaux appliqués au territoire (valeur / objectif)",
            "National targets applied to the territory (value / target)",
        ),
        context.lang,
    )
    return (
        f"<h3>{title}</h3>"
        '<table class="prospectif-table prospectif-targets" '
        'style="font-size:18px;text-align:center">'
        f"<thead><tr><th></th>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _map(context: Context) -> go.Figure:
    indicator = next((i for i in MAP_INDICATORS if i.key == context.choice), MAP_INDICATORS[0])
    run = context.current
    years = run.demography.years
    year = min(max(context.year, int(years[0])), int(years[-1]))
    data = run.demography.data
    level, codes = map_scope(run.territory, data)
    values = map_values(codes, run.scenario, indicator, year, data)
    where = (
        pick(("EPCI du département", "EPCI of the département"), context.lang)
        if level == "epci"
        else pick(("départements de métropole", "metropolitan départements"), context.lang)
    )
    title = f"{pick(indicator.label, context.lang)} en {year} — {where}"
    unit = pick(indicator.unit, context.lang)
    return choropleth_figure(values, level, title, unit, indicator.decimals, context.lang, data)


DASHBOARD = Dashboard(
    name="synthese",
    title=("Synthèse", "Synthesis"),
    summary=(
        "Une page par territoire et scénario pour les directions : indicateurs clés et leur "
        "trajectoire, comparaison de scénarios, objectifs atteints ou manqués, carte.",
        "One page per territory and scenario for directors: headline indicators and their "
        "trajectory, scenario comparison, targets met or missed, map.",
    ),
    models=("demography", "ageing", "mobility", "energy"),
    figures=(
        trajectory(
            "population",
            ("Population au 1er janvier", "Population on 1 January"),
            ("personnes", "persons"),
            total=("Population", ("Population", "Population")),
        ),
        trajectory(
            "apa",
            ("Bénéficiaires de l'APA", "APA beneficiaries"),
            ("personnes", "persons"),
            total=("Autonomy|APA Beneficiaries", ("Bénéficiaires", "Beneficiaries")),
        ),
        trajectory(
            "energie",
            (
                "Énergie finale face à l'objectif national",
                "Final energy against the national target",
            ),
            GWH,
            total=("Final Energy", ("Énergie finale", "Final energy")),
            reference=(
                "Target|Final Energy",
                ("Objectif national appliqué", "National target applied"),
            ),
        ),
        trajectory(
            "emissions",
            ("Émissions face à la trajectoire SNBC", "Emissions against the SNBC trajectory"),
            ("kt CO2e par an", "kt CO2e a year"),
            total=("Emissions|GHG", ("Émissions", "Emissions")),
            reference=(
                "Target|Emissions|GHG",
                ("Trajectoire SNBC appliquée", "SNBC trajectory applied"),
            ),
        ),
        trajectory(
            "couverture",
            ("Taux de couverture renouvelable", "Renewable coverage"),
            ("%", "%"),
            total=("Renewable Coverage", ("Taux de couverture", "Coverage")),
            percent=True,
        ),
        FigureSpec("carte", _map, uses_year=True),
    ),
    indicators=(
        Indicator("Population", ("Population", "Population")),
        Indicator("Population|Age 85+", ("Personnes de 85 ans ou plus", "People aged 85+")),
        Indicator("Autonomy|APA Beneficiaries", ("Bénéficiaires de l'APA", "APA beneficiaries")),
        Indicator(
            "Autonomy|Places Needed",
            ("Places en établissement nécessaires", "Care-home places needed"),
        ),
        Indicator(
            "Mobility|Car Share of Distance",
            ("Part de la voiture dans les distances (%)", "Car share of distance (%)"),
            1,
        ),
        Indicator("Final Energy", ("Énergie finale (GWh)", "Final energy (GWh)")),
        Indicator(
            "Renewable Coverage",
            ("Taux de couverture renouvelable (%)", "Renewable coverage (%)"),
            1,
        ),
        Indicator("Emissions|GHG", ("Émissions (kt CO2e)", "Emissions (kt CO2e)")),
        Indicator("Energy Bill", ("Facture énergétique (M€)", "Energy bill (€m)")),
    ),
    tables=(
        "population_departement",
        "apa_departement",
        "energy_consumption",
        "electricity_production",
        "communes",
        "geometry_departements",
        "geometry_epci",
    ),
    method="docs/methodology/",
    choices=tuple((i.key, i.label) for i in MAP_INDICATORS),
    notes=(targets_html,),
    presentation=True,
)
