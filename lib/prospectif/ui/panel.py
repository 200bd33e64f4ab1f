"""The assumption panel, generated from the scenario schema: one slider per assumption.

Labels, units, ranges, steps and sources come from the schema (``assumption(...)``), so a new
assumption appears in every dashboard without touching the interface.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

import ipywidgets as w
from pydantic import BaseModel

from ..errors import InputError
from ..i18n import format_number, parse_number
from ..messages import Message
from ..scenario import Scenario, section_models
from ..scenario.fields import assumption_meta
from ..scenario.ranges import step_decimals
from .texts import MODEL_TITLES, pick, text
from .units import choice_label, unit_label

YEAR_UNIT = "année"
"""Years are shown without a thousands separator."""


@dataclass(frozen=True)
class Control:
    """What one assumption's control needs: key, kind, bounds, labels, source."""

    key: str
    kind: str
    """``float``, ``int`` or ``choice``."""
    label: str
    unit: str
    source: str
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple[str, ...] = ()

    def rounded(self, value: object) -> object:
        """``value`` on this control's grid (``2.0300000000000002`` → ``2.03`` for a step of
        0.01); choices and whole numbers as they are.
        """
        if self.kind != "float" or not isinstance(value, float):
            return value
        return round(value, step_decimals(self.step))

    def shown(self, value: float | int | str, lang: str) -> str:
        """``value`` as the panel writes it: a choice's label, a year as is, a number the
        French way on this control's grid ('1,80', '70 000').
        """
        if self.kind == "choice":
            return choice_label(self.key, str(value), lang)
        if self.unit in (YEAR_UNIT, unit_label(YEAR_UNIT, "en")):
            return str(int(value)) if float(value).is_integer() else str(value)
        return format_number(float(value), decimals_of(self.step), lang)

    def exact(self, typed: str, lang: str) -> float | int:
        """The value typed for this (numeric) control, on its grid; InputError (catalogued,
        in both languages) if it is not a number, not whole for a whole control, or outside
        the allowed range.
        """
        value = parse_number(typed, lang)
        low, high = float(self.low or 0), float(self.high or 0)  # numeric controls have both
        example = self.shown(low, lang)
        if value is None or not math.isfinite(value):
            raise InputError(
                "ui.value_unreadable", value=typed.strip()[:30], label=self.label, example=example
            )
        said = format_number(value, max(decimals_of(self.step), _decimals_typed(value)), lang)
        if not low <= value <= high:
            raise InputError(
                "ui.value_out_of_range",
                value=said,
                label=self.label,
                low=self.shown(low, lang),
                high=self.shown(high, lang),
                unit=self.unit,
            )
        if self.kind == "int":
            if not value.is_integer():
                raise InputError("ui.value_not_whole", value=said, label=self.label)
            return int(value)
        return round(value, step_decimals(self.step))


def _decimals_typed(value: float) -> int:
    """Decimals to show of a typed ``value`` (at most 4), so 3,52 is not said as 3,5."""
    return len(f"{value:.4f}".rstrip("0").split(".")[1])


@dataclass(frozen=True)
class Group:
    """Controls of one section, under a plain-language title."""

    title: str
    controls: tuple[Control, ...]


def control_for(section: type[BaseModel], path: str, name: str, lang: str) -> Control | None:
    """The control of assumption ``name`` of ``section``, or None if no widget fits it."""
    meta = assumption_meta(section, name)
    annotation = section.model_fields[name].annotation
    common = {
        "key": f"{path}.{name}",
        "label": meta.get("label_en" if lang == "en" else "label_fr", name),
        "unit": unit_label(meta.get("unit", ""), lang),
        "source": meta.get("source", ""),
    }
    if typing.get_origin(annotation) is typing.Literal:
        return Control(kind="choice", options=tuple(typing.get_args(annotation)), **common)
    if annotation in (int, float) and "ge" in meta and "le" in meta:
        step = meta.get("step", 1 if annotation is int else (meta["le"] - meta["ge"]) / 100)
        return Control(
            kind=annotation.__name__, low=meta["ge"], high=meta["le"], step=step, **common
        )
    return None


def panel_groups(models: tuple[str, ...], lang: str = "fr") -> list[Group]:
    """Controls of the sections of ``models``, grouped by section, in the order of ``models``
    then of the schema.
    """
    sections = section_models()
    groups: list[tuple[int, Group]] = []
    for path, section in sections.items():
        if path.split(".")[0] not in models:
            continue
        controls = tuple(
            c
            for name in section.model_fields
            if f"{path}.{name}" not in sections
            and (c := control_for(section, path, name, lang)) is not None
        )
        if controls:
            title = (section.__doc__ or path).strip().splitlines()[0].rstrip(".")
            rank = models.index(path.split(".")[0])
            groups.append((rank, Group(_section_title(path, title, lang), controls)))
    return [group for _, group in sorted(groups, key=lambda item: item[0])]


