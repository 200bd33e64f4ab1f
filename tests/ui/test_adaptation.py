"""The adaptation dashboard: sourced figures, missing DRIAS cells shown as missing, the map,
and the key figures the synthesis and the report use."""

import html
import re

import numpy as np
import pytest

from prospectif.pipeline import run_adaptation_units, run_chain
from prospectif.reports.document import Render, Report
from prospectif.reports.sections import figures_table
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui import report
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.content import indicator_table
from prospectif.ui.spec import Context
from prospectif.ui.state import ViewState
from prospectif.ui.views.adaptation import (
    KEY_FIGURES,
    key_figures,
    map_key,
    map_series,
    synthesis_html,
)
from prospectif.viz.maps import MISSING_COLOR


@pytest.fixture(scope="module")
def items():
    state = ViewState(territory="DEP-58", scenario="tendanciel", horizon=2100)
    return report(DASHBOARDS["adaptation"], state)


def test_every_figure_names_its_source_and_the_one_model_caveat(items):
    figures = [n for n, i in enumerate(items) if hasattr(i, "layout")]
    assert len(figures) == len(DASHBOARDS["adaptation"].figures)
    for n in figures:
        notes = items[n + 1].data  # the source line under the figure
        assert "DRIAS-2020" in notes and "ALADIN63 / CNRM-CM5" in notes, items[n].layout.title
        assert "pas un ensemble" in notes
    deaths = next(n for n in figures if "Décès" in items[n].layout.title.text)
    notes = html.unescape(items[deaths + 1].data)
    assert "Santé publique France" in notes and "jours d'alerte" in notes


def test_the_pathways_figure_leaves_missing_rcp45_years_as_gaps(items):
    lines = {trace.name: np.array(trace.y, dtype=float) for trace in items[1].data}
    assert set(lines) == {"TRACC (trajectoire de référence)", "RCP 2.6", "RCP 4.5", "RCP 8.5"}
    rcp45 = lines["RCP 4.5"]
    assert np.isfinite(rcp45[0]) and np.isnan(rcp45[-1])  # Nièvre: H2 and H3 missing
    assert np.isfinite(lines["RCP 8.5"]).all()


def context(scenario, year, choice="vagues"):
    run = run_chain(get_territory("DEP-58"), scenario)
    return Context((("x", run),), (run.table(("adaptation",)),), year, "fr", choice)


def test_the_map_covers_metropolitan_departements_and_shows_missing_cells_grey():
    scenario = load_preset("tendanciel").with_values(
        {"adaptation.pathway": "rcp45", "horizon": 2100}
    )
    values, year = map_series(context(scenario, 2055))
    assert year == 2055 and len(values) == 96 and not any(c.startswith("97") for c in values.index)
    assert values.isna().sum() == 83  # RCP 4.5, 2041–2070: only 13 southern départements
    figure = DASHBOARDS["adaptation"].figures[-1].build(context(scenario, 2055))
    grey = [t for t in figure.data if t.fillcolor == MISSING_COLOR]
    assert len(grey) == 83 and all("donnée manquante" in t.text for t in grey)
    late = DASHBOARDS["adaptation"].figures[-1].build(context(scenario, 2090))
    assert all(t.fillcolor == MISSING_COLOR for t in late.data if t.fill == "toself")


def test_exposure_map_is_heatwave_days_weighted_by_the_share_of_75_plus():
    scenario = load_preset("tendanciel").with_values({"horizon": 2100})
    days, _ = map_series(context(scenario, 2050, "vagues"))
    exposure, _ = map_series(context(scenario, 2050, "exposition"))
    share = exposure / days
    assert ((share > 0.05) & (share < 0.3)).all()


def test_key_figures_for_the_synthesis_and_the_report():
    run = run_chain(get_territory("DEP-58"), load_preset("tendanciel"))
    rows = key_figures(run, 2050)
    assert len(rows) == len(KEY_FIGURES) == 3
    assert all("ALADIN63" in source for _, _, source in rows)
    series = {s.variable: s for s in run.series(("adaptation",))}
    deaths = series["Adaptation|Excess Deaths"]
    assert rows[2][1] == f"{deaths.values[deaths.years == 2050][0]:.0f}"
    block = synthesis_html(Context((("x", run),), (run.table(("demography",)),), 2070, "en"))
    assert "Climate adaptation (TRACC)" in block and "in 2070:" in block


