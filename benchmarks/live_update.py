"""Live-update speed in a real browser: slider move → updated figures, on a served dashboard.

Starts ``prospectif serve`` on a free loopback port, opens a dashboard in headless Chromium,
moves an assumption slider with the keyboard ``MOVES`` times and records, in the page, the
time from the key press to (a) the first figure redrawn with new data and (b) every output
updated (the hidden revision element changes once every figure has confirmed, from the
browser, that it drew the new data).
Run with ``make bench-browser``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import free_port, wait_until_up  # noqa: E402
from tests.chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402

MOVES = 30
"""Slider moves per dashboard (sliders of the first, open, section of the panel)."""
CASES = (
    ("demographie", "DEP-71", ".key-demography-fertility-tfr-target"),
    ("vieillissement", "DEP-71", ".key-ageing-prevalence-annual-trend"),
    ("mobilite", "DEP-71", ".key-mobility-demand-local-trips-change"),
    ("energie", "DEP-71", ".key-energy-residential-renovation-rate"),
    ("services", "DEP-71", ".key-services-schools-schooled-at-2"),
)

ARM = """() => {
  const snap = () => JSON.stringify(Array.from(document.querySelectorAll('.js-plotly-plot'))
      .map(g => g.data.map(t => t.y || t.z || (t.link && t.link.value))));
  const revision = () => document.querySelector('.prospectif-revision').innerText;
  const before = snap(), beforeRevision = revision();
  window.__first = null; window.__all = null;
  const check = () => {
    if (window.__t0 === undefined) return requestAnimationFrame(check);
    const now = performance.now();
    if (window.__first === null && snap() !== before) window.__first = now - window.__t0;
    if (revision() !== beforeRevision) {
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


def run_case(page, server: str, name: str, territory: str, selector: str) -> dict:
    page.goto(f"{server}voila/render/{name}.ipynb?territory={territory}", wait_until="commit")
    page.wait_for_selector(".prospectif-table", timeout=120_000)
    page.wait_for_timeout(1000)
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
        "moves": MOVES,
        "first_figure_median_ms": round(statistics.median(first), 1),
        "all_outputs_median_ms": round(statistics.median(full), 1),
        "all_outputs_p90_ms": round(sorted(full)[int(0.9 * MOVES) - 1], 1),
    }


def main() -> None:
    port = free_port()
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
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                results = [run_case(page, server, *case) for case in CASES]
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
