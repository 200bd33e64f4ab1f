"""« Ce qui pèse le plus » and « Que faudrait-il pour atteindre l'objectif ? » in a dashboard.

Two parts under the figures: the tornado of the setting on screen (computed on demand: it runs
the chain about sixty times), and goal seeking, whose answer is put on the sliders or saved as a
variant by the dashboard (:class:`~prospectif.ui.app.DashboardApp`). The wording of an answer
(:func:`answer`) also serves the command line and the report.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ..analysis import TARGETS, Sensitivity, Solution, sensitivity, solve, target_of
from ..analysis.sensitivity import KEY_OUTPUTS
from ..errors import ProspectifError
from ..i18n import format_number
from ..messages import Message, message
from ..pipeline import MODELS_OF_SECTION, ChainRun
from ..results.registry import VARIABLES
from ..results.registry import label as variable_label
from ..results.unit_labels import unit_label
from ..results.verdicts import signed
from ..scenario import MODEL_SECTIONS
from ..scenario.ranges import Bounds, plausible_bounds
from ..viz.sensitivity import tornado_figure
from .figures import LiveFigureWidget, figure_widget, update_in_place
from .panel import decimals_of
from .texts import text
from .units import unit_label as assumption_unit

DECIMALS = {"Population": 0}
"""Decimals of the tornado's values (0 unless listed)."""
ANSWERS = {
    "met": "goal.met",
    "solved": "goal.solved",
    "unreachable": "goal.unreachable",
    "no_effect": "goal.no_effect",
}
"""The message of each status of a goal seek."""


def _plain(words: str) -> str:
    """``words`` safe in HTML (quotes kept: « l'objectif »)."""
    return html.escape(words, quote=False)


def lever_value(b: Bounds, value: float, lang: str) -> str:
    """A lever's value as its slider shows it."""
    return format_number(value, decimals_of(b.step), lang)


def _levers_text(solution: Solution, lang: str) -> str:
    parts = []
    for b in solution.levers:
        if b.key not in solution.changes:
            continue
        value = solution.changes[b.key]
        part = message(
            "goal.lever",
            lang,
            label=b.label_in(lang),
            value=lever_value(b, value, lang),
            unit=assumption_unit(b.unit, lang),
            start=lever_value(b, solution.start[b.key], lang),
        )
        if b.plausible and not b.plausible[0] <= value <= b.plausible[1]:
            low, high = (lever_value(b, v, lang) for v in b.plausible)
            part += message("goal.implausible", lang, low=low, high=high)
        parts.append(part)
    return message("goal.and", lang).join(parts)


def answer(solution: Solution, lang: str = "fr") -> str:
    """The answer in plain words, e.g. « Pour atteindre l'objectif Émissions en 2050 (objectif
    SNBC : 560 kt CO2e), il faudrait : Rythme de rénovation à 3,2 % des logements par an
    (scénario : 0,3), au-delà de la plage plausible (0,3 à 2). On obtient alors … ».
    """
    t = solution.target
    decimals = t.decimals

    def shown(value: float) -> str:
        return format_number(value, decimals, lang)

    gap_pct = signed(100.0 * solution.gap / solution.goal, 0, lang) if solution.goal else "—"
    return message(
        ANSWERS[solution.status],
        lang,
        indicator=Message(t.name),
        year=t.year,
        unit=message(t.unit, lang),
        target=shown(solution.goal),
        target_name=Message("goal.target.given" if solution.given_goal else t.target_name),
        value=shown(solution.value),
        start=shown(solution.start_value),
        levers=_levers_text(solution, lang),
        gap=signed(solution.gap, decimals, lang),
        gap_pct=gap_pct,
    )


def target_label(target_id: str, lang: str) -> str:
    """« Émissions en 2050 — objectif SNBC »."""
    t = target_of(target_id)
    return f"{message(t.name, lang)} {t.year} — {message(t.target_name, lang)}"


def levers_for(target_id: str, keys: tuple[str, ...]) -> tuple[Bounds, ...]:
    """The key assumptions among ``keys`` (the dashboard's sliders) that can move the target,
    the sector's own levers first (energy before mobility, demography last).
    """
    models = set(target_of(target_id).models)
    found = [
        b
        for b in plausible_bounds()
        if b.key in keys and models & set(MODELS_OF_SECTION[b.key.split(".")[0]])
    ]
    return tuple(sorted(found, key=lambda b: -MODEL_SECTIONS.index(b.key.split(".")[0])))


