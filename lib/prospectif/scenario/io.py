"""Scenario files: loading with ``extends:`` inheritance, plain-language errors, saving.

Precedence, from weakest to strongest: the schema's defaults, then each scenario named in
``extends:`` (in order, each resolved the same way), then the file's own values. Sections merge
key by key; a value (number, text, list) replaces the inherited one whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputFileError, ScenarioError
from ..messages import Message
from ..resources import presets_dir
from ..yamlio import read_yaml, write_yaml
from .messages import describe_error, scenario_error
from .schedules import SCHEDULE_FILES, read_schedules
from .schema import MODEL_SECTIONS, SCENARIO_ID_PATTERN, Scenario

MAX_EXTENDS_DEPTH = 10
RESERVED_IDS = frozenset(
    {"con", "prn", "aux", "nul", *(f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10))}
)
"""Device names Windows refuses as file names, even with an extension (``con.yaml``)."""


SCENARIO_ID = Message("what.scenario_id")
"""How :func:`check_id` names the value it checks, by default."""


FULL_PRESETS = ("tendanciel", "sobriete", "technologie", "intermediaire")
"""The full transition presets (every model of the chain set together), compared side by side
on the synthesis and offered first on every dashboard."""


def list_presets(folder: Path | None = None) -> list[str]:
    """Ids of the scenario files directly in ``folder`` (default: the presets folder), sorted."""
    folder = Path(folder or presets_dir())
    return sorted(p.stem for p in folder.glob("*.yaml") if re.match(SCENARIO_ID_PATTERN, p.stem))


def check_id(scenario_id: str, what: Message = SCENARIO_ID) -> str:
    """Return ``scenario_id`` if it is a valid id (no path, no dots), else raise ScenarioError."""
    if (
        not isinstance(scenario_id, str)
        or not re.fullmatch(SCENARIO_ID_PATTERN, scenario_id)
        or scenario_id in RESERVED_IDS
    ):
        raise ScenarioError("scenario.bad_id", what=what, value=scenario_id)
    return scenario_id


def load_scenario_file(path: Path, search: tuple[Path, ...] = ()) -> Scenario:
    """Load and validate a scenario file, resolving ``extends:``.

    Ids named in ``extends:`` are looked up in the file's own folder, then in ``search``, then in
    the presets folder.

    Raises
    ------
    ScenarioError
        Listing every problem of the file, one line each, naming file, key, value and range.
    """
    path, source = Path(path), str(path)
    own = _read_document(path)
    try:
        document = _resolved_document_from(
            own, source, (path.parent, *search, presets_dir()), (path.stem,)
        )
    except ScenarioError as exc:  # a parent is unknown or invalid: report the file's own too
        raise ScenarioError("lines", lines=[exc.message, *_own_problems(own, source)]) from None
    document.setdefault("id", path.stem)
    scenario = _validate(document, source)
    if scenario.schedules is not None:  # the files are checked with the scenario
        read_schedules(scenario.schedules)
    return scenario


def _own_problems(document: dict, source: str) -> list[Message]:
    """The problems of a file's own values, checked without its parents (missing keys aside)."""
    try:
        Scenario.model_validate({"id": "x", **document, "extends": []})
    except ValidationError as exc:
        return [
            Message("at", {"source": source, "problem": describe_error(error)})
            for error in exc.errors()
            if error["type"] != "missing"
        ]
    return []


def load_preset(scenario_id: str, folder: Path | None = None) -> Scenario:
    """Load the scenario ``<folder>/<id>.yaml`` (default folder: the presets)."""
    folder = Path(folder or presets_dir())
    path = folder / f"{check_id(scenario_id)}.yaml"
    if not path.is_file():
        allowed = ", ".join(list_presets(folder))
        raise ScenarioError("scenario.unknown", value=scenario_id, allowed=allowed)
    return load_scenario_file(path)


def compose(scenario_ids: list[str], folder: Path | None = None) -> Scenario:
    """Combine scenarios left to right (later ids win), e.g. ``["insee-central", "apa-haute"]``."""
    if len(scenario_ids) == 1:
        return load_preset(scenario_ids[0], folder)
    folder = Path(folder or presets_dir())
    ids = [check_id(i) for i in scenario_ids]
    document = {
        "id": "-".join(ids)[:64].rstrip("-"),
        "label": {"fr": " + ".join(ids)},
        "extends": ids,
    }
    merged = _resolved_document_from(document, "+".join(ids), (folder, presets_dir()), ())
    return _validate(merged, "+".join(ids))


