"""Command line: ``prospectif data|territories|scenarios|run|solve|batch|diff|publish|serve``."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .errors import InputError, ProspectifError
from .i18n import format_number
from .messages import LANG_ENV, LANGS, Message, language, message, set_language
from .serving.launch import CULL_IDLE_TIMEOUT, MAX_KERNELS, POOL_SIZE

if TYPE_CHECKING:
    import pandas as pd

    from .scenario import Scenario

MAX_RUNS = 500
"""Largest batch ``prospectif batch`` starts without ``--yes`` (or a higher ``--max-runs``)."""


def friendly_errors(command: Callable) -> Callable:
    """Turn Prospectif errors into a plain message on stderr and exit status 2 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ProspectifError as exc:
            click.echo(str(exc), err=True)
            sys.exit(2)

    return wrapper


def say(msg_id: str, err: bool = False, **params: object) -> None:
    """Print the catalogue message ``msg_id`` in the chosen language."""
    click.echo(Message(msg_id, params).render(), err=err)


def _number(value: float, decimals: int = 0) -> str:
    return format_number(value, decimals, language())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="prospectif")
@click.option(
    "--lang",
    type=click.Choice(LANGS),
    default="fr",
    envvar=LANG_ENV,
    show_default=True,
    help="Language of messages and errors (also read from PROSPECTIF_LANG).",
)
def main(lang: str) -> None:
    """Prospectif: territorial foresight dashboards and scenario models."""
    set_language(lang)
    os.environ[LANG_ENV] = lang  # for the kernels and workers this command starts


@main.group()
def data() -> None:
    """The embedded data set (data/)."""


@data.command("build")
@click.option(
    "--raw",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder of the raw open data files (see docs/data.md for their list).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder (default: the project's data/).",
)
@click.option("--only", multiple=True, help="Build only this table (repeatable).")
@friendly_errors
def data_build(raw: Path, out: Path | None, only: tuple[str, ...]) -> None:
    """Build the embedded tables from the raw open data files."""
    from .data import default_data_dir
    from .data.build import build_all

    written = build_all(
        raw,
        out or default_data_dir(),
        only or None,
        progress=lambda name: say("cli.building", err=True, name=name),
    )
    for path in written:
        say("cli.written", file=path, size=_number(path.stat().st_size / 1024))


@data.command("docs")
@friendly_errors
def data_docs() -> None:
    """Print the Markdown description of every embedded table (docs/data.md)."""
    from .data.docs import catalog_markdown

    click.echo(catalog_markdown(), nl=False)


@main.group()
def territories() -> None:
    """Find and describe territories."""


@territories.command("search")
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 500))
@friendly_errors
def territories_search(query: str, limit: int) -> None:
    """List territories whose name matches QUERY (case and accents ignored)."""
    from .territory import search

    hits = search(query, limit=limit)
    if hits.empty:
        say("cli.no_match", err=True, value=query)
        sys.exit(1)
    for row in hits.itertuples():
        people = _number(row.population)
        say("cli.territory_row", code=row.code, kind=row.kind, name=row.name, people=people)


@territories.command("show")
@click.argument("code")
@friendly_errors
def territories_show(code: str) -> None:
    """Describe the territory CODE (e.g. DEP-71): name, parents, children, composition."""
    from .territory import STRUCTURE_LOCAL, get_territory

    t = get_territory(code)
    kids = t.children()
    more = f" … (+{len(kids) - 10})" if len(kids) > 10 else ""
    shares = ", ".join(f"DEP-{d} × {_number(s, 4)}" for d, s in t.shares.head(12).items())
    say(
        "cli.territory",
        code=t.code,
        name=t.name,
        kind=t.kind,
        parents=", ".join(t.parents) or "–",
        children=f"{', '.join(kids[:10]) or '–'}{more}",
        structure=t.structure,
        composition=f"{shares}{' …' if len(t.shares) > 12 else ''}",
    )
    if t.structure == STRUCTURE_LOCAL:
        from .calibration.local_components import territory_components

        c = territory_components(t)
        say(
            "cli.local_components",
            fertility=_number(c.fertility[0], 3),
            mortality=_number(c.mortality[0], 3),
            births=_number(c.births[0]),
            expected_births=_number(c.expected_births[0]),
            deaths=_number(c.deaths[0]),
            expected_deaths=_number(c.expected_deaths[0]),
            migration=_number(1000 * c.excess_migration[0], 1),
        )


