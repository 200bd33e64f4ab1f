"""The synthesis compares the four full presets, or 2–4 scenarios chosen among the presets and
the workshop's variant files: in the page (a control), in a link, in the static report."""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import pytest
from IPython.display import HTML

from prospectif.errors import InputError
from prospectif.pipeline import run_chain
from prospectif.scenario import FULL_PRESETS
from prospectif.territory import get_territory
from prospectif.ui import report
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.spec import Context
from prospectif.ui.state import (
    ViewState,
    base_scenario,
    compare_references,
    parse_query,
    to_query,
)
from prospectif.ui.views.synthese import MULTIPLES, presets_multiples

SYNTHESE = DASHBOARDS["synthese"]
VIEW = {"territory": "DEP-71", "scenario": "tendanciel", "horizon": 2050}
VARIANT = """\
id: sobriete-forte
label: {fr: "Sobriété forte", en: "Strong sobriety"}
extends: sobriete
demography:
  fertility: {tfr_target: 1.9}
"""


@pytest.fixture
def variant(presets):
    """A variant saved in a workshop: ``ateliers/2026-11-30/sobriete-forte.yaml``."""
    path = presets / "ateliers" / "2026-11-30" / "sobriete-forte.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(VARIANT, encoding="utf-8")
    return path


def columns(page: str) -> list[str]:
    """The scenarios heading the table of scenarios side by side."""
    table = page[page.index("prospectif-presets") :].split("</thead>")[0]
    return [html.unescape(h) for h in re.findall(r"<th>([^<]+)</th>", table)]


def legend(figure) -> list[str]:
    return [t.name for t in figure.data if t.showlegend]


def compared_legend(figure) -> list[str]:
    """The legend of the small multiples without the setting on screen, drawn last (black)."""
    return legend(figure)[:-1]


def small_multiples(app: DashboardApp):
    """The small multiples of the compared scenarios, their tab opened."""
    app.tabs.value = next(n for n, t in enumerate(SYNTHESE.tabs) if "scenarios" in t.keys)
    return app.grid.figures["scenarios"]


def full_labels(lang: str = "fr") -> list[str]:
    return [base_scenario(p, 2050).label.get(lang) for p in FULL_PRESETS]


def test_the_control_offers_presets_and_workshop_files_and_compares_the_full_presets_first(
    variant,
):
    app = DashboardApp(SYNTHESE, ViewState(**VIEW))
    offered = [value for _, value in app.compared.options]
    assert set(offered[: len(FULL_PRESETS)]) == set(FULL_PRESETS)
    assert variant in offered
    assert set(app.compared.value) == set(FULL_PRESETS)
    assert columns(app.notes.value) == full_labels()
    assert legend(small_multiples(app)) == [*full_labels(), "Réglage en cours"]
    assert "Les quatre scénarios complets côte à côte" in app.notes.value


def test_two_chosen_scenarios_replace_the_four_presets_everywhere(variant):
    app = DashboardApp(SYNTHESE, ViewState(**VIEW))
    app.compared.value = ("tendanciel", variant)
    trend = base_scenario("tendanciel", 2050).label.get("fr")
    assert columns(app.notes.value) == [trend, "Sobriété forte"]
    assert "Scénarios comparés côte à côte" in html.unescape(app.notes.value)
    figure = small_multiples(app)
    assert legend(figure) == [trend, "Sobriété forte", "Réglage en cours"]
    assert len(figure.data) == 3 * len(MULTIPLES)
    expected = run_chain(get_territory("DEP-71"), base_scenario(variant, 2050)).table()
    population = expected[expected["variable"] == "Population"]["value"].to_numpy()
    assert list(figure.data[len(MULTIPLES)].y) == list(population)
    # the link names the presets compared, never a file of the server
    assert "compare=tendanciel" in app.link.value and "sobriete-forte" not in app.link.value


@pytest.mark.parametrize("count", [1, 5])
def test_fewer_than_two_or_more_than_four_keep_the_comparison_shown(presets, count):
    app = DashboardApp(SYNTHESE, ViewState(**VIEW))
    before = app.notes.value
    offered = [value for _, value in app.compared.options]
    app.compared.value = tuple(offered[:count])
    assert app.notes.value == before
    assert app.state.compared == ()
    assert "Choisissez de 2 à 4 scénarios à comparer" in html.unescape(app.messages.value)


def test_a_link_compares_the_presets_it_names():
    defaults = ViewState(**VIEW)
    state, problems = parse_query("compare=sobriete&compare=technologie", defaults)
    assert problems == [] and state.compared == ("sobriete", "technologie")
    again, problems = parse_query(to_query(state), defaults)
    assert problems == [] and again == state


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("compare=sobriete", "de 2 à 4 scénarios à comparer sont attendus (1 donnés)"),
        ("compare=sobriete&compare=inconnu", "inconnu"),
        ("compare=sobriete&compare=../../etc/passwd.yaml", "passwd"),
    ],
)
def test_a_bad_comparison_in_a_link_is_dropped_with_a_reason(query, fragment):
    state, problems = parse_query(query, ViewState(**VIEW))
    assert state.compared == ()
    assert len(problems) == 1 and fragment in problems[0].render("fr")


def test_the_static_report_compares_what_the_notebook_parameter_names(variant):
    compared = compare_references(f"insee-central,tendanciel ; {variant}")
    assert compared == ("insee-central,tendanciel", variant)
    items = report(SYNTHESE, ViewState(**VIEW, compared=compared))
    page = "".join(item.data for item in items if isinstance(item, HTML))
    first = base_scenario("insee-central,tendanciel", 2050).label.get("fr")
    assert columns(page) == [first, "Sobriété forte"]
    figures = [item for item in items if not isinstance(item, HTML)]
    multiples = next(f for f in figures if f.layout.title.text == "Scénarios comparés côte à côte")
    assert compared_legend(multiples) == columns(page)


@pytest.mark.parametrize("text", ["tendanciel", "a ; b ; c ; d ; e"])
def test_a_notebook_parameter_naming_one_or_five_scenarios_is_refused(text):
    with pytest.raises(InputError, match="de 2 à 4 scénarios séparés par « ; »"):
        compare_references(text)


def test_small_multiples_follow_the_context_in_english():
    run = run_chain(get_territory("DEP-71"), base_scenario("tendanciel", 2050))
    chosen = tuple(base_scenario(p, 2050) for p in ("technologie", "sobriete"))
    figure = go.Figure(
        presets_multiples(Context((("x", run),), (run.table(),), 2050, "en", "", chosen))
    )
    assert legend(figure) == [*(s.label.get("en") for s in chosen), "x"]
    assert all(axis.tickformat == ",.0f" for axis in figure.select_yaxes())  # no « 500k »
    assert figure.layout.title.text == "Compared scenarios side by side"
