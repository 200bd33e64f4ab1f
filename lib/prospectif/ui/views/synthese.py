"""The synthesis for directors: headline trajectories, targets met or missed, and a map."""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable
from copy import deepcopy

import pandas as pd
import plotly.graph_objects as go

from ...analysis import KEY_OUTPUTS, TARGETS
from ...i18n import format_number
from ...messages import message
from ...pipeline import run_chain
from ...results.registry import label as variable_label
from ...results.verdicts import (
    Verdict,
    chain_verdicts,
    goals,
    sentence,
    signed,
    status,
    verdicts,
)
from ...scenario import FULL_PRESETS, Scenario
from ...viz.base import AXIS, AXIS_KEY, base_layout, scenario_line, shown_line
from ...viz.maps import choropleth_spec
from ...viz.series import values_of
from ..maps import MAP_INDICATORS, MapIndicator, map_scope, map_values
from ..spec import Context, Dashboard, FigureSpec, Indicator, Tab, drafted, trajectory
from ..state import base_scenario
from ..texts import pick, text
from ..views.adaptation import synthesis_html
from ..views.energie import GWH

MET_COLOUR, MISSED_COLOUR = "#1a7f37", "#b42318"
"""Green and red with a contrast of at least 4.5:1 on white (WCAG AA)."""


def badge(v: Verdict, lang: str) -> str:
    """The word « atteint » / « manqué » with a mark, on its colour (never colour alone)."""
    colour = MET_COLOUR if v.met else MISSED_COLOUR
    mark = "✔" if v.met else "✘"
    return (
        f'<span class="prospectif-verdict-word" style="background:{colour};color:#fff;'
        f'padding:1px 8px;border-radius:4px;font-weight:bold;white-space:nowrap">'
        f"{mark} {html.escape(status(v, lang))}</span>"
    )


def _run_verdicts(context: Context) -> list[list[Verdict]]:
    """The verdicts of every run shown, in the order of ``context.runs``."""
    return [
        chain_verdicts(run, table)
        for (_, run), table in zip(context.runs, context.tables, strict=True)
    ]


def verdicts_html(context: Context) -> str:
    """The verdict sentences of the current setting, then each verdict's word per scenario
    when several are shown.
    """
    lang = context.lang
    shown = _run_verdicts(context)
    items = "".join(
        f'<li class="prospectif-verdict" data-met="{str(v.met).lower()}" '
        f'style="margin:6px 0">{badge(v, lang)} '
        f'<span class="prospectif-verdict-text">{html.escape(sentence(v, lang))}</span></li>'
        for v in shown[0]
    )
    title = text("verdicts", lang, scenario=context.runs[0][0])
    block = (
        f"<h3>{html.escape(title)}</h3>"
        f'<ul class="prospectif-verdicts" style="font-size:17px;list-style:none;padding:0">'
        f"{items}</ul>"
    )
    return block + (compared_html(context, shown) if len(shown) > 1 else "")


def compared_html(context: Context, shown: list[list[Verdict]]) -> str:
    """The verdicts of the scenarios shown, one column each."""
    labels = [label for label, _ in context.runs]
    title = text("verdicts_compared", context.lang)
    return verdict_table(title, labels, shown, context.lang)


def verdict_table(
    title: str,
    labels: list[str],
    shown: list[list[Verdict]],
    lang: str,
    head_rows: str = "",
    css: str = "prospectif-verdicts-compared",
) -> str:
    """A table with one column per scenario: ``head_rows`` (HTML rows), then per target the
    verdict's word and its gap in %.
    """
    header = "".join(f"<th>{html.escape(label)}</th>" for label in labels)
    rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(message(row[0].name, lang))} "
        f"{row[0].year}</th>"
        + "".join(f"<td>{badge(v, lang)} {_gap(v, lang)}</td>" for v in row)
        + "</tr>"
        for row in zip(*shown, strict=True)
    )
    return (
        f"<h3>{html.escape(title)}</h3>"
        f'<table class="prospectif-table {css}" style="font-size:16px;text-align:center">'
        f"<thead><tr><th></th>{header}</tr></thead><tbody>{head_rows}{rows}</tbody></table>"
    )


MODELS = ("demography", "ageing", "mobility", "energy", "emissions", "services", "housing")
"""The models whose results the synthesis tables show (adaptation has its own block)."""
KEY_INDICATORS = (
    ("Population", 0),
    ("Population|Age 85+", 0),
    ("Autonomy|Places Needed", 0),
    ("Final Energy", 0),
    ("Renewable Coverage", 1),
    ("Emissions|Inventory", 0),
)
"""Indicators of the presets table at the horizon: registered variable, decimals."""


def compared_scenarios(context: Context) -> tuple[Scenario, ...]:
    """The scenarios compared side by side: those chosen (:attr:`Context.compared`), else the
    four full presets at the horizon of the setting.
    """
    if context.compared:
        return context.compared
    return tuple(base_scenario(p, context.current.scenario.horizon) for p in FULL_PRESETS)


