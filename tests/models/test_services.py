"""Services and housing models: identities, levers and the calibration on today's data."""

from __future__ import annotations

import numpy as np
import pytest

from prospectif.calibration.services_inputs import housing_inputs, national_headship
from prospectif.errors import ModelError
from prospectif.models.axes import BASE_YEAR, OPEN_AGE
from prospectif.models.housing import COMPONENTS, HousingInputs, households, project_housing
from prospectif.models.services import ServicesInputs, project_services, schooling_rates
from prospectif.models.services_constants import (
    EAJE_PLACES_FRANCE,
    consultation_profile,
    headship_profile,
)
from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.scenario.services import Housing, Services
from prospectif.territory import get_territory

AGES = OPEN_AGE + 1
YEARS = np.arange(BASE_YEAR, 2051)


def flat_population(years: np.ndarray, per_age: float = 1000.0) -> np.ndarray:
    """Persons by (year, sex, age): ``per_age`` at every age and sex, growing 1 % a year."""
    growth = 1.01 ** (years - years[0])
    return np.full((len(years), 2, AGES), per_age) * growth[:, None, None]


def inputs(places: float = 600.0) -> ServicesInputs:
    return ServicesInputs(
        schools_today=np.array([10.0, 20.0, 5.0, 3.0]),
        childcare_facilities=20.0,
        childcare_places_today=places,
        gps_today=80.0,
        pharmacies_today=30.0,
        consultation_profile=np.ones((2, AGES)),
    )


def test_pupils_follow_the_ages_and_rates_of_each_level():
    result = project_services(inputs(), YEARS, flat_population(YEARS), Services())
    first = result.pupils[0]
    # maternelle: 9 % of age 2, 98.5 % of age 3, all of 4 and 5 (2,000 persons per age)
    assert first[0] == pytest.approx(2000 * (0.09 + 0.985 + 2))
    assert first[1] == pytest.approx(2000 * 5) and first[2] == pytest.approx(2000 * 4)
    assert first[3] == pytest.approx(2000 * 3 * 0.88)
    np.testing.assert_allclose(result.children[0], 2000 * np.array([3, 5, 4, 3]))
    np.testing.assert_allclose(result.classes[0], first / np.array([22, 21, 25.9, 26.6]))


def test_levels_do_not_overlap_and_pupils_never_exceed_the_ages():
    rates = schooling_rates(Services(), AGES)
    assert (rates.sum(0) <= 1).all() and rates[:, 18:].sum() == 0 and rates[:, :2].sum() == 0


def test_teachers_from_classes_and_teaching_hours():
    s = Services()
    result = project_services(inputs(), YEARS, flat_population(YEARS), s)
    primary = result.classes[:, :2].sum(1) * s.schools.teachers_per_class
    np.testing.assert_allclose(result.teachers[:, 0], primary)
    hours = result.pupils[:, 2:].sum(1) * 27 / (21.7 * 18)
    np.testing.assert_allclose(result.teachers[:, 1], hours)


def test_childcare_coverage_moves_from_today_to_the_target():
    s = Services()
    result = project_services(inputs(600.0), YEARS, flat_population(YEARS), s)
    assert result.coverage[0] == pytest.approx(100 * 600 / 6000)  # 3 ages × 2 sexes × 1,000
    target = list(YEARS).index(s.childcare.target_year)
    np.testing.assert_allclose(result.coverage[target:], s.childcare.coverage_target)
    np.testing.assert_allclose(result.places, result.coverage * result.under_3 / 100)


def test_gps_needed_from_consultations_and_workload():
    s = Services()
    result = project_services(inputs(), YEARS, flat_population(YEARS), s)
    people = flat_population(YEARS).sum(axis=(1, 2))
    np.testing.assert_allclose(result.consultations, 2.8 * people)
    np.testing.assert_allclose(result.gps, 2.8 * people / 3000)
    more = s.model_copy(update={"health": s.health.model_copy(update={"demand_trend": 1.0})})
    faster = project_services(inputs(), YEARS, flat_population(YEARS), more)
    assert faster.gps[10] == pytest.approx(result.gps[10] * 1.01**10)


HOUSING_YEARS = np.arange(2021, 2051)


