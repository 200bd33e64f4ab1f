"""Batch throughput: the cost of a run, 1 worker against 2, and an EPCI millésime.

    python benchmarks/batch_throughput.py per-run [--runs 6]
    python benchmarks/batch_throughput.py workers [--runs 40] [--results 500]
    python benchmarks/batch_throughput.py millesime [--reports 40]
    python benchmarks/batch_throughput.py cpu [--runs 6]
    python benchmarks/batch_throughput.py alternate [--runs 24] [--rounds 4] [--results 0]

``per-run``: the same synthesis runs executed on a kernel started for each (as before warm
kernels) and on one warm kernel (after its start and warm-up), in this process, against the
model computation of the same run (``run_chain``), all in the same call.

``workers``: a real batch (``run_batch``, local Dask cluster) of ``--runs`` synthesis runs
with reports (EPCI × tendanciel), with 1 then 2 workers: wall time, and the steady rate (runs
after each worker's first, over the longest worker's time spent on them); then, with
``--results N``, N EPCI × the four full presets results only, 1 then 2 workers.

``alternate``: the same batch (``--runs`` synthesis runs with reports, or with ``--results N``
N EPCI × the four full presets results only) on 1 and 2 workers in turn, ``--rounds`` times,
the order swapped each round (1-2, 2-1, …): each round's ratio of steady rates compares two
batches a minute apart at most, so the machine's drift over the call weighs on neither side.

``millesime``: every EPCI × the four full presets, results only, as a real batch with 2
workers; then ``--reports`` runs with reports on 2 workers, whose steady rate gives the
time of reports for all 5,012 runs (an extrapolation, printed as such).

``cpu``: CPU time (not wall time: robust when other work runs) of warm synthesis runs with
reports, per process: this one (as a Dask worker: Papermill's client, the notebook's HTML,
the 4-page report's chain and page), the kernel and Chromium (psutil), and per step of this
process; then the report's table cells looked up one boolean mask each (as before) against
the report's lookup (:attr:`Report.values`), on the same table in the same call.

Figures print as Markdown lines (docs/performance.md).
"""

from __future__ import annotations

import argparse
import collections
import functools
import math
import statistics
import tempfile
import time
from pathlib import Path

from prospectif.batch import parse_batch, run_batch, select
from prospectif.batch.execute import execute_run
from prospectif.batch.kernel import WarmKernel
from prospectif.batch.plan import plan
from prospectif.pipeline import run_chain
from prospectif.scenario import scenario_from_presets
from prospectif.territory import get_territory

PRESETS = ("tendanciel", "sobriete", "technologie", "intermediaire")


def batch_text(territories: list[str], scenarios, reports: bool = True) -> str:
    return (
        "id: bench\ndashboards: [synthese]\n"
        f"territories: [{', '.join(territories)}]\n"
        f"scenarios: [{', '.join(scenarios)}]\nhorizon: 2050\n"
        f"reports: {'true' if reports else 'false'}\n"
    )


def per_run(count: int) -> None:
    codes = select("epci", "DEP-71")[:count]
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    runs = plan(parse_batch(batch_text(codes, ["tendanciel"]), "bench.yaml", folder), "bench")
    scenario = scenario_from_presets("tendanciel", 2050)
    run_chain(get_territory(codes[0]), scenario)
    model = []
    for code in codes:
        clock = time.perf_counter()
        run_chain(get_territory(code), scenario)
        model.append(time.perf_counter() - clock)
    cold = [_timed(execute_run, run, str(folder / "cold")) for run in runs]
    kernel = WarmKernel()
    try:
        start = _timed(execute_run, runs[0], str(folder / "first"), kernel)
        warm = [_timed(execute_run, run, str(folder / "warm"), kernel) for run in runs]
    finally:
        kernel.shutdown()
    print(f"- model computation (`run_chain`): median {_ms(model)} ms per run")
    print(f"- cold kernel per run: median {_s(cold)} s (min {min(cold):.2f}, max {max(cold):.2f})")
    print(f"- warm kernel: start and warm-up with the first run {start:.1f} s, then")
    print(f"  median {_s(warm)} s per run (min {min(warm):.2f}, max {max(warm):.2f})")


