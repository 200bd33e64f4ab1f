"""Local base structures of communes and EPCI: the département's pyramid raked to local marginals.

No full age-by-sex pyramid by commune is available offline. For each commune of 2,000
inhabitants or more, the 2018 census gives five marginals (ages 0–14, 15–29, 18–24, 75+ and
women). Each is carried to the base year as the commune's relative index to its département,

    target_c(g) = T_c · S_d(g, 2025) · [n_c(g) / n_c] / S_d(g, 2018),

with T_c the commune's base-year total (its 2017 legal population share of the département's
estimate), n_c the census counts and S_d the share of group g in the département's INSEE
estimates. Iterative proportional fitting (raking) then adjusts, for every département at once,
the units (communes with marginals, plus one *remainder* unit standing for all smaller
communes) so that each unit keeps its total and its marginals and the units add up to the
département cell by cell (sex × single age). Smaller communes share the remainder in proportion
to their totals. A département whose fit does not converge keeps the département's structure
for all its communes (flag ``departement-share``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data import Dataset, open_data
from ..errors import DataError
from ..models.axes import BASE_YEAR, OPEN_AGE, SEXES
from ..territory import STRUCTURE_LOCAL, STRUCTURE_SHARE, Territory, commune_shares
from .demographic import demographic_base

CENSUS_YEAR = 2018
"""Census year of the marginals (1 January)."""
MARGINALS = ("age_0_14", "age_15_29", "age_18_24", "age_75p", "women")
"""Census marginals used (columns ``rp2018_<name>`` of ``communes_census``)."""
AGE_GROUPS = ((0, 14), (15, 17), (18, 24), (25, 29), (30, 74), (75, OPEN_AGE))
"""Disjoint age groups the marginals determine; 15–17 and 25–29 form one group (15–29 less
18–24)."""
GROUP_OF_AGE = np.repeat([0, 1, 2, 1, 3, 4], [b - a + 1 for a, b in AGE_GROUPS])
"""Raking group of each single age 0…105+: 0–14, 15–17 + 25–29, 18–24, 30–74, 75+."""
TOLERANCE = 1e-11
"""Largest relative gap to a marginal or a unit total accepted as converged."""
MAX_ITERATIONS = 1000
"""Iterations after which a département that has not converged falls back."""
ROUNDING = 1e-6
"""Negative targets above −ROUNDING persons are rounding errors, set to 0."""
FLOOR = 0.5
"""Smallest remainder target, as a fraction of what the département's structure gives it."""


@dataclass(frozen=True)
class LocalStructures:
    """Base-year structures of every commune, kept compactly.

    Attributes
    ----------
    codes
        Commune codes (2025 geography).
    units
        Unit of each commune (position on the first axis of ``population``).
    weights
        Fraction of its unit's population each commune holds (1 for communes with marginals).
    population
        Persons by (unit, sex, age) in the base year: communes with marginals and one remainder
        unit per département, grouped by département.
    fitted
        True where the commune's structure comes from a converged fit (else the département's).
    marginal
        True where the commune has its own census marginals.
    """

    codes: pd.Index
    units: np.ndarray
    weights: np.ndarray
    population: np.ndarray
    fitted: np.ndarray
    marginal: np.ndarray

    @functools.cached_property
    def position(self) -> dict[str, int]:
        """Row of each commune code."""
        return {code: i for i, code in enumerate(self.codes)}

    def of(self, communes: tuple[str, ...]) -> np.ndarray:
        """Base-year persons by (sex, age) of a set of communes (codes).

        Raises
        ------
        DataError
            If the set is empty or holds a code without a structure.
        """
        position = self.position
        rows = np.array([position.get(c, -1) for c in communes], dtype=int)
        if not len(rows) or (rows < 0).any():
            raise DataError("local.no_communes", code=", ".join(communes)[:80] or "∅")
        return np.tensordot(self.weights[rows], self.population[self.units[rows]], ([0], [0]))


