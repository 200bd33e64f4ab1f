"""What a dashboard is: the figures, indicators and data tables it shows.

A dashboard is a list of figures built from a :class:`Context` (the runs on screen, the year
chosen, the language), a list of headline indicators and the data tables behind it. The same
definitions serve the live workshop view and the static report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ..pipeline import ChainRun
from ..scenario import Scenario
from ..viz.base import fitted
from ..viz.series import VariableIndex
from ..viz.trajectories import Line, trajectories_spec
from .texts import pick


@dataclass(frozen=True)
class Context:
    """What figures are drawn from: labelled runs (current setting first), their results
    tables (same order), the year shown and the language.
    """

    runs: tuple[tuple[str, ChainRun], ...]
    tables: tuple[pd.DataFrame, ...]
    year: int
    lang: str
    choice: str = ""
    """The option chosen in the dashboard's own selector (e.g. the mapped indicator)."""
    compared: tuple[Scenario, ...] = ()
    """The scenarios a dashboard that compares scenarios shows side by side (2–4; empty: its
    default, the four full presets)."""
    bands: pd.DataFrame | None = None
    """Quantiles of the current setting's draws (:func:`prospectif.uncertainty.run_uncertain`)
    when the uncertainty bands are on, else None."""
    tab: int | None = None
    """The tab open in the live page (index in :attr:`Dashboard.tabs`); None: every figure
    (a report, or a dashboard without tabs)."""

    @property
    def current(self) -> ChainRun:
        """The run of the current setting."""
        return self.runs[0][1]

    def labelled_tables(self) -> dict[str, pd.DataFrame]:
        """Results tables keyed by label, current setting first."""
        return {label: table for (label, _), table in zip(self.runs, self.tables, strict=True)}

    @functools.cached_property
    def indexed_tables(self) -> dict[str, VariableIndex]:
        """:meth:`labelled_tables` grouped by variable, once for all the figures drawn."""
        return {label: VariableIndex(table) for label, table in self.labelled_tables().items()}


@dataclass(frozen=True)
class Indicator:
    """A headline indicator: result variable, French and English labels, decimals."""

    variable: str
    label: tuple[str, str]
    decimals: int = 0


@dataclass(frozen=True)
class FigureSpec:
    """A figure of a dashboard: a file-name stem and its builder."""

    key: str
    build: Callable[[Context], go.Figure]
    uses_year: bool = False
    bands_only: bool = False
    """Shown only while the uncertainty bands are on."""
    uses_choice: bool = False
    """Drawn for the option of the dashboard's own selector (:attr:`Dashboard.choices`)."""
    tables: tuple[str, ...] = ()
    """The data tables (``data/catalog.yaml``) it is drawn from, named in its source line;
    empty: the dashboard's tables."""
    note: tuple[str, str] = ("", "")
    """A caveat (French, English) written after the source line."""
    draft: Callable[[Context], dict] | None = None
    """The figure as a plain plotly dict, when the builder makes one (``build`` then wraps it
    in a ``go.Figure``): the live app sends it to the figure on screen, validated once there."""

    def figure(self, context: Context) -> go.Figure:
        """The figure of ``context``, its axis titles and height fitted (``viz.base.fitted``)."""
        return fitted(self.build(context))

    def live(self, context: Context) -> go.Figure | dict:
        """What the live app draws for ``context``: :meth:`figure`, or its plain dict when
        there is one (the same figure once validated), fitted.
        """
        return self.figure(context) if self.draft is None else fitted(self.draft(context))


