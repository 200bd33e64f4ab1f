"""The 4-page report of a territory under a scenario: a list of sections, one HTML page.

A report is declarative: :data:`~prospectif.reports.sections.SECTIONS` lists the section
builders, each placed on one of the four A4 pages; a new domain adds one entry. The same HTML
is printed to PDF by Chromium (:mod:`.printing`) and shown in the portal, figures interactive
on screen (their toolbar hidden in print). Figures are plotly figures drawn by plotly.js from
a file next to the page (or inlined), never from the network.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from ..analysis import Sensitivity, sensitivity
from ..pipeline import ChainRun
from ..results.verdicts import Verdict, chain_verdicts
from ..scenario import Scenario, scenario_from_presets
from ..ui.texts import pick

PAGES = 4
TREND = "tendanciel"
"""The preset the assumptions of page 4 are compared with."""
FIGURE_WIDTH, FIGURE_HEIGHT = 700, 330
"""Figure size in CSS pixels: the width of an A4 page inside its margins (186 mm)."""


@dataclass(frozen=True)
class Report:
    """What a report is made of: a model chain, its results table and the trend scenario."""

    run: ChainRun
    table: pd.DataFrame
    trend: Scenario
    created: str = field(default_factory=lambda: dt.date.today().isoformat())

    @property
    def scenario(self) -> Scenario:
        """The scenario reported on."""
        return self.run.scenario

    @cached_property
    def verdicts(self) -> list[Verdict]:
        """The verdict of every target (:mod:`prospectif.results.verdicts`)."""
        return chain_verdicts(self.run, self.table)

    @cached_property
    def sensitivity(self) -> Sensitivity:
        """The tornado of the key outputs (:mod:`prospectif.analysis.sensitivity`)."""
        return sensitivity(self.run)

    @cached_property
    def values(self) -> dict[tuple[str, int], float]:
        """The value of each (variable, year) of the table (its first row's), read in one pass:
        the report's tables look up some 110 values, a boolean mask of the whole table each.
        """
        rows = self.table.drop_duplicates(["variable", "year"])
        keys = zip(rows["variable"].tolist(), rows["year"].astype(int).tolist(), strict=True)
        return dict(zip(keys, rows["value"].astype(float).tolist(), strict=True))

    @cached_property
    def first_years(self) -> dict[str, int]:
        """The first year of each variable of the table."""
        first: dict[str, int] = {}
        for variable, year in self.values:
            first[variable] = min(year, first.get(variable, year))
        return first

    @property
    def years(self) -> tuple[int, int]:
        """First year of the results and the scenario's horizon (the adaptation model runs on
        to 2100, past the horizon of the other models).
        """
        last = min(int(self.table["year"].max()), int(self.scenario.horizon))
        return int(self.table["year"].min()), last


def make_report(run: ChainRun, table: pd.DataFrame | None = None) -> Report:
    """The report of ``run`` (its whole chain's table computed when not given)."""
    trend = scenario_from_presets(TREND, int(run.scenario.horizon))
    return Report(run, run.table() if table is None else table, trend)


@dataclass(frozen=True)
class Render:
    """How a report is drawn: language, address of plotly.js (``""``: inlined in the page)."""

    lang: str = "fr"
    plotly_src: str = ""
    header: str = ""
    """HTML shown on screen above the pages (the portal's links), never printed."""
    counter: list[int] = field(default_factory=lambda: [0])

    def figure(self, fig: go.Figure, height: int = FIGURE_HEIGHT) -> str:
        """A figure block that never breaks across pages, sized for the page."""
        import plotly.io as pio

        fig.update_layout(
            width=FIGURE_WIDTH,
            height=height,
            font={"size": 11},
            title={"font": {"size": 14}},
            margin={"l": 60, "r": 10, "t": 40, "b": 30},
            legend={"font": {"size": 10}},  # at the bottom edge (``viz.base.base_layout``)
        )
        self.counter[0] += 1
        body = pio.to_html(
            fig,
            include_plotlyjs=False,
            full_html=False,
            div_id=f"figure-{self.counter[0]}",
            validate=False,
            default_height=f"{height}px",
            config={"displaylogo": False},
        )
        return f'<div class="figure">{body}</div>'


Builder = Callable[[Report, Render], str]


@dataclass(frozen=True)
class Section:
    """One block of the report: its page (1–4), a key (CSS class) and its builder."""

    page: int
    key: str
    build: Builder


STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 10.5pt; color: #222; }
.page { height: 272mm; overflow: hidden; break-after: page; page-break-after: always;
        position: relative; padding-bottom: 8mm; }
section.page:last-of-type { break-after: auto; page-break-after: auto; }
@media screen {
  body { background: #eef1f5; }
  .page { width: 210mm; height: 297mm; margin: 6mm auto; padding: 12mm 12mm 20mm;
          background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
  .foot { left: 12mm; right: 12mm; bottom: 10mm; }
}
@media print { .screen-only { display: none; } .modebar-container { display: none !important; } }
.figure, table, .verdicts li { break-inside: avoid; page-break-inside: avoid; }
h1 { font-size: 17pt; margin: 0 0 1mm; } h2 { font-size: 13pt; margin: 3mm 0 1.5mm;
border-bottom: 2px solid #0072B2; } h3 { font-size: 11pt; margin: 2mm 0 1mm; }
p { margin: 1mm 0; } .muted { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 1mm 0 2mm; }
th, td { border-bottom: 1px solid #ddd; padding: 0.6mm 1.5mm; text-align: left; }
td.num, th.num { text-align: right; white-space: nowrap; }
.verdicts { list-style: none; padding: 0; margin: 1mm 0; }
.verdicts li { margin: 1.2mm 0; font-size: 9.5pt; }
.word { color: #fff; padding: 0 1.5mm; border-radius: 1mm; font-weight: bold;
        white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.foot { position: absolute; bottom: 0; left: 0; right: 0; font-size: 8pt; color: #666;
        border-top: 1px solid #ccc; padding-top: 1mm; }
code { font-size: 8.5pt; }
.small, table.small { font-size: 7.5pt; } .small ul { margin: 0.5mm 0; padding-left: 5mm; }
.small h3 { font-size: 9pt; margin: 1mm 0 0.5mm; } .columns { columns: 2; column-gap: 6mm; }
"""


def report_html(report: Report, render: Render, sections: tuple[Section, ...] | None = None) -> str:
    """The whole report as one HTML document: four ``.page`` blocks of A4 height.

    Parameters
    ----------
    sections
        The sections to draw (default: :data:`~prospectif.reports.sections.SECTIONS`).
    """
    from .sections import SECTIONS

    sections = SECTIONS if sections is None else sections
    lang = render.lang
    e = html.escape
    name, label = report.run.territory.name, report.scenario.label.get(lang)
    title = f"{name} — {label}"
    pages = []
    for page in range(1, PAGES + 1):
        blocks = "".join(
            f'<div class="section {s.key}">{s.build(report, render)}</div>'
            for s in sections
            if s.page == page
        )
        foot = pick(
            ("Prospectif — {t} — page {p} / {n}", "Prospectif — {t} — page {p} of {n}"), lang
        )
        foot = foot.format(t=title, p=page, n=PAGES)
        pages.append(
            f'<section class="page" data-page="{page}">{blocks}'
            f'<div class="foot">{e(foot)}</div></section>'
        )
    plotly = (
        f'<script src="{e(render.plotly_src)}"></script>'
        if render.plotly_src
        else f"<script>{_plotly_js()}</script>"
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{STYLE}</style>{plotly}</head>"
        f"<body>{render.header}{''.join(pages)}</body></html>"
    )


def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()
