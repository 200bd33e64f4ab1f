"""Climate adaptation model: exposure, heat plan, excess deaths, TRACC mapping and the chain."""

import numpy as np
import pytest

from prospectif.calibration.adaptation_inputs import (
    ALERT_SHARE,
    ALERT_YEARS,
    OBSERVED_YEAR,
    SURVEILLANCE_DAYS,
    alert_ratio,
    climate_inputs,
    territory_warming,
    tracc_years,
)
from prospectif.errors import ModelError
from prospectif.models.adaptation import (
    ALONE_SHARE_75,
    DAYS_PER_YEAR,
    HEATWAVE_EXCESS,
    PLACES_PER_INSTITUTION,
    ClimateInputs,
    project_adaptation,
)
from prospectif.pipeline import ADAPTATION_HORIZON, run_chain
from prospectif.scenario import Scenario, load_preset
from prospectif.scenario.adaptation import Adaptation
from prospectif.territory import get_territory
from prospectif.validation.adaptation import reference_check

YEARS = np.arange(2025, 2028)


DEFAULT = Adaptation()


def tiny(heatwave=(10.0, np.nan), params=DEFAULT, alert=1.0):
    """Two units, three years: 100 persons at every age and sex, 1 death per age and sex;
    ``alert`` heat-alert days per heatwave day.
    """
    days = np.tile(np.asarray(heatwave, dtype=float), (len(YEARS), 1))
    climate = ClimateInputs(days, days / 2, days * 3, days / 5)
    population = np.full((3, 2, 2, 106), 100.0)
    deaths = np.full((2, 2, 2, 106), 1.0)
    home, institution = np.full((3, 2), 50.0), np.full((3, 2), 30.0)
    places = np.full((3, 2), 33.0)
    return project_adaptation(
        climate, YEARS, population, deaths, home, institution, places, np.ones(2), params, alert
    )


def test_exposure_is_persons_times_days_on_the_covered_units():
    result = tiny()
    aged_75 = 2 * 100 * (106 - 75)
    aged_85 = 2 * 100 * (106 - 85)
    np.testing.assert_allclose(
        result.exposure("heatwave_days")[:, 0], [aged_75 * 10, aged_85 * 10, 500]
    )
    np.testing.assert_allclose(result.exposure("tropical_nights")[0, 0], aged_75 * 5)
    np.testing.assert_allclose(result.mean_days("summer_days"), 30.0)


def test_a_unit_without_climate_is_left_out_and_a_territory_without_any_is_missing():
    assert list(tiny().covered) == [True, False]
    none = tiny(heatwave=(np.nan, np.nan))
    assert np.isnan(none.exposure("heatwave_days")).all()
    assert np.isnan(none.visit_hours()).all()


def test_heat_plan_hours_registered_and_cooled_places_follow_the_levers():
    params = Adaptation(
        registered_share=50, visits_per_day=2, visit_hours=0.5, cooled_places_per_institution=10
    )
    result = tiny(params=params)
    registered = 0.5 * ALONE_SHARE_75 * (2 * 100 * 31 - 50 - 30)
    np.testing.assert_allclose(result.total(result.registered), registered)
    np.testing.assert_allclose(result.visit_hours()[:, 0], [50 * 2 * 0.5 * 10, registered * 10])
    np.testing.assert_allclose(result.total(result.cooled_places), 33 / PLACES_PER_INSTITUTION * 10)
    assert (tiny(params=Adaptation(registered_share=0)).visit_hours()[1] == 0).all()


def test_excess_deaths_apply_the_heatwave_excess_to_the_deaths_of_heatwave_days():
    deaths = tiny().excess_deaths()
    np.testing.assert_allclose(deaths[0], 2 * 106 / DAYS_PER_YEAR * 10 * HEATWAVE_EXCESS)
    np.testing.assert_allclose(deaths[1], 2 * 31 / DAYS_PER_YEAR * 10 * HEATWAVE_EXCESS)
    assert deaths.shape == (2, len(YEARS) - 1)
    np.testing.assert_allclose(tiny(alert=0.4).excess_deaths(), 0.4 * deaths)


