"""The figures of a live dashboard: one cell each (the figure over its source line) in a grid,
edited in place on every drawing; drawings are numbered and the browser acknowledges them, and
a figure whose browser side is lost is replaced (see :mod:`.figures`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import ipywidgets as w
import plotly.graph_objects as go

from .catalogue import Context, Dashboard
from .content import figure_caption
from .figures import (
    LiveFigureWidget,
    acknowledged,
    drawn_once,
    figure_widget,
    set_image_format,
    settle,
    update_in_place,
)

RECOVERY_S = 3.0
"""Seconds after a drawing when figures the browser has not answered are replaced."""
RECOVERY_TRIES = 5
"""Replacements tried per drawing before leaving a figure as it is."""
GRID_COLUMNS = {False: "minmax(0, 1fr)", True: "repeat(2, minmax(0, 1fr))"}
"""Columns of figures, workshop and presentation layouts: ``minmax(0, …)`` lets a cell be
narrower than the figure last drawn in it (``1fr`` alone grows to its content), so the
figure can be redrawn at the cell's width instead of being cut."""


class FigureGrid:
    """The dashboard's figures; ``box`` holds their cells, ``revision`` (hidden) tells tests and
    benchmarks which drawing the browser has drawn.

    ``file_stem(key)`` names the image a figure's camera button saves.
    """

    def __init__(self, dashboard: Dashboard, lang: str, file_stem: Callable[[str], str]):
        self.dashboard = dashboard
        self.lang = lang
        self.file_stem = file_stem
        self.image_format = "png"
        self.figures: dict[str, LiveFigureWidget] = {}
        self.cells: dict[str, w.VBox] = {}
        """Each figure with its source line, one grid cell."""
        self.latest: dict[str, go.Figure | dict] = {}
        """The figure last drawn under each key."""
        self.shown: tuple[str, ...] = ()
        """Keys of the figures on screen (the bands-only ones while the bands are on)."""
        self.drawn = 0
        self.acked = 0
        self.box = w.GridBox()
        self.box.add_class("prospectif-figures")
        self.revision = w.HTML(layout={"display": "none"})
        self.revision.add_class("prospectif-revision")
        self._show_revision()

    def draw(self, context: Context) -> None:
        """Draw the figures of ``context``: each edited in place, sending only what changed.

        A figure taken off the page (another tab opened, the bands turned off) is closed and
        drawn anew when it comes back: off the page it is not edited, so nothing is sent or
        redrawn for it on a move.
        """
        shown = self.dashboard.shown(context)
        for spec in shown:
            figure = spec.live(context)
            if figure is self.latest.get(spec.key) and spec.key in self.figures:
                continue  # the very figure drawn last (a view keeps it): nothing to send
            self.latest[spec.key] = figure
            if spec.key in self.figures:
                update_in_place(self.figures[spec.key], figure)
            else:
                self._new_figure(spec.key, figure)
        hidden = set(self.shown) - {s.key for s in shown}
        self.shown = tuple(s.key for s in shown)
        self.box.children = tuple(self.cells[k] for k in self.shown)
        for key in hidden:
            self.figures.pop(key).close()

    def number(self, drawing: int) -> None:
        """Number the drawing just sent (figures and every other output): the page is idle
        once every figure has answered it; lost figures are watched for.
        """
        self.drawn = drawing
        self._show_revision()
        self._answered()
        self._watch(RECOVERY_TRIES)

    def settle(self) -> None:
        """Write every figure into the state a page connecting now reads (:func:`settle`)."""
        for figure in self.figures.values():
            settle(figure)

    def set_columns(self, presenting: bool) -> None:
        """Two columns in presentation mode, one in the workshop layout."""
        self.box.layout.grid_template_columns = GRID_COLUMNS[presenting]

    def set_image_format(self, image_format: str) -> None:
        """What the camera buttons save: ``png`` or ``svg``."""
        self.image_format = image_format
        for key, widget in self.figures.items():
            set_image_format(widget, self.file_stem(key), image_format)

    def idle(self) -> bool:
        """Whether the browser has drawn every figure of the last drawing."""
        return all(acknowledged(self.figures[key]) for key in self.shown)

    def _show_revision(self) -> None:
        """Write the last drawing's number and the last one every figure has answered, for
        tests and benchmarks to wait on (the page is idle when both are equal).
        """
        self.revision.value = (
            f'<span data-drawn="{self.drawn}" data-acked="{self.acked}" '
            f'data-figures="{len(self.shown)}">{self.acked}</span>'
        )

    def _answered(self) -> None:
        if self.acked != self.drawn and self.idle():
            self.acked = self.drawn
            self._show_revision()

    def _watch(self, tries: int) -> None:
        """Replace, ``RECOVERY_S`` from now, the figures the browser has drawn but not updated
        (their browser side is lost, see :mod:`.figures`); again until all answer or ``tries``.
        """
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop: not served (a script or a test)
            return
        loop.call_later(RECOVERY_S, self.recover, self.drawn, tries)

    def recover(self, drawing: int, tries: int) -> None:
        """Replace the figures lost in the browser since ``drawing`` (``tries`` left)."""
        if drawing != self.drawn or tries <= 0:
            return  # a newer drawing watches itself
        lost = [
            k
            for k in self.shown
            if drawn_once(self.figures[k]) and not acknowledged(self.figures[k])
        ]
        for key in lost:
            self.figures[key].close()
            self._new_figure(key, self.latest[key])
        if lost:
            self.box.children = tuple(self.cells[k] for k in self.shown)
        if not self.idle():
            self._watch(tries - 1)

    def _new_figure(self, key: str, figure: go.Figure | dict) -> None:
        self.figures[key] = figure_widget(
            figure, self.file_stem(key), self.image_format, self._answered
        )
        if key in self.cells:
            self.cells[key].children = (self.figures[key], self.cells[key].children[1])
            return
        spec = next(s for s in self.dashboard.figures if s.key == key)
        source = w.HTML(figure_caption(self.dashboard, spec, self.lang))
        self.cells[key] = w.VBox([self.figures[key], source], layout={"min_width": "0"})
        self.cells[key].add_class("prospectif-figure")
