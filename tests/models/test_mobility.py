"""Mobility model: calibration on France, identities, lever effects, fleet, survey override."""

from pathlib import Path

import numpy as np
import pytest

from prospectif.calibration.demographic import demographic_base
from prospectif.calibration.mobility_inputs import mobility_inputs, type_defaults
from prospectif.calibration.mobility_survey import (
    SURVEY_MODES,
    apply_survey,
    load_survey,
    survey_from_dict,
)
from prospectif.errors import DataError
from prospectif.models.axes import BASE_YEAR as REPORT_FROM
from prospectif.models.axes import TRANSPORT_CARRIERS as CARRIERS
from prospectif.models.mobility import project_mobility
from prospectif.models.mobility_constants import (
    CAR,
    COMMUTE_SHARES_FR,
    CONSTRUCTION,
    CONSUMPTION,
    FLEET_SHARES,
    KM_PER_TRIP_FR,
    LIFE_CYCLE,
    MODES,
    OCCUPANCY_LONG,
    SHARES_FR,
    TAILPIPE,
    TRIPS_FR,
)
from prospectif.models.mobility_fleet import fleet_start
from prospectif.results.convert import mobility_series
from prospectif.scenario import load_preset
from prospectif.scenario.mobility import Mobility
from prospectif.territory import get_territory

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scenarios" / "enquetes" / "exemple-emc2.yaml"
YEARS = np.arange(2019, 2051)
DEFAULT = Mobility()


def population(code: str, years: np.ndarray = YEARS) -> np.ndarray:
    """Observed INSEE population by (year, sex, age), the last estimate held afterwards."""
    base = demographic_base()
    territory = get_territory(code)
    units = base.dep_index(territory.departements)
    weights = territory.shares.to_numpy(float)
    last = int(base.years[-1])
    return np.stack(
        [
            np.tensordot(weights, np.nan_to_num(base.population_in(min(y, last))[units]), 1)
            for y in years
        ]
    )


@pytest.fixture(scope="module")
def metro():
    return mobility_inputs(get_territory("FR-METRO")), population("FR-METRO")


@pytest.fixture(scope="module")
def dep71():
    return mobility_inputs(get_territory("DEP-71")), population("DEP-71")


def run(inputs_population, changes=None, years=YEARS):
    inputs, people = inputs_population
    params = DEFAULT
    for section, values in (changes or {}).items():
        params = params.model_copy(
            update={section: getattr(params, section).model_copy(update=values)}
        )
    return project_mobility(inputs, years, people[: len(years)], params)


def weekday_km(inputs, result, row=0):
    """Mean length of a local weekday trip (km) in ``row``, from the inputs."""
    trips = np.array(
        [result.commute_trips[row], result.trips[row].sum() - result.commute_trips[row]]
    )
    return (trips[:, None] * inputs.shares * inputs.distance_km).sum() / trips.sum()


# --- Calibration: France in 2019 reproduces EMP 2019 and the census -----------------------------
def test_france_2019_reproduces_national_figures(metro):
    inputs, _ = metro
    result = run(metro)
    trips = result.trips[0]
    assert trips.sum() == pytest.approx(TRIPS_FR, rel=1e-9)
    assert trips.sum() / result.residents[0] == pytest.approx(3.0, abs=0.03)
    shares = np.array([trips[:2].sum(), *trips[2:]]) / trips.sum()
    np.testing.assert_allclose(shares, SHARES_FR, atol=1e-9)
    np.testing.assert_allclose(inputs.shares[0], COMMUTE_SHARES_FR, atol=1e-9)
    assert weekday_km(inputs, result) == pytest.approx(KM_PER_TRIP_FR, rel=1e-9)
    assert result.car_share_of_distance(local_only=True)[0] == pytest.approx(0.80, abs=0.025)


def test_type_defaults_are_shares_and_ordered_by_density():
    defaults = type_defaults()
    assert (defaults.shares >= 0).all()
    np.testing.assert_allclose(defaults.shares.sum(-1), 1.0, atol=1e-12)
    car = defaults.shares[:, :, CAR]
    assert (np.diff(car, axis=1) > 0).all()  # car use rises from dense to rural
    assert (np.diff(defaults.distance_km[:, :, CAR], axis=1) > 0).all()


