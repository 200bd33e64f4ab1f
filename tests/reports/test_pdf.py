"""The 4-page report printed by Chromium: exactly four A4 pages, no figure cut, text kept."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from prospectif.errors import ReportError
from prospectif.reports import REPORT_HTML, printing, write_report
from prospectif.reports.document import PAGES, Render, Section, report_html
from prospectif.reports.printing import PRINT_VIEWPORT, Printer
from prospectif.reports.sections import SECTIONS

pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)
TITLES = {
    1: ["Objectifs : atteints ou manqués", "Chiffres clés", "Émissions brutes, tous secteurs"],
    2: ["Démographie et vieillissement", "Population par grand groupe d'âges"],
    3: ["Mobilité, énergie et climat", "Énergie finale par secteur"],
    4: [
        "Hypothèses qui diffèrent du tendanciel",
        "Ce qui pèse le plus",
        "Sources et méthode",
        "Provenance",
    ],
}


def run(*command: str) -> str:
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} missing: install poppler-utils (scripts/ensure-chromium.sh)")
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def printed(sobriety_report, printer, tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    return write_report(sobriety_report, folder, printer)


def test_exactly_four_a4_pages_with_their_text(printed):
    _, pdf = printed
    info = run("pdfinfo", str(pdf))
    assert f"Pages:           {PAGES}" in info
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == A4_POINTS
    for page, titles in TITLES.items():
        text = run("pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-")
        for title in titles:
            assert title in text, (page, title)
        assert f"page {page} / {PAGES}" in text
        others = [t for p, ts in TITLES.items() if p != page for t in ts]
        assert not [t for t in others if t in text], page


def test_the_pages_render_to_four_a4_images(printed, tmp_path):
    _, pdf = printed
    run("pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "page"))
    from PIL import Image

    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == PAGES
    for path in images:
        width, height = Image.open(path).size
        assert abs(height / width - A4_POINTS[1] / A4_POINTS[0]) < 0.01
        # ink on the page, not a blank sheet
        assert Image.open(path).convert("L").getextrema()[0] < 100


def test_no_figure_crosses_its_page(printed, browser):
    page_file, _ = printed
    page = browser.new_page(viewport=PRINT_VIEWPORT)
    try:
        page.emulate_media(media="print")
        page.goto(page_file.as_uri())
        page.wait_for_function(printing.READY)
        boxes = page.evaluate(
            """() => [...document.querySelectorAll('.figure')].map(f => {
                const p = f.closest('.page').getBoundingClientRect(), r = f.getBoundingClientRect();
                return [f.closest('.page').dataset.page, r.top >= p.top, r.bottom <= p.bottom];
            })"""
        )
    finally:
        page.close()
    assert len(boxes) == 5
    assert all(top and bottom for _, top, bottom in boxes), boxes
    assert sorted({p for p, _, _ in boxes}) == ["1", "2", "3"]


def pdf_pages(pdf, folder) -> tuple[str, list[bytes]]:
    """The text of ``pdf`` and the pixels of its pages (40 dpi)."""
    from PIL import Image

    prefix = f"{pdf.parent.name}-{pdf.stem}"
    run("pdftoppm", "-r", "40", "-png", str(pdf), str(folder / prefix))
    images = sorted(folder.glob(f"{prefix}-*.png"))
    return run("pdftotext", str(pdf), "-"), [Image.open(i).convert("RGB").tobytes() for i in images]


def test_reports_drawn_in_the_open_document_print_as_if_loaded_alone(sobriety_report, tmp_path):
    """The batch's printer draws each report in the page already open (same plotly.js file):
    what it prints is what a fresh page prints, whatever it drew before.
    """
    from plotly.offline import get_plotlyjs

    from prospectif.reports import territory_report
    from prospectif.scenario import scenario_from_presets

    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")
    reports = {
        "dep": sobriety_report,
        "epci": territory_report("EPCI-200070308", scenario_from_presets("tendanciel", 2050)),
    }
    pages = {}
    for name, report in reports.items():
        (tmp_path / name).mkdir()
        with Printer() as fresh:
            pages[name], _ = write_report(
                report, tmp_path / name, fresh, plotly_src="../assets/plotly.min.js"
            )
    alone = {name: pdf_pages(page.with_suffix(".pdf"), tmp_path) for name, page in pages.items()}
    with Printer() as printer:
        for round_, name in enumerate(["dep", "epci", "dep", "epci"]):
            pdf = printer.print_pdf(pages[name], tmp_path / f"{name}-{round_}.pdf")
            assert pdf_pages(pdf, tmp_path) == alone[name], (name, round_)
        assert printer.reused == 3
        with pytest.raises(ReportError, match="impression du rapport .*absent.html impossible"):
            printer.print_pdf(tmp_path / "absent.html", tmp_path / "x.pdf")


def test_a_page_too_long_is_refused_not_cut(sobriety_report, printer, tmp_path):
    long = (*SECTIONS, Section(4, "too-long", lambda report, render: "<p>ligne</p>" * 300))
    page = tmp_path / REPORT_HTML
    page.write_text(report_html(sobriety_report, Render("fr"), long), encoding="utf-8")
    with pytest.raises(ReportError, match=r"déborde de sa page A4 \(page\(s\) 4\)"):
        printer.print_pdf(page, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_chromium_says_how_to_install_one(monkeypatch):
    monkeypatch.setattr(printing, "chromium_path", lambda: "/nonexistent/chromium")
    with pytest.raises(ReportError, match="impossible de lancer Chromium .*make browser"):
        Printer()


def test_a_page_that_cannot_be_opened_is_a_clear_error(printer, tmp_path):
    with pytest.raises(ReportError, match="impression du rapport .*absent.html impossible"):
        printer.print_pdf(tmp_path / "absent.html", tmp_path / "x.pdf")


@pytest.mark.parametrize(
    ("code", "preset", "lang"),
    [
        ("EPCI-200070308", "sobriete", "fr"),  # the local method's long provenance on page 4
        ("COM-71270", "technologie", "fr"),
        ("DEP-976", "intermediaire", "en"),
        ("FR", "services-sobriete-fonciere", "fr"),
    ],
)
def test_every_kind_of_territory_fits_its_four_pages(code, preset, lang, printer, tmp_path):
    from prospectif.reports import territory_report
    from prospectif.scenario import scenario_from_presets

    report = territory_report(code, scenario_from_presets(preset, 2070))
    _, pdf = write_report(report, tmp_path, printer, lang)
    assert f"Pages:           {PAGES}" in run("pdfinfo", str(pdf))
    text = run("pdftotext", "-f", "2", "-l", "3", str(pdf), "-")
    for title in (
        ("Services et logement", "Chaleur et grand âge")
        if lang == "fr"
        else ("Services and housing", "Heat and old age")
    ):
        assert title in text
