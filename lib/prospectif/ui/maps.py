"""The indicator map of the synthesis: which territories are mapped, and their values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..calibration.density import departement_type_mix, territory_type_mix
from ..data import Dataset, open_data
from ..pipeline import ChainRun, run_chains, variant_chains
from ..scenario import Scenario
from ..territory import Territory, children, directory, get_territory
from ..viz.series import by_year


@dataclass(frozen=True)
class MapIndicator:
    """A mapped indicator: a result variable, optionally per inhabitant, with its unit."""

    key: str
    label: tuple[str, str]
    variable: str
    model: str
    unit: tuple[str, str]
    decimals: int = 1
    per_inhabitant: float = 0.0
    """When non-zero, the value is divided by the population and multiplied by this."""


MAP_INDICATORS = (
    MapIndicator(
        "croissance",
        ("Évolution de la population depuis 2025", "Population change since 2025"),
        "Population",
        "demography",
        ("%", "%"),
    ),
    MapIndicator(
        "85-ans",
        ("Part des 85 ans ou plus", "Share aged 85+"),
        "Population|Age 85+",
        "demography",
        ("% de la population", "% of population"),
        per_inhabitant=100,
    ),
    MapIndicator(
        "apa",
        ("Bénéficiaires de l'APA pour 1 000 habitants", "APA beneficiaries per 1,000 inhabitants"),
        "Autonomy|APA Beneficiaries",
        "ageing",
        ("pour 1 000 habitants", "per 1,000 inhabitants"),
        per_inhabitant=1000,
    ),
    MapIndicator(
        "emissions",
        (
            "Émissions de gaz à effet de serre par habitant",
            "Greenhouse-gas emissions per inhabitant",
        ),
        "Emissions|GHG",
        "energy",
        ("t CO2e par habitant", "t CO2e per inhabitant"),
        per_inhabitant=1000,
    ),
    MapIndicator(
        "couverture",
        ("Taux de couverture renouvelable", "Renewable coverage"),
        "Renewable Coverage",
        "energy",
        ("%", "%"),
    ),
)
"""Indicators offered on the map, comparable between territories of different sizes."""


def map_scope(territory: Territory, data: Dataset | None = None) -> tuple[str, tuple[str, ...]]:
    """The outline level and territory codes mapped around ``territory``: the EPCI of its
    département for a département, EPCI or commune of metropolitan France, otherwise every
    metropolitan département.
    """
    departement = next(
        (c for c in (territory.code, *territory.parents) if c.startswith("DEP-")), None
    )
    if (
        territory.kind in ("DEP", "EPCI", "COM")
        and departement
        and "FR-METRO" in (get_territory(departement, data).parents)
    ):
        return "epci", tuple(c for c in children(departement, data) if c.startswith("EPCI-"))
    table = directory(data)
    codes = table.loc[table["kind"] == "DEP", "code"]
    return "departements", tuple(c for c in codes if not c.startswith("DEP-97"))


def indicator_value(
    value: Callable[[str, int], float], indicator: MapIndicator, year: int, first_year: int
) -> float:
    """The indicator in ``year`` from ``value(variable, year)``; growth is since ``first_year``."""
    if indicator.key == "croissance":
        return 100 * (value(indicator.variable, year) / value("Population", first_year) - 1)
    if indicator.per_inhabitant:
        per_person = value(indicator.variable, year) / value("Population", year)
        return indicator.per_inhabitant * per_person
    return value(indicator.variable, year)


def map_values(
    codes: tuple[str, ...],
    scenario: Scenario,
    indicator: MapIndicator,
    year: int,
    data: Dataset | None = None,
) -> pd.Series:
    """The indicator for every territory of ``codes`` under ``scenario``, run in one call."""
    values = [
        _chain_indicator(chain, indicator, year) for chain in map_chains(codes, scenario, data)
    ]
    return pd.Series(np.array(values), index=[c.split("-", 1)[1] for c in codes])


def map_chains(
    codes: tuple[str, ...], scenario: Scenario, data: Dataset | None = None
) -> list[ChainRun]:
    """The chains of ``codes`` under ``scenario`` (:func:`~prospectif.pipeline.run_chains`).

    The chains of the last call are kept (one set per data set): while the scenario projects
    the same population (same demography, horizon and schedules: a services, energy or
    ageing lever moved), their projections are reused with the results of the models no
    changed section moves (:func:`~prospectif.pipeline.variant_chains`), so a move does not
    project the territories of the map again.
    """
    data = data or open_data()
    last: dict[tuple[str, ...], list[ChainRun]] = data.derived("ui.map.chains", dict)
    kept = last.get(codes)
    if kept and _projects_the_same(kept[0].scenario, scenario):
        chains = [variant_chains(chain, [scenario])[0] for chain in kept]
    else:
        chains = run_chains(codes, scenario, data)
    last.clear()
    last[codes] = chains
    return chains


def _projects_the_same(a: Scenario, b: Scenario) -> bool:
    return (a.demography, a.horizon, a.schedules) == (b.demography, b.horizon, b.schedules)


def _chain_indicator(chain: ChainRun, indicator: MapIndicator, year: int) -> float:
    """The indicator in ``year`` from a chain: its population from the projection, its
    variable from its model's series (the demography's other series are not computed).
    """
    demography = chain.demography
    series = {"Population": by_year(demography.years, demography.population.sum(axis=(-1, -2)))}
    if indicator.variable != "Population":
        wanted = (s for s in chain.series((indicator.model,)) if s.variable == indicator.variable)
        found = next(wanted)
        series[indicator.variable] = by_year(found.years, found.values)

    def value(variable: str, at: int) -> float:
        return series[variable][at]

    return indicator_value(value, indicator, year, int(demography.years[0]))


def rural_shares(codes: tuple[str, ...], data: Dataset | None = None) -> pd.Series:
    """Share of each territory's population living in rural communes (low or very low
    density, %), from the commune density classification (kept on the data set).
    """
    data = data or open_data()
    return data.derived(f"rural-shares.{'.'.join(codes)}", lambda: _rural_shares(codes, data))


def _rural_shares(codes: tuple[str, ...], data: Dataset) -> pd.Series:
    keys = [c.split("-", 1)[1] for c in codes]
    if all(c.startswith("DEP-") for c in codes):
        mixes = departement_type_mix(data).loc[keys]
    else:
        mixes = pd.DataFrame(
            [territory_type_mix(get_territory(c, data), data) for c in codes], index=keys
        )
    return 100 * (mixes["rural"] + mixes["very_rural"])
