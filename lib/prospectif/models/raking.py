"""Top-down raking of projected units to the projection of the level above (pure NumPy).

INSEE's local projections (Omphale) are made for each zone and then adjusted so the zones of a
département add up to the département's projection. :func:`rake_projection` does the same:
the units of each group (the EPCI pieces of a département, or a commune and the rest of its
EPCI) are scaled cell by cell (year × sex × age for stocks and deaths, year × sex for births) so
they add up exactly to the group's total; net migration is then the balancing item of each
unit's accounts, so every unit's stocks and flows stay consistent and the units' migration adds
up to the group's.
"""

from __future__ import annotations

import numpy as np

from .demography import Projection


def rake_cells(parts: np.ndarray, group: np.ndarray, whole: np.ndarray) -> np.ndarray:
    """``parts`` (year, unit, …) scaled per cell so the units of each group sum to ``whole``
    (year, group, …); cells where the group's units are all zero share the total equally.
    """
    sums = np.zeros_like(whole)
    np.add.at(sums, (slice(None), group), parts)  # type: ignore[arg-type]  # numpy stubs
    sizes = np.maximum(np.bincount(group, minlength=whole.shape[1]), 1).astype(float)
    even = (whole / sizes.reshape(1, -1, *([1] * (whole.ndim - 2))))[:, group]
    safe = np.where(sums > 0, sums, 1.0)
    return np.where(sums[:, group] > 0, parts * (whole / safe)[:, group], even)


def accounts_migration(
    population: np.ndarray, births: np.ndarray, deaths: np.ndarray, infant_deaths: np.ndarray
) -> np.ndarray:
    """Net migration (year−1, unit, sex, age) closing each unit's accounts cell by cell.

    The population at the end of year t at age a is the survivors of age a−1 (the open age
    also keeps its own survivors) plus migration; at age 0 it is the surviving births plus
    migration (the same identities as :func:`~prospectif.models.demography.project`).
    """
    survivors = population[:-1] - deaths
    aged = np.zeros_like(survivors)
    aged[..., 1:] = survivors[..., :-1]
    aged[..., -1] += survivors[..., -1]
    aged[..., 0] = births - infant_deaths
    return population[1:] - aged


def rake_projection(parts: Projection, group: np.ndarray, whole: Projection) -> Projection:
    """The units of ``parts`` raked to ``whole``, unit ``u`` belonging to group ``group[u]``.

    Parameters
    ----------
    parts
        Projection of the units (same years as ``whole``).
    group
        Position in ``whole``'s units of each unit's group, shape (unit,).
    whole
        Projection of the groups.

    Returns
    -------
    Projection
        Stocks, births and deaths adding up exactly (to rounding) to ``whole`` by year, sex and
        age; migration the balancing item of each unit, adding up to ``whole``'s migration.
    """
    group = np.asarray(group, dtype=int)
    population = rake_cells(parts.population, group, whole.population)
    births = rake_cells(parts.births, group, whole.births)
    deaths = rake_cells(parts.deaths, group, whole.deaths)
    infant = rake_cells(parts.infant_deaths, group, whole.infant_deaths)
    migration = accounts_migration(population, births, deaths, infant)
    return Projection(parts.years, population, births, deaths, infant, migration)


def concat_projections(parts: list[Projection]) -> Projection:
    """Projections with the same years side by side along the unit axis."""
    fields = ("population", "births", "deaths", "infant_deaths", "migration")
    arrays = [np.concatenate([getattr(p, f) for p in parts], axis=1) for f in fields]
    return Projection(parts[0].years, *arrays)
