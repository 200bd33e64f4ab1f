"""Verified snapshots: digests in the manifest, damaged outputs found, redone and named."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil

import pandas as pd
import pytest

from prospectif.batch import load_batch, run_batch
from prospectif.batch.execute import is_done
from prospectif.batch.manifest import read_manifest, snapshot_status
from prospectif.batch.plan import data_catalogue_hash, plan
from prospectif.batch.runner import combine, progress_counts
from prospectif.batch.verify import verify_snapshot
from prospectif.fileio import file_digest
from prospectif.messages import Message
from prospectif.results import INDEX

from .conftest import copy_snapshot, write_batch
from .test_runner import RUNS, assert_same_results, invoke


def rendered(problems) -> list[str]:
    return [p.render() for p in problems]


def test_manifest_records_size_and_sha256_of_every_output(reference):
    manifest = read_manifest(reference)
    assert set(manifest["outputs"]) == {"resultats.parquet", "index.html"}
    assert manifest["outputs"]["index.html"] == file_digest(reference / "index.html")
    for record, folder in zip(manifest["runs"], RUNS, strict=True):
        assert set(record["files"]) == {
            "demographie.ipynb",
            "rapport.html",
            "resultats.parquet",
            "rapport-4-pages.html",
            "rapport-4-pages.pdf",
        }
        for name, digest in record["files"].items():
            assert digest == file_digest(reference / folder / name)
            assert len(digest["sha256"]) == 64
    assert verify_snapshot(reference) == []
    result = invoke("batch", "verify", reference)
    assert result.exit_code == 0 and "millésime vérifié (2 exécutions)" in result.output


def test_verify_names_each_truncated_altered_or_deleted_file(reference, tmp_path):
    snapshot = copy_snapshot(reference, tmp_path)
    results = snapshot / RUNS[0] / "resultats.parquet"
    results.write_bytes(results.read_bytes()[:100])
    report = snapshot / RUNS[1] / "rapport.html"
    payload = bytearray(report.read_bytes())
    payload[1000:1016] = os.urandom(16)
    report.write_bytes(bytes(payload))
    (snapshot / "index.html").unlink()
    result = invoke("batch", "verify", snapshot)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 3, (result.output, result.exception)
    assert f"{snapshot}/index.html : fichier absent" in lines
    assert any(line.startswith(f"{results} : 100 octets au lieu de") for line in lines)
    assert f"{report} : contenu modifié (empreinte SHA-256 différente" in result.output
    assert "Traceback" not in result.output


def test_verify_refuses_a_snapshot_not_complete_and_a_folder_without_manifest(reference, tmp_path):
    snapshot = copy_snapshot(reference, tmp_path)
    manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    (snapshot / "manifest.json").write_text(json.dumps({**manifest, "status": "running"}))
    assert rendered(verify_snapshot(snapshot)) == [
        f"{snapshot}/manifest.json : millésime de statut 'running', pas 'complete'"
    ]
    result = invoke("batch", "verify", tmp_path / "vide")
    assert result.exit_code == 1 and "manifest.json" in result.output


def test_a_deleted_or_altered_output_means_the_run_is_not_done(reference, tmp_path):
    snapshot = copy_snapshot(reference, tmp_path)
    runs = plan(load_batch(write_batch(tmp_path)), data_catalogue_hash())
    assert all(is_done(snapshot / run.folder, run) for run in runs)
    (snapshot / RUNS[0] / "demographie.ipynb").unlink()
    (snapshot / RUNS[1] / "rapport.html").write_text("<html>", encoding="utf-8")
    assert [is_done(snapshot / run.folder, run) for run in runs] == [None, None]


def test_rows_two_dashboards_share_appear_once_in_the_combined_table(reference, tmp_path):
    """Only runs of one territory and scenario can repeat rows: the combined table is the
    runs' tables concatenated, duplicates dropped, sorted by the IAMC index."""
    snapshot = copy_snapshot(reference, tmp_path)
    runs = plan(load_batch(write_batch(tmp_path)), data_catalogue_hash())
    records = {r["id"]: r for r in read_manifest(snapshot)["runs"]}
    copy = dataclasses.replace(runs[0], dashboard="copie")  # the same rows, another dashboard
    shutil.copytree(snapshot / runs[0].folder, snapshot / copy.folder)
    records[copy.id] = records[runs[0].id]
    tables = [pd.read_parquet(snapshot / r.folder / "resultats.parquet") for r in runs]
    expected = pd.concat(tables, ignore_index=True).sort_values(INDEX, kind="stable")
    for shown in (runs, [*runs, copy]):
        table = combine(snapshot, shown, records)
        pd.testing.assert_frame_equal(table, expected.reset_index(drop=True))


