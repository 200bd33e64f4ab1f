"""What the dashboards offer to choose from: territories found by a search, presets that
change what a dashboard shows.
"""

from __future__ import annotations

from ..i18n import format_number
from ..scenario import list_presets, preset_models
from ..territory import directory, search
from .spec import Dashboard
from .state import base_scenario
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


def dashboard_presets(dashboard: Dashboard) -> list[str]:
    """Presets that change what ``dashboard`` shows (they set a model it reads), the fullest
    first (those setting the most models: the transition scenarios before a demography or an
    ageing variant), then by id.
    """
    models = {preset: preset_models(preset) for preset in list_presets()}
    shown = [p for p, m in models.items() if m & set(dashboard.models)]
    return sorted(shown, key=lambda p: -len(models[p]))


def preset_options(dashboard: Dashboard, lang: str) -> list[tuple[str, str]]:
    """Dropdown options ``(label, id)`` of the presets of ``dashboard`` (see
    :func:`dashboard_presets`).
    """
    return [
        (f"{base_scenario(i, 2070).label.get(lang)} ({i})", i) for i in dashboard_presets(dashboard)
    ]
