"""The static portal: page weight, time to first figure, and 100 directors at once.

Run from the project root: ``python -m benchmarks.portal SITE`` where SITE is a folder written
by ``prospectif publish`` (``--help`` for the options). It serves SITE with Python's threaded
static file server on a loopback port, then

1. weighs each kind of page (index, a 4-page report, a comparison, the changes page): the bytes
   a first visit downloads, page and assets, as counted by Chromium;
2. times the first figure of a report and of a comparison page: from navigation start to the
   first plotly figure drawn (cold cache, a new browser context each time, ``--repeat`` times);
3. sends ``--directors`` simultaneous readers (threads), each fetching every page of a visit
   (index, report, its PDF, comparison, changes and the assets) like a browser without a cache,
   and checks every response is complete; the reference is one reader alone, in the same run.

Everything is bounded: each request has a 30 s timeout and the load phase ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import functools
import http.server
import json
import statistics
import threading
import time
import urllib.request
from pathlib import Path

from tests.chromium import CHROMIUM_ARGS, chromium_path

FIRST_FIGURE = "() => document.querySelector('.js-plotly-plot .main-svg') !== null"
WEIGHT = """() => [...performance.getEntriesByType('navigation'),
    ...performance.getEntriesByType('resource')].reduce((n, e) => n + e.encodedBodySize, 0)"""
"""Bytes the page and every file it loaded weigh (the server sends them uncompressed)."""


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=9310)
    parser.add_argument("--directors", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=300, help="seconds for the load phase")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser.parse_args()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D102 - no line per request
        pass


class Server(http.server.ThreadingHTTPServer):
    """A thread per connection, and a listen backlog for every director at once."""

    daemon_threads = True
    request_queue_size = 256


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = Server(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def visit(site: Path) -> dict[str, str]:
    """One page of each kind, as addresses relative to the site."""
    report = next(site.glob("runs/*/*/*/rapport-4-pages.html"))
    comparison = next(site.glob("comparaisons/*.html"))
    return {
        "index": "index.html",
        "report": report.relative_to(site).as_posix(),
        "comparison": comparison.relative_to(site).as_posix(),
        "changes": "changements.html",
    }


def visit_files(site: Path, pages: dict[str, str]) -> list[str]:
    """Every file one visit fetches: the pages, the report's PDF and the assets."""
    pdf = pages["report"].replace(".html", ".pdf")
    assets = [p.relative_to(site).as_posix() for p in (site / "assets").iterdir()]
    return [*pages.values(), pdf, *assets]


def weigh_and_time(base: str, pages: dict[str, str], repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for kind, path in pages.items():
            times, weight = [], 0
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(base + path, wait_until="load")
                if kind in ("report", "comparison"):
                    page.wait_for_function(FIRST_FIGURE, timeout=60_000, polling=20)
                    times.append(page.evaluate("() => performance.now()") / 1000)
                weight = page.evaluate(WEIGHT)
                context.close()
            results[kind] = {"bytes": weight, "first_figure_s": times}
        browser.close()
    return results


def fetch(url: str) -> tuple[int, int, float]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        expected = int(response.headers["Content-Length"])
        status = response.status if len(body) == expected else -1
    return status, len(body), time.perf_counter() - start


def reader(base: str, files: list[str]) -> dict:
    start, latencies, failures, size = time.perf_counter(), [], 0, 0
    for path in files:
        try:
            status, length, seconds = fetch(base + path)
        except OSError:
            failures += 1
            continue
        failures += status != 200
        latencies.append(seconds)
        size += length
    return {
        "seconds": time.perf_counter() - start,
        "latencies": latencies,
        "failures": failures,
        "bytes": size,
    }


def load(base: str, files: list[str], directors: int, budget: float) -> dict:
    alone = reader(base, files)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(directors) as pool:
        futures = [pool.submit(reader, base, files) for _ in range(directors)]
        done, late = concurrent.futures.wait(futures, timeout=budget)
    wall = time.perf_counter() - start
    visits = [f.result() for f in done]
    latencies = sorted(x for v in visits for x in v["latencies"])
    served = len(latencies)
    return {
        "directors": directors,
        "files_per_visit": len(files),
        "requests_served": served,
        "requests_expected": directors * len(files),
        "failures": sum(v["failures"] for v in visits) + len(late) * len(files),
        "wall_s": wall,
        "visit_s_median": statistics.median(v["seconds"] for v in visits),
        "visit_s_max": max(v["seconds"] for v in visits),
        "request_s_p50": latencies[served // 2],
        "request_s_p95": latencies[int(served * 0.95)],
        "megabytes": sum(v["bytes"] for v in visits) / 1e6,
        "alone_visit_s": alone["seconds"],
    }


def main() -> None:
    args = arguments()
    site = args.site.resolve()
    server = serve(site, args.port)
    base = f"http://127.0.0.1:{args.port}/"
    try:
        pages = visit(site)
        figures = {"pages": weigh_and_time(base, pages, args.repeat)}
        figures["load"] = load(base, visit_files(site, pages), args.directors, args.budget)
    finally:
        server.shutdown()
    for kind, page in figures["pages"].items():
        times = page["first_figure_s"]
        first = f", first figure median {statistics.median(times):.2f} s" if times else ""
        print(f"{kind}: {page['bytes'] / 1e3:,.0f} kB{first}")
    print(json.dumps(figures["load"], indent=1))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