def compared_results(context: Context) -> list[tuple[Scenario, pd.DataFrame]]:
    """Each compared scenario and its results table for the territory on screen, each kept on
    the data set for that scenario's assumptions (so another choice reuses it).
    """
    run = context.current
    data = run.demography.data

    def results(scenario: Scenario) -> pd.DataFrame:
        key = f"synthese.compared.{run.territory.code}.{scenario.hash}"
        return data.derived(
            key, lambda: run_chain(run.territory, scenario, data=data).table(MODELS)
        )

    return [(s, results(s)) for s in compared_scenarios(context)]


def _compared_title(context: Context) -> str:
    return text("scenarios_compared" if context.compared else "presets_compared", context.lang)


def presets_html(context: Context) -> str:
    """The compared scenarios (by default the full presets) side by side: key indicators at
    the horizon and every verdict. Kept on the data set, as their results are: it does not
    depend on the setting on screen, so a slider move reuses it.
    """
    run = context.current
    chosen = "chosen" if context.compared else "presets"  # the table's title
    named = (f"{s.hash}:{s.label.get(context.lang)}" for s in compared_scenarios(context))
    key = ".".join(("synthese.presets", run.territory.code, context.lang, chosen, *named))
    return run.demography.data.derived(key, lambda: _presets_html(context))


def _presets_html(context: Context) -> str:
    lang = context.lang
    results = compared_results(context)
    labels = [s.label.get(lang) for s, _ in results]
    shown = [
        verdicts(t, s.energy.renewables.coverage_target, s.energy.renewables.coverage_target_year)
        for s, t in results
    ]
    horizon = int(results[0][1]["year"].max())
    head_rows = "".join(
        f"<tr><th style='text-align:left'>{html.escape(variable_label(name, lang))} {horizon}</th>"
        + "".join(
            f"<td>{format_number(_at(t, name, horizon), decimals, lang)}</td>" for _, t in results
        )
        + "</tr>"
        for name, decimals in KEY_INDICATORS
    )
    return verdict_table(
        _compared_title(context), labels, shown, lang, head_rows, "prospectif-presets"
    )


MULTIPLES = ("Population", "Final Energy", "Emissions|Inventory", "Renewable Coverage")
"""The key trajectories drawn for each compared scenario, one small panel each."""


def presets_multiples(context: Context) -> dict:
    """Small multiples of the key trajectories, one line per compared scenario (by default the
    full presets), then the setting on screen (black) and each compared variant (grey, dashed),
    named as in the other figures; a plain plotly figure dict (see :class:`FigureSpec`).
    """
    lang = context.lang
    results = compared_results(context)
    lines = [
        (scenario.id, scenario.label.get(lang), table, scenario_line(i))
        for i, (scenario, table) in enumerate(results)
    ]
    for i, ((label, _), table) in enumerate(zip(context.runs, context.tables, strict=True)):
        lines.append((f"shown-{i}", label, table, shown_line(i)))
    data = []
    for group, name, table, style in lines:
        for k, variable in enumerate(MULTIPLES):
            series = values_of(table, variable)
            axes = "" if k == 0 else str(k + 1)
            data.append(
                {
                    "type": "scatter",
                    "x": series.index.to_numpy(),
                    "y": series.to_numpy(),
                    "name": name,
                    "legendgroup": group,
                    "showlegend": k == 0,
                    "mode": "lines",
                    "line": style,
                    "xaxis": f"x{axes}",
                    "yaxis": f"y{axes}",
                }
            )
    layout = deepcopy(_grid(tuple(variable_label(v, lang) for v in MULTIPLES)))
    common = base_layout(_compared_title(context), lang)
    layout.update({k: v for k, v in common.items() if k not in ("xaxis", "yaxis")}, height=720)
    for key, axis in layout.items():
        if AXIS_KEY.match(key):  # every subplot's axes, as the first's
            axis.update(AXIS)
            if key[0] == "y":  # « 500 000 », not « 500k »
                axis.update(rangemode="tozero", tickformat=",.0f")
    return {"data": data, "layout": layout}


@functools.cache
def _grid(titles: tuple[str, ...]) -> dict:
    """The layout of a 2 × 2 grid of plots titled ``titles``: axes' domains and titles."""
    from plotly.subplots import make_subplots

    grid = make_subplots(rows=2, cols=2, subplot_titles=titles, vertical_spacing=0.14)
    layout = grid.layout.to_plotly_json()
    layout.pop("template", None)
    return layout


def _at(table: pd.DataFrame, variable: str, year: int) -> float:
    rows = table[(table["variable"] == variable) & (table["year"] == year)]
    return float(rows["value"].iloc[0])


def _gap(v: Verdict, lang: str) -> str:
    return html.escape(message("verdict.gap_pct", lang, gap=signed(v.gap_pct, 0, lang)))