@pytest.mark.parametrize("code", ["FR", "DEP-75", "DEP-48", "EPCI-200070308", "COM-71270"])
def test_every_territory_has_shares_summing_to_one(code):
    inputs = mobility_inputs(get_territory(code))
    np.testing.assert_allclose(inputs.shares.sum(1), 1.0, atol=1e-12)
    assert inputs.type_mix.sum() == pytest.approx(1.0)
    assert (inputs.distance_km > 0).all()


def test_rural_territory_drives_more_than_paris():
    paris, lozere = (mobility_inputs(get_territory(c)) for c in ("DEP-75", "DEP-48"))
    assert lozere.shares[:, CAR].min() > paris.shares[:, CAR].max()
    assert lozere.distance_km[1, CAR] > paris.distance_km[1, CAR]


# --- Identities -------------------------------------------------------------------------------
def test_trips_add_up_and_passenger_km_equal_vehicle_km_times_occupancy(dep71):
    result = run(dep71, {"improve": {"occupancy_gain": 20.0}, "shift": {"to_bike": 10.0}})
    local_car_pkm = result.local_pkm[:, :2].sum(1)
    np.testing.assert_allclose(local_car_pkm, result.car_vkm_local * result.occupancy, rtol=1e-12)
    np.testing.assert_allclose(result.long_pkm[:, 0], result.car_vkm_long * OCCUPANCY_LONG)
    np.testing.assert_allclose(result.local_pkm[:, 0], result.car_vkm_local, rtol=1e-12)
    np.testing.assert_allclose(
        result.passenger_km.sum(1), result.local_pkm.sum(1) + result.long_pkm.sum(1), rtol=1e-12
    )
    np.testing.assert_allclose(result.trips[:, 1] / result.trips[:, 0], result.occupancy - 1)
    np.testing.assert_allclose(result.fleet_shares.sum(1), 1.0, atol=1e-12)
    np.testing.assert_allclose(result.sales_shares.sum(1), 1.0, atol=1e-12)


def test_energy_and_emissions_follow_the_factors(dep71):
    inputs, _ = dep71
    result = run(dep71, {"fleet": {"plug_in_hybrid_sales": 20.0, "electric_sales": 70.0}})
    car_vkm = result.car_vkm_local + result.car_vkm_long
    powertrain_vkm = car_vkm[:, None] * result.fleet_shares
    kwh = (powertrain_vkm * result.fleet_efficiency) @ CONSUMPTION
    kwh[:, 0] += result.two_wheeler_vkm * inputs.two_wheeler_kwh_per_km
    energy = np.stack([result.energy_gwh[c] for c in CARRIERS], 1)
    np.testing.assert_allclose(energy, kwh / 1e6, rtol=1e-12)
    np.testing.assert_allclose(result.tailpipe_kt, energy @ TAILPIPE, rtol=1e-12)
    other = (
        powertrain_vkm @ CONSTRUCTION
        + result.local_pkm[:, 2] * inputs.pt_factor
        + result.long_pkm[:, 1] * inputs.rail_factor
        + result.long_pkm[:, 2] * inputs.air_factor
    ) / 1e6
    np.testing.assert_allclose(result.life_cycle_kt, energy @ LIFE_CYCLE + other, rtol=1e-12)
    np.testing.assert_allclose(result.air_kt, result.long_pkm[:, 2] * inputs.air_factor / 1e6)


def test_a_combustion_car_matches_ademe_factor():
    """0.192 kgCO2e/km of fuel (upstream + combustion) for a petrol or diesel car (Impact CO2)."""
    for powertrain in (0, 1):
        assert CONSUMPTION[powertrain] @ LIFE_CYCLE == pytest.approx(0.192, rel=1e-12)


# --- Levers -------------------------------------------------------------------------------------
def test_levers_only_act_from_2025(dep71):
    quiet = run(dep71)
    busy = run(dep71, {"shift": {"to_public_transport": 20.0}, "avoid": {"proximity": 20.0}})
    upto = YEARS <= 2025
    np.testing.assert_allclose(busy.passenger_km[upto], quiet.passenger_km[upto], rtol=1e-12)
    assert not np.allclose(busy.passenger_km[~upto], quiet.passenger_km[~upto])


