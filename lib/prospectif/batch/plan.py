"""A batch expanded into runs, each with a stable id and a fingerprint of its inputs.

A run is one (dashboard, territory, scenario) at the batch horizon. Its id
``<dashboard>/<territory>/<scenario>`` is also its folder under ``runs/``. Its fingerprint
hashes everything its results depend on: the notebook's bytes, its parameters, the scenario's
content hash and the data catalogue hash; ``--resume`` redoes a run whose fingerprint changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..data.catalog import REBUILD_HINT, catalogue_hash, file_sha256
from ..errors import DataError
from .definition import Batch, ScenarioSpec

MODE = "report"
COMPARE = "compare"
"""The parameter of the notebooks that compare scenarios (the synthesis's)."""
RESULTS_MODE = "results"
"""Mode of a run without report: results only, from the library (``execute_results``)."""


@dataclass(frozen=True)
class Run:
    """One notebook execution of a batch."""

    dashboard: str
    notebook: Path
    territory: str
    scenario: ScenarioSpec
    horizon: int
    fingerprint: str
    report: bool = True
    """Whether the notebook is executed and a report written (else results only)."""
    compare: str = ""
    """The scenarios its notebook compares side by side (its ``compare`` parameter: preset ids
    or files separated by « ; »), '' for the default or a notebook without that parameter."""

    @property
    def mode(self) -> str:
        """``report`` or ``results``."""
        return MODE if self.report else RESULTS_MODE

    @property
    def id(self) -> str:
        """Stable id ``<dashboard>/<territory>/<scenario>``."""
        return f"{self.dashboard}/{self.territory}/{self.scenario.key}"

    @property
    def folder(self) -> PurePosixPath:
        """Its folder, relative to the snapshot."""
        return PurePosixPath("runs", self.dashboard, self.territory, self.scenario.key)

    def parameters(self, output_dir: str = "") -> dict[str, object]:
        """The notebook's parameters, results written to ``output_dir``.

        For a results-only run, the same with mode ``results`` (no notebook is executed).
        """
        spec = self.scenario
        return {
            "territory": self.territory,
            "scenario": "" if spec.is_file else spec.parameter,
            "scenario_file": spec.parameter if spec.is_file else "",
            "horizon": self.horizon,
            "mode": self.mode,
            "output_dir": output_dir,
        } | ({COMPARE: self.compare} if self.compare else {})


def plan(batch: Batch, data_hash: str) -> list[Run]:
    """Every run of ``batch`` (dashboards × territories × scenarios, in that order)."""
    horizon = batch.definition.horizon
    runs = []
    for dashboard, notebook in batch.notebooks.items():
        notebook_hash = file_sha256(notebook)
        compared = batch.compared if batch.compared and compares(notebook) else ()
        compare = " ; ".join(spec.parameter for spec in compared)
        for territory in batch.territories:
            report = batch.reported is None or territory in batch.reported
            for scenario in batch.scenarios:
                key = fingerprint(
                    notebook_hash,
                    dashboard,
                    territory,
                    scenario,
                    horizon,
                    data_hash,
                    report,
                    compared,
                )
                runs.append(
                    Run(dashboard, notebook, territory, scenario, horizon, key, report, compare)
                )
    return runs


def compares(notebook: Path) -> bool:
    """Whether ``notebook`` has the :data:`COMPARE` parameter (it compares scenarios)."""
    import papermill as pm

    return COMPARE in pm.inspect_notebook(str(notebook))


def run_count(batch: Batch) -> int:
    """How many runs ``batch`` holds: dashboards × territories × scenarios."""
    return len(batch.notebooks) * len(batch.territories) * len(batch.scenarios)


def fingerprint(
    notebook_hash: str,
    dashboard: str,
    territory: str,
    scenario: ScenarioSpec,
    horizon: int,
    data_hash: str,
    report: bool = True,
    compared: tuple[ScenarioSpec, ...] = (),
) -> str:
    """SHA-256 (hex) of a run's inputs.

    The scenario enters by its id and content hash, not by its file path, so a snapshot moved
    to another folder or machine keeps its fingerprints; so do the ``compared`` scenarios
    (entered only when there are some, so runs without a comparison keep theirs).
    """
    inputs = {
        "notebook": notebook_hash,
        "dashboard": dashboard,
        "parameters": {"territory": territory, "scenario": scenario.key, "horizon": horizon},
        "mode": MODE if report else RESULTS_MODE,
        "scenario_hash": scenario.hash or scenario.error,
        "data": data_hash,
    }
    if compared:
        inputs["compare"] = [f"{spec.key}:{spec.hash or spec.error}" for spec in compared]
    canonical = json.dumps(inputs, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def data_catalogue_hash(data_dir: Path | None = None) -> str:
    """SHA-256 (hex) of the embedded data: ``catalog.yaml`` and every table file it lists."""
    try:
        return catalogue_hash(data_dir)
    except OSError as exc:
        raise DataError("data.unreadable", reason=exc, hint=REBUILD_HINT) from None
