"""Live-update speed in a real browser: slider move → updated figures, on a served dashboard.

Starts ``prospectif serve`` on a loopback port, opens each dashboard in headless Chromium,
waits until the page is idle (every figure has confirmed its first drawing), moves one of
the dashboard's own assumption sliders with the keyboard ``MOVES`` times (opening its panel
section first) and records, in the page, the time from the key press to (a) the first figure
redrawn with new data and (b) every output updated: the hidden revision element says that the
kernel's new drawing is the one every figure has confirmed, from the browser, having drawn.
A page with tabs of figures is measured on its first tab, or on each in turn
(``--every-tab``). Run with ``make bench-browser`` (``--port``, ``--dashboards`` to choose).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import free_port, wait_until_up  # noqa: E402
from tests.browser.test_dashboards import open_tab  # noqa: E402
from tests.chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402

from prospectif.ui import DASHBOARDS  # noqa: E402

MOVES = 30
"""Slider moves per dashboard."""
CASES = (
    ("demographie", "DEP-71", ".key-demography-fertility-tfr-target"),
    ("vieillissement", "DEP-71", ".key-ageing-prevalence-annual-trend"),
    ("mobilite", "DEP-71", ".key-mobility-demand-local-trips-change"),
    ("energie", "DEP-71", ".key-energy-residential-renovation-rate"),
    ("services", "DEP-71", ".key-services-schools-schooled-at-2"),
    ("adaptation", "DEP-71", ".key-adaptation-registered-share"),
    ("synthese", "DEP-71", ".key-demography-fertility-tfr-target"),
)

IDLE = """() => { const r = document.querySelector('.prospectif-revision span');
    return r !== null && r.dataset.drawn === r.dataset.acked && r.dataset.acked !== '0'; }"""
"""The page is idle: every figure has confirmed the kernel's last drawing."""

SHOW = """title => Array.from(document.querySelectorAll(
    '.prospectif-panel .jupyter-widget-Collapse:not(.jupyter-widget-Collapse-open)'
    + ' > .jupyter-widget-Collapse-header')).filter(h => h.innerText.trim() === title)
    .forEach(h => h.click())"""
"""Open the panel section titled ``title`` unless it is open (the panel opens on its first
section, and may build a section's sliders only when it is first opened)."""


def section_title(dashboard: str, selector: str) -> str:
    """The panel section title holding the slider of class ``selector``."""
    from prospectif.ui.panel import panel_groups

    for group in panel_groups(DASHBOARDS[dashboard].models[::-1]):
        for control in group.controls:
            if selector == ".key-" + control.key.replace(".", "-").replace("_", "-"):
                return group.title
    raise KeyError(selector)


ARM = """() => {
  // Data arrays by reference: plotly replaces a trace's arrays when new data is drawn.
  const arrays = () => Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(
      g => g.data.map(t => t.y || t.z || (t.link && t.link.value)));
  const revision = () => document.querySelector('.prospectif-revision span').dataset;
  const before = arrays(), drawnBefore = Number(revision().drawn);
  window.__first = null; window.__all = null;
  const check = () => {
    if (window.__t0 === undefined) return requestAnimationFrame(check);
    const now = performance.now(), shown = arrays();
    if (window.__first === null
        && (shown.length !== before.length || shown.some((a, i) => a !== before[i])))
      window.__first = now - window.__t0;
    const r = revision();
    if (Number(r.drawn) > drawnBefore && r.acked === r.drawn) {
      if (window.__first === null) window.__first = now - window.__t0;
      window.__all = now - window.__t0;
      return;
    }
    requestAnimationFrame(check);
  };
  window.__t0 = undefined;
  requestAnimationFrame(check);
}"""


def measure(page, selector: str, key: str) -> tuple[float, float]:
    page.evaluate(ARM)
    handle = page.locator(f"{selector} .noUi-handle")
    handle.press(key)
    page.wait_for_function("() => window.__all !== null", timeout=30_000)
    return page.evaluate("() => [window.__first, window.__all]")


def open_case(page, server: str, name: str, territory: str) -> None:
    """Open dashboard ``name`` for ``territory`` and wait until every figure is drawn."""
    page.goto(f"{server}voila/render/{name}.ipynb?territory={territory}", wait_until="commit")
    page.wait_for_selector(".prospectif-table", timeout=120_000)
    page.wait_for_function(IDLE, timeout=120_000)


def run_case(page, server: str, name: str, territory: str, selector: str, tab: int = 0) -> dict:
    open_case(page, server, name, territory)
    if page.locator(".prospectif-panel").is_hidden():  # it opens presenting: show the panel
        page.get_by_role("button", name="Mode présentation").click()
        page.wait_for_selector(".prospectif-exact input")
        page.wait_for_function(IDLE, timeout=60_000)
    if tab:
        open_tab(page, DASHBOARDS[name].tabs[tab].title[0])
    page.evaluate(SHOW, section_title(name, selector))
    page.locator(f"{selector} .noUi-handle").wait_for(state="visible")
    page.evaluate(
        "() => document.addEventListener('keydown', "
        "() => { window.__t0 = performance.now(); }, true)"
    )
    page.locator(f"{selector} .noUi-handle").focus()
    first, full = [], []
    for move in range(MOVES):
        a, b = measure(page, selector, "ArrowRight" if move % 2 == 0 else "ArrowLeft")
        first.append(a)
        full.append(b)
    return {
        "dashboard": name,
        "territory": territory,
        "tab": tab,
        "moves": MOVES,
        "first_figure_median_ms": round(statistics.median(first), 1),
        "all_outputs_median_ms": round(statistics.median(full), 1),
        "all_outputs_p90_ms": round(sorted(full)[int(0.9 * MOVES) - 1], 1),
    }


def tab_numbers(dashboard: str) -> range:
    """The numbers of the dashboard's tabs of figures (one, 0, without tabs)."""
    return range(max(len(DASHBOARDS[dashboard].tabs), 1))


@contextlib.contextmanager
def served_page(port: int = 0) -> Iterator[tuple[object, str]]:
    """A headless Chromium page (1600 × 1000) and the address of ``prospectif serve
    --read-only`` started on ``port`` (default: a free one) for the time of the block."""
    port = port or free_port()
    server = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory() as tmp:
        log = open(Path(tmp) / "voila.log", "wb")  # noqa: SIM115
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "prospectif"),
                "serve",
                "--port",
                str(port),
                "--read-only",
            ],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(server, process)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS
                )
                yield browser.new_page(viewport={"width": 1600, "height": 1000}), server
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--dashboards", nargs="*", help="dashboards to measure (default: all)")
    parser.add_argument(
        "--every-tab", action="store_true", help="each tab of figures in turn (default: the first)"
    )
    options = parser.parse_args()
    cases = [c for c in CASES if not options.dashboards or c[0] in options.dashboards]
    with served_page(options.port) as (page, server):
        results = [
            run_case(page, server, *case, tab)
            for case in cases
            for tab in (tab_numbers(case[0]) if options.every_tab else [0])
        ]
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
