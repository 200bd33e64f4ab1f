"""The verdicts are visible on the served synthesis page, each with its word."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from prospectif.pipeline import run_chain
from prospectif.results.verdicts import chain_verdicts, sentence
from prospectif.territory import get_territory
from prospectif.ui.state import base_scenario

from .conftest import SCREENSHOTS, screenshot
from .test_dashboards import assert_no_error_output, open_dashboard

pytestmark = pytest.mark.browser


def test_the_served_synthesis_shows_every_verdict(page, server):
    open_dashboard(page, server, "synthese", "?territory=DEP-71&scenario=tendanciel")
    page.wait_for_selector(".prospectif-verdict")
    assert_no_error_output(page)
    run = run_chain(get_territory("DEP-71"), base_scenario("tendanciel", 2050))
    expected = [sentence(v) for v in chain_verdicts(run)]
    shown = page.locator(".prospectif-verdict-text")
    assert shown.all_inner_texts() == expected
    assert all(shown.nth(i).is_visible() for i in range(shown.count()))
    words = page.locator(".prospectif-verdict-word").all_inner_texts()
    assert {w.split(" ", 1)[1] for w in words} <= {"atteint", "manqué"}
    screenshot(page, "synthese-verdicts")
    presets = page.locator(".prospectif-presets")
    assert presets.locator(".prospectif-verdict-word").count() == 4 * len(expected)
    presets.screenshot(path=str(SCREENSHOTS / "synthese-scenarios.png"))


def test_the_director_chooses_two_scenarios_to_compare(page, server):
    open_dashboard(page, server, "synthese", "?territory=DEP-71&scenario=tendanciel")
    presets = page.locator(".prospectif-presets")
    presets.wait_for()
    assert presets.locator("thead th").count() == 1 + 4
    chooser = page.locator(".prospectif-compared select")
    assert chooser.is_visible()  # in presentation mode too: the page opens in it
    labels = [base_scenario(p, 2050).label.get("fr") for p in ("tendanciel", "sobriete")]
    chooser.select_option(label=[f"{labels[0]} (tendanciel)", f"{labels[1]} (sobriete)"])
    page.wait_for_function(
        "() => document.querySelectorAll('.prospectif-presets thead th').length === 3"
    )
    assert sorted(presets.locator("thead th").all_inner_texts()[1:]) == sorted(labels)
    # the link is written after the table, in the same kernel callback: wait for it
    link = page.locator(".prospectif-link")
    expect(link).to_have_attribute("href", re.compile("compare=tendanciel"))
    assert "compare=sobriete" in link.get_attribute("href")
    assert_no_error_output(page)
    page.locator(".prospectif-compared").screenshot(path=str(SCREENSHOTS / "synthese-choix.png"))
    presets.screenshot(path=str(SCREENSHOTS / "synthese-deux-scenarios.png"))