STEPS = {
    "papermill client": ("prospectif.batch.execute", "execute_notebook"),
    "notebook HTML (nbconvert)": ("prospectif.batch.execute", "report_html"),
    "report chain (run_chain, table)": ("prospectif.reports", "territory_report"),
    "report page HTML": ("prospectif.reports.document", "report_html"),
}
"""Steps of a run timed in this process (module, function), by label."""


def cpu(count: int) -> None:
    import importlib

    import psutil

    codes = select("epci", "DEP-71")[: count + 1]
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    runs = plan(parse_batch(batch_text(codes, ["tendanciel"]), "bench.yaml", folder), "bench")
    spent: dict[str, float] = collections.defaultdict(float)
    for label, (module, name) in STEPS.items():
        _count_cpu(importlib.import_module(module), name, label, spent)
    kernel = WarmKernel()
    try:
        _timed(execute_run, runs[0], str(folder / "first"), kernel)
        children = psutil.Process().children(recursive=True)
        chromium = [p for p in children if "chrom" in " ".join(_cmdline(p))]
        others = [p for p in children if p not in chromium]
        spent.clear()
        before = time.process_time(), _cpu_of(others), _cpu_of(chromium), time.perf_counter()
        for run in runs[1:]:
            _timed(execute_run, run, str(folder / "warm"), kernel)
        after = time.process_time(), _cpu_of(others), _cpu_of(chromium), time.perf_counter()
    finally:
        kernel.shutdown()
    n = len(runs) - 1
    per = [(b - a) / n for a, b in zip(before, after, strict=True)]
    print(f"- {n} warm runs with reports, per run: wall {per[3]:.2f} s; CPU: this process")
    print(f"  {per[0]:.3f} s, kernel {per[1]:.3f} s, Chromium {per[2]:.3f} s,")
    print(f"  all {per[0] + per[1] + per[2]:.3f} s")
    for label, seconds in spent.items():
        print(f"  - {label}: {seconds / n:.3f} s")
    _lookups(codes[0])


def _lookups(code: str, repeat: int = 5) -> None:
    """The report's table cells looked up with a mask each (before) and in its lookup (after)."""
    from prospectif.reports import sections, territory_report

    report = territory_report(code, scenario_from_presets("tendanciel", 2050))
    table, tables = report.table, (sections.KEY_FIGURES, sections.DEMOGRAPHY, sections.AGEING)
    tables += (sections.MOBILITY_ENERGY, sections.SERVICES, sections.ADAPTATION)
    first = {v: int(table.loc[table["variable"] == v, "year"].min()) for t in tables for v, _ in t}
    cells = [(v, y) for t in tables for v, _ in t for y in (first[v], *sections.MILESTONE_YEARS)]

    def masks():
        for variable, year in cells:
            rows = table[(table["variable"] == variable) & (table["year"] == year)]
            float(rows["value"].iloc[0]) if len(rows) else math.nan

    def lookup():
        values = type(report)(report.run, table, report.trend).values
        for cell in cells:
            values.get(cell, math.nan)

    for label, function in (("one mask per cell", masks), ("one lookup per report", lookup)):
        clock = time.process_time()
        for _ in range(repeat):
            function()
        seconds = (time.process_time() - clock) / repeat
        print(f"- the report's {len(cells)} table cells, {label}: {seconds:.3f} s of CPU")


def _count_cpu(module, name: str, label: str, spent: dict[str, float]) -> None:
    """Add the CPU time of this process spent in ``module.name`` to ``spent[label]``."""
    function = getattr(module, name)

    @functools.wraps(function)
    def counted(*args, **kwargs):
        clock = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - clock

    setattr(module, name, counted)


def _cmdline(process) -> list[str]:
    import psutil

    try:
        return process.cmdline()
    except psutil.Error:
        return []


