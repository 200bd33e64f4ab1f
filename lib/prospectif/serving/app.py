"""The Voilà application of ``prospectif serve``: only dashboards, bounded, French pages.

Compared with ``voila <folder>``:

- configuration comes only from ``voila.json`` next to this module and the command line, never
  from the working directory or ``~/.jupyter`` (the server behaves the same on every machine);
- the file tree, the contents API and the file handler are not served; ``/`` leads to the
  folder's ``index.ipynb``, or lists the dashboards without starting a kernel;
  ``/voila/render/<name>.ipynb`` serves a notebook of the folder (no subfolder) through
  :class:`~.handlers.DashboardHandler`, which bounds the kernels; any other address answers a
  French 404 page;
- listening on a loopback address, requests must name the host ``localhost``, a loopback
  address or one of ``allowed_hosts`` (protection against DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path

from jupyter_server.auth.logout import LogoutHandler
from jupyter_server.utils import url_path_join
from tornado.ioloop import PeriodicCallback
from traitlets import Bool, Dict, Int, List, Unicode, default
from voila.app import Voila
from voila.static_file_handler import AllowListFileHandler, TemplateStaticFileHandler
from voila.tornado.contentshandler import VoilaContentsHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from ..resources import release_memory
from . import forkserver
from .channels import MAX_MESSAGE_BYTES, GuardedChannelsConnection, GuardedChannelsHandler
from .handlers import (
    DASHBOARD_FILE,
    FIGURE_SCRIPT,
    FIGURE_SCRIPT_ROUTE,
    DashboardHandler,
    FigureScriptHandler,
    HomeHandler,
    NotFoundHandler,
    TemplateStaticHandler,
)

SERVING_DIR = Path(__file__).resolve().parent
"""Folder of ``voila.json`` (the committed server configuration)."""

SHARE_DIR = SERVING_DIR / "share"
"""Jupyter data folder holding the ``prospectif`` Voilà template."""

DROPPED_HANDLERS = (
    TornadoVoilaTreeHandler,
    VoilaContentsHandler,
    AllowListFileHandler,
    LogoutHandler,
)
"""Voilà handlers not served: file tree, contents API, files of the served folder, and the
logout page (the server has no login; Jupyter's logout page is not in the template)."""

REPLACED_HANDLERS = {
    TornadoVoilaHandler: DashboardHandler,
    TemplateStaticFileHandler: TemplateStaticHandler,
    VoilaKernelWebsocketHandler: GuardedChannelsHandler,
}

PREHEATED = ("index.ipynb", "synthese.ipynb")
"""Dashboards with preheated kernels by default: the home page and the synthesis."""

MEMORY_TRIM_INTERVAL = 30
"""Seconds between two returns of the server's freed memory to the system."""

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class ProspectifVoila(Voila):
    """Voilà restricted to the dashboards of one folder (see the module docstring)."""

    allowed_hosts = List(
        Unicode(),
        config=True,
        help="Host names accepted besides localhost when listening on a loopback address, "
        "e.g. the public name behind a reverse proxy: ['prospectif.example.org'].",
    )

    preheat = Dict(
        value_trait=Int(min=0),
        config=True,
        help="Preheated kernels kept ready for some dashboards instead of "
        "VoilaConfiguration.default_pool_size, e.g. {'demographie.ipynb': 20} for a workshop "
        "of 20 on that dashboard.",
    )

    preheated = List(
        Unicode(),
        default_value=list(PREHEATED),
        config=True,
        help="Dashboards given VoilaConfiguration.default_pool_size preheated kernels; the "
        "others get none unless named in ``preheat``. Example: ['index.ipynb', "
        "'demographie.ipynb'].",
    )

    fork_kernels = Bool(
        True,
        config=True,
        help="Fork the dashboards' kernels from a process that has already imported the "
        "library and opened the data (prospectif.serving.forkserver): they start in a "
        "fraction of a second and share that memory. False: every kernel is a new process.",
    )

    @default("config_file_paths")
    def _config_file_paths_default(self):
        return [str(SERVING_DIR)]

    def init_settings(self) -> dict:
        """Voilà's settings, with the host check, security headers and the 404 page.

        Only notebooks that can be served are preheated (not those in subfolders, hidden...);
        Voilà matches its ``preheat_denylist`` against absolute paths. The ``preheated``
        dashboards get ``default_pool_size`` kernels, the others none; ``preheat`` sets the
        pools of some dashboards. Kernel websockets are bounded (:mod:`.channels`).
        """
        served = re.escape(os.path.join(self.root_dir, "")) + DASHBOARD_FILE.pattern
        self.config.VoilaKernelManager.preheat_denylist = [f"(?!{served}$)"]
        pool = max(self.voila_configuration.default_pool_size, 0)
        self.config.VoilaKernelManager.kernel_pools_config = {
            "default": {"pool_size": 0},
            **{name: {"pool_size": pool} for name in self.preheated},
            **{name: {"pool_size": size} for name, size in self.preheat.items()},
        }
        settings = super().init_settings()
        settings.update(
            allow_remote_access=not _is_loopback(self.ip),
            local_hostnames=["localhost", *self.allowed_hosts],
            headers=dict(SECURITY_HEADERS),
            default_handler_class=NotFoundHandler,
            default_handler_args={"voila_configuration": self.voila_configuration},
            prospectif_folder=self.root_dir,
            kernel_websocket_connection_class=GuardedChannelsConnection,
            websocket_max_message_size=MAX_MESSAGE_BYTES,
        )
        return settings

    def init_handlers(self) -> list:
        """Voilà's handlers without the file tree, contents and files; ours for pages."""
        handlers = []
        for pattern, handler, *kwargs in super().init_handlers():
            if handler in DROPPED_HANDLERS:
                continue
            handlers.append((pattern, REPLACED_HANDLERS.get(handler, handler), *kwargs))
        home_kwargs = {"voila_configuration": self.voila_configuration, "folder": self.root_dir}
        figure_script = url_path_join(
            self.server_url, FIGURE_SCRIPT_ROUTE, f"({re.escape(FIGURE_SCRIPT)})"
        )
        return [
            (self.server_url, HomeHandler, home_kwargs),
            (figure_script, FigureScriptHandler),
            *handlers,
        ]

    def start(self):
        """Start the server (and the kernels' template unless ``fork_kernels`` is off),
        returning freed memory to the system every half minute.
        """
        if self.fork_kernels:
            forkserver.start_shared(Path(self.root_dir))
        PeriodicCallback(release_memory, MEMORY_TRIM_INTERVAL * 1000).start()
        super().start()


def _is_loopback(ip: str) -> bool:
    if ip == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def run(argv: list[str]) -> None:
    """Run the server with Voilà command-line options ``argv``; returns when it stops."""
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(SHARE_DIR), *filter(None, [os.environ.get("JUPYTER_PATH")])]
    )
    ProspectifVoila.launch_instance(argv)
