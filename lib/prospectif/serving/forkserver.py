"""Kernels forked from a process that has already imported and loaded everything.

A dashboard kernel spends its first seconds importing (ipykernel, pandas, plotly, the library)
and opening the data, and holds the result privately: about 200 MiB unique memory per kernel
(``docs/performance.md``). The dashboard server instead starts one *template* process
(``python -m prospectif.serving.forkserver SOCKET``) that imports those modules, opens the
data and then only forks: each kernel is a child of the template that starts ipykernel at
once, and shares the template's pages (copy-on-write) until it writes them — the same idea as
Android's zygote or Python's ``forkserver`` start method.

Protocol, over a Unix socket in a private folder, one request per connection: the server sends
a JSON line ``{"argv", "env", "cwd"}`` (the kernel's command line, environment and working
folder, as it would pass to ``subprocess.Popen``); the template forks and answers
``{"pid": …}``; the server opens a pidfd on that process and answers ``ok``, and only then does
the template reap exited children again (so a pid is never reused before the server holds its
process). The template exits when the server does; a kernel exits when the template does
(ipykernel's parent poller).

Only the default kernel command line (``python -m ipykernel_launcher …`` with this Python) is
forked; any other kernel (another language, a custom kernel) is started as usual by
:class:`~.provisioner.ForkingProvisioner`.
"""

from __future__ import annotations

import ast
import asyncio
import atexit
import contextlib
import gc
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PRELOADED = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.debugger",
    "ipywidgets",
    "setproctitle",
    "plotly.graph_objects",
    "prospectif.ui",
    "prospectif.ui.app",
    "voila.utils",
)
"""Modules the template imports before forking: what every dashboard kernel imports (the
kernel's debugger support, 0.7 s; Voilà's utilities, 0.8 s, read the viewer's address)."""

KERNEL_ENVIRONMENT = {"JUPYTER_WIDGETS_ECHO": "0"}
"""Set in every dashboard kernel (and the template, before it imports ipywidgets): no echo of
each widget update a page sends back to that page. ipywidgets echoes them for the other pages
on the same kernel, and a dashboard kernel serves one page; the echo of each figure's
acknowledgement (plotly's trace deltas, 2 to 7 kB) kept the kernel and the page busy after
every move."""

LAUNCHER = ("-m", "ipykernel_launcher")
"""The arguments after the Python executable of a kernel command line the template can fork."""

READY_TIMEOUT = 180.0
"""Seconds the server waits for the template to be ready before starting kernels as usual
(as long as Voilà waits for a kernel to start)."""

REPLY_TIMEOUT = 10.0
"""Seconds either side waits for the other's answer on a connection."""

PARENT_CHECK = 1.0
"""Seconds between two checks by the template that the server is still alive."""

SUPPORTED = hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal")
"""Whether the system can follow a process it did not start (Linux 5.3 and later)."""


def forkable(argv: list[str]) -> bool:
    """Whether a kernel command line is the default ipykernel of this Python (then forked)."""
    return len(argv) >= 3 and argv[0] == sys.executable and tuple(argv[1:3]) == LAUNCHER


