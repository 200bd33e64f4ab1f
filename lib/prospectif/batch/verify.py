"""Check a published snapshot against its manifest: every file there, every byte as recorded."""

from __future__ import annotations

from pathlib import Path

from ..errors import BatchError
from ..messages import Message
from .execute import damage
from .manifest import MANIFEST, read_manifest
from .runner import OUTPUTS


def verify_snapshot(snapshot: Path) -> list[Message]:
    """The problems of ``snapshot``, one message each (empty: the snapshot is intact).

    A complete snapshot has the status ``complete``, the digests of its combined files
    (:data:`OUTPUTS`) and of every run's outputs, and files matching them.
    """
    snapshot = Path(snapshot)
    try:
        document = read_manifest(snapshot)
    except BatchError as exc:
        return [exc.message]
    manifest_file = snapshot / MANIFEST
    problems = []
    if document.get("status") != "complete":
        problems.append(
            Message("batch.not_complete", {"file": manifest_file, "status": document.get("status")})
        )
    outputs = document.get("outputs") or {}
    problems += [
        Message("batch.no_digests", {"file": manifest_file, "what": name})
        for name in OUTPUTS
        if name not in outputs
    ]
    problems += damage(snapshot, outputs)
    for record in document.get("runs", []):
        problems += _run_problems(snapshot, manifest_file, record)
    return problems


def _run_problems(snapshot: Path, manifest_file: Path, record: dict) -> list[Message]:
    if record.get("status") != "ok":
        return []
    files = record.get("files")
    if not isinstance(files, dict) or not files:
        return [Message("batch.no_digests", {"file": manifest_file, "what": record.get("id")})]
    return damage(snapshot / "runs" / str(record.get("id")), files)
