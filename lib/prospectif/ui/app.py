"""The live workshop dashboard: pickers, assumption panel, figures updated in place, variants,
exports, link to the view and the sources panel.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import ipywidgets as w
import pandas as pd

from ..errors import ProspectifError
from ..messages import Message
from ..pipeline import MODELS, ChainRun
from ..scenario import FULL_PRESETS, Scenario
from .catalogue import Context, Dashboard
from .content import bands_note, indicator_table, sources_html
from .downloads import Downloads, Prepared
from .exports import (
    download_link,
    export_links,
    exported_scenario,
    hypotheses_sheet,
    report_pdf,
    scenario_export,
)
from .figures import IMAGE_FORMATS
from .grid import FigureGrid
from .history import History
from .layout import STYLE, bar
from .levers import LeversPanel
from .notices import Notices
from .panel import AssumptionPanel
from .runs import BandCache, RunCache
from .search import TerritoryFinder, compare_options, preset_options
from .state import (
    MIN_COMPARED,
    ViewState,
    base_ids,
    base_scenario,
    compared_scenarios,
    resolve,
    to_query,
)
from .texts import pick, text
from .variant_box import VariantBox
from .variants import MAX_COMPARED


class DashboardApp:
    """A live dashboard for one session; ``widget`` is what the notebook displays."""

    def __init__(self, dashboard: Dashboard, state: ViewState, problems: Sequence[Message] = ()):
        self.dashboard = dashboard
        self.state = state
        self.lang = state.lang
        self.runs = RunCache()
        self.bands = BandCache(dashboard.models)
        self.history = History()
        self._quiet_picker = False
        self.grid = FigureGrid(dashboard, self.lang, self._file_stem)
        self._generation = 0
        self._held = 0
        self._pending = False
        self._build_widgets()
        self._show_view(problems)

    def _show_view(self, problems: Sequence[Message]) -> None:
        """Show ``self.state``: the address's problems, its variants, its assumptions."""
        for number, problem in enumerate(problems):
            self.messages.show(
                f"address.{number}", "warning", Message("ui.query_problem", {"problem": problem})
            )
        with self.coalesced():  # one run for the variants and the assumptions shown
            self.variants.restore(self.state.variants)
            self.panel.show(resolve(self.state))
            self.refresh()

    def open_view(self, state: ViewState, problems: Sequence[Message] = ()) -> DashboardApp:
        """The app showing ``state``: this one moved to it, or a new one in another language.

        A preheated kernel builds the app of the dashboard's default view before the viewer's
        request arrives (imports, data, widgets, figures); the request's address then only
        moves it, which costs a run of the model chain and the edits of the figures. A view
        in another language gets a new app; this one's widgets are closed (the page would
        otherwise receive their state too).
        """
        if state == self.state and not problems:
            return self
        if state.lang != self.lang:
            for widget in self._widget_tree():
                widget.close()
            return DashboardApp(self.dashboard, state, problems)
        with self.coalesced():
            scenarios = {value for _, value in self.scenario_picker.options}
            if state.scenario not in scenarios:
                label = base_scenario(state.scenario, state.horizon).label.get(self.lang)
                options = self.scenario_picker.options
                self.scenario_picker.options = [(label, state.scenario), *options]
            self._pick_quietly(state.scenario)
            self.presentation.value = state.presentation
            self.state = state
            self._show_view(problems)
        self.grid.settle()
        return self

    def _widget_tree(self) -> list[w.Widget]:
        """Every open widget this app created (reachable from ``widget`` or a figure's cell, with
        layouts and styles).
        """
        seen: dict[str, w.Widget] = {}
        stack: list[object] = [self.widget, *self.grid.figures.values(), *self.grid.cells.values()]
        while stack:
            item = stack.pop()
            if isinstance(item, w.Widget) and item.comm and item.model_id not in seen:
                seen[item.model_id] = item
                for name in item.keys:
                    value = getattr(item, name, None)
                    stack.extend(value if isinstance(value, list | tuple) else [value])
        return list(seen.values())

    # -- construction -------------------------------------------------------------------
    def _build_widgets(self) -> None:
        lang = self.lang
        self.title = w.HTML()
        self.messages = Notices(lang)
        self.status = w.HTML()
        self.status.add_class("prospectif-status")  # over the page: showing it moves nothing
        self.territory_box = w.Combobox(
            placeholder=text("territory_search", lang),
            description=text("territory", lang),
            ensure_option=False,
            layout={"width": "460px"},
        )
        self.finder = TerritoryFinder(self.territory_box, self.messages, lang)
        self.territory_box.observe(self._territory_typed, names="value")
        options: list[tuple[str, str | Path]] = list(preset_options(self.dashboard, lang))
        if self.state.scenario not in {value for _, value in options}:
            label = base_scenario(self.state.scenario, self.state.horizon).label.get(lang)
            options.insert(0, (label, self.state.scenario))
        self.scenario_picker = w.Dropdown(
            options=options,
            value=self.state.scenario,
            description=text("scenario", lang),
            style={"description_width": "initial"},
            layout={"width": "520px"},
        )
        self.scenario_picker.observe(self._preset_picked, names="value")
        self.presentation = w.ToggleButton(
            value=self.state.presentation,
            description=text("presentation", lang),
            layout={"width": "auto"},
        )
        self.presentation.observe(lambda _: self._layout_mode(), names="value")
        self.undo_button = w.Button(
            description=text("undo", lang),
            tooltip=text("undo_help", lang),
            icon="undo",
            disabled=True,
            layout={"width": "auto"},
        )
        self.undo_button.add_class("prospectif-undo")
        self.undo_button.on_click(lambda _: self.undo())
        self.panel = AssumptionPanel(
            self.dashboard.models[::-1],
            lang,
            self._assumptions_moved,
            self._value_problem,
            folded=self.state.presentation,  # no slider is sent to a page that hides them
        )
        self.panel.reset_button.on_click(lambda _: self._reset())
        self.year = w.IntSlider(
            description=text("year", lang),
            continuous_update=False,
            style={"description_width": "initial"},
            layout={"width": "600px"},
        )
        self.year.observe(lambda _: self.refresh(), names="value")
        self.year.add_class("prospectif-year")
        self.uncertainty = w.ToggleButton(
            value=False,
            description=text("bands", lang),
            tooltip=text("bands_tooltip", lang),
            icon="area-chart",
            layout={"width": "auto", "display": None if self.dashboard.bands else "none"},
        )
        self.uncertainty.add_class("prospectif-bands")
        self.uncertainty.observe(lambda _: self.refresh(), names="value")
        self.year_known = False
        self.choice = w.Dropdown(
            options=[(pick(label, lang), key) for key, label in self.dashboard.choices],
            description=text("map_indicator", lang),
            style={"description_width": "initial"},
            layout={"width": "600px", "display": "none"},
        )
        self.choice.observe(lambda _: self.refresh(), names="value")
        self.choice.add_class("prospectif-choice")
        self.tabs = w.ToggleButtons(
            options=[(pick(tab.title, lang), n) for n, tab in enumerate(self.dashboard.tabs)],
            style={"button_width": "auto"},
            layout={"display": None if self.dashboard.tabs else "none"},
        )
        self.tabs.observe(lambda _: self.refresh(), names="value")
        self.tabs.add_class("prospectif-tabs")
        self.notes = w.HTML()
        self.notes.add_class("prospectif-notes")
        self.indicators = w.HTML()
        self.indicators.add_class("prospectif-indicators")
        self.variants = VariantBox(lang, self.messages, lambda: self.state, self._variants_moved)
        self.image_format = w.ToggleButtons(
            options=[(f.upper(), f) for f in IMAGE_FORMATS], description=""
        )
        self.image_format.observe(
            lambda change: self.grid.set_image_format(change["new"]), names="value"
        )
        self.exports = Downloads(
            text("prepare_exports", lang),
            self._exports,
            self.messages,
            "exports",
            layout={"width": "auto"},
        )
        self.exports.links.add_class("prospectif-exports")
        self.report = Downloads(
            text("prepare_report", lang),
            self._report,
            self.messages,
            "report",
            icon="file-pdf-o",
            layout={"width": "auto", "display": None if self.dashboard.report else "none"},
        )
        self.report.button.add_class("prospectif-report-button")
        self.compared = w.SelectMultiple(rows=6, layout={"width": "600px"})
        self.compared.add_class("prospectif-compared")
        self.compared.observe(self._compared_changed, names="value")
        self._offering = False
        self._offer_compared()
        compared_box = w.VBox(
            [w.HTML(f"<b>{text('choose_compared', lang)}</b>"), self.compared],
            layout={"display": None if self.dashboard.compares else "none"},
        )
        self.link = w.HTML()
        self.levers = LeversPanel(
            self.dashboard.sensitivity,
            self.dashboard.goals,
            tuple(self.panel.controls),
            lang,
            self.current_run,
            self.apply_changes,
            self.save_changes,
        )
        self.sources = w.HTML()
        sources = w.Accordion(children=[self.sources], titles=[text("sources", lang)])
        self.side = w.VBox(
            [
                w.HTML(f"<h3>{text('assumptions', lang)}</h3>"),
                self.panel,
                w.HTML(f"<h3>{text('variants', lang)}</h3>"),
                *self.variants.widgets,
                w.HTML(f"<h3>{text('exports', lang)}</h3>"),
                w.HTML(f"<div>{text('image_format', lang)}</div>"),
                self.image_format,
                self.exports.button,
                self.exports.links,
            ],
            layout={"width": "34%", "padding": "0 12px 0 0"},
        )
        self.main = w.VBox(
            [
                self.year,
                w.HBox([self.uncertainty, self.report.button, self.report.links]),
                compared_box,
                self.notes,
                self.tabs,
                self.choice,
                self.grid.box,
                w.HTML(f"<h3>{text('indicators', lang)}</h3>"),
                self.indicators,
                self.levers,
            ],
            layout={"width": "66%"},
        )
        self.widget = w.VBox(
            [
                w.HTML(STYLE),
                self.title,
                bar(self.territory_box, self.scenario_picker, self.undo_button, self.presentation),
                self.messages,
                self.status,
                w.HBox([self.side, self.main]),
                self.link,
                sources,
                self.grid.revision,
            ]
        )
        self.widget.add_class("prospectif-app")
        self.widget.add_class(f"dashboard-{self.dashboard.name}")
        self._layout_mode()

    # -- events ---------------------------------------------------------------------------
    def _territory_typed(self, change: dict) -> None:
        code = self.finder.typed(change["new"])
        if code is not None:
            self.state = replace(self.state, territory=code)
            self.refresh()

    def _preset_picked(self, change: dict) -> None:
        if change["new"] is None or self._quiet_picker:
            return
        self._remember("preset")
        self.state = replace(self.state, scenario=change["new"], changes=())
        self.panel.show(resolve(self.state))
        self.refresh()

    def _assumptions_moved(self, key: str, typed: bool) -> None:
        base = base_scenario(self.state.scenario, self.state.horizon).assumptions()
        changes = {k: v for k, v in self.panel.values().items() if v != base[k]}
        if tuple(sorted(changes.items())) != self.state.changes:
            self._remember(key, merge=not typed)
        self.state = self.state.with_changes(changes)
        self.refresh()

    def current_run(self) -> ChainRun:
        """The run of the setting on screen."""
        scenario = self.exported_scenario()
        return self.runs.get(self.state.territory, scenario, self.dashboard.models)[0]

    def apply_changes(self, changes: dict[str, object]) -> None:
        """Put ``changes`` (dotted keys, e.g. a goal seek's answer) on the sliders and redraw."""
        base = base_scenario(self.state.scenario, self.state.horizon).assumptions()
        moved = {**dict(self.state.changes), **changes}
        self.state = self.state.with_changes({k: v for k, v in moved.items() if v != base[k]})
        self.panel.show(resolve(self.state))
        self.refresh()

    def save_changes(self, name: str, changes: dict[str, object]) -> None:
        """Put ``changes`` on the sliders and save the setting as the variant ``name``."""
        with self.coalesced():
            self.apply_changes(changes)
            self.variants.name.value = name
            self.variants.save()

    def _reset(self) -> None:
        if self.state.changes:
            self._remember("reset")
        self.state = self.state.with_changes({})
        self.panel.show(resolve(self.state))
        self.refresh()

    def _remember(self, cause: str, merge: bool = True) -> None:
        """Keep the setting on screen in the undo stack before a move of ``cause``."""
        self.history.record((self.state.scenario, self.state.changes), cause, merge)
        self.undo_button.disabled = False

    def undo(self) -> None:
        """Go back to the setting before the last move (a slider, a typed value, a reset, a
        change of starting scenario); moves of one slider in a row are one step.
        """
        setting = self.history.undo()
        self.undo_button.disabled = not len(self.history)
        if setting is None:
            return
        scenario, changes = setting
        self._pick_quietly(scenario)
        self.state = replace(self.state, scenario=scenario, changes=changes)
        self.panel.show(resolve(self.state))
        self.refresh()

    def _pick_quietly(self, scenario: str | Path) -> None:
        """Show ``scenario`` in the picker without it counting as the room's move."""
        self._quiet_picker = True
        try:
            self.scenario_picker.value = scenario
        finally:
            self._quiet_picker = False

    def _value_problem(self, problem: Message | None) -> None:
        if problem is None:
            self.messages.clear("value")
        else:
            self.messages.show("value", "error", problem)

    def _variants_moved(self) -> None:
        """A variant saved, renamed or deleted, or those compared changed."""
        with self.coalesced():
            self._offer_compared()  # a variant saved is a file the synthesis may compare
            self.refresh()

    def _offer_compared(self) -> None:
        """The scenarios offered for comparison (presets, workshop files), the choice kept."""
        if not self.dashboard.compares:
            return
        chosen = self.state.compared or FULL_PRESETS
        files = [c for c in chosen if isinstance(c, Path)]
        self._offering = True  # new options are not a director's choice
        try:
            self.compared.options = compare_options(self.dashboard, self.lang, files)
            self.compared.value = tuple(v for _, v in self.compared.options if v in chosen)
        finally:
            self._offering = False

    def _compared_changed(self, change: dict) -> None:
        chosen = tuple(change["new"])
        if self._offering:
            return
        if not MIN_COMPARED <= len(chosen) <= MAX_COMPARED:
            count = Message("ui.compare_count", {"count": len(chosen)})
            self.messages.show("compared", "warning", count)
            return
        self.messages.clear("compared")
        default = set(chosen) == set(FULL_PRESETS)
        self.state = replace(self.state, compared=() if default else chosen)
        self.refresh()

    def exported_scenario(self) -> Scenario:
        """The scenario on screen, as exported: the preset itself when nothing moved, else a
        new scenario (a saved variant's, or ``<preset>-variante-<hash>``).
        """
        base = base_scenario(self.state.scenario, self.state.horizon)
        return exported_scenario(
            base,
            base_ids(self.state.scenario),
            dict(self.state.changes),
            self.variants.scenarios().values(),
        )

    def exported_yaml(self) -> tuple[str, bytes]:
        """File name and content of the scenario on screen as a scenario file."""
        scenario = self.exported_scenario()
        return scenario_export(scenario, base_ids(self.state.scenario), dict(self.state.changes))

    def _exports(self) -> Prepared:
        """The scenario file, the results (CSV, Excel) and their metadata, on screen."""
        scenario = self.exported_scenario()
        _, table = self.runs.get(self.state.territory, scenario, self.dashboard.models)
        base = base_scenario(self.state.scenario, self.state.horizon)
        hypotheses = hypotheses_sheet(scenario, base, self.lang)
        stem = self._file_stem(scenario.id)  # the files name what they hold
        links = export_links(self.exported_yaml(), table, stem, self.lang, hypotheses)
        return links, (self.state.territory, scenario.hash)

    def _report(self) -> Prepared:
        """The 4-page report of the setting on screen, printed."""
        run, table = self.runs.get(self.state.territory, self.exported_scenario(), MODELS)
        pdf = report_pdf(run, table, self.lang)
        label = text("download_report", self.lang)
        link = download_link(pdf, f"{self._file_stem('rapport-4-pages')}.pdf", label)
        return link, (self.state.territory, run.scenario.hash)

    def _layout_mode(self) -> None:
        """Presentation (figures two by two, no panel) or workshop layout. The page's script
        (Voilà template) redraws each figure at its new cell's width; the panel is only hidden,
        so showing it again finds every slider, variant and export as it was.
        """
        presenting = self.presentation.value
        self.state = replace(self.state, presentation=presenting)
        self.side.layout.display = "none" if presenting else None
        if not presenting:
            self.panel.unfold()
        self.main.layout.width = "100%" if presenting else "66%"
        self.grid.set_columns(presenting)
        if presenting:
            self.widget.add_class("prospectif-presenting")
        else:
            self.widget.remove_class("prospectif-presenting")
        self._update_link()

    def _update_link(self) -> None:
        shown = replace(self.state, variants=self.variants.links())
        other = replace(shown, lang="en" if self.lang == "fr" else "fr")
        self.link.value = (
            f'<a class="prospectif-link" href="?{html.escape(to_query(shown))}" '
            f'target="_blank">{text("link", self.lang)}</a> · '
            f'<a class="prospectif-language" href="?{html.escape(to_query(other))}">'
            f"{text('other_language', self.lang)}</a>"
        )

    # -- computation ----------------------------------------------------------------------
    def _file_stem(self, key: str) -> str:
        return f"{self.dashboard.name}-{self.state.territory}-{key}"

    def context(self) -> Context:
        """The runs on screen (current setting first, then the variants compared)."""
        models = self.dashboard.models
        current = self.runs.get(self.state.territory, self.exported_scenario(), models)
        labelled = [(text("current", self.lang), *current)]
        variants = self.variants.scenarios()
        for name in self.variants.compared:
            labelled.append((name, *self.runs.get(self.state.territory, variants[name], models)))
        return Context(
            runs=tuple((label, run) for label, run, _ in labelled),
            tables=tuple(table for _, _, table in labelled),
            year=self.year.value,
            lang=self.lang,
            choice=self.choice.value or "",
            compared=compared_scenarios(self.state),
            bands=self._bands(),
            tab=self.tabs.value,
        )

    def _bands(self) -> pd.DataFrame | None:
        """The quantiles of the setting on screen when the bands are on (else None); a
        territory they cannot be drawn for says so and shows none.
        """
        if not self.uncertainty.value:
            self.messages.clear("bands")
            return None
        try:
            bands = self.bands.get(self.state.territory, self.exported_scenario())
        except ProspectifError as exc:
            self.messages.show("bands", "warning", exc.message)
            return None
        self.messages.clear("bands")
        return bands

    @contextmanager
    def coalesced(self) -> Iterator[None]:
        """Run the refreshes asked for inside the block as one, at its end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
        if not self._held and self._pending:
            self.refresh()

    def refresh(self) -> None:
        """Compute one run of the view on screen and draw every output from it.

        A refresh asked for while another computes (an observer fired by the year slider or
        the variant list) makes the older one stop before drawing: numbered by
        ``_generation``, only the newest draws.
        """
        if self._held:
            self._pending = True
            return
        self._pending = False
        self._generation += 1
        generation = self._generation
        self.status.value = f"<i>{text('computing', self.lang)}</i>"
        try:
            context = self._context_with_year()
        except ProspectifError as exc:
            self.messages.show("run", "error", Message("ui.error", {"message": exc.message}))
            self.status.value = ""
            return
        self.messages.clear("run")
        if generation != self._generation:
            return  # a newer refresh has drawn
        self._draw(context)
        self.status.value = ""
        self.grid.number(generation)

    def _context_with_year(self) -> Context:
        context = self.context()
        years = context.current.demography.years
        if not self.year_known or self.year.max != int(years[-1]):
            self.year.unobserve_all("value")
            self.year.max = int(years[-1])
            self.year.min = int(years[0])
            self.year.value = int(years[-1])
            self.year.observe(lambda _: self.refresh(), names="value")
            self.year_known = True
            context = replace(context, year=self.year.value)
        return context

    def _draw(self, context: Context) -> None:
        run = context.current
        for downloads in (self.exports, self.report):
            downloads.follow((self.state.territory, run.scenario.hash))
        self.grid.draw(context)
        shown = self.dashboard.shown(context)
        self.choice.layout.display = None if any(s.uses_choice for s in shown) else "none"
        self.year.layout.display = (
            None if any(s.uses_year for s in self.dashboard.figures) else "none"
        )
        self.indicators.value = indicator_table(self.dashboard, context)
        notes = [note(context) for note in self.dashboard.notes]
        if context.bands is not None:
            notes.insert(0, bands_note(context.bands, self.lang))
        self.notes.value = "".join(notes)
        self.title.value = (
            f"<h1>{html.escape(pick(self.dashboard.title, self.lang))} — "
            f"{html.escape(run.territory.name)}</h1>"
            f"<div style='font-size:18px'>{html.escape(run.scenario.label.get(self.lang))}</div>"
        )
        self._update_link()
        self.levers.outdated(run)
        self.sources.value = sources_html(
            self.dashboard, run.scenario, run.demography.structure, self.lang
        )
