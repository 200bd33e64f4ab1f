"""Adaptation dashboard refresh, against the demography projection measured in the same run.

- a heat-plan lever move recomputes the territory's adaptation model, its series and the four
  pathways' heat days (the map is kept: :func:`prospectif.ui.views.adaptation.map_key`);
- a pathway (or demography) move also recomputes the exposure map: the 96 metropolitan
  départements projected again (one unit each, to 2100), their adaptation model and the
  choropleth.

The climate inputs and the outlines are kept on the data set, as after a first draw.
"""

import dataclasses

import pandas as pd
import plotly.graph_objects as go
import pytest

from prospectif.data import open_data
from prospectif.pipeline import climate_by_pathway, run_adaptation_units, run_chain, run_demography
from prospectif.results.convert import adaptation_series
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui.maps import map_scope
from prospectif.viz.maps import choropleth_spec

SCENARIO = load_preset("tendanciel").with_values({"horizon": 2100})
"""The dashboard's default: the adaptation dashboard runs to 2100."""
MOVED = SCENARIO.with_values({"adaptation.registered_share": 40.0})
"""The scenario after a heat-plan lever move."""
PATHWAY = SCENARIO.with_values({"adaptation.pathway": "rcp85"})
"""The scenario after a pathway move (the map is computed again)."""


@pytest.fixture(scope="module", params=["DEP-58", "FR"])
def chain(request):
    chain = run_chain(get_territory(request.param), SCENARIO)
    _refresh(chain)  # climate inputs kept on the data set, as after a first draw
    return chain


def _refresh(chain):
    """The territory's part of a refresh: the adaptation model on the kept demography, its
    series and the heat days of every pathway (the pathways figure).
    """
    fresh = dataclasses.replace(chain, scenario=MOVED)
    return adaptation_series(fresh.adaptation), climate_by_pathway(fresh, "heatwave_days")


@pytest.fixture(scope="module")
def codes():
    data = open_data()
    _, codes = map_scope(get_territory("FR", data), data)
    _map(codes)  # outlines and climate inputs kept on the data set
    return codes


def _map(codes):
    """The map after a pathway move: 96 départements projected and adapted, then drawn."""
    data = open_data()
    result = run_adaptation_units(codes, PATHWAY, data)
    row = list(result.years).index(2050)
    values = pd.Series(result.climate.heatwave_days[row], index=[c[4:] for c in codes])
    return go.Figure(choropleth_spec(values, "departements", "map", "days", 1, "fr", data))


def test_adaptation_refresh(benchmark, chain):
    benchmark(_refresh, chain)


def test_adaptation_map(benchmark, codes):
    benchmark.pedantic(_map, args=(codes,), rounds=3, iterations=1)


def test_demography_reference(benchmark, chain):
    """The demography projection of the same territory to 2100 (the reference of this run)."""
    benchmark(run_demography, chain.territory, SCENARIO, data=chain.demography.data)