def test_alert_days_are_fewer_than_drias_heatwave_days_and_give_spf_days_in_2014_2022():
    ratio = alert_ratio()
    assert 0 < ratio < 1  # DRIAS counts more heatwave days than SPF's alert days
    codes = ("01", "13", "29", "58", "59", "67", "2A")
    days = climate_inputs(codes, "rcp85", ALERT_YEARS).heatwave_days
    spf = ALERT_SHARE * SURVEILLANCE_DAYS
    # The seven départements are not the 96 but span them: their converted mean is near SPF's.
    assert 0.5 * spf < ratio * days.mean() < 1.5 * spf


def test_shapes_are_checked():
    days = np.ones((2, 2))
    with pytest.raises(ModelError, match="heatwave_days"):
        project_adaptation(
            ClimateInputs(days, days, days, days),
            YEARS,
            np.ones((3, 2, 2, 106)),
            np.ones((2, 2, 2, 106)),
            np.ones((3, 2)),
            np.ones((3, 2)),
            np.ones((3, 2)),
            np.ones(2),
            Adaptation(),
            1.0,
        )


def test_tracc_reads_rcp85_at_the_year_of_the_same_warming():
    years = tracc_years(np.array([OBSERVED_YEAR, 2030, 2050, 2100]))
    assert years[0] == pytest.approx(OBSERVED_YEAR)
    assert np.all(np.diff(years) > 0)
    # +4 °C in 2100 is reached by this RCP 8.5 run before 2100, +2.7 °C about 2050.
    assert 2045 < years[2] < 2055 and 2060 < years[3] < 2090


def test_overseas_has_no_climate_and_rcp45_missing_cells_stay_missing():
    climate = climate_inputs(("58", "971"), "rcp45", np.array([2030, 2060]))
    assert np.isnan(climate.heatwave_days[:, 1]).all()
    assert not np.isnan(climate.heatwave_days[0, 0]) and np.isnan(climate.heatwave_days[1, 0])


def test_energy_warming_holds_the_last_given_year_and_overseas_keeps_a_constant_climate():
    years = np.arange(2021, 2061)
    effect = territory_warming(("58",), np.ones(1), "rcp45", years)
    assert effect.warming[0] == 0 and np.isfinite(effect.warming).all()
    assert effect.warming[-1] == effect.warming[20]
    overseas = territory_warming(("971",), np.ones(1), "rcp85", years)
    assert (overseas.warming == 0).all() and (overseas.summer_ratio == 1).all()


@pytest.fixture(scope="module")
def nievre():
    return get_territory("DEP-58")


def test_the_chain_gives_adaptation_to_2100_whatever_the_horizon(nievre):
    scenario = load_preset("tendanciel")
    assert scenario.horizon < ADAPTATION_HORIZON
    chain = run_chain(nievre, scenario)
    assert chain.adaptation.years[-1] == ADAPTATION_HORIZON
    assert chain.demography.years[-1] == scenario.horizon
    table = chain.table(("adaptation",))
    assert table[table.variable == "Adaptation|Heatwave Exposure|Age 75+"].year.max() == 2100


def test_pathways_differ_and_energy_responds(nievre):
    base = Scenario(id="x", label={"fr": "x"}, horizon=2100)
    chains = {
        p: run_chain(nievre, base.with_values({"adaptation.pathway": p}))
        for p in ("rcp26", "rcp85")
    }
    hw = {p: c.adaptation.exposure("heatwave_days")[0, -1] for p, c in chains.items()}
    assert hw["rcp85"] > 2 * hw["rcp26"]
    energy = {p: c.energy for p, c in chains.items()}
    res = {p: e.energy[-1, 0].sum() for p, e in energy.items()}
    assert res["rcp85"] < res["rcp26"]  # less heating with more warming
    assert energy["rcp85"].cooling[-1].sum() > energy["rcp26"].cooling[-1].sum() > 0


def test_reference_period_is_checked_against_stations_of_several_departements():
    ref = reference_check()
    assert ref[ref.dep != "France"].dep.nunique() >= 5
    assert np.isfinite(ref.model_1976_2005).all() and ref.source.str.len().gt(20).all()
    # Where the département is like its station, the single model is close to the normal.
    close = ref[(ref.dep == "58") | ((ref.dep == "69") & (ref.period == "1981–2010"))]
    np.testing.assert_allclose(close.model_1976_2005, close.meteo_france, rtol=0.05)
