"""The synthesis offers its 4-page report as a PDF to download; other dashboards do not."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

from prospectif.errors import ReportError
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.state import ViewState

VIEW = ViewState(territory="DEP-71", scenario="sobriete", horizon=2050)


@pytest.mark.browser
def test_the_synthesis_gives_its_four_page_pdf(tmp_path):
    app = DashboardApp(DASHBOARDS["synthese"], VIEW)
    assert app.report.button.layout.display is None
    app.report.button.click()
    link = app.report.links.value
    assert 'download="synthese-DEP-71-rapport-4-pages.pdf"' in link
    payload = re.search(r"data:application/pdf;base64,([^\"]+)", link).group(1)
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(base64.b64decode(payload))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
    assert "Pages:           4" in info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Sobriété" in text and "Objectifs : atteints ou manqués" in text


def test_other_dashboards_have_no_report_button():
    app = DashboardApp(DASHBOARDS["demographie"], VIEW)
    assert app.report.button.layout.display == "none"


def test_a_report_that_cannot_be_printed_says_why_and_the_next_one_clears_it():
    app = DashboardApp(DASHBOARDS["synthese"], VIEW)

    def no_browser():
        raise ReportError("report.no_chromium", path="/usr/bin/chromium", reason="absent")

    app.report._prepare = no_browser
    app.report.button.click()
    assert app.report.links.value == ""
    assert app.messages.kinds() == {"report": "error"}
    assert "Calcul impossible" in app.messages.value and "Chromium" in app.messages.value
    shown = (VIEW.territory, app.exported_scenario().hash)
    app.report._prepare = lambda: ("<a>rapport</a>", shown)
    app.report.button.click()
    assert app.report.links.value == "<a>rapport</a>" and "report" not in app.messages.kinds()
