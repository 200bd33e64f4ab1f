"""The served dashboards driven in a real headless Chromium."""

from __future__ import annotations

import base64
import re

import pytest

from prospectif.pipeline import run
from prospectif.scenario import load_scenario_file
from prospectif.ui import DASHBOARDS

from .conftest import screenshot

pytestmark = pytest.mark.browser

TFR_SLIDER = ".key-demography-fertility-tfr-target"
LAST_VALUES = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(
    g => g.data.map(t => (t.y && t.y.length) ? Number(t.y[t.y.length - 1]) : null))"""


def open_dashboard(page, server, name, query=""):
    page.goto(f"{server}voila/render/{name}.ipynb{query}")
    page.wait_for_function(
        "n => document.querySelectorAll('.prospectif-app .js-plotly-plot').length >= n",
        arg=len(DASHBOARDS[name].on_page()),  # the first tab, no uncertainty bands
    )
    return page


def assert_no_error_output(page):
    errors = page.locator(
        '[data-mime-type="application/vnd.jupyter.stderr"], .jp-OutputArea-output.jp-mod-error'
    )
    assert errors.count() == 0, errors.all_inner_texts()
    assert "Traceback" not in page.inner_text("body")


def test_home_page_links_every_dashboard(page, server):
    page.goto(f"{server}voila/render/index.ipynb")
    page.wait_for_selector(".prospectif-home")
    links = page.locator("a.prospectif-dashboard-link")
    assert links.count() == len(DASHBOARDS)
    screenshot(page, "accueil")
    links.first.click()
    page.wait_for_selector(".prospectif-app .js-plotly-plot")
    assert_no_error_output(page)


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_dashboard_renders_without_error(page, server, name):
    open_dashboard(page, server, name)
    assert_no_error_output(page)
    screenshot(page, name)


def move_slider(page, selector, presses=1, key="ArrowRight"):
    handle = page.locator(f"{selector} .noUi-handle")
    handle.focus()
    for _ in range(presses):
        handle.press(key)


def test_moving_a_slider_changes_the_figures(page, server):
    open_dashboard(page, server, "demographie")
    first = wait_until_idle(page)
    before = page.evaluate(LAST_VALUES)
    move_slider(page, TFR_SLIDER, presses=5)
    page.wait_for_function(f"n => ({REVISION})() > n", arg=first)
    after = idle_snapshot(page, lambda page: page.evaluate(LAST_VALUES))
    population = [f.key for f in DASHBOARDS["demographie"].on_page()].index("population")
    band, *_, line = zip(before[population], after[population], strict=True)
    assert band[1] == band[0]  # INSEE's variants' envelope, its last point the base year's
    assert line[1] > line[0]  # higher fertility, larger population at the horizon


PAGE_TOPS = """() => { window.__tops = new Set();
  const main = document.querySelector('.prospectif-app > .widget-hbox:not(.prospectif-bar)');
  const sample = () => { window.__tops.add(Math.round(main.getBoundingClientRect().top));
    if (!window.__stop) requestAnimationFrame(sample); };
  window.__stop = false; sample(); }"""
"""Record, at every frame, where the page's main row (assumptions and figures) starts."""


def test_a_move_shows_its_status_without_moving_the_page(page, server):
    open_dashboard(page, server, "demographie")
    first = wait_until_idle(page)
    page.evaluate(PAGE_TOPS)
    move_slider(page, TFR_SLIDER, presses=3)
    page.wait_for_function(f"n => ({REVISION})() > n", arg=first)
    wait_until_idle(page)
    tops = page.evaluate("() => { window.__stop = true; return Array.from(window.__tops); }")
    assert len(tops) == 1, f"the page moved while computing: its main row started at {tops} px"
    status = page.locator(".prospectif-status")
    assert status.evaluate("e => getComputedStyle(e).position") == "fixed"


