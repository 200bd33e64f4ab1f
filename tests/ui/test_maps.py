import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from prospectif.pipeline import run
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.ui.maps import (
    MAP_INDICATORS,
    indicator_value,
    map_chains,
    map_scope,
    map_values,
    rural_shares,
)
from prospectif.viz.maps import choropleth_spec


def test_a_departement_maps_its_epci_and_france_its_metropolitan_departements():
    level, codes = map_scope(get_territory("EPCI-200070308"))
    assert level == "epci" and "EPCI-200070308" in codes and len(codes) > 10
    level, codes = map_scope(get_territory("FR"))
    assert level == "departements" and len(codes) == 96 and "DEP-974" not in codes
    assert map_scope(get_territory("DEP-974"))[0] == "departements"


def test_map_values_equal_each_territory_own_run():
    scenario = load_preset("tendanciel").with_values({"horizon": 2040})
    codes = ("DEP-71", "DEP-2A")
    indicator = next(i for i in MAP_INDICATORS if i.key == "apa")
    values = map_values(codes, scenario, indicator, 2040)
    table = run("DEP-2A", scenario).set_index(["variable", "year"])["value"]
    expected = 1000 * table[("Autonomy|APA Beneficiaries", 2040)] / table[("Population", 2040)]
    assert values["2A"] == pytest.approx(expected, rel=1e-12)


def test_a_lever_outside_the_demography_reuses_the_projections_and_gives_fresh_values():
    codes = map_scope(get_territory("DEP-58"))[1][:4]
    scenario = load_preset("tendanciel").with_values({"horizon": 2040})
    first = map_chains(codes, scenario)
    apa = next(i for i in MAP_INDICATORS if i.key == "apa")
    moved = scenario.with_values({"ageing.prevalence.annual_trend": -1.0})
    values = map_values(codes, moved, apa, 2040)
    again = map_chains(codes, moved)
    assert all(
        a.demography.projection is b.demography.projection
        for a, b in zip(first, again, strict=True)
    )
    for code in codes[:2]:  # equal to each territory's own run of the moved scenario
        table = run(code, moved).set_index(["variable", "year"])["value"]
        expected = 1000 * table[("Autonomy|APA Beneficiaries", 2040)] / table[("Population", 2040)]
        assert values[code.split("-", 1)[1]] == pytest.approx(expected, rel=1e-12)
    assert map_values(codes, scenario, apa, 2040).to_list() != values.to_list()
    fewer = moved.with_values({"demography.fertility.tfr_target": 1.2})
    projected = map_chains(codes, fewer)
    assert all(
        a.demography.projection is not b.demography.projection
        for a, b in zip(again, projected, strict=True)
    )


def test_population_change_is_relative_to_the_base_year():
    population = {2025: 100.0, 2030: 110.0}
    growth = next(i for i in MAP_INDICATORS if i.key == "croissance")
    assert indicator_value(lambda _, y: population[y], growth, 2030, 2025) == pytest.approx(10.0)


def test_rural_shares_are_percentages():
    shares = rural_shares(map_scope(get_territory("DEP-71"))[1])
    assert ((shares >= 0) & (shares <= 100)).all() and shares.std() > 5


def test_map_draws_one_filled_outline_per_territory_and_a_colour_scale():
    values = pd.Series([1.0, 2.0], index=["71", "21"])
    fig = go.Figure(choropleth_spec(values, "departements", "T", "u", 1))
    shapes, scale = fig.data[:-1], fig.data[-1]
    assert [t.name for t in shapes] == ["71", "21"]
    assert shapes[0].text == "Saône-et-Loire : 1,0 u" and shapes[0].fillcolor != shapes[1].fillcolor
    assert (scale.marker.cmin, scale.marker.cmax) == (1.0, 2.0)
    assert all(np.isnan(t.x).any() and np.isnan(t.x[-1]) for t in shapes)  # ring ends: gaps


def test_epci_map_of_saone_et_loire_shows_real_variation():
    # issue 19: every EPCI was at about -9.6 % when projected as a fixed share
    _, codes = map_scope(get_territory("DEP-71"))
    growth = next(i for i in MAP_INDICATORS if i.key == "croissance")
    values = map_values(codes, load_preset("insee-central"), growth, 2050)
    assert values.std() > 5 and values.max() - values.min() > 30
    assert values.round(1).nunique() == len(codes)
