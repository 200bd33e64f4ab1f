"""The pages of the dashboard server: home, dashboards (bounded), busy and not found.

Only notebooks directly in the served folder are reachable, by their file name; every other
address answers 404. Pages are in French and never show a traceback or a file path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tornado import web
from voila.handler import BaseVoilaHandler
from voila.static_file_handler import TemplateStaticFileHandler
from voila.tornado.handler import TornadoVoilaHandler

DASHBOARD_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.ipynb")
"""File names of servable dashboards: no folder, no hidden file."""

HOME_NOTEBOOK = "index.ipynb"
"""The dashboard ``/`` leads to when the folder has it; else ``/`` lists the dashboards."""

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


class TemplateStaticHandler(TemplateStaticFileHandler):
    """Voilà's template assets, answering 404 rather than 500 to a malformed address."""

    def parse_url_path(self, url_path: str) -> str:
        """Voilà's parsing; 404 when the address names no template asset."""
        try:
            return super().parse_url_path(url_path)
        except (ValueError, AssertionError):
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
        reservation = manager.reserve(self._warm(path))
        if reservation is None:
            self._busy()
            return
        try:
            async for html in self.get_generator(path=path):
                reservation.release()
                self.write(html)
                self.flush()
        finally:
            reservation.release()
            manager.refill(path)

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
