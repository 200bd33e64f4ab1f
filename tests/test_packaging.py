"""Packaging: the wheel works outside the repository, resources are found, the types check."""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from prospectif import resources

ROOT = Path(__file__).resolve().parents[1]
UV = (sys.executable, "-m", "uv")


def run_checked(command, cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=540)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_checkout_finds_its_top_level_folders():
    assert resources.checkout_root() == ROOT
    assert {resources.bundled_dir(name) for name in ("data", "scenarios", "dashboards")} == {
        ROOT / "data",
        ROOT / "scenarios",
        ROOT / "dashboards",
    }


def test_environment_variables_override_data_and_presets(monkeypatch, tmp_path):
    monkeypatch.setenv("PROSPECTIF_DATA", str(tmp_path / "d"))
    monkeypatch.setenv("PROSPECTIF_SCENARIOS", str(tmp_path / "s"))
    assert (resources.data_dir(), resources.presets_dir()) == (tmp_path / "d", tmp_path / "s")


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_wheel_runs_in_a_fresh_environment_outside_the_repository(tmp_path):
    # the wheel is built from the source distribution, as a release is: never from stale files
    run_checked([*UV, "build", "--out-dir", str(tmp_path / "dist")], ROOT)
    (wheel,) = (tmp_path / "dist").glob("prospectif-*.whl")
    check_contents(wheel)
    venv = tmp_path / "venv"
    run_checked([*UV, "venv", "--quiet", "--python", sys.executable, str(venv)], tmp_path)
    python = venv / "bin" / "python"
    lock = ["-c", str(ROOT / "requirements.lock")]
    run_checked(
        [*UV, "pip", "install", "--quiet", "--python", str(python), *lock, str(wheel)], tmp_path
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "PROSPECTIF_"))}
    work = tmp_path / "work"
    work.mkdir()
    where = run_checked(
        [str(python), "-c", "import prospectif.resources as r; print(r.presets_dir())"], work, env
    )
    assert Path(where.strip()).is_relative_to(venv) and "_bundled" in where
    prospectif = str(venv / "bin" / "prospectif")
    listing = run_checked([prospectif, "scenarios", "list"], work, env)
    assert "tendanciel" in listing and "insee-central" in listing
    command = [prospectif, "run", "--territory", "DEP-71", "--scenario", "tendanciel"]
    run_checked([*command, "--output", "x.csv"], work, env)
    results = pd.read_csv(work / "x.csv", comment="#")
    assert set(results["region"]) == {"DEP-71"} and "Population" in set(results["variable"])


def test_import_prospectif_is_cheap_and_exports_the_analysts_names():
    heavy = ("pandas", "plotly", "geopandas", "numpy", "importlib.metadata")
    code = f"import sys, prospectif; print([m for m in {heavy} if m in sys.modules])"
    assert run_checked([sys.executable, "-c", code], ROOT).strip() == "[]"
    import prospectif

    assert prospectif.__version__ == importlib.metadata.version("prospectif")
    assert set(prospectif.__all__) <= set(dir(prospectif))
    for name in prospectif.__all__:
        if name == "open_data" and not hasattr(importlib.import_module("prospectif.data"), name):
            continue  # added with the explicit data object (issue 13, item 4)
        assert callable(getattr(prospectif, name)), name
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        prospectif.nothing  # noqa: B018


@pytest.mark.slow
def test_mypy():
    run_checked([sys.executable, "-m", "mypy"], ROOT)


def check_contents(wheel: Path) -> None:
    """Every tracked file of the package and bundled folders is in, and no stale module."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    folders = ["lib/prospectif", "data", "scenarios", "dashboards"]
    tracked = run_checked(["git", "ls-files", *folders], ROOT).split()
    expected = {p[4:] if p.startswith("lib/") else f"prospectif/_bundled/{p}" for p in tracked}
    assert expected <= names, sorted(expected - names)[:5]
    sources = {p.relative_to(ROOT / "lib").as_posix() for p in (ROOT / "lib").rglob("*.py")}
    assert {n for n in names if n.endswith(".py")} <= sources, "a module that no longer exists"