def housing_inputs_flat(count: float = 50_000.0) -> HousingInputs:
    return HousingInputs(headship_profile(), count, 8.2, 9.9)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"decohabitation": 0.5, "renewal_rate": 0.2},
        {"vacancy_change": -2.0, "change_of_use": 0.1},
    ],
)
def test_point_mort_components_add_up_to_the_stock_change(changes):
    params = Housing(**changes)
    result = project_housing(
        housing_inputs_flat(), HOUSING_YEARS, flat_population(HOUSING_YEARS), params
    )
    turnover = (params.renewal_rate + params.change_of_use) / 100 * result.stock[:-1]
    np.testing.assert_allclose(result.needed, np.diff(result.stock) + turnover, rtol=1e-12)
    growth_and_decohabitation = result.components[:, 2] + result.components[:, 4]
    np.testing.assert_allclose(growth_and_decohabitation, np.diff(result.households), rtol=1e-10)
    np.testing.assert_allclose(result.point_mort + result.components[:, -1], result.needed)
    assert len(COMPONENTS) == result.components.shape[1]


def test_households_start_at_the_census_and_decohabitation_raises_them():
    population = flat_population(HOUSING_YEARS)
    base = project_housing(housing_inputs_flat(), HOUSING_YEARS, population, Housing())
    assert base.households[0] == pytest.approx(50_000.0)
    more = project_housing(
        housing_inputs_flat(), HOUSING_YEARS, population, Housing(decohabitation=1.0)
    )
    assert (more.households[1:] > base.households[1:]).all()
    assert (more.components[:, 2] > base.components[:, 2]).all()


def test_headship_rates_are_capped_at_one():
    rates = households(np.ones((2, AGES)), np.ones((3, 2, AGES)), np.arange(2021, 2024), 5.0)
    np.testing.assert_allclose(rates, 2 * AGES)


def test_housing_must_start_in_the_census_year():
    years = np.arange(2025, 2030)
    with pytest.raises(ModelError, match="commencer en 2021, reçu 2025"):
        project_housing(housing_inputs_flat(), years, flat_population(years), Housing())


def test_profiles_cover_every_age_and_sex():
    for profile in (headship_profile(), consultation_profile()):
        assert profile.shape == (2, AGES) and (profile >= 0).all()
    assert headship_profile()[:, :15].sum() == 0


def test_national_headship_gives_france_its_census_households():
    france = get_territory("FR")
    chain = run_chain(france, load_preset("tendanciel"))
    years, population = chain.demography.population_since(2021)
    modelled = households(national_headship(), population[:1], years[:1], 0.0)[0]
    assert modelled == pytest.approx(housing_inputs(france).households_2021, rel=1e-3)
    assert chain.housing.factor == pytest.approx(1.0, rel=1e-3)


def test_today_of_departement_and_epci():
    chain = run_chain(get_territory("DEP-71"), load_preset("tendanciel"))
    today = chain.services.inputs
    assert today.gps_today == 473 and today.pharmacies_today == 232
    np.testing.assert_allclose(today.schools_today, [165, 438, 62, 41])
    epci = run_chain(get_territory("EPCI-200070308"), load_preset("tendanciel")).services.inputs
    assert 0 < epci.gps_today < today.gps_today
    france = run_chain(get_territory("FR"), load_preset("tendanciel")).services
    assert france.inputs.childcare_places_today == pytest.approx(EAJE_PLACES_FRANCE)
    assert france.coverage[0] == pytest.approx(22.6, abs=0.1)


def test_a_territory_without_census_households_uses_the_national_rates():
    population = flat_population(HOUSING_YEARS)
    result = project_housing(
        housing_inputs_flat(float("nan")), HOUSING_YEARS, population, Housing()
    )
    assert result.factor == 1.0
    expected = households(headship_profile(), population[:1], HOUSING_YEARS[:1], 0.05)[0]
    assert result.households[0] == pytest.approx(expected)
    assert np.isnan(housing_inputs(get_territory("DEP-976")).households_2021)


def test_key_figures_put_today_beside_the_need():
    from prospectif.errors import ResultsError
    from prospectif.results.services_figures import services_key_figures

    table = run_chain(get_territory("DEP-71"), load_preset("tendanciel")).table()
    figures = {f.variable: f for f in services_key_figures(table, 2050)}
    gps = figures["Services|GPs Needed"]
    assert gps.today == 473 and gps.unit == "FTE" and gps.value > 0
    assert figures["Housing|Households"].today == 258_648
    dwellings = figures["Housing|Dwellings Needed"]
    flows = table[(table["variable"] == dwellings.variable) & table["year"].between(2025, 2049)]
    assert dwellings.value == pytest.approx(flows["value"].mean()) and np.isnan(dwellings.today)
    with pytest.raises(ResultsError, match="n'a pas Services|Classes en 2050"):
        services_key_figures(table[table["variable"] == "Population"], 2050)
