"""`prospectif diff`: what moved between two snapshots."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from prospectif.batch import BatchError, load_batch, run_batch
from prospectif.batch.diff import diff_results, load_snapshot
from prospectif.cli import main
from prospectif.pipeline import run
from prospectif.results import assert_results_equal
from prospectif.scenario import presets_dir, scenario_from_presets

from .conftest import copy_snapshot, same_rows, write_batch


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_diff_between_snapshots_where_one_scenario_changed(reference, tmp_path, monkeypatch):
    presets = tmp_path / "presets"
    shutil.copytree(presets_dir(), presets)
    trend = presets / "tendanciel.yaml"
    text = trend.read_text(encoding="utf-8")
    assert "tfr_target: 1.56" in text
    trend.write_text(text.replace("tfr_target: 1.56", "tfr_target: 1.7"), encoding="utf-8")
    monkeypatch.setenv("PROSPECTIF_SCENARIOS", str(presets))
    output = tmp_path / "snapshots"
    copy_snapshot(reference, output, "b")
    outcome = run_batch(load_batch(write_batch(tmp_path)), output, "b", resume=True, workers=1)
    assert {r["scenario"]: r["reused"] for r in outcome.manifest["runs"]} == {
        "insee-central": True,
        "tendanciel": False,
    }
    new_results = pd.read_parquet(output / "b" / "resultats.parquet")
    expected = run("DEP-71", scenario_from_presets("tendanciel", 2050))
    assert_results_equal(
        new_results[new_results["scenario"] == "tendanciel"],
        same_rows(expected, new_results),
        rtol=0,
        atol=0,
    )

    result = invoke("diff", reference, output / "b", "--output", tmp_path / "ecarts")
    assert result.exit_code == 0, result.output
    hash_a = load_snapshot(reference)[0]["batch"]["scenarios"]["tendanciel"]["hash"]
    assert f"entrée scenario tendanciel : {hash_a} -> " in result.output
    assert "input scenario insee-central" not in result.output
    assert "input data catalogue hash" not in result.output
    summary = pd.read_parquet(tmp_path / "ecarts" / "ecarts.parquet")
    changed = summary[summary["status"] != "unchanged"]
    assert set(changed["status"]) == {"changed"}
    assert set(changed["scenario"]) == {"tendanciel"}
    assert {"Population", "Births"} <= set(changed["variable"])
    births = changed.set_index("variable").loc["Births"]
    assert births["b"] > births["a"] and births["year"] == 2049
    page = (tmp_path / "ecarts" / "ecarts.html").read_text(encoding="utf-8")
    assert "Écarts entre millésimes" in page and "<td>tendanciel</td>" in page
    assert "<td>insee-central</td>" not in page


def test_diff_of_a_snapshot_with_itself_shows_no_change(reference):
    result = invoke("diff", reference, reference)
    assert result.exit_code == 0
    assert "input " not in result.output
    assert result.output.startswith("0 indicateurs sur ")


def test_diff_results_flags_added_and_removed_indicators():
    base = {"model": "P", "scenario": "s", "region": "DEP-71", "unit": "persons"}
    a = pd.DataFrame(
        [
            {**base, "variable": "X", "year": 2025, "value": 10.0},
            {**base, "variable": "X", "year": 2026, "value": 20.0},
            {**base, "variable": "Old", "year": 2025, "value": 1.0},
        ]
    )
    b = pd.DataFrame(
        [
            {**base, "variable": "X", "year": 2025, "value": 10.0},
            {**base, "variable": "X", "year": 2026, "value": 25.0},
            {**base, "variable": "New", "year": 2025, "value": 2.0},
        ]
    )
    summary = diff_results(a, b).set_index("variable")
    assert summary["status"].to_dict() == {"New": "added", "Old": "removed", "X": "changed"}
    x = summary.loc["X"]
    assert (x["year"], x["a"], x["b"], x["change"], x["change_pct"]) == (2026, 20, 25, 5, 25)
    assert x["years_changed"] == 1 and x["max_abs_change"] == 5


@pytest.mark.parametrize("content", [None, "{", '{"format": "other"}'])
def test_a_folder_that_is_not_a_snapshot_is_refused(tmp_path, content):
    if content is not None:
        (tmp_path / "manifest.json").write_text(content)
    with pytest.raises(
        BatchError, match="pas un instantané|manifeste illisible|pas un manifeste d'instantané"
    ):
        load_snapshot(tmp_path)
    result = invoke("diff", tmp_path, tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_unwritable_diff_output_is_a_clear_error(reference, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke("diff", reference, reference, "--output", blocker / "sub")
    assert result.exit_code == 2 and "impossible d'écrire" in result.output
