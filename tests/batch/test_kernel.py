"""Warm kernels: a run sees nothing of the previous ones and gives a cold run's outputs."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import nbformat
import pytest

from prospectif.batch import parse_batch
from prospectif.batch.execute import RESULTS, execute_run, notebook_name
from prospectif.batch.kernel import WarmKernel
from prospectif.batch.plan import plan
from prospectif.resources import dashboards_dir

pytestmark = pytest.mark.timeout(240)

BATCH = """\
dashboards: [synthese]
territories: [DEP-71]
scenarios: [tendanciel]
horizon: 2050
"""

LEAKS = """\
import os, sys, email.mime.text
import prospectif.pipeline
import prospectif.ui.figures
leaked = 42
prospectif.pipeline.run_chain = lambda *args, **kwargs: None
prospectif.ui.figures.LEAKED = True
os.environ["PROSPECTIF_LEAK"] = "1"
sys.path.append("/leaked")
"""
"""What a careless run may leave: a global, a monkeypatch, a module attribute, an imported
module, an environment variable, a ``sys.path`` entry."""

SEEN = """\
{
    "global": "leaked" in globals(),
    "patch": getattr(prospectif.pipeline.run_chain, "__name__", "") == "<lambda>",
    "attribute": hasattr(prospectif.ui.figures, "LEAKED"),
    "module": "email.mime.text" in sys.modules,
    "environ": "PROSPECTIF_LEAK" in os.environ,
    "path": "/leaked" in sys.path,
}"""

PROBE = f"""\
import json, os, sys
import prospectif.pipeline
import prospectif.ui.figures
with open("probe.json", "w") as file:
    json.dump({SEEN}, file)
"""


def notebook(folder: Path, name: str, code: str, first: bool) -> Path:
    """The synthesis notebook with a cell ``code`` added before or after its own cells."""
    nb = nbformat.read(dashboards_dir() / "synthese.ipynb", as_version=4)
    cell = nbformat.v4.new_code_cell(code)
    nb.cells.insert(1 if first else len(nb.cells), cell)
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def synthesis_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kernel")
    (run,) = plan(parse_batch(BATCH, "essai.yaml", folder), "data")
    return run


@pytest.fixture(scope="module")
def kernel():
    warm = WarmKernel()
    yield warm
    warm.shutdown()


def test_a_run_cannot_see_what_a_previous_run_left(synthesis_run, kernel, tmp_path):
    leaky = dataclasses.replace(synthesis_run, notebook=notebook(tmp_path, "a", LEAKS, False))
    probe = dataclasses.replace(synthesis_run, notebook=notebook(tmp_path, "b", PROBE, True))
    assert execute_run(leaky, str(tmp_path / "a"), kernel)["status"] == "ok"
    process = kernel.km.provisioner.pid
    kernel.call(
        f"import os, sys, prospectif.pipeline, prospectif.ui.figures\nassert all({SEEN}.values())"
    )
    record = execute_run(probe, str(tmp_path / "b"), kernel)
    assert record["status"] == "ok", record["error"]
    assert kernel.km.provisioner.pid == process
    seen = json.loads((tmp_path / "b" / probe.folder / "probe.json").read_text())
    assert seen == dict.fromkeys(seen, False)


def test_a_warm_run_records_and_writes_what_a_cold_run_does(synthesis_run, kernel, tmp_path):
    warm = execute_run(synthesis_run, str(tmp_path / "warm"), kernel)
    warm_again = execute_run(synthesis_run, str(tmp_path / "again"), kernel)
    cold = execute_run(synthesis_run, str(tmp_path / "cold"))
    assert warm["status"] == warm_again["status"] == cold["status"] == "ok"
    assert warm["parameters"] == cold["parameters"]
    assert warm["metadata"] == cold["metadata"]
    assert warm["files"][RESULTS] == warm_again["files"][RESULTS] == cold["files"][RESULTS]
    executed = [
        nbformat.read(tmp_path / f / synthesis_run.folder / notebook_name(synthesis_run), 4)
        for f in ("warm", "cold")
    ]
    warm_nb, cold_nb = executed
    parameters = synthesis_run.parameters(output_dir=".")
    assert warm_nb.metadata.papermill.parameters == cold_nb.metadata.papermill.parameters
    assert warm_nb.metadata.papermill.parameters == parameters
    assert code_cells(warm_nb) == code_cells(cold_nb)


def code_cells(nb) -> list[tuple]:
    """Each code cell's source, execution count and output kinds."""
    return [
        (c.source, c.execution_count, [sorted(o.get("data", {})) for o in c.outputs])
        for c in nb.cells
        if c.cell_type == "code"
    ]
