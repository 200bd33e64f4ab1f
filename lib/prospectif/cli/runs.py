"""``prospectif run|solve``: results tables of territories × scenarios (or their draws), and
goal seeking.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import InputError
from ..messages import language, message
from .base import friendly_errors, main, number_text, say, scenario_options

if TYPE_CHECKING:
    import pandas as pd

    from ..scenario import Scenario


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
@scenario_options(repeatable=True)
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
    from ..batch.sweep import run_many
    from ..census import read_census_table
    from ..results import write_results
    from ..scenario import compose, load_scenario_file

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
    rows = number_text(len(table))
    say("cli.run_done", file=path, rows=rows, what=what, structure=table.attrs["base_structure"])
    if schedules_folder:
        _export_schedules(codes[0], scenarios[0], schedules_folder, census_table)


def _run_codes(territory_codes: tuple[str, ...], selectors: tuple[str, ...]) -> list[str]:
    """The territories of ``prospectif run``: the codes given, then each selector's, once each."""
    from ..batch.definition import parse_selector, select

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
    from ..pipeline import export_schedules, run_chain
    from ..territory import get_territory

    scenario_file = export_schedules(run_chain(get_territory(code), scenario, census), folder)
    say("cli.schedules_done", folder=folder, file=scenario_file, code=code)


@main.command("solve")
@click.option("--territory", "territory_code", required=True, help="Territory code, e.g. DEP-71.")
@scenario_options(repeatable=False)
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
    from ..analysis import solve
    from ..pipeline import run_chain
    from ..scenario import compose, load_scenario_file, save_scenario
    from ..territory import get_territory
    from ..ui.levers import answer
    from ..ui.variants import variant_scenario

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
    from ..results import concat_tables
    from ..uncertainty import CHAIN_DRAWS, run_uncertain

    chained = CHAIN_DRAWS if chain_draws is None else chain_draws
    return concat_tables(
        [
            run_uncertain(code, scenario, draws, seed, chained).table()
            for code in codes
            for scenario in scenarios
        ]
    )
