"""``prospectif serve``: the dashboards on a Voilà server."""

from __future__ import annotations

from pathlib import Path

import click

from ..serving.launch import CULL_IDLE_TIMEOUT, MAX_KERNELS, POOL_SIZE
from .base import friendly_errors, main


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
@click.option(
    "--no-fork",
    is_flag=True,
    help="Start every kernel as a new process instead of forking it from the preloaded "
    "template (slower starts, more memory; for comparison or diagnosis).",
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
    no_fork: bool,
) -> None:
    """Serve the dashboards with Voilà and print the address."""
    from ..resources import dashboards_dir
    from ..serving.launch import ServeOptions, preheat_option, url_prefix
    from ..serving.launch import serve as run_server

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
            fork_kernels=not no_fork,
        )
    )
