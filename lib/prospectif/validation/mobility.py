"""Validation of the mobility model against published figures (section of docs/validation.md).

- :func:`density_check`: the approximate density grid against INSEE's;
- :func:`france_base_year`: metropolitan France in 2019 against EMP 2019 and the census;
- :func:`france_emissions`: residents' mobility emissions in 2024 beside the national inventory.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..calibration.demographic import demographic_base
from ..calibration.density import (
    DENSITY_TYPES,
    INSEE_SHARES_2016,
    commune_density_types,
    territory_type_mix,
)
from ..calibration.mobility_inputs import mobility_inputs, type_defaults
from ..models.mobility import MobilityResult, project_mobility
from ..models.mobility_constants import CONSUMPTION, LOCAL, TAILPIPE, TYPES
from ..scenario import load_preset
from ..territory import get_territory

INVENTORY_2024 = {"transport": 126.0, "cars_share": 0.53}
"""Transport emissions 2024 (MtCO2e, Citepa pre-estimate) and the cars' share of them (53 %,
ministry via RSE Magazine)."""
SDES_FLEET_KM = 39.7e6 * 11_600
"""Car-km a year of the French fleet: 39.7 million cars on 1 January 2025 × 11,600 km in 2024
(SDES, via vie-publique.fr and FNA)."""
INSEE_DENSITY_2016 = {"dense": 3000, "intermediate": 413, "rural": 64, "very_rural": 14}
"""Mean density of the types of INSEE's grid (inhabitants/km²; Observatoire de la société)."""


def _observed_run(code: str, last_year: int) -> tuple:
    """Mobility of a territory from 2019 to ``last_year`` on the INSEE estimates."""
    base = demographic_base()
    territory = get_territory(code)
    units = base.dep_index(territory.departements)
    weights = territory.shares.to_numpy(float)
    years = np.arange(2019, last_year + 1)
    people = np.stack(
        [np.tensordot(weights, np.nan_to_num(base.population_in(int(y))[units]), 1) for y in years]
    )
    inputs = mobility_inputs(territory)
    params = load_preset("mobilite-tendanciel").mobility
    return inputs, project_mobility(inputs, years, people, params)


def density_check() -> pd.DataFrame:
    """Population share (%) and mean density (inhabitants/km²) of each type, ours and INSEE's."""
    table = commune_density_types()
    grouped = table.groupby("type", observed=False)
    mix = territory_type_mix(get_territory("FR"))
    return pd.DataFrame(
        {
            "share": 100 * mix.to_numpy(),
            "insee_share": [INSEE_SHARES_2016[k] for k in DENSITY_TYPES],
            "density": (grouped["population"].sum() / grouped["area_km2"].sum()).to_numpy(),
            "insee_density": [INSEE_DENSITY_2016[k] for k in DENSITY_TYPES],
            "communes": grouped.size().to_numpy(),
        },
        index=list(DENSITY_TYPES),
    )


def _local_km(inputs, result: MobilityResult, row: int) -> float:
    """Mean length of a weekday local trip (km)."""
    commute = result.commute_trips[row]
    trips = np.array([commute, result.trips[row].sum() - commute])
    return float((trips[:, None] * inputs.shares * inputs.distance_km).sum() / trips.sum())


def france_base_year() -> pd.DataFrame:
    """Metropolitan France in 2019 (the survey's scope) against the published figures.

    Returns one row per indicator: ours, the published value, its source, and whether the
    figure was used to calibrate the model (``calibrated``) or is an independent check.
    """
    inputs, result = _observed_run("FR-METRO", 2019)
    trips = result.trips[0]
    total = trips.sum()
    km = _local_km(inputs, result, 0)
    rows = [
        (
            "Local trips per person aged 6+ a weekday",
            total / result.residents[0],
            3.0,
            "EMP 2019 (« environ trois »)",
            "calibrated: 181 million trips",
        ),
        ("Local trips a weekday (million)", total / 1e6, 181.0, "EMP 2019", "calibrated"),
        (
            "Car share of local trips (%)",
            100 * trips[:2].sum() / total,
            63.0,
            "EMP 2019",
            "calibrated",
        ),
        ("Walking share (%)", 100 * trips[4] / total, 23.7, "EMP 2019", "calibrated"),
        ("Public transport share (%)", 100 * trips[2] / total, 9.1, "EMP 2019", "calibrated"),
        ("Bike share (%)", 100 * trips[3] / total, 2.7, "EMP 2019", "calibrated"),
        (
            "Commuters by car (%)",
            100 * inputs.shares[0, LOCAL.index("car")],
            74.0,
            "census 2017 (Insee Première n°1835)",
            "calibrated",
        ),
        (
            "Car share of local distances (%)",
            100 * result.car_share_of_distance(True)[0],
            80.0,
            "CGDD/SDES infographic, EMP 2019",
            "check: trip lengths by mode from EMP durations and assumed speeds",
        ),
        (
            "Local km per person a weekday",
            km * total / result.residents[0],
            24.0,
            "ENTD 2008 (2019 not found)",
            "calibrated: 24 km / 2.9 trips per trip",
        ),
    ]
    return pd.DataFrame(rows, columns=["indicator", "prospectif", "published", "source", "use"])


