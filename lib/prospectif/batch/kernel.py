"""Warm kernels: one IPython kernel per Dask worker thread, reused run after run.

Starting a kernel, importing the library and plotly and opening the data cost several seconds
per run; the model itself a few milliseconds. A :class:`WarmKernel` pays them once: started,
it computes each dashboard's report once as a warm-up (the library's code, nothing displayed or
written), then records the kernel's state (:func:`.sandbox.take`). Each run puts that state
back first (:func:`.sandbox.restore`: clean namespace, execution counter at 1, modules and
module globals as after the warm-up) and is then a Papermill execution of the notebook with
its parameters, through the engine :data:`ENGINE` that hands Papermill the running kernel
instead of starting one. A kernel that died, could not be reset or ran a failing notebook is
replaced by a new one before the next run.

On Dask, :class:`KernelPlugin` (a worker plugin) keeps the kernels of a worker and shuts them
down with it.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import BatchError
from .plan import Run

ENGINE = "prospectif-warm"
"""Papermill engine name of a run on a warm kernel."""
PLUGIN = "prospectif-kernels"
"""Name of the Dask worker plugin holding the kernels."""
STARTUP_TIMEOUT = 120
RESET_TIMEOUT = 300
"""Seconds allowed to a reset or a warm-up."""
SANDBOX = "__import__('prospectif.batch.sandbox').batch.sandbox"
"""The kernel-side module, reached without binding a name in the notebook's namespace."""
WARM_UP_TERRITORY = "DEP-71"
WARM_UP_SCENARIO = "tendanciel"


class KernelResetError(BatchError):
    """The kernel could not be put back in its recorded state (it is then replaced)."""


class WarmKernel:
    """A running kernel reused across runs, reset before each (see the module docstring)."""

    def __init__(self) -> None:
        self.km: Any = None
        self.kc: Any = None
        self.warmed: set[str] = set()

    def prepare(self, run: Run, cwd: Path) -> None:
        """Make the kernel ready for ``run``: started, warmed up for its dashboard, reset.

        Raises
        ------
        KernelResetError
            If the kernel cannot be reset (:meth:`prepare` starts a new one next time).
        """
        if self.km is None or not _sync(self.km.is_alive)():
            self.shutdown()
            self._start(cwd)
        if run.dashboard not in self.warmed:
            self._warm_up(run, cwd)
        self.call(f"{SANDBOX}.restore({str(cwd)!r})")

    def papermill_options(self) -> dict:
        """Options of ``papermill.execute_notebook`` that execute on this (prepared) kernel.

        The notebook is written once, at the end or at the failing cell (not after every cell:
        a run's folder is published only once complete anyway).
        """
        _register_engine()
        return {"engine_name": ENGINE, "kernel": self, "request_save_on_cell_execute": False}

    def shutdown(self) -> None:
        """Stop the kernel (if any); :meth:`prepare` starts a new one when needed."""
        km, kc, self.km, self.kc = self.km, self.kc, None, None
        self.warmed = set()
        if kc is not None:
            kc.stop_channels()
        if km is not None:
            with contextlib.suppress(Exception):
                _sync(km.shutdown_kernel)(now=True)

    def _start(self, cwd: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager

        from .execute import KERNEL, KERNEL_ARGUMENTS

        km = AsyncKernelManager(kernel_name=KERNEL)
        client = self._client(km, extra_arguments=list(KERNEL_ARGUMENTS))
        client.start_new_kernel(cwd=str(cwd))
        client.start_new_kernel_client()
        self.km, self.kc = km, client.kc

    def _warm_up(self, run: Run, cwd: Path) -> None:
        """Prepare the kernel for ``run``'s dashboard, then record its state.

        The warm-up is the library's code (:func:`.sandbox.warm_up`), never the run's notebook,
        so nothing a notebook does enters the baseline.
        """
        if self.warmed:
            self.call(f"{SANDBOX}.restore({str(cwd)!r})")
        arguments = (run.dashboard, WARM_UP_TERRITORY, WARM_UP_SCENARIO, run.horizon)
        self.call(f"{SANDBOX}.warm_up{arguments!r}")
        self.call(f"{SANDBOX}.take()")
        self.warmed.add(run.dashboard)

    def call(self, code: str) -> None:
        """Execute ``code`` silently in the kernel (no history, no count).

        Raises
        ------
        KernelResetError
            If it failed; the kernel is then shut down.
        """
        client = self._client(self.km, timeout=RESET_TIMEOUT)
        client.kc = self.kc
        reply = client.wait_for_reply(
            self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        )
        if reply is None or reply["content"].get("status") != "ok":
            content = (reply or {}).get("content", {})
            self.shutdown()
            raise KernelResetError(
                "batch.kernel_reset",
                error=f"{content.get('ename', '')}: {content.get('evalue', '')}",
            )

    @staticmethod
    def _client(km, **options):
        import nbformat
        from nbclient import NotebookClient

        from .execute import KERNEL

        return NotebookClient(
            nbformat.v4.new_notebook(),
            km=km,
            kernel_name=KERNEL,
            startup_timeout=STARTUP_TIMEOUT,
            **options,
        )


def _sync(coroutine):
    from jupyter_core.utils import run_sync

    return run_sync(coroutine)


def _register_engine() -> None:
    from papermill.engines import NBClientEngine, papermill_engines

    if ENGINE in papermill_engines._engines:
        return

    class WarmEngine(NBClientEngine):
        """Papermill's nbclient engine on an already running kernel (``kernel=``)."""

        @classmethod
        def execute_managed_notebook(
            cls, nb_man, kernel_name, kernel=None, execution_timeout=None, **kwargs
        ):
            from papermill.clientwrap import PapermillNotebookClient

            client = PapermillNotebookClient(
                nb_man, km=kernel.km, kernel_name=kernel_name, timeout=execution_timeout
            )
            client.kc = kernel.kc
            return client.execute()

    papermill_engines.register(ENGINE, WarmEngine)


class KernelPlugin(WorkerPlugin):
    """Dask worker plugin: a :class:`WarmKernel` per worker thread, stopped with the worker."""

    name = PLUGIN

    def setup(self, worker=None) -> None:
        """Start with no kernel (each thread starts its own on first use)."""
        self._local = threading.local()
        self._kernels: list[WarmKernel] = []
        self._lock = threading.Lock()

    def kernel(self) -> WarmKernel:
        """The calling thread's kernel (created, not started, on first use)."""
        kernel: WarmKernel | None = getattr(self._local, "kernel", None)
        if kernel is None:
            kernel = self._local.kernel = WarmKernel()
            with self._lock:
                self._kernels.append(kernel)
        return kernel

    def teardown(self, worker=None) -> None:
        """Shut down every kernel of the worker."""
        with self._lock:
            kernels, self._kernels = self._kernels, []
        for kernel in kernels:
            kernel.shutdown()


def worker_kernel() -> WarmKernel | None:
    """The warm kernel of the calling Dask worker thread, or None outside such a worker."""
    from distributed import get_worker

    try:
        plugin = get_worker().plugins.get(PLUGIN)
    except ValueError:
        return None
    return plugin.kernel() if isinstance(plugin, KernelPlugin) else None