@dataclass(frozen=True)
class Tab:
    """Figures the live page shows together, one tab: its (French, English) title and keys."""

    title: tuple[str, str]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    """A dashboard: notebook name, titles, models computed, figures, indicators, tables."""

    name: str
    title: tuple[str, str]
    summary: tuple[str, str]
    models: tuple[str, ...]
    figures: tuple[FigureSpec, ...]
    indicators: tuple[Indicator, ...]
    tables: tuple[str, ...]
    method: str
    choices: tuple[tuple[str, tuple[str, str]], ...] = ()
    """Options of the dashboard's own selector ``(key, (French, English labels))``, if any."""
    notes: tuple[Callable[[Context], str], ...] = ()
    """HTML blocks shown after the indicator table."""
    method_notes: tuple[Callable[[str], str], ...] = ()
    """HTML blocks (by language) added to the "Sources et méthode" panel."""
    presentation: bool = False
    """Whether it opens in presentation layout (no assumption panel, figures side by side)."""
    report: bool = False
    """Whether the page offers its 4-page report (PDF) for download."""
    bands: bool = False
    """Whether the page offers the uncertainty bands (fan charts of the draws)."""
    sensitivity: tuple[str, ...] = ()
    """Key outputs (variables of :data:`~prospectif.analysis.KEY_OUTPUTS`) whose tornado the
    page offers."""
    goals: tuple[str, ...] = ()
    """Targets (ids of :data:`~prospectif.analysis.TARGETS`) the page offers to solve for."""
    compares: bool = False
    """Whether it shows scenarios side by side (:attr:`Context.compared`), with a control to
    choose 2–4 of them (presets or scenario files) and a ``compare`` notebook parameter."""
    tabs: tuple[Tab, ...] = ()
    """Groups of figures the live page shows one at a time, the first open (each figure in
    one); empty: every figure at once. A move then redraws only the open tab's figures."""

    def shown(self, context: Context) -> tuple[FigureSpec, ...]:
        """The figures drawn for ``context`` (:meth:`on_page`)."""
        return self.on_page(context.tab, context.bands is not None)

    def on_page(self, tab: int | None = 0, bands: bool = False) -> tuple[FigureSpec, ...]:
        """The figures of tab ``tab`` (every figure when None or without tabs), the
        bands-only ones only with the ``bands``.
        """
        keys = None if tab is None or not self.tabs else self.tabs[tab].keys
        return tuple(
            f
            for f in self.figures
            if (bands or not f.bands_only) and (keys is None or f.key in keys)
        )

    def figure_tables(self, spec: FigureSpec) -> tuple[str, ...]:
        """The tables named under figure ``spec``: its own, else the dashboard's."""
        return spec.tables or self.tables


def trajectory(
    key: str,
    title: tuple[str, str],
    unit: tuple[str, str],
    total: tuple[str, tuple[str, str]],
    parts: tuple[tuple[str, tuple[str, str]], ...] = (),
    reference: tuple[str, tuple[str, str]] | None = None,
    percent: bool = False,
    tables: tuple[str, ...] = (),
    note: tuple[str, str] = ("", ""),
) -> FigureSpec:
    """A trajectory figure: ``total`` for every scenario, ``parts`` stacked for the current
    setting, an optional dotted ``reference``; variables with (French, English) labels;
    ``tables`` it is drawn from and a ``note`` under it (see :class:`FigureSpec`).
    """

    def draft(context: Context) -> dict:
        def line(item: tuple[str, tuple[str, str]]) -> Line:
            return Line(item[0], pick(item[1], context.lang))

        return trajectories_spec(
            context.indexed_tables,
            line(total),
            pick(title, context.lang),
            pick(unit, context.lang),
            context.lang,
            parts=tuple(line(p) for p in parts),
            reference=line(reference) if reference else None,
            percent=percent,
            bands=context.bands,
        )

    return drafted(key, draft, tables=tables, note=note)


def drafted(key: str, draft: Callable[[Context], dict], **options: Any) -> FigureSpec:
    """The figure ``key`` built as a plain plotly dict by ``draft`` (see
    :attr:`FigureSpec.draft`); ``options`` are the other fields of :class:`FigureSpec`.
    """

    def build(context: Context) -> go.Figure:
        return go.Figure(draft(context))

    return FigureSpec(key, build, draft=draft, **options)
