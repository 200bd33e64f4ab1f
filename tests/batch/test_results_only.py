"""Results-only runs: the library's fast path, the notebooks' numbers, a verified snapshot."""

from __future__ import annotations

import re

import pytest

from prospectif.batch import load_batch, parse_batch, run_batch
from prospectif.batch.manifest import read_manifest
from prospectif.batch.runner import RESULTS_CHUNK, tasks
from prospectif.batch.verify import verify_snapshot
from prospectif.errors import BatchError

from .conftest import BATCH, write_batch
from .test_runner import RUNS, assert_same_results

pytestmark = pytest.mark.timeout(240)


def test_results_only_runs_write_the_notebooks_table_and_pass_verify(reference, tmp_path):
    batch = load_batch(write_batch(tmp_path, BATCH + "reports: false\n"))
    outcome = run_batch(batch, tmp_path / "snapshots", "fast", workers=1)
    assert not outcome.failed and outcome.manifest["status"] == "complete"
    for record, folder in zip(outcome.manifest["runs"], RUNS, strict=True):
        assert set(record["files"]) == {"resultats.parquet"}
        assert record["parameters"]["mode"] == "results"
        expected = read_manifest(reference)["runs"][RUNS.index(folder)]
        assert record["files"]["resultats.parquet"] == expected["files"]["resultats.parquet"]
        assert record["metadata"] == expected["metadata"]
    assert_same_results(outcome.snapshot, reference)
    index = (outcome.snapshot / "index.html").read_text(encoding="utf-8")
    assert "rapport.html" not in index and ".ipynb" not in index
    assert all(f'href="{folder}/resultats.parquet"' in index for folder in RUNS)
    assert verify_snapshot(outcome.snapshot) == []


def test_reports_for_a_subset_of_territories(tmp_path):
    text = BATCH.replace("[DEP-71]", "[DEP-71, DEP-21]") + "reports: [DEP-21]\n"
    runs = {(r.territory, r.report) for r in _plan(text, tmp_path)}
    assert runs == {("DEP-71", False), ("DEP-21", True)}


def test_a_wrong_reports_entry_is_named(tmp_path):
    with pytest.raises(BatchError, match=re.escape("reports.1")):
        parse_batch(BATCH + "reports: [DEP-71, DEP-999]\n", "lot.yaml", tmp_path)


def test_results_only_runs_go_by_chunks_of_one_dashboard_and_scenario(tmp_path):
    text = BATCH.replace("[DEP-71]", "[{selector: epci}]") + "reports: false\n"
    runs = _plan(text, tmp_path)
    groups = tasks(runs)
    assert sum(map(len, groups)) == len(runs) > RESULTS_CHUNK
    assert all(len({(r.dashboard, r.scenario.key) for r in g}) == 1 for g in groups)
    assert max(map(len, groups)) == RESULTS_CHUNK


def _plan(text, folder):
    from prospectif.batch.plan import plan

    return plan(parse_batch(text, "lot.yaml", folder), "data")
