"""The adaptation dashboard: heat days by climate pathway, exposure of the oldest, the needs
of a heat plan and a map of exposure across metropolitan départements.

Every figure names its source and the one-model caveat (DRIAS-2020, ALADIN63 / CNRM-CM5);
missing DRIAS cells are gaps or grey, never zeros.
"""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ...i18n import format_number
from ...pipeline import ChainRun, climate_by_pathway, run_adaptation_units
from ...territory import get_territory
from ...viz.adaptation import CAVEAT, SOURCE, pathways_figure
from ...viz.maps import choropleth_figure
from ..maps import map_scope
from ..spec import Context, Dashboard, FigureSpec, Indicator, trajectory
from ..texts import pick

DAYS = ("jours par an", "days a year")
PERSON_DAYS = ("personnes-jours par an", "person-days a year")
OVERSEAS = (
    "Outre-mer : pas de données DRIAS (non représenté, jamais compté comme zéro).",
    "Overseas: no DRIAS data (not drawn, never counted as zero).",
)
MAP_CHOICES = (
    ("vagues", ("Jours de vague de chaleur", "Heatwave days")),
    ("nuits", ("Nuits tropicales", "Tropical nights")),
    (
        "exposition",
        (
            "Exposition des 75 ans ou plus aux vagues de chaleur, par habitant",
            "Heatwave exposure of people aged 75+, per inhabitant",
        ),
    ),
)
"""Indicators offered on the map."""


def map_series(context: Context) -> tuple[pd.Series, int]:
    """The mapped value of every metropolitan département (NaN where DRIAS has none) and
    the year shown.
    """
    run = context.current
    data = run.demography.data
    _, codes = map_scope(get_territory("FR", data), data)
    result = data.derived(
        f"adaptation.map.{run.scenario.hash}",
        lambda: run_adaptation_units(codes, run.scenario, data),
    )
    year = int(np.clip(context.year, result.years[0], result.years[-1]))
    row = int(np.flatnonzero(result.years == year)[0])
    choice = context.choice or MAP_CHOICES[0][0]
    if choice == "nuits":
        values = result.climate.tropical_nights[row]
    elif choice == "exposition":
        exposed = result.persons[0, row] * result.climate.heatwave_days[row]
        values = exposed / result.inhabitants[row]
    else:
        values = result.climate.heatwave_days[row]
    return pd.Series(values, index=[c.split("-", 1)[1] for c in codes]), year


def _map(context: Context) -> go.Figure:
    values, year = map_series(context)
    lang, choice = context.lang, context.choice or MAP_CHOICES[0][0]
    where = pick(("départements de métropole", "metropolitan départements"), lang)
    title = f"{pick(dict(MAP_CHOICES)[choice], lang)} — {year} — {where}"
    unit = pick(
        ("jours par habitant", "days per inhabitant") if choice == "exposition" else DAYS, lang
    )
    data = context.current.demography.data
    return choropleth_figure(values, "departements", title, unit, 1, lang, data)


def _pathways(context: Context) -> go.Figure:
    run = context.current
    years, values = climate_by_pathway(run, "heatwave_days")
    lang = context.lang
    title = pick(
        (
            "Jours de vague de chaleur par trajectoire climatique (vécus par les 75 ans ou plus)",
            "Heatwave days by climate pathway (as lived by those aged 75+)",
        ),
        lang,
    )
    return pathways_figure(
        years, values, title, pick(DAYS, lang), run.scenario.adaptation.pathway, lang
    )


CLIMATE = ("climate_drias2020", "tracc_warming")
"""Where the climate comes from: every figure's source line, with the one-model caveat."""
EXPOSURE = (*CLIMATE, "population_departement", "apa_departement")
"""The climate lived by the projected population."""

FIGURES = (
    FigureSpec("trajectoires", _pathways, tables=CLIMATE, note=CAVEAT),
    trajectory(
        "exposition",
        (
            "Exposition des plus âgés aux vagues de chaleur",
            "Exposure of the oldest to heatwaves",
        ),
        PERSON_DAYS,
        total=("Adaptation|Heatwave Exposure|Age 75+", ("75 ans ou plus", "Aged 75+")),
        reference=("Adaptation|Heatwave Exposure|Age 85+", ("85 ans ou plus", "Aged 85+")),
        tables=EXPOSURE,
        note=CAVEAT,
    ),
    trajectory(
        "heures",
        ("Heures de visite d'un plan canicule", "Visit hours of a heat plan"),
        ("heures par an", "hours a year"),
        total=("Adaptation|Heat Plan Hours", ("Total", "Total")),
        parts=(
            ("Adaptation|Heat Plan Hours|APA Home", ("APA à domicile", "APA at home")),
            ("Adaptation|Heat Plan Hours|Registered", ("Inscrits au registre", "Registered")),
        ),
        tables=EXPOSURE,
        note=CAVEAT,
    ),
    trajectory(
        "deces",
        (
            "Décès en excès les jours de vague de chaleur (fourchette en tableau)",
            "Excess deaths on heatwave days (range in the table)",
        ),
        ("décès par an", "deaths a year"),
        total=("Adaptation|Excess Deaths", ("Tous âges", "All ages")),
        reference=("Adaptation|Excess Deaths|Age 75+", ("75 ans ou plus", "Aged 75+")),
        tables=EXPOSURE,
        note=CAVEAT,
    ),
    FigureSpec(
        "carte",
        _map,
        uses_year=True,
        tables=(*EXPOSURE, "geometry_departements"),
        note=(f"{CAVEAT[0]} {OVERSEAS[0]}", f"{CAVEAT[1]} {OVERSEAS[1]}"),
    ),
)

