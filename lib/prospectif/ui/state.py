"""What a view shows (territory, scenario, changed assumptions, language), and its URL form.

The query string of a dashboard's address carries the view, so a link opens exactly what a
workshop built: ``?territory=DEP-71&scenario=tendanciel&demography.fertility.tfr_target=1.7``.
Parsing never fails: each bad parameter is dropped with a one-line reason.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from ..errors import InputError, ProspectifError
from ..messages import Message
from ..scenario import Scenario, check_id, presets_dir, scenario_from_file, scenario_from_presets
from ..scenario.fields import assumption_meta
from ..territory import get_territory
from .texts import LANGS
from .variants import MAX_COMPARED, MAX_VARIANTS, VariantLink, parse_variant, variant_param

MAX_QUERY_LENGTH = 8192
"""Longer query strings are refused whole (characters)."""

HORIZON = assumption_meta(Scenario, "horizon")
"""The scenario schema's horizon (``ge``, ``le``): the years a URL may ask for."""

VIEW_KEYS = ("territory", "scenario", "horizon", "lang", "view")
VARIANT_KEY = "variant"
"""Each saved variant of the session, one ``variant=`` parameter (see :mod:`.variants`)."""
COMPARE_KEY = "compare"
"""Each scenario compared side by side, one ``compare=`` parameter (preset ids only: a link
may not name files on the server)."""
MIN_COMPARED = 2
"""Scenarios a comparison shows at least (at most: :data:`~.variants.MAX_COMPARED`)."""
PRESENTATION = "presentation"
WORKSHOP = "atelier"
VIEWS = (PRESENTATION, WORKSHOP)


@dataclass(frozen=True)
class ViewState:
    """A dashboard view: ``scenario`` is preset ids joined by commas or a scenario file (a
    batch's), ``changes`` the assumptions moved from it as ``(dotted key, value)`` pairs.
    """

    territory: str
    scenario: str | Path
    horizon: int
    changes: tuple[tuple[str, object], ...] = ()
    lang: str = "fr"
    presentation: bool = False
    variants: tuple[VariantLink, ...] = ()
    """The session's saved variants (and which are compared), so a link keeps them."""
    compared: tuple[str | Path, ...] = ()
    """The scenarios shown side by side (preset ids joined by commas, or scenario files), 2–4;
    empty: the dashboard's default (the four full presets)."""

    def with_changes(self, changes: dict[str, object]) -> ViewState:
        """The same view with ``changes`` as its moved assumptions."""
        return replace(self, changes=tuple(sorted(changes.items())))


@dataclass
class _Parsed:
    values: dict[str, object] = field(default_factory=dict)
    variants: list[VariantLink] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)


def base_scenario(reference: str | Path, horizon: int) -> Scenario:
    """The starting scenario of a view, preset ids joined by commas or a scenario file, with
    the given horizon.

    Kept while no scenario file it may read changes: the key holds the modification times of
    the presets and of the variant's folder, so a file edited on disk is read again.
    """
    return _read_scenario(reference, horizon, scenario_files_state(reference))


def scenario_files_state(reference: str | Path = "") -> tuple[tuple[str, int, int, int], ...]:
    """Name, modification time (ns), size and inode of every scenario file ``reference`` may
    read, the presets' only by default (files are replaced atomically on save, so each save
    changes the inode): a key for what is derived from them.
    """
    folders = [presets_dir()]
    if isinstance(reference, Path):
        folders.append(reference.parent)
    stats = ((path, path.stat()) for folder in folders for path in sorted(folder.glob("*.yaml")))
    return tuple((str(p), st.st_mtime_ns, st.st_size, st.st_ino) for p, st in stats)


@functools.lru_cache(maxsize=64)
def _read_scenario(reference: str | Path, horizon: int, files: tuple) -> Scenario:
    """The scenario of ``reference``, kept per state of the scenario ``files`` (the key only)."""
    if isinstance(reference, Path):
        return scenario_from_file(reference, horizon)
    return scenario_from_presets(reference, horizon)


def base_ids(reference: str | Path) -> tuple[str, ...]:
    """The preset ids a view starts from (none for a scenario file, which is self-contained)."""
    return () if isinstance(reference, Path) else tuple(reference.split(","))


def resolve(state: ViewState) -> Scenario:
    """The scenario a view shows: its base with the moved assumptions applied."""
    scenario = base_scenario(state.scenario, state.horizon)
    return scenario.with_values(dict(state.changes)) if state.changes else scenario


def compared_scenarios(state: ViewState) -> tuple[Scenario, ...]:
    """The scenarios a view compares, at its horizon (empty: the dashboard's default).

    Raises
    ------
    ScenarioError
        If one of them cannot be read.
    """
    return tuple(base_scenario(reference, state.horizon) for reference in state.compared)


