"""The served adaptation dashboard draws its map of départements in a real browser."""

from __future__ import annotations

import pytest

from .conftest import screenshot
from .test_dashboards import assert_no_error_output, open_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.timeout(280)]

LOADED_TIMEOUT = 200_000
"""Page timeout (ms): the kernel starts and computes the map of 96 départements before the page
loads, which took more than the suite's 90 s at a load average of 16–30 on the 2-core machine."""


def test_the_adaptation_dashboard_renders_its_map_with_the_source(page, server):
    page.set_default_timeout(LOADED_TIMEOUT)
    open_dashboard(page, server, "adaptation", "?territory=DEP-58&scenario=tendanciel")
    assert_no_error_output(page)
    title = page.locator(".gtitle", has_text="départements de métropole")
    plot = page.locator(".prospectif-app .js-plotly-plot", has=title)
    # One filled outline per metropolitan département (Corsica in two): at least 96 shapes.
    plot.locator("path.js-fill").nth(95).wait_for(state="attached")
    body = page.inner_text("body")
    assert "ALADIN63 / CNRM-CM5" in body and "Outre-mer : pas de données DRIAS" in body
    screenshot(page, "adaptation")
