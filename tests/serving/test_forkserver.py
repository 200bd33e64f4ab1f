"""Kernels forked from the preloaded template (prospectif.serving.forkserver), through the
provisioner jupyter_client uses, as the dashboard server starts them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import psutil
import pytest
from ipywidgets.widgets import widget as widget_registry
from jupyter_client import KernelManager
from jupyter_client.provisioning import KernelProvisionerFactory

from prospectif.data import clear_default_data, open_data
from prospectif.resources import dashboards_dir
from prospectif.serving import forkserver
from prospectif.serving.kernels import KERNEL_ARGUMENTS
from prospectif.serving.provisioner import ForkingProvisioner

from .server import write_notebook

PROBE = """
import os, sys, numpy, plotly.io, ipywidgets.widgets.widget as widget
print(os.getppid(), os.getcwd(), os.environ.get("PROSPECTIF_PROBE"),
      "jupyter.widget.control" in get_ipython().kernel.comm_manager.targets,
      plotly.io.renderers.default, widget.JUPYTER_WIDGETS_ECHO, numpy.random.random(), sep="|")
"""


@pytest.fixture(scope="module")
def template():
    started = forkserver.ForkServer()
    yield started
    started.stop()


def fork_from(template, monkeypatch):
    """Kernels started by jupyter_client in this process go through the forking provisioner,
    forked from ``template``."""
    monkeypatch.setattr(forkserver, "_SHARED", [template])
    factory = KernelProvisionerFactory.instance()
    monkeypatch.setattr(factory, "default_provisioner_name", "prospectif-fork-provisioner")
    return template


@pytest.fixture
def forking(template, monkeypatch):
    """The module's template, used by the kernels this process starts."""
    return fork_from(template, monkeypatch)


def started_kernel(tmp_path, **env) -> tuple[KernelManager, object]:
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(
        extra_arguments=list(KERNEL_ARGUMENTS), cwd=str(tmp_path), env=dict(os.environ, **env)
    )
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=120)
    return manager, client


def output_of(client, code: str, timeout: float = 60) -> str:
    lines = []
    client.execute_interactive(
        code,
        timeout=timeout,
        output_hook=lambda m: lines.append(m["content"].get("text", "")),
    )
    return "".join(lines).strip()


def until_iopub(client, request: str, seen, timeout: float = 60) -> None:
    """Read the kernel's broadcasts until one answering ``request`` satisfies ``seen``."""
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") == request and seen(message):
            return