class LeversPanel(w.Accordion):
    """The tornado of ``outputs`` and goal seeking for ``targets`` with the levers among
    ``keys``; ``current`` gives the run on screen, ``apply`` puts changes on the sliders and
    ``save`` saves them as a variant under a name.
    """

    def __init__(
        self,
        outputs: tuple[str, ...],
        targets: tuple[str, ...],
        keys: tuple[str, ...],
        lang: str,
        current: Callable[[], ChainRun],
        apply: Callable[[dict[str, object]], None],
        save: Callable[[str, dict[str, object]], None],
    ):
        self.lang, self.lever_keys = lang, keys
        self.outputs = tuple(o for o in KEY_OUTPUTS if o.variable in outputs)
        self._current, self._apply, self._save = current, apply, save
        self.result: Sensitivity | None = None
        self.solution: Solution | None = None
        self.figure: LiveFigureWidget | None = None
        children, titles = [], []
        if self.outputs:
            children.append(self._tornado_part())
            titles.append(text("sensitivity_title", lang))
        if targets:
            children.append(self._goal_part(targets))
            titles.append(text("goal_title", lang))
        super().__init__(children=children, titles=titles, selected_index=None)
        self.add_class("prospectif-levers")

    # -- tornado ----------------------------------------------------------------------------
    def _tornado_part(self) -> w.Widget:
        lang = self.lang
        self.output_picker = w.Dropdown(
            options=[(variable_label(o.variable, lang), o.variable) for o in self.outputs],
            description=text("sensitivity_output", lang),
            style={"description_width": "initial"},
            layout={"width": "520px"},
        )
        self.output_picker.observe(lambda _: self._draw_tornado(), names="value")
        self.tornado_button = w.Button(description=text("sensitivity_run", lang))
        self.tornado_button.add_class("prospectif-tornado-button")
        self.tornado_button.on_click(lambda _: self.compute_tornado())
        self.tornado_note = w.HTML()
        self.tornado_box = w.VBox()
        return w.VBox(
            [
                w.HTML(f"<div>{_plain(text('sensitivity_help', lang))}</div>"),
                w.HBox([self.output_picker, self.tornado_button]),
                self.tornado_note,
                self.tornado_box,
            ]
        )

    def compute_tornado(self) -> None:
        """The tornado of the setting on screen, drawn for the output chosen."""
        self.tornado_note.value = f"<i>{text('computing', self.lang)}</i>"
        chain = self._current()
        self.result = sensitivity(chain, self.outputs)
        self.tornado_note.value = ""
        self._draw_tornado()

    def _draw_tornado(self) -> None:
        if self.result is None:
            return
        variable, lang = self.output_picker.value, self.lang
        year = self.result.year(variable)
        title = f"{variable_label(variable, lang)} {year}"
        figure = tornado_figure(
            self.result,
            variable,
            title,
            unit_label(VARIABLES[variable].unit, lang),
            lang,
            DECIMALS.get(variable, 0),
        )
        if self.figure is None:
            self.figure = figure_widget(figure, f"tornado-{variable}")
            self.tornado_box.children = (self.figure,)
        else:
            update_in_place(self.figure, figure)

    def outdated(self, chain: ChainRun) -> None:
        """Say the tornado drawn was computed for another setting than ``chain``'s."""
        if self.result is not None and self.result.scenario.hash != chain.scenario.hash:
            self.tornado_note.value = f"<i>{_plain(text('sensitivity_stale', self.lang))}</i>"
        elif self.result is not None:
            self.tornado_note.value = ""

    # -- goal seeking -----------------------------------------------------------------------
    def _goal_part(self, targets: tuple[str, ...]) -> w.Widget:
        lang = self.lang
        self.target_picker = w.Dropdown(
            options=[(target_label(t, lang), t) for t in targets if t in TARGETS],
            description=text("goal_target", lang),
            style={"description_width": "initial"},
            layout={"width": "560px"},
        )
        self.lever_picker = w.SelectMultiple(
            description=text("goal_levers", lang),
            rows=6,
            style={"description_width": "initial"},
            layout={"width": "560px"},
        )
        self.target_picker.observe(lambda _: self._offer_levers(), names="value")
        self._offer_levers()
        self.solve_button = w.Button(description=text("goal_run", lang))
        self.solve_button.add_class("prospectif-solve-button")
        self.solve_button.on_click(lambda _: self.seek())
        self.answer = w.HTML()
        self.answer.add_class("prospectif-goal-answer")
        self.apply_button = w.Button(description=text("goal_apply", lang), disabled=True)
        self.apply_button.on_click(lambda _: self.apply())
        self.save_button = w.Button(description=text("goal_save", lang), disabled=True)
        self.save_button.on_click(lambda _: self.save())
        return w.VBox(
            [
                w.HTML(f"<div>{_plain(text('goal_help', lang))}</div>"),
                self.target_picker,
                self.lever_picker,
                self.solve_button,
                self.answer,
                w.HBox([self.apply_button, self.save_button]),
            ]
        )

    def _offer_levers(self) -> None:
        target = self.target_picker.value
        levers = levers_for(target, self.lever_keys) if target else ()
        self.lever_picker.options = [(b.label_in(self.lang), b.key) for b in levers]
        self.lever_picker.value = tuple(b.key for b in levers[:1])

    def seek(self) -> None:
        """Solve the target chosen with the levers chosen, on the setting on screen."""
        self.solution = None
        self.answer.value = f"<i>{text('computing', self.lang)}</i>"
        try:
            self.solution = solve(
                self._current(), self.target_picker.value, self.lever_picker.value
            )
        except ProspectifError as exc:
            self.answer.value = f"<b>{_plain(exc.render(self.lang))}</b>"
        else:
            shown = _plain(answer(self.solution, self.lang))
            self.answer.value = f"<p>{shown}</p>"
        ready = self.solution is not None and self.solution.status == "solved"
        self.apply_button.disabled = self.save_button.disabled = not ready

    def apply(self) -> None:
        """Put the levers found on the sliders."""
        if self.solution is not None:
            self._apply(dict[str, object](self.solution.changes))

    def save(self) -> None:
        """Put the levers found on the sliders and save the setting as a variant."""
        if self.solution is not None:
            name = text("goal_variant_name", self.lang, target=self.solution.target.id)
            self._save(name, dict[str, object](self.solution.changes))
