"""What a viewer can reach on a served folder, and what a page shows."""

from __future__ import annotations

import os

import pytest
import websockets.sync.client

from .server import ERROR_MARKER, SOURCE_MARKER, V1, from_v1, kernel_id_of, message, to_v1

FORBIDDEN = [
    "/tree",
    "/tree/ok.ipynb",
    "/voila/tree",
    "/voila/tree/sub",
    "/api/contents",
    "/api/contents/ok.ipynb",
    "/voila/api/contents",
    "/voila/api/contents/ok.ipynb",
    "/api/kernels",
    "/api/sessions",
    "/api/kernelspecs",
    "/files/ok.ipynb",
    "/notebooks/ok.ipynb",
    "/voila/files/ok.ipynb",
    "/voila/files/donnees.csv",
    "/voila/render/donnees.csv",
    "/voila/render/secret.py",
    "/voila/render/sub/inner.ipynb",
    "/voila/render/.hidden.ipynb",
    "/voila/render/missing.ipynb",
    "/voila/render/../ok.ipynb",
    "/voila/render/%2e%2e/%2e%2e/etc/passwd",
    "/voila/render/ok.ipynb/../../../etc/passwd",
    "/voila/static/../../../../../../etc/passwd",
    "/voila/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/voila/templates/lab/../../../../../../etc/passwd",
    "/voila/templates/prospectif/index.html.j2",
    "/voila/templates/../../../../../../../../etc/passwd",
    "/voila/labextensions/../../../../../etc/passwd",
    "/voila/api/themes/../../../../etc/passwd",
    "/" + "a" * 5000,
    "/login",
]


def test_home_lists_the_dashboards_only(server):
    home = server.get("/")
    assert home.status == 200
    assert 'href="/voila/render/ok.ipynb">Tableau de test</a>' in home.body
    assert 'href="/voila/render/fails.ipynb">Tableau en erreur</a>' in home.body
    for hidden in ("inner", "hidden", "donnees", "secret"):
        assert hidden not in home.body


def test_dashboard_renders_without_its_source(server):
    page = server.get("/voila/render/ok.ipynb")
    assert page.status == 200
    assert "PROSPECTIF-OK lecture seule = 1" in page.body
    assert "Préparation du tableau de bord…" in page.body  # while the page builds
    assert SOURCE_MARKER not in page.body
    assert "import os" not in page.body


def test_pages_do_not_load_plotlys_notebook_renderer(server):
    """The live figures are widgets: the page skips the 4.8 MB of plotly.js that the
    notebook renderer (``jupyterlab-plotly``) would add to every page's download."""
    page = server.get("/voila/render/ok.ipynb")
    assert "@jupyter-widgets/jupyterlab-manager" in page.body  # the extensions are listed
    assert "jupyterlab-plotly" not in page.body


def test_kernels_are_forked_from_the_servers_template(server):
    page = server.get("/voila/render/ok.ipynb")
    kernel = server.kernel_processes_by_id()[kernel_id_of(page.body)]
    assert kernel.ppid() == server.kernel_template().pid


@pytest.mark.parametrize("path", FORBIDDEN)
def test_nothing_else_is_reachable(server, path):
    reply = server.get(path)
    assert reply.status in {403, 404}, (path, reply.status)
    for leak in ("Traceback", "PASSWORD", "root:x:", "/srv/", "cells", SOURCE_MARKER):
        assert leak not in reply.body, (path, leak)


def test_not_found_page_is_french(server):
    reply = server.get("/voila/render/missing.ipynb")
    assert reply.status == 404
    assert "Page introuvable" in reply.body


def test_a_failing_notebook_shows_a_plain_message_and_no_traceback(server):
    page = server.get("/voila/render/fails.ipynb")
    assert page.status == 200
    assert "n'a pas pu être calculée" in page.body
    for leak in (ERROR_MARKER, "Traceback", "RuntimeError", "/srv/secret", "show_tracebacks"):
        assert leak not in page.body


def test_query_string_cannot_change_template_nor_inject_markup(server):
    page = server.get(
        "/voila/render/ok.ipynb?template=../../../etc&theme=%3Cscript%3Ex%3C/script%3E"
    )
    assert page.status == 200
    assert "<script>x</script>" not in page.body
    assert "prospectif-kernel-lost" in page.body  # still our template


def test_other_host_names_are_refused(server):
    assert server.get("/", headers={"Host": "evil.example"}).status == 403
    assert server.get("/", headers={"Host": f"localhost:{server.port}"}).status == 200


def test_security_headers(server):
    headers = server.get("/").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors" in headers["content-security-policy"]


def test_a_viewer_cannot_execute_code_through_the_kernel_socket(server, tmp_path):
    kernel_id = kernel_id_of(server.get("/voila/render/ok.ipynb").body)
    target = tmp_path / "written-by-viewer"
    url = f"ws://127.0.0.1:{server.port}/api/kernels/{kernel_id}/channels?session_id=test"
    with websockets.sync.client.connect(url, open_timeout=30, subprotocols=[V1]) as socket:
        socket.send(to_v1(message("execute_request", {"code": f"open({str(target)!r}, 'w')"})))
        info = message("kernel_info_request", {})
        socket.send(to_v1(info))
        replies = []
        while not replies or replies[-1]["parent_header"].get("msg_id") != info["header"]["msg_id"]:
            replies.append(from_v1(socket.recv(timeout=60)))
    assert not target.exists()
    assert "execute_reply" not in {reply["header"]["msg_type"] for reply in replies}
    server.shutdown_kernel(kernel_id)


def test_serving_writes_nothing_in_the_served_folder(server, dashboards):
    before = _snapshot(dashboards)
    for path in ("/", "/voila/render/ok.ipynb", "/voila/render/fails.ipynb"):
        server.get(path)
    assert _snapshot(dashboards) == before


def _snapshot(folder) -> dict:
    return {
        os.path.relpath(os.path.join(root, name), folder): os.stat(
            os.path.join(root, name)
        ).st_mtime_ns
        for root, dirs, files in os.walk(folder)
        for name in files + dirs
    }