def stopped(manager: KernelManager, client) -> None:
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def test_only_the_default_kernel_of_this_python_is_forked():
    assert forkserver.forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not forkserver.forkable(["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "k"])
    assert not forkserver.forkable([sys.executable, "-c", "import sys; sys.exit(3)", "k.json"])
    assert not forkserver.forkable(["R", "--slave", "-e", "IRkernel::main()"])


@pytest.mark.timeout(300)
def test_a_forked_kernel_behaves_as_a_new_one(forking, tmp_path):
    manager, client = started_kernel(tmp_path, PROSPECTIF_PROBE="sonde")
    other, other_client = started_kernel(tmp_path)
    try:
        assert isinstance(manager.provisioner, ForkingProvisioner)
        process = psutil.Process(manager.provisioner.pid)
        assert process.ppid() == forking.process.pid  # forked, not started anew
        assert "ipykernel_launcher" in " ".join(process.cmdline())  # its own command line
        parent, cwd, probe, widgets, renderer, echo, draw = output_of(client, PROBE).split("|")
        assert int(parent) == forking.process.pid
        assert (cwd, probe, widgets, renderer, echo) == (
            str(tmp_path),
            "sonde",
            "True",
            "plotly_mimetype",
            "False",  # no echo of a page's updates (forkserver.KERNEL_ENVIRONMENT)
        )
        assert output_of(other_client, PROBE).split("|")[-1] != draw  # own random seed
        assert output_of(client, "import prospectif.ui.app; print(21 * 2)") == "42"
        # interrupted as any kernel: Ctrl-C stops a long computation, the kernel stays
        sleeping = client.execute("import time; print('dort', flush=True); time.sleep(120)")
        until_iopub(client, sleeping, lambda m: m["content"].get("text") == "dort\n")
        manager.interrupt_kernel()
        reply = client.get_shell_msg(timeout=30)
        until_iopub(client, sleeping, lambda m: m["content"].get("execution_state") == "idle")
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        again = client.execute_interactive("x = 6 * 7", user_expressions={"x": "x"}, timeout=60)
        assert again["content"]["status"] == "ok", again["content"]
        assert again["content"]["user_expressions"]["x"]["data"]["text/plain"] == "42"
    finally:
        pids = [manager.provisioner.pid, other.provisioner.pid]
        stopped(manager, client)
        stopped(other, other_client)
    deadline = time.monotonic() + 30
    while any(psutil.pid_exists(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)  # the template reaps its children within a second
    assert not any(psutil.pid_exists(p) for p in pids)


@pytest.mark.timeout(300)
def test_a_killed_kernel_is_seen_dead_and_restarts(forking, tmp_path):
    manager, client = started_kernel(tmp_path)
    try:
        first = manager.provisioner.pid
        os.kill(first, 9)
        deadline = time.monotonic() + 10
        while manager.is_alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not manager.is_alive()
        manager.restart_kernel(now=True)
        client.wait_for_ready(timeout=120)
        assert manager.provisioner.pid != first
        assert psutil.Process(manager.provisioner.pid).ppid() == forking.process.pid
        assert output_of(client, "print(6 * 7)") == "42"
    finally:
        stopped(manager, client)


@pytest.mark.timeout(300)
def test_without_a_template_kernels_start_as_new_processes(forking, tmp_path, monkeypatch):
    monkeypatch.setattr(forkserver, "_SHARED", [])
    manager, client = started_kernel(tmp_path)
    try:
        assert psutil.Process(manager.provisioner.pid).ppid() == os.getpid()
        assert output_of(client, "print(6 * 7)") == "42"
    finally:
        stopped(manager, client)


@pytest.mark.timeout(120)
def test_kernels_stop_when_the_template_stops(tmp_path, monkeypatch):
    template = fork_from(forkserver.ForkServer(), monkeypatch)
    manager, client = started_kernel(tmp_path)
    kernel = psutil.Process(manager.provisioner.pid)
    client.stop_channels()
    template.stop()
    kernel.wait(timeout=30)  # ipykernel's parent poller: its parent is gone
    assert not manager.is_alive()


def test_the_default_view_comes_from_the_notebook_parameters(tmp_path):
    assert forkserver.notebook_parameters(dashboards_dir() / "synthese.ipynb") == {
        "territory": "DEP-71",
        "scenario": "tendanciel",
        "horizon": 2050,
        "scenario_file": "",
        "compare": "",
    }
    notebook = write_notebook(tmp_path / "demographie.ipynb", "x = 1")
    with pytest.raises(StopIteration):  # no parameters cell: the view is left to its kernel
        forkserver.notebook_parameters(notebook)


@pytest.mark.timeout(300)
def test_the_template_builds_every_default_view_and_keeps_no_widget(tmp_path, capsys):
    for name in ("demographie", "energie"):
        shutil.copy(dashboards_dir() / f"{name}.ipynb", tmp_path)
    write_notebook(tmp_path / "synthese.ipynb", "x = 1")  # a dashboard's name, no parameters
    clear_default_data()
    forkserver.warm_views(tmp_path)
    assert "synthese.ipynb not preloaded" in capsys.readouterr().out
    data = open_data()
    for key in ("territory.DEP-71", "energy.production", "inventory.cube"):
        data.derived(key, lambda: pytest.fail("not computed by the views"))  # kept, shared
    assert not widget_registry._instances  # no widget of these views reaches a kernel


@pytest.mark.timeout(120)
def test_the_template_leaves_nothing_behind_when_the_server_dies(tmp_path):
    """A server killed at once (no atexit) leaves a template that notices and cleans up."""
    script = (
        "import asyncio, time; from prospectif.serving import forkserver\n"
        "t = forkserver.ForkServer(); asyncio.run(t.ready()); print(t.address, flush=True)\n"
        "time.sleep(600)\n"
    )
    server = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    address = server.stdout.readline().strip()
    template = psutil.Process(server.pid).children()[0]
    server.kill()
    server.wait()
    template.wait(timeout=30)  # it checks its parent every second
    assert not os.path.exists(os.path.dirname(address))
