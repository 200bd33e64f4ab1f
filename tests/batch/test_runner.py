"""Real batches: snapshot layout, failures, resume, SIGKILL, an external Dask cluster."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from click.testing import CliRunner

from prospectif.batch import load_batch, run_batch
from prospectif.batch.manifest import read_manifest
from prospectif.cli import main
from prospectif.pipeline import run
from prospectif.resources import dashboards_dir
from prospectif.results import assert_results_equal
from prospectif.scenario import scenario_from_presets

from .conftest import BATCH, copy_snapshot, same_rows, write_batch

RUN_FILES = {
    "demographie.ipynb",
    "rapport.html",
    "resultats.parquet",
    "run.json",
    "rapport-4-pages.html",
    "rapport-4-pages.pdf",
}
RUNS = ("runs/demographie/DEP-71/insee-central", "runs/demographie/DEP-71/tendanciel")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_same_results(snapshot: Path, reference: Path) -> None:
    """Byte-identical results tables, per run and combined."""
    for name in (*(f"{r}/resultats.parquet" for r in RUNS), "resultats.parquet"):
        assert (snapshot / name).read_bytes() == (reference / name).read_bytes(), name


def leftovers(snapshot: Path) -> list[Path]:
    return [p for p in snapshot.rglob(".*") if ".tmp" in p.name or ".old-" in p.name]


def test_snapshot_layout_manifest_and_index(reference):
    assert {p.name for p in reference.iterdir()} == {
        ".lock",
        "assets",
        "index.html",
        "manifest.json",
        "resultats.parquet",
        "runs",
    }
    for folder in RUNS:
        assert {p.name for p in (reference / folder).iterdir()} == RUN_FILES
    manifest = read_manifest(reference)
    assert manifest["status"] == "complete" and manifest["counts"]["ok"] == 2
    assert manifest["batch"]["definition"]["scenarios"] == ["insee-central", "tendanciel"]
    assert len(manifest["data"]["catalogue_hash"]) == 64
    env = manifest["environment"]
    assert env["python"] and env["prospectif"] and env["dependencies"]["papermill"]
    record = manifest["runs"][1]
    assert record["id"] == "demographie/DEP-71/tendanciel" and record["status"] == "ok"
    assert record["scenario_hash"] == manifest["batch"]["scenarios"]["tendanciel"]["hash"]
    assert record["parameters"]["mode"] == "report"
    (metadata,) = record["metadata"]
    assert metadata["scenario_hash"] == record["scenario_hash"]
    assert metadata["data_hash"] == manifest["data"]["catalogue_hash"]
    assert metadata["territory"] == "DEP-71" and "Population Peak" in metadata["scalars"]
    assert record["started"] <= record["ended"] and record["duration_s"] > 0
    index = (reference / "index.html").read_text(encoding="utf-8")
    assert (
        "Saône-et-Loire (DEP-71)" in index
        and "Tendanciel – niveaux récents prolongés (tendanciel)" in index
    )
    assert f'href="{RUNS[1]}/rapport.html"' in index


def test_results_are_the_library_numbers(reference):
    combined = pd.read_parquet(reference / "resultats.parquet")
    expected = pd.concat(
        [run("DEP-71", scenario_from_presets(s, 2050)) for s in ("insee-central", "tendanciel")]
    )
    assert_results_equal(combined, same_rows(expected, combined), rtol=0, atol=0)


def test_report_is_offline_html_without_code(reference):
    page = (reference / RUNS[0] / "rapport.html").read_text(encoding="utf-8")
    assert '<script src="../../../../assets/plotly.min.js"></script>' in page
    assert page.count('class="plotly-graph-div"') >= 2
    head = page.split("<body")[0]
    assert not re.findall(r'(?:src=|href=|url\()"?https?:', head)
    assert "demography_report" not in page and "from prospectif" not in page
    assert (reference / "assets" / "plotly.min.js").stat().st_size > 1_000_000


def test_failed_runs_are_recorded_and_never_stop_the_others(reference, tmp_path):
    dashboards = tmp_path / "dashboards"
    dashboards.mkdir()
    shutil.copy(dashboards_dir() / "demographie.ipynb", dashboards)
    failing = nbformat.v4.new_notebook()
    failing.cells = [
        nbformat.v4.new_code_cell(
            'territory = "DEP-71"\nscenario = "x"\nhorizon = 2070\nmode = "report"\n'
            'output_dir = ""',
            metadata={"tags": ["parameters"]},
        ),
        nbformat.v4.new_code_cell('raise RuntimeError("panne simulée")'),
    ]
    failing.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    nbformat.write(failing, dashboards / "panne.ipynb")
    failing.cells = failing.cells[:1]
    nbformat.write(failing, dashboards / "muet.ipynb")
    (tmp_path / "casse.yaml").write_text(
        "label: {fr: Cassé}\ndemography: {fertility: {tfr_target: 9}}\n", encoding="utf-8"
    )
    text = BATCH.replace("[demographie]", "[demographie, panne, muet]").replace(
        "tendanciel", "casse.yaml"
    )
    path = write_batch(tmp_path, text)
    copy_snapshot(reference, tmp_path / "snapshots")
    outcome = run_batch(
        load_batch(path, dashboards), tmp_path / "snapshots", "ref", resume=True, workers=2
    )
    records = {r["id"]: r for r in outcome.manifest["runs"]}
    assert records["demographie/DEP-71/insee-central"]["status"] == "ok"
    failed = {i: r["error"] for i, r in records.items() if r["status"] == "failed"}
    assert set(failed) == {
        "demographie/DEP-71/casse",
        "panne/DEP-71/insee-central",
        "panne/DEP-71/casse",
        "muet/DEP-71/insee-central",
        "muet/DEP-71/casse",
    }
    assert "tfr_target = 9 : trop grand" in failed["demographie/DEP-71/casse"]
    assert failed["panne/DEP-71/insee-central"].startswith("RuntimeError: panne simulée")
    assert "le notebook n'a pas écrit resultats.parquet" in failed["muet/DEP-71/insee-central"]
    kept = outcome.snapshot / "runs/panne/DEP-71/insee-central"
    assert json.loads((kept / "run.json").read_text())["status"] == "failed"
    assert "panne simulée" in (kept / "panne.ipynb").read_text(encoding="utf-8")
    assert outcome.manifest["status"] == "failed"
    combined = pd.read_parquet(outcome.snapshot / "resultats.parquet")
    assert combined["scenario"].unique().tolist() == ["insee-central"]
    assert "échec : RuntimeError: panne simulée" in (outcome.snapshot / "index.html").read_text()


def test_cli_exit_status_is_one_when_a_run_failed(reference, tmp_path):
    (tmp_path / "casse.yaml").write_text("label: {fr: C}\nhorizon: 1900\n", encoding="utf-8")
    path = write_batch(tmp_path, BATCH.replace("tendanciel", "casse.yaml"))
    copy_snapshot(reference, tmp_path / "snapshots")
    result = invoke(
        "batch", path, "--output", tmp_path / "snapshots", "--vintage", "ref", "--resume"
    )
    assert result.exit_code == 1, result.output
    assert "2 calculs : 1 réussis (1 repris d'avant), 1 en échec" in result.output
    assert "[1/1] échec  demographie/DEP-71/casse (" in result.output  # one log line per run
    assert "échec : demographie/DEP-71/casse :" in result.output
    assert "horizon = 1900 : trop petit" in result.output


def test_cli_invalid_batch_is_one_clear_line(tmp_path):
    path = tmp_path / "lot.yaml"
    path.write_text(BATCH.replace("[DEP-71]", "[DEP-999]"), encoding="utf-8")
    result = invoke("batch", path, "--output", tmp_path)
    assert result.exit_code == 2
    assert "territories.0 : code de territoire 'DEP-999' inconnu" in result.output
    assert "Traceback" not in result.output
    result = invoke("batch", write_batch(tmp_path), "--output", tmp_path, "--vintage", "../x")
    assert result.exit_code == 2 and "millésime '../x' invalide" in result.output
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = invoke("batch", write_batch(tmp_path), "--output", blocker / "sub")
    assert result.exit_code == 2 and "impossible de créer le dossier d'instantané" in result.output


def test_resume_redoes_a_half_written_run_and_keeps_the_others(reference, tmp_path):
    snapshot = copy_snapshot(reference, tmp_path / "snapshots")
    half = snapshot / RUNS[0]
    (half / "run.json").unlink()
    results = half / "resultats.parquet"
    results.write_bytes(results.read_bytes()[:100])
    (half / "rapport.html").unlink()
    stale = snapshot / "runs/demographie/DEP-71/.tendanciel.tmp-123"
    stale.mkdir()
    (stale / "demographie.ipynb").write_text("{")
    outcome = run_batch(
        load_batch(write_batch(tmp_path)), tmp_path / "snapshots", "ref", resume=True, workers=1
    )
    reused = {r["id"]: r["reused"] for r in outcome.manifest["runs"]}
    assert reused == {
        "demographie/DEP-71/insee-central": False,
        "demographie/DEP-71/tendanciel": True,
    }
    assert outcome.manifest["status"] == "complete"
    assert_same_results(snapshot, reference)
    assert not leftovers(snapshot)


@pytest.mark.slow
def test_sigkill_then_resume_finishes_with_the_same_results(reference, tmp_path):
    path = write_batch(tmp_path)
    output = tmp_path / "snapshots"
    command = [sys.executable, "-c", "from prospectif.cli import main; main()", "batch"]
    args = [str(path), "--output", str(output), "--vintage", "ref", "--workers", "1"]
    process = subprocess.Popen(
        [*command, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 300
        while not list(output.glob("ref/runs/*/*/*/run.json")):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        _kill_group(process)
    snapshot = output / "ref"
    assert read_manifest(snapshot)["status"] == "running"
    assert invoke("batch", "verify", snapshot).exit_code == 1
    result = invoke("batch", path, "--output", output, "--vintage", "ref", "--resume")
    assert result.exit_code == 0, result.output
    assert "2 calculs : 2 réussis (1 repris d'avant), 0 en échec" in result.output
    manifest = read_manifest(snapshot)
    assert manifest["status"] == "complete" and manifest["counts"]["ok"] == 2
    assert invoke("batch", "verify", snapshot).exit_code == 0
    assert_same_results(snapshot, reference)
    assert not leftovers(snapshot)


def _kill_group(process: subprocess.Popen) -> None:
    """Stop what the killed batch may have left in its session (its Dask workers, kernels)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


