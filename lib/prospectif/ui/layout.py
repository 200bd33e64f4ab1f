"""The look of a live dashboard outside the Voilà template, and its rows of controls."""

from __future__ import annotations

import ipywidgets as w

STYLE = """<style>
.prospectif-app { font-size: 18px; }
.prospectif-app h1 { font-size: 30px; margin: 4px 0; }
.prospectif-table th, .prospectif-table td { padding: 4px 10px; border-bottom: 1px solid #ddd; }
.prospectif-status { position: fixed; top: 8px; right: 16px; z-index: 100; pointer-events: none; }
.prospectif-status .widget-html-content { background: #fff; padding: 2px 12px;
  border: 1px solid #999; border-radius: 4px; }
.prospectif-status .widget-html-content:empty { display: none; }
.prospectif-tabs { margin: 8px 0; }
.prospectif-tabs button.mod-active { font-weight: bold; text-decoration: underline; }
.prospectif-figures > .prospectif-figure:only-child { grid-column: 1 / -1; }
</style>"""
"""Look of the page outside the Voilà template too (JupyterLab); the template's style sheet
sets the minimum sizes for a projector (``docs/guide-animation.md``). The « Calcul en cours »
status floats over the page's top right corner: shown in the flow, it pushed the whole page
down a line and back on every move (two relayouts of every figure). The open tab of figures
is bold and underlined, not only darker; a tab's lone figure (the pyramid, the Sankey, a map)
takes the whole width of the presentation layout's two columns."""


def bar(*children: w.Widget) -> w.HBox:
    """A row of controls that wraps instead of cutting their labels on a narrow screen."""
    row = w.HBox(list(children))
    row.add_class("prospectif-bar")
    return row