@main.group()
def scenarios() -> None:
    """List, show and validate scenario files."""


@scenarios.command("list")
@friendly_errors
def scenarios_list() -> None:
    """List the preset scenarios."""
    from .scenario import list_presets, load_preset

    for scenario_id in list_presets():
        label = load_preset(scenario_id).label
        say("cli.scenario_row", id=scenario_id, label={"fr": label.fr, "en": label.en or label.fr})


@scenarios.command("show")
@click.argument("scenario_id")
@friendly_errors
def scenarios_show(scenario_id: str) -> None:
    """Print the resolved scenario SCENARIO_ID (inheritance applied) as YAML."""
    from .scenario import load_preset
    from .yamlio import dump_yaml

    scenario = load_preset(scenario_id)
    say("cli.hash_comment", hash=scenario.hash)
    click.echo(dump_yaml(scenario.model_dump(mode="json")), nl=False)


@scenarios.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def scenarios_validate(files: tuple[Path, ...]) -> None:
    """Check scenario FILES; print every problem, one line each; exit 1 if any."""
    from .errors import ScenarioError
    from .scenario import load_scenario_file

    failed = False
    for path in files:
        try:
            scenario = load_scenario_file(path)
        except ScenarioError as exc:
            failed = True
            click.echo(str(exc), err=True)
        else:
            say("cli.valid", file=path, hash=scenario.hash)
    sys.exit(1 if failed else 0)


@scenarios.command("docs")
def scenarios_docs() -> None:
    """Print the reference of every assumption (docs/assumptions.md)."""
    from .scenario.docs import assumptions_markdown

    click.echo(assumptions_markdown(), nl=False)


@main.group()
def results() -> None:
    """Result variables."""


@results.command("docs")
def results_docs() -> None:
    """Print the reference of every result variable (docs/variables.md)."""
    from .results.docs import variables_markdown

    click.echo(variables_markdown(), nl=False)


@main.command("run")
@click.option(
    "--territory",
    "territory_codes",
    multiple=True,
    help="Territory code, e.g. DEP-71 (repeatable).",
)
@click.option(
    "--select",
    "selectors",
    multiple=True,
    help="Every territory of a kind: regions, departements, epci or communes, optionally "
    "inside a territory, e.g. departements, epci:DEP-71 (repeatable).",
)
@click.option(
    "--scenario",
    "scenario_ids",
    multiple=True,
    help="Preset id, or ids joined by commas to combine them (later ones win); repeatable.",
)
@click.option(
    "--scenario-file",
    "scenario_files",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A scenario YAML file instead of a preset (repeatable).",
)
@click.option(
    "--horizon", type=int, default=None, help="Last year projected (overrides the scenario)."
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Results file: .csv, .xlsx or .parquet.",
)
@click.option("--french-csv", is_flag=True, help="CSV with ';' and decimal commas.")
@click.option(
    "--census",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="INSEE census age table (base-cc-evol-struct-pop) giving the age structure "
    "of a commune, EPCI or perimeter (one territory only).",
)
@click.option(
    "--export-schedules",
    "schedules_folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder receiving the run's schedules (population, fertility, mortality, migration "
    "CSV files) and a scenario file naming them, which reproduces the run (one territory and "
    "one scenario only).",
)
@click.option(
    "--draws",
    type=click.IntRange(min=1),
    default=None,
    help="Probabilistic run: this many draws of fertility, mortality and migration; the "
    "table then holds their quantiles (column 'quantile', docs/methodology/uncertainty.md).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the draws.")
