"""Folders the library reads outside its data set: the scenario presets and perimeters."""

from __future__ import annotations

import os
from pathlib import Path


def presets_dir() -> Path:
    """The folder of preset scenarios: ``$PROSPECTIF_SCENARIOS`` or the project's ``scenarios/``."""
    env = os.environ.get("PROSPECTIF_SCENARIOS")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "scenarios"
