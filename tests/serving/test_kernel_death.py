"""A kernel killed during a session: the viewer is told in French, and a reload works."""

from __future__ import annotations

import pytest

from .server import kernel_id_of

CONNECTED = """() => {
    const manager = window.jupyterapp && window.jupyterapp.widgetManager;
    return manager && manager.kernel && manager.kernel.connectionStatus === "connected";
}"""

pytestmark = pytest.mark.browser


def test_killed_kernel_shows_a_message_and_reload_renders_again(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(server.url + "voila/render/ok.ipynb")
    page.get_by_text("PROSPECTIF-OK").wait_for()
    page.wait_for_function(CONNECTED)
    kernel_id = kernel_id_of(page.content())

    server.kernel_processes_by_id()[kernel_id].kill()

    notice = page.locator("#prospectif-kernel-lost")
    notice.wait_for()
    assert "La session de calcul de cette page s'est arrêtée" in notice.inner_text()
    notice.get_by_role("button", name="Recharger la page").click()
    page.get_by_text("PROSPECTIF-OK").wait_for()
    page.wait_for_function(CONNECTED)
    assert page.locator("#prospectif-kernel-lost").count() == 0
    reloaded_id = kernel_id_of(page.content())
    page.close(run_before_unload=True)
    # leaving a page stops its kernel: the restarted one at the reload, the new one now
    assert server.wait_for_kernels_gone({kernel_id, reloaded_id}) == set()
    context.close()
