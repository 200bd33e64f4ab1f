"""Communes by density, in the spirit of INSEE's municipal density grid (grille communale).

INSEE classifies communes from 1 km² cells: contiguous cells of at least 1,500 inhabitants/km²
holding 50,000 people or more make *urban centres*, cells of at least 300/km² holding 5,000 or
more make *urban clusters*, and a commune takes the type of the cluster where most of its
population lives (INSEE, *La grille communale de densité*, 2020; Insee Focus n°169, 2019). The
embedded data have no cells, only each commune's 2017 population and area, so the commune's
mean density stands in for its cells (Choix de modélisation):

- thresholds on mean density (inhabitants/km²): dense ≥ 900, intermediate ≥ 200, rural ≥ 25,
  very rural below. 25/km² is INSEE's threshold for very sparsely populated cells; 900 and 200
  are lower than the cell thresholds (1,500 and 300) because a commune's mean density also
  counts its fields and forests;
- the grid's cluster sizes: a commune is dense only if the communes of its EPCI at or above the
  dense threshold hold 50,000 people together (the urban centre; otherwise it is
  intermediate, e.g. Le Creusot); a commune of 50,000 inhabitants or more is at least
  intermediate and one of 5,000 or more at least rural (Arles, Kourou: low mean density, but
  a compact town).

The two density thresholds are set so that the population shares of the four types (38.1,
28.9, 28.6 and 4.4 % in 2017) match INSEE's 2016 grid (38, 30, 29 and 4 %; Insee Focus n°169,
2019); the mean densities of the types (about 2,960, 430, 61 and 11 inhabitants/km²) are then
close to INSEE's (about 3,000, 413, 64 and 14; Observatoire de la société, relaying INSEE).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..errors import ModelError
from ..territory import Territory
from .demographic import demographic_base

DENSITY_TYPES = ("dense", "intermediate", "rural", "very_rural")
"""The four types, densest first (INSEE: densément peuplées, intermédiaires, peu denses, très
peu denses)."""

LABELS_FR = {
    "dense": "Communes denses",
    "intermediate": "Densité intermédiaire",
    "rural": "Rural (peu dense)",
    "very_rural": "Rural très peu dense",
}
"""French labels of the types, for figures."""

THRESHOLDS = (900.0, 200.0, 25.0)
"""Lower bounds of mean density (inhabitants/km²) of dense, intermediate and rural communes."""

URBAN_CENTRE = 50_000
"""Least population of an urban centre (persons; INSEE grid)."""

POPULATION_FLOORS = ((URBAN_CENTRE, "intermediate"), (5_000, "rural"))
"""Communes at least this populous are at least of this type (INSEE cluster sizes)."""

INSEE_SHARES_2016 = {"dense": 38.0, "intermediate": 30.0, "rural": 29.0, "very_rural": 4.0}
"""Population share of each type in INSEE's grid, 2016 (%; Insee Focus n°169, Nov. 2019)."""


