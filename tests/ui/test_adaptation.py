"""The adaptation dashboard: sourced figures, missing DRIAS cells shown as missing, the map,
and the key figures the synthesis and the report use."""

import numpy as np
import pytest

from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui import report
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.spec import Context
from prospectif.ui.state import ViewState
from prospectif.ui.views.adaptation import KEY_FIGURES, key_figures, map_series, synthesis_html
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
