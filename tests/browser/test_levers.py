"""« Ce qui pèse le plus » and « Que faudrait-il ? » on a served dashboard."""

from __future__ import annotations

import pytest

from .conftest import screenshot
from .test_dashboards import assert_no_error_output, open_dashboard

pytestmark = pytest.mark.browser


def test_the_tornado_and_a_goal_seek_on_the_served_ageing_dashboard(page, server):
    open_dashboard(page, server, "vieillissement", "?territory=DEP-71&scenario=tendanciel")
    plots = page.locator(".prospectif-app .js-plotly-plot").count()
    page.get_by_text("Ce qui pèse le plus (sensibilité)").click()
    page.locator(".prospectif-tornado-button").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.prospectif-app .js-plotly-plot').length > n",
        arg=plots,
        timeout=120_000,
    )
    tornado = page.locator(".prospectif-levers .js-plotly-plot")
    assert "Tendance annuelle de la prévalence" in tornado.inner_text()
    page.get_by_text("Que faudrait-il pour atteindre l'objectif ?").click()
    levers = page.locator(".prospectif-levers select[multiple]")
    levers.select_option(label="Virage domiciliaire : bénéficiaires en plus à domicile")
    page.locator(".prospectif-solve-button").click()
    answer = page.locator(".prospectif-goal-answer")
    answer.get_by_text("il faudrait", exact=False).wait_for(timeout=120_000)
    assert "Virage domiciliaire" in answer.inner_text()
    page.get_by_role("button", name="Appliquer aux curseurs").click()
    page.wait_for_function(
        "() => document.querySelector('a.prospectif-link').href.includes('home_shift')",
        timeout=120_000,
    )
    assert_no_error_output(page)
    screenshot(page, "vieillissement-objectif")
