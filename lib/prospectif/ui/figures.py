"""Live figures: a plotly ``FigureWidget`` updated in place from a freshly built figure.

A plotly ``FigureWidget`` carries plotly's whole front-end code (``widgetbundle.js``, 5 MB) in
its state, once per figure. Served by ``prospectif serve`` (:func:`~prospectif.resources.
figure_script` set), a figure is a :class:`ServedFigureWidget` instead: the same widget whose
code is a few lines importing that bundle from the server, which the browser fetches once per
page and caches. The figure is drawn by the same plotly.js, so the page's ``gd.data`` and
``gd._fullData`` are unchanged.

Every edit the kernel sends a figure carries a number (plotly's ``trace_edit_id``); the browser
answers each edit it has drawn with that number (the "trace deltas" message), of which
:class:`LiveFigureWidget` reads the number only. A figure is
*acknowledged* when the browser has answered its last edit: the dashboard only calls the page
idle then. A figure whose browser side never answers is lost there (anywidget gives a model
2 s to load its module and then drops every message sent to it, so under load a figure can
stay at its first values forever): :func:`acknowledged` tells it, and the dashboard replaces
such a figure with a new widget.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from copy import deepcopy

import numpy as np
import plotly.graph_objects as go
from traitlets import Unicode, default, observe

from ..resources import figure_script

IMAGE_FORMATS = ("png", "svg")

LOADER = (
    'const config = JSON.parse(document.getElementById("jupyter-config-data").textContent);\n'
    "const url = new URL(config.baseUrl + {path}, document.baseURI).href;\n"
    "export default (await import(url)).default;\n"
)
"""The widget code of a served figure: import plotly's bundle from the server's ``path``."""


class LiveFigureWidget(go.FigureWidget):
    """A ``FigureWidget`` that reads of the browser's answer to an edit its number only.

    plotly's own handler copies every default the browser computed into each trace (which
    nothing here reads) and sends the page a message resetting the answer: a few
    milliseconds a trace, on the kernel's path to calling the page idle.
    """

    def __init__(self, figure: go.Figure | dict, on_answer: Callable[[], None]):
        super().__init__(figure)
        self._answered = -1
        """The number of the last edit the browser has drawn (-1: never drawn)."""
        self._on_answer = on_answer

    @observe("_js2py_traceDeltas")
    def _handler_js2py_traceDeltas(self, change: dict) -> None:
        message = change["new"]
        if message:
            self._answered = max(self._answered, int(message["trace_edit_id"]))
            self._trace_edit_in_process = False
            self._on_answer()


class ServedFigureWidget(LiveFigureWidget):
    """A ``LiveFigureWidget`` whose front-end code is imported from the dashboard server."""

    _esm = Unicode().tag(sync=True)

    @default("_esm")
    def _loader(self) -> str:
        return LOADER.format(path=json.dumps(figure_script()))


MODEBAR_REMOVED = ("sendDataToCloud", "lasso2d", "select2d")
"""Toolbar buttons of no use offline or on these figures (no plotly cloud, no selection)."""


def figure_widget(
    figure: go.Figure | dict,
    filename: str,
    image_format: str = "png",
    on_acknowledged: Callable[[], None] | None = None,
) -> LiveFigureWidget:
    """A live widget showing ``figure``, whose camera button saves ``filename`` as an image.

    ``on_acknowledged`` is called each time the browser answers an edit (or a first drawing).
    Under the dashboard server the widget loads plotly's code from it (see the module
    docstring); elsewhere (JupyterLab) it carries the code itself.
    """
    kind = LiveFigureWidget if figure_script() is None else ServedFigureWidget
    widget = kind(figure, on_acknowledged or (lambda: None))
    set_image_format(widget, filename, image_format)
    return widget


def acknowledged(widget: LiveFigureWidget) -> bool:
    """Whether the browser has drawn the last edit sent to ``widget``."""
    return widget._answered >= widget._last_trace_edit_id


def drawn_once(widget: LiveFigureWidget) -> bool:
    """Whether the browser has drawn ``widget`` at least once (it has a view)."""
    return widget._answered >= 0


def set_image_format(widget: LiveFigureWidget, filename: str, image_format: str) -> None:
    """Make the widget's camera button download a PNG (scale 2) or an SVG named ``filename``.

    The figure is ``responsive``: plotly.js itself redraws it at its cell's width on the
    window's resize event (plotly's widget only listens to it under JupyterLab, through lumino
    messages anywidget never sends); the page's script sends that event whenever a cell
    changes width.
    """
    widget._config = {
        "responsive": True,
        "displaylogo": False,
        "modeBarButtonsToRemove": list(MODEBAR_REMOVED),
        "toImageButtonOptions": {"format": image_format, "filename": filename, "scale": 2},
    }


def update_in_place(widget: LiveFigureWidget, figure: go.Figure | dict) -> None:
    """Copy ``figure`` (a figure or a plain plotly figure dict) into ``widget``, sending only
    what changed (usually the trace data); what changed is validated there, once.

    Traces are replaced when their number or types differ (a variant added or removed).
    """
    if isinstance(figure, dict):
        new, layout = figure["data"], figure["layout"]
    else:  # trace by trace: a whole figure's JSON has its arrays base64-encoded
        new, layout = [t.to_plotly_json() for t in figure.data], figure.layout.to_plotly_json()
    with widget.batch_update():
        if len(widget.data) != len(new) or any(
            old.type != fresh.get("type", "scatter")
            for old, fresh in zip(widget.data, new, strict=True)
        ):
            widget.data = ()
            widget.add_traces(new)
        else:
            for old, fresh in zip(widget.data, new, strict=True):
                changes = changed(old.to_plotly_json(), fresh)
                if changes:
                    old.update(changes, overwrite=True)
        layout = changed(widget.layout.to_plotly_json(), layout)
        layout.pop("template", None)
        if layout:
            widget.layout.update(layout, overwrite=True)


def settle(widget: LiveFigureWidget) -> None:
    """Write ``widget``'s current figure into the state a browser reads when it first shows it.

    Plotly sends each edit as a message and copies the figure into that state only when the
    figure itself is displayed, not a box holding it: a page connecting after edits (the
    preheated view moved to the viewer's address) would draw the figure as it was created.
    """
    widget._widget_data = deepcopy(widget._data)
    widget._widget_layout = deepcopy(widget._layout_obj._props)


def changed(old: dict, new: dict) -> dict:
    """The entries of ``new`` whose value differs from ``old`` (arrays compared by value)."""
    return {key: value for key, value in new.items() if not same(old.get(key), value)}


def same(a: object, b: object) -> bool:
    """Deep equality of plotly property values: dicts, sequences, NumPy arrays, scalars."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    sequences = np.ndarray | list | tuple
    if isinstance(a, sequences) or isinstance(b, sequences):
        if not (isinstance(a, sequences) and isinstance(b, sequences)) or len(a) != len(b):
            return False
        try:
            return bool(np.array_equal(np.asarray(a, float), np.asarray(b, float), equal_nan=True))
        except (TypeError, ValueError):  # text, or coordinates with None separators
            return all(x is y or same(x, y) for x, y in zip(a, b, strict=True))
    return a == b
