"""Batch definitions: the dashboards, territories and scenarios a batch runs (YAML files).

A batch file (see ``docs/batch.md``)::

    id: exemple
    label: Exemple
    dashboards: [demographie]
    territories:
      - DEP-71                               # a territory code
      - {selector: epci, of: DEP-71}         # the EPCI whose main département is DEP-71
      - {selector: departements}             # every département of France
    scenarios:
      - insee-central                        # a preset id, or ids joined by commas
      - ../ateliers/2026-11-23/*.yaml        # scenario files (a glob), relative to this file
    horizon: 2070

Loading checks the structure, the dashboards, the territory codes, the preset ids and that every
glob matches a file, and reports every problem at once, one line each, naming the file, the key,
the value and what is allowed. A scenario *file* that does not validate does not stop the batch:
its runs fail with the scenario's own message.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Final, Literal

from pydantic import Discriminator, Field, Tag, ValidationError

from ..errors import BatchError, InputFileError, ProspectifError, TerritoryError
from ..messages import Message, message
from ..resources import dashboards_dir
from ..scenario import Scenario, scenario_from_file, scenario_from_presets
from ..scenario.fields import Section, assumption_meta
from ..scenario.messages import EXPECTED, PROBLEMS
from ..scenario.schema import SCENARIO_ID_PATTERN
from ..yamlio import parse_yaml, read_yaml

FORMAT: Final = "prospectif-batch/1"
KINDS = {"regions": "REG", "departements": "DEP", "epci": "EPCI", "communes": "COM"}
"""Selector names and the territory kind each selects."""
WEIGHTED_KINDS = ("EPCI", "COM")
"""Territory kinds projected as shares of their départements' population."""
DESCENT = ("FR", "FR-METRO", "REG", "DEP", "EPCI", "COM")
"""Territory kinds from the largest; a selector descends from ``of`` to its kind."""
_HORIZON = assumption_meta(Scenario, "horizon")
_TAGS = {"code", "select"}


class Selector(Section):
    """Every territory of a kind inside a larger territory."""

    selector: Literal["regions", "departements", "epci", "communes"]
    """Kind of territory selected."""

    of: str = Field("FR", max_length=40)
    """The territory containing them (default: France); EPCI belong to their main département."""


def _entry_tag(value: Any) -> str:
    return "code" if isinstance(value, str) else "select"


TerritoryEntry = Annotated[
    Annotated[str, Tag("code"), Field(min_length=1, max_length=40)]
    | Annotated[Selector, Tag("select")],
    Discriminator(_entry_tag),
]


class BatchFile(Section):
    """The content of a batch YAML file."""

    format: Literal["prospectif-batch/1"] = FORMAT
    """File format and version."""

    id: str = Field(pattern=SCENARIO_ID_PATTERN)
    """Identifier (default: the file name without ``.yaml``)."""

    label: str = Field("", max_length=200)
    """Short French title, shown on the snapshot's index page."""

    description: str = Field("", max_length=2000)
    """What the batch is for."""

    dashboards: tuple[Annotated[str, Field(min_length=1, max_length=64)], ...] = Field(
        min_length=1, max_length=50
    )
    """Dashboard names: notebooks of ``dashboards/`` without ``.ipynb``."""

    territories: tuple[TerritoryEntry, ...] = Field(min_length=1, max_length=2000)
    """Territory codes and selectors."""

    scenarios: tuple[Annotated[str, Field(min_length=1, max_length=500)], ...] = Field(
        min_length=1, max_length=500
    )
    """Preset ids (or ids joined by commas), or scenario files and globs ending in ``.yaml``."""

    horizon: int = Field(_HORIZON["default"], ge=_HORIZON["ge"], le=_HORIZON["le"], strict=True)
    """Last year projected by every run (year)."""

    reports: bool | tuple[TerritoryEntry, ...] = True
    """Which runs execute their notebook and write a report: all (``true``), none (``false``:
    results only, computed by the library for many territories at once), or the runs of the
    territories listed (codes and selectors); the others give their results only."""

    compare: tuple[Annotated[str, Field(min_length=1, max_length=64)], ...] = Field(
        (), max_length=4
    )
    """The scenarios shown side by side by the synthesis and the portal's comparison pages:
    2–4 ids of this batch's scenarios (default: the synthesis compares the four full presets,
    the portal every scenario of the territory)."""


