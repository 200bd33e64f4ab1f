"""Comparison that compares (issue 14): every trajectory of every dashboard draws the current
setting and each compared variant, named in the legend, and the table puts the variants side
by side.
"""

from __future__ import annotations

import html
import re

import pytest

from prospectif.pipeline import run_chain
from prospectif.territory import get_territory
from prospectif.ui.catalogue import DASHBOARDS
from prospectif.ui.content import indicator_table
from prospectif.ui.spec import Context
from prospectif.ui.state import base_scenario

SNAPSHOTS = {"flux", "budget-carbone", "carte", "carte-densite"}
"""Figures of one year or one total (flows, carbon budgets, maps): not trajectories."""
VARIANT = "Sobriété de l'atelier"


@pytest.fixture(scope="module")
def compared():
    territory = get_territory("DEP-71")
    variant = base_scenario("sobriete", 2070).with_values({"adaptation.pathway": "rcp85"})
    return (
        ("Réglage en cours", run_chain(territory, base_scenario("tendanciel", 2070))),
        (VARIANT, run_chain(territory, variant)),
    )


@pytest.mark.parametrize("name", list(DASHBOARDS))
def test_every_trajectory_draws_the_setting_and_the_compared_variant(compared, name):
    dashboard = DASHBOARDS[name]
    tables = tuple(run.table(dashboard.models) for _, run in compared)
    context = Context(compared, tables, 2050, "fr")
    for spec in dashboard.figures:
        if spec.key in SNAPSHOTS or spec.bands_only:  # fan charts need a probabilistic run
            continue
        names = [trace.name or "" for trace in spec.build(context).data]
        assert any(VARIANT in n for n in names), (spec.key, names)
    table = indicator_table(dashboard, context)
    assert re.search(rf"<th>{re.escape(html.escape(VARIANT))}<br>\d{{4}}</th>", table)
