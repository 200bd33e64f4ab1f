"""The served dashboards side by side with a bare Voilà notebook, in one run.

Run from the project root: ``python -m benchmarks.serve_compare`` (``make bench-serve`` runs it
then the 20-viewer load test). The bare notebook is one ``IntSlider`` and one plotly
``FigureWidget``, served by the same server and environment. For each notebook, once with a
preheated kernel and once without (``--pool-size=0``), one headless Chromium page records the
seconds from navigation to the first figure drawn (plotly's ``_fullData`` present), the bytes
received on the kernel websocket until then (the widget state), the widget views, and the
kernel's RSS and USS with the page open (with ``--repeat N``, N pages per notebook taken in
turn, the median reported with every page's seconds); with ``--no-fork-too``, the same again
with kernels started anew (``prospectif serve --no-fork``) instead of forked from the
preloaded template, whose own memory is reported. Before each page it waits until the preheated
kernels are idle (a preheated pool refills after the page before it took its kernel), so no page
competes with the previous one's work.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
from tests.chromium import CHROMIUM_ARGS, chromium_path
from tests.serving.server import KERNELSPEC, Server, kernel_id_of

from .loadtest import MIB, _port, _rounded, memory, warm_up

ROOT = Path(__file__).resolve().parents[1]
BARE = """\
import ipywidgets, plotly.graph_objects as go
ipywidgets.VBox([ipywidgets.IntSlider(), go.FigureWidget(go.Scatter(x=[1, 2, 3], y=[2, 1, 3]))])
"""
FIRST_FIGURE = """() => {
    const gd = document.querySelector(".js-plotly-plot");
    return !!(gd && gd._fullData && gd._fullData.length);
}"""
VIEWS = "() => document.querySelectorAll('.jupyter-widgets, .widget-box, .js-plotly-plot').length"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dashboards", nargs="+", default=["demographie", "synthese"])
    parser.add_argument("--timeout", type=float, default=240, help="seconds allowed per page")
    parser.add_argument("--chromium", default=chromium_path())
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--port", type=int, default=0, help="server port (0: a free one)")
    parser.add_argument(
        "--no-fork-too", action="store_true", help="also measure kernels started anew"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="pages per notebook and mode, the notebooks taken in turn (median reported)",
    )
    return parser.parse_args()


def template_memory(server: Server) -> list[float] | None:
    """RSS and USS (MiB) of the server's kernel template, if it has one."""
    template = server.kernel_template()
    if template is None:
        return None
    info = template.memory_full_info()
    return [info.rss / MIB, info.uss / MIB]


def folder(workdir: Path, names: list[str]) -> Path:
    """A served folder: the named dashboards and the bare notebook ``bare.ipynb``."""
    served = workdir / "served"
    served.mkdir()
    for name in names:
        shutil.copy(ROOT / "dashboards" / f"{name}.ipynb", served)
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": KERNELSPEC})
    notebook.cells.append(nbformat.v4.new_code_cell(BARE))
    nbformat.write(notebook, served / "bare.ipynb")
    return served


def typical(pages: list[dict]) -> dict:
    """One page's figures, or the median page's of several, with every page's seconds."""
    if len(pages) == 1:
        return pages[0]
    seconds = sorted(p["seconds"] for p in pages if p.get("seconds") is not None)
    median = next(p for p in pages if p.get("seconds") == seconds[len(seconds) // 2])
    return {**median, "seconds_each": [p.get("seconds") for p in pages]}


async def open_page(browser, server: Server, name: str, timeout: float) -> dict:
    """Open ``name`` in a fresh context; seconds to the first figure, websocket bytes, memory."""
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    received = [0]

    def on_websocket(socket):
        if "/channels" in socket.url:
            socket.on("framereceived", lambda payload: add(len(payload)))

    def add(size: int) -> None:
        received[0] += size

    page.on("websocket", on_websocket)
    start = time.monotonic()
    try:
        await page.goto(f"{server.url}voila/render/{name}.ipynb", timeout=timeout * 1000)
        await page.wait_for_function(FIRST_FIGURE, timeout=timeout * 1000, polling=100)
        seconds, state = time.monotonic() - start, received[0]
        views = await page.evaluate(VIEWS)
        kernel = kernel_id_of(await page.content())
        rss, uss, _ = memory(server)["kernels"].get(kernel, (None, None, None))
        outcome = {"seconds": seconds, "widget_mb": state / 1e6, "views": views}
        outcome |= {"kernel_rss_mib": rss, "kernel_uss_mib": uss}
    except Exception as exc:  # a page that fails is reported, never fatal
        outcome = {"failed": type(exc).__name__}
    await context.close()
    return outcome


async def main(options: argparse.Namespace) -> dict:
    from playwright.async_api import async_playwright

    names = [*options.dashboards, "bare"]
    figures: dict = {}
    with tempfile.TemporaryDirectory() as workdir:
        served = folder(Path(workdir), options.dashboards)
        forks = (True, False) if options.no_fork_too else (True,)
        for fork, preheated in ((f, p) for f in forks for p in (True, False)):
            pools = [f"--preheat={name}=1" for name in names] if preheated else []
            started = ("--pool-size=0", *pools, *(() if fork else ("--no-fork",)))
            server = Server(served, Path(workdir), started, **_port(options)).start(timeout=240)
            mode = "" if fork else ", --no-fork"
            try:
                await warm_up(server, len(pools), timeout=300)
                idle = memory(server)["kernels"]
                async with async_playwright() as playwright:
                    browser = await playwright.chromium.launch(
                        executable_path=options.chromium
                        if options.chromium and Path(options.chromium).exists()
                        else None,
                        args=CHROMIUM_ARGS,
                    )
                    heat = "préchauffé" if preheated else "sans préchauffage"
                    pages: dict[str, list[dict]] = {name: [] for name in names}
                    for _ in range(options.repeat):
                        for name in names:
                            await warm_up(server, len(pools), timeout=180)
                            page = await open_page(browser, server, name, options.timeout)
                            pages[name].append(page)
                    for name, measured in pages.items():
                        figures[f"{name} ({heat}{mode})"] = typical(measured)
                    await browser.close()
                if preheated:
                    figures[f"preheated kernels, idle (RSS, USS MiB{mode})"] = [
                        list(sizes[:2]) for sizes in idle.values()
                    ]
                    if fork:
                        figures["kernel template (RSS, USS MiB)"] = template_memory(server)
            finally:
                server.stop()
    return figures


if __name__ == "__main__":
    options = arguments()
    figures = _rounded(asyncio.run(main(options)))
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    print(text)
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(text + "\n", encoding="utf-8")
