"""The bound on live kernels (busy page beyond it) and the culling of idle kernels."""

from __future__ import annotations

import pytest

from .server import kernel_id_of, start_server, write_notebook


@pytest.fixture(scope="module")
def one_dashboard(tmp_path_factory):
    folder = tmp_path_factory.mktemp("one")
    write_notebook(folder / "ok.ipynb", 'print("PROSPECTIF-OK")', title="Tableau de test")
    return folder


@pytest.fixture(scope="module")
def bounded(tmp_path_factory, one_dashboard):
    """At most 2 kernels, one of them preheated at start."""
    running = start_server(tmp_path_factory, one_dashboard, "--max-kernels=2", "--pool-size=1")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def culling(tmp_path_factory):
    """A dashboard (two preheated kernels) and a home notebook (one); idle kernels with no open
    page stop after 2 s."""
    folder = tmp_path_factory.mktemp("home")
    write_notebook(folder / "ok.ipynb", 'print("PROSPECTIF-OK")', title="Tableau de test")
    write_notebook(folder / "index.ipynb", 'print("ACCUEIL")', title="Accueil")
    running = start_server(
        tmp_path_factory, folder, "--cull-idle-timeout=2", "--pool-size=1", "--preheat=ok=2"
    )
    yield running
    running.stop()


def test_beyond_the_bound_viewers_get_the_busy_page_then_a_freed_place(bounded):
    first = bounded.get("/voila/render/ok.ipynb")
    second = bounded.get("/voila/render/ok.ipynb")
    assert (first.status, second.status) == (200, 200)
    assert "PROSPECTIF-OK" in first.body and "PROSPECTIF-OK" in second.body

    busy = bounded.get("/voila/render/ok.ipynb")
    assert busy.status == 503
    assert "Serveur occupé, réessayez dans un instant" in busy.body
    assert busy.headers["retry-after"] == "15"
    assert len(bounded.kernel_processes()) == 2
    assert bounded.get("/").status == 200  # the home page needs no kernel

    assert bounded.shutdown_kernel(kernel_id_of(first.body)) == 204
    assert bounded.wait_for_kernels(1) == 1
    again = bounded.get("/voila/render/ok.ipynb")
    assert again.status == 200
    assert "PROSPECTIF-OK" in again.body
    assert len(bounded.kernel_processes()) == 2


def test_idle_kernels_are_culled_once_their_viewers_leave(culling):
    pages = [culling.get("/voila/render/ok.ipynb") for _ in range(3)]
    assert [page.status for page in pages] == [200, 200, 200]
    viewers = {kernel_id_of(page.body) for page in pages}
    # the viewers' kernels, idle and unconnected, go; the preheated ones (2 + 1) stay
    assert culling.wait_for_kernels_gone(viewers) == set()
    assert len(culling.kernel_processes()) == 3
    assert culling.get("/voila/render/ok.ipynb").status == 200


def test_home_leads_to_the_home_notebook(culling):
    home = culling.get("/")
    assert (home.status, home.headers["location"]) == (302, "/voila/render/index.ipynb")
    assert "ACCUEIL" in culling.get("/voila/render/index.ipynb").body


@pytest.fixture(scope="module")
def refilled(tmp_path_factory, one_dashboard):
    """At most 2 kernels, one preheated for the dashboard."""
    running = start_server(tmp_path_factory, one_dashboard, "--max-kernels=2", "--preheat=ok=1")
    yield running
    running.stop()


def test_the_pool_is_refilled_after_a_busy_period(refilled):
    preheated = "Using pre-heated kernel"
    pages = [refilled.get("/voila/render/ok.ipynb") for _ in range(2)]
    assert [page.status for page in pages] == [200, 200]
    assert refilled.get("/voila/render/ok.ipynb").status == 503  # full: no room to refill
    used = refilled.log().count(preheated)
    for page in pages:
        assert refilled.shutdown_kernel(kernel_id_of(page.body)) == 204
    assert refilled.wait_for_kernels_gone({kernel_id_of(page.body) for page in pages}) == set()
    again = refilled.get("/voila/render/ok.ipynb")  # served by the refilled pool
    assert again.status == 200 and "PROSPECTIF-OK" in again.body
    assert refilled.log().count(preheated) == used + 1