def compare_references(text: str) -> tuple[str | Path, ...]:
    """The compared scenarios of a notebook's ``compare`` parameter: entries separated by
    « ; », each preset ids joined by commas or a scenario file (ending in ``.yaml``).

    Raises
    ------
    InputError
        Unless there are none or 2–4 of them.
    """
    entries = [e.strip() for e in text.split(";") if e.strip()]
    if entries and not MIN_COMPARED <= len(entries) <= MAX_COMPARED:
        raise InputError("ui.compare_entries", count=len(entries), value=text[:200])
    return tuple(Path(e) if e.endswith((".yaml", ".yml")) else e for e in entries)


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
    pairs += [(VARIANT_KEY, variant_param(v)) for v in state.variants]
    pairs += [(COMPARE_KEY, c) for c in state.compared if isinstance(c, str)]
    return urlencode(pairs)


def _plain(value: object) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def parse_query(query: str | None, defaults: ViewState) -> tuple[ViewState, list[Message]]:
    """The view a query string asks for, and the reasons for every parameter dropped."""
    query = (query or "").lstrip("?")
    if len(query) > MAX_QUERY_LENGTH:
        return defaults, [Message("url.too_long", {"limit": MAX_QUERY_LENGTH})]
    parsed = _Parsed()
    assumptions: dict[str, str] = {}
    compared: list[str] = []
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key in VIEW_KEYS:
            parsed.values[key] = value
        elif key == COMPARE_KEY:
            compared.append(value)
        elif key == VARIANT_KEY and len(parsed.variants) < MAX_VARIANTS:
            try:
                parsed.variants.append(parse_variant(value))
            except ProspectifError as exc:
                parsed.problems.append(exc.message)
        else:
            assumptions[key] = value
    state = replace(_view_values(parsed, defaults), variants=tuple(parsed.variants))
    try:
        scenario = base_scenario(state.scenario, state.horizon)
    except ProspectifError as exc:
        parsed.problems.append(exc.message)
        state = replace(state, scenario=defaults.scenario)
        scenario = base_scenario(state.scenario, state.horizon)
    changes = _assumption_changes(assumptions, scenario, parsed.problems)
    if compared:
        state = _compared(state, compared, parsed.problems)
    return state.with_changes(changes), parsed.problems


def _compared(state: ViewState, values: list[str], problems: list[Message]) -> ViewState:
    """The view comparing the presets ``values`` asks for, or unchanged with the reason."""
    if not MIN_COMPARED <= len(values) <= MAX_COMPARED:
        problems.append(Message("url.compare_count", {"count": len(values)}))
        return state
    try:
        chosen = tuple(_scenario(value) for value in values)
        compared_scenarios(replace(state, compared=chosen))
    except ProspectifError as exc:
        problems.append(exc.message)
        return state
    return replace(state, compared=chosen)


def _view_values(parsed: _Parsed, defaults: ViewState) -> ViewState:
    state = defaults
    for key, value in parsed.values.items():
        try:
            state = replace(state, **{FIELDS[key]: PARSERS[key](value)})
        except ProspectifError as exc:
            parsed.problems.append(exc.message)
    return state


def _territory(value: str) -> str:
    return get_territory(value).code


def _scenario(value: str) -> str:
    # preset ids only: a viewer may not name files on the server
    return ",".join(check_id(i, Message("what.scenario")) for i in value.split(","))


def _horizon(value: str) -> int:
    if value.isdigit() and HORIZON["ge"] <= int(value) <= HORIZON["le"]:
        return int(value)
    raise InputError("url.horizon", value=value[:20], low=HORIZON["ge"], high=HORIZON["le"])


def _choice(key: str, allowed: tuple[str, ...]):
    def parse(value: str) -> str:
        if value not in allowed:
            raise InputError("url.choice", key=key, value=value[:20], allowed=", ".join(allowed))
        return value

    return parse


PARSERS = {
    "territory": _territory,
    "scenario": _scenario,
    "horizon": _horizon,
    "lang": _choice("lang", LANGS),
    "view": lambda value: _choice("view", VIEWS)(value) == PRESENTATION,
}
FIELDS = {
    "view": "presentation",
    **{key: key for key in ("territory", "scenario", "horizon", "lang")},
}


def _assumption_changes(
    assumptions: dict[str, str], scenario: Scenario, problems: list[Message]
) -> dict[str, object]:
    known = scenario.assumptions()
    changes: dict[str, object] = {}
    for key, raw in assumptions.items():
        if key not in known:
            problems.append(Message("url.not_assumption", {"key": key[:60]}))
            continue
        try:
            value = scenario.with_values({key: raw}).assumptions()[key]
        except ProspectifError as exc:
            problems.append(exc.message)
            continue
        if value != known[key]:
            changes[key] = value
    return changes