class ForkedProcess:
    """A forked kernel seen from the server, with the part of ``subprocess.Popen``'s interface
    jupyter_client's provisioner uses. The process is the template's child, not the server's:
    it is followed through a pidfd, and its exit status is not known here (reported as 0).
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid = pid
        self._handle = os.pidfd_open(pid)
        self.returncode: int | None = None

    def poll(self) -> int | None:
        """None while the process runs, then 0."""
        if self.returncode is None and select.select([self._handle], [], [], 0)[0]:
            self._exited()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        """Wait for the process to end (at most ``timeout`` seconds)."""
        if self.returncode is None:
            if not select.select([self._handle], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0.0)
            self._exited()
        return 0

    def send_signal(self, signum: int) -> None:
        """Send ``signum`` to the process, if it still runs."""
        if self.poll() is None:
            signal.pidfd_send_signal(self._handle, signum)

    def terminate(self) -> None:
        """Ask the process to stop (SIGTERM)."""
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """Stop the process at once (SIGKILL)."""
        self.send_signal(signal.SIGKILL)

    def _exited(self) -> None:
        self.returncode = 0
        os.close(self._handle)


class ForkServer:
    """The template process seen from the dashboard server."""

    def __init__(self, dashboards: Path | None = None) -> None:
        """Start the template; it builds the default views of the ``dashboards`` folder."""
        self.folder = Path(tempfile.mkdtemp(prefix="prospectif-fork-"))  # mode 0700
        self.address = str(self.folder / "socket")
        folder = [str(dashboards)] if dashboards is not None else []
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__, self.address, *folder],
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C of the server is the server's to handle
        )
        self._ready: bool | None = None

    def alive(self) -> bool:
        """Whether the template process runs."""
        return self.process.poll() is None

    async def ready(self, timeout: float = READY_TIMEOUT) -> bool:
        """Whether the template accepts requests (waiting for it at most ``timeout`` s)."""
        deadline = time.monotonic() + timeout
        while self._ready is None:
            if not self.alive() or time.monotonic() > deadline:
                self._ready = False
            elif os.path.exists(self.address):
                self._ready = True
            else:
                await asyncio.sleep(0.1)
        return self._ready and self.alive()

    async def spawn(self, argv: list[str], env: dict[str, str], cwd: str) -> ForkedProcess:
        """Fork a kernel running ``argv`` in ``env`` and ``cwd``.

        Raises
        ------
        OSError, TimeoutError, ValueError
            If the template cannot be reached, does not answer in time or closes the connection.
        """
        reader, writer = await asyncio.open_unix_connection(self.address)
        try:
            request = {"argv": argv, "env": env, "cwd": cwd}
            writer.write(json.dumps(request).encode() + b"\n")
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), REPLY_TIMEOUT)
            process = ForkedProcess(int(json.loads(line)["pid"]))  # no answer: ValueError
            writer.write(b"ok\n")
            await writer.drain()
            return process
        finally:
            writer.close()

    def stop(self) -> None:
        """Stop the template (its kernels then stop themselves) and remove its folder."""
        if self.alive():
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
        with contextlib.suppress(OSError):
            os.unlink(self.address)
        with contextlib.suppress(OSError):
            self.folder.rmdir()


_SHARED: list[ForkServer] = []


def start_shared(dashboards: Path | None = None) -> ForkServer | None:
    """Start this process's template (once) for the ``dashboards`` folder, stopped when the
    process exits; None where forking is not :data:`SUPPORTED`.
    """
    if not SUPPORTED:
        return None
    if not _SHARED:
        _SHARED.append(ForkServer(dashboards))
        atexit.register(_SHARED[0].stop)
    return _SHARED[0]


def shared() -> ForkServer | None:
    """The template of this process, if started and not dead."""
    return _SHARED[0] if _SHARED and _SHARED[0].alive() else None


# The template process.


def preload(folder: Path | None = None) -> None:
    """Import what every kernel imports, open the data and build the default view of each
    dashboard of ``folder`` (:func:`warm_views`), then freeze the objects so the garbage
    collector never writes to (and so copies) the pages the kernels share.
    """
    # as the kernels do (kernels.KERNEL_ARGUMENTS): None marks the module missing
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    # no warning at each start that breakpoints may miss frozen modules (no one debugs here)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    os.environ.update(KERNEL_ENVIRONMENT)
    for module in PRELOADED:
        __import__(module)
    from ..pipeline import warm_up
    from ..resources import release_memory

    warm_up()
    if folder is not None:
        warm_views(folder)
    release_memory()
    gc.freeze()


def warm_views(folder: Path) -> None:
    """Build, then close, the default view of every dashboard of ``folder``: what the views
    derive from the data (territories, model inputs, outlines, local structures) stays in the
    data set's caches, which the kernels share. A view that fails is left to its kernel, which
    shows the error to its viewer.
    """
    from ipywidgets import Widget

    from ..ui import DASHBOARDS, default_state
    from ..ui.app import DashboardApp

    for notebook in sorted(folder.glob("*.ipynb")):
        dashboard = DASHBOARDS.get(notebook.stem)
        if dashboard is None:
            continue
        try:
            parameters = notebook_parameters(notebook)
            DashboardApp(dashboard, default_state(dashboard, **parameters))
        except Exception as error:  # noqa: BLE001  -- the kernel will report it properly
            print(f"prospectif fork server: {notebook.name} not preloaded: {error}", flush=True)
    Widget.close_all()  # no widget of these views may reach a kernel


VIEW_PARAMETERS = ("territory", "scenario", "horizon", "scenario_file", "compare")
"""The notebook parameters that choose a dashboard's default view (:func:`~prospectif.ui.show`)."""


