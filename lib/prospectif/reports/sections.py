"""The sections of the 4-page report, in order; each domain is one entry of :data:`SECTIONS`.

Page 1: verdicts and key figures; page 2: demography and ageing; page 3: mobility, energy and
climate; page 4: assumptions that differ from the trend, what matters most (sensitivity),
sources and method, provenance. A
builder takes the :class:`~.document.Report` and the :class:`~.document.Render` and returns
HTML; figures go through :meth:`Render.figure` so they never break across pages.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import plotly.graph_objects as go

from ..i18n import format_number
from ..results.registry import VARIABLES
from ..results.registry import label as variable_label
from ..results.unit_labels import unit_label
from ..results.verdicts import goals, sentence
from ..scenario import MODEL_SECTIONS
from ..ui.panel import panel_groups
from ..ui.texts import STRUCTURES, pick
from ..ui.views.synthese import DASHBOARD as SYNTHESE
from ..ui.views.synthese import badge
from ..viz.maps import MISSING
from ..viz.sensitivity import bar_label
from ..viz.trajectories import Line, trajectories_spec
from .document import Builder, Render, Report, Section

e = html.escape
MILESTONE_YEARS = (2030, 2050)
MAX_ASSUMPTIONS = 5
TORNADO_ROWS = 1
"""Assumptions listed per key output in the sensitivity table (docs/methodology/sensitivity.md
has the method; the dashboards draw every bar)."""
TARGET_SOURCE_CHARS = 160
"""Sources of the targets longer than this are cut (docs/methodology/verdicts.md has them)."""
SOURCE_CHARS = 80
DESCRIPTION_CHARS = 280
"""Sources of assumptions longer than this are cut (the scenario documentation has them whole)."""
"""Assumptions listed on page 4 at most (the others are counted, the file holds them all)."""


def _cell(
    values: dict[tuple[str, int], float], variable: str, year: int, decimals: int, lang: str
) -> str:
    """A number of the table; « donnée manquante » where the model gave NaN (a missing DRIAS
    cell), '–' where the variable has no value that year.
    """
    value = values.get((variable, year))
    if value is not None and math.isnan(value):
        return f'<td class="num muted">{pick(MISSING, lang)}</td>'
    number = format_number(math.nan if value is None else value, decimals, lang)
    return f'<td class="num">{number}</td>'


def figures_table(report: Report, render: Render, rows: tuple[tuple[str, int], ...]) -> str:
    """A table of ``rows`` (variable, decimals): first year, 2030, 2050 and the horizon."""
    lang, values = render.lang, report.values
    last = report.years[1]
    years = sorted({*(y for y in MILESTONE_YEARS if y < last), last})
    head = pick(("Indicateur", "Indicator"), lang), pick(("unité", "unit"), lang)
    body = ""
    for variable, decimals in rows:
        first = report.first_years[variable]
        cells = "".join(_cell(values, variable, y, decimals, lang) for y in (first, *years))
        body += (
            f"<tr><td>{e(variable_label(variable, lang))}</td>"
            f"<td>{e(unit_label(VARIABLES[variable].unit, lang))}</td>{cells}</tr>"
        )
    first_label = pick(("départ", "start"), lang)
    years_head = "".join(f'<th class="num">{y}</th>' for y in years)
    return (
        f"<table><thead><tr><th>{head[0]}</th><th>{head[1]}</th>"
        f'<th class="num">{first_label}</th>{years_head}</tr></thead><tbody>{body}</tbody></table>'
    )


def _spec_figure(report: Report, render: Render, key: str, height: int) -> str:
    """One of the synthesis's trajectory figures (its builder), drawn for the page."""
    from ..ui.spec import Context

    spec = next(f for f in SYNTHESE.figures if f.key == key)
    label = report.scenario.label.get(render.lang)
    context = Context(((label, report.run),), (report.table,), report.years[1], render.lang, "")
    return render.figure(spec.build(context), height)


@dataclass(frozen=True)
class Stack:
    """A figure of the report: ``parts`` stacked under their ``total``, ``reference`` dotted."""

    title: tuple[str, str]
    unit: tuple[str, str]
    total: str
    parts: tuple[str, ...]
    reference: str = ""
    height: int = 300


def _stacked(report: Report, render: Render, stack: Stack) -> str:
    lang = render.lang
    fig = go.Figure(
        trajectories_spec(
            {report.scenario.label.get(lang): report.table},
            Line(stack.total, variable_label(stack.total, lang)),
            pick(stack.title, lang),
            pick(stack.unit, lang),
            lang,
            parts=tuple(Line(p, variable_label(p, lang)) for p in stack.parts),
            reference=Line(stack.reference, variable_label(stack.reference, lang))
            if stack.reference
            else None,
        )
    )
    return render.figure(fig, stack.height)