@dataclass(frozen=True)
class ScenarioSpec:
    """One scenario of a batch.

    Attributes
    ----------
    key
        The scenario id: its run folder name and its ``scenario`` column in the results.
    parameter
        Preset ids joined by commas (the notebooks' ``scenario`` parameter), or the absolute
        path of a scenario file (their ``scenario_file`` parameter).
    label
        French label ('' when the file is invalid).
    hash
        Content hash with the batch horizon ('' when the file is invalid).
    error
        Why the scenario file cannot be loaded ('' when it can).
    is_file
        Whether ``parameter`` is a file rather than preset ids.
    """

    key: str
    parameter: str
    label: str
    hash: str
    error: str = ""
    is_file: bool = False


@dataclass(frozen=True)
class Batch:
    """A validated batch: its definition resolved into notebooks, territories and scenarios."""

    source: str
    definition: BatchFile
    notebooks: dict[str, Path]
    territories: dict[str, str]
    """Territory codes (in order, without duplicates) and their names."""
    scenarios: tuple[ScenarioSpec, ...]
    reported: frozenset[str] | None = None
    """Territories whose runs write a report (None: all)."""
    compared: tuple[ScenarioSpec, ...] = ()
    """The scenarios compared side by side (``compare``; empty: the default comparison)."""


def load_batch(path: Path, dashboards_dir: Path | None = None) -> Batch:
    """Load and validate a batch file; relative scenario paths are relative to its folder.

    Raises
    ------
    BatchError
        Listing every problem, one line each, naming file, key, value and what is allowed.
    """
    path = Path(path)
    try:
        document = read_yaml(path)
    except InputFileError as exc:
        raise BatchError.wrap(exc) from None
    return batch_from_document(document, str(path), path.parent, path.stem, dashboards_dir)


def parse_batch(text: str, source: str, base: Path, dashboards_dir: Path | None = None) -> Batch:
    """Validate batch YAML ``text`` (``source`` names it in messages, ``base`` is its folder)."""
    try:
        document = parse_yaml(text, source)
    except InputFileError as exc:
        raise BatchError.wrap(exc) from None
    return batch_from_document(document, source, Path(base), "batch", dashboards_dir)


def batch_from_document(
    document: Any, source: str, base: Path, default_id: str, dashboards_dir: Path | None = None
) -> Batch:
    """Validate a parsed batch document (see :func:`load_batch`)."""
    if not isinstance(document, dict):
        raise BatchError("batch.not_mapping", file=source)
    document = {"id": _slug(default_id), **document}
    try:
        definition = BatchFile.model_validate(document)
    except ValidationError as exc:
        found = [_describe(error) for error in exc.errors()]
        found += _entry_problems(_valid_entries(document, exc), dashboards_dir, Path(base))
        raise BatchError("lines", lines=_located(found, source)) from None
    problems: list[Message] = []
    notebooks = _notebooks(definition.dashboards, dashboards_dir, problems)
    territories = _territories(definition.territories, problems)
    scenarios = _scenarios(definition.scenarios, definition.horizon, Path(base), problems)
    reported = _reported(definition.reports, problems)
    compared = _compared(definition.compare, scenarios, problems)
    if problems:
        raise BatchError("lines", lines=_located(problems, source))
    return Batch(source, definition, notebooks, territories, scenarios, reported, compared)


def _compared(
    ids: tuple[str, ...], scenarios: tuple[ScenarioSpec, ...], problems: list[Message]
) -> tuple[ScenarioSpec, ...]:
    """The scenarios of ``compare``, each one of the batch's (by id), none or 2–4 of them."""
    if len(set(ids)) == 1:
        problems.append(Message("batch.compare_count", {"count": len(ids)}))
    specs = {spec.key: spec for spec in scenarios}
    for i, key in enumerate(ids):
        if key not in specs:
            allowed = ", ".join(specs) or "–"
            params = {"key": f"compare.{i}", "value": _short(key), "allowed": allowed}
            problems.append(Message("batch.compare_unknown", params))
    return tuple(specs[key] for key in dict.fromkeys(ids) if key in specs)


