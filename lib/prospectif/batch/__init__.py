"""Batch runs: dashboards × territories × scenarios as dated, reproducible snapshots.

Papermill executes each run's notebook on Dask; see ``docs/batch.md``.
"""

from .definition import Batch, BatchError, load_batch, parse_batch, select
from .diff import diff_snapshots
from .runner import BatchOutcome, run_batch
from .sweep import run_many

__all__ = [
    "Batch",
    "BatchError",
    "BatchOutcome",
    "diff_snapshots",
    "load_batch",
    "parse_batch",
    "run_batch",
    "run_many",
    "select",
]
