"""Every run leaves its 4-page PDF; `prospectif publish` makes a static site of a millésime that
works from disk with the network blocked, and shows what changed since the previous one."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from prospectif.batch import load_batch, run_batch
from prospectif.batch.verify import verify_snapshot
from prospectif.cli import main
from prospectif.portal import previous_snapshot, search_key
from prospectif.portal.site import compared_runs
from prospectif.reports import REPORT_PDF
from prospectif.scenario import presets_dir

from ..browser.conftest import SCREENSHOTS
from .conftest import copy_snapshot, write_batch


@pytest.fixture(scope="module")
def vintages(reference, tmp_path_factory):
    """Snapshots ``a`` (the reference) and ``b`` (the trend's fertility raised), one folder."""
    folder = tmp_path_factory.mktemp("vintages")
    output = folder / "snapshots"
    copy_snapshot(reference, output, "a")
    copy_snapshot(reference, output, "b")
    presets = folder / "presets"
    shutil.copytree(presets_dir(), presets)
    trend = presets / "tendanciel.yaml"
    text = trend.read_text(encoding="utf-8")
    trend.write_text(text.replace("tfr_target: 1.56", "tfr_target: 1.8"), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PROSPECTIF_SCENARIOS", str(presets))
        outcome = run_batch(load_batch(write_batch(folder)), output, "b", resume=True, workers=1)
    assert not outcome.failed, outcome.failed
    return output / "a", output / "b"


@pytest.fixture(scope="module")
def site(vintages, tmp_path_factory):
    folder = tmp_path_factory.mktemp("site") / "portail"
    result = CliRunner().invoke(main, ["publish", str(vintages[1]), "--output", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(folder / "index.html")
    return folder


def test_every_run_leaves_a_four_page_pdf_in_its_manifest(vintages):
    for snapshot in vintages:
        assert verify_snapshot(snapshot) == []
        runs = [r for r in (snapshot / "manifest.json").parent.glob("runs/*/*/*")]
        assert len(runs) == 2
        for run in runs:
            info = subprocess.run(
                ["pdfinfo", str(run / REPORT_PDF)], capture_output=True, text=True, timeout=60
            ).stdout
            assert "Pages:           4" in info


def test_a_damaged_pdf_is_reported_by_verify(vintages, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(vintages[0], copy)
    pdf = next(copy.glob(f"runs/*/*/tendanciel/{REPORT_PDF}"))
    pdf.write_bytes(pdf.read_bytes()[:-10])
    assert [m.id for m in verify_snapshot(copy)] == ["batch.file_size"]


def test_the_previous_millesime_is_the_one_before(vintages):
    a, b = vintages
    assert previous_snapshot(b) == a
    assert previous_snapshot(a) is None


def test_the_site_holds_everything_it_links_to(site):
    assert [p.name for p in site.rglob("plotly*")] == ["plotly.min.js"]
    files = [p for p in site.rglob("*") if p.is_file()]
    assert {p.stat().st_mode & 0o777 for p in files} == {0o644}  # any web server reads them
    pages = list(site.rglob("*.html"))
    assert len(pages) == 1 + 1 + 1 + 2  # index, changes, one comparison, two reports
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "https://" not in text and "cdn." not in text, page


def test_the_changes_page_puts_the_trend_under_assumptions(site):
    page = (site / "changements.html").read_text(encoding="utf-8")
    causes = re.findall(r'<section class="cause" data-cause="([^"]+)">', page)
    # the trend's fertility changed; the code's commit may differ too (tests run on a checkout)
    assert causes and all("assumptions" in c.split("+") for c in causes)
    assert "data" not in "+".join(causes)
    assert "<td>Hypothèses</td><td>scenario tendanciel</td>" in page
    moved = page.split('<section class="cause"')[1]
    assert "<td>tendanciel</td>" in moved and "<td>insee-central</td>" not in moved
    assert moved.index("Naissances") < moved.index("Population – hommes")  # largest first


def test_an_unwritable_output_is_a_clear_error(vintages, tmp_path):
    taken = tmp_path / "fichier"
    taken.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", str(vintages[1]), "--output", str(taken)])
    assert result.exit_code != 0
    assert "fichier" in result.output and "Traceback" not in result.output


def test_search_keys_ignore_accents_and_case():
    assert search_key("Saône-et-Loire DEP-71") == "saone-et-loire dep-71"


@pytest.mark.browser
def test_the_site_works_from_disk_with_the_network_blocked(site, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    blocked = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.set_default_timeout(60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    try:
        page.goto((site / "index.html").as_uri())
        territories = page.locator("#territories .territory")
        assert territories.count() == 1
        page.fill("#search", "SAONE")
        assert territories.first.is_visible() and page.inner_text("#count") == "1"
        page.fill("#search", "sâone loire")
        assert territories.first.is_visible()
        page.fill("#search", "bretagne")
        assert not territories.first.is_visible() and page.locator("#none").is_visible()
        page.fill("#search", "71")
        page.screenshot(path=str(SCREENSHOTS / "portail-index.png"))

        with page.expect_navigation():
            page.click("text=Tendanciel")
        page.wait_for_selector(".js-plotly-plot .main-svg")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".every(d => d.querySelector('.main-svg'))"
        )
        assert page.locator("section.page").count() == 4
        assert page.locator(".js-plotly-plot").count() == 5
        assert page.locator(".verdicts li").count() == 7
        page.locator('section.page[data-page="1"]').screenshot(
            path=str(SCREENSHOTS / "rapport-page-1.png")
        )

        with page.expect_navigation():
            page.click("text=Comparer les scénarios")
        page.wait_for_selector(".portal-verdicts")
        page.wait_for_function(
            "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 1"
        )
        assert page.locator(".portal-verdicts thead th").count() == 3
        page.screenshot(path=str(SCREENSHOTS / "portail-comparaison.png"), full_page=True)

        page.goto((site / "changements.html").as_uri())
        assert page.locator('section.cause[data-cause*="assumptions"] tbody tr').count() > 0
        page.screenshot(path=str(SCREENSHOTS / "portail-changements.png"))
    finally:
        context.close()
    assert blocked == []


def test_the_comparison_page_shows_the_scenarios_of_compare_in_their_order():
    runs = {("DEP-71", s): {"id": s} for s in ("tendanciel", "sobriete", "technologie")}
    chosen = compared_runs(runs, "DEP-71", {"compare": ["technologie", "tendanciel"]})
    assert list(chosen) == ["technologie", "tendanciel"]
    every = ["tendanciel", "sobriete", "technologie"]
    assert list(compared_runs(runs, "DEP-71", {"compare": None})) == every
