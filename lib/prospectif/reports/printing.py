"""Print a report page to an A4 PDF with headless Chromium (Playwright), one browser reused.

The browser is found as the tests find it: ``$PROSPECTIF_CHROMIUM``, then ``/usr/bin/chromium``,
then Playwright's own Chromium (``scripts/ensure-chromium.sh`` installs one of them). A
:class:`Printer` keeps one Chromium for many pages; :func:`shared_printer` keeps one per
process (a batch worker prints all its runs with it). Playwright's synchronous API runs in the
printer's own thread, so a printer works inside a Jupyter kernel's event loop too.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import functools
import os
from pathlib import Path
from typing import Any

from ..errors import ReportError

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SYSTEM_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
TIMEOUT_MS = 120_000
"""Longest wait for a page to load and draw its figures (a loaded batch machine is slow)."""
PRINT_VIEWPORT = {"width": 703, "height": 1028}
"""An A4 page inside 12 mm margins at 96 px per inch: the layout measured is the one printed."""
READY = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .every(d => d.querySelector('.main-svg'))"""
OVERFLOW = """() => [...document.querySelectorAll('.page')]
    .filter(p => p.scrollHeight > p.clientHeight + 1).map(p => p.dataset.page)"""
PLOTLY_SRC = """() => window.Plotly && document.querySelector('head script[src]')?.src"""
"""The address of the plotly.js the page loaded from a file (absolute), or null."""
REPLACE = """([html, url, plotly]) => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const src = doc.querySelector('head script[src]');
  if (!src || new URL(src.getAttribute('src'), url).href !== plotly) return false;
  document.querySelectorAll('.js-plotly-plot').forEach(d => Plotly.purge(d));
  document.head.querySelectorAll('style:not([id^="plotly"]), base').forEach(s => s.remove());
  const base = document.createElement('base');
  base.href = url;
  document.head.prepend(base);
  doc.head.querySelectorAll('style').forEach(s => document.head.append(s));
  document.title = doc.title;
  document.documentElement.lang = doc.documentElement.lang;
  document.body.replaceChildren(...doc.body.childNodes);
  for (const old of document.body.querySelectorAll('script')) {
    const script = document.createElement('script');
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
  return true;
}"""
"""Put the report at ``url`` (its HTML ``html``) in place of the page's, drawing its figures
with the plotly.js already loaded; false (nothing changed) if it loads another plotly.js."""
REUSES = 200
"""Reports drawn in one document before the page is loaded afresh (bounds what it keeps)."""


def chromium_path() -> str | None:
    """The system Chromium (``$PROSPECTIF_CHROMIUM`` first), or None for Playwright's own."""
    for candidate in (os.environ.get("PROSPECTIF_CHROMIUM"), *SYSTEM_CHROMIUM):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class Printer:
    """One headless Chromium printing HTML files to A4 PDF, in a thread of its own.

    Raises
    ------
    ReportError
        When no Chromium can be started (the message says how to install one).
    """

    def __init__(self) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="printer")
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._plotly: str | None = None
        self._reused = 0
        self._pool.submit(self._start).result()

    def _start(self) -> None:
        from playwright.sync_api import Error, sync_playwright

        self._playwright = sync_playwright().start()
        path = chromium_path()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=path, args=CHROMIUM_ARGS
            )
        except Error as exc:
            self._playwright.stop()
            reason = " ".join(str(exc).split())[:300]
            raise ReportError(
                "report.no_chromium", path=path or "playwright", reason=reason
            ) from None

    def print_pdf(self, page_file: Path, pdf_file: Path) -> Path:
        """Print the HTML file ``page_file`` to ``pdf_file`` (A4, backgrounds printed).

        Raises
        ------
        ReportError
            If a page of the report overflows its A4 page or the page cannot be printed.
        """
        return self._pool.submit(self._print, Path(page_file), Path(pdf_file)).result()

    def _print(self, page_file: Path, pdf_file: Path) -> Path:
        from playwright.sync_api import Error

        page = self._page or self._new_page()
        try:
            self._open(page, page_file)
            page.wait_for_function(READY)
            overflow = page.evaluate(OVERFLOW)
            if overflow:
                raise ReportError("report.overflow", file=page_file, pages=", ".join(overflow))
            page.pdf(
                path=str(pdf_file), format="A4", print_background=True, prefer_css_page_size=True
            )
        except Error as exc:
            self._drop_page()
            reason = " ".join(str(exc).split())[:300]
            raise ReportError("report.print_failed", file=page_file, reason=reason) from None
        return pdf_file

    @property
    def reused(self) -> int:
        """Reports drawn in the document already open since it was last loaded."""
        return self._reused

    def _open(self, page: Any, page_file: Path) -> None:
        """Show ``page_file`` on ``page``: in the document already there when it loads the
        same plotly.js (:data:`REPLACE`), else by loading it.
        """
        url = page_file.resolve().as_uri()
        if self._plotly and self._reused < REUSES:
            try:
                html = page_file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                html = None  # loading it says what is wrong, as for any page
            if html is not None and page.evaluate(REPLACE, [html, url, self._plotly]):
                self._reused += 1
                return
        page.goto(url)
        self._plotly, self._reused = page.evaluate(PLOTLY_SRC), 0

    def _new_page(self) -> Any:
        """The page every report is printed from: reused, because Chromium then keeps
        plotly.js compiled (evaluating it on a fresh page is 0.7 s of the 0.9 s a report
        takes to draw, 0.1–0.2 s on the reused page), and the next reports are drawn in its
        document (:meth:`_open`): 0.25–0.30 s of Chromium's CPU per report instead of 0.8 s when
        each is loaded (``docs/performance.md``).
        """
        self._page = self._browser.new_page(viewport=PRINT_VIEWPORT)
        self._page.set_default_timeout(TIMEOUT_MS)
        self._page.emulate_media(media="print")
        return self._page

    def _drop_page(self) -> None:
        page, self._page, self._plotly = self._page, None, None
        if page is not None:
            page.close()

    def close(self) -> None:
        """Stop Chromium and the printer's thread."""

        def stop() -> None:
            self._drop_page()
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()

        try:
            self._pool.submit(stop).result()
        except RuntimeError:  # at exit, after the interpreter stopped the executors' threads:
            return  # Playwright's driver ends with this process and takes Chromium with it
        self._pool.shutdown()

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def check_chromium() -> None:
    """Start and stop a Chromium once: raise :class:`ReportError` now rather than per report."""
    Printer().close()


@functools.cache
def shared_printer() -> Printer:
    """The printer of this process, started on first use and stopped when the process exits."""
    printer = Printer()
    atexit.register(printer.close)
    return printer
