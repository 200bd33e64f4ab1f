"""Run a batch on Dask into a dated snapshot folder, resumably.

The snapshot ``<output>/<vintage>/`` holds ``runs/<dashboard>/<territory>/<scenario>/`` (one
folder per run, see :mod:`.execute`), ``manifest.json``, the combined ``resultats.parquet`` and
``index.html``. Runs execute on a local Dask cluster (one single-threaded worker process per
core) or on an existing scheduler, each worker keeping a warm kernel reused from run to run
(:mod:`.kernel`); a failed run is recorded and never stops the others. With
``resume``, runs whose folder holds a successful ``run.json`` with the same fingerprint are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from ..messages import Message, message
from ..reports.printing import check_chromium
from ..results import COLUMNS, INDEX, write_results
from .definition import Batch, BatchError
from .execute import (
    RESULTS,
    clean_leftovers,
    digests,
    execute_results,
    execute_run,
    is_done,
    now,
    run_record,
    summarize,
    write_plotly_asset,
)
from .index import INDEX as INDEX_PAGE
from .index import index_html, write_index
from .manifest import environment, manifest, write_manifest
from .plan import Run, data_catalogue_hash, plan

VINTAGE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"
LOCK = ".lock"
CONNECT_TIMEOUT = "20s"
MANIFEST_EVERY = 2.0
"""Seconds between two writes of the manifest while runs end (each run's ``run.json`` is what
``--resume`` trusts; rewriting a manifest of thousands of runs after each would cost more
than the runs)."""
OUTPUTS = (RESULTS, INDEX_PAGE)
"""The combined files, whose digests the final manifest records."""


@dataclass(frozen=True)
class BatchOutcome:
    """What a batch call produced: the snapshot folder and its final manifest."""

    snapshot: Path
    manifest: dict

    @property
    def failed(self) -> list[dict]:
        """Records of the failed runs."""
        return [r for r in self.manifest["runs"] if r["status"] == "failed"]


def default_vintage() -> str:
    """Today's date, ``YYYY-MM-DD``."""
    return dt.date.today().isoformat()


def run_batch(
    batch: Batch,
    output: Path,
    vintage: str | None = None,
    resume: bool = False,
    scheduler: str | None = None,
    workers: int | None = None,
) -> BatchOutcome:
    """Execute every run of ``batch`` into ``output/<vintage>/`` and write the snapshot files.

    Parameters
    ----------
    vintage
        Snapshot name (default: today's date).
    resume
        Keep the runs already done with the same inputs; redo the others.
    scheduler
        Address of an existing Dask scheduler (``tcp://host:8786``); default: a local cluster.
    workers
        Worker processes of the local cluster (default: one per core).

    Raises
    ------
    BatchError
        For an invalid vintage, an unwritable folder, a snapshot being written by another
        batch, or an unreachable scheduler.
    """
    vintage = vintage or default_vintage()
    if not re.match(VINTAGE_PATTERN, vintage):
        raise BatchError("batch.vintage", value=vintage)
    snapshot = Path(output).resolve() / vintage
    try:
        snapshot.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BatchError("batch.snapshot_folder", folder=snapshot, reason=exc) from None
    with snapshot_lock(snapshot):
        return _run_locked(batch, snapshot, vintage, resume, scheduler, workers)


def _run_locked(
    batch: Batch,
    snapshot: Path,
    vintage: str,
    resume: bool,
    scheduler: str | None,
    workers: int | None,
) -> BatchOutcome:
    clean_leftovers(snapshot)
    write_plotly_asset(snapshot)
    data_hash = data_catalogue_hash()
    runs = plan(batch, data_hash)
    env = environment()
    started, clock = now(), time.perf_counter()
    records = reusable_records(snapshot, runs) if resume else {}

    def document(outputs: dict | None = None) -> dict:
        times = {
            "started": started,
            "ended": now(),
            "duration_s": round(time.perf_counter() - clock, 3),
            "resumed": resume,
        }
        return manifest(batch, vintage, runs, records, data_hash, times, env, outputs)

    def save(outputs: dict | None = None) -> dict:
        write_manifest(snapshot, saved := document(outputs))
        return saved

    save()
    todo = [run for run in runs if run.id not in records]
    saved = time.monotonic()
    if any(run.report for run in todo):
        check_chromium()
    for record in execute_all(todo, snapshot, scheduler, workers):
        records[record["id"]] = {**record, "reused": False}
        if time.monotonic() - saved >= MANIFEST_EVERY:
            save()
            saved = time.monotonic()
    results = combine(snapshot, runs, records)
    write_index(snapshot, index_html(batch, runs, records, results, document()))
    return BatchOutcome(snapshot, save(verified_outputs(snapshot)))


