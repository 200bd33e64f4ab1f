import numpy as np
import plotly.graph_objects as go
import pytest

from prospectif.results import Series, long_table
from prospectif.viz import pyramid_spec, symmetric_ticks, trajectory_spec


def test_pyramid_shows_both_sexes_and_both_years_with_unsigned_labels():
    population = np.ones((3, 2, 106)) * np.array([[[100.0]], [[200.0]], [[300.0]]])
    fig = go.Figure(pyramid_spec(population, np.array([2025, 2026, 2027]), 2025, 2027, "Pyramide"))
    names = [trace.name for trace in fig.data]
    assert names == ["Femmes 2027", "Femmes 2025", "Hommes 2027", "Hommes 2025"]
    assert fig.data[2].x[0] == -300 and fig.data[0].x[0] == 300
    assert all(not label.startswith(("-", "−")) for label in fig.layout.xaxis.ticktext)
    assert fig.layout.separators == ", "


@pytest.mark.parametrize("limit", [95.0, 4_200.0, 1_234_567.0])
def test_symmetric_ticks_are_round_and_inside_the_range(limit):
    ticks = symmetric_ticks(limit)
    assert ticks == [-t for t in ticks[::-1]]
    assert max(ticks) < limit and len(ticks) >= 3


def test_trajectory_has_one_line_per_scenario_and_the_band():
    years = np.arange(2025, 2031)
    table = long_table(
        [Series("Population", "persons", years, np.linspace(1, 2, 6))], "P", "s", "r"
    )
    band = (table.set_index("year")["value"] * 0.9, table.set_index("year")["value"] * 1.1)
    spec = trajectory_spec({"A": table, "B": table}, "Population", "personnes", "T", band=band)
    fig = go.Figure(spec)
    assert [t.name for t in fig.data] == ["Variantes INSEE", "A", "B"]


def test_sankey_nodes_show_their_totals_in_french():
    import pandas as pd
    import plotly.graph_objects as go

    from prospectif.models.energy import CARRIER_NAMES, SECTOR_NAMES
    from prospectif.viz.energy import sankey_spec

    assert not set(CARRIER_NAMES) & set(SECTOR_NAMES)  # one node per name
    carrier, (first, second) = list(CARRIER_NAMES)[0], list(SECTOR_NAMES)[:2]
    flows = pd.DataFrame(
        {"carrier": [carrier, carrier], "sector": [first, second], "gwh": [1200.4, 35.0]}
    )
    labels = go.Figure(sankey_spec(flows, "Flux")).data[0].node.label
    assert labels[0].endswith(" · 1\u202f235 GWh")
    assert labels[1].endswith(" · 1\u202f200 GWh") and labels[2].endswith(" · 35 GWh")


def test_a_table_grouped_by_variable_gives_each_series_as_the_table_does():
    from prospectif.pipeline import run
    from prospectif.scenario import load_preset
    from prospectif.viz.series import VariableIndex, values_of

    table = run("DEP-71", load_preset("tendanciel"))
    index = VariableIndex(table)
    for variable in (*table["variable"].unique()[:40], "Not A Variable"):
        expected, found = values_of(table, variable), index.series(variable)
        assert found.index.tolist() == expected.index.tolist(), variable
        assert found.to_numpy().tolist() == expected.to_numpy().tolist(), variable