def classify(population: np.ndarray, area_km2: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Density type index (position in :data:`DENSITY_TYPES`) of communes.

    Parameters
    ----------
    population
        Inhabitants (persons).
    area_km2
        Area (km², positive).
    group
        Label of the group whose dense communes together form an urban centre (the EPCI).
    """
    population = np.asarray(population, float)
    density = population / np.asarray(area_km2, float)
    kind = np.searchsorted(-np.asarray(THRESHOLDS), -density, side="left")
    centre = pd.Series(np.where(kind == 0, population, 0.0)).groupby(np.asarray(group))
    small_centre = (kind == 0) & (centre.transform("sum").to_numpy() < URBAN_CENTRE)
    kind = np.where(small_centre, 1, kind)
    for floor, at_least in POPULATION_FLOORS:
        kind = np.where(population >= floor, np.minimum(kind, DENSITY_TYPES.index(at_least)), kind)
    return kind


def _weights(communes: pd.DataFrame, data: Dataset) -> pd.Series:
    """Population of each commune (persons), the weight of the type mixes.

    The 2017 legal population, or, in a département whose communes all lack it (Mayotte), the
    INSEE estimate of the département on 1 January 2017 spread by area.
    """
    population = communes["population_2017"].astype(float)
    known = population.groupby(communes["dep"]).transform("sum") > 0
    if known.all():
        return population
    base = demographic_base(data)
    totals = pd.Series(
        np.nansum(base.population_in(2017), axis=(-1, -2)), index=list(base.deps), dtype=float
    )
    area = communes["area_km2"]
    share = area / area.groupby(communes["dep"]).transform("sum")
    return population.where(known, communes["dep"].map(totals) * share)


def commune_density_types(data: Dataset | None = None) -> pd.DataFrame:
    """Every commune of ``data`` with its density type (computed once per data set).

    Returns
    -------
    pandas.DataFrame
        Columns ``code``, ``dep``, ``epci``, ``population`` (persons, the weight used for
        mixes), ``area_km2`` (km²; a missing area takes the median of its département),
        ``density`` (inhabitants/km²) and ``type`` (one of :data:`DENSITY_TYPES`).
    """
    return _communes(data).copy()


def _communes(data: Dataset | None) -> pd.DataFrame:
    data = data or open_data()
    return data.derived("density.communes", lambda: _classify_communes(data))


def _classify_communes(data: Dataset) -> pd.DataFrame:
    frame = data.table("communes")[["code", "dep", "epci", "population_2017", "area_km2"]]
    median_area = frame.groupby("dep")["area_km2"].transform("median")
    frame = frame.assign(area_km2=frame["area_km2"].fillna(median_area))
    frame["population"] = _weights(frame, data)
    frame = frame.drop(columns="population_2017")
    frame["density"] = frame["population"] / frame["area_km2"]
    group = frame["epci"].where(frame["epci"] != "", frame["code"]).to_numpy()
    kind = classify(frame["population"].to_numpy(), frame["area_km2"].to_numpy(), group)
    frame["type"] = pd.Categorical.from_codes(kind, categories=list(DENSITY_TYPES))
    return frame


def territory_type_mix(territory: Territory, data: Dataset | None = None) -> pd.Series:
    """Share of a territory's population living in each density type (fraction, sums to 1).

    Communes, EPCI and perimeters use their member communes; départements, régions and France
    weight each département's communes by the territory's share of that département.

    Raises
    ------
    ValueError
        If the territory's communes have no population (e.g. an uninhabited commune).
    """
    if territory.members:
        table = _communes(data)
        rows = table[table["code"].isin(territory.members)]
        return _mix(rows["population"], rows["type"])
    people = _departement_people(data).loc[list(territory.departements)]
    return _mix_of(people.mul(territory.shares, axis=0).sum())


def _mix_of(people: pd.Series) -> pd.Series:
    total = people.sum()
    if total <= 0:
        raise ModelError("model.no_population")
    mix = people / total
    mix.index = pd.Index(list(DENSITY_TYPES), name="type")
    return mix


def _mix(weights: pd.Series, types: pd.Series) -> pd.Series:
    return _mix_of(weights.groupby(types, observed=False).sum().reindex(list(DENSITY_TYPES)))


def _departement_people(data: Dataset | None) -> pd.DataFrame:
    """Population of each density type in every département (persons), index ``dep``."""
    data = data or open_data()
    return data.derived("density.departements", lambda: _people(_communes(data)))


def _people(table: pd.DataFrame) -> pd.DataFrame:
    people = table.pivot_table(
        index="dep", columns="type", values="population", aggfunc="sum", observed=False
    )
    return people.reindex(columns=list(DENSITY_TYPES)).fillna(0.0)


def departement_type_mix(data: Dataset | None = None) -> pd.DataFrame:
    """Population share of each density type in every département (fraction), for maps.

    Returns
    -------
    pandas.DataFrame
        Index ``dep`` (INSEE code), one column per type of :data:`DENSITY_TYPES`; rows sum to 1.
    """
    people = _departement_people(data)
    return people.div(people.sum(axis=1), axis=0)
