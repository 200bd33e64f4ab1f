"""Start the dashboard server (``prospectif serve``) with the options of the command line.

The fixed behaviour of the server (template, no tracebacks nor sources, preheated kernels, the
bounded kernel manager, no file tree) is in ``voila.json``; this module turns the sizing and
the modes chosen on the command line into Voilà options and starts
:class:`~.app.ProspectifVoila`. It imports neither Voilà nor Jupyter until :func:`serve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ServingError
from ..resources import dashboards_dir

MAX_KERNELS = 40
"""Default bound on live kernels: a room of 40 people, one dashboard each (Choix de
modélisation ; see docs/deployment.md for the memory each kernel takes)."""

POOL_SIZE = 1
"""Default number of preheated kernels kept ready per preheated dashboard
(``ProspectifVoila.preheated``: the home page and the synthesis)."""

CULL_IDLE_TIMEOUT = 600
"""Default seconds after which a kernel with no open page and no activity is stopped."""


def preheat_option(text: str) -> tuple[str, int]:
    """``"demographie=20"`` → ``("demographie.ipynb", 20)``.

    Raises
    ------
    ServingError
        If ``text`` is not ``NAME=COUNT`` with a count from 0 to 100.
    """
    name, _, count = text.partition("=")
    if not (name and count.isdigit() and int(count) <= 100):
        raise ServingError("serve.preheat", value=text)
    return (name if name.endswith(".ipynb") else f"{name}.ipynb"), int(count)


def url_prefix(text: str) -> str:
    """A URL prefix with one slash at each end: ``"prospectif"`` → ``"/prospectif/"``."""
    parts = [part for part in text.split("/") if part]
    return "/" + "".join(f"{part}/" for part in parts)


@dataclass(frozen=True)
class ServeOptions:
    """What ``prospectif serve`` can change; see :func:`voila_arguments`."""

    port: int = 8866
    public: bool = False
    read_only: bool = False
    max_kernels: int = MAX_KERNELS
    pool_size: int = POOL_SIZE
    cull_idle_timeout: int = CULL_IDLE_TIMEOUT
    dashboards: Path = field(default_factory=dashboards_dir)
    base_url: str = "/"
    allowed_hosts: tuple[str, ...] = ()
    preheat: tuple[tuple[str, int], ...] = ()
    fork_kernels: bool = True


def voila_arguments(options: ServeOptions) -> list[str]:
    """Voilà command-line options for ``options``.

    The server listens on localhost unless ``public``; idle kernels are looked for every
    quarter of the timeout, between 1 s and 1 min; ``read_only`` starts read-only kernels
    (:attr:`~.kernels.BoundedKernelManager.read_only`).
    """
    cull_interval = max(1, min(60, options.cull_idle_timeout // 4))
    return [
        str(Path(options.dashboards).resolve()),
        f"--port={options.port}",
        f"--Voila.ip={'0.0.0.0' if options.public else '127.0.0.1'}",
        f"--Voila.base_url={options.base_url}",
        f"--BoundedKernelManager.max_kernels={options.max_kernels}",
        f"--BoundedKernelManager.read_only={options.read_only}",
        f"--VoilaConfiguration.default_pool_size={options.pool_size}",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle_timeout}",
        f"--MappingKernelManager.cull_interval={cull_interval}",
        *(f"--ProspectifVoila.allowed_hosts={host}" for host in options.allowed_hosts),
        *(f"--ProspectifVoila.preheat={name}={size}" for name, size in options.preheat),
        f"--ProspectifVoila.fork_kernels={options.fork_kernels}",
    ]


def serve(options: ServeOptions) -> None:
    """Start the dashboard server and print its address; returns when it stops."""
    from .app import run

    host = "0.0.0.0" if options.public else "localhost"
    print(f"Prospectif : tableaux de bord sur http://{host}:{options.port}{options.base_url}")
    print("(Ctrl-C pour arrêter)", flush=True)
    run(voila_arguments(options))
