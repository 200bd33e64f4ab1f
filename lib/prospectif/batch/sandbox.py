"""Inside a warm batch kernel: the state after warm-up, put back before every run.

The batch keeps one IPython kernel per Dask worker thread (see :mod:`.kernel`). After the
imports and the data are loaded, :func:`take` records the state a fresh kernel would have at
that point; before each run, :func:`restore` puts it back, so a run never sees what an
earlier one left:

- the notebook namespace is cleared and the execution counter restarts at 1
  (``InteractiveShell.reset``, as ``%reset -f`` in a new session);
- every module imported since is forgotten (imported again if a run needs it);
- every module-level name rebound, added or deleted by a run (a global, a monkeypatched
  function) gets its recorded value back, in every module but the kernel's own machinery;
- ``os.environ``, ``sys.path``, the warning filters, NumPy's global random state and the
  working directory are put back.

A change *inside* an object (an item added to a module's dict or list, a library option
set on a configuration object) is not undone; the batch starts a new kernel after a failed
run. This module is imported in the kernel only.
"""

from __future__ import annotations

import gc
import os
import sys
import warnings
from types import ModuleType

from ..errors import BatchError

MACHINERY = frozenset(
    {
        "__main__",
        "__mp_main__",
        "_frozen_importlib",
        "_frozen_importlib_external",
        "_thread",
        "asyncio",
        "atexit",
        "builtins",
        "comm",
        "concurrent",
        "debugpy",
        "encodings",
        "gc",
        "importlib",
        "IPython",
        "ipykernel",
        "jupyter_client",
        "jupyter_core",
        "logging",
        "queue",
        "selectors",
        "signal",
        "sys",
        "threading",
        "tornado",
        "traitlets",
        "weakref",
        "zmq",
    }
)
"""Modules (by top-level package) whose state belongs to the kernel, not to a run (this
module too: it holds the baseline)."""


class Baseline:
    """The state recorded by :func:`take`."""

    def __init__(self) -> None:
        self.modules = {
            name: dict(vars(module))
            for name, module in list(sys.modules.items())
            if _restorable(name, module)
        }
        self.imported = set(sys.modules)
        self.environ = dict(os.environ)
        self.path = list(sys.path)
        self.filters = list(warnings.filters)
        numpy = sys.modules.get("numpy")
        self.random = numpy.random.get_state() if numpy is not None else None

    def restore(self) -> None:
        """Put the recorded state back (see the module docstring)."""
        for name in set(sys.modules) - self.imported:
            if _restorable(name, sys.modules[name]):
                del sys.modules[name]
        for name, recorded in self.modules.items():
            module = sys.modules.get(name)
            if module is None:
                continue
            _restore_dict(vars(module), recorded)
        os.environ.clear()
        os.environ.update(self.environ)
        sys.path[:] = self.path
        warnings.filters[:] = self.filters  # type: ignore[index]  # a list at run time
        if self.random is not None:
            sys.modules["numpy"].random.set_state(self.random)


_baseline: list[Baseline] = []
"""The kernel's one baseline (a list so that taking it again replaces it)."""


def warm_up(dashboard: str, territory: str, scenario: str, horizon: int) -> None:
    """Import and compute what a report of ``dashboard`` needs, as the notebook would.

    The library's report of one territory, formatted as the notebook would display it, but
    neither displayed nor written: the imports, the data set and what it derives are then in
    the baseline. A notebook that is not a dashboard of the catalogue gets the imports only.
    """
    from IPython import get_ipython

    from prospectif.ui import DASHBOARDS, report
    from prospectif.ui.state import ViewState

    if dashboard not in DASHBOARDS:
        return
    spec = DASHBOARDS[dashboard]
    state = ViewState(
        territory=territory, scenario=scenario, horizon=horizon, presentation=spec.presentation
    )
    for item in report(spec, state):
        get_ipython().display_formatter.format(item)


def take() -> None:
    """Clear the notebook namespace, then record the kernel's state as the baseline.

    The objects alive at that point are then left out of garbage collections
    (``gc.freeze``): the collection IPython makes at each reset only scans what a run made,
    in milliseconds instead of a second.
    """
    _reset_shell()
    _baseline[:] = [Baseline()]
    gc.freeze()


def restore(cwd: str) -> None:
    """Put the baseline back (see the module's docstring) and work in the folder ``cwd``."""
    if not _baseline:
        raise BatchError("batch.no_baseline")
    _baseline[0].restore()
    _reset_shell()
    os.chdir(cwd)


def _reset_shell() -> None:
    from IPython import get_ipython

    get_ipython().reset(new_session=True)


def _restorable(name: str, module: object) -> bool:
    return (
        isinstance(module, ModuleType)
        and name != __name__
        and name.partition(".")[0] not in MACHINERY
    )


def _restore_dict(current: dict, recorded: dict) -> None:
    for key in [k for k in current if k not in recorded]:
        del current[key]
    for key, value in recorded.items():
        if current.get(key, _MISSING) is not value:
            current[key] = value


_MISSING = object()
