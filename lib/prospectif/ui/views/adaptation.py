"""The adaptation dashboard: heat days by climate pathway, exposure of the oldest, the needs
of a heat plan and a map of exposure across metropolitan départements.

Every figure names its source and the one-model caveat (DRIAS-2020, ALADIN63 / CNRM-CM5);
missing DRIAS cells are gaps or grey, never zeros.
"""

from __future__ import annotations

import hashlib
import html
import json
from typing import Any

import numpy as np
import pandas as pd

from ...i18n import format_number
from ...pipeline import ChainRun, climate_by_pathway, run_adaptation_units
from ...scenario import Scenario
from ...territory import get_territory
from ...viz.adaptation import CAVEAT, SOURCE, pathways_spec
from ...viz.maps import MISSING, choropleth_spec
from ..maps import map_scope
from ..spec import Context, Dashboard, Indicator, drafted, trajectory
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


def map_key(scenario: Scenario) -> str:
    """What the map's values depend on: the demography, the horizon and the climate pathway.

    The map reads only the heat indicators, the people aged 75+ and the inhabitants of each
    département, so a move of a heat-plan or ageing lever keeps the map already computed
    (projecting the 96 départements again is most of a refresh).
    """
    content = scenario.model_dump(mode="json", include={"demography", "horizon"})
    content["pathway"] = scenario.adaptation.pathway
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]


def map_series(context: Context) -> tuple[pd.Series, int]:
    """The mapped value of every metropolitan département (NaN where DRIAS has none) and
    the year shown.
    """
    run = context.current
    data = run.demography.data
    _, codes = map_scope(get_territory("FR", data), data)
    result = data.derived(
        f"adaptation.map.{map_key(run.scenario)}",
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


def _map(context: Context) -> dict:
    """The map, or the last one drawn if what it shows is unchanged (a heat-plan or ageing
    lever moved): building the 97 traces is most of a refresh. One map is kept per data set.
    """
    values, year = map_series(context)
    lang, choice = context.lang, context.choice or MAP_CHOICES[0][0]
    data = context.current.demography.data
    key = (map_key(context.current.scenario), year, choice, lang)
    last: dict[str, Any] = data.derived("adaptation.map.last", dict)
    if last.get("key") != key:
        where = pick(("départements de métropole", "metropolitan départements"), lang)
        title = f"{pick(dict(MAP_CHOICES)[choice], lang)} — {year} — {where}"
        per = ("jours par habitant", "days per inhabitant")
        unit = pick(per if choice == "exposition" else DAYS, lang)
        fig = choropleth_spec(values, "departements", title, unit, 1, lang, data)
        last.update(key=key, figure=fig)
    return last["figure"]


def _pathways(context: Context) -> dict:
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
    compared = []
    for label, other in context.runs[1:]:
        pathway = other.scenario.adaptation.pathway
        shown_years, lived = climate_by_pathway(other, "heatwave_days", (pathway,))
        compared.append((label, pathway, shown_years, lived[pathway]))
    return pathways_spec(
        years, values, title, pick(DAYS, lang), run.scenario.adaptation.pathway, lang, compared
    )


CLIMATE = ("climate_drias2020", "tracc_warming")
"""Where the climate comes from: every figure's source line, with the one-model caveat."""
EXPOSURE = (*CLIMATE, "population_departement", "apa_departement")
"""The climate lived by the projected population."""
DEATHS_NOTE = (
    "Décès : excès relatif de Santé publique France pendant les canicules (+9,1 % ; +3,8 à "
    "+16,7 %), appliqué aux jours d'alerte estimés à partir des vagues de chaleur DRIAS. "
    + CAVEAT[0],
    "Deaths: Santé publique France's relative excess during heatwave alerts (+9.1 %; +3.8 to "
    "+16.7 %), applied to the alert days estimated from the DRIAS heatwave days. " + CAVEAT[1],
)
"""Where the excess deaths come from (``docs/methodology/adaptation.md``), and the caveat."""

FIGURES = (
    drafted("trajectoires", _pathways, tables=CLIMATE, note=CAVEAT),
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
            "Décès en excès pendant les canicules (fourchette en tableau)",
            "Excess deaths during heatwave alerts (range in the table)",
        ),
        ("décès par an", "deaths a year"),
        total=("Adaptation|Excess Deaths", ("Tous âges", "All ages")),
        reference=("Adaptation|Excess Deaths|Age 75+", ("75 ans ou plus", "Aged 75+")),
        tables=EXPOSURE,
        note=DEATHS_NOTE,
    ),
    drafted(
        "carte",
        _map,
        uses_year=True,
        uses_choice=True,
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
        ("Décès en excès pendant les canicules", "Excess deaths during heatwave alerts"),
        0,
    ),
)
"""The three headline figures of the synthesis and the report: variable, labels, decimals."""


def key_figures(run: ChainRun, year: int, lang: str = "fr") -> list[tuple[str, str, str]]:
    """The adaptation section's headline figures in ``year`` (for the synthesis and the
    4-page report): ``(label, formatted value, source and caveat)``; a value DRIAS does not
    give is « donnée manquante », a year the series does not cover '–'.
    """
    found = {s.variable: s for s in run.series(("adaptation",))}
    rows = []
    for variable, label, decimals in KEY_FIGURES:
        series = found[variable]
        at = np.flatnonzero(series.years == year)
        value = float(series.values[at[0]]) if at.size else float("nan")
        missing = at.size > 0 and np.isnan(value)
        shown = pick(MISSING, lang) if missing else format_number(value, decimals, lang)
        rows.append((pick(label, lang), shown, SOURCE[lang == "en"]))
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
