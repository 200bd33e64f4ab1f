"""Load test: concurrent viewers of a served dashboard, in one headless Chromium.

Run from the project root: ``python -m benchmarks.loadtest`` (``--help`` for the options).
It starts ``prospectif serve`` on a free loopback port over ``dashboards/``, opens
``--sessions`` pages at once on one dashboard, each in its own browser context, spread over
``--browsers`` Chromium processes as in a room of separate browsers (one Chromium has 6
connections per host for all its pages, which the pages still streaming hold, so the others
wait in the browser, not on the server)
and records, per session, the seconds until the dashboard is drawn (page shown and a figure
drawn) or the busy page appears. With
every session open it measures the memory of the server and of each kernel (RSS, and USS: the
memory a process would free on exit). Then half the viewers close their page properly and the
other half vanish (page dropped without unload), and it waits until only the preheated kernels
are left (closed pages stop their kernel at once; vanished ones are culled after the idle
timeout). Everything is bounded by ``--budget`` (5 minutes by default): a session not drawn
in time counts as failed, and the kernels still alive at the end are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from tests.chromium import CHROMIUM_ARGS, chromium_path
from tests.serving.server import Server, kernel_id_of

ROOT = Path(__file__).resolve().parents[1]
DRAWN = """() => {
    if (document.body && document.body.innerText.includes("Serveur occupé")) return "busy";
    const shown = !document.getElementById("loading") && document.getElementById("rendered_cells");
    return shown && document.querySelector(".js-plotly-plot") ? "drawn" : null;
}"""
MIB = 2**20


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--dashboard", default="demographie.ipynb")
    parser.add_argument("--max-kernels", type=int, default=40)
    parser.add_argument("--cull-idle-timeout", type=int, default=20)
    parser.add_argument(
        "--preheat", type=int, default=0, help="preheated kernels for the dashboard (0: default)"
    )
    parser.add_argument("--budget", type=float, default=300, help="seconds allowed in all")
    parser.add_argument(
        "--follow-busy",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="keep the viewers shown the busy page until their dashboard is drawn",
    )
    parser.add_argument(
        "--browsers",
        type=int,
        default=1,
        help="Chromium processes the viewers are spread over (each has 6 connections per host)",
    )
    parser.add_argument("--chromium", default=chromium_path())
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--port", type=int, default=0, help="server port (0: a free one)")
    return parser.parse_args()


async def open_session(browser, url: str, timeout: float, follow: bool) -> dict:
    """Open the dashboard in a new page; the outcome, its time, the page and the kernel id.

    With ``follow``, a viewer shown the busy page stays on it while it reloads itself, and
    the seconds until their dashboard is drawn are kept too (``drawn_after``).
    """
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    start = time.monotonic()
    drawn_after = None
    try:
        await page.goto(url, timeout=timeout * 1000, wait_until="commit")
        handle = await page.wait_for_function(DRAWN, timeout=timeout * 1000, polling=500)
        outcome = await handle.json_value()
    except Exception as exc:  # a session that fails is reported, never fatal
        outcome = f"failed: {type(exc).__name__}"
    seconds = time.monotonic() - start
    if outcome == "drawn":
        drawn_after = seconds
    elif outcome == "busy" and follow:
        drawn_after = await _drawn_after_reloads(page, start, timeout)
    kernel = kernel_id_of(await page.content()) if drawn_after is not None else None
    return {
        "outcome": outcome,
        "seconds": seconds,
        "drawn_after": drawn_after,
        "page": page,
        "kernel": kernel,
    }


async def _drawn_after_reloads(page, start: float, timeout: float) -> float | None:
    """Seconds from ``start`` until the page is drawn, the busy page reloading itself."""
    while time.monotonic() - start < timeout:
        try:
            state = await page.evaluate(DRAWN)
        except Exception:  # the page is reloading
            state = None
        if state == "drawn":
            return time.monotonic() - start
        await asyncio.sleep(0.5)
    return None


async def warm_up(server: Server, pool: int, timeout: float) -> None:
    """Wait until the preheated kernels have started and rendered their dashboard, and the
    kernels' template has preloaded (all idle).
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kernels = server.kernel_processes()
        working = [*kernels, *filter(None, [server.kernel_template()])]
        for process in working:
            process.cpu_percent()
        await asyncio.sleep(2)
        busy = sum(p.cpu_percent() for p in working if p.is_running())
        if len(kernels) >= pool and busy < 10:
            return


def memory(server: Server) -> dict:
    """RSS and USS (MiB) and CPU time (s) of the server process and of each kernel, by kernel id."""

    def sizes(process: psutil.Process) -> tuple[float, float, float]:
        info, cpu = process.memory_full_info(), process.cpu_times()
        return info.rss / MIB, info.uss / MIB, cpu.user + cpu.system

    kernels = {k: sizes(p) for k, p in server.kernel_processes_by_id().items()}
    return {"server": sizes(psutil.Process(server.process.pid)), "kernels": kernels}


