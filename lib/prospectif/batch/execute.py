"""One run: the notebook executed by Papermill in report mode, its HTML report, its results.

Everything is written into a temporary folder next to the run's folder, then published by
renaming the folder: a run folder is always complete. Its ``run.json`` marker, written last,
holds the run's fingerprint and status; ``--resume`` trusts a run only through it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import socket
import threading
import time
import uuid
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..fileio import atomic_write_bytes, atomic_write_text, file_digest
from ..messages import Message, message
from ..reports import REPORT_HTML, REPORT_PDF
from ..results import read_metadata
from .plan import Run

if TYPE_CHECKING:
    from .kernel import WarmKernel

KERNEL = "python3"
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
"""The venv's Python kernel, without its own log lines on the batch's terminal (errors are
kept in the executed notebook)."""
MARKER = "run.json"
REPORT = "rapport.html"
RESULTS = "resultats.parquet"
PLOTLY_ASSET = PurePosixPath("assets", "plotly.min.js")
"""plotly.js, once per snapshot, loaded by every report from disk (no network)."""
PLOTLY_MIME = "application/vnd.plotly.v1+json"
ERROR_CHARS = 500

REPORT_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js_requirejs -%}
<script src="{{ resources.plotly_src }}"></script>
{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""
"""JupyterLab's HTML look, with plotly.js from the snapshot and no script from the network."""


def notebook_name(run: Run) -> str:
    """File name of a run's executed notebook (``<dashboard>.ipynb``)."""
    return f"{run.dashboard}.ipynb"


def execute_run(run: Run, snapshot: str, kernel: WarmKernel | None = None) -> dict:
    """Execute ``run`` into ``snapshot/runs/…``; return its record (also its ``run.json``).

    The notebook runs on ``kernel``, else on the calling Dask worker's warm kernel (see
    :mod:`.kernel`), else on a kernel started for this run alone.

    Never raises for a failing notebook or an invalid scenario: the record says ``failed`` with
    the error, and the run folder keeps the executed notebook (with the failing cell).
    """
    return write_run(
        run,
        snapshot,
        lambda tmp: (
            run.scenario.error
            or _execute(run, tmp, kernel or _worker_kernel())
            or write_report_pdf(run, tmp)
        ),
    )


def execute_results(runs: list[Run], snapshot: str) -> list[dict]:
    """Results-only ``runs`` (one dashboard and scenario), all territories in one call.

    :func:`prospectif.pipeline.run_chains` projects them together; each run's folder gets
    the table the dashboard's notebook would have written and its ``run.json``. Each record's
    duration is its share of the computation plus its own writing. Never raises for an
    invalid scenario or a failing computation: every run's record then says ``failed``.
    """
    from ..errors import ProspectifError
    from ..pipeline import run_chains
    from ..results import write_results
    from ..ui import DASHBOARDS
    from ..ui.state import base_scenario

    first, clock = runs[0], time.perf_counter()
    error, tables = first.scenario.error, []
    try:
        if not error:
            spec = first.scenario
            reference = Path(spec.parameter) if spec.is_file else spec.parameter
            chains = run_chains(
                [r.territory for r in runs], base_scenario(reference, first.horizon)
            )
            tables = [chain.table(DASHBOARDS[first.dashboard].models) for chain in chains]
    except ProspectifError as exc:
        error = summarize(exc.render())
    except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
        error = summarize(f"{type(exc).__name__}: {exc}")
    share = (time.perf_counter() - clock) / len(runs)

    def produce(i: int):
        def write(tmp: Path) -> str:
            if not error:
                write_results(tables[i], tmp / RESULTS)
            return error

        return write

    return [write_run(run, snapshot, produce(i), share) for i, run in enumerate(runs)]