@pytest.mark.parametrize(
    ("changes", "measure", "direction"),
    [
        ({"avoid": {"telework_share": 50.0}}, lambda r: r.commute_trips, -1),
        ({"avoid": {"telework_share": 50.0}}, lambda r: r.passenger_km.sum(1), -1),
        ({"avoid": {"telework_days": 3.0}}, lambda r: r.passenger_km.sum(1), -1),
        ({"avoid": {"proximity": 20.0}}, lambda r: r.local_pkm.sum(1), -1),
        ({"demand": {"local_trips_change": -10.0}}, lambda r: r.trips.sum(1), -1),
        ({"demand": {"long_distance_change": -30.0}}, lambda r: r.air_kt, -1),
        ({"shift": {"to_bike": 20.0}}, lambda r: r.trips[:, 3], 1),
        ({"shift": {"to_bike": 20.0}}, lambda r: r.car_vkm_local, -1),
        ({"shift": {"to_public_transport": 20.0}}, lambda r: r.local_pkm[:, 2], 1),
        ({"shift": {"to_walking": 20.0}}, lambda r: r.car_share_of_distance(True), -1),
        ({"shift": {"air_to_rail": 50.0}}, lambda r: r.life_cycle_kt, -1),
        ({"improve": {"occupancy_gain": 20.0}}, lambda r: r.car_vkm_local, -1),
        ({"improve": {"efficiency_gain": 20.0}}, lambda r: sum(r.energy_gwh.values()), -1),
        ({"fleet": {"electric_sales": 100.0, "target_year": 2028}}, lambda r: r.tailpipe_kt, -1),
        ({"fleet": {"lifetime": 14.0}}, lambda r: r.fleet_shares[:, 2], 1),
    ],
)
def test_lever_moves_the_result_the_right_way(dep71, changes, measure, direction):
    base, moved = run(dep71), run(dep71, changes)
    late = YEARS >= 2040
    difference = measure(moved)[late] - measure(base)[late]
    assert (direction * difference > 0).all(), changes


def test_more_electric_sales_mean_less_oil_and_less_tailpipe(dep71):
    slow = run(dep71, {"fleet": {"electric_sales": 40.0}})
    fast = run(dep71, {"fleet": {"electric_sales": 100.0}})
    late = YEARS > 2026
    for carrier in ("petrol", "diesel"):
        assert (fast.energy_gwh[carrier][late] < slow.energy_gwh[carrier][late]).all()
    assert (fast.energy_gwh["electricity"][late] > slow.energy_gwh["electricity"][late]).all()
    assert (fast.tailpipe_kt[late] < slow.tailpipe_kt[late]).all()


def test_telework_between_2019_and_2023_lowers_commuting(metro):
    result = run(metro, years=np.arange(2019, 2026))
    per_worker = result.commute_trips / result.employed
    assert per_worker[4] < per_worker[0]
    assert per_worker[4] == pytest.approx(per_worker[6])


# --- Fleet ------------------------------------------------------------------------------------
def test_fleet_start_matches_sdes_shares_and_age():
    fleet = fleet_start()
    np.testing.assert_allclose(fleet.sum(0), FLEET_SHARES, atol=1e-12)
    ages = np.arange(fleet.shape[0])
    assert (fleet.sum(1) * ages).sum() == pytest.approx(11.5, abs=0.6)  # SDES: 11.5 years
    electric_age = (fleet[:, 2] * ages).sum() / fleet[:, 2].sum()
    diesel_age = (fleet[:, 1] * ages).sum() / fleet[:, 1].sum()
    assert electric_age < 5 < diesel_age


def test_electric_fleet_share_grows_towards_the_sales_share(dep71):
    result = run(dep71)
    electric = result.fleet_shares[YEARS >= 2025, 2]
    assert (np.diff(electric) > 0).all()
    assert electric[0] == pytest.approx(FLEET_SHARES[2])
    assert result.sales_shares[YEARS == 2035, 2] == pytest.approx(1.0)


def test_years_after_2025_only_still_start_from_the_2025_fleet(dep71):
    full = run(dep71)
    late_years = np.arange(2030, 2051)
    inputs, people = dep71
    late = project_mobility(inputs, late_years, people[YEARS >= 2030], DEFAULT)
    assert late.fleet_shares[0, 2] > FLEET_SHARES[2]
    np.testing.assert_allclose(late.trips, full.trips[YEARS >= 2030], rtol=1e-12)