@click.option(
    "--chain-draws",
    type=click.IntRange(min=0),
    default=None,
    help="Draws also run through mobility, energy and emissions (default 100).",
)
@friendly_errors
def run_command(
    territory_codes: tuple[str, ...],
    selectors: tuple[str, ...],
    scenario_ids: tuple[str, ...],
    scenario_files: tuple[Path, ...],
    horizon: int | None,
    output: Path,
    french_csv: bool,
    census: Path | None,
    schedules_folder: Path | None,
    draws: int | None,
    seed: int,
    chain_draws: int | None,
) -> None:
    """Compute every built model for territories × scenarios; write one results table.

    The library computes directly, without notebooks: the same numbers as the dashboards.
    The run metadata goes with the table: ``meta`` and ``hypotheses`` sheets in Excel, schema
    metadata in Parquet, a ``<file>.meta.json`` sidecar next to a CSV. With ``--draws`` the
    table holds the quantiles of the draws of demography, ageing, mobility, energy and
    emissions, reproducible with ``--seed``.
    """
    from .batch.sweep import run_many
    from .census import read_census_table
    from .results import write_results
    from .scenario import compose, load_scenario_file

    if not scenario_ids and not scenario_files:
        raise InputError("cli.need_scenario")
    codes = _run_codes(territory_codes, selectors)
    if census and len(codes) > 1:
        raise InputError("cli.census_one")
    if schedules_folder and (len(codes) > 1 or len(scenario_ids) + len(scenario_files) > 1):
        raise InputError("cli.schedules_one")
    if census and draws is not None:
        raise InputError("cli.census_draws")
    scenarios = [compose(ids.split(",")) for ids in scenario_ids]
    scenarios += [load_scenario_file(path) for path in scenario_files]
    if horizon is not None:
        scenarios = [s.with_values({"horizon": horizon}) for s in scenarios]
    census_table = read_census_table(census) if census else None
    if draws is None:
        table = run_many(codes, scenarios, census_table)
    else:
        table = _uncertain_table(codes, scenarios, draws, seed, chain_draws)
    path = write_results(table, output, french=french_csv)
    if len(codes) == len(scenarios) == 1:
        what = message("cli.run_one", code=codes[0], id=scenarios[0].id, hash=scenarios[0].hash)
    else:
        what = message("cli.run_many", codes=len(codes), scenarios=len(scenarios))
    rows = _number(len(table))
    say("cli.run_done", file=path, rows=rows, what=what, structure=table.attrs["base_structure"])
    if schedules_folder:
        _export_schedules(codes[0], scenarios[0], schedules_folder, census_table)


def _run_codes(territory_codes: tuple[str, ...], selectors: tuple[str, ...]) -> list[str]:
    """The territories of ``prospectif run``: the codes given, then each selector's, once each."""
    from .batch.definition import parse_selector, select

    codes = list(territory_codes)
    for text in selectors:
        selector = parse_selector(text)
        codes.extend(select(selector.selector, selector.of))
    codes = list(dict.fromkeys(codes))
    if not codes:
        raise InputError("cli.need_territory")
    return codes


def _export_schedules(
    code: str, scenario: Scenario, folder: Path, census: pd.DataFrame | None
) -> None:
    """Write the schedules of one run and say which scenario file reproduces it."""
    from .pipeline import export_schedules, run_chain
    from .territory import get_territory

    scenario_file = export_schedules(run_chain(get_territory(code), scenario, census), folder)
    say("cli.schedules_done", folder=folder, file=scenario_file, code=code)


@main.command("solve")
@click.option("--territory", "territory_code", required=True, help="Territory code, e.g. DEP-71.")
@click.option(
    "--scenario",
    "scenario_ids",
    default=None,
    help="Preset id, or ids joined by commas to combine them (later ones win).",
)
@click.option(
    "--scenario-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A scenario YAML file instead of a preset.",
)
@click.option(
    "--target",
    "target_id",
    required=True,
    help="Target: emissions-2050 (SNBC), energy-2050, places-2050 (places per 100 aged 75+), "
    "emissions-2030, energy-2030.",
)
@click.option(
    "--lever",
    "levers",
    multiple=True,
    required=True,
    help="Assumption moved to meet the target, as a dotted key, e.g. "
    "energy.residential.renovation_rate (repeatable: the levers move together).",
)
@click.option(
    "--value",
    "goal",
    type=float,
    default=None,
    help="Target value in the indicator's unit, instead of the target's own.",
)
@click.option(
    "--save",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the scenario that meets the target to this YAML file (a variant).",
)
@friendly_errors
def solve_command(
    territory_code: str,
    scenario_ids: str | None,
    scenario_file: Path | None,
    target_id: str,
    levers: tuple[str, ...],
    goal: float | None,
    save: Path | None,
) -> None:
    """What would it take to meet a target: the level of a lever (or of levers moved together)
    at which the scenario meets it, or how far it stays out of reach (exit status 1).
    """
    from .analysis import solve
    from .pipeline import run_chain
    from .scenario import compose, load_scenario_file, save_scenario
    from .territory import get_territory
    from .ui.levers import answer
    from .ui.variants import variant_scenario

    if bool(scenario_ids) == bool(scenario_file):
        raise InputError("cli.one_scenario")
    ids = tuple(scenario_ids.split(",")) if scenario_ids else ()
    scenario = load_scenario_file(scenario_file) if scenario_file else compose(list(ids))
    chain = run_chain(get_territory(territory_code), scenario)
    solution = solve(chain, target_id, levers, goal)
    click.echo(answer(solution, language()))
    if save is not None and solution.status == "solved":
        name = f"{scenario.id} {solution.target.id}"
        changes = dict[str, object](solution.changes)
        variant = variant_scenario(name, scenario, changes, ids or scenario.extends)
        say("cli.solve_saved", file=save_scenario(variant, save), hash=variant.hash)
    if solution.status not in ("solved", "met"):
        sys.exit(1)