def write_run(run: Run, snapshot: str, produce, extra_seconds: float = 0.0) -> dict:
    """Publish the folder of ``run``: ``produce(tmp)`` writes its files, ``run.json`` last.

    ``produce`` returns '' or the error; everything is written into a temporary folder next
    to the run's folder, published by renaming (see :func:`publish`).
    """
    final = Path(snapshot) / run.folder
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.tmp-{uuid.uuid4().hex[:12]}")
    tmp.mkdir()
    started, clock = now(), time.perf_counter()
    try:
        error = produce(tmp)
        seconds = time.perf_counter() - clock + extra_seconds
        record = run_record(run, started, seconds, error)
        if not error:
            record["metadata"] = [m.summary() for m in read_metadata(tmp / RESULTS)]
            record["files"] = digests(tmp, output_names(run))
        atomic_write_text(tmp / MARKER, json.dumps(record, ensure_ascii=False, indent=1))
        publish(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return record


def _execute(run: Run, tmp: Path, kernel: WarmKernel | None) -> str:
    """Run the notebook and write the report into ``tmp``; return '' or the error summary.

    A warm ``kernel`` that ran a failing notebook is shut down (the next run gets a new one).
    """
    from papermill.exceptions import PapermillExecutionError

    try:
        executed = execute_notebook(run, tmp, kernel)
        if not (tmp / RESULTS).is_file():
            error = message("batch.no_results", file=RESULTS)
        else:
            write_outputs(run, executed, tmp)
            return ""
    except PapermillExecutionError as exc:
        error = message("batch.cell_error", name=exc.ename, value=exc.evalue, cell=exc.exec_count)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded, never raised
        error = f"{type(exc).__name__}: {exc}"
    if kernel is not None:
        kernel.shutdown()
    return summarize(error)


def execute_notebook(run: Run, tmp: Path, kernel: WarmKernel | None = None):
    """Papermill's execution of ``run``'s notebook into ``tmp`` (its working folder).

    On a warm ``kernel`` reset first (see :mod:`.kernel`), else on a new kernel.
    """
    import papermill as pm

    if kernel is not None:
        kernel.prepare(run, tmp)
        options = kernel.papermill_options()
    else:
        options = {"kernel_name": KERNEL, "cwd": str(tmp), "extra_arguments": KERNEL_ARGUMENTS}
    return pm.execute_notebook(
        str(run.notebook),
        str(tmp / notebook_name(run)),
        parameters=run.parameters(output_dir="."),
        progress_bar=False,
        **options,
    )


def write_outputs(run: Run, executed, tmp: Path) -> None:
    """Write what a run publishes besides its notebook and results: its HTML report."""
    depth = "../" * len(run.folder.parts)
    title = f"{run.territory} — {run.scenario.key} — {run.dashboard}"
    atomic_write_text(tmp / REPORT, report_html(executed, f"{depth}{PLOTLY_ASSET}", title))


def write_report_pdf(run: Run, folder: Path) -> str:
    """Write the run's 4-page report (HTML and PDF) into ``folder``; '' or the error summary.

    One Chromium per worker process prints every run's report (:func:`shared_printer`).
    """
    from ..errors import ProspectifError
    from ..reports import territory_report, write_report
    from ..reports.printing import shared_printer
    from ..scenario import scenario_from_file, scenario_from_presets

    spec, depth = run.scenario, "../" * len(run.folder.parts)
    try:
        scenario = (
            scenario_from_file(Path(spec.parameter), run.horizon)
            if spec.is_file
            else scenario_from_presets(spec.parameter, run.horizon)
        )
        report = territory_report(run.territory, scenario)
        write_report(report, folder, shared_printer(), plotly_src=f"{depth}{PLOTLY_ASSET}")
    except ProspectifError as exc:
        return summarize(exc.render())
    return ""


def run_record(run: Run, started: str, seconds: float, error: str = "") -> dict:
    """The record of a run: inputs, fingerprint, status, timings, error (``files`` empty)."""
    ok = not error
    return {
        "id": run.id,
        "dashboard": run.dashboard,
        "territory": run.territory,
        "scenario": run.scenario.key,
        "scenario_source": run.scenario.parameter,
        "scenario_hash": run.scenario.hash,
        "parameters": run.parameters(output_dir="."),
        "fingerprint": run.fingerprint,
        "status": "ok" if ok else "failed",
        "error": error,
        "started": started,
        "ended": now(),
        "duration_s": round(seconds, 3),
        "host": socket.gethostname(),
        "worker": _worker_address(),
        "files": {},
    }


def output_names(run: Run) -> list[str]:
    """The files a successful run leaves besides its ``run.json``."""
    if not run.report:
        return [RESULTS]
    return [notebook_name(run), REPORT, RESULTS, REPORT_HTML, REPORT_PDF]


def digests(folder: Path, names: list[str]) -> dict[str, dict]:
    """Size and SHA-256 of each file ``names`` of ``folder`` (see :func:`file_digest`)."""
    return {name: file_digest(Path(folder) / name) for name in names}


def damage(folder: Path, files: dict[str, dict]) -> list[Message]:
    """One message per file of ``files`` (name → digest) missing or altered in ``folder``."""
    return [m for name, digest in files.items() if (m := _file_damage(Path(folder) / name, digest))]


def _file_damage(path: Path, digest: dict) -> Message | None:
    try:
        found = file_digest(path) if path.is_file() else None
    except OSError:
        found = None
    if found is None:
        return Message("batch.file_missing", {"file": path})
    if found["size"] != digest.get("size"):
        sizes = {"file": path, "size": found["size"], "expected": digest.get("size")}
        return Message("batch.file_size", sizes)
    if found["sha256"] != digest.get("sha256"):
        return Message("batch.file_altered", {"file": path})
    return None


def _worker_kernel() -> WarmKernel | None:
    from .kernel import worker_kernel

    return worker_kernel()


def _worker_address() -> str:
    """Address of the Dask worker running this code ('' outside a worker)."""
    from distributed import get_worker

    try:
        return get_worker().address
    except ValueError:
        return ""


def summarize(text: str) -> str:
    """An error on one line, at most :data:`ERROR_CHARS` characters."""
    line = " ".join(str(text).split())
    return line if len(line) <= ERROR_CHARS else line[: ERROR_CHARS - 1] + "…"


def report_html(notebook, plotly_src: str, title: str) -> str:
    """HTML of an executed notebook without code, plotly figures interactive.

    Parameters
    ----------
    notebook
        The executed notebook (an ``nbformat`` node).
    plotly_src
        Address of plotly.js relative to the report (see :data:`PLOTLY_ASSET`).
    title
        Page title.
    """
    notebook = copy.deepcopy(notebook)
    notebook.cells = [c for c in notebook.cells if c.cell_type != "code" or c.get("outputs")]
    for i, cell in enumerate(notebook.cells):
        for j, output in enumerate(cell.get("outputs", [])):
            figure = output.get("data", {}).get(PLOTLY_MIME)
            if figure is not None:
                output["data"] = {"text/html": _figure_html(figure, f"figure-{i}-{j}")}
    body, _ = _exporter().from_notebook_node(
        notebook, resources={"plotly_src": plotly_src, "metadata": {"name": title}}
    )
    return body


_exporters = threading.local()
"""Each thread's HTML exporter: its templates are compiled once, not for every report."""


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = getattr(_exporters, "exporter", None)
    if exporter is None:
        exporter = _exporters.exporter = HTMLExporter(
            template_name="lab",
            extra_loaders=[DictLoader({"rapport.html.j2": REPORT_TEMPLATE})],
            template_file="rapport.html.j2",
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            language_code="fr",
        )
    return exporter


def _figure_html(figure: dict, div_id: str) -> str:
    import plotly.io as pio

    return pio.to_html(
        figure,
        include_plotlyjs=False,
        full_html=False,
        div_id=div_id,
        validate=False,
        config={"displaylogo": False, "responsive": True},
    )


def write_plotly_asset(snapshot: Path) -> Path:
    """Write plotly.js into the snapshot (:data:`PLOTLY_ASSET`) unless already there."""
    from plotly.offline import get_plotlyjs

    path = Path(snapshot) / PLOTLY_ASSET
    payload = get_plotlyjs().encode("utf-8")
    if not path.is_file() or path.stat().st_size != len(payload) or path.read_bytes() != payload:
        atomic_write_bytes(path, payload)
    return path


def publish(tmp: Path, final: Path) -> None:
    """Replace the folder ``final`` by the complete folder ``tmp`` (renames on one disk).

    Files are flushed to disk first; a previous ``final`` is renamed away, then removed.
    """
    for path in tmp.iterdir():
        _fsync(path)
    _fsync(tmp)
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:12]}")
    try:
        os.rename(final, old)
    except FileNotFoundError:
        pass
    os.rename(tmp, final)
    _fsync(final.parent)
    shutil.rmtree(old, ignore_errors=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_marker(folder: Path) -> dict | None:
    """The ``run.json`` record of a run folder, or None if absent or unreadable."""
    try:
        record = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def is_done(folder: Path, run: Run) -> dict | None:
    """The record of ``run`` if its folder holds a successful run with the same fingerprint.

    Its outputs must all be there with the sizes and SHA-256 its ``run.json`` recorded.
    """
    record = read_marker(folder)
    if (
        record is None
        or record.get("status") != "ok"
        or record.get("fingerprint") != run.fingerprint
    ):
        return None
    files = record.get("files")
    if not isinstance(files, dict) or set(files) != set(output_names(run)):
        return None
    return None if damage(folder, files) else record


def clean_leftovers(snapshot: Path) -> None:
    """Remove what interrupted writes left: temporary and replaced run folders, temp files."""
    snapshot = Path(snapshot)
    for path in snapshot.glob("runs/*/*/.*"):
        if path.is_dir() and (".tmp-" in path.name or ".old-" in path.name):
            shutil.rmtree(path, ignore_errors=True)
    for path in [*snapshot.glob(".*.tmp"), *snapshot.glob("assets/.*.tmp")]:
        path.unlink(missing_ok=True)


def now() -> str:
    """The current time, ISO 8601 in UTC, to the second."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
