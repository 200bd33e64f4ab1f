"""A kernel manager that bounds the number of live kernels, warm pool included.

Voilà starts one kernel per open dashboard page and keeps ``pool_size`` preheated kernels per
dashboard; nothing in Voilà limits how many run at once, so a full room can exhaust the memory of
the server. :class:`BoundedKernelManager` counts every kernel alive or starting (warm pool and
viewers alike) and keeps that count at most ``max_kernels``:

- a viewer's request either takes a warm kernel or first *reserves* a slot (:meth:`reserve`);
  when neither is possible the request gets the "busy" page (HTTP 503);
- the pool is refilled only as far as there is room; a refill holds its slot from the moment it
  is scheduled, so it never fails for lack of room;
- pages built on a new kernel (start, imports, data, the dashboard: several CPU-seconds each)
  are built at most ``max_building`` at once (:meth:`admit`); the others wait in line, and a
  viewer whose expected wait exceeds ``max_wait`` gets the busy page at once, which reloads
  itself. Twenty pages started together on two cores would otherwise all compete for the CPU
  and all arrive late (the last after about 8 s × 20 / 2); in line, they arrive one after the
  other, the first ones quickly.

The manager is named in ``VoilaConfiguration.multi_kernel_manager_class``. With preheating on,
Voilà subclasses it with its pool logic (``voila.voila_kernel_manager``), whose ``_pools`` and
``fill_if_needed`` this module relies on: the subclass's ``fill_if_needed`` comes first in the
method order, so it is wrapped on the instance (:meth:`BoundedKernelManager._bounded_fill`).
A pool entry whose kernel failed to start is dropped at once: Voilà would otherwise re-raise its
error whenever any kernel is shut down.
"""

from __future__ import annotations

import asyncio
import math
import os
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Bool, Float, Integer

from ..resources import FIGURE_SCRIPT_VARIABLE, READ_ONLY_VARIABLE, release_memory
from .forkserver import KERNEL_ENVIRONMENT
from .handlers import VIEWER_KERNELS, figure_script_address
from .launch import MAX_KERNELS

KERNEL_ARGUMENTS = (
    "--HistoryManager.enabled=False",
    "--IPKernelApp.exec_lines=import sys; sys.modules.setdefault('rfc3987_syntax', None)",
)
"""Added to every kernel's command line:

- no IPython history database: dashboard kernels never read it, and dozens of kernels writing
  one SQLite file block each other;
- no ``rfc3987_syntax``: plotly's widget imports nbformat, whose jsonschema then builds that
  package's IRI grammar (2.4 to 3 s of the first figure) for a format check no kernel makes;
  marked missing, jsonschema skips it.
"""


@dataclass
class Reservation:
    """A viewer's admission: ``held`` when it holds a kernel slot until :meth:`release`."""

    manager: BoundedKernelManager
    held: bool

    def release(self) -> None:
        """Give the slot back (the viewer's kernel now counts itself, or it never started)."""
        if self.held:
            self.held = False
            self.manager.release_slot()


BUILD_SECONDS = 10.0
"""Assumed seconds to build a page on a new kernel until some builds are measured."""

BUILD_SMOOTHING = 0.3
"""Weight of the last build in the moving average of build durations."""


@dataclass(eq=False)
class Admission:
    """A viewer's place in line for building a page on a new kernel (:meth:`~BoundedKernel
    Manager.admit`): :meth:`wait` for the turn, then :meth:`done` when the page is built.
    """

    manager: BoundedKernelManager
    turn: asyncio.Future = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    started: float | None = None

    async def wait(self) -> None:
        """Return once the page may be built."""
        await self.turn
        self.started = time.monotonic()

    def done(self, measured: bool = True) -> None:
        """Give the turn to the next viewer; ``measured``: the build went through (its
        duration feeds the expected waits).
        """
        self.manager._admission_done(self, measured)