def partitions(n_ages: int = OPEN_AGE + 1) -> list[np.ndarray]:
    """One-hot cells of the raking partitions: all cells, the age groups, the sexes.

    Returns
    -------
    list of numpy.ndarray
        Boolean arrays (group, sex, age): 1 group (the unit total), 5 age groups
        (:data:`GROUP_OF_AGE`), 2 sexes (:data:`~prospectif.models.axes.SEXES`).
    """
    cells = (len(SEXES), n_ages)
    ages = GROUP_OF_AGE[:n_ages][None, None, :] == np.arange(5)[:, None, None]
    sexes = np.arange(len(SEXES))[:, None, None] == np.arange(len(SEXES))[None, :, None]
    return [
        np.ones((1, *cells), dtype=bool),
        np.broadcast_to(ages, (5, *cells)),
        np.broadcast_to(sexes, (len(SEXES), *cells)),
    ]


def partition_targets(counts: np.ndarray, totals: np.ndarray) -> list[np.ndarray]:
    """Targets of :func:`partitions` from marginals in the order of :data:`MARGINALS`.

    Parameters
    ----------
    counts
        Persons of each unit in each marginal (unit, marginal), NaN where it has none.
    totals
        Persons of each unit.

    Returns
    -------
    list of numpy.ndarray
        Persons (unit, group) of each partition, rows NaN where the unit has no marginals.
    """
    young, youth, students, old, women = counts.T
    ages = np.stack([young, youth - students, students, totals - young - youth - old, old], 1)
    return [totals[:, None], ages, np.stack([women, totals - women], 1)]


def rake(
    seed: np.ndarray,
    parts: list[np.ndarray],
    targets: list[np.ndarray],
    starts: np.ndarray,
    cells: np.ndarray,
    tolerance: float = TOLERANCE,
    max_iterations: int = MAX_ITERATIONS,
) -> tuple[np.ndarray, np.ndarray]:
    """Iterative proportional fitting of units to their partitions and to their groups' cells.

    Each iteration scales every unit to the targets of each partition in turn, then every
    cell (sex × age) of a département's units to the département's cell. Départements are
    independent: each stops as soon as it converges.

    Parameters
    ----------
    seed
        Persons by (unit, sex, age), units grouped by département.
    parts
        Partitions of the cells (group, sex, age), boolean, each group's cells disjoint.
    targets
        Persons of each unit in each group, one (unit, group) array per partition; a NaN row
        leaves the unit free in that partition.
    starts
        First unit of each département (increasing, from 0).
    cells
        Persons by (département, sex, age) the units of each département add up to.
    tolerance, max_iterations
        Convergence: largest gap to a target relative to the unit's total.

    Returns
    -------
    fitted, converged
        Persons by (unit, sex, age), adding up exactly (to rounding) to ``cells``; whether each
        département converged (its units keep the last iterate otherwise).

    Raises
    ------
    DataError
        If a target is negative.
    """
    for target in targets:
        if (target < 0).any():
            unit, group = np.argwhere(target < 0)[0]
            raise DataError("local.bad_marginal", unit=unit, group=group, value=target[unit, group])
    onehots = [p.astype(float) for p in parts]
    dep = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(seed))))
    fitted = seed.astype(float).copy()
    converged = np.zeros(len(starts), dtype=bool)
    for _ in range(max_iterations):
        active = np.flatnonzero(~converged)
        if not len(active):
            break
        rows = np.flatnonzero(~converged[dep])
        sub_starts = np.searchsorted(dep[rows], active)
        x = fitted[rows]
        for onehot, target in zip(onehots, targets, strict=True):
            x = _scale(x, onehot, target[rows])
        x *= np.repeat(
            _ratio(cells[active], np.add.reduceat(x, sub_starts)),
            np.diff(np.append(sub_starts, len(rows))),
            axis=0,
        )
        fitted[rows] = x
        gaps = _gaps(x, onehots, [t[rows] for t in targets])
        converged[active] = np.maximum.reduceat(gaps, sub_starts) < tolerance
    return fitted, converged


