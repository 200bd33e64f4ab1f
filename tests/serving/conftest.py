"""Tiny dashboards and real servers over them (one per test module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .server import ERROR_MARKER, SOURCE_MARKER, Server, start_server, write_notebook

LOG_TAIL = 20_000
"""Characters of a server's log attached to a failed test (its end)."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the log of every server a failed (or timed-out) test used to its report.

    pytest-timeout's ``signal`` method fails the hung test like any other failure, so a hang
    in a server test shows what the server was doing.
    """
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    for name, value in getattr(item, "funcargs", {}).items():
        if isinstance(value, Server) and value.process is not None:
            report.sections.append((f"server log ({name})", value.log()[-LOG_TAIL:]))


@pytest.fixture(scope="module")
def dashboards(tmp_path_factory) -> Path:
    """A served folder: two dashboards, one failing, and files that must never be served."""
    folder = tmp_path_factory.mktemp("dashboards")
    write_notebook(
        folder / "ok.ipynb",
        f"import os  # {SOURCE_MARKER}\n"
        'print("PROSPECTIF-OK lecture seule =", os.environ.get("PROSPECTIF_READ_ONLY"))',
        title="Tableau de test",
    )
    write_notebook(
        folder / "fails.ipynb",
        f'raise RuntimeError("{ERROR_MARKER} in /srv/secret/path.py")',
        title="Tableau en erreur",
    )
    (folder / "donnees.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    (folder / "secret.py").write_text("PASSWORD = 'x'\n", encoding="utf-8")
    (folder / "sub").mkdir()
    write_notebook(folder / "sub" / "inner.ipynb", "print('inner')")
    write_notebook(folder / ".hidden.ipynb", "print('hidden')")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory, dashboards):
    """A read-only server over ``dashboards`` with the default sizing."""
    running = start_server(tmp_path_factory, dashboards, "--read-only")
    yield running
    running.stop()