def test_a_tab_shows_its_own_figures_only(page, server):
    open_dashboard(page, server, "energie")
    open_tab(page, "Émissions")
    titles = page.locator(".prospectif-app .js-plotly-plot .gtitle").all_text_contents()
    keys = DASHBOARDS["energie"].tabs[3].keys
    assert len(titles) == len(keys) and all("missions" in t for t in titles), titles
    active = page.locator(".prospectif-tabs button.mod-active")
    assert active.inner_text() == "Émissions"
    assert active.evaluate("b => getComputedStyle(b).fontWeight") == "700"  # not colour only
    screenshot(page, "energie-onglet-emissions")


def open_tab(page, title):
    """Open the tab of figures ``title`` and wait until its figures are drawn."""
    drawn = wait_until_idle(page)
    page.locator(".prospectif-tabs button", has_text=title).click()
    page.wait_for_function(f"n => ({REVISION})() > n", arg=drawn)
    wait_until_idle(page)


def save_variant(page, name):
    page.fill("input[placeholder='Nom de la variante']", name)
    page.get_by_role("button", name="Enregistrer la variante").click()
    page.wait_for_selector(
        f".prospectif-variants select option:has-text('{name}')", state="attached"
    )


def test_two_saved_variants_are_compared(page, server, workshop_scenarios):
    open_dashboard(page, server, "demographie", "?territory=DEP-71&horizon=2050")
    move_slider(page, TFR_SLIDER, presses=10)
    save_variant(page, "Fécondité relevée")
    move_slider(page, TFR_SLIDER, presses=20, key="ArrowLeft")
    save_variant(page, "Fécondité abaissée")
    page.select_option(".prospectif-variants select", ["Fécondité relevée", "Fécondité abaissée"])
    page.wait_for_function(
        """() => { const names = Array.from(document.querySelectorAll('.js-plotly-plot'))
            .flatMap(g => g.data.map(t => t.name));
            return names.includes('Fécondité relevée') && names.includes('Fécondité abaissée'); }"""
    )
    saved = sorted(p.name for p in (workshop_scenarios / "ateliers").glob("*/*.yaml"))
    assert {"fecondite-relevee.yaml", "fecondite-abaissee.yaml"} <= set(saved)
    screenshot(page, "demographie-comparaison")


def indicator_cells(page):
    """Text of the indicator table: {row label: [cells]}."""
    rows = page.locator(".prospectif-table tbody tr")
    table = {}
    for i in range(rows.count()):
        cells = rows.nth(i).locator("th, td").all_inner_texts()
        table[cells[0]] = cells[1:]
    return table


def test_exported_yaml_gives_the_same_indicators_headlessly(page, server, tmp_path):
    open_dashboard(page, server, "demographie", "?territory=DEP-2A&horizon=2050")
    move_slider(page, TFR_SLIDER, presses=1)  # one move, so one update to wait for
    page.wait_for_function(
        "() => document.querySelector('a.prospectif-link').href.includes('tfr_target')"
    )
    page.get_by_role("button", name="Préparer les fichiers").click()
    link = page.wait_for_selector("a.prospectif-download[download$='.yaml']")
    encoded = re.sub(r"^data:[^,]+,", "", link.get_attribute("href"))
    path = tmp_path / "variante.yaml"
    path.write_bytes(base64.b64decode(encoded))
    scenario = load_scenario_file(path)
    table = run("DEP-2A", scenario).set_index(["variable", "year"])["value"]
    shown = indicator_cells(page)
    population_2050 = shown["Population au 1er janvier"][-1].replace("\u202f", "").replace(" ", "")
    assert int(population_2050) == round(table[("Population", 2050)])


def test_a_link_with_parameters_opens_the_same_view(page, server):
    query = "?territory=DEP-2A&scenario=tendanciel&horizon=2050&demography.fertility.tfr_target=1.7"
    open_dashboard(page, server, "demographie", query)
    assert "Corse-du-Sud" in page.inner_text("h1")
    assert page.locator(f".prospectif-exact{TFR_SLIDER} input").input_value() == "1,70"
    href = page.get_attribute("a.prospectif-link", "href")
    assert "tfr_target=1.7" in href and "territory=DEP-2A" in href