def harmonise(
    targets: np.ndarray,
    remainder: np.ndarray,
    starts: np.ndarray,
    groups: np.ndarray,
    floor: float = FLOOR,
    iterations: int = 200,
) -> np.ndarray:
    """Make one partition's targets add up to the département (two-way raking of unit × group).

    Census counts and INSEE estimates differ a little, so in départements made almost wholly
    of communes of 2,000 inhabitants or more the communes' targets may exceed the département
    (the remainder would be negative). The remainder units' targets are the département less
    the communes, at least ``floor`` times what the département's structure gives them; the
    unit × group table of each département is then raked to the unit totals and the
    département's groups. Where the remainder is non-negative nothing changes.

    Parameters
    ----------
    targets
        Persons (unit, group), rows NaN for the remainder units.
    remainder
        True for the remainder units (one per département).
    starts
        First unit of each département.
    groups
        Persons of the département in each group (dep, group).

    Returns
    -------
    numpy.ndarray
        Persons (unit, group), every row adding up to its unit's total and every département's
        units to its groups (to the raking's accuracy).
    """
    sizes = np.diff(np.append(starts, len(targets)))
    known = np.where(remainder[:, None], 0.0, targets)
    residual = groups - np.add.reduceat(known, starts)
    totals = groups.sum(1) - np.add.reduceat(known.sum(1), starts)
    expected = groups / groups.sum(1, keepdims=True) * totals[:, None]
    fill = np.maximum(residual, floor * expected)
    table = np.where(remainder[:, None], np.repeat(fill, sizes, axis=0), known)
    rows = np.where(remainder, np.repeat(totals, sizes), known.sum(1))
    if (residual >= 0).all():
        return table
    for _ in range(iterations):
        table *= _ratio(rows, table.sum(1))[:, None]
        table *= np.repeat(_ratio(groups, np.add.reduceat(table, starts)), sizes, axis=0)
    return table