def _valid_entries(document: dict, exc: ValidationError) -> BatchFile:
    """The definition without the entries ``exc`` refused, so the rest can be checked too.

    A refused entry becomes ``None``, keeping the others at their index (for the messages).
    """
    refused = {tuple(e["loc"][:2]) for e in exc.errors() if len(e["loc"]) >= 2}
    failed = {e["loc"][0] for e in exc.errors() if e["loc"]}

    def kept(key: str) -> tuple:
        entries = document.get(key)
        if key in failed - {k for k, _ in refused} or not isinstance(entries, list):
            return ()
        return tuple(None if (key, i) in refused else v for i, v in enumerate(entries))

    horizon = _HORIZON["default"] if "horizon" in failed else document.get("horizon")
    return BatchFile.model_construct(
        id=document["id"],
        dashboards=kept("dashboards"),
        territories=tuple(
            Selector.model_validate(t) if isinstance(t, dict) else t for t in kept("territories")
        ),
        scenarios=kept("scenarios"),
        horizon=horizon if isinstance(horizon, int) else _HORIZON["default"],
    )


def _entry_problems(
    definition: BatchFile, dashboards_dir: Path | None, base: Path
) -> list[Message]:
    """The problems of the dashboards, territories and scenarios of a definition."""
    problems: list[Message] = []
    _notebooks(definition.dashboards, dashboards_dir, problems)
    _territories(definition.territories, problems)
    _scenarios(definition.scenarios, definition.horizon, base, problems)
    return problems


def _located(problems: list[Message], source: str) -> list[Message]:
    return [Message("at", {"source": source, "problem": p}) for p in problems]


def _notebooks(names: tuple[str, ...], folder: Path | None, problems: list[Message]) -> dict:
    folder = Path(folder or dashboards_dir())
    available = {p.stem: p.resolve() for p in sorted(folder.glob("*.ipynb"))}
    for i, name in enumerate(names):
        if name is not None and name not in available:
            allowed = ", ".join(available) or "–"
            params = {"key": f"dashboards.{i}", "value": _short(name), "allowed": allowed}
            problems.append(Message("batch.unknown_dashboard", params))
    return {name: available[name] for name in dict.fromkeys(names) if name in available}


def _reported(reports: bool | tuple, problems: list[Message]) -> frozenset[str] | None:
    if isinstance(reports, bool):
        return None if reports else frozenset()
    return frozenset(_territories(reports, problems, "reports"))


def _territories(entries: tuple, problems: list[Message], key: str = "territories") -> dict:
    from ..territory import directory

    names = dict(zip(directory()["code"], directory()["name"], strict=True))
    found: dict[str, str] = {}
    for i, entry in enumerate(entries):
        try:
            if entry is None:
                continue
            if isinstance(entry, Selector):
                found.update({code: names[code] for code in select(entry.selector, entry.of)})
            elif entry in names:
                check_populated([entry])
                found[entry] = names[entry]
            else:
                found.update([_code_and_name(entry)])
        except ProspectifError as exc:
            problems.append(Message("at", {"source": f"{key}.{i}", "problem": exc.message}))
    return found


def _code_and_name(code: str) -> tuple[str, str]:
    from ..territory import get_territory

    territory = get_territory(code)
    return territory.code, territory.name


def parse_selector(text: str) -> Selector:
    """A selector from its command-line form ``KIND[:CODE]``, e.g. ``epci:DEP-71``.

    Raises
    ------
    BatchError
        For an unknown kind.
    """
    kind, _, of = text.partition(":")
    if kind not in KINDS:
        raise BatchError("batch.selector_kind", text=text, value=kind, allowed=", ".join(KINDS))
    return Selector(selector=kind, of=of or "FR")


def select(kind: str, of: str = "FR") -> list[str]:
    """Codes of every territory of ``kind`` (a key of :data:`KINDS`) inside ``of``.

    Descends from ``of`` through the territories one level below (régions, départements,
    EPCI, communes); an EPCI belongs to its main département. Territories without population
    in the data (Mayotte's EPCI, the Meuse's communes destroyed in 1916) are left out. Codes
    are sorted.

    Raises
    ------
    BatchError
        If ``of`` is unknown or not larger than the selected kind.
    """
    from ..territory import children, get_territory

    target = KINDS[kind]
    start = get_territory(of).kind
    if start not in DESCENT or DESCENT.index(start) >= DESCENT.index(target):
        raise BatchError("batch.selector_order", kind=kind, of=of)
    codes = [get_territory(of).code]
    level = start
    while level != target and codes:
        codes = [child for code in codes for child in children(code)]
        level = codes[0].split("-")[0] if codes else target
    empty = unpopulated(codes)
    codes = [code for code in codes if code not in empty]
    if not codes:
        raise BatchError("batch.selector_empty", kind=kind, of=of)
    return sorted(codes)


