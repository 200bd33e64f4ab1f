"""``prospectif batch|diff|publish``: dated snapshots, their comparison and their static portal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from .base import friendly_errors, main, say

if TYPE_CHECKING:
    pass


MAX_RUNS = 500
"""Largest batch ``prospectif batch`` starts without ``--yes`` (or a higher ``--max-runs``)."""


class _BatchGroup(click.Group):
    """``prospectif batch FILE …`` runs a batch; ``prospectif batch verify SNAPSHOT`` checks one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:  # noqa: D102
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


@main.group("batch", cls=_BatchGroup)
def batch_group() -> None:
    """Run a batch into a dated snapshot (``batch FILE``), or verify a snapshot."""


@batch_group.command("run")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder of the snapshots; this one goes to OUTPUT/<vintage>/.",
)
@click.option("--vintage", default=None, help="Snapshot name (default: today, YYYY-MM-DD).")
@click.option("--resume", is_flag=True, help="Keep the runs already done with the same inputs.")
@click.option(
    "--scheduler",
    default=None,
    help="Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 "
    "(default: a local cluster).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 1024),
    default=None,
    help="Worker processes of the local cluster (default: one per core).",
)
@click.option("--yes", is_flag=True, help=f"Start even a batch of over {MAX_RUNS} runs.")
@click.option(
    "--max-runs",
    type=click.IntRange(1),
    default=None,
    help=f"Largest number of runs started without --yes (default {MAX_RUNS}).",
)
@friendly_errors
def batch_command(
    file: Path,
    output: Path,
    vintage: str | None,
    resume: bool,
    scheduler: str | None,
    workers: int | None,
    yes: bool,
    max_runs: int | None,
) -> None:
    """Run the batch FILE (dashboards × territories × scenarios) into a dated snapshot.

    Exit status 1 if any run failed (the others are kept), 2 for an invalid batch.
    """
    from ..batch import load_batch, run_batch
    from ..batch.plan import run_count

    if scheduler and workers:
        raise InputError("cli.workers_scheduler")
    batch = load_batch(file)
    if not yes and (count := run_count(batch)) > (limit := max_runs or MAX_RUNS):
        raise InputError("cli.batch_too_many", runs=count, limit=limit)
    outcome = run_batch(batch, output, vintage, resume, scheduler, workers)
    counts = outcome.manifest["counts"]
    reused = sum(bool(r.get("reused")) for r in outcome.manifest["runs"])
    click.echo(f"{outcome.snapshot}/index.html")
    say(
        "cli.batch_done",
        runs=counts["runs"],
        ok=counts["ok"],
        reused=reused,
        failed=counts["failed"],
    )
    for record in outcome.failed:
        say("cli.run_failed", err=True, id=record["id"], error=record["error"])
    sys.exit(1 if outcome.failed else 0)


@batch_group.command("verify")
@click.argument("snapshot", type=click.Path(file_okay=False, path_type=Path))
@friendly_errors
def batch_verify(snapshot: Path) -> None:
    """Check SNAPSHOT against its manifest: one line per problem, exit status 1 if any."""
    from ..batch.manifest import read_manifest
    from ..batch.verify import verify_snapshot

    problems = verify_snapshot(snapshot)
    for problem in problems:
        click.echo(problem.render(), err=True)
    if problems:
        sys.exit(1)
    say("batch.verified", folder=snapshot, runs=len(read_manifest(snapshot)["runs"]))


@main.command("diff")
@click.argument("snapshot_a", type=click.Path(file_okay=False, path_type=Path))
@click.argument("snapshot_b", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for ecarts.html and ecarts.parquet (default: print only).",
)
@friendly_errors
def diff_command(snapshot_a: Path, snapshot_b: Path, output: Path | None) -> None:
    """What changed from SNAPSHOT_A to SNAPSHOT_B: inputs, then indicators that moved."""
    import pandas as pd

    from ..batch.diff import diff_snapshots, write_diff

    inputs, summary = diff_snapshots(snapshot_a, snapshot_b)
    for what, a, b in inputs:
        say("cli.input_changed", what=what, a=a, b=b)
    moved = summary[summary["status"] != "unchanged"]
    say("cli.moved", moved=len(moved), total=len(summary))
    if not moved.empty:
        with pd.option_context("display.width", 200, "display.max_rows", None):
            columns = ["region", "scenario", "variable", "status", "year", "a", "b", "change_pct"]
            click.echo(moved[columns].to_string(index=False))
    if output:
        for path in write_diff(output, str(snapshot_a), str(snapshot_b), inputs, summary):
            click.echo(str(path))


@main.command("publish")
@click.argument("snapshot", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder of the static site (open OUTPUT/index.html from disk or serve the folder).",
)
@click.option(
    "--previous",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Snapshot the « ce qui a changé » page compares with (default: the newest complete "
    "snapshot next to SNAPSHOT whose name sorts before it).",
)
@friendly_errors
def publish_command(snapshot: Path, output: Path, previous: Path | None) -> None:
    """Write SNAPSHOT as a static site: searchable index, 4-page reports, comparisons, changes."""
    from ..messages import language
    from ..portal import publish

    click.echo(str(publish(snapshot, output, previous, language())))
