"""What a hostile viewer's browser may send to the server, tried on loopback, each case bounded.

The cases of issue 15: one websocket request that exhausted the server, addresses answering 500,
a traceback sent to the page, memory kept after a busy period, a kernel dying at start.
"""

from __future__ import annotations

import json
import sys
import time

import psutil
import pytest
import websockets.sync.client
from websockets.exceptions import ConnectionClosed, InvalidStatus

from .server import V1, from_v1, kernel_id_of, message, start_server, to_v1, write_notebook

FIGURE_CELL = """\
import sys, ipywidgets, plotly.graph_objects as go
from prospectif.ui.figures import figure_widget
print("grammaire IRI :", sys.modules.get("rfc3987_syntax", "absente"))
figure = figure_widget(go.Figure(go.Scatter(x=list(range(500)), y=list(range(500)))), "essai")
ipywidgets.VBox([ipywidgets.IntSlider(), figure])
"""

HOSTILE_PATHS = [
    "/voila/templates/prospectif/static/../conf.json",
    "/voila/templates/prospectif/static/%2e%2e/index.html.j2",
    "/voila/templates/prospectif/static/../../../../../../etc/passwd",
    "/voila/templates/lab/static/../../../../../../../etc/passwd",
    "/voila/templates/prospectif/static/",
    "/voila/templates/prospectif/",
    "/voila/templates/nothing/static/x.js",
    "/voila/prospectif/plotly/plotly.min.js",
    "/voila/prospectif/plotly/../widgetbundle.js",
    "/logout",
    "/login",
]

WIDGET_STATE_BYTES = 1 << 20
"""Most bytes of widget state a page of one figure may receive (issue 15: 1 MB)."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A figure dashboard, a plain one, and one whose kernel dies as it starts."""
    folder = tmp_path_factory.mktemp("hostile")
    write_notebook(folder / "figure.ipynb", FIGURE_CELL, title="Figure")
    write_notebook(folder / "ok.ipynb", 'print("PROSPECTIF-OK")', title="Tableau de test")
    dies = write_notebook(folder / "meurt.ipynb", "print('jamais')", title="Noyau mort")
    notebook = json.loads(dies.read_text())
    spec_entry = {"name": "meurt", "display_name": "meurt", "language": "python"}
    notebook["metadata"]["kernelspec"] = spec_entry
    dies.write_text(json.dumps(notebook))
    spec = tmp_path_factory.mktemp("jupyter") / "kernels" / "meurt"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-c", "import sys; sys.exit(3)", "{connection_file}"]
    (spec / "kernel.json").write_text(
        json.dumps({"argv": argv, "display_name": "meurt", "language": "python"})
    )
    return folder, spec.parents[1]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, folder):
    dashboards, jupyter_path = folder
    running = start_server(
        tmp_path_factory,
        dashboards,
        "--read-only",
        "--pool-size=0",
        env={"JUPYTER_PATH": str(jupyter_path)},
    )
    yield running
    running.stop()


def _socket(server, kernel_id: str, protocols: list[str] | None = None):
    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?session_id=test"
    return websockets.sync.client.connect(
        url, open_timeout=30, subprotocols=protocols, max_size=64 << 20
    )


def _open_control(socket, metadata: dict | None) -> str:
    comm = message(
        "comm_open",
        {"comm_id": "hostile-control", "target_name": "jupyter.widget.control", "data": {}},
        metadata,
    )
    socket.send(to_v1(comm))
    return comm["content"]["comm_id"]


def _request_states(socket, comm_id: str) -> dict:
    request = message("comm_msg", {"comm_id": comm_id, "data": {"method": "request_states"}})
    socket.send(to_v1(request))
    return request


def _replies_to(socket, request: dict, timeout: float = 60) -> list[dict]:
    """Messages received until the kernel is idle after ``request``."""
    replies, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = from_v1(socket.recv(timeout=deadline - time.monotonic()))
        replies.append(reply)
        if (
            reply["parent_header"].get("msg_id") == request["header"]["msg_id"]
            and reply["header"]["msg_type"] == "status"
            and reply["content"]["execution_state"] == "idle"
        ):
            return replies
    raise TimeoutError("no idle status after the request")


def _closed_by_the_server(socket, timeout: float = 30) -> bool:
    """Whether the server closes ``socket`` within ``timeout`` (messages before are read)."""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            socket.recv(timeout=deadline - time.monotonic())
    except ConnectionClosed:
        return True
    except TimeoutError:
        return False
    return False


def test_the_legacy_json_protocol_is_refused(hostile):
    kernel_id = kernel_id_of(hostile.get("/voila/render/ok.ipynb").body)
    with pytest.raises(InvalidStatus) as refused:
        _socket(hostile, kernel_id).close()
    assert refused.value.response.status_code == 400
    assert hostile.get("/").status == 200
    hostile.shutdown_kernel(kernel_id)