def unpopulated(codes: Iterable[str]) -> set[str]:
    """The codes among ``codes`` of EPCI and communes whose population in the data is 0.

    They weigh nothing in their départements, so nothing can be projected for them (régions
    and départements are projected from their own estimates).
    """
    from ..territory import directory

    table = directory()
    empty = table["kind"].isin(WEIGHTED_KINDS) & ~(table["population"] > 0)
    return set(table.loc[empty, "code"]).intersection(codes)


def check_populated(codes: Iterable[str]) -> None:
    """Raise TerritoryError if some territories of ``codes`` have no population in the data."""
    if empty := sorted(unpopulated(codes)):
        raise TerritoryError("territory.no_population", codes=", ".join(empty[:10]))


def _scenarios(
    entries: tuple[str, ...], horizon: int, base: Path, problems: list[Message]
) -> tuple[ScenarioSpec, ...]:
    specs: list[ScenarioSpec] = []
    for i, entry in enumerate(entries):
        try:
            if entry is None:
                continue
            if entry.endswith(".yaml"):
                specs.extend(_file_spec(path, horizon) for path in _matches(entry, base))
            else:
                specs.append(_preset_spec(entry, horizon))
        except ProspectifError as exc:
            key = f"scenarios.{i} = {_short(entry)}"
            problems.append(Message("at", {"source": key, "problem": exc.message}))
    seen: dict[str, str] = {}
    for spec in specs:
        if spec.key in seen:
            params = {"a": seen[spec.key], "b": spec.parameter, "id": spec.key}
            problems.append(Message("batch.same_id", params))
        seen.setdefault(spec.key, spec.parameter)
    return tuple(specs)


def _matches(pattern: str, base: Path) -> list[Path]:
    full = pattern if Path(pattern).is_absolute() else str(base / pattern)
    files = sorted(Path(p).resolve() for p in glob.glob(full) if Path(p).is_file())
    if not files:
        raise BatchError("batch.no_match", folder=base)
    return files


def _preset_spec(ids: str, horizon: int) -> ScenarioSpec:
    scenario = scenario_from_presets(ids, horizon)
    return ScenarioSpec(scenario.id, ids, scenario.label.fr, scenario.hash)


def _file_spec(path: Path, horizon: int) -> ScenarioSpec:
    try:
        scenario = scenario_from_file(path, horizon)
    except ProspectifError as exc:
        return ScenarioSpec(_slug(path.stem), str(path), "", "", str(exc), is_file=True)
    except OSError as exc:
        error = message("cannot_read", file=path, reason=exc.strerror or exc)
        return ScenarioSpec(_slug(path.stem), str(path), "", "", error, is_file=True)
    return ScenarioSpec(scenario.id, str(path), scenario.label.fr, scenario.hash, is_file=True)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")[:64].strip("-")
    return slug or "batch"


def _short(value: object) -> str:
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**60 else "…"
    return text if len(text) <= 60 else text[:57] + "..."


def _describe(error: Mapping[str, Any]) -> Message:
    loc = [str(p) for i, p in enumerate(error["loc"]) if not (i == 2 and p in _TAGS)]
    key = ".".join(loc) or "(file)"
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "missing":
        return Message("key.missing", {"key": key})
    if kind == "extra_forbidden":
        model = Selector if len(loc) > 1 and loc[0] == "territories" else BatchFile
        return Message("key.unknown", {"key": key, "allowed": ", ".join(model.model_fields)})
    params = {"key": key, "value": _short(error.get("input"))}
    if kind in {"greater_than_equal", "less_than_equal"}:
        bounds = {"low": _HORIZON["ge"], "high": _HORIZON["le"], "unit": ""}
        return Message(PROBLEMS[kind], {**params, "allowed": Message("allowed.range", bounds)})
    if kind == "too_short":
        return Message("batch.empty", {**params, "min_length": ctx["min_length"]})
    if kind == "literal_error":
        allowed = Message("allowed.values", {"allowed": ctx["expected"].replace(" or ", ", ")})
        return Message("value.invalid", {**params, "allowed": allowed})
    expected = Message(EXPECTED.get(kind, "expected.valid"), {k: str(v) for k, v in ctx.items()})
    return Message("value.invalid", {**params, "allowed": expected})
