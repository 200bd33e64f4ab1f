"""The whole model chain and the kernel side of a slider move, per dashboard."""

import pytest

from prospectif.pipeline import run
from prospectif.scenario import load_preset
from prospectif.ui.app import DashboardApp
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.state import ViewState

SLIDERS = {
    "demographie": "demography.fertility.tfr_target",
    "vieillissement": "ageing.policy.home_help_hours",
    "mobilite": "mobility.shift.to_bike",
    "energie": "energy.residential.renovation_rate",
    "services": "services.childcare.coverage_target",
    "synthese": "energy.residential.renovation_rate",
}


@pytest.mark.parametrize("territory", ["DEP-71", "FR"])
def test_whole_chain_results_table(benchmark, territory):
    scenario = load_preset("tendanciel")
    run(territory, scenario)
    table = benchmark(run, territory, scenario)
    assert {"Population", "Autonomy|APA Beneficiaries", "Mobility|Trips", "Final Energy"} <= set(
        table["variable"]
    )


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_slider_move_kernel_side(benchmark, name):
    """Recompute the chain and update every figure and table of the dashboard (no browser)."""
    app = DashboardApp(DASHBOARDS[name], ViewState("DEP-71", "tendanciel", 2050))
    slider = app.panel.sliders[SLIDERS[name]]
    values = iter([slider.min, slider.max] * 1000)

    def move():
        slider.value = next(values)

    benchmark.pedantic(move, rounds=20, iterations=1, warmup_rounds=2)
