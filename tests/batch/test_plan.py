"""Runs, their ids and the fingerprints that decide what --resume keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prospectif.batch import parse_batch
from prospectif.batch.plan import data_catalogue_hash, plan
from prospectif.data import default_data_dir
from prospectif.errors import DataError
from prospectif.resources import dashboards_dir

from .conftest import BATCH, write_batch, write_variant

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

FILES = BATCH.replace("tendanciel", "variantes/*.yaml")


def runs_of(folder: Path, text: str = FILES, tfr: str = "1.9", dashboards: Path | None = None):
    write_variant(folder, tfr)
    path = write_batch(folder, text)
    batch = parse_batch(path.read_text(), str(path), folder, dashboards)
    return plan(batch, "data-hash")


def test_runs_are_dashboards_by_territories_by_scenarios_with_readable_ids(tmp_path):
    text = FILES.replace("[DEP-71]", "[DEP-71, DEP-2A]")
    runs = runs_of(tmp_path, text)
    assert [r.id for r in runs] == [
        "demographie/DEP-71/insee-central",
        "demographie/DEP-71/variante",
        "demographie/DEP-2A/insee-central",
        "demographie/DEP-2A/variante",
    ]
    assert runs[1].folder.as_posix() == "runs/demographie/DEP-71/variante"
    assert runs[1].parameters(".") == {
        "territory": "DEP-71",
        "scenario": "",
        "scenario_file": str((tmp_path / "variantes" / "variante.yaml").resolve()),
        "horizon": 2050,
        "mode": "report",
        "output_dir": ".",
    }


def test_fingerprints_are_stable_and_do_not_depend_on_where_files_live(tmp_path):
    first = runs_of(tmp_path / "a")
    again = runs_of(tmp_path / "a")
    moved = runs_of(tmp_path / "b")
    assert [r.fingerprint for r in first] == [r.fingerprint for r in again]
    assert [r.fingerprint for r in first] == [r.fingerprint for r in moved]
    assert len({r.fingerprint for r in first}) == len(first)


def test_fingerprints_change_with_each_input(tmp_path):
    base = [r.fingerprint for r in runs_of(tmp_path / "a")]
    other_tfr = [r.fingerprint for r in runs_of(tmp_path / "b", tfr="2.0")]
    assert other_tfr[0] == base[0] and other_tfr[1] != base[1]
    other_horizon = runs_of(tmp_path / "c", FILES.replace("2050", "2051"))
    assert not {r.fingerprint for r in other_horizon} & set(base)
    write_variant(tmp_path / "d")
    path = write_batch(tmp_path / "d", FILES)
    batch = parse_batch(path.read_text(), str(path), tmp_path / "d")
    assert not {r.fingerprint for r in plan(batch, "other-data")} & set(base)
    dashboards = tmp_path / "dashboards"
    dashboards.mkdir()
    notebook = dashboards_dir() / "demographie.ipynb"
    (dashboards / notebook.name).write_bytes(notebook.read_bytes() + b"\n")
    edited = runs_of(tmp_path / "e", dashboards=dashboards)
    assert not {r.fingerprint for r in edited} & set(base)


def test_data_catalogue_hash_covers_every_table_file(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(default_data_dir(), data)
    before = data_catalogue_hash(data)
    assert before == data_catalogue_hash(default_data_dir())
    table = data / "regions.parquet"
    table.write_bytes(table.read_bytes() + b"\0")
    assert data_catalogue_hash(data) != before
    table.unlink()
    with pytest.raises(DataError, match=r"cannot read the data set: .*regions\.parquet"):
        data_catalogue_hash(data)


def test_the_synthesis_runs_compare_the_scenarios_of_compare_and_the_others_ignore_it(tmp_path):
    text = FILES.replace("[demographie]", "[demographie, synthese]")
    plain = runs_of(tmp_path / "a", text)
    compared = runs_of(tmp_path / "b", text + "compare: [variante, insee-central]\n")
    variant = str((tmp_path / "b" / "variantes" / "variante.yaml").resolve())
    by_id = {r.id: r for r in compared}
    assert by_id["synthese/DEP-71/insee-central"].parameters(".")["compare"] == (
        f"{variant} ; insee-central"
    )
    assert "compare" not in by_id["demographie/DEP-71/insee-central"].parameters(".")
    before = {r.id: r.fingerprint for r in plain}
    for run in compared:  # only the runs that compare get a new fingerprint
        assert (run.fingerprint == before[run.id]) == (run.dashboard == "demographie")