def verified_outputs(snapshot: Path) -> dict[str, dict]:
    """Digests of the combined files, once each reads back (see :data:`OUTPUTS`).

    Raises
    ------
    BatchError
        If a combined file cannot be read back as written.
    """
    outputs = digests(snapshot, list(OUTPUTS))
    try:
        pd.read_parquet(snapshot / RESULTS)
    except (OSError, ValueError) as exc:
        raise BatchError("batch.output_unreadable", file=snapshot / RESULTS, reason=exc) from None
    return outputs


def reusable_records(snapshot: Path, runs: list[Run]) -> dict[str, dict]:
    """Records of the runs already done in ``snapshot`` with the same fingerprint."""
    found = {}
    for run in runs:
        record = is_done(snapshot / run.folder, run)
        if record is not None:
            found[run.id] = {**record, "reused": True}
    return found


def execute_all(
    runs: list[Run], snapshot: Path, scheduler: str | None, workers: int | None
) -> Iterator[dict]:
    """Execute ``runs`` on Dask; yield each record as its run ends, with a progress bar.

    A run with a report is one task (its notebook on the worker's warm kernel); results-only
    runs go by :data:`RESULTS_CHUNK` territories of one dashboard and scenario in one task
    (:func:`.execute.execute_results`).
    """
    if not runs:
        return
    from distributed import as_completed
    from tqdm import tqdm

    with dask_client(scheduler, workers) as client, warm_kernels(client):
        futures = {}
        for group in tasks(runs):
            work = (execute_run, group[0]) if group[0].report else (execute_results, group)
            key = f"run-{uuid.uuid4().hex}"
            futures[client.submit(*work, str(snapshot), key=key, pure=False)] = group
        clock, done, failed = time.monotonic(), 0, 0
        with tqdm(total=len(runs), unit="run", file=sys.stderr, disable=None) as bar:
            for future in as_completed(futures):
                for run, record in zip(
                    futures[future], _results(future, futures[future]), strict=True
                ):
                    done += 1
                    failed += record["status"] == "failed"
                    counts = progress_counts(done, failed, len(runs), time.monotonic() - clock)
                    bar.update(1)
                    bar.set_postfix_str(Message("batch.bar", counts).render(), refresh=False)
                    line = progress_line(record, run.id)
                    bar.write(f"[{done}/{len(runs)}] {line}", file=sys.stderr)
                    yield record


RESULTS_CHUNK = 250
"""Results-only runs per Dask task (territories of one dashboard and scenario)."""


def tasks(runs: list[Run]) -> list[list[Run]]:
    """``runs`` grouped into Dask tasks: one per run with a report, chunks of the others."""
    groups: dict[tuple[str, str], list[Run]] = {}
    single = []
    for run in runs:
        if run.report:
            single.append([run])
        else:
            groups.setdefault((run.dashboard, run.scenario.key), []).append(run)
    chunks = [
        group[i : i + RESULTS_CHUNK]
        for group in groups.values()
        for i in range(0, len(group), RESULTS_CHUNK)
    ]
    return chunks + single


STATUS = {"ok": Message("batch.status_ok"), "failed": Message("batch.status_failed")}
"""How a run's status is shown in the progress lines."""


def progress_counts(done: int, failed: int, total: int, elapsed: float) -> dict[str, object]:
    """Runs done, failed and remaining, and the estimated end (local ``HH:MM``) at this pace."""
    left = total - done
    end = dt.datetime.now() + dt.timedelta(seconds=elapsed / done * left)
    return {"ok": done - failed, "failed": failed, "left": left, "end": f"{end:%H:%M}"}


