"""What plotly.js alone spends redrawing each figure of a served dashboard: the floor under
the live update's whole-page time (``benchmarks/live_update.py``).

Serves the dashboards as ``live_update`` does, opens each case's dashboard, waits until every
figure is drawn, then, in the page, times ``Plotly.redraw`` (a figure's full recalculation and
redraw: what any change of its data costs plotly) of each figure ``REPEATS`` times, with no
kernel and no message in between, and the same with every other part of the page hidden
(panel, table, headings: ``display: none``). Run from the project root:
``python -m benchmarks.redraw_floor [--dashboards …]``.
"""

from __future__ import annotations

import argparse
import json

from benchmarks.live_update import CASES, open_case, served_page

REPEATS = 15
"""Redraws per figure; the median is kept."""

TIME_REDRAWS = """async repeats => {
  const plots = [...document.querySelectorAll('.prospectif-figure .js-plotly-plot')];
  const median = xs => xs.sort((a, b) => a - b)[xs.length >> 1];
  const each = [];
  for (const gd of plots) {
    const times = [];
    for (let k = 0; k < repeats; k++) {
      const start = performance.now();
      await Plotly.redraw(gd);
      times.push(performance.now() - start);
    }
    each.push(Math.round(median(times) * 10) / 10);
  }
  return {figures: plots.length, per_figure_ms: each,
          sum_ms: Math.round(each.reduce((a, b) => a + b, 0) * 10) / 10};
}"""

HIDE_THE_REST = """() => document.querySelectorAll('.prospectif-app > *').forEach(part => {
  if (!part.querySelector('.prospectif-figure')) part.style.display = 'none'; })"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dashboards", nargs="*", help="dashboards to measure (default: all)")
    options = parser.parse_args()
    cases = [c for c in CASES if not options.dashboards or c[0] in options.dashboards]
    results = {}
    with served_page() as (page, server):
        for name, territory, _ in cases:
            open_case(page, server, name, territory)
            whole = page.evaluate(TIME_REDRAWS, REPEATS)
            page.evaluate(HIDE_THE_REST)
            results[name] = {"page": whole, "figures_only": page.evaluate(TIME_REDRAWS, REPEATS)}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