def preset_models(scenario_id: str, folder: Path | None = None) -> frozenset[str]:
    """The model sections (``demography``, ``energy``…) a preset sets, itself or through the
    scenarios it extends: what it changes, the rest being the schema's defaults.
    """
    folder = Path(folder or presets_dir())
    path = folder / f"{check_id(scenario_id)}.yaml"
    document = _resolved_document(path, (folder,), (scenario_id,))
    return frozenset(section for section in MODEL_SECTIONS if document.get(section))


def scenario_from_presets(ids: str, horizon: int) -> Scenario:
    """Preset ids joined by commas (``"tendanciel,apa-haute"``), composed, at ``horizon``."""
    return compose(ids.split(",")).with_values({"horizon": horizon})


def scenario_from_file(path: Path, horizon: int) -> Scenario:
    """The scenario file ``path`` (e.g. a variant saved in a workshop), at ``horizon``."""
    return load_scenario_file(Path(path)).with_values({"horizon": horizon})


def scenario_from_dict(document: dict, source: str = "<scenario>") -> Scenario:
    """Validate a scenario given as a dict (e.g. from a URL or a widget), without inheritance."""
    return _validate(document, source)


def scenario_document(scenario: Scenario) -> dict:
    """The self-contained file content of a scenario: every value explicit, format tagged."""
    document = scenario.model_dump(mode="json", exclude_defaults=False)
    document["extends"] = list(document["extends"])
    if document["schedules"] is None:
        del document["schedules"]
    return {"format": "prospectif-scenario/1", **document}


def save_scenario(scenario: Scenario, path: Path) -> Path:
    """Write ``scenario`` to ``path`` atomically, with every value explicit (self-contained).

    Raises
    ------
    ScenarioError
        When the file cannot be written (read-only folder, disk full…); no file is left.
    """
    try:
        return write_yaml(scenario_document(scenario), path)
    except OSError as exc:
        raise ScenarioError("cannot_write", file=path, reason=exc.strerror or exc) from None


def _read_document(path: Path) -> dict:
    try:
        document = read_yaml(path)
    except InputFileError as exc:
        raise ScenarioError.wrap(exc) from None
    if not isinstance(document, dict):
        raise ScenarioError("scenario.not_mapping", file=path)
    document.pop("format", None)
    return _anchored(document, path.parent)


def _anchored(document: dict, folder: Path) -> dict:
    """``document`` with its relative schedule file names read from ``folder`` (the folder of
    the scenario file naming them).
    """
    schedules = document.get("schedules")
    if isinstance(schedules, dict):
        for key in SCHEDULE_FILES:
            name = schedules.get(key)
            if isinstance(name, str) and name and not Path(name).is_absolute():
                schedules[key] = str(folder / name)
    return document


def _resolved_document(path: Path, search: tuple[Path, ...], chain: tuple[str, ...]) -> dict:
    return _resolved_document_from(_read_document(path), str(path), search, chain)


def _resolved_document_from(
    document: dict, source: str, search: tuple[Path, ...], chain: tuple[str, ...]
) -> dict:
    parents = document.get("extends") or []
    if isinstance(parents, str):
        parents = [parents]
    if not isinstance(parents, list):
        raise ScenarioError("scenario.extends_type", source=source)
    merged: dict = {}
    for parent in parents:
        check_id(parent, Message("what.extends", {"source": source}))
        if parent in chain or len(chain) >= MAX_EXTENDS_DEPTH:
            raise ScenarioError(
                "scenario.circular", source=source, chain=" -> ".join((*chain, parent))
            )
        parent_path = _find(parent, search)
        if parent_path is None:
            folders = ", ".join(str(f) for f in dict.fromkeys(search))
            raise ScenarioError(
                "scenario.parent_missing", source=source, value=parent, folders=folders
            )
        inherited = _resolved_document(parent_path, search, (*chain, parent))
        merged = deep_merge(merged, _inheritable(inherited))
    own = {k: v for k, v in document.items() if k != "extends"}
    merged = deep_merge(merged, own)
    merged["extends"] = list(parents)
    return merged


def _inheritable(document: dict) -> dict:
    """What a child inherits: everything but identity and provenance."""
    return {k: v for k, v in document.items() if k not in {"id", "label", "description", "extends"}}


def _find(scenario_id: str, search: tuple[Path, ...]) -> Path | None:
    for folder in search:
        candidate = Path(folder) / f"{scenario_id}.yaml"
        if candidate.is_file():
            return candidate
    return None


def deep_merge(base: dict, override: dict) -> dict:
    """A new dict: ``base`` updated by ``override``, merging nested dicts key by key."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _validate(document: dict, source: str) -> Scenario:
    try:
        return Scenario.model_validate(document)
    except ValidationError as exc:
        raise scenario_error(exc, source) from None
