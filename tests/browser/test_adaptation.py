"""The served adaptation dashboard draws its map of départements in a real browser."""

from __future__ import annotations

import pytest

from .conftest import screenshot
from .test_dashboards import assert_no_error_output, open_dashboard

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]


def test_the_adaptation_dashboard_renders_its_map_with_the_source(page, server):
    open_dashboard(page, server, "adaptation", "?territory=DEP-58&scenario=tendanciel")
    assert_no_error_output(page)
    title = page.locator(
        ".prospectif-app .js-plotly-plot .gtitle", has_text="départements de métropole"
    )
    title.wait_for()
    plot = page.locator(".prospectif-app .js-plotly-plot", has=title)
    # One filled outline per metropolitan département (Corsica in two): at least 96 shapes.
    assert plot.locator("path.js-fill").count() >= 96
    body = page.inner_text("body")
    assert "ALADIN63 / CNRM-CM5" in body and "Outre-mer : pas de données DRIAS" in body
    screenshot(page, "adaptation")