class BoundedKernelManager(AsyncMappingKernelManager):
    """A kernel manager with at most ``max_kernels`` live kernels (see the module docstring)."""

    max_kernels = Integer(
        MAX_KERNELS,
        min=1,
        config=True,
        help="Most kernels alive or starting at once, preheated pool included; beyond, viewers "
        "get the busy page (HTTP 503). Example: --BoundedKernelManager.max_kernels=20",
    )

    read_only = Bool(
        False,
        config=True,
        help="Start read-only kernels: the dashboards save nothing on the server and offer "
        "downloads only (directors' mode). Example: --BoundedKernelManager.read_only=True",
    )

    max_building = Integer(
        0,
        min=0,
        config=True,
        help="Pages built on a new kernel at once (0: the number of processors); the others "
        "wait in line. Example: --BoundedKernelManager.max_building=4",
    )

    max_wait = Float(
        20.0,
        min=0,
        config=True,
        help="Longest expected wait in line (seconds) before a viewer gets the busy page, "
        "which reloads itself. Example: --BoundedKernelManager.max_wait=40",
    )

    _pools: dict[str | None, list[asyncio.Task]]
    """Preheated kernels per notebook, set by Voilà's pool subclass (see the module docstring)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._started: set[str] = set()
        self._pool_starting = 0
        self._reserved = 0
        self._figure_script = figure_script_address()
        self._building: set[Admission] = set()
        self._line: deque[Admission] = deque()
        self.build_seconds = BUILD_SECONDS
        """Moving average of the seconds a page takes to build on a new kernel."""
        if hasattr(self, "fill_if_needed"):
            self.fill_if_needed = self._bounded_fill(self.fill_if_needed)

    def slots_in_use(self) -> int:
        """Live kernels, pool refills scheduled or starting, and viewer slots reserved."""
        self._started &= set(self.list_kernel_ids())
        return len(self._started) + self._pool_starting + self._reserved

    def free_slots(self) -> int:
        """How many more kernels may start now."""
        return self.max_kernels - self.slots_in_use()

    # the synchronous signature is jupyter_client's; this manager's base is the asynchronous one
    async def start_kernel(self, *args, **kwargs) -> str:  # type: ignore[override]
        """Start a kernel in a slot already held (by a reservation or a pool refill)."""
        kwargs.setdefault("extra_arguments", list(KERNEL_ARGUMENTS))
        env = {
            **(kwargs.get("env") or os.environ),
            **KERNEL_ENVIRONMENT,
            FIGURE_SCRIPT_VARIABLE: self._figure_script,
        }
        if self.read_only:
            env[READ_ONLY_VARIABLE] = "1"
        kwargs["env"] = env
        kernel_id = await super().start_kernel(*args, **kwargs)
        self._started.add(kernel_id)
        viewer = VIEWER_KERNELS.get()
        if viewer is not None and env.get("VOILA_PREHEAT") != "True":
            viewer.append(kernel_id)
        return kernel_id

    def reserve(self, warm: bool) -> Reservation | None:
        """Admit a viewer: ``warm`` when a preheated kernel of the pool will serve them.

        Returns
        -------
        Reservation or None
            None when the server is full: show the busy page.
        """
        if warm:
            return Reservation(self, held=False)
        if self.free_slots() <= 0:
            return None
        self._reserved += 1
        return Reservation(self, held=True)

    def building_capacity(self) -> int:
        """Pages built on new kernels at once (``max_building``, else the processors)."""
        return self.max_building or len(os.sched_getaffinity(0))

    def expected_wait(self) -> float:
        """Seconds a viewer arriving now would wait in line before their page is built."""
        rounds = math.ceil((len(self._line) + 1) / self.building_capacity())
        if len(self._building) < self.building_capacity() and not self._line:
            return 0.0
        return rounds * self.build_seconds

    def admit(self) -> Admission | None:
        """A place in line to build a page on a new kernel, or None (busy page) when the
        expected wait exceeds ``max_wait``.
        """
        if self.expected_wait() > self.max_wait:
            return None
        admission = Admission(self)
        self._line.append(admission)
        self._next_turns()
        return admission

    def _admission_done(self, admission: Admission, measured: bool) -> None:
        if admission in self._line:
            self._line.remove(admission)
            admission.turn.cancel()
        if admission in self._building:
            self._building.discard(admission)
            if measured and admission.started is not None:
                seconds = time.monotonic() - admission.started
                self.build_seconds += BUILD_SMOOTHING * (seconds - self.build_seconds)
        self._next_turns()

    def _next_turns(self) -> None:
        while self._line and len(self._building) < self.building_capacity():
            admission = self._line.popleft()
            self._building.add(admission)
            admission.turn.set_result(None)

    def release_slot(self) -> None:
        """Give back a slot taken by :meth:`reserve`."""
        self._reserved -= 1

    def refill(self, notebook: str) -> None:
        """Top up the pool of ``notebook`` if room is left (no-op without preheating)."""
        if hasattr(self, "fill_if_needed"):
            self.fill_if_needed(delay=0, notebook_name=notebook)

    async def shutdown_kernel(  # type: ignore[override]  # the parent is typed loosely
        self, kernel_id: str, *args, **kwargs
    ) -> None:
        """Stop a kernel, then top up every pool its slot may now refill.

        The server's freed memory goes back to the system (:func:`~prospectif.resources.
        release_memory`: without it the server keeps the peak memory of a busy period). A pool left
        short while the server was full (its refills had no room) is refilled as
        soon as viewers leave or idle kernels are culled, not only at the next request.
        """
        await super().shutdown_kernel(kernel_id, *args, **kwargs)
        release_memory()
        for notebook in list(getattr(self, "_pools", ())):
            self.refill(notebook)

    def _bounded_fill(self, fill: Callable) -> Callable:
        """Voilà's ``fill_if_needed``, refilling no further than the bound allows."""

        def fill_if_needed(*args, notebook_name: str | None = None, **kwargs) -> None:
            pool = self._pools.setdefault(notebook_name, [])
            before, room = len(pool), self.free_slots()
            if room <= 0:
                return
            fill(*args, notebook_name=notebook_name, **kwargs)
            for task in pool[before + room :]:
                task.cancel()
            del pool[before + room :]
            for task in pool[before:]:
                self._pool_starting += 1
                task.add_done_callback(partial(self._pool_entry_done, pool))

        return fill_if_needed

    def _pool_entry_done(self, pool: list, task: asyncio.Task) -> None:
        self._pool_starting -= 1
        error = "cancelled" if task.cancelled() else task.exception()
        if error is not None:
            self.log.error("A preheated kernel could not start: %s", error)
            if task in pool:
                pool.remove(task)