@pytest.mark.slow
def test_batch_on_a_dask_scheduler_and_worker_started_as_processes(reference, tmp_path):
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler_file = tmp_path / "scheduler.json"
    scheduler = subprocess.Popen(
        [*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard"]
        + ["--scheduler-file", str(scheduler_file)],
        stderr=subprocess.DEVNULL,
    )
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not scheduler_file.is_file() or not scheduler_file.read_text().strip():
            assert scheduler.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        worker = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address]
            + ["--nthreads", "1", "--nworkers", "1", "--host", "127.0.0.1", "--no-dashboard"],
            stderr=subprocess.DEVNULL,
        )
        path = write_batch(tmp_path)
        output = tmp_path / "snapshots"
        result = invoke(
            "batch", path, "--output", output, "--vintage", "ref", "--scheduler", address
        )
        assert result.exit_code == 0, result.output
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=60)
    manifest = read_manifest(output / "ref")
    workers = {r["worker"] for r in manifest["runs"]}
    assert len(workers) == 1 and workers.pop().startswith("tcp://127.0.0.1:")
    assert_same_results(output / "ref", reference)
    for folder in RUNS:
        same = (output / "ref" / folder / "rapport.html").read_bytes()
        assert same == (reference / folder / "rapport.html").read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    path = write_batch(tmp_path)
    result = invoke(
        "batch", path, "--output", tmp_path / "s", "--scheduler", "foo://127.0.0.1:9", "--resume"
    )
    assert result.exit_code == 2
    assert (
        "ordonnanceur Dask foo://127.0.0.1:9 injoignable : unknown address scheme" in result.output
    )


def test_a_snapshot_being_written_is_locked(reference, tmp_path):
    from prospectif.batch.runner import snapshot_lock

    snapshot = copy_snapshot(reference, tmp_path)
    with snapshot_lock(snapshot):
        result = invoke("batch", write_batch(tmp_path), "--output", tmp_path, "--vintage", "ref")
    assert result.exit_code == 2 and "est en cours d'écriture par un autre lot" in result.output
