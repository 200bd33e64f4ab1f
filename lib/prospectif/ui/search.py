"""What the dashboards offer to choose from: territories found by a search, presets that
change what a dashboard shows.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from ..errors import ProspectifError
from ..i18n import format_number
from ..messages import Message
from ..scenario import FULL_PRESETS, list_presets, preset_models, presets_dir
from ..territory import directory, get_territory, search
from .notices import Notices
from .spec import Dashboard
from .state import base_scenario, scenario_files_state
from .texts import pick

KIND_NAMES = {
    "FR": ("pays", "country"),
    "FR-METRO": ("pays", "country"),
    "REG": ("région", "region"),
    "DEP": ("département", "département"),
    "EPCI": ("intercommunalité", "intercommunality"),
    "COM": ("commune", "commune"),
    "PER": ("périmètre", "perimeter"),
}


def result_label(row, names: dict[str, str], lang: str) -> str:
    """One search result in words: « Bretagne — commune, Territoire de Belfort (90),
    265 hab. (COM-90019) », so results of the same name can be told apart.
    """
    parts = [pick(KIND_NAMES.get(row.kind, (row.kind, row.kind)), lang)]
    if row.dep and row.kind != "DEP":
        parts.append(f"{names.get('DEP-' + row.dep, row.dep)} ({row.dep})")
    people = format_number(float(row.population), 0, lang) + pick((" hab.", " inh."), lang)
    return f"{row.name} — {', '.join(parts)}, {people} ({row.code})"


def territory_options(query: str, lang: str = "fr", limit: int = 12) -> dict[str, str]:
    """Search results by their label (see :func:`result_label`) → code, best first."""
    hits = search(query, limit=limit)
    names = dict(zip(directory()["code"], directory()["name"], strict=True))
    return {result_label(row, names, lang): row.code for row in hits.itertuples()}


CODE_PREFIXES = ("DEP-", "REG-", "EPCI-", "COM-", "PER-")


class TerritoryFinder:
    """What a territory search box does as the user types: list the results, tell when there
    is none (a warning under the cause ``territory``, cleared by the next good search), and
    give the code once a result (or a whole code such as ``DEP-71``) is chosen and known.
    """

    def __init__(self, box, notices: Notices, lang: str):
        self.box, self.notices, self.lang = box, notices, lang
        self.found: dict[str, str] = {}

    def typed(self, value: str) -> str | None:
        """The code chosen by the box's new ``value``, or None (the results are listed, or an
        unknown code is reported).
        """
        value = value.strip()
        code = self.found.get(value)
        if code is None and value.upper().startswith(CODE_PREFIXES):
            code = value.upper()
        if code is not None:
            try:
                code = get_territory(code).code
            except ProspectifError as exc:
                self.notices.show("territory", "error", exc.message)
                return None
            self.notices.clear("territory")
            return code
        if value:
            self.found = territory_options(value, self.lang)
            self.box.options = tuple(self.found)
            if self.found:
                self.notices.clear("territory")
            else:
                self.notices.show("territory", "warning", Message("ui.no_result", {"query": value}))
        return None


def dashboard_presets(dashboard: Dashboard) -> list[str]:
    """Presets that change what ``dashboard`` shows (they set a model it reads): the full
    transition presets first (:data:`~prospectif.scenario.FULL_PRESETS`), then the fullest
    (those setting the most models), then by id.
    """
    models = _models_of_presets(scenario_files_state())
    shown = [p for p, m in models.items() if m & set(dashboard.models)]
    return sorted(shown, key=lambda p: (p not in FULL_PRESETS, -len(models[p])))


@functools.lru_cache(maxsize=4)
def _models_of_presets(files: tuple) -> dict[str, frozenset[str]]:
    """The models each preset sets, kept per state of the preset ``files`` (the key only):
    reading the 26 presets and their parents takes about 0,15 s, and a dashboard asks three
    times while it builds.
    """
    return {preset: preset_models(preset) for preset in list_presets()}


def preset_options(dashboard: Dashboard, lang: str) -> list[tuple[str, str]]:
    """Dropdown options ``(label, id)`` of the presets of ``dashboard`` (see
    :func:`dashboard_presets`).
    """
    return [
        (f"{base_scenario(i, 2070).label.get(lang)} ({i})", i) for i in dashboard_presets(dashboard)
    ]


MAX_FILES = 40
"""Workshop variant files offered for comparison at most (the newest days first)."""


def compare_options(
    dashboard: Dashboard, lang: str, files: Iterable[Path] = ()
) -> list[tuple[str, str | Path]]:
    """Options ``(label, preset id or file)`` of the scenarios a dashboard may compare: its
    presets (full ones first), then the variant files saved in workshops
    (``scenarios/ateliers/<date>/``, newest day first, :data:`MAX_FILES` at most), then
    ``files``. A file that cannot be read is not offered.
    """
    options: list[tuple[str, str | Path]] = list(preset_options(dashboard, lang))
    saved = sorted(presets_dir().glob("ateliers/*/*.yaml"), reverse=True)[:MAX_FILES]
    for path in dict.fromkeys([*saved, *files]):
        try:
            label = base_scenario(path, 2070).label.get(lang)
        except ProspectifError:
            continue
        options.append((f"{label} ({path.parent.name}/{path.name})", path))
    return options