def _section_title(path: str, fallback: str, lang: str) -> str:
    model = MODEL_TITLES.get(path.split(".")[0])
    parts = path.split(".")
    if model and len(parts) == 1:
        return pick(model, lang)
    title = SECTION_TITLES.get(path)
    return pick(title, lang) if title else fallback


SECTION_TITLES: dict[str, tuple[str, str]] = {
    "demography.fertility": ("Fécondité", "Fertility"),
    "demography.mortality": ("Espérance de vie", "Life expectancy"),
    "demography.migration": ("Migrations", "Migration"),
    "ageing.prevalence": ("Perte d'autonomie selon l'âge", "Loss of autonomy by age"),
    "ageing.policy": ("Politiques de l'autonomie", "Care policy"),
    "mobility.demand": ("Besoins de déplacement", "Travel demand"),
    "mobility.avoid": ("Éviter : télétravail et proximité", "Avoid: telework and proximity"),
    "mobility.shift": ("Reporter vers d'autres modes", "Shift to other modes"),
    "mobility.improve": (
        "Améliorer : covoiturage et efficacité",
        "Improve: carpooling and efficiency",
    ),
    "mobility.fleet": ("Parc automobile et électrification", "Car fleet and electrification"),
    "energy.residential": ("Logements", "Dwellings"),
    "energy.tertiary": ("Bâtiments tertiaires", "Tertiary buildings"),
    "energy.activity": ("Industrie et agriculture", "Industry and agriculture"),
    "energy.renewables": ("Production renouvelable locale", "Local renewable production"),
    "energy.emission_factors": ("Facteurs d'émission", "Emission factors"),
    "energy.prices": ("Prix de l'énergie", "Energy prices"),
    "emissions.farming": ("Élevage et cultures", "Livestock and crops"),
    "emissions.freight": ("Transport de marchandises", "Goods transport"),
    "emissions.waste_processes": (
        "Déchets et procédés industriels",
        "Waste and industrial processes",
    ),
    "services.schools": ("Écoles : scolarisation, classes, enseignants", "Schools"),
    "services.childcare": ("Accueil du jeune enfant", "Childcare"),
    "services.health": ("Médecins généralistes", "General practitioners"),
    "services.housing": ("Ménages et logements", "Households and dwellings"),
}
"""French and English titles of the scenario sections (a test checks none is missing)."""


def decimals_of(step: float | None) -> int:
    """Decimals needed to show values on a grid of ``step``."""
    if not step or step >= 1:
        return 0
    return min(4, max(0, -math.floor(math.log10(step) + 1e-9)))


