"""What drawing every figure with ``Plotly.react`` costs the browser, for comparison with the
served page (``benchmarks/live_update.py``, plotly's ``FigureWidget``).

Builds each dashboard of ``live_update.CASES`` in this process, writes its figures for two
settings (the benchmark's slider at each end of its range), then, in headless Chromium with the
installed plotly's ``plotly.min.js`` on a bare page, times ``MOVES`` moves: ``Plotly.react`` on
every figure in turn, then the next paint. No kernel, no socket: the browser's share only.
Run from the project root: ``python -m benchmarks.react_draw [--dashboards …]``.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import tempfile
import threading
from pathlib import Path

import plotly
import plotly.io as pio
from playwright.sync_api import sync_playwright
from tests.chromium import CHROMIUM_ARGS, chromium_path

from benchmarks.live_update import CASES

MOVES = 20
"""Moves per dashboard, alternating between the two settings."""

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script src="plotly.min.js"></script>
</head><body style="width:1200px"><div id="grid"></div><script>
async function run(name, moves) {
  const figs = await (await fetch(name + ".json")).json();
  const keys = Object.keys(figs.a), grid = document.getElementById("grid");
  grid.innerHTML = "";
  const divs = keys.map(() => grid.appendChild(Object.assign(
    document.createElement("div"), {style: "width: 790px"})));
  const config = {responsive: true, displaylogo: false};
  const copy = x => JSON.parse(JSON.stringify(x));
  const paint = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  for (let i = 0; i < keys.length; i++) {
    await Plotly.newPlot(divs[i], copy(figs.a[keys[i]].data), copy(figs.a[keys[i]].layout), config);
  }
  await paint();
  const times = [];
  for (let m = 0; m < moves; m++) {
    const side = m % 2 ? figs.a : figs.b, start = performance.now();
    for (let i = 0; i < keys.length; i++) {
      await Plotly.react(divs[i], copy(side[keys[i]].data), copy(side[keys[i]].layout), config);
    }
    await paint();
    times.push(performance.now() - start);
  }
  times.sort((x, y) => x - y);
  const ms = x => Math.round(x * 10) / 10;
  return {figures: keys.length, median_ms: ms(times[times.length >> 1]), max_ms: ms(times.at(-1))};
}
</script></body></html>"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the bare page's folder without logging each request."""

    def log_message(self, *_: object) -> None:
        pass


def figures_of(app) -> dict[str, dict]:
    """The figures on screen as plotly JSON (data and layout)."""
    shown = {}
    for key in app.grid.shown:
        widget = app.grid.figures[key]
        figure = {"data": [t.to_plotly_json() for t in widget.data], "layout": widget.layout}
        shown[key] = json.loads(pio.to_json(figure))
    return shown


def two_settings(dashboard: str, territory: str, selector: str) -> dict[str, dict]:
    """The dashboard's figures before and after its slider goes from one end to the other."""
    from prospectif import ui
    from prospectif.ui.app import DashboardApp

    spec = ui.DASHBOARDS[dashboard]
    app = DashboardApp(spec, ui.default_state(spec, territory, "tendanciel", 2050))
    (key,) = [
        k for k in app.panel.controls if selector == ".key-" + k.replace(".", "-").replace("_", "-")
    ]
    control = app.panel.controls[key]
    app.panel.sliders[key].value = control.low
    before = figures_of(app)
    app.panel.sliders[key].value = control.high
    return {"a": before, "b": figures_of(app)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dashboards", nargs="*", help="dashboards to measure (default: all)")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.dashboards or c[0] in args.dashboards]
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", site)
        (site / "page.html").write_text(PAGE, encoding="utf-8")
        for dashboard, territory, selector in cases:
            settings = two_settings(dashboard, territory, selector)
            (site / f"{dashboard}.json").write_text(json.dumps(settings), encoding="utf-8")
        handler = functools.partial(QuietHandler, directory=folder)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=chromium_path(), args=CHROMIUM_ARGS
                )
                page = browser.new_page(viewport={"width": 1600, "height": 1000})
                page.goto(f"http://127.0.0.1:{server.server_port}/page.html")
                results = {c[0]: page.evaluate(f"run('{c[0]}', {MOVES})") for c in cases}
                browser.close()
        finally:
            server.shutdown()
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
