"""The command line of ``prospectif serve`` and the server's committed configuration."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version

import pytest
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

from prospectif.errors import ServingError
from prospectif.resources import FIGURE_SCRIPT_VARIABLE, READ_ONLY_VARIABLE
from prospectif.serving.app import SERVING_DIR, ProspectifVoila
from prospectif.serving.handlers import describe, figure_script_address, list_dashboards
from prospectif.serving.kernels import BoundedKernelManager
from prospectif.serving.launch import ServeOptions, preheat_option, url_prefix, voila_arguments

from .server import write_notebook


def test_localhost_unless_public():
    assert "--Voila.ip=127.0.0.1" in voila_arguments(ServeOptions())
    assert "--Voila.ip=0.0.0.0" in voila_arguments(ServeOptions(public=True))


def test_sizing_reaches_the_server():
    arguments = voila_arguments(
        ServeOptions(max_kernels=7, pool_size=2, cull_idle_timeout=120, allowed_hosts=("a.fr",))
    )
    for expected in (
        "--BoundedKernelManager.max_kernels=7",
        "--VoilaConfiguration.default_pool_size=2",
        "--MappingKernelManager.cull_idle_timeout=120",
        "--MappingKernelManager.cull_interval=30",
        "--ProspectifVoila.allowed_hosts=a.fr",
    ):
        assert expected in arguments


def test_kernels_are_forked_unless_told_not_to():
    assert "--ProspectifVoila.fork_kernels=True" in voila_arguments(ServeOptions())
    no_fork = ServeOptions(fork_kernels=False)
    assert "--ProspectifVoila.fork_kernels=False" in voila_arguments(no_fork)


def test_read_only_is_a_setting_of_the_kernel_manager_not_of_the_environment():
    assert "--BoundedKernelManager.read_only=True" in voila_arguments(ServeOptions(read_only=True))
    assert "--BoundedKernelManager.read_only=False" in voila_arguments(ServeOptions())


def _run_alone(coroutine):
    """Run a coroutine in a thread of its own (an earlier test may leave a running loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=60)


def test_a_read_only_manager_starts_kernels_with_the_read_only_variable(monkeypatch):
    started = []

    async def start(self, *args, **kwargs):
        started.append(kwargs)
        return f"k{len(started)}"

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    monkeypatch.setenv("KEPT", "1")
    _run_alone(BoundedKernelManager(read_only=True).start_kernel(env={"VOILA": "x"}))
    _run_alone(BoundedKernelManager(read_only=True).start_kernel())
    _run_alone(BoundedKernelManager().start_kernel())
    script = {FIGURE_SCRIPT_VARIABLE: figure_script_address()}
    expected = {"VOILA": "x", "JUPYTER_WIDGETS_ECHO": "0", READ_ONLY_VARIABLE: "1", **script}
    assert started[0]["env"] == expected
    assert started[1]["env"][READ_ONLY_VARIABLE] == "1" and started[1]["env"]["KEPT"] == "1"
    assert READ_ONLY_VARIABLE not in started[2]["env"] and started[2]["env"]["KEPT"] == "1"
    assert started[2]["env"][FIGURE_SCRIPT_VARIABLE].endswith(".js?v=" + version("plotly"))


def test_preheat_option():
    assert preheat_option("demographie=20") == ("demographie.ipynb", 20)
    assert preheat_option("index.ipynb=0") == ("index.ipynb", 0)
    for wrong in ("demographie", "=3", "a=-1", "a=1.5", "a=101", "a=x"):
        with pytest.raises(ServingError, match="DASHBOARD=NOMBRE est attendu"):
            preheat_option(wrong)
    arguments = voila_arguments(ServeOptions(preheat=(("a.ipynb", 3),)))
    assert "--ProspectifVoila.preheat=a.ipynb=3" in arguments


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("", "/"), ("/", "/"), ("prospectif", "/prospectif/"), ("//a//b/", "/a/b/")],
)
def test_url_prefix(text, prefix):
    assert url_prefix(text) == prefix


def test_configuration_comes_only_from_the_committed_file():
    assert ProspectifVoila().config_file_paths == [str(SERVING_DIR)]
    config = json.loads((SERVING_DIR / "voila.json").read_text(encoding="utf-8"))
    assert config["VoilaConfiguration"]["show_tracebacks"] is False
    assert config["VoilaConfiguration"]["strip_sources"] is True
    assert config["VoilaConfiguration"]["allow_template_override"] == "NO"


def test_dashboards_are_described_by_their_first_heading(tmp_path):
    write_notebook(tmp_path / "b.ipynb", "1", title="Deuxième")
    write_notebook(tmp_path / "a.ipynb", "1")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    (tmp_path / "with space.ipynb").write_text("{}", encoding="utf-8")
    found = [(d.file, d.title, d.summary) for d in list_dashboards(tmp_path)]
    assert found == [
        ("a.ipynb", "a", ""),
        ("b.ipynb", "Deuxième", "Un tableau de test."),
        ("broken.ipynb", "broken", ""),
    ]
    assert describe(tmp_path / "b.ipynb").title == "Deuxième"


def test_pages_on_new_kernels_are_built_in_line_and_a_long_wait_gets_the_busy_page():
    async def room() -> None:
        manager = BoundedKernelManager(max_building=2, max_wait=20)
        manager.build_seconds = 8.0
        assert manager.expected_wait() == 0
        building = [manager.admit(), manager.admit()]
        for admission in building:
            await asyncio.wait_for(admission.wait(), 1)
        waiting = [manager.admit() for _ in range(4)]  # 2 rounds of 8 s: within 20 s
        assert None not in waiting and not any(a.turn.done() for a in waiting)
        assert manager.expected_wait() == 24 and manager.admit() is None  # busy page
        building[0].done()
        await asyncio.wait_for(waiting[0].wait(), 1)  # first in line, first built
        assert not waiting[1].turn.done()
        assert manager.build_seconds < 8.0  # the build measured (instant) lowers the estimate
        waiting[3].done(measured=False)  # a viewer who left while waiting
        assert manager.expected_wait() == 2 * manager.build_seconds  # 2 in line, 2 at a time

    _run_alone(room())