def header(report: Report, render: Render) -> str:
    """Territory, scenario (its description cut to :data:`DESCRIPTION_CHARS`), date."""
    lang = render.lang
    kind = pick(("Rapport 4 pages", "4-page report"), lang)
    first, last = report.years
    subtitle = pick(
        ("{kind} · projection {a}–{b} · édité le {d}", "{kind} · projection {a}–{b} · {d}"), lang
    ).format(kind=kind, a=first, b=last, d=report.created)
    description = report.scenario.description
    text = _cut(description.get(lang), DESCRIPTION_CHARS) if description else ""
    return (
        f"<h1>{e(report.run.territory.name)} ({e(report.run.territory.code)})</h1>"
        f"<p><b>{e(report.scenario.label.get(lang))}</b> — {e(text)}</p>"
        f'<p class="muted">{e(subtitle)}</p>'
    )


def verdicts(report: Report, render: Render) -> str:
    """Every target: met or missed (colour and word), the sentence, the source below."""
    lang = render.lang
    items = "".join(
        f'<li data-met="{str(v.met).lower()}">{badge(v, lang)} {e(sentence(v, lang))}</li>'
        for v in report.verdicts
    )
    title = pick(("Objectifs : atteints ou manqués", "Targets: met or missed"), lang)
    return f'<h2>{title}</h2><ul class="verdicts">{items}</ul>'


KEY_FIGURES = (
    ("Population", 0),
    ("Population|Age 75+", 0),
    ("Autonomy|APA Beneficiaries", 0),
    ("Autonomy|Places Needed", 0),
    ("Final Energy", 0),
    ("Renewable Coverage", 1),
    ("Emissions|Inventory", 0),
    ("Energy Bill", 0),
)


def key_figures(report: Report, render: Render) -> str:
    """The headline indicators, then the emissions against the SNBC trajectory."""
    title = pick(("Chiffres clés", "Key figures"), render.lang)
    return f"<h2>{title}</h2>{figures_table(report, render, KEY_FIGURES)}" + _spec_figure(
        report, render, "emissions", 280
    )


DEMOGRAPHY = (
    ("Population", 0),
    ("Births", 0),
    ("Deaths", 0),
    ("Net Migration", 0),
    ("Median Age", 1),
    ("Share|Population|Age 65+", 1),
    ("Share|Population|Age 85+", 1),
    ("Old-Age Dependency Ratio", 1),
)
AGEING = (
    ("Autonomy|APA Beneficiaries", 0),
    ("Autonomy|Places Needed", 0),
    ("Autonomy|Places|Today", 0),
    ("Autonomy|Care Workforce", 0),
    ("Autonomy|Potential Carers Ratio", 2),
)


AGES = Stack(
    ("Population par grand groupe d'âges", "Population by broad age group"),
    ("personnes", "persons"),
    "Population",
    ("Population|Age 0-19", "Population|Age 20-64", "Population|Age 65+"),
    height=200,
)
APA = Stack(
    ("Bénéficiaires de l'APA, à domicile et en établissement", "APA beneficiaries"),
    ("personnes", "persons"),
    "Autonomy|APA Beneficiaries",
    ("Autonomy|APA Beneficiaries|Home", "Autonomy|APA Beneficiaries|Institution"),
    height=190,
)


Figures = tuple[tuple[str, int], ...]
"""A table of indicators: registered variable, decimals (see :func:`figures_table`)."""


def domain(title: tuple[str, str], *blocks: Stack | Figures) -> Builder:
    """A builder for a domain's page: its title, then figures (:class:`Stack`) and tables of
    indicators, in order. Another domain (services, housing, adaptation) is one more call.
    """

    def build(report: Report, render: Render) -> str:
        return f"<h2>{pick(title, render.lang)}</h2>" + "".join(
            _stacked(report, render, block)
            if isinstance(block, Stack)
            else figures_table(report, render, block)
            for block in blocks
        )

    build.__doc__ = f"The page « {title[0]} »."
    return build


MOBILITY_ENERGY = (
    ("Mobility|Trips per Person", 2),
    ("Mobility|Car Share of Distance", 1),
    ("Mobility|Energy", 0),
    ("Final Energy", 0),
    ("Renewable Production", 0),
    ("Renewable Coverage", 1),
    ("Emissions|Inventory|Transport", 0),
    ("Emissions|Inventory", 0),
)
SECTORS = ("Residential", "Tertiary", "Industry", "Agriculture", "Transport")


