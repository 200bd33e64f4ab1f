"""The fast path: `prospectif run` over many territories and scenarios, equal to the notebooks."""

from __future__ import annotations

import pandas as pd
import papermill as pm
import pytest
from click.testing import CliRunner

from prospectif.cli import main
from prospectif.pipeline import run
from prospectif.resources import dashboards_dir
from prospectif.results import assert_results_equal
from prospectif.scenario import scenario_from_presets

from .conftest import same_rows, write_variant


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def notebook_results(
    tmp_path, territory: str, scenario: str, horizon: int, **files
) -> pd.DataFrame:
    """Run the demography dashboard with Papermill in report mode; its results table."""
    out = tmp_path / "notebook"
    pm.execute_notebook(
        str(dashboards_dir() / "demographie.ipynb"),
        str(tmp_path / "demographie.ipynb"),
        kernel_name="python3",
        parameters={
            "territory": territory,
            "scenario": scenario,
            "horizon": horizon,
            "mode": "report",
            "output_dir": str(out),
            **files,
        },
        progress_bar=False,
        cwd=str(tmp_path),
    )
    return pd.read_parquet(out / "resultats.parquet")


def test_run_covers_territories_selectors_and_scenarios_in_one_table(tmp_path):
    out = tmp_path / "r.parquet"
    result = invoke(
        "run",
        "--territory",
        "DEP-71",
        "--select",
        "departements:REG-27",
        "--scenario",
        "insee-central",
        "--scenario",
        "tendanciel,insee-migration-haute",
        "--horizon",
        "2040",
        "--output",
        out,
    )
    assert result.exit_code == 0, result.output
    assert "8 territoires × 2 scénarios" in result.output
    table = pd.read_parquet(out)
    assert table["region"].nunique() == 8 and "DEP-21" in set(table["region"])
    assert set(table["scenario"]) == {"insee-central", "tendanciel-insee-migration-haute"}
    part = table[(table["region"] == "DEP-21") & (table["scenario"] != "insee-central")]
    expected = run("DEP-21", scenario_from_presets("tendanciel,insee-migration-haute", 2040))
    assert_results_equal(part, expected, rtol=0, atol=0)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scenario", "insee-central"], "donner au moins un --territory ou un --select"),
        (["--territory", "DEP-71"], "donner au moins un --scenario ou un --scenario-file"),
        (["--select", "cantons", "--scenario", "insee-central"], "type 'cantons' inconnu"),
        (
            ["--select", "epci:DEP-71", "--scenario", "insee-central", "--census", "x.csv"],
            "--census ne s'applique qu'à un seul territoire",
        ),
    ],
)
def test_run_usage_errors(tmp_path, args, message):
    result = invoke("run", *args, "--output", tmp_path / "r.csv")
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "r.csv").exists()


@pytest.mark.slow
def test_fast_path_gives_exactly_the_notebook_numbers(tmp_path):
    produced = notebook_results(tmp_path, "EPCI-200070308", "tendanciel", 2060)
    out = tmp_path / "fast.parquet"
    args = ["--territory", "EPCI-200070308", "--scenario", "tendanciel", "--horizon", "2060"]
    assert invoke("run", *args, "--output", out).exit_code == 0
    assert_results_equal(produced, same_rows(pd.read_parquet(out), produced), rtol=0, atol=0)


@pytest.mark.slow
def test_a_workshop_variant_file_gives_the_same_numbers_in_the_notebook(tmp_path):
    variant = write_variant(tmp_path, "2.1")
    produced = notebook_results(tmp_path, "DEP-71", "", 2050, scenario_file=str(variant))
    assert produced["scenario"].unique().tolist() == ["variante"]
    out = tmp_path / "fast.parquet"
    args = ["--territory", "DEP-71", "--scenario-file", variant, "--horizon", "2050"]
    assert invoke("run", *args, "--output", out).exit_code == 0
    assert_results_equal(produced, same_rows(pd.read_parquet(out), produced), rtol=0, atol=0)