class AssumptionPanel(w.VBox):
    """Sliders of every assumption of some models, calling ``on_change(key, typed)`` once per
    user move; beside each numeric slider, a box to type an exact value (French or English
    decimals; ``typed`` is then true), refused with a message given to ``on_problem`` (None
    when the typing is fixed).

    Only the open section's sliders exist at first: a section's widgets are built the first
    time it is opened (or one of its sliders is asked for in :attr:`sliders`), so a dashboard
    of every model (the synthesis: 90 assumptions) sends the page a few dozen widgets, not
    hundreds. Sections never opened keep the values of the scenario last shown. A panel made
    ``folded`` (hidden in presentation mode) builds none until :meth:`unfold`.
    """

    def __init__(
        self,
        models: tuple[str, ...],
        lang: str,
        on_change: Callable[[str, bool], None],
        on_problem: Callable[[Message | None], None] = lambda _: None,
        folded: bool = False,
    ):
        self.lang = lang
        self._on_change = on_change
        self._on_problem = on_problem
        self._quiet = False
        self._groups = panel_groups(models, lang)
        self.controls: dict[str, Control] = {
            c.key: c for group in self._groups for c in group.controls
        }
        self._section_of = {
            c.key: number for number, group in enumerate(self._groups) for c in group.controls
        }
        self._shown: dict[str, object] = {}
        """The values of the scenario last shown, for the sections not built yet."""
        self._built: dict[str, w.ValueWidget] = {}
        self._readouts: dict[str, w.Label | w.Text] = {}
        self.sliders = Sliders(self)
        self._typing = False
        self.reset_button = w.Button(description=text("reset", lang), layout={"width": "auto"})
        self._sections = [w.VBox(layout={"padding": "0 4px"}) for _ in self._groups]
        self._accordion = w.Accordion(
            children=self._sections, titles=[g.title for g in self._groups]
        )
        self._ever_opened = False
        """Whether a section was opened (a lever may build one that stays closed)."""
        self._accordion.observe(self._opened, names="selected_index")
        if not folded:
            self.unfold()
        super().__init__([self.reset_button, self._accordion], layout={"width": "100%"})
        self.add_class("prospectif-panel")

    def unfold(self) -> None:
        """Open the first section if none was ever opened (the panel is about to be seen)."""
        if self._sections and not self._ever_opened:
            self._accordion.selected_index = 0

    def _opened(self, change: dict) -> None:
        if change["new"] is not None:
            self._ever_opened = True
            self.build_section(change["new"])

    def build_section(self, number: int) -> None:
        """Create the sliders of section ``number`` (once), set to the values shown."""
        section = self._sections[number]
        if section.children:
            return
        rows = [self._row(control) for control in self._groups[number].controls]
        self._quiet = True
        try:
            for control in self._groups[number].controls:
                if control.key in self._shown:
                    self._built[control.key].value = self._shown[control.key]
                    self._show_readout(control.key)
        finally:
            self._quiet = False
        section.children = rows

    def _row(self, control: Control) -> w.Widget:
        if control.kind == "choice":
            options = [(choice_label(control.key, o, self.lang), o) for o in control.options]
            slider = w.Dropdown(options=options, layout={"width": "95%"})
        else:
            cls = w.IntSlider if control.kind == "int" else w.FloatSlider
            slider = cls(
                min=control.low,
                max=control.high,
                step=control.step,
                readout=False,
                continuous_update=False,
                layout={"width": "70%"},
            )
        css_key = "key-" + control.key.replace(".", "-").replace("_", "-")
        slider.add_class("prospectif-slider")
        slider.add_class(css_key)
        if control.kind == "choice":  # the menu says its choice: no readout beside it
            readout: w.Label | w.Text = w.Label(layout={"display": "none"})
        else:
            readout = w.Text(continuous_update=False, layout={"width": "28%"})
            readout.add_class("prospectif-exact")
            readout.add_class(css_key)
            readout.observe(lambda _, key=control.key: self._typed(key), names="value")
        self._built[control.key] = slider
        self._readouts[control.key] = readout
        slider.observe(lambda change, key=control.key: self._moved(key), names="value")
        unit = f' <span style="color:#555">({control.unit})</span>' if control.unit else ""
        label = w.HTML(
            f'<span title="{control.source}" style="font-size:18px">{control.label}{unit}</span>'
        )
        return w.VBox([label, w.HBox([slider, readout])])

    def _moved(self, key: str) -> None:
        self._show_readout(key)
        if not self._quiet:
            self._on_change(key, self._typing)

    def _typed(self, key: str) -> None:
        if self._quiet:
            return
        try:
            value = self.controls[key].exact(self._readouts[key].value, self.lang)
        except InputError as exc:
            self._on_problem(exc.message)
            return
        self._on_problem(None)
        if value == self._built[key].value:
            self._show_readout(key)  # the same value, written on the grid
            return
        self._typing = True
        try:
            self._built[key].value = value
        finally:
            self._typing = False

    def _show_readout(self, key: str) -> None:
        self._quiet, quiet = True, self._quiet
        try:
            self._readouts[key].value = self.controls[key].shown(self._built[key].value, self.lang)
        finally:
            self._quiet = quiet

    def show(self, scenario: Scenario) -> None:
        """Set every control to ``scenario``'s values without calling ``on_change``."""
        self._shown = scenario.assumptions()
        self._quiet = True
        try:
            for key, slider in self._built.items():
                slider.value = self._shown[key]
                self._show_readout(key)
        finally:
            self._quiet = False

    def values(self) -> dict[str, object]:
        """Every control's value by dotted key, on its control's grid."""
        return {
            key: control.rounded(self._built[key].value if key in self._built else self._shown[key])
            for key, control in self.controls.items()
        }


class Sliders(Mapping[str, w.ValueWidget]):
    """The controls of a panel by dotted key; asking for one builds its section."""

    def __init__(self, panel: AssumptionPanel):
        self._panel = panel

    def __getitem__(self, key: str) -> w.ValueWidget:
        panel = self._panel
        panel.build_section(panel._section_of[key])  # KeyError for an unknown key
        return panel._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._panel.controls)

    def __len__(self) -> int:
        return len(self._panel.controls)
