"""The synthesis offers its 4-page report as a PDF to download; other dashboards do not."""

from __future__ import annotations

import base64
import re
import subprocess

import pytest

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
