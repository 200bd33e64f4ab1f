"""A real dashboard server (``prospectif serve``) on a free loopback port, for the tests."""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import psutil

SOURCE_MARKER = "SOURCE-MUST-NOT-BE-SHOWN"
ERROR_MARKER = "ERROR-DETAIL-MUST-NOT-BE-SHOWN"
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}
KERNEL_ID = re.compile(r"kernel-([0-9a-f-]{36})\.json")
CONFIG_DATA = re.compile(
    r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_notebook(path: Path, *cells: str, title: str | None = None) -> Path:
    """A notebook of code ``cells``, after a markdown cell ``# title`` when given."""
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": KERNELSPEC})
    if title:
        notebook.cells.append(nbformat.v4.new_markdown_cell(f"# {title}\nUn tableau de test."))
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(notebook, path)
    return path


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: str


def kernel_id_of(page: str) -> str:
    """The id of the kernel behind a rendered dashboard page."""
    return json.loads(CONFIG_DATA.search(page).group(1))["kernelId"]


@dataclass
class Server:
    """A ``prospectif serve`` process; ``options`` are its command-line options."""

    folder: Path
    workdir: Path
    options: tuple[str, ...] = ()
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, timeout: float = 90) -> Server:
        env = dict(
            os.environ,
            JUPYTER_CONFIG_DIR=str(self.workdir / "jupyter-config"),
            IPYTHONDIR=str(self.workdir / "ipython"),
            **self.env,
        )
        command = [
            str(Path(sys.executable).parent / "prospectif"),
            "serve",
            f"--port={self.port}",
            f"--dashboards={self.folder}",
            *self.options,
        ]
        log = (self.workdir / "server.log").open("wb")
        self.process = subprocess.Popen(
            command, env=env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.get("/").status in {200, 302}:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise TimeoutError(f"server not up after {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        kernels = self.kernel_processes()
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for kernel in kernels:
            if kernel.is_running():
                kernel.kill()

    def log(self) -> str:
        return (self.workdir / "server.log").read_text(errors="replace")

    def request(
        self, method: str, path: str, headers: dict[str, str] | None = None, timeout: float = 180
    ) -> Response:
        """Send ``path`` exactly as given (no normalisation of ``..``), follow no redirect."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, headers=headers or {})
            reply = connection.getresponse()
            body = reply.read().decode("utf-8", errors="replace")
            return Response(reply.status, {k.lower(): v for k, v in reply.getheaders()}, body)
        finally:
            connection.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> Response:
        return self.request("GET", path, headers)

    def shutdown_kernel(self, kernel_id: str) -> int:
        """Close a viewer's kernel as the page does when it is left (with an XSRF token)."""
        token = {"Cookie": "_xsrf=0123abcd", "X-XSRFToken": "0123abcd"}
        return self.request("POST", f"/voila/api/shutdown/{kernel_id}", token).status

    def kernel_processes(self) -> list[psutil.Process]:
        """The live kernel processes of the server."""
        kernels = []
        for child in psutil.Process(self.process.pid).children(recursive=True):
            try:
                if "ipykernel_launcher" in " ".join(child.cmdline()):
                    kernels.append(child)
            except psutil.NoSuchProcess:
                continue
        return kernels

    def kernel_template(self) -> psutil.Process | None:
        """The process the server forks its kernels from (``prospectif.serving.forkserver``)."""
        for child in psutil.Process(self.process.pid).children():
            try:
                if "prospectif.serving.forkserver" in " ".join(child.cmdline()):
                    return child
            except psutil.NoSuchProcess:
                continue
        return None

    def kernel_processes_by_id(self) -> dict[str, psutil.Process]:
        """The live kernel processes of the server by kernel id."""
        kernels = {}
        for kernel in self.kernel_processes():
            try:
                match = KERNEL_ID.search(" ".join(kernel.cmdline()))
            except psutil.NoSuchProcess:
                continue
            if match:
                kernels[match.group(1)] = kernel
        return kernels

    def wait_for_kernels(self, count: int, timeout: float = 90) -> int:
        """Wait until at most ``count`` kernels are alive; return how many are."""
        deadline = time.monotonic() + timeout
        alive = len(self.kernel_processes())
        while alive > count and time.monotonic() < deadline:
            time.sleep(0.5)
            alive = len(self.kernel_processes())
        return alive

    def wait_for_kernels_gone(self, kernel_ids: set[str], timeout: float = 90) -> set[str]:
        """Wait until none of ``kernel_ids`` is alive; return those still alive."""
        deadline = time.monotonic() + timeout
        alive = kernel_ids & set(self.kernel_processes_by_id())
        while alive and time.monotonic() < deadline:
            time.sleep(0.5)
            alive = kernel_ids & set(self.kernel_processes_by_id())
        return alive


def start_server(
    tmp_path_factory, folder: Path, *options: str, env: dict[str, str] | None = None
) -> Server:
    """A started server over ``folder`` with command-line ``options``, in a fresh work folder."""
    return Server(folder, tmp_path_factory.mktemp("server"), options, env=env or {}).start()


V1 = "v1.kernel.websocket.jupyter.org"
"""The binary kernel websocket protocol of Jupyter Server (the one dashboard pages use)."""


def message(msg_type: str, content: dict, metadata: dict | None = None) -> dict:
    """A Jupyter message from a viewer's page."""
    header = {
        "msg_id": uuid.uuid4().hex,
        "msg_type": msg_type,
        "session": "test",
        "username": "viewer",
        "version": "5.3",
        "date": "2025-01-01T00:00:00Z",
    }
    return {"header": header, "parent_header": {}, "metadata": metadata or {}, "content": content}


def to_v1(msg: dict, channel: str = "shell") -> bytes:
    """``msg`` framed in the binary v1 protocol."""
    parts = [channel.encode()] + [
        json.dumps(msg[key]).encode() for key in ("header", "parent_header", "metadata", "content")
    ]
    offsets = [8 * (len(parts) + 2)]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = [len(offsets).to_bytes(8, "little")] + [o.to_bytes(8, "little") for o in offsets]
    return b"".join(head + parts)


def from_v1(frame: bytes) -> dict:
    """A kernel message received in the binary v1 protocol (buffers left as bytes)."""
    count = int.from_bytes(frame[:8], "little")
    offsets = [int.from_bytes(frame[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
    parts = [frame[a:b] for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
    keys = ("header", "parent_header", "metadata", "content")
    msg = {key: json.loads(part) for key, part in zip(keys, parts[1:5], strict=True)}
    msg["channel"] = parts[0].decode()
    msg["buffers"] = parts[5:]
    msg["size"] = len(frame)
    return msg
