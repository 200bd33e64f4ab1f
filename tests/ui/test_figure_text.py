"""Issue 14, item 9: a source line in plain words under every figure, titles and axis titles
broken into lines that fit, legends kept apart from them (the browser test reads the drawn
boxes: tests/browser/test_presentation.py)."""

from __future__ import annotations

import html

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from prospectif.ui import report
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.content import figure_caption, figure_source
from prospectif.ui.state import ViewState
from prospectif.ui.tables import TABLE_NAMES
from prospectif.viz.base import (
    AXIS_TITLE_CHARS,
    GRID,
    LEGEND_ROW_PX,
    PLOT_MIN_PX,
    TITLE_CHARS,
    base_layout,
    fitted,
    wrapped,
)

FIGURES = [(d, s) for d in DASHBOARDS.values() for s in d.figures]
NONE = pio.templates["none"].to_plotly_json()
"""The empty template every figure is drawn with (the look is spelled out in its layout)."""


@pytest.mark.parametrize(
    ("dashboard", "spec"), FIGURES, ids=lambda v: getattr(v, "name", "") or v.key
)
def test_every_figure_names_the_tables_it_comes_from_in_both_languages(dashboard, spec):
    assert spec.tables, "each figure says which tables it is drawn from"
    assert set(spec.tables) <= set(dashboard.tables), "listed in « Sources et méthode » too"
    french = html.unescape(figure_caption(dashboard, spec, "fr"))
    english = html.unescape(figure_caption(dashboard, spec, "en"))
    assert french.startswith('<div class="prospectif-source">Source : ')
    assert english.startswith('<div class="prospectif-source">Source: ')
    for table in spec.tables:
        assert TABLE_NAMES[table][0] in french and TABLE_NAMES[table][1] in english
    assert "projection Prospectif" in french and "Prospectif projection" in english


def test_the_source_line_says_publisher_and_contents_with_a_caveat():
    line = html.unescape(figure_source(("population_departement", "apa_departement"), "fr", "Nb."))
    assert line == (
        '<div class="prospectif-source">Source : INSEE, estimations de population au 1er '
        "janvier ; DREES, bénéficiaires de l'APA par département ; projection Prospectif. "
        "Nb.</div>"
    )


def test_long_titles_are_broken_at_spaces():
    assert wrapped("Population", 10) == "Population"
    assert wrapped("un deux trois quatre", 9) == "un deux<br>trois<br>quatre"
    assert wrapped("déjà<br>coupé en deux", 5) == "déjà<br>coupé en deux"


def test_the_carers_axis_title_and_every_title_fit(presets):
    """The carers chart's vertical title (54 characters) was longer than its plot is high."""
    state = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2070)
    figures = [i for i in report(DASHBOARDS["vieillissement"], state) if hasattr(i, "layout")]
    carers = figures[-1]
    assert carers.layout.yaxis.title.text.count("<br>") >= 1
    for figure in figures:
        title = figure.layout.title
        assert all(len(line) <= TITLE_CHARS for line in title.text.split("<br>"))
        assert title.automargin and title.yref == "paper"
        assert all(
            len(x) <= AXIS_TITLE_CHARS["y"] for x in figure.layout.yaxis.title.text.split("<br>")
        )
        legend = figure.layout.legend
        assert (legend.yref, legend.y, legend.yanchor) == ("container", 0, "bottom")


def test_a_figure_grows_to_show_a_long_legend_whole():
    """The energy dashboard's emissions legend (14 entries, one a row) was cut at the bottom."""
    many = go.Figure(layout=base_layout("t"))
    for n in range(14):
        many.add_scatter(x=[0], y=[n], name=f"Autres transports (avion, rail, fluvial) {n}")
    assert fitted(many).layout.height >= PLOT_MIN_PX + 14 * LEGEND_ROW_PX
    few = go.Figure(layout=base_layout("t"))
    few.add_scatter(x=[0], y=[0], name="Total")
    assert fitted(few).layout.height == base_layout("t")["height"]


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_every_figure_has_the_common_look_without_plotly_s_template(presets, name):
    """The synthesis small multiples carried plotly's whole default template (14 KB of layout
    on every redraw) and plotly's look on their subplots."""
    state = ViewState(territory="DEP-71", scenario="tendanciel", horizon=2050)
    for figure in (i for i in report(DASHBOARDS[name], state) if hasattr(i, "layout")):
        layout = figure.to_plotly_json()["layout"]
        assert layout.get("template", NONE) == NONE, layout.get("title")
        axes = [v for k, v in layout.items() if k.startswith(("xaxis", "yaxis"))]
        shown = [a for a in axes if a.get("visible", True)]
        assert all(a.get("gridcolor") == GRID for a in shown), layout.get("title")