ENERGY = Stack(
    ("Énergie finale par secteur", "Final energy by sector"),
    ("GWh par an", "GWh a year"),
    "Final Energy",
    tuple(f"Final Energy|{s}" for s in SECTORS),
    reference="Target|Final Energy",
    height=230,
)
EMISSIONS = Stack(
    (
        "Émissions brutes de tous les secteurs (inventaire estimé), par gaz, face à la SNBC",
        "Gross emissions of every sector (estimated inventory) by gas, against the SNBC",
    ),
    ("kt CO2e par an", "kt CO2e a year"),
    "Emissions|Inventory",
    tuple(f"Emissions|Inventory|{g}" for g in ("CO2", "CH4", "N2O", "F-Gases")),
    reference="Target|Emissions|Inventory",
    height=270,
)


def _shown(value: object, lang: str) -> str:
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2, lang)
    if isinstance(value, list | tuple):
        return " ; ".join(_shown(v, lang) for v in value)
    return str(value)


def assumptions(report: Report, render: Render) -> str:
    """The assumptions that differ from the trend scenario: value, trend value, source."""
    lang = render.lang
    values, trend = report.scenario.assumptions(), report.trend.assumptions()
    moved = [
        c
        for group in panel_groups(MODEL_SECTIONS, lang)
        for c in group.controls
        if values[c.key] != trend[c.key]
    ]
    title = pick(
        ("Hypothèses qui diffèrent du tendanciel", "Assumptions differing from the trend"), lang
    )
    if not moved:
        none = pick(("Aucune : ce scénario est le tendanciel.", "None: this is the trend."), lang)
        return f"<h2>{title}</h2><p>{none}</p>"
    rows = "".join(
        f"<tr><td>{e(c.label)}</td><td class='num'>{e(_shown(values[c.key], lang))} "
        f"{e(c.unit)}</td><td class='num'>{e(_shown(trend[c.key], lang))} {e(c.unit)}</td>"
        f"<td>{e(_cut(c.source))}</td></tr>"
        for c in moved[:MAX_ASSUMPTIONS]
    )
    more = ""
    if len(moved) > MAX_ASSUMPTIONS:
        more = pick(
            (
                "… et {n} autres (toutes dans le fichier du scénario).",
                "… and {n} more (all in the scenario file).",
            ),
            lang,
        ).format(n=len(moved) - MAX_ASSUMPTIONS)
        more = f'<p class="muted">{e(more)}</p>'
    head = (
        pick(("Hypothèse", "Assumption"), lang),
        pick(("ce scénario", "this scenario"), lang),
        pick(("tendanciel", "trend"), lang),
        "source",
    )
    return (
        f'<h2>{title}</h2><table class="small"><thead><tr>'
        + "".join(f"<th>{h}</th>" for h in head)
        + f"</tr></thead><tbody>{rows}</tbody></table>{more}"
    )


def sensitivity_table(report: Report, render: Render) -> str:
    """For each key output, the assumption that moves it the most across its plausible range:
    the output with it at the low and at the high end.
    """
    lang, result = render.lang, report.sensitivity
    items = ""
    for output in result.outputs:
        variable = output.variable
        unit = unit_label(VARIABLES[variable].unit, lang)
        value = format_number(result.base_value(variable), 0, lang)
        effects = "".join(
            f" ; {e(bar_label(b.bounds.label_in(lang), *b.bounds.span, lang))} : "
            f"{format_number(b.low, 0, lang)} → {format_number(b.high, 0, lang)}"
            for b in result.bars(variable)[:TORNADO_ROWS]
        )
        items += (
            f"<li><b>{e(variable_label(variable, lang))} {result.year(variable)}</b> : "
            f"{value} {e(unit)}{effects}</li>"
        )
    title = pick(("Ce qui pèse le plus", "What matters most"), lang)
    note = pick(
        (
            "Résultat du scénario ; l'hypothèse qui le fait le plus varier (sa plage plausible) "
            ": résultat au bas → au haut de la plage, les autres hypothèses au scénario.",
            "The scenario's output; the assumption that moves it most (its plausible range): "
            "output at the low → high end, the others at the scenario.",
        ),
        lang,
    )
    return (
        f'<h2>{title}</h2><div class="small"><p class="muted">{e(note)}</p>'
        f'<ul class="columns">{items}</ul></div>'
    )