def test_widget_states_are_small_and_asked_a_bounded_number_of_times(hostile):
    page = hostile.get("/voila/render/figure.ipynb")
    assert "widgetbundle.js" not in page.body
    assert "grammaire IRI : None" in page.body  # plotly's import chain skipped rfc3987_syntax
    kernel_id = kernel_id_of(page.body)
    server_memory = psutil.Process(hostile.process.pid).memory_info().rss
    with _socket(hostile, kernel_id, [V1]) as socket:
        comm_id = _open_control(socket, {"version": "1.0.0"})
        replies = _replies_to(socket, _request_states(socket, comm_id))
        states = [r for r in replies if r["header"]["msg_type"] == "comm_msg"]
        assert states and states[0]["content"]["data"]["method"] == "update_states"
        assert sum(reply["size"] for reply in replies) < WIDGET_STATE_BYTES
        for _ in range(3):
            _request_states(socket, comm_id)
        assert _closed_by_the_server(socket, timeout=60)
    assert psutil.Process(hostile.process.pid).memory_info().rss < server_memory + (64 << 20)
    assert hostile.get("/").status == 200
    hostile.shutdown_kernel(kernel_id)


def test_the_plotly_code_is_one_cacheable_asset(hostile):
    script = hostile.get("/voila/prospectif/plotly/widgetbundle.js?v=1")
    assert script.status == 200
    assert "javascript" in script.headers["content-type"]
    assert "max-age" in script.headers["cache-control"]
    assert script.headers["x-content-type-options"] == "nosniff"


def _send_all(socket, frames) -> None:
    """Send ``frames`` until the server closes the socket (it may reset it mid-frame)."""
    try:
        for frame in frames:
            socket.send(frame)
    except (ConnectionClosed, ConnectionResetError, BrokenPipeError):
        pass


def test_an_oversized_or_flooding_socket_is_closed(hostile):
    kernel_id = kernel_id_of(hostile.get("/voila/render/ok.ipynb").body)
    try:
        with _socket(hostile, kernel_id, [V1]) as socket:
            oversized = message("comm_msg", {"comm_id": "x", "data": "a" * (2 << 20)})
            _send_all(socket, [to_v1(oversized)])
            assert _closed_by_the_server(socket)
        with _socket(hostile, kernel_id, [V1]) as socket:
            _send_all(socket, (to_v1(message("comm_info_request", {})) for _ in range(5000)))
            assert _closed_by_the_server(socket)
        assert hostile.get("/").status == 200
    finally:
        hostile.shutdown_kernel(kernel_id)


def test_no_traceback_reaches_the_page(hostile):
    kernel_id = kernel_id_of(hostile.get("/voila/render/ok.ipynb").body)
    with _socket(hostile, kernel_id, [V1]) as socket:
        opening = message(
            "comm_open",
            {"comm_id": "no-version", "target_name": "jupyter.widget.control", "data": {}},
        )
        socket.send(to_v1(opening))
        replies = _replies_to(socket, opening)
    assert replies
    for reply in replies:
        text = json.dumps(reply["content"])
        for leak in ("Traceback", ".py", "ValueError", "site-packages"):
            assert leak not in text, (reply["header"]["msg_type"], text)
    hostile.shutdown_kernel(kernel_id)


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_addresses_answer_404_with_the_security_headers(hostile, path):
    logged = len(hostile.log())
    reply = hostile.get(path)
    assert reply.status == 404, (path, reply.status)
    assert reply.headers.get("x-content-type-options") == "nosniff", path
    assert "Traceback" not in reply.body
    assert "Traceback" not in hostile.log()[logged:]


def test_kernels_talk_to_the_server_over_ipc(hostile):
    kernel_id = kernel_id_of(hostile.get("/voila/render/ok.ipynb").body)
    (kernel,) = [k for i, k in hostile.kernel_processes_by_id().items() if i == kernel_id]
    connection_file = next(arg for arg in kernel.cmdline() if arg.endswith(".json"))
    with open(connection_file, encoding="utf-8") as file:
        assert json.load(file)["transport"] == "ipc"
    hostile.shutdown_kernel(kernel_id)


def test_a_kernel_dying_at_start_gives_the_french_error_page_in_30_s(hostile):
    start = time.monotonic()
    reply = hostile.request("GET", "/voila/render/meurt.ipynb", timeout=45)
    assert time.monotonic() - start < 30
    assert "n'a pas pu démarrer" in reply.body, reply.body[-2000:]
    assert "Traceback" not in reply.body
    assert hostile.get("/").status == 200


def test_the_server_returns_its_memory_after_viewers_leave(hostile):
    def server_rss() -> int:
        return psutil.Process(hostile.process.pid).memory_info().rss

    def view_figure() -> str:
        """A viewer of the figure page, whose widget states the server forwards."""
        kernel_id = kernel_id_of(hostile.get("/voila/render/figure.ipynb").body)
        with _socket(hostile, kernel_id, [V1]) as socket:
            _replies_to(socket, _request_states(socket, _open_control(socket, {"version": "1"})))
        return kernel_id

    view_figure()
    for kernel_id in hostile.kernel_processes_by_id():  # a failed test may have left one
        hostile.shutdown_kernel(kernel_id)
    assert hostile.wait_for_kernels(0) == 0
    idle = server_rss()
    viewers = [view_figure() for _ in range(6)]
    for kernel_id in viewers:
        assert hostile.shutdown_kernel(kernel_id) == 204
    assert hostile.wait_for_kernels_gone(set(viewers)) == set()
    deadline = time.monotonic() + 45  # the server also gives memory back every 30 s
    while server_rss() > 1.2 * idle and time.monotonic() < deadline:
        time.sleep(1)
    assert server_rss() <= 1.2 * idle, (idle, server_rss())