def test_combine_reports_a_damaged_run_by_name_without_a_traceback(reference, tmp_path):
    snapshot = copy_snapshot(reference, tmp_path)
    runs = plan(load_batch(write_batch(tmp_path)), data_catalogue_hash())
    records = {r["id"]: r for r in read_manifest(snapshot)["runs"]}
    damaged = snapshot / RUNS[0] / "resultats.parquet"
    damaged.write_bytes(os.urandom(300))
    table = combine(snapshot, runs, records)
    assert set(table["scenario"]) == {"tendanciel"}
    record = records["demographie/DEP-71/insee-central"]
    assert record["status"] == "failed"
    assert record["error"].startswith(f"{damaged} : résultats illisibles (")
    assert record["error"].endswith("relancer avec --resume")


@pytest.mark.parametrize(
    ("counts", "combined", "status"),
    [
        ({"pending": 0, "failed": 0}, False, "running"),
        ({"pending": 1, "failed": 0}, True, "running"),
        ({"pending": 0, "failed": 1}, True, "failed"),
        ({"pending": 0, "failed": 0}, True, "complete"),
    ],
)
def test_complete_only_once_the_combined_files_are_verified(counts, combined, status):
    assert snapshot_status(counts, combined) == status


def test_resume_redoes_truncated_and_altered_runs_and_rewrites_the_combined_files(
    reference, tmp_path
):
    snapshot = copy_snapshot(reference, tmp_path / "snapshots")
    results = snapshot / RUNS[0] / "resultats.parquet"
    results.write_bytes(results.read_bytes()[:100])
    report = snapshot / RUNS[1] / "rapport.html"
    report.write_bytes(report.read_bytes().replace(b"<body", b"<bodx", 1))
    (snapshot / "resultats.parquet").write_bytes(b"PAR1")
    outcome = run_batch(
        load_batch(write_batch(tmp_path)), tmp_path / "snapshots", "ref", resume=True, workers=1
    )
    assert [r["reused"] for r in outcome.manifest["runs"]] == [False, False]
    assert outcome.manifest["status"] == "complete"
    assert verify_snapshot(snapshot) == []
    assert_same_results(snapshot, reference)


def test_a_batch_over_the_run_limit_needs_yes_or_max_runs(tmp_path):
    path = write_batch(tmp_path)
    result = invoke("batch", path, "--output", tmp_path / "s", "--max-runs", 1)
    assert result.exit_code == 2
    assert "ce lot compte 2 exécutions, plus que la limite de 1 : relancer avec --yes" in (
        result.output
    )
    assert not (tmp_path / "s").exists()


def test_progress_counts_runs_done_failed_left_and_the_estimated_end():
    counts = progress_counts(done=4, failed=1, total=10, elapsed=40.0)
    assert {k: counts[k] for k in ("ok", "failed", "left")} == {"ok": 3, "failed": 1, "left": 6}
    assert re.fullmatch(r"\d\d:\d\d", str(counts["end"]))
    assert Message("batch.bar", counts).render("en").startswith("3 ok, 1 failed, 6 left, ending")
