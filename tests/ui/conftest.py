"""Fixtures of the interface tests."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def presets(tmp_path, monkeypatch):
    """A copy of the presets, where the dashboards save variants; not a read-only server."""
    folder = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios", folder)
    monkeypatch.setenv("PROSPECTIF_SCENARIOS", str(folder))
    monkeypatch.delenv("PROSPECTIF_READ_ONLY", raising=False)
    return folder
