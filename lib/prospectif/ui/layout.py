"""The look of a live dashboard outside the Voilà template, and its rows of controls."""

from __future__ import annotations

import ipywidgets as w

STYLE = """<style>
.prospectif-app { font-size: 18px; }
.prospectif-app h1 { font-size: 30px; margin: 4px 0; }
.prospectif-table th, .prospectif-table td { padding: 4px 10px; border-bottom: 1px solid #ddd; }
</style>"""
"""Look of the page outside the Voilà template too (JupyterLab); the template's style sheet
sets the minimum sizes for a projector (``docs/guide-animation.md``)."""


def bar(*children: w.Widget) -> w.HBox:
    """A row of controls that wraps instead of cutting their labels on a narrow screen."""
    row = w.HBox(list(children))
    row.add_class("prospectif-bar")
    return row