def test_missing_drias_cells_are_shown_as_missing_in_the_tables():
    """RCP 4.5 in the Nièvre: the 2041–2070 and 2071–2100 windows are missing, so every year
    after 2035 is too; the tables say « donnée manquante », not '–' or 0.
    """
    scenario = load_preset("tendanciel").with_values(
        {"adaptation.pathway": "rcp45", "horizon": 2100}
    )
    run = run_chain(get_territory("DEP-58"), scenario)
    table = run.table(("demography", "ageing", "adaptation"))
    cells = indicator_table(DASHBOARDS["adaptation"], Context((("x", run),), (table,), 2050, "fr"))
    row = re.search(r"Jours de vague de chaleur</th>(.*?)</tr>", cells).group(1)
    values = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert values[:2] != ["donnée manquante"] * 2 and values[2:] == ["donnée manquante"] * 7
    places = re.search(r"Places rafraîchies</th>(.*?)</tr>", cells).group(1)
    assert "manquante" not in places  # not a climate figure: given every year
    deaths = re.search(r"Décès en excès \(central\)</th>(.*?)</tr>", cells).group(1)
    assert deaths.endswith("<td>–</td>")  # 2100: a flow year the series does not cover
    assert [v for _, v, _ in key_figures(run, 2070)] == ["donnée manquante"] * 3
    assert key_figures(run, 2030)[0][1] != "donnée manquante"
    report = Report(run, table, load_preset("tendanciel"))
    block = figures_table(report, Render("fr"), (("Climate|Heatwave Days", 0),))
    assert block.count("donnée manquante") == 2  # 2050 and 2100, not 2025 nor 2030


def test_the_map_is_kept_when_a_heat_plan_or_ageing_lever_moves():
    """Projecting the 96 départements is most of a refresh: only what the map reads (the
    demography, the horizon, the climate pathway) computes it again.
    """
    base = load_preset("tendanciel").with_values({"horizon": 2100})
    kept = base.with_values({"adaptation.registered_share": 60.0, "ageing.policy.home_shift": 10.0})
    assert map_key(kept) == map_key(base)
    for moved in (
        {"adaptation.pathway": "rcp26"},
        {"demography.fertility.tfr_target": 1.8},
        {"horizon": 2090},
    ):
        assert map_key(base.with_values(moved)) != map_key(base), moved
    map_series(context(base, 2050, "exposition"))
    values, _ = map_series(context(kept, 2050, "exposition"))  # the map of ``base``, kept
    codes = [f"DEP-{code}" for code in values.index]
    fresh = run_adaptation_units(codes, kept)
    row = list(fresh.years).index(2050)
    exposed = fresh.persons[0, row] * fresh.climate.heatwave_days[row] / fresh.inhabitants[row]
    np.testing.assert_allclose(values.to_numpy(), exposed, rtol=1e-12)


def test_a_heat_plan_lever_move_keeps_the_drawn_map_and_a_pathway_move_redraws_it():
    app = DashboardApp(DASHBOARDS["adaptation"], ViewState("DEP-58", "tendanciel", 2100))
    drawn = app.grid.latest["carte"]
    app.panel.sliders["adaptation.registered_share"].value = 60.0
    assert app.grid.latest["carte"] is drawn
    hours = np.array(app.grid.figures["heures"].data[1].y)  # the lever moves the hours
    app.panel.sliders["adaptation.registered_share"].value = 20.0
    assert not np.allclose(app.grid.figures["heures"].data[1].y, hours)
    app.panel.sliders["adaptation.pathway"].value = "rcp26"
    assert app.grid.latest["carte"] is not drawn
    colours = [t.fillcolor for t in app.grid.figures["carte"].data]
    assert colours != [t.get("fillcolor") for t in drawn["data"]]  # the widget shows the new map