def test_bad_parameters_give_a_message_not_a_traceback(page, server):
    open_dashboard(page, server, "demographie", "?territory=../../etc&horizon=<script>")
    assert page.locator(".prospectif-notices").inner_text().count("Paramètre d'adresse ignoré") == 2
    assert_no_error_output(page)


MIGRATION_SLIDER = ".key-demography-migration-france-net-total"
REVISION = """() => { const r = document.querySelector('.prospectif-revision span');
    const plots = Array.from(document.querySelectorAll('.prospectif-app .js-plotly-plot'));
    return r && r.dataset.drawn === r.dataset.acked && r.dataset.acked !== '0'
        && plots.length === Number(r.dataset.figures) && plots.every(g => g.data && g.data.length)
        ? Number(r.dataset.acked) : null; }"""
"""The number of the drawing every figure has answered, once the page shows all of them."""


def wait_until_idle(page) -> int:
    """Wait until every figure of the dashboard's last drawing is drawn in the browser (the
    kernel numbers drawings and writes which one all figures have answered); its number."""
    return page.wait_for_function(REVISION, timeout=120_000).json_value()


def idle_snapshot(page, read):
    """``read(page)`` taken while the page stays idle at one drawing (read again if a late
    input made the kernel draw meanwhile)."""
    while True:
        drawing = wait_until_idle(page)
        value = read(page)
        if page.evaluate(REVISION) == drawing:
            return value


def last_value(page, name):
    """Last point of the curve called ``name`` (whichever figure draws it)."""
    return page.evaluate(
        """name => { const t = Array.from(document.querySelectorAll('.js-plotly-plot'))
            .flatMap(g => g.data).find(t => t.name === name);
            return t ? Number(t.y[t.y.length - 1]) : null; }""",
        name,
    )


SLOW_MODULES = """(() => {
  // The first three large modules (plotly's widget bundle, one per figure) wait 2.5 s before
  // running, as on a loaded machine: anywidget gives up on a model after 2 s and then drops
  // every update sent to it.
  const Original = window.Blob;
  let delayed = 0;
  window.Blob = function (parts, options) {
    if (options && options.type === 'text/javascript' && delayed < 3 && parts.length === 1
        && typeof parts[0] === 'string' && parts[0].length > 1e6) {
      delayed += 1;
      parts = ['await new Promise(r => setTimeout(r, 2500));\\n' + parts[0]];
    }
    return new Original(parts, options);
  };
  window.Blob.prototype = Original.prototype;
})();"""


def curves_and_table(page):
    table = indicator_cells(page)
    number = lambda cell: int(cell.replace("\u202f", "").replace(" ", ""))  # noqa: E731
    return (
        last_value(page, "Réglage en cours"),
        number(table["Population au 1er janvier"][5]),
        last_value(page, "Solde migratoire"),
        number(table["Solde migratoire de l'année"][4]),
    )


@pytest.mark.parametrize("slow", [False, True], ids=["quiet", "slow-modules"])
def test_figures_agree_with_the_table_after_reset_and_comparison(page, server, slow):
    """Issue 14's sequence: the curves must end where the table says, once idle, also when
    the figures' browser modules load too slowly for anywidget (they froze at their first
    values: 432 256 people in 2070 against 543 393 in the table)."""
    if slow:
        page.context.add_init_script(SLOW_MODULES)
    open_dashboard(page, server, "demographie", "?territory=DEP-71&scenario=tendanciel")
    move_slider(page, TFR_SLIDER, presses=20)
    save_variant(page, "Fécondité 2,0")
    page.get_by_role("button", name="Revenir au scénario de départ").click()
    page.get_by_text("Migrations", exact=True).click()
    move_slider(page, MIGRATION_SLIDER, presses=10, key="PageUp")
    save_variant(page, "Attractivité")
    page.select_option(".prospectif-variants select", ["Fécondité 2,0", "Attractivité"])
    page.wait_for_selector(".js-plotly-plot >> text=Attractivité", state="attached")
    population_curve, population, migration_curve, migration = idle_snapshot(page, curves_and_table)
    assert round(population_curve) == population
    assert abs(migration_curve - migration) < 1
