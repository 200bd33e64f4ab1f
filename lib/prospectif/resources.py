"""Where the embedded data, the preset scenarios and the dashboards are.

One rule for every install: a wheel carries the repository's top-level ``data/``,
``scenarios/`` and ``dashboards/`` inside the package, as ``prospectif/_bundled/<name>``
(copied at build time by ``setup.py``), found through :mod:`importlib.resources`; a source
checkout (editable install), which has no bundled copy, uses the top-level folders themselves.
``$PROSPECTIF_DATA`` and ``$PROSPECTIF_SCENARIOS`` override the data and presets folders.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
from importlib.resources import files
from pathlib import Path


def package_dir() -> Path:
    """The folder of the installed ``prospectif`` package."""
    return Path(str(files(__package__))).resolve()


def checkout_root() -> Path | None:
    """The repository the package runs from (``<root>/lib/prospectif``), or None for a wheel."""
    root = package_dir().parents[1]
    return root if (root / "pyproject.toml").is_file() else None


def bundled_dir(name: str) -> Path:
    """The folder ``data``, ``scenarios`` or ``dashboards``: the wheel's copy, else the source's."""
    bundled = package_dir() / "_bundled" / name
    return bundled if bundled.is_dir() else package_dir().parents[1] / name


def data_dir() -> Path:
    """The embedded data folder: ``$PROSPECTIF_DATA`` if set, else the bundled ``data/``."""
    return _overridden("PROSPECTIF_DATA") or bundled_dir("data")


def presets_dir() -> Path:
    """The preset scenarios: ``$PROSPECTIF_SCENARIOS`` if set, else the bundled ``scenarios/``."""
    return _overridden("PROSPECTIF_SCENARIOS") or bundled_dir("scenarios")


def dashboards_dir() -> Path:
    """The dashboard notebooks served and run by default: the bundled ``dashboards/``."""
    return bundled_dir("dashboards")


READ_ONLY_VARIABLE = "PROSPECTIF_READ_ONLY"
"""Set to ``1`` in the environment of the kernels of a read-only server (see
:attr:`prospectif.serving.kernels.BoundedKernelManager.read_only`); the dashboards read it."""


def read_only() -> bool:
    """Whether this process runs for a read-only server: it must not write anything."""
    return os.environ.get(READ_ONLY_VARIABLE, "0") == "1"


FIGURE_SCRIPT_VARIABLE = "PROSPECTIF_FIGURE_SCRIPT"
"""Set by the dashboard server in the environment of its kernels: the address, relative to the
server's base URL, where it serves plotly's widget code once for the whole page (see
:mod:`prospectif.ui.figures`)."""


def figure_script() -> str | None:
    """The address of plotly's widget code served by the dashboard server, if this kernel has
    one; None outside the server (figures then carry the code themselves).
    """
    return os.environ.get(FIGURE_SCRIPT_VARIABLE) or None


def release_memory() -> None:
    """Collect garbage and give freed memory back to the system: the C heap's free pages
    (glibc's ``malloc_trim``) and Arrow's memory pool, if Arrow is loaded.

    A long-lived process (the dashboard server, a preheated kernel) otherwise keeps the peak of
    what it once held: the tables read to build arrays, the pages and widget states forwarded.
    """
    gc.collect()
    arrow = sys.modules.get("pyarrow")
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    name = ctypes.util.find_library("c")
    libc = ctypes.CDLL(name) if name else None
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def _overridden(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None
