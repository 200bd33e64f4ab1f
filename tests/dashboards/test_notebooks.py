"""Dashboards executed headlessly by Papermill, parameters checked against the library."""

import ast
from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest

from prospectif.pipeline import run_chain
from prospectif.results import assert_results_equal
from prospectif.territory import get_territory
from prospectif.ui import DASHBOARDS
from prospectif.ui.state import base_scenario

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "dashboards").glob("*.ipynb"))
PARAMETERS = {"territory", "scenario", "horizon", "mode", "output_dir"}
REPORTS = [ROOT / "dashboards" / f"{name}.ipynb" for name in DASHBOARDS]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_holds_the_standard_plain_literals(notebook):
    params = pm.inspect_notebook(str(notebook))
    expected = PARAMETERS | ({"scenario_file"} if notebook in REPORTS else set())
    dashboard = DASHBOARDS.get(notebook.stem)
    assert set(params) == expected | ({"compare"} if dashboard and dashboard.compares else set())
    for param in params.values():
        assert param["inferred_type_name"] in {"str", "int"}, param
        assert isinstance(ast.literal_eval(param["default"]), str | int), param


def execute(notebook, tmp_path, **parameters):
    out = tmp_path / notebook.name
    pm.execute_notebook(
        str(notebook),
        str(out),
        kernel_name="python3",
        parameters=parameters,
        progress_bar=False,
        cwd=str(tmp_path),
    )
    return nbformat.read(out, as_version=4)


def test_every_dashboard_has_a_notebook_and_the_home_page_links_them(tmp_path):
    assert {p.stem for p in NOTEBOOKS} == {"index", *DASHBOARDS}
    home = execute(ROOT / "dashboards" / "index.ipynb", tmp_path, mode="report")
    page = home.cells[-1].outputs[0]["data"]["text/html"]
    for name in DASHBOARDS:
        assert f'href="{name}.ipynb?territory=DEP-71' in page


@pytest.mark.parametrize("notebook", REPORTS, ids=lambda p: p.stem)
def test_report_runs_headlessly_and_writes_results(notebook, tmp_path):
    out = tmp_path / "out"
    execute(
        notebook,
        tmp_path,
        territory="EPCI-200070308",
        scenario="tendanciel",
        horizon=2050,
        mode="report",
        output_dir=str(out),
    )
    table = pd.read_parquet(out / "resultats.parquet")
    assert table["region"].unique().tolist() == ["EPCI-200070308"]
    # The adaptation variables always run to 2100, the end of the DRIAS horizons.
    last = 2100 if "adaptation" in DASHBOARDS[notebook.stem].models else 2050
    assert table["year"].max() == last


@pytest.mark.parametrize("notebook", REPORTS, ids=lambda p: p.stem)
def test_interactive_mode_builds_the_live_app_headlessly(notebook, tmp_path):
    executed = execute(notebook, tmp_path, territory="DEP-2A", horizon=2040)
    outputs = [o for cell in executed.cells for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o["output_type"] == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_report_numbers_equal_the_library_run(name, tmp_path):
    execute(
        ROOT / "dashboards" / f"{name}.ipynb", tmp_path, mode="report", output_dir=str(tmp_path)
    )
    params = pm.inspect_notebook(str(ROOT / "dashboards" / f"{name}.ipynb"))
    scenario = base_scenario(
        ast.literal_eval(params["scenario"]["default"]),
        ast.literal_eval(params["horizon"]["default"]),
    )
    chain = run_chain(get_territory("DEP-71"), scenario)
    expected = chain.table(DASHBOARDS[name].models)
    assert_results_equal(pd.read_parquet(tmp_path / "resultats.parquet"), expected, rtol=0, atol=0)