def _cut(text: str, chars: int = SOURCE_CHARS) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def sources(report: Report, render: Render) -> str:
    """Data tables and their publishers, the targets' sources, where the method is."""
    lang = render.lang
    catalog = report.run.demography.data.catalog
    cited = {
        f"{s['publisher']}, {_cut(s['title'])} ({s['vintage']})": None
        for name in SYNTHESE.tables
        if name in catalog
        for s in catalog[name]["sources"]
    }
    tables = "".join(f"<li>{e(c)}</li>" for c in cited)
    targets = "".join(
        f"<li><b>{e(m)}</b> : {e(_cut(source.render(lang), TARGET_SOURCE_CHARS))}</li>"
        for m, source in {_goal_name(g.name, lang): g.source for g in goals(math.nan, 0)}.items()
    )
    structure = STRUCTURES.get(report.table.attrs.get("base_structure", ""), ("", ""))
    method = pick(
        (
            "Méthode : modèles décrits dans docs/methodology/, validation dans docs/validation.md. "
            "Structure par âge de départ : {s}.",
            "Method: models in docs/methodology/, validation in docs/validation.md. "
            "Base age structure: {s}.",
        ),
        lang,
    ).format(s=pick(structure, lang))
    title = pick(("Sources et méthode", "Sources and method"), lang)
    data_title, target_title = pick(("Données", "Data"), lang), pick(("Objectifs", "Targets"), lang)
    return (
        f'<h2>{title}</h2><div class="small"><p>{e(method)}</p><h3>{data_title}</h3>'
        f'<ul class="columns">{tables}</ul><h3>{target_title}</h3><ul>{targets}</ul></div>'
    )


def _goal_name(msg_id: str, lang: str) -> str:
    from ..messages import message

    return message(msg_id, lang)


def provenance(report: Report, render: Render) -> str:
    """Data vintage and hash, code version, scenario id and hash: what the numbers come from."""
    lang = render.lang
    meta = report.table.attrs["metadata"][0]
    rows = (
        (
            ("Scénario", "Scenario"),
            f"{meta.scenario} — {pick(('empreinte', 'hash'), lang)} {meta.scenario_hash}",
        ),
        (("Données (millésime du catalogue)", "Data (catalogue vintage)"), meta.data_version),
        (("Empreinte des données", "Data hash"), meta.data_hash[:16]),
        (("Version du code", "Code version"), f"prospectif {meta.code_version}"),
        (("Édité le", "Made on"), report.created),
    )
    body = "".join(
        f"<tr><th>{e(pick(k, lang))}</th><td><code>{e(v)}</code></td></tr>" for k, v in rows
    )
    title = pick(("Provenance", "Provenance"), lang)
    return f"<h2>{title}</h2><table><tbody>{body}</tbody></table>"


SERVICES = (
    ("Services|Pupils", 0),
    ("Services|Classes", 0),
    ("Services|Childcare Places", 0),
    ("Services|GPs Needed", 0),
    ("Housing|Households", 0),
)
ADAPTATION = (
    ("Climate|Heatwave Days", 0),
    ("Adaptation|Heatwave Exposure|Age 85+", 0),
    ("Adaptation|Excess Deaths", 0),
)
ADAPTATION_CAVEAT = (
    "Météo-France, DRIAS-2020 : une seule simulation (ALADIN63 / CNRM-CM5), pas un ensemble "
    "de modèles ; trajectoire climatique du scénario.",
    "Météo-France, DRIAS-2020: one simulation (ALADIN63 / CNRM-CM5), not a model ensemble; "
    "the scenario's climate pathway.",
)


def brief(title: tuple[str, str], rows: Figures, note: tuple[str, str] | None = None) -> Builder:
    """A builder for a short block of a page: a small title, a table of indicators and an
    optional note (for domains that share a page with another).
    """

    def build(report: Report, render: Render) -> str:
        shown = tuple(row for row in rows if row[0] in report.first_years)
        if not shown:  # a table without this domain's model (e.g. a synthesis-only table)
            return ""
        block = f"<h3>{pick(title, render.lang)}</h3>{figures_table(report, render, shown)}"
        return block + (f'<p class="small muted">{e(pick(note, render.lang))}</p>' if note else "")

    build.__doc__ = f"The block « {title[0]} »."
    return build


SECTIONS: tuple[Section, ...] = (
    Section(1, "header", header),
    Section(1, "verdicts", verdicts),
    Section(1, "key-figures", key_figures),
    Section(
        2,
        "demography",
        domain(
            ("Démographie et vieillissement", "Demography and ageing"),
            AGES,
            DEMOGRAPHY,
            APA,
            AGEING,
        ),
    ),
    Section(
        2,
        "services",
        brief(("Services et logement", "Services and housing"), SERVICES),
    ),
    Section(
        3,
        "mobility-energy",
        domain(
            ("Mobilité, énergie et climat", "Mobility, energy and climate"),
            ENERGY,
            EMISSIONS,
            MOBILITY_ENERGY,
        ),
    ),
    Section(
        3,
        "adaptation",
        brief(("Chaleur et grand âge", "Heat and old age"), ADAPTATION, ADAPTATION_CAVEAT),
    ),
    Section(4, "assumptions", assumptions),
    Section(4, "sensitivity", sensitivity_table),
    Section(4, "sources", sources),
    Section(4, "provenance", provenance),
)
"""The report, page by page; a new domain (services, adaptation, inventory) is one entry."""
