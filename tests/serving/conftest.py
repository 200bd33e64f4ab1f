"""Tiny dashboards and real servers over them (one per test module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .server import ERROR_MARKER, SOURCE_MARKER, start_server, write_notebook


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
