"""The Dataset: tables read once per data set, two folders side by side, a clearable default."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from prospectif.data import Dataset, clear_default_data, open_data
from prospectif.data.catalog import write_table
from prospectif.pipeline import run
from prospectif.scenario import load_preset

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def doubled(tmp_path) -> Path:
    """A copy of the data set with every département's population doubled."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    table = open_data(folder).table("population_departement")
    table["population"] = table["population"] * 2
    write_table(table, folder / "population_departement.parquet")
    return folder


@pytest.fixture
def fresh_default():
    clear_default_data()
    yield
    clear_default_data()


def _population(table, year):
    return table.set_index(["variable", "year"]).at[("Population", year), "value"]


def test_two_data_folders_side_by_side(doubled):
    scenario = load_preset("insee-central")
    default = run("DEP-71", scenario)
    other = run("DEP-71", scenario, data=open_data(doubled))
    again = run("DEP-71", scenario)
    assert _population(other, 2025) == pytest.approx(2 * _population(default, 2025), rel=1e-12)
    assert _population(other, 2040) != pytest.approx(_population(default, 2040), rel=1e-3)
    np.testing.assert_array_equal(again["value"], default["value"])


def test_a_data_set_reads_each_table_once(doubled):
    data = open_data(doubled)
    kept = data.table("population_departement")["population"].sum()
    shutil.copy(DATA / "population_departement.parquet", doubled)
    assert data.table("population_departement")["population"].sum() == kept
    fresh = Dataset(doubled).table("population_departement")["population"].sum()
    assert fresh == pytest.approx(kept / 2)


def test_a_table_read_without_keeping_it_is_not_kept(doubled):
    data = open_data(DATA)
    read_once = data.table("population_departement", keep=False)
    assert len(read_once) > 0 and "population_departement" not in data._tables
    data.table("communes")
    assert data.table("communes", keep=False) is not data._tables["communes"]  # a kept copy


def test_tables_are_copies_the_caller_may_change(doubled):
    data = open_data(doubled)
    communes = data.table("communes")
    communes["population_2017"] = 0
    assert data.table("communes")["population_2017"].sum() > 0


def test_derived_values_are_computed_once_per_data_set(doubled):
    data, calls = open_data(doubled), []
    assert data.derived("x", lambda: calls.append(1) or 42) == 42
    assert data.derived("x", lambda: calls.append(1) or 43) == 42
    assert open_data(doubled).derived("x", lambda: 44) == 44
    assert calls == [1]


def test_the_default_is_opened_once_and_can_be_cleared(doubled, monkeypatch, fresh_default):
    default = open_data()
    assert open_data() is default and default.path == DATA.resolve()
    monkeypatch.setenv("PROSPECTIF_DATA", str(doubled))
    assert open_data() is default
    clear_default_data()
    assert open_data() is not default and open_data().path == doubled.resolve()
    scenario = load_preset("insee-central")
    assert _population(run("DEP-71", scenario), 2025) == pytest.approx(
        _population(run("DEP-71", scenario, data=Dataset(doubled)), 2025), rel=1e-12
    )
