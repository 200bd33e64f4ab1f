"""Run metadata: what a results table was computed from, carried by every export.

One :class:`RunMetadata` per run (territory × scenario), in the table's ``attrs["metadata"]``
(a tuple). The exports write it as a ``meta`` sheet (Excel), key–value schema metadata
(Parquet) and a JSON sidecar ``<file>.meta.json`` (CSV); :func:`metadata_json` and
:func:`metadata_from_json` are the one serialisation.
"""

from __future__ import annotations

import dataclasses
import importlib.metadata
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from ..data import Dataset
    from ..scenario import Scenario

MODEL_NAME = "Prospectif"


@dataclass(frozen=True)
class RunMetadata:
    """What one run was computed from.

    Attributes
    ----------
    territory, territory_name
        Territory code (DESIGN §9) and name.
    scenario, scenario_hash
        Scenario id and content hash (:attr:`prospectif.scenario.Scenario.hash`).
    horizon
        Last year projected (year).
    base_structure
        How the base age structure was obtained (``attrs["base_structure"]``).
    data_version
        SHA-256 (16 hex digits) of ``catalog.yaml``: the tables, their sources and vintages.
    data_hash
        SHA-256 of the catalogue and every table file (the batch manifest's catalogue hash).
    code_version
        Version of the ``prospectif`` package.
    scalars
        One-number results by registered name (e.g. ``Population Peak``, persons).
    assumptions
        Every model assumption of the scenario, by dotted key.
    components
        Local components of an EPCI or a commune (``local-marginals``): fertility and
        mortality indices relative to the département (shrunk, and the counts behind them),
        excess net migration (per 1,000 per year); empty for other territories.
    schedules
        SHA-256 of each schedule file a run imported (``schedules-import``), by component
        (``population``, ``fertility``, ``mortality``, ``migration``); empty otherwise.
    """

    territory: str
    territory_name: str
    scenario: str
    scenario_hash: str
    horizon: int
    base_structure: str
    data_version: str
    data_hash: str
    code_version: str
    model: str = MODEL_NAME
    scalars: dict[str, float] = field(default_factory=dict)
    assumptions: dict[str, object] = field(default_factory=dict)
    components: dict[str, float] = field(default_factory=dict)
    schedules: dict[str, str] = field(default_factory=dict)

    def __deepcopy__(self, memo: dict) -> RunMetadata:
        # An immutable record: pandas deep-copies ``attrs`` on every operation.
        return self

    def summary(self) -> dict[str, object]:
        """The one-value fields and the scalars, without the assumptions (for manifests)."""
        return {**self.fields(), "scalars": dict(self.scalars)}

    def fields(self) -> dict[str, object]:
        """The one-value fields (no scalars, no assumptions), in order."""
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if f.name not in ("scalars", "assumptions", "components", "schedules")
        }


def code_version() -> str:
    """Version of the installed ``prospectif`` package (``unknown`` when not installed)."""
    try:
        return importlib.metadata.version("prospectif")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def run_metadata(
    territory: str,
    territory_name: str,
    scenario: Scenario,
    base_structure: str,
    scalars: dict[str, float],
    data: Dataset,
    components: dict[str, float] | None = None,
    schedules: dict[str, str] | None = None,
) -> RunMetadata:
    """The metadata of a run of ``scenario`` on a territory, computed on ``data``."""
    return RunMetadata(
        territory=territory,
        territory_name=territory_name,
        scenario=scenario.id,
        scenario_hash=scenario.hash,
        horizon=int(scenario.horizon),
        base_structure=base_structure,
        data_version=data.version,
        data_hash=data.hash,
        code_version=code_version(),
        scalars=dict(scalars),
        assumptions=scenario.assumptions(),
        components=dict(components or {}),
        schedules=dict(schedules or {}),
    )


def table_metadata(table: pd.DataFrame) -> tuple[RunMetadata, ...]:
    """The run metadata a results table carries (empty if it carries none)."""
    return tuple(table.attrs.get("metadata", ()))


def metadata_json(records: tuple[RunMetadata, ...]) -> str:
    """JSON text of run metadata: ``{"runs": [{field: value, ...}, ...]}``."""
    runs = [dataclasses.asdict(r) for r in records]
    return json.dumps({"runs": runs}, ensure_ascii=False, indent=1, default=str)


def metadata_from_json(text: str) -> tuple[RunMetadata, ...]:
    """The run metadata written by :func:`metadata_json`."""
    return tuple(RunMetadata(**run) for run in json.loads(text)["runs"])


def meta_sheet(records: tuple[RunMetadata, ...]) -> pd.DataFrame:
    """One row per run: its fields, then its scalars (columns named as registered)."""
    return pd.DataFrame([{**r.fields(), **r.scalars} for r in records])


def assumptions_sheet(records: tuple[RunMetadata, ...]) -> pd.DataFrame:
    """Assumption values of each scenario (once per scenario hash): ``scenario, scenario_hash,
    assumption, value``.
    """
    scenarios = {r.scenario_hash: r for r in records}
    return pd.DataFrame(
        [
            {"scenario": r.scenario, "scenario_hash": h, "assumption": key, "value": _cell(value)}
            for h, r in scenarios.items()
            for key, value in r.assumptions.items()
        ],
        columns=["scenario", "scenario_hash", "assumption", "value"],
    )


def _cell(value: object) -> object:
    """A spreadsheet cell: numbers and text as they are, lists and tables as JSON."""
    return value if value is None or isinstance(value, int | float | str) else json.dumps(value)
