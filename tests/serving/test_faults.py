"""Faults around the server: broken data tables, full or unwritable output folders."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from prospectif.data import load_table
from prospectif.errors import DataError, ProspectifError
from prospectif.results import write_results
from prospectif.scenario import load_preset, save_scenario

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    monkeypatch.setenv("PROSPECTIF_DATA", str(folder))
    return folder


@pytest.fixture
def results_table() -> pd.DataFrame:
    """A results table larger than 64 KiB in every format (random values do not compress)."""
    years = np.arange(2025, 2071)
    variables = [f"Test|Variable {v}" for v in range(300)]
    return pd.DataFrame(
        {
            "model": "Prospectif",
            "scenario": "tendanciel",
            "region": "DEP-71",
            "variable": np.repeat(variables, len(years)),
            "unit": "persons",
            "year": np.tile(years, len(variables)),
            "value": np.random.default_rng(0).random(len(variables) * len(years)) * 1e6,
        }
    )


def _mount_tmpfs(path: Path, options: str) -> None:
    path.mkdir()
    try:
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"cannot mount a tmpfs here ({exc})")


@pytest.fixture
def full_disk(tmp_path) -> Path:
    """A real 64 KiB file system (needs root; skipped otherwise)."""
    mount = tmp_path / "tiny"
    _mount_tmpfs(mount, "size=64k")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.fixture
def read_only_disk(tmp_path) -> Path:
    """A real read-only file system (needs root; skipped otherwise)."""
    mount = tmp_path / "readonly"
    _mount_tmpfs(mount, "size=1m,ro")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("table", ["population_departement", "communes"])
def test_truncated_table_names_the_file_and_the_rebuild(data_copy, table):
    path = data_copy / f"{table}.parquet"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(DataError, match=rf"{table}\.parquet corrompue.*make data"):
        load_table(table)


def test_missing_table_names_the_file_and_the_rebuild(data_copy):
    (data_copy / "fertility_asfr.parquet").unlink()
    with pytest.raises(DataError, match=r"fertility_asfr\.parquet introuvable.*make data"):
        load_table("fertility_asfr")


def test_garbage_table_names_the_file_and_the_rebuild(data_copy):
    (data_copy / "regions.parquet").write_bytes(os.urandom(4096))
    with pytest.raises(DataError, match=r"regions\.parquet corrompue.*make data"):
        load_table("regions")


def test_corrupted_catalogue_names_the_file_and_the_rebuild(data_copy):
    (data_copy / "catalog.yaml").write_text("tables: [unclosed", encoding="utf-8")
    with pytest.raises(DataError, match=r"(?s)catalog\.yaml corrompu.*make data"):
        load_table("regions")


@pytest.mark.parametrize("name", ["out.csv", "out.parquet", "out.xlsx"])
def test_full_disk_gives_a_clear_error_and_no_partial_file(full_disk, results_table, name):
    with pytest.raises(ProspectifError, match=r"impossible d\'écrire .*No space left on device"):
        write_results(results_table, full_disk / name)
    assert list(full_disk.iterdir()) == []


def test_read_only_disk_gives_a_clear_error_and_no_file(read_only_disk, results_table):
    with pytest.raises(ProspectifError, match=r"impossible d\'écrire .*Read-only file system"):
        write_results(results_table, read_only_disk / "out.csv")
    with pytest.raises(ProspectifError, match=r"impossible d\'écrire .*Read-only file system"):
        save_scenario(load_preset("tendanciel"), read_only_disk / "variante.yaml")
    assert list(read_only_disk.iterdir()) == []


def test_output_under_a_file_gives_a_clear_error(tmp_path, results_table):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ProspectifError, match="impossible d'écrire"):
        write_results(results_table, blocker / "out.csv")
    with pytest.raises(ProspectifError, match="impossible d'écrire"):
        save_scenario(load_preset("tendanciel"), blocker / "variante.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace"])
def test_interrupted_write_leaves_no_partial_file(tmp_path, monkeypatch, results_table, fail_at):
    """Disk full at any step of the atomic write (simulated): clear error, nothing left."""
    import prospectif.fileio as fileio

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if fail_at == "write":
        monkeypatch.setattr(fileio.os, "fdopen", _FullFile)
    else:
        monkeypatch.setattr(fileio.os, fail_at, no_space)
    (tmp_path / "kept.csv").write_text("old", encoding="utf-8")
    with pytest.raises(ProspectifError, match="No space left on device"):
        write_results(results_table, tmp_path / "kept.csv")
    with pytest.raises(ProspectifError, match="No space left on device"):
        save_scenario(load_preset("tendanciel"), tmp_path / "variante.yaml")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.csv"]
    assert (tmp_path / "kept.csv").read_text(encoding="utf-8") == "old"


class _FullFile:
    """An open file on a full disk: every write fails."""

    def __init__(self, fd: int, *args, **kwargs):
        self.fd = fd

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        os.close(self.fd)

    def write(self, payload: bytes):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
