"""Dashboards executed headlessly by Papermill, parameters checked against the library."""

import ast
from pathlib import Path

import papermill as pm
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "dashboards").glob("*.ipynb"))
PARAMETERS = {"territory", "scenario", "horizon", "mode", "output_dir"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_holds_the_standard_plain_literals(notebook):
    params = pm.inspect_notebook(str(notebook))
    assert set(params) == PARAMETERS
    for param in params.values():
        assert param["inferred_type_name"] in {"str", "int"}, param
        assert isinstance(ast.literal_eval(param["default"]), str | int), param


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_headlessly_and_writes_results(notebook, tmp_path):
    out = tmp_path / "out"
    pm.execute_notebook(
        str(notebook),
        str(tmp_path / notebook.name),
        kernel_name="python3",
        parameters={
            "territory": "EPCI-200070308",
            "scenario": "tendanciel",
            "horizon": 2050,
            "output_dir": str(out),
        },
        progress_bar=False,
        cwd=str(tmp_path),
    )
    table = pd.read_parquet(out / "resultats.parquet")
    assert table["region"].unique().tolist() == ["EPCI-200070308"]
    assert table["year"].max() == 2050


def test_report_numbers_equal_the_library_run(tmp_path):
    from prospectif.pipeline import run
    from prospectif.reports import scenario_for
    from prospectif.results import assert_results_equal

    notebook = ROOT / "dashboards" / "demographie.ipynb"
    pm.execute_notebook(
        str(notebook),
        str(tmp_path / "d.ipynb"),
        kernel_name="python3",
        parameters={"output_dir": str(tmp_path)},
        progress_bar=False,
    )
    expected = run("DEP-71", scenario_for("insee-central", 2070))
    assert_results_equal(pd.read_parquet(tmp_path / "resultats.parquet"), expected, rtol=0, atol=0)