def _scale(x: np.ndarray, onehot: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Scale each unit's cells of each group to the group's target (NaN: unchanged)."""
    current = np.einsum("usa,gsa->ug", x, onehot)
    factor = np.where(np.isnan(target), 1.0, _ratio(np.nan_to_num(target), current))
    return x * np.einsum("ug,gsa->usa", factor, onehot)


def _ratio(wanted: np.ndarray, current: np.ndarray) -> np.ndarray:
    """Wanted / current, 1 where ``current`` is 0 (an empty cell stays empty)."""
    safe = np.where(current > 0, current, 1.0)
    return np.where(current > 0, wanted / safe, 1.0)


def _gaps(x: np.ndarray, onehots: list[np.ndarray], targets: list[np.ndarray]) -> np.ndarray:
    """Largest gap of each unit to its targets, relative to its total."""
    scale = np.maximum(x.sum(axis=(1, 2)), 1e-300)
    gaps = [
        np.nan_to_num(np.abs(np.einsum("usa,gsa->ug", x, onehot) - target), nan=0.0).max(1)
        for onehot, target in zip(onehots, targets, strict=True)
    ]
    return np.max(gaps, axis=0) / scale


def local_structures(
    data: Dataset | None = None, census_year: int = CENSUS_YEAR, base_year: int = BASE_YEAR
) -> LocalStructures:
    """Structures of every commune in ``base_year`` from the marginals of ``census_year``
    (computed once per data set; the backtests use 2012 for both).
    """
    data = data or open_data()
    key = f"calibration.local_structures.{census_year}.{base_year}"
    return data.derived(key, lambda: _local_structures(data, census_year, base_year))


def marginal_shares(population: np.ndarray) -> np.ndarray:
    """Share of each marginal of :data:`MARGINALS` in ``population`` (…, sex, age) → (…, 5)."""
    ages = population.sum(-2)
    groups = np.stack([ages[..., GROUP_OF_AGE == g].sum(-1) for g in range(5)], -1)
    women = population[..., SEXES.index("F"), :].sum(-1)
    young, youth, students, _, old = np.moveaxis(groups, -1, 0)
    counts = np.stack([young, youth + students, students, old, women], -1)
    return counts / population.sum(axis=(-1, -2))[..., None]


def _local_structures(data: Dataset, census_year: int, base_year: int) -> LocalStructures:
    base = demographic_base(data)
    communes = data.table("communes")
    communes = communes.assign(share=commune_shares(communes).to_numpy())
    communes = communes[communes["dep"].isin(base.deps)]
    counts = data.table("communes_census").set_index("code").reindex(communes["code"])
    census = counts[[f"rp{census_year}_{name}" for name in MARGINALS]].to_numpy()
    census_shares = census / counts[[f"rp{census_year}_total"]].to_numpy()
    dep_pos = base.dep_index(communes["dep"])
    now, then = base.population_in(base_year), base.population_in(census_year)
    totals = communes["share"].to_numpy() * now.sum(axis=(1, 2))[dep_pos]
    index = marginal_shares(now) / marginal_shares(then)
    targets = partition_targets(totals[:, None] * census_shares * index[dep_pos], totals)
    marginal = ~np.isnan(census_shares).any(1) & ~(targets[1] < 0).any(1)
    # units: communes with marginals, then one remainder per département, grouped by département
    n_dep = len(base.deps)
    order = np.flatnonzero(marginal)
    unit_dep = np.concatenate([dep_pos[order], np.arange(n_dep)])
    rest = np.bincount(dep_pos[~marginal], totals[~marginal], minlength=n_dep)
    unit_total = np.concatenate([totals[order], rest])
    sort = np.argsort(unit_dep, kind="stable")
    unit_targets = [
        np.vstack([t[order], np.full((n_dep, t.shape[1]), np.nan)])[sort] for t in targets
    ]
    unit_dep = unit_dep[sort]
    starts = np.searchsorted(unit_dep, np.arange(n_dep))
    remainder = sort >= len(order)
    parts = partitions(now.shape[-1])
    unit_targets = [unit_total[sort, None]] + [
        harmonise(t, remainder, starts, np.einsum("dsa,gsa->dg", now, p.astype(float)))
        for t, p in zip(unit_targets[1:], parts[1:], strict=True)
    ]
    # harmonising may leave rounding-size negatives (−1e-10 persons) where a group is empty
    unit_targets = [np.where((t < 0) & (t > -ROUNDING), 0.0, t) for t in unit_targets]
    seed = (now / now.sum(axis=(1, 2))[:, None, None])[unit_dep] * unit_total[sort, None, None]
    fitted, converged = rake(seed, parts, unit_targets, starts, now)
    position = np.argsort(sort)
    units = np.where(marginal, 0, position[len(order) + dep_pos])
    units[order] = position[: len(order)]
    weights = np.where(marginal, 1.0, totals / np.maximum(rest[dep_pos], 1e-300))
    return LocalStructures(
        pd.Index(communes["code"].to_numpy()),
        units,
        weights,
        np.where(converged[unit_dep][:, None, None], fitted, seed),
        converged[dep_pos],
        marginal,
    )


def local_base(territory: Territory, data: Dataset | None = None) -> tuple[np.ndarray, str]:
    """Base-year persons by (sex, age) of a commune or EPCI and its structure flag.

    The flag is ``local-marginals`` when at least one of its communes lies in a département
    whose fit converged, else ``departement-share`` (the département's structure).
    """
    local = local_structures(data)
    rows = local.codes.get_indexer(list(territory.members))
    flag = STRUCTURE_LOCAL if local.fitted[rows[rows >= 0]].any() else STRUCTURE_SHARE
    return local.of(territory.members), flag
