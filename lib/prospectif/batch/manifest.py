"""The snapshot's ``manifest.json``: inputs, versions, timings and the status of every run."""

from __future__ import annotations

import importlib.metadata
import json
import platform
import subprocess
from pathlib import Path

from ..fileio import atomic_write_text
from ..resources import checkout_root
from .definition import Batch
from .plan import Run

FORMAT = "prospectif-snapshot/1"
MANIFEST = "manifest.json"
DEPENDENCIES = (
    "numpy",
    "pandas",
    "pyarrow",
    "pydantic",
    "plotly",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "dask",
    "distributed",
)
"""Packages whose versions a snapshot records."""


def environment() -> dict:
    """Versions of Prospectif, its git commit, Python and the key dependencies."""
    return {
        "prospectif": _version("prospectif"),
        "git_commit": git_commit(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "dependencies": {name: _version(name) for name in DEPENDENCIES},
    }


def _version(package: str) -> str | None:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def git_commit(folder: Path | None = None) -> str | None:
    """The commit of the project's git checkout (``+dirty`` if files changed), or None."""
    folder = folder or checkout_root()
    if folder is None:
        return None
    try:
        head = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}+dirty" if status else head


def manifest(
    batch: Batch,
    vintage: str,
    runs: list[Run],
    records: dict[str, dict],
    data_hash: str,
    times: dict,
    env: dict,
    outputs: dict | None = None,
) -> dict:
    """The manifest document.

    Parameters
    ----------
    records
        Run records by run id (see :func:`prospectif.batch.execute.run_record`), each with the
        run metadata of its results file (``metadata``: :meth:`RunMetadata.summary` of each
        run); runs without one are ``pending``.
    times
        ``started``, ``ended`` (ISO 8601, UTC) and ``duration_s`` of this call, ``resumed``.
    outputs
        Size and SHA-256 of the combined files, once written and read back; until then the
        snapshot is ``running``.
    """
    entries = [records.get(run.id) or _pending(run) for run in runs]
    counts = {s: sum(e["status"] == s for e in entries) for s in ("ok", "failed", "pending")}
    status = snapshot_status(counts, outputs is not None)
    return {
        "format": FORMAT,
        "vintage": vintage,
        "status": status,
        "counts": {"runs": len(entries), **counts},
        **times,
        "batch": {
            "source": batch.source,
            "definition": batch.definition.model_dump(mode="json"),
            "territories": batch.territories,
            "scenarios": {
                s.key: {"source": s.parameter, "label": s.label, "hash": s.hash, "error": s.error}
                for s in batch.scenarios
            },
        },
        "data": {"catalogue_hash": data_hash},
        "environment": env,
        "outputs": outputs or {},
        "runs": entries,
    }


def snapshot_status(counts: dict[str, int], combined: bool) -> str:
    """The snapshot's status: ``running``, then ``failed`` or ``complete``.

    ``running`` lasts until every run ended and the combined files are verified.
    """
    if counts["pending"] or not combined:
        return "running"
    return "failed" if counts["failed"] else "complete"


def _pending(run: Run) -> dict:
    return {
        "id": run.id,
        "dashboard": run.dashboard,
        "territory": run.territory,
        "scenario": run.scenario.key,
        "parameters": run.parameters(output_dir="."),
        "fingerprint": run.fingerprint,
        "status": "pending",
    }


def write_manifest(snapshot: Path, document: dict) -> Path:
    """Write ``manifest.json`` atomically."""
    text = json.dumps(document, ensure_ascii=False, indent=1)
    return atomic_write_text(Path(snapshot) / MANIFEST, text)


def read_manifest(snapshot: Path) -> dict:
    """Read a snapshot's manifest.

    Raises
    ------
    BatchError
        If the folder holds no readable manifest.
    """
    from ..errors import BatchError

    path = Path(snapshot) / MANIFEST
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BatchError("batch.not_snapshot", folder=snapshot, file=MANIFEST) from None
    except (OSError, ValueError) as exc:
        raise BatchError("batch.manifest_unreadable", file=path, reason=exc) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BatchError("batch.not_manifest", file=path, format=FORMAT)
    return document
