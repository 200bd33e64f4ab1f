"""The 4-page report of a territory and scenario (HTML and A4 PDF).

Light on import (the batch and the CLI import it): the page is built by :mod:`.document` and
:mod:`.sections`, printed by :mod:`.printing`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..fileio import atomic_write_text

if TYPE_CHECKING:
    from ..data import Dataset
    from ..scenario import Scenario
    from .document import Report
    from .printing import Printer

REPORT_HTML = "rapport-4-pages.html"
REPORT_PDF = "rapport-4-pages.pdf"


def write_report(
    report: Report, folder: Path, printer: Printer, lang: str = "fr", plotly_src: str = ""
) -> tuple[Path, Path]:
    """Write the report's printable HTML and its PDF into ``folder``; return both paths.

    ``plotly_src`` is the address of plotly.js relative to ``folder`` (``""``: inlined).
    """
    from .document import Render, report_html

    folder = Path(folder)
    page = atomic_write_text(
        folder / REPORT_HTML, report_html(report, Render(lang, plotly_src=plotly_src))
    )
    return page, printer.print_pdf(page, folder / REPORT_PDF)


def territory_report(code: str, scenario: Scenario, data: Dataset | None = None) -> Report:
    """The report of territory ``code`` under ``scenario`` (its whole model chain)."""
    from ..pipeline import run_chain
    from ..territory import get_territory
    from .document import make_report

    return make_report(run_chain(get_territory(code, data), scenario, data=data))


__all__ = ["REPORT_HTML", "REPORT_PDF", "territory_report", "write_report"]
