"""What a view shows (territory, scenario, changed assumptions, language), and its URL form.

The query string of a dashboard's address carries the view, so a link opens exactly what a
workshop built: ``?territory=DEP-71&scenario=tendanciel&demography.fertility.tfr_target=1.7``.
Parsing never fails: each bad parameter is dropped with a one-line reason.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode

from ..errors import ProspectifError
from ..scenario import Scenario, compose
from ..territory import get_territory
from .texts import LANGS

MAX_QUERY_LENGTH = 8192
"""Longer query strings are refused whole (characters)."""

VIEW_KEYS = ("territory", "scenario", "horizon", "lang", "view")
PRESENTATION = "presentation"
WORKSHOP = "atelier"
VIEWS = (PRESENTATION, WORKSHOP)


@dataclass(frozen=True)
class ViewState:
    """A dashboard view: ``scenario`` is preset ids joined by commas, ``changes`` the
    assumptions moved from it as ``(dotted key, value)`` pairs.
    """

    territory: str
    scenario: str
    horizon: int
    changes: tuple[tuple[str, object], ...] = ()
    lang: str = "fr"
    presentation: bool = False

    def with_changes(self, changes: dict[str, object]) -> ViewState:
        """The same view with ``changes`` as its moved assumptions."""
        return replace(self, changes=tuple(sorted(changes.items())))


@dataclass
class _Parsed:
    values: dict[str, object] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=64)
def base_scenario(scenario_ids: str, horizon: int) -> Scenario:
    """The preset(s) ``scenario_ids`` (comma-joined) with the given horizon (cached)."""
    return compose(scenario_ids.split(",")).with_values({"horizon": horizon})


def resolve(state: ViewState) -> Scenario:
    """The scenario a view shows: its base with the moved assumptions applied."""
    scenario = base_scenario(state.scenario, state.horizon)
    return scenario.with_values(dict(state.changes)) if state.changes else scenario


def to_query(state: ViewState, defaults: ViewState | None = None) -> str:
    """The query string of a view (without '?'); values equal to ``defaults`` are left out."""
    pairs = [("territory", state.territory), ("scenario", state.scenario)]
    if defaults is None or state.horizon != defaults.horizon:
        pairs.append(("horizon", str(state.horizon)))
    if state.lang != "fr":
        pairs.append(("lang", state.lang))
    if defaults is None or state.presentation != defaults.presentation:
        pairs.append(("view", PRESENTATION if state.presentation else WORKSHOP))
    pairs += [(key, _plain(value)) for key, value in state.changes]
    return urlencode(pairs)


def _plain(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def parse_query(query: str | None, defaults: ViewState) -> tuple[ViewState, list[str]]:
    """The view a query string asks for, and the reasons for every parameter dropped."""
    query = (query or "").lstrip("?")
    if len(query) > MAX_QUERY_LENGTH:
        return defaults, [f"query string longer than {MAX_QUERY_LENGTH} characters"]
    parsed = _Parsed()
    assumptions: dict[str, str] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in VIEW_KEYS:
            parsed.values[key] = value
        else:
            assumptions[key] = value
    state = _view_values(parsed, defaults)
    try:
        scenario = base_scenario(state.scenario, state.horizon)
    except ProspectifError as exc:
        parsed.problems.append(str(exc))
        state = replace(state, scenario=defaults.scenario)
        scenario = base_scenario(state.scenario, state.horizon)
    changes = _assumption_changes(assumptions, scenario, parsed.problems)
    return state.with_changes(changes), parsed.problems


def _view_values(parsed: _Parsed, defaults: ViewState) -> ViewState:
    state = defaults
    values, problems = parsed.values, parsed.problems
    if "territory" in values:
        try:
            state = replace(state, territory=get_territory(values["territory"]).code)
        except ProspectifError as exc:
            problems.append(str(exc))
    if "scenario" in values:
        state = replace(state, scenario=values["scenario"])
    if "horizon" in values:
        horizon = values["horizon"]
        if horizon.isdigit() and 2030 <= int(horizon) <= 2100:
            state = replace(state, horizon=int(horizon))
        else:
            problems.append(f"horizon={horizon[:20]!r}: a year from 2030 to 2100 is expected")
    if "lang" in values:
        if values["lang"] in LANGS:
            state = replace(state, lang=values["lang"])
        else:
            problems.append(f"lang={values['lang'][:20]!r}: expected one of {', '.join(LANGS)}")
    if "view" in values:
        if values["view"] in VIEWS:
            state = replace(state, presentation=values["view"] == PRESENTATION)
        else:
            problems.append(f"view={values['view'][:20]!r}: expected one of {', '.join(VIEWS)}")
    return state


def _assumption_changes(
    assumptions: dict[str, str], scenario: Scenario, problems: list[str]
) -> dict[str, object]:
    known = scenario.assumptions()
    changes: dict[str, object] = {}
    for key, raw in assumptions.items():
        if key not in known:
            problems.append(f"{key[:60]!r} is not a scenario assumption")
            continue
        try:
            value = scenario.with_values({key: raw}).assumptions()[key]
        except ProspectifError as exc:
            problems.append(str(exc))
            continue
        if value != known[key]:
            changes[key] = value
    return changes
