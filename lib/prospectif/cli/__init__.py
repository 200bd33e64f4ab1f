"""Command line: ``prospectif data|territories|scenarios|run|solve|batch|diff|publish|serve``."""

from __future__ import annotations

from . import reference, runs, serve, snapshots  # noqa: F401 (each registers its commands)
from .base import main

__all__ = ["main"]