def progress_line(record: dict, run_id: str) -> str:
    """One line per finished run: status, id, duration and error, in the chosen language."""
    error = message("batch.run_error", error=record["error"]) if record["error"] else ""
    status, seconds = STATUS[record["status"]], record["duration_s"]
    return message("batch.progress", status=status, id=run_id, seconds=seconds, error=error)


def _results(future, runs: list[Run]) -> list[dict]:
    """The records a task returned, or failed records when its worker could not run it."""
    try:
        result = future.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker fails these runs only
        error = summarize(f"{type(exc).__name__}: {exc}")
        return [run_record(run, now(), 0.0, error) for run in runs]
    return result if isinstance(result, list) else [result]


@contextlib.contextmanager
def warm_kernels(client):
    """A warm kernel per worker thread while the block runs (see :mod:`.kernel`)."""
    from .kernel import PLUGIN, KernelPlugin

    client.register_plugin(KernelPlugin(), name=PLUGIN)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            client.unregister_worker_plugin(PLUGIN)


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int | None):
    """A Dask client: on ``scheduler`` if given, else on a local cluster of processes.

    The local cluster has no dashboard; its scheduler's HTTP server (metrics) takes a free
    port, never Dask's default 8787 that another cluster may hold.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            raise BatchError("batch.scheduler", address=scheduler, reason=exc) from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            scheduler_kwargs={"dashboard": False},
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def combine(snapshot: Path, runs: list[Run], records: dict[str, dict]) -> pd.DataFrame:
    """Write the snapshot's combined results table (every successful run); return it.

    The runs' files are read on :data:`READERS` threads. Rows repeated by several dashboards of
    the same territory and scenario appear once (rows of runs of different territories or
    scenarios differ by their region or scenario, so duplicates are looked for only when some
    territory and scenario has several runs). A run whose results cannot be read is marked
    failed in ``records``, its file named in the error.
    """
    done = [run for run in runs if records.get(run.id, {}).get("status") == "ok"]
    with ThreadPoolExecutor(READERS) as pool:
        read = list(pool.map(read_run_table, [snapshot / run.folder / RESULTS for run in done]))
    tables, kept = [], []
    for run, table in zip(done, read, strict=True):
        if isinstance(table, Message):
            records[run.id] = {**records[run.id], "status": "failed", "error": table.render()}
        else:
            tables.append(table)
            kept.append((run.territory, run.scenario.key))
    if tables:
        table = pa.concat_tables(tables, promote_options="default").to_pandas()
        if len(set(kept)) < len(kept):
            table = table.drop_duplicates()
        table = table.sort_values(INDEX, kind="stable").reset_index(drop=True)
    else:
        table = pd.DataFrame(
            {c: pd.Series(dtype=float if c == "value" else object) for c in COLUMNS}
        )
    write_results(table, snapshot / RESULTS)
    return table


READERS = 4
"""Threads reading the runs' results files (the reads and their decoding release the GIL)."""


def read_run_table(path: Path) -> pa.Table | Message:
    """A run's results table as read from its file, or the message saying why it cannot be."""
    try:
        return pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a damaged file
        return Message("batch.run_damaged", {"file": path, "reason": summarize(str(exc))})


@contextlib.contextmanager
def snapshot_lock(snapshot: Path):
    """Hold an exclusive lock on the snapshot folder (released even if the process is killed).

    The operating system's lock on ``.lock`` (``flock`` on Unix, ``msvcrt`` on Windows), never
    a lock file whose mere presence would outlive a killed batch.

    Raises
    ------
    BatchError
        If another batch is writing the same snapshot.
    """
    lock = FileLock(Path(snapshot) / LOCK, timeout=0, preserve_lock_file=True)
    try:
        lock.acquire()
    except Timeout:
        raise BatchError("batch.locked", folder=snapshot) from None
    try:
        yield
    finally:
        lock.release()