def france_emissions(year: int = 2024) -> dict[str, float]:
    """Residents' mobility in France in ``year``, with the inventory's comparable figures.

    Returns car vehicle-km (billion), tailpipe emissions of cars and two-wheelers and life-cycle
    emissions with air (MtCO2e), and the inventory's transport and car emissions (MtCO2e).
    """
    inputs, result = _observed_run("FR", year)
    row = -1
    car_vkm = result.car_vkm_local[row] + result.car_vkm_long[row]
    two_wheeler = result.two_wheeler_vkm[row] * inputs.two_wheeler_kwh_per_km * TAILPIPE[0] / 1e9
    cars = (
        (car_vkm * result.fleet_shares[row] * result.fleet_efficiency[row]) @ CONSUMPTION @ TAILPIPE
    ) / 1e9
    return {
        "car_vkm_billion": car_vkm / 1e9,
        "fleet_vkm_billion": SDES_FLEET_KM / 1e9,
        "tailpipe_cars": cars,
        "tailpipe_two_wheelers": two_wheeler,
        "tailpipe": result.tailpipe_kt[row] / 1e3,
        "life_cycle": result.life_cycle_kt[row] / 1e3,
        "air": result.air_kt[row] / 1e3,
        "inventory_transport": INVENTORY_2024["transport"],
        "inventory_cars": INVENTORY_2024["transport"] * INVENTORY_2024["cars_share"],
    }


def _defaults_table() -> list[str]:
    defaults = type_defaults()
    lines = [
        "| density type | car share, commuting / other trips | walking, other trips | "
        "car trip, commuting / other (km) |",
        "|---|---|---|---|",
    ]
    car, walk = LOCAL.index("car"), LOCAL.index("walking")
    for k, kind in enumerate(TYPES):
        shares, km = defaults.shares[:, k], defaults.distance_km[:, k]
        lines.append(
            f"| {kind} | {100 * shares[0, car]:.0f} / {100 * shares[1, car]:.0f} % | "
            f"{100 * shares[1, walk]:.0f} % | {km[0, car]:.1f} / {km[1, car]:.1f} |"
        )
    return lines


def markdown() -> str:
    """The mobility section of ``docs/validation.md``, with the figures computed now."""
    density = density_check()
    base = france_base_year()
    emissions = france_emissions()
    lines = [
        "## Mobility",
        "",
        "Generated by `make validation` (`prospectif.validation.mobility`). Method and sources:",
        "[methodology/mobility.md](methodology/mobility.md).",
        "",
        "### Density types (approximation of INSEE's grid)",
        "",
        "Communes classified from their mean density and population (not INSEE's 1 km² cells),",
        "2017 populations; INSEE's grid for 2016 (Insee Focus n°169, 2019).",
        "",
        "| type | population share | INSEE | mean density (inh./km²) | INSEE | communes |",
        "|---|---|---|---|---|---|",
    ]
    for kind, r in density.iterrows():
        lines.append(
            f"| {kind} | {r.share:.1f} % | {r.insee_share:.0f} % | {r.density:,.0f} | "
            f"{r.insee_density:,.0f} | {r.communes:,.0f} |"
        )
    lines += [
        "",
        "### Metropolitan France in the base year 2019",
        "",
        "Residents aged 6 and over of metropolitan France (the scope of the national survey EMP",
        "2019), INSEE population of 1 January 2019, national defaults by density type. Most",
        "figures were used to calibrate the defaults, so they must come out exactly; the car",
        "share of distances is an independent check.",
        "",
        "| indicator | Prospectif | published | source | use |",
        "|---|---|---|---|---|",
    ]
    for r in base.itertuples():
        lines.append(
            f"| {r.indicator} | {r.prospectif:.3g} | {r.published:.3g} | {r.source} | {r.use} |"
        )
    lines += [
        "",
        "Calibrated behaviour by density type (rural: published rural shares; intermediate:",
        "halfway; dense: what makes France's average):",
        "",
        *_defaults_table(),
        "",
        "### Residents' mobility emissions beside the national inventory (France, 2024)",
        "",
        "| measure | Prospectif (residents' mobility) | national inventory |",
        "|---|---|---|",
        f"| car vehicle-km (billion) | {emissions['car_vkm_billion']:.0f} | "
        f"{emissions['fleet_vkm_billion']:.0f} (French fleet: 39.7 M cars × 11,600 km, SDES) |",
        f"| car tailpipe emissions (MtCO2e) | {emissions['tailpipe_cars']:.1f} | "
        f"{emissions['inventory_cars']:.1f} (53 % of transport) |",
        f"| two-wheeler tailpipe emissions (MtCO2e) | {emissions['tailpipe_two_wheelers']:.1f} | |",
        f"| transport, all (MtCO2e) | | {emissions['inventory_transport']:.0f} (Citepa, 2024) |",
        f"| residents' mobility, life cycle (MtCO2e) | {emissions['life_cycle']:.1f}, "
        f"of which air {emissions['air']:.1f} | |",
        "",
        "The inventory counts the fuel burnt on French territory by every vehicle; the model",
        "counts the travel of residents. Hence:",
        "",
        "- 47 % of transport emissions are not cars: heavy goods vehicles (27 %), vans (15 %),",
        "  two-wheelers, buses and coaches, domestic flights, shipping and rail;",
        "- cars: the model's car-km are about "
        f"{100 * (1 - emissions['car_vkm_billion'] / emissions['fleet_vkm_billion']):.0f} %",
        "  below the fleet's: company, rental and taxi cars used for work (the survey counts",
        "  personal trips), foreign cars, and the survey's weekday trips converted to a year",
        "  with weekend days at 80 % of a weekday; the fuel per km is ADEME's average (0.192",
        "  kgCO2e/km), not the fuel sold;",
        "- life cycle adds fuel production, car manufacturing, public transport and the",
        "  residents' flights, including international ones (outside the national inventory);",
        "- the 2024 fleet is taken as that of 1 January 2025.",
        "",
    ]
    return "\n".join(lines)