async def leave(sessions: list[dict]) -> None:
    """Half the viewers close their page (unload: kernel stopped), half vanish (culled)."""
    for i, session in enumerate(sessions):
        await session["page"].close(run_before_unload=i % 2 == 0)
        await asyncio.sleep(0.2)


def summary(sessions: list[dict], mem: dict, pool: int, alive_up: bool, left: dict) -> dict:
    drawn = sorted(s["seconds"] for s in sessions if s["outcome"] == "drawn")
    answered = sorted(s["seconds"] for s in sessions if s["outcome"] in {"drawn", "busy"})
    eventually = sorted(s["drawn_after"] for s in sessions if s["drawn_after"] is not None)
    viewers = [mem["kernels"][s["kernel"]] for s in sessions if s["kernel"] in mem["kernels"]]
    return {
        "sessions": len(sessions),
        "outcomes": {
            o: sum(s["outcome"] == o for s in sessions) for o in {s["outcome"] for s in sessions}
        },
        "render_seconds": {
            "min": min(drawn, default=None),
            "median": statistics.median(drawn) if drawn else None,
            "max": max(drawn, default=None),
            "all": [round(s, 1) for s in drawn],
        },
        "busy_seconds": [round(s["seconds"], 1) for s in sessions if s["outcome"] == "busy"],
        "first_answer_seconds_median": statistics.median(answered) if answered else None,
        "drawn_following_busy_reloads": {
            "count": len(eventually),
            "median": statistics.median(eventually) if eventually else None,
            "max": max(eventually, default=None),
        },
        "kernels_alive_with_sessions_open": len(mem["kernels"]),
        "preheated_kernels": pool,
        "viewer_kernel_mib": {
            "rss_median": statistics.median(r for r, *_ in viewers) if viewers else None,
            "uss_median": statistics.median(u for _, u, _ in viewers) if viewers else None,
            "rss_max": max((r for r, *_ in viewers), default=None),
        },
        "viewer_kernel_cpu_seconds_median": (
            statistics.median(c for *_, c in viewers) if viewers else None
        ),
        "server_rss_mib": mem["server"][0],
        "total_rss_mib": mem["server"][0] + sum(r for r, *_ in mem["kernels"].values()),
        "total_uss_mib": mem["server"][1] + sum(u for _, u, _ in mem["kernels"].values()),
        "server_up_after_load": alive_up,
        "kernels_left_after_leaving": left["kernels"],
        "seconds_until_culled": left["seconds"],
    }


async def main(options: argparse.Namespace) -> dict:
    from playwright.async_api import async_playwright

    from prospectif.serving.app import PREHEATED

    dashboards = ROOT / "dashboards"
    preheated = [name for name in PREHEATED if (dashboards / name).exists()]
    pool = len(preheated) + (
        max(options.preheat - 1, 0) if options.dashboard in preheated else options.preheat
    )
    preheat = (f"--preheat={options.dashboard}={options.preheat}",) if options.preheat else ()
    deadline = time.monotonic() + options.budget
    with tempfile.TemporaryDirectory() as workdir:
        server = Server(
            dashboards,
            Path(workdir),
            (
                f"--max-kernels={options.max_kernels}",
                f"--cull-idle-timeout={options.cull_idle_timeout}",
                *preheat,
            ),
            **_port(options),
        ).start(timeout=240)
        try:
            await warm_up(server, pool, timeout=150)
            load_before = os.getloadavg()[0]
            async with async_playwright() as playwright:
                path = options.chromium if Path(options.chromium).exists() else None
                browsers = [
                    await playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
                    for _ in range(max(options.browsers, 1))
                ]
                url = f"{server.url}voila/render/{options.dashboard}"
                wait = deadline - time.monotonic() - options.cull_idle_timeout - 45
                sessions = await asyncio.gather(
                    *(
                        open_session(browsers[i % len(browsers)], url, wait, options.follow_busy)
                        for i in range(options.sessions)
                    )
                )
                mem = memory(server)
                alive_up = server.process.poll() is None and server.get("/").status in {200, 302}
                start = time.monotonic()
                await leave(sessions)
                for browser in browsers:
                    await browser.close()
            alive = server.wait_for_kernels(pool, timeout=max(deadline - time.monotonic(), 1))
            left = {"kernels": alive, "seconds": round(time.monotonic() - start, 1)}
            return {
                "load_average_before": load_before,
                **summary(sessions, mem, pool, alive_up, left),
            }
        finally:
            server.stop()


def _port(options: argparse.Namespace) -> dict:
    """The ``Server`` argument for ``--port``: none when 0 (a free port is picked)."""
    return {"port": options.port} if options.port else {}


def _rounded(value):
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


if __name__ == "__main__":
    options = arguments()
    figures = asyncio.run(main(options))
    text = json.dumps(_rounded(figures), indent=2)
    print(text)
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(text + "\n", encoding="utf-8")
