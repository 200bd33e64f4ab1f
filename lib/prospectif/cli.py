"""Command line: ``prospectif data|territories|scenarios|run|serve``."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from .errors import ProspectifError
from .i18n import format_number


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="prospectif")
def main() -> None:
    """Prospectif: territorial foresight dashboards and scenario models."""


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
        progress=lambda name: click.echo(f"building {name}…", err=True),
    )
    for path in written:
        click.echo(f"{path}  {format_number(path.stat().st_size / 1024)} KiB")


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
        click.echo(f"no territory matches {query!r}", err=True)
        sys.exit(1)
    for row in hits.itertuples():
        click.echo(
            f"{row.code:<16} {row.kind:<8} {row.name}  ({format_number(row.population)} hab.)"
        )


@territories.command("show")
@click.argument("code")
@friendly_errors
def territories_show(code: str) -> None:
    """Describe the territory CODE (e.g. DEP-71): name, parents, children, composition."""
    from .territory import get_territory

    t = get_territory(code)
    click.echo(f"{t.code}: {t.name} ({t.kind})")
    click.echo(f"parents: {', '.join(t.parents) or '–'}")
    kids = t.children()
    more = f" … (+{len(kids) - 10})" if len(kids) > 10 else ""
    click.echo(f"children: {', '.join(kids[:10]) or '–'}{more}")
    click.echo(f"base structure: {t.structure}")
    shares = ", ".join(f"DEP-{d} × {format_number(s, 4)}" for d, s in t.shares.head(12).items())
    click.echo(f"composition: {shares}{' …' if len(t.shares) > 12 else ''}")


@main.group()
def scenarios() -> None:
    """List, show and validate scenario files."""


@scenarios.command("list")
@friendly_errors
def scenarios_list() -> None:
    """List the preset scenarios."""
    from .scenario import list_presets, load_preset

    for scenario_id in list_presets():
        click.echo(f"{scenario_id:<24} {load_preset(scenario_id).label.fr}")


@scenarios.command("show")
@click.argument("scenario_id")
@friendly_errors
def scenarios_show(scenario_id: str) -> None:
    """Print the resolved scenario SCENARIO_ID (inheritance applied) as YAML."""
    from .scenario import load_preset
    from .yamlio import dump_yaml

    scenario = load_preset(scenario_id)
    click.echo(f"# hash: {scenario.hash}")
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
            click.echo(f"{path}: ok (hash {scenario.hash})")
    sys.exit(1 if failed else 0)


@scenarios.command("docs")
def scenarios_docs() -> None:
    """Print the reference of every assumption (docs/assumptions.md)."""
    from .scenario.docs import assumptions_markdown

    click.echo(assumptions_markdown(), nl=False)


@main.command("run")
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
    "of a commune, EPCI or perimeter.",
)
@friendly_errors
def run_command(
    territory_code: str,
    scenario_ids: str | None,
    scenario_file: Path | None,
    horizon: int | None,
    output: Path,
    french_csv: bool,
    census: Path | None,
) -> None:
    """Compute every built model for a territory and a scenario; write the results table."""
    from .census import read_census_table
    from .pipeline import run
    from .results import write_results
    from .scenario import compose, load_scenario_file

    if (scenario_ids is None) == (scenario_file is None):
        raise click.UsageError("give exactly one of --scenario and --scenario-file")
    scenario = (
        load_scenario_file(scenario_file) if scenario_file else compose(scenario_ids.split(","))
    )
    if horizon is not None:
        scenario = scenario.with_values({"horizon": horizon})
    table = run(territory_code, scenario, read_census_table(census) if census else None)
    path = write_results(table, output, french=french_csv)
    click.echo(
        f"{path}: {format_number(len(table))} rows ({territory_code}, {scenario.id}, "
        f"hash {scenario.hash}, base structure: {table.attrs['base_structure']})"
    )


@main.command()
@click.option("--port", default=8866, show_default=True, type=click.IntRange(1024, 65535))
@click.option("--public", is_flag=True, help="Listen on all interfaces (default: localhost).")
@click.option("--read-only", is_flag=True, help="Never write on the server (directors' mode).")
def serve(port: int, public: bool, read_only: bool) -> None:
    """Serve the dashboards with Voilà and print the address."""
    from .serve import serve as run_server

    run_server(port=port, public=public, read_only=read_only)
