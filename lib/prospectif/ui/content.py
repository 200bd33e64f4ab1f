"""HTML content of the dashboards: headline indicator table and the "Sources et méthode" panel."""

from __future__ import annotations

import html
import math

import pandas as pd

from ..data import open_data
from ..i18n import format_number
from ..scenario import Scenario
from ..scenario.schedules import Schedules
from ..viz.maps import MISSING
from .catalogue import Context, Dashboard, FigureSpec
from .panel import panel_groups
from .tables import TABLE_DESCRIPTIONS, TABLE_NAMES
from .texts import STRUCTURES, pick, text
from .units import choice_label

TABLE_STYLE = "font-size:18px;text-align:right;border-collapse:collapse"
MISSING_CELL = '<td class="prospectif-missing" style="color:#888;font-style:italic">{}</td>'
"""A cell the model gave as missing (NaN), with the words « donnée manquante »."""


def bands_note(bands: pd.DataFrame, lang: str) -> str:
    """The note over the figures while the uncertainty bands are on: what they are, that they
    are an estimate, and how they were drawn.
    """
    draws, chained = bands.attrs["draws"], bands.attrs["chain_draws"]
    body = text("bands_note", lang, draws=format_number(draws, 0, lang), seed=bands.attrs["seed"])
    if chained:
        body += text("bands_chain", lang, chained=format_number(chained, 0, lang))
    return f'<div class="prospectif-bands-note" style="font-size:16px">{html.escape(body)}</div>'


def table_years(base_year: int, horizon: int) -> list[int]:
    """Years shown in indicator tables: the base year, each decade, the horizon."""
    return sorted({base_year, *range(2030, horizon + 1, 10), horizon})


def indicator_table(dashboard: Dashboard, context: Context) -> str:
    """Headline indicators of the current setting by year, then each variant compared at the
    horizon, side by side (one column each, under a header naming the current setting).
    """
    indexes = list(context.indexed_tables.values())
    table = context.tables[0]
    span = table["year"][table["value"].notna()]
    years = table_years(int(span.min()), int(span.max()))
    horizon = years[-1]
    variants = [label for label, _ in context.runs[1:]]
    header = "".join(f"<th>{y}</th>" for y in years) + "".join(
        f"<th>{html.escape(label)}<br>{horizon}</th>" for label in variants
    )
    groups = ""
    if variants:
        current_label = html.escape(context.runs[0][0])
        groups = (
            f'<tr><th></th><th colspan="{len(years)}">{current_label}</th>'
            f'<th colspan="{len(variants)}">{text("compared", context.lang)}</th></tr>'
        )
    rows = []
    for indicator in dashboard.indicators:
        current = indexes[0].by_year(indicator.variable)
        if all(math.isnan(v) for v in current.values()):
            continue  # not computed here (or missing every year): no row
        values = [current.get(y) for y in years]
        values += [index.by_year(indicator.variable).get(horizon) for index in indexes[1:]]
        cells = "".join(
            f"<td>{format_number(math.nan, indicator.decimals, context.lang)}</td>"
            if v is None
            else MISSING_CELL.format(pick(MISSING, context.lang))
            if math.isnan(v)
            else f"<td>{format_number(v, indicator.decimals, context.lang)}</td>"
            for v in values
        )
        label = html.escape(pick(indicator.label, context.lang))
        rows.append(f"<tr><th style='text-align:left'>{label}</th>{cells}</tr>")
    return (
        f'<table class="prospectif-table" style="{TABLE_STYLE}">'
        f"<thead>{groups}<tr><th></th>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def sources_html(dashboard: Dashboard, scenario: Scenario, structure: str, lang: str) -> str:
    """The "Sources et méthode" panel: data tables, the assumptions shown and their sources."""
    catalog = open_data().catalog
    tables = "".join(
        f"<li><b>{html.escape(name)}</b>{pick((' :', ':'), lang)} "
        f"{html.escape(_described(name, catalog, lang))}<ul>"
        + "".join(
            f"<li>{html.escape(s['publisher'])}, <i>{html.escape(s['title'])}</i> "
            f"({html.escape(str(s['vintage']))}), {html.escape(s['licence'])}</li>"
            for s in catalog[name]["sources"]
        )
        + "</ul></li>"
        for name in dashboard.tables
    )
    values = scenario.assumptions()
    rows = "".join(
        f"<tr><td>{html.escape(c.label)}</td>"
        f"<td>{html.escape(_value(c.key, values[c.key], lang))} "
        f"{html.escape(c.unit)}</td><td>{html.escape(c.source)}</td></tr>"
        for group in panel_groups(dashboard.models, lang)
        for c in group.controls
    )
    structure_text = text("base_structure", lang, structure=pick(STRUCTURES[structure], lang))
    if scenario.schedules is not None:
        structure_text += ". " + _schedules_text(scenario.schedules, lang)
    heading = pick(("Données", "Data"), lang), pick(("Hypothèses", "Assumptions"), lang)
    method = pick(("Méthode détaillée", "Full method"), lang)
    return (
        f'<div class="prospectif-sources" style="font-size:16px">'
        f"<p>{html.escape(structure_text)}</p>"
        f"<h4>{heading[0]}</h4><ul>{tables}</ul>"
        f"<h4>{heading[1]} — {html.escape(scenario.label.get(lang))}</h4>"
        f'<table style="border-collapse:collapse"><tbody>{rows}</tbody></table>'
        f"<p>{method} : <code>{html.escape(dashboard.method)}</code> ; validation : "
        f"<code>docs/validation.md</code>.</p>"
        + "".join(note(lang) for note in dashboard.method_notes)
        + "</div>"
    )


def _schedules_text(spec: Schedules, lang: str) -> str:
    """The files of a scenario's own schedules, for the "Sources et méthode" panel."""
    ages = text(f"ages_{spec.mortality_ages}", lang)
    return text("schedules_files", lang, ages=ages, **spec.identity())


def figure_caption(dashboard: Dashboard, spec: FigureSpec, lang: str) -> str:
    """The source line under figure ``spec`` of ``dashboard``, with the figure's own note."""
    return figure_source(dashboard.figure_tables(spec), lang, pick(spec.note, lang))


def figure_source(tables: tuple[str, ...], lang: str, note: str = "") -> str:
    """The source line under a figure, in plain words: for each table it is drawn from, the
    publisher of its first source in ``data/catalog.yaml`` and what it holds
    (``TABLE_NAMES``), then the projection and ``note`` (a caveat).
    """
    catalog = open_data().catalog
    cited = dict.fromkeys(
        f"{catalog[name]['sources'][0]['publisher'].split(',')[0]}, {pick(TABLE_NAMES[name], lang)}"
        for name in tables
    )
    sentence = pick(
        ("Source : {} ; projection Prospectif.", "Source: {}; Prospectif projection."), lang
    )
    joined = pick((" ; ", "; "), lang).join(cited)
    words = " ".join(filter(None, (sentence.format(joined), note)))
    return f'<div class="prospectif-source">{html.escape(words)}</div>'


def _described(name: str, catalog: dict, lang: str) -> str:
    """The table's description in ``lang`` (the catalogue's English one for a table no
    dashboard listed yet).
    """
    words = TABLE_DESCRIPTIONS.get(name)
    return pick(words, lang) if words else catalog[name]["description"]


def _value(key: str, value: object, lang: str) -> str:
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2, lang)
    if isinstance(value, int):
        return format_number(value, 0, lang) if value >= 10000 else str(value)
    return choice_label(key, str(value), lang)