def notebook_parameters(notebook: Path) -> dict[str, Any]:
    """The literal values given to :data:`VIEW_PARAMETERS` in the notebook's cell tagged
    ``parameters`` (Papermill's convention).
    """
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = next(
        "".join(cell["source"])
        for cell in cells
        if "parameters" in cell.get("metadata", {}).get("tags", ())
    )
    values = {}
    for statement in ast.parse(source).body:
        if isinstance(statement, ast.AnnAssign | ast.Assign) and statement.value is not None:
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id in VIEW_PARAMETERS:
                    values[target.id] = ast.literal_eval(statement.value)
    return values


def serve(address: str, folder: Path | None = None) -> None:
    """Preload, then fork a kernel for each request until the server exits."""
    parent = os.getppid()
    preload(folder)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address + ".new")
    listener.listen(16)
    os.rename(address + ".new", address)  # the server connects only once it listens
    listener.settimeout(PARENT_CHECK)
    while os.getppid() == parent:
        _reap()
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            continue
        with connection:
            connection.settimeout(REPLY_TIMEOUT)
            with contextlib.suppress(OSError, ValueError, KeyError):
                request = json.loads(_read_line(connection))
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    connection.close()
                    _become_kernel(request["argv"], request["env"], request["cwd"])
                connection.sendall(json.dumps({"pid": pid}).encode() + b"\n")
                _read_line(connection)  # the server holds the process: it may be reaped
    with contextlib.suppress(OSError):  # the server died without stopping the template
        os.unlink(address)
        os.rmdir(os.path.dirname(address))


def _read_line(connection: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def _reap() -> None:
    """Collect the exit status of every child that has ended."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _become_kernel(argv: list[str], env: dict[str, str], cwd: str) -> None:
    """In the forked child: run ipykernel as ``argv`` would have, then exit."""
    code = 1
    try:
        import setproctitle

        # before the environment changes (the title takes the space of argv and environ)
        setproctitle.setproctitle(" ".join(argv))  # ps and psutil show the kernel's command
        os.setsid()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, signal.SIG_DFL)
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env, JPY_PARENT_PID=str(os.getppid()))
        sys.path[0] = cwd  # as ``python -m`` sets it
        sys.argv = [argv[0], *argv[3:]]
        from ipykernel.kernelapp import IPKernelApp

        app = IPKernelApp.instance(parent_handle=os.getppid())
        app.initialize(argv[3:])
        _as_if_imported_in_a_kernel()
        app.start()
        code = 0
    except SystemExit as stopped:
        code = stopped.code if isinstance(stopped.code, int) else int(stopped.code is not None)
    except BaseException:  # noqa: BLE001  -- a kernel's child must never return to the loop
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _as_if_imported_in_a_kernel() -> None:
    """What the preloaded modules do when imported inside a running kernel, done now that it
    runs: ipywidgets registers its comm targets; plotly picks the notebook renderer; and NumPy's
    global generator gets its own seed, as in a new process (``random`` reseeds itself).
    """
    import ipywidgets
    import numpy as np
    import plotly.io

    ipywidgets.register_comm_target()
    if not os.environ.get("PLOTLY_RENDERER"):
        plotly.io.renderers.default = "plotly_mimetype"
    np.random.seed()


if __name__ == "__main__":
    serve(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None)