KEY_FIGURES = (
    ("Climate|Heatwave Days", ("Jours de vague de chaleur par an", "Heatwave days a year"), 0),
    (
        "Adaptation|Heatwave Exposure|Age 85+",
        (
            "Exposition des 85 ans ou plus (personnes-jours)",
            "Exposure of those aged 85+ (person-days)",
        ),
        0,
    ),
    (
        "Adaptation|Excess Deaths",
        ("Décès en excès les jours de vague de chaleur", "Excess deaths on heatwave days"),
        0,
    ),
)
"""The three headline figures of the synthesis and the report: variable, labels, decimals."""


def key_figures(run: ChainRun, year: int, lang: str = "fr") -> list[tuple[str, str, str]]:
    """The adaptation section's headline figures in ``year`` (for the synthesis and the
    4-page report): ``(label, formatted value, source and caveat)``; a missing value is '–'.
    """
    found = {s.variable: s for s in run.series(("adaptation",))}
    rows = []
    for variable, label, decimals in KEY_FIGURES:
        series = found[variable]
        at = np.flatnonzero(series.years == year)
        value = float(series.values[at[0]]) if at.size else float("nan")
        rows.append((pick(label, lang), format_number(value, decimals, lang), SOURCE[lang == "en"]))
    return rows


def synthesis_html(context: Context) -> str:
    """The small adaptation block of the synthesis: three figures at the horizon, with the
    pathway, the source and the one-model caveat.
    """
    run, lang = context.current, context.lang
    year = min(run.scenario.horizon, int(run.demography.years[-1]))
    rows = key_figures(run, year, lang)
    at = pick(("en", "in"), lang)
    items = "".join(
        f"<li>{html.escape(label)} {at} {year}{pick((' :', ':'), lang)} "
        f"<b>{html.escape(value)}</b></li>"
        for label, value, _ in rows
    )
    title = pick(("Adaptation au climat", "Climate adaptation"), lang)
    pathway = run.scenario.adaptation.pathway.upper().replace("RCP", "RCP ")
    return (
        f'<div class="prospectif-adaptation"><h3>{html.escape(title)} ({html.escape(pathway)})</h3>'
        f'<ul style="font-size:17px">{items}</ul>'
        f'<p style="font-size:13px;color:#555">{html.escape(rows[0][2])}</p></div>'
    )


DASHBOARD = Dashboard(
    name="adaptation",
    title=("Adaptation au climat", "Climate adaptation"),
    summary=(
        "Chaleur et vieillissement : jours de vague de chaleur et nuits tropicales selon la "
        "trajectoire climatique, exposition des 75 et 85 ans ou plus et des bénéficiaires de "
        "l'APA, besoins d'un plan canicule, décès en excès, carte des départements.",
        "Heat and ageing: heatwave days and tropical nights by climate pathway, exposure of "
        "people aged 75+ and 85+ and of APA beneficiaries, needs of a heat plan, excess deaths, "
        "map of départements.",
    ),
    models=("demography", "ageing", "adaptation"),
    figures=FIGURES,
    indicators=(
        Indicator("Climate|Heatwave Days", ("Jours de vague de chaleur", "Heatwave days"), 1),
        Indicator("Climate|Tropical Nights", ("Nuits tropicales", "Tropical nights"), 1),
        Indicator("Climate|Summer Days", ("Journées d'été (> 25 °C)", "Summer days (> 25 °C)"), 1),
        Indicator("Population|Age 75+", ("Personnes de 75 ans ou plus", "People aged 75+")),
        Indicator(
            "Adaptation|Heatwave Exposure|Age 75+",
            ("Exposition des 75 ans ou plus (personnes-jours)", "Exposure, aged 75+ (person-days)"),
        ),
        Indicator(
            "Adaptation|Heatwave Exposure|Age 85+",
            ("Exposition des 85 ans ou plus (personnes-jours)", "Exposure, aged 85+ (person-days)"),
        ),
        Indicator(
            "Adaptation|Heatwave Exposure|APA Home",
            ("Exposition des bénéficiaires de l'APA à domicile", "Exposure, APA at home"),
        ),
        Indicator(
            "Adaptation|Tropical Night Exposure|Age 75+",
            ("Nuits tropicales des 75 ans ou plus (personnes-nuits)", "Tropical nights, aged 75+"),
        ),
        Indicator("Adaptation|Heat Register", ("Inscrits au registre canicule", "Heat register")),
        Indicator(
            "Adaptation|Heat Plan Hours", ("Heures de visite (par an)", "Visit hours (a year)")
        ),
        Indicator("Adaptation|Cooled Places", ("Places rafraîchies", "Cooled places")),
        Indicator(
            "Adaptation|Excess Deaths", ("Décès en excès (central)", "Excess deaths (central)"), 1
        ),
        Indicator("Range|Adaptation|Excess Deaths|Low", ("… borne basse", "… low bound"), 1),
        Indicator("Range|Adaptation|Excess Deaths|High", ("… borne haute", "… high bound"), 1),
    ),
    tables=(*EXPOSURE, "geometry_departements"),
    method="docs/methodology/adaptation.md",
    choices=MAP_CHOICES,
)
