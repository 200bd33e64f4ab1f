"""Issue 14 in a real Chromium: the home page in three steps, variants kept across the language
switch, the variant offered as a download by a read-only server (bounded: four pages)."""

from __future__ import annotations

import base64
import re

import pytest
import yaml

from prospectif.ui import DASHBOARDS

from .conftest import screenshot
from .test_dashboards import TFR_SLIDER, assert_no_error_output, move_slider, open_dashboard

pytestmark = pytest.mark.browser


def choose_territory(page, query: str, code: str) -> None:
    box = page.locator(".prospectif-home-search input")
    box.fill(query)
    option = page.locator(f"datalist option[value$='({code})']")
    option.first.wait_for(state="attached")
    box.fill(option.first.get_attribute("value"))


def test_home_page_territory_first_then_cards_carrying_the_choice(page, server):
    page.goto(f"{server}voila/render/index.ipynb")
    page.wait_for_selector(".prospectif-home .prospectif-card")
    choose_territory(page, "974", "DEP-974")
    page.wait_for_function(
        "() => document.querySelector('a.prospectif-card').href.includes('DEP-974')"
    )
    cards = page.locator("a.prospectif-card")
    assert cards.count() == len(DASHBOARDS)
    assert page.locator(".prospectif-card img").count() == len(DASHBOARDS)
    assert "La Réunion (DEP-974)" in page.inner_text(".prospectif-home")
    screenshot(page, "accueil")
    page.locator("a.prospectif-card[href^='demographie']").click()
    page.wait_for_selector(".prospectif-app .js-plotly-plot")
    assert "La Réunion" in page.inner_text("h1")
    assert_no_error_output(page)


def test_variants_and_comparison_survive_the_language_switch(page, server):
    page.set_default_navigation_timeout(180_000)  # two kernels started: slow on a loaded machine
    open_dashboard(page, server, "demographie", "?territory=DEP-71&scenario=tendanciel")
    move_slider(page, TFR_SLIDER, presses=5)
    page.wait_for_function(
        "() => document.querySelector('a.prospectif-link').href.includes('tfr_target')"
    )
    page.get_by_placeholder("Nom de la variante").fill("Fécondité haute")
    page.get_by_role("button", name="Enregistrer la variante").click()
    page.wait_for_selector(".prospectif-success")
    page.locator(".prospectif-variants select").select_option("Fécondité haute")
    page.wait_for_function(
        "() => document.querySelector('a.prospectif-language').href.includes('compared')"
    )
    page.locator("a.prospectif-language").click()
    page.wait_for_selector(".prospectif-app .js-plotly-plot")
    assert page.inner_text("h3 >> nth=0") == "Assumptions"
    chosen = page.locator(".prospectif-variants select option:checked").all_inner_texts()
    assert [c.replace("\xa0", " ") for c in chosen] == ["Fécondité haute"]
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).some("
        "g => g.data.some(t => t.name === 'Fécondité haute'))"
    )


def test_read_only_server_offers_the_variant_as_a_download(page, read_only_server):
    open_dashboard(page, read_only_server, "demographie", "?territory=DEP-71")
    page.get_by_placeholder("Nom de la variante").fill("Pour la direction")
    page.get_by_role("button", name="Enregistrer la variante").click()
    notice = page.wait_for_selector(".prospectif-success")
    assert "lecture seule" in notice.inner_text()
    with page.expect_download() as download:
        page.locator("a.prospectif-download[download='pour-la-direction.yaml']").click()
    document = yaml.safe_load(open(download.value.path(), encoding="utf-8").read())
    assert document["id"] == "pour-la-direction" and document["label"]["fr"] == "Pour la direction"
    href = page.get_attribute("a.prospectif-download[download='pour-la-direction.yaml']", "href")
    assert yaml.safe_load(base64.b64decode(re.sub(r"^data:[^,]+,", "", href))) == document


def test_a_compared_variant_is_drawn_on_every_trajectory(page, server):
    """Issue 14: compared variants were drawn on some figures only (the climate pathways of
    the adaptation page showed the current setting alone)."""
    name = "Canicule, plan renforcé"
    open_dashboard(page, server, "adaptation", "?territory=DEP-71&scenario=tendanciel")
    handle = page.locator(".prospectif-panel .noUi-handle:visible").first
    handle.focus()
    handle.press("PageUp")
    page.get_by_placeholder("Nom de la variante").fill(name)
    page.get_by_role("button", name="Enregistrer la variante").click()
    page.wait_for_selector(
        f".prospectif-variants select option:has-text('{name}')", state="attached"
    )
    page.locator(".prospectif-variants select").select_option(name)
    trajectories = [
        i for i, spec in enumerate(DASHBOARDS["adaptation"].figures) if not spec.uses_year
    ]
    page.wait_for_function(
        """([indexes, name]) => {
          const plots = Array.from(document.querySelectorAll('.prospectif-app .js-plotly-plot'));
          return indexes.every(i => plots[i] && plots[i].data.some(
              t => (t.name || '').includes(name)));
        }""",
        arg=[trajectories, name],
    )
    assert len(trajectories) == 4
    header = page.locator(".prospectif-indicators thead").inner_text()
    assert name in header
