"""A small real batch (two runs on a local Dask cluster), built once and copied by the tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from prospectif.batch import load_batch, run_batch

BATCH = """\
id: essai
label: Essai
dashboards: [demographie]
territories: [DEP-71]
scenarios: [insee-central, tendanciel]
horizon: 2050
"""

VARIANT = """\
id: variante
label: {fr: "Variante d'atelier"}
extends: insee-central
demography:
  fertility: {tfr_target: %s}
"""


def write_batch(folder: Path, text: str = BATCH) -> Path:
    """The batch file ``folder/essai.yaml``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "essai.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def write_variant(folder: Path, tfr: str = "1.9") -> Path:
    """A workshop variant of insee-central, ``folder/variantes/variante.yaml``."""
    path = folder / "variantes" / "variante.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(VARIANT % tfr, encoding="utf-8")
    return path


def copy_snapshot(snapshot: Path, output: Path, vintage: str = "ref") -> Path:
    """A copy of ``snapshot`` as ``output/<vintage>``."""
    target = output / vintage
    shutil.copytree(snapshot, target)
    return target


def same_rows(expected: pd.DataFrame, produced: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``expected`` (e.g. every model) for the variables ``produced`` holds."""
    return expected[expected["variable"].isin(produced["variable"].unique())]


@pytest.fixture(scope="session")
def reference(tmp_path_factory) -> Path:
    """The snapshot of the two-run batch, run once on a local cluster of two workers."""
    folder = tmp_path_factory.mktemp("reference")
    outcome = run_batch(load_batch(write_batch(folder)), folder / "snapshots", "ref", workers=2)
    assert not outcome.failed, outcome.failed
    return outcome.snapshot
