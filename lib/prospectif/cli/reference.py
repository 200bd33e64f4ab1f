"""``prospectif data|territories|scenarios|results``: build and document the data, look up
territories and scenarios.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .base import friendly_errors, main, number_text, say


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
    from ..data import default_data_dir
    from ..data.build import build_all

    written = build_all(
        raw,
        out or default_data_dir(),
        only or None,
        progress=lambda name: say("cli.building", err=True, name=name),
    )
    for path in written:
        say("cli.written", file=path, size=number_text(path.stat().st_size / 1024))


@data.command("docs")
@friendly_errors
def data_docs() -> None:
    """Print the Markdown description of every embedded table (docs/data.md)."""
    from ..data.docs import catalog_markdown

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
    from ..territory import search

    hits = search(query, limit=limit)
    if hits.empty:
        say("cli.no_match", err=True, value=query)
        sys.exit(1)
    for row in hits.itertuples():
        people = number_text(row.population)
        say("cli.territory_row", code=row.code, kind=row.kind, name=row.name, people=people)


@territories.command("show")
@click.argument("code")
@friendly_errors
def territories_show(code: str) -> None:
    """Describe the territory CODE (e.g. DEP-71): name, parents, children, composition."""
    from ..territory import STRUCTURE_LOCAL, get_territory

    t = get_territory(code)
    kids = t.children()
    more = f" … (+{len(kids) - 10})" if len(kids) > 10 else ""
    shares = ", ".join(f"DEP-{d} × {number_text(s, 4)}" for d, s in t.shares.head(12).items())
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
        from ..calibration.local_components import territory_components

        c = territory_components(t)
        say(
            "cli.local_components",
            fertility=number_text(c.fertility[0], 3),
            mortality=number_text(c.mortality[0], 3),
            births=number_text(c.births[0]),
            expected_births=number_text(c.expected_births[0]),
            deaths=number_text(c.deaths[0]),
            expected_deaths=number_text(c.expected_deaths[0]),
            migration=number_text(1000 * c.excess_migration[0], 1),
        )


@main.group()
def scenarios() -> None:
    """List, show and validate scenario files."""


@scenarios.command("list")
@friendly_errors
def scenarios_list() -> None:
    """List the preset scenarios."""
    from ..scenario import list_presets, load_preset

    for scenario_id in list_presets():
        label = load_preset(scenario_id).label
        say("cli.scenario_row", id=scenario_id, label={"fr": label.fr, "en": label.en or label.fr})


@scenarios.command("show")
@click.argument("scenario_id")
@friendly_errors
def scenarios_show(scenario_id: str) -> None:
    """Print the resolved scenario SCENARIO_ID (inheritance applied) as YAML."""
    from ..scenario import load_preset
    from ..yamlio import dump_yaml

    scenario = load_preset(scenario_id)
    say("cli.hash_comment", hash=scenario.hash)
    click.echo(dump_yaml(scenario.model_dump(mode="json")), nl=False)


@scenarios.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
def scenarios_validate(files: tuple[Path, ...]) -> None:
    """Check scenario FILES; print every problem, one line each; exit 1 if any."""
    from ..errors import ScenarioError
    from ..scenario import load_scenario_file

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
    from ..scenario.docs import assumptions_markdown

    click.echo(assumptions_markdown(), nl=False)


@main.group()
def results() -> None:
    """Result variables."""


@results.command("docs")
def results_docs() -> None:
    """Print the reference of every result variable (docs/variables.md)."""
    from ..results.docs import variables_markdown

    click.echo(variables_markdown(), nl=False)
