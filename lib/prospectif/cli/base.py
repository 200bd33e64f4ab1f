"""The command group, its language option, and how commands report errors and results."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ..errors import ProspectifError
from ..i18n import format_number
from ..messages import LANG_ENV, LANGS, Message, language, set_language


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


def scenario_options(repeatable: bool) -> Callable[[Callable], Callable]:
    """The ``--scenario`` (preset ids) and ``--scenario-file`` options of a command, each
    repeatable or given once (parameters ``scenario_ids`` and ``scenario_files`` or
    ``scenario_file``).
    """
    again = "; repeatable" if repeatable else ""

    def decorate(command: Callable) -> Callable:
        command = click.option(
            "--scenario-file",
            "scenario_files" if repeatable else "scenario_file",
            multiple=repeatable,
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"A scenario YAML file instead of a preset{again}.",
        )(command)
        return click.option(
            "--scenario",
            "scenario_ids",
            multiple=repeatable,
            help=f"Preset id, or ids joined by commas to combine them (later ones win){again}.",
        )(command)

    return decorate


def say(msg_id: str, err: bool = False, **params: object) -> None:
    """Print the catalogue message ``msg_id`` in the chosen language."""
    click.echo(Message(msg_id, params).render(), err=err)


def number_text(value: float, decimals: int = 0) -> str:
    """``value`` in the language of the command's messages."""
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