def _cpu_of(processes) -> float:
    import psutil

    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def workers(count: int, results: int = 0) -> None:
    codes = select("epci")[:count]
    for n in (1, 2):
        wall, rate = _batch(batch_text(codes, ["tendanciel"]), n)
        print(f"- {n} worker(s), {count} runs with reports: {wall:.1f} s, steady {rate:.2f} run/s")
    if results:
        text = batch_text(select("epci")[:results], PRESETS, reports=False)
        for n in (1, 2):
            wall, rate = _batch(text, n)
            runs = results * len(PRESETS)
            print(f"- {n} worker(s), {runs} results-only runs: {wall:.1f} s, steady {rate:.1f}")


def alternate(count: int, rounds: int, results: int = 0) -> None:
    if results:
        text = batch_text(select("epci")[:results], PRESETS, reports=False)
        what = f"{results * len(PRESETS)} results-only runs"
    else:
        text, what = (
            batch_text(select("epci")[:count], ["tendanciel"]),
            f"{count} runs with reports",
        )
    steady, whole = [], []
    for round_ in range(rounds):
        order = (1, 2) if round_ % 2 == 0 else (2, 1)
        measured = {n: _batch(text, n) for n in order}
        steady.append(measured[2][1] / measured[1][1])
        whole.append(measured[1][0] / measured[2][0])
        print(
            f"- round {round_ + 1} ({order[0]} then {order[1]} workers), {what}: 1 worker "
            f"{measured[1][0]:.1f} s, steady {measured[1][1]:.2f} run/s; 2 workers "
            f"{measured[2][0]:.1f} s, steady {measured[2][1]:.2f} run/s; ratio steady "
            f"{steady[-1]:.2f}×, whole batch {whole[-1]:.2f}×"
        )
    print(
        f"- median of {rounds} rounds: steady {statistics.median(steady):.2f}× "
        f"(min {min(steady):.2f}, max {max(steady):.2f}), whole batch "
        f"{statistics.median(whole):.2f}×"
    )


def millesime(reports: int) -> None:
    codes = select("epci")
    wall, _ = _batch(batch_text(codes, PRESETS, reports=False), 2)
    total = len(codes) * len(PRESETS)
    print(f"- results only, {len(codes)} EPCI × {len(PRESETS)} presets = {total} runs,")
    print(f"  2 workers (measured, whole batch): {wall:.1f} s")
    wall, rate = _batch(batch_text(codes[:reports], ["tendanciel"]), 2)
    print(f"- {reports} runs with reports, 2 workers: {wall:.1f} s, steady {rate:.2f} run/s")
    print(f"- extrapolation, reports for all {total} runs: {total / rate / 60:.0f} min")


def _batch(text: str, n: int) -> tuple[float, float]:
    folder = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    batch = parse_batch(text, "bench.yaml", folder)
    clock = time.perf_counter()
    outcome = run_batch(batch, folder / "snapshots", "bench", workers=n)
    wall = time.perf_counter() - clock
    assert not outcome.failed, outcome.failed[:3]
    return wall, steady_rate(outcome.manifest["runs"])


def steady_rate(records: list[dict]) -> float:
    """Runs per second after each worker's first run, over the busiest worker's time."""
    by_worker: dict[str, list[dict]] = {}
    for record in records:
        by_worker.setdefault(record["worker"], []).append(record)
    later = [sorted(rs, key=lambda r: r["started"])[1:] for rs in by_worker.values()]
    busiest = max(sum(r["duration_s"] for r in rs) for rs in later)
    return sum(map(len, later)) / busiest if busiest else float("nan")


def _timed(function, *args) -> float:
    clock = time.perf_counter()
    record = function(*args)
    assert record["status"] == "ok", record["error"]
    return time.perf_counter() - clock


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f}"


def _s(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["per-run", "workers", "alternate", "millesime", "cpu"])
    parser.add_argument("--runs", type=int, default=0)
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--results", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    if args.what == "per-run":
        per_run(args.runs or 6)
    elif args.what == "cpu":
        cpu(args.runs or 6)
    elif args.what == "workers":
        workers(args.runs or 40, args.results)
    elif args.what == "alternate":
        alternate(args.runs or 24, args.rounds, args.results)
    else:
        millesime(args.reports)


if __name__ == "__main__":
    main()