def verdict_sources(lang: str) -> str:
    """The sources of the targets, for the "Sources et méthode" panel."""
    sources = {g.name: g.source for g in goals(math.nan, 0)}
    items = "".join(
        f"<li><b>{html.escape(message(name, lang))}</b> : {html.escape(source.render(lang))}</li>"
        for name, source in sources.items()
    )
    return f"<h4>{html.escape(text('verdicts_sources', lang))}</h4><ul>{items}</ul>"


def indicator_map(indicators: tuple[MapIndicator, ...]) -> Callable[[Context], dict]:
    """A map builder of the indicator chosen among ``indicators`` (the first by default),
    across the EPCI of the territory's département or the metropolitan départements.
    """

    def build(context: Context) -> dict:
        indicator = next((i for i in indicators if i.key == context.choice), indicators[0])
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
        return choropleth_spec(values, level, title, unit, indicator.decimals, context.lang, data)

    return build


DASHBOARD = Dashboard(
    name="synthese",
    title=("Synthèse", "Synthesis"),
    summary=(
        "Une page par territoire et scénario pour les directions : indicateurs clés et leur "
        "trajectoire, comparaison de scénarios, objectifs atteints ou manqués, carte.",
        "One page per territory and scenario for directors: headline indicators and their "
        "trajectory, scenario comparison, targets met or missed, map.",
    ),
    models=MODELS,
    figures=(
        trajectory(
            "population",
            ("Population au 1er janvier", "Population on 1 January"),
            ("personnes", "persons"),
            total=("Population", ("Population", "Population")),
            tables=("population_departement",),
        ),
        trajectory(
            "apa",
            ("Bénéficiaires de l'APA", "APA beneficiaries"),
            ("personnes", "persons"),
            total=("Autonomy|APA Beneficiaries", ("Bénéficiaires", "Beneficiaries")),
            tables=("population_departement", "apa_departement"),
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
            tables=("energy_consumption", "population_departement"),
        ),
        trajectory(
            "emissions",
            (
                "Émissions brutes, tous secteurs (estimé), face à la trajectoire SNBC",
                "Gross emissions, every sector (estimated), against the SNBC trajectory",
            ),
            ("kt CO2e par an", "kt CO2e a year"),
            total=("Emissions|Inventory", ("Émissions", "Emissions")),
            reference=(
                "Target|Emissions|Inventory",
                ("Trajectoire SNBC appliquée", "SNBC trajectory applied"),
            ),
            tables=("ghg_inventory",),
        ),
        trajectory(
            "couverture",
            ("Taux de couverture renouvelable", "Renewable coverage"),
            ("%", "%"),
            total=("Renewable Coverage", ("Taux de couverture", "Coverage")),
            percent=True,
            tables=("energy_consumption", "electricity_production"),
        ),
        FigureSpec(
            "scenarios",
            lambda context: go.Figure(presets_multiples(context)),
            draft=presets_multiples,
            tables=(
                "population_departement",
                "energy_consumption",
                "electricity_production",
                "ghg_inventory",
            ),
        ),
        drafted(
            "carte",
            indicator_map(MAP_INDICATORS),
            uses_year=True,
            uses_choice=True,
            tables=("population_departement", "geometry_departements", "geometry_epci"),
        ),
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
        Indicator(
            "Emissions|Inventory",
            (
                "Émissions brutes, tous secteurs (kt CO2e)",
                "Gross emissions, every sector (kt CO2e)",
            ),
        ),
        Indicator("Energy Bill", ("Facture énergétique (M€)", "Energy bill (€m)")),
        Indicator("Services|Pupils", ("Élèves", "Pupils")),
        Indicator(
            "Services|Childcare Places", ("Places en crèche nécessaires", "Crèche places needed")
        ),
        Indicator("Services|GPs Needed", ("Généralistes nécessaires", "GPs needed")),
        Indicator("Housing|Households", ("Ménages", "Households")),
    ),
    tables=(
        "population_departement",
        "apa_departement",
        "energy_consumption",
        "electricity_production",
        "ghg_inventory",
        "communes",
        "services_equipment",
        "geometry_departements",
        "geometry_epci",
    ),
    method="docs/methodology/",
    bands=True,
    choices=tuple((i.key, i.label) for i in MAP_INDICATORS),
    notes=(verdicts_html, presets_html, synthesis_html),
    method_notes=(verdict_sources,),
    presentation=True,
    report=True,
    sensitivity=tuple(o.variable for o in KEY_OUTPUTS),
    goals=tuple(TARGETS),
    compares=True,
    tabs=(
        Tab(("Population et autonomie", "Population and autonomy"), ("population", "apa")),
        Tab(("Énergie et climat", "Energy and climate"), ("energie", "couverture", "emissions")),
        Tab(("Scénarios comparés", "Scenarios compared"), ("scenarios",)),
        Tab(("Carte", "Map"), ("carte",)),
    ),
)
