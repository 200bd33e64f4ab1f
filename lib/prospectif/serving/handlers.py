"""The pages of the dashboard server: home, dashboards (bounded), busy and not found.

Only notebooks directly in the served folder are reachable, by their file name; every other
address answers 404. Pages are in French and never show a traceback or a file path.
"""

from __future__ import annotations

import json
import re
from contextlib import aclosing
from contextvars import ContextVar
from dataclasses import dataclass
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

from tornado import web
from voila.handler import BaseVoilaHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler

DASHBOARD_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.ipynb")
"""File names of servable dashboards: no folder, no hidden file."""

HOME_NOTEBOOK = "index.ipynb"
"""The dashboard ``/`` leads to when the folder has it; else ``/`` lists the dashboards."""

FIGURE_SCRIPT_ROUTE = "voila/prospectif/plotly/"
"""Where, under the base URL, plotly's widget code is served (:class:`FigureScriptHandler`)."""

FIGURE_SCRIPT = "widgetbundle.js"

VIEWER_KERNELS: ContextVar[list[str] | None] = ContextVar("viewer_kernels", default=None)
"""Set by a page request to a list, which gets the ids of the kernels started for that viewer
(not for the pool: :meth:`~.kernels.BoundedKernelManager.start_kernel`), so the request can
tell when its kernel died at start."""

HEARTBEAT = "window.voila_heartbeat()"
"""What Voilà sends while a page waits for its kernel (every ``http_keep_alive_timeout``)."""

START_FAILED = """
<div class="prospectif-cell-error" role="alert" id="prospectif-start-failed">
<p><strong>La session de calcul de cette page n'a pas pu démarrer.</strong> Rechargez la page ;
si le problème persiste, signalez-le à l'animateur de la séance.</p>
</div>
<script>document.querySelectorAll("#loading").forEach(function (e) { e.remove(); });</script>
"""
"""Ends the page of a viewer whose kernel died at start, instead of an endless wait."""

RETRY_AFTER = 15
"""Seconds after which the busy page reloads itself (HTTP ``Retry-After``)."""


@dataclass(frozen=True)
class Dashboard:
    """A notebook listed on the home page: file name, title and one-sentence summary."""

    file: str
    title: str
    summary: str


def list_dashboards(folder: Path) -> list[Dashboard]:
    """The dashboards directly in ``folder``, sorted by file name."""
    return [
        describe(path)
        for path in sorted(Path(folder).glob("*.ipynb"))
        if DASHBOARD_FILE.fullmatch(path.name)
    ]


def describe(path: Path) -> Dashboard:
    """The title and summary of a dashboard, from its notebook's first markdown cell.

    The title is the first ``#`` heading, the summary the line after it; the file stem stands
    for the title when the notebook has no heading or cannot be read.
    """
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        markdown = next(c for c in cells if c.get("cell_type") == "markdown")
        source = markdown["source"]
        text = "".join(source) if isinstance(source, list) else str(source)
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return Dashboard(path.name, path.stem, "")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and lines[0].startswith("#"):
        return Dashboard(path.name, lines[0].lstrip("#").strip(), " ".join(lines[1:2]))
    return Dashboard(path.name, path.stem, " ".join(lines[:1]))


def finish_page(handler: BaseVoilaHandler, template: str, status: int = 200, **namespace) -> None:
    """Finish a request with a page of the ``prospectif`` Voilà template, uncached."""
    handler.set_status(status)
    handler.set_header("Content-Type", "text/html; charset=UTF-8")
    handler.set_header("Cache-Control", "no-store")
    handler.finish(handler.render_template(template, **namespace))


class HomeHandler(BaseVoilaHandler):
    """The home page: the home notebook, or else the list of dashboards (no kernel started)."""

    def initialize(self, **kwargs):
        """Take ``folder``, the served folder, besides Voilà's arguments."""
        self.folder = Path(kwargs.pop("folder"))
        super().initialize(**kwargs)

    @web.authenticated
    def get(self):
        """Redirect to the home notebook, or list the dashboards."""
        if (self.folder / HOME_NOTEBOOK).is_file():
            self.redirect(f"{self.base_url}voila/render/{HOME_NOTEBOOK}")
            return
        finish_page(self, "prospectif-home.html", dashboards=list_dashboards(self.folder))


def figure_script_address() -> str:
    """The address of plotly's widget code relative to the base URL, versioned so that the
    browser keeps it in its cache until plotly changes.
    """
    return f"{FIGURE_SCRIPT_ROUTE}{FIGURE_SCRIPT}?v={version('plotly')}"