# --- Results ----------------------------------------------------------------------------------
def test_series_start_in_2025_with_stable_names(dep71):
    result = run(dep71)
    series = {s.variable: s for s in mobility_series(result)}
    for name in (
        "Mobility|Trips",
        *(f"Mobility|Trips|{m}" for m in MODES),
        "Mobility|Passenger-km",
        *(f"Mobility|Passenger-km|{m}" for m in (*MODES, "Air")),
        "Mobility|Vehicle-km|Car",
        "Mobility|Car Share of Distance",
        *(f"Mobility|Energy|{c.capitalize()}" for c in CARRIERS),
        "Mobility|Emissions|Tailpipe",
        "Mobility|Emissions|Life Cycle",
    ):
        assert name in series, name
        assert series[name].years[0] == REPORT_FROM
        assert np.isfinite(series[name].values).all()
    trips = series["Mobility|Trips"].values
    by_mode = sum(series[f"Mobility|Trips|{m}"].values for m in MODES)
    np.testing.assert_allclose(by_mode, trips, rtol=1e-12)
    assert series["Mobility|Trips"].unit == "trips/day"
    assert series["Mobility|Passenger-km|Car Driver"].unit == "million pkm/yr"
    assert set(result.energy_gwh) == set(CARRIERS)
    assert all(v.shape == YEARS.shape for v in result.energy_gwh.values())


@pytest.mark.parametrize(
    ("years", "shape", "message"),
    [
        (np.array([2019, 2021]), (2, 2, 106), "consecutive"),
        (np.arange(2015, 2020), (5, 2, 106), "from 2019 or later"),
        (np.arange(2025, 2030), (5, 106), r"shape \(5, 106\); expected \(5, 2, 106\)"),
    ],
)
def test_bad_years_or_population_are_refused(dep71, years, shape, message):
    with pytest.raises(ValueError, match=message):
        project_mobility(dep71[0], years, np.ones(shape), DEFAULT)


def test_presets_order_their_2050_emissions():
    inputs, people = mobility_inputs(get_territory("DEP-71")), population("DEP-71")
    results = {
        name: project_mobility(inputs, YEARS, people, load_preset(f"mobilite-{name}").mobility)
        for name in ("tendanciel", "sobriete", "technologie", "intermediaire")
    }
    life = {name: r.life_cycle_kt[-1] for name, r in results.items()}
    tail = {name: r.tailpipe_kt[YEARS == 2035][0] for name, r in results.items()}
    assert life["sobriete"] < life["intermediaire"] < life["tendanciel"]
    assert tail["technologie"] < tail["tendanciel"]
    assert results["tendanciel"].passenger_km[-1].sum() > results["sobriete"].passenger_km[-1].sum()


# --- Survey override ------------------------------------------------------------------------------
def test_example_survey_replaces_the_base(dep71):
    survey = load_survey(EXAMPLE)
    territory = get_territory("DEP-71")
    default = mobility_inputs(territory)
    local = mobility_inputs(territory, survey)
    assert local.survey == survey.name
    assert not np.allclose(local.shares, default.shares)
    years = np.arange(2019, 2026)
    result = project_mobility(local, years, dep71[1][: len(years)], DEFAULT)
    row = int(np.flatnonzero(years == survey.year)[0])
    trips = result.trips[row]
    assert trips.sum() / result.residents[row] == pytest.approx(survey.trips_per_person, rel=1e-9)
    expected = np.array([survey.mode_shares[m] for m in SURVEY_MODES])
    np.testing.assert_allclose(trips / trips.sum(), expected, atol=1e-9)
    assert local.occupancy_local == pytest.approx(0.5 / 0.4)
    purposes = np.array([result.commute_trips[row], trips.sum() - result.commute_trips[row]])
    walking = purposes * local.shares[:, 3]
    assert walking @ local.distance_km[:, 3] / walking.sum() == pytest.approx(0.8, rel=1e-9)
    car = purposes * local.shares[:, CAR]
    assert car @ local.distance_km[:, CAR] / car.sum() == pytest.approx((4 * 8.5 + 8.0) / 5)


def test_csv_survey_gives_the_same_result(tmp_path):
    rows = ["key,mode,value", "name,,Exemple EMC² (valeurs fictives)", "year,,2023"]
    rows.append("trips_per_person,,3.6")
    survey = load_survey(EXAMPLE)
    rows += [f"mode_share,{m},{v}" for m, v in survey.mode_shares.items()]
    rows += [f"mean_distance_km,{m},{v}" for m, v in survey.mean_distance_km.items()]
    path = tmp_path / "emc2.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    from_csv = load_survey(path)
    assert from_csv.mode_shares == pytest.approx(survey.mode_shares)
    assert from_csv.mean_distance_km == survey.mean_distance_km
    assert (from_csv.trips_per_person, from_csv.year) == (3.6, 2023)


