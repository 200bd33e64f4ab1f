"""The synthesis shows the library's verdicts, each with a word and a colour, and their sources."""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import replace
from pathlib import Path

import plotly.graph_objects as go
import pytest
from IPython.display import HTML

from prospectif.i18n import format_number
from prospectif.pipeline import run_chain
from prospectif.results.verdicts import chain_verdicts, sentence
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui import report
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.state import ViewState
from prospectif.ui.views.synthese import FULL_PRESETS

ROOT = Path(__file__).resolve().parents[2]
DEP71 = {"territory": "DEP-71", "scenario": "tendanciel", "horizon": 2070}


@pytest.fixture
def presets(tmp_path, monkeypatch):
    folder = tmp_path / "scenarios"
    shutil.copytree(ROOT / "scenarios", folder)
    monkeypatch.setenv("PROSPECTIF_SCENARIOS", str(folder))
    return folder


@pytest.fixture(scope="module")
def expected():
    run = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
    return chain_verdicts(run)


def _texts(page: str) -> list[str]:
    found = re.findall(r'class="prospectif-verdict-text">([^<]*)<', page)
    return [html.unescape(t) for t in found]


def _words(page: str) -> list[str]:
    return [w.split(" ", 1)[1] for w in re.findall(r'prospectif-verdict-word"[^>]*>([^<]*)<', page)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_synthesis_shows_the_library_sentences(presets, expected, lang):
    app = DashboardApp(DASHBOARDS["synthese"], ViewState(**DEP71, lang=lang))
    page = app.notes.value.split("prospectif-presets")[0]
    assert _texts(page) == [sentence(v, lang) for v in expected]
    words = {"fr": ("atteint", "manqué"), "en": ("met", "missed")}[lang]
    assert _words(page) == [words[0] if v.met else words[1] for v in expected]
    assert "#b42318" in page  # the colour goes with the word, never alone


def test_the_sources_panel_cites_every_target(presets):
    app = DashboardApp(DASHBOARDS["synthese"], ViewState(**DEP71))
    sources = html.unescape(app.sources.value)
    assert "Sources des objectifs" in sources
    for cited in ("SNBC", "L100-4", "EHPA", "coverage_target", "Code du travail"):
        assert cited in sources


def test_the_report_shows_the_same_verdicts(presets, expected):
    items = report(DASHBOARDS["synthese"], ViewState(**DEP71))
    page = "".join(item.data for item in items if isinstance(item, HTML))
    assert _texts(page) == [sentence(v) for v in expected]
    assert "Sources des objectifs" in html.unescape(page)


def test_the_four_full_presets_are_side_by_side(presets):
    app = DashboardApp(DASHBOARDS["synthese"], ViewState(**DEP71))
    page = html.unescape(app.notes.value)
    table = page[page.index('class="prospectif-table prospectif-presets"') :]
    for preset in FULL_PRESETS:
        scenario = load_preset(preset)
        assert scenario.label.get("fr") in table
    sobriety = load_preset("sobriete")
    run = run_chain(get_territory("DEP-71"), sobriety)
    emissions = format_number(_value(run.table(), "Emissions|Inventory", 2070), 0)
    assert emissions in table
    words = _words(table)
    assert len(words) == len(FULL_PRESETS) * len(chain_verdicts(run))


def test_the_presets_table_is_reused_across_moves_and_follows_the_scenarios_compared(presets):
    from prospectif.ui.views.synthese import presets_html

    app = DashboardApp(DASHBOARDS["synthese"], ViewState(**DEP71))
    first = presets_html(app.context())
    slider = app.panel.sliders["energy.residential.renovation_rate"]
    slider.value = slider.max  # the setting on screen is not in the table
    assert presets_html(app.context()) is first
    english = app.open_view(replace(app.state, lang="en"))
    assert presets_html(english.context()) != first
    two = replace(app.context(), compared=(load_preset("sobriete"), load_preset("tendanciel")))
    table = presets_html(two)
    assert table != first and "Sobriété" in html.unescape(table)


def _value(table, variable, year):
    rows = table[(table["variable"] == variable) & (table["year"] == year)]
    return float(rows["value"].iloc[0])


def test_the_four_presets_are_drawn_side_by_side_as_small_multiples():
    from prospectif.ui.spec import Context
    from prospectif.ui.state import base_scenario
    from prospectif.ui.views.synthese import MULTIPLES, presets_multiples

    run = run_chain(get_territory("DEP-71"), base_scenario("tendanciel", 2050))
    context = Context((("Réglage en cours", run),), (run.table(),), 2050, "fr")
    figure = go.Figure(presets_multiples(context))
    assert len(figure.data) == (len(FULL_PRESETS) + 1) * len(MULTIPLES)
    assert [t.name for t in figure.data if t.showlegend] == [
        *(base_scenario(p, 2050).label.get("fr") for p in FULL_PRESETS),
        "Réglage en cours",  # the setting on screen, over the presets
    ]
    sobriety = [t for t in figure.data if t.legendgroup == "sobriete"]
    expected = run_chain(get_territory("DEP-71"), base_scenario("sobriete", 2050)).table()
    emissions = expected[expected["variable"] == "Emissions|Inventory"]["value"].to_numpy()
    assert list(sobriety[2].y) == list(emissions)