class SecurityHeadersMixin:
    """The security headers of the pages, for Tornado's own handlers."""

    def set_default_headers(self):
        """Set ``settings["headers"]``."""
        for name, value in self.settings.get("headers", {}).items():
            self.set_header(name, value)


class FigureScriptHandler(SecurityHeadersMixin, web.StaticFileHandler):
    """plotly's widget code, fetched once per page by every figure (``prospectif.ui.figures``)
    and cached by the browser (the address carries plotly's version).
    """

    def initialize(self):
        """Serve from plotly's package data, without importing plotly in the server."""
        (folder,) = find_spec("plotly").submodule_search_locations
        super().initialize(path=str(Path(folder) / "package_data"))


class TemplateStaticHandler(SecurityHeadersMixin, TemplateStaticFileHandler):
    """Voilà's template assets: ``<template>/static/<file>``, else 404 with the security headers.

    Voilà's handler answers 500 to a path that leaves the ``static`` folder
    (``prospectif/static/../conf.json``, ``%2e%2e``…); here such a path is refused before any
    file is looked up, as is a file outside the template's folders.
    """

    def parse_url_path(self, url_path: str) -> str:
        """Voilà's parsing; 404 when the address names no template asset."""
        parts = url_path.split("/")
        if len(parts) < 3 or parts[1] != "static" or {"", ".", ".."} & set(parts):
            raise web.HTTPError(404)
        try:
            return super().parse_url_path(url_path)
        except (ValueError, AssertionError):
            raise web.HTTPError(404) from None

    def validate_absolute_path(self, root: str, absolute_path: str):
        """Voilà's check, answering 404 (not 403) for a file outside the template."""
        try:
            return super().validate_absolute_path(root, absolute_path)
        except web.HTTPError:
            raise web.HTTPError(404) from None


class NotFoundHandler(BaseVoilaHandler):
    """Every address no other handler serves."""

    async def prepare(self):
        """Answer 404 for any method (after the host check)."""
        await super().prepare()
        raise web.HTTPError(404)


class DashboardHandler(TornadoVoilaHandler):
    """A dashboard page, if its notebook exists and a kernel is available; else 404 or busy."""

    @web.authenticated
    async def get(self, path=None):
        """Render the dashboard ``path`` with a warm or a new kernel, or the busy page."""
        folder = Path(self.settings["prospectif_folder"])
        if not (path and DASHBOARD_FILE.fullmatch(path) and (folder / path).is_file()):
            raise web.HTTPError(404)
        self.xsrf_token  # noqa: B018 - sets the cookie the page needs to stop its kernel when left
        manager = self.kernel_manager
        warm = self._warm(path)
        reservation = manager.reserve(warm)
        admission = None if warm or reservation is None else manager.admit()
        if reservation is None or (not warm and admission is None):
            if reservation is not None:
                reservation.release()
            self._busy()
            return
        started: list[str] = []
        token = VIEWER_KERNELS.set(started)
        built = False
        try:
            if admission is not None:
                await admission.wait()
            async with aclosing(self.get_generator(path=path)) as page:
                async for html in page:
                    reservation.release()
                    if HEARTBEAT in html and self._kernel_lost(started):
                        self.write(START_FAILED)
                        break
                    self.write(html)
                    self.flush()
                else:
                    built = True
        finally:
            VIEWER_KERNELS.reset(token)
            reservation.release()
            if admission is not None:
                admission.done(measured=built)
            manager.refill(path)

    def _kernel_lost(self, started: list[str]) -> bool:
        """Whether the kernel started for this page has died (Voilà would wait forever)."""
        alive = set(self.kernel_manager.list_kernel_ids())
        return any(kernel_id not in alive for kernel_id in started)

    def _warm(self, path: str) -> bool:
        """Whether Voilà will serve ``path`` from its pool of preheated kernels."""
        manager = self.kernel_manager
        return self.should_use_rendered_notebook(
            manager.notebook_data.get(path, {}),
            manager.get_pool_size(path),
            self.get_argument("template", None),
            self.get_argument("theme", None),
            self.request.arguments,
        )

    def _busy(self) -> None:
        self.clear()
        self.set_header("Retry-After", str(RETRY_AFTER))
        finish_page(self, "prospectif-busy.html", 503, retry_after=RETRY_AFTER)