VALID = {
    "trips_per_person": 3.2,
    "mode_shares": {
        "car_driver": 0.45,
        "car_passenger": 0.12,
        "public_transport": 0.1,
        "bike": 0.03,
        "walking": 0.28,
        "two_wheeler": 0.02,
    },
}


def with_changes(**changes):
    document = {**VALID, "mode_shares": dict(VALID["mode_shares"])}
    for key, value in changes.items():
        if key.startswith("share_"):
            document["mode_shares"][key[6:]] = value
        else:
            document[key] = value
    return document


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (with_changes(share_walking=0.40), r"s.yaml: mode_shares: sum = 1.12: invalid; .*sum to 1"),
        (
            with_changes(share_bike=-0.03),
            r"mode_shares.bike = -0.03: negative; allowed range 0 to 1",
        ),
        (with_changes(trips_per_person=-1), r"trips_per_person = -1: negative; allowed range 0.5"),
        (with_changes(trips_per_person=12), r"trips_per_person = 12: too large; allowed range"),
        (with_changes(trips_per_person="trois"), r"trips_per_person = 'trois': not a number"),
        (with_changes(share_bike="0.03"), r"mode_shares.bike = '0.03': not a number"),
        ({"mode_shares": VALID["mode_shares"]}, r"trips_per_person: missing \(required\)"),
        ({"trips_per_person": 3.0}, r"mode_shares: missing \(required; modes car_driver"),
        (
            with_changes(mode_shares={"car_driver": 1.0}),
            r"mode_shares: missing modes car_passenger",
        ),
        (with_changes(share_tram=0.0), r"mode_shares.tram: unknown mode; allowed modes"),
        (with_changes(colour="red"), r"colour: unknown key; allowed keys"),
        (with_changes(mean_distance_km={"walking": 0}), r"mean_distance_km.walking = 0: too small"),
        (with_changes(mean_distance_km=[1, 2]), r"mean_distance_km = \[1, 2\]: invalid; expected"),
        (with_changes(year=1850), r"year = 1850: invalid; allowed range 1990 to 2100"),
        (with_changes(year=2020.5), r"year = 2020.5: invalid"),
        (with_changes(format="autre/2"), r"format = 'autre/2': invalid"),
        (["trips_per_person"], r"s.yaml: a survey file must be a mapping"),
    ],
)
def test_invalid_surveys_name_file_key_value_and_range(document, message):
    with pytest.raises(DataError, match=message):
        survey_from_dict(document, "s.yaml")


def test_every_survey_problem_is_reported_at_once():
    document = with_changes(trips_per_person=-1, share_bike=-0.5, colour="red")
    with pytest.raises(DataError, match=r"^s\.yaml: colour: unknown key") as caught:
        survey_from_dict(document, "s.yaml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 3
    assert all(line.startswith("s.yaml: ") for line in lines)


def test_shares_rounded_within_tolerance_are_renormalised():
    survey = survey_from_dict(with_changes(share_walking=0.285), "s.yaml")
    assert sum(survey.mode_shares.values()) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("s.txt", "", r"unknown survey format '.txt'"),
        ("s.csv", "clé,mode,valeur\n", r"expected the columns key,mode,value"),
        ("s.csv", "key,mode,value\nmode_share,bike,0.1\nmode_share,bike,0.2\n", r"line 3: .*twice"),
        ("s.yaml", "trips_per_person: [unclosed\n", r"invalid YAML at line"),
        ("missing.yaml", None, r"file not found"),
    ],
)
def test_unreadable_survey_files(tmp_path, name, text, message):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=message):
        load_survey(path)


def test_survey_with_fewer_trips_than_commuting_is_refused(dep71):
    survey = survey_from_dict(with_changes(trips_per_person=0.5), "low.yaml")
    people = population("DEP-71", np.arange(2025, 2026))[0].sum(0)
    with pytest.raises(DataError, match=r"low.yaml: trips_per_person = 0.5 is below the commuting"):
        apply_survey(dep71[0], survey, people, 2025)