def _uncertain_table(
    codes: list[str], scenarios: list, draws: int, seed: int, chain_draws: int | None
):
    """The quantile tables of every territory × scenario, stacked."""
    from .results import concat_tables
    from .uncertainty import CHAIN_DRAWS, run_uncertain

    chained = CHAIN_DRAWS if chain_draws is None else chain_draws
    return concat_tables(
        [
            run_uncertain(code, scenario, draws, seed, chained).table()
            for code in codes
            for scenario in scenarios
        ]
    )


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
    from .batch import load_batch, run_batch
    from .batch.plan import run_count

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
    from .batch.manifest import read_manifest
    from .batch.verify import verify_snapshot

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

    from .batch.diff import diff_snapshots, write_diff

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
    from .messages import language
    from .portal import publish

    click.echo(str(publish(snapshot, output, previous, language())))


@main.command()
@click.option("--port", default=8866, show_default=True, type=click.IntRange(1024, 65535))
@click.option("--public", is_flag=True, help="Listen on all interfaces (default: localhost).")
@click.option("--read-only", is_flag=True, help="Never write on the server (directors' mode).")
@click.option(
    "--max-kernels",
    default=MAX_KERNELS,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="Most kernels alive at once, preheated ones included; beyond, a 'busy' page.",
)
@click.option(
    "--pool-size",
    default=POOL_SIZE,
    show_default=True,
    type=click.IntRange(0, 20),
    help="Preheated kernels kept ready for each preheated dashboard (home page and synthesis).",
)
@click.option(
    "--preheat",
    multiple=True,
    metavar="DASHBOARD=COUNT",
    help="Preheated kernels for one dashboard instead of --pool-size, e.g. demographie=20 "
    "before a workshop of 20 (repeatable).",
)
@click.option(
    "--cull-idle-timeout",
    default=CULL_IDLE_TIMEOUT,
    show_default=True,
    type=click.IntRange(1, 86400),
    help="Seconds after which a kernel with no open page and no activity is stopped.",
)
@click.option(
    "--dashboards",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of the notebooks to serve (default: the project's dashboards/).",
)
@click.option(
    "--base-url", default="/", show_default=True, help="URL prefix, e.g. behind a reverse proxy."
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    help="Host name accepted besides localhost, e.g. the public name behind a reverse proxy "
    "(repeatable).",
)
@friendly_errors
def serve(
    port: int,
    public: bool,
    read_only: bool,
    max_kernels: int,
    pool_size: int,
    preheat: tuple[str, ...],
    cull_idle_timeout: int,
    dashboards: Path | None,
    base_url: str,
    allowed_hosts: tuple[str, ...],
) -> None:
    """Serve the dashboards with Voilà and print the address."""
    from .resources import dashboards_dir
    from .serving.launch import ServeOptions, preheat_option, url_prefix
    from .serving.launch import serve as run_server

    pools = tuple(preheat_option(text) for text in preheat)
    run_server(
        ServeOptions(
            port=port,
            public=public,
            read_only=read_only,
            max_kernels=max_kernels,
            pool_size=pool_size,
            cull_idle_timeout=cull_idle_timeout,
            dashboards=dashboards or dashboards_dir(),
            base_url=url_prefix(base_url),
            allowed_hosts=allowed_hosts,
            preheat=pools,
        )
    )
