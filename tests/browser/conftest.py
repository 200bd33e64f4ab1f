"""A real Voilà server (``prospectif serve``) and a real headless Chromium for the tests."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
CULL_IDLE_TIMEOUT = 120
"""Seconds after which the test servers stop a kernel whose page has gone."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(url)


@pytest.fixture(scope="session")
def workshop_scenarios(tmp_path_factory) -> Path:
    """A copy of the presets where the served dashboards save variants."""
    folder = tmp_path_factory.mktemp("browser") / "scenarios"
    shutil.copytree(ROOT / "scenarios", folder, ignore=shutil.ignore_patterns("ateliers"))
    return folder


@contextlib.contextmanager
def served(scenarios: Path, log_dir: Path, *options: str):
    """A dashboard server started like ``make serve`` does (with ``options``): its base URL."""
    port = free_port()
    env = dict(os.environ, PROSPECTIF_SCENARIOS=str(scenarios))
    command = [
        str(Path(sys.executable).parent / "prospectif"),
        "serve",
        "--port",
        str(port),
        # test pages close without unloading: their kernels are culled after 2 minutes, not 10,
        # or the suite's page every few seconds would reach the 40-kernel bound
        "--cull-idle-timeout",
        str(CULL_IDLE_TIMEOUT),
    ]
    log = (log_dir / "voila.log").open("wb")
    process = subprocess.Popen(
        [*command, *options], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def server(workshop_scenarios, tmp_path_factory) -> str:
    """Base URL of a dashboard server started like ``make serve`` does."""
    with served(workshop_scenarios, tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="module")
def read_only_server(workshop_scenarios, tmp_path_factory) -> str:
    """Base URL of a read-only server (``prospectif serve --read-only``)."""
    with served(workshop_scenarios, tmp_path_factory.mktemp("server"), "--read-only") as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(90_000)
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under ``build/screenshots/`` (``make screenshots`` copies
    them into ``docs/images/``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('#rendered_cells, body').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 1000), 6000)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path
