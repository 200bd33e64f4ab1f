"""Tests of the local base structures (the département's pyramid raked to census marginals)."""

from __future__ import annotations

import numpy as np
import pytest

from prospectif.calibration import local_structure as mod
from prospectif.calibration.demographic import demographic_base
from prospectif.data import open_data
from prospectif.errors import DataError
from prospectif.territory import STRUCTURE_LOCAL, STRUCTURE_SHARE, get_territory

AGES = mod.OPEN_AGE + 1


@pytest.fixture(scope="module")
def local() -> mod.LocalStructures:
    return mod.local_structures(open_data())


def dep_population(dep: str) -> np.ndarray:
    base = demographic_base(open_data())
    return base.population_in(mod.BASE_YEAR)[base.dep_index([dep])[0]]


def communes_of(dep: str) -> tuple[str, ...]:
    communes = open_data().table("communes")
    return tuple(communes.loc[communes["dep"] == dep, "code"])


def synthetic(seed: int = 0) -> tuple:
    """Two départements: 3 units (two with marginals, one remainder) and 2 units."""
    rng = np.random.default_rng(seed)
    cells = rng.uniform(50, 150, (2, 2, AGES))
    shares = np.array([0.3, 0.5, 0.2, 0.6, 0.4])
    dep = np.array([0, 0, 0, 1, 1])
    totals = shares * cells.sum(axis=(1, 2))[dep]
    seed_pop = (cells / cells.sum(axis=(1, 2))[:, None, None])[dep] * totals[:, None, None]
    tilt = np.array([1.1, 0.9, 1.0, 1.05, 1.0])  # younger / older than the département
    counts = mod.marginal_shares(seed_pop) * tilt * totals[:, None]
    counts[[2, 4]] = np.nan  # remainder units
    targets = mod.partition_targets(counts, totals)
    starts = np.array([0, 3])
    remainder = np.isnan(counts).any(1)
    parts = mod.partitions(AGES)
    groups = [np.einsum("dsa,gsa->dg", cells, p.astype(float)) for p in parts]
    targets = [totals[:, None]] + [
        mod.harmonise(t, remainder, starts, g) for t, g in zip(targets[1:], groups[1:], strict=True)
    ]
    return seed_pop, parts, targets, starts, cells, counts, totals


def test_rake_reproduces_margins_and_cells() -> None:
    seed_pop, parts, targets, starts, cells, counts, totals = synthetic()
    fitted, converged = mod.rake(seed_pop, parts, targets, starts, cells)
    assert converged.all()
    got = mod.marginal_shares(fitted) * fitted.sum(axis=(1, 2))[:, None]
    np.testing.assert_allclose(got[[0, 1, 3]], counts[[0, 1, 3]], rtol=1e-9)
    np.testing.assert_allclose(fitted.sum(axis=(1, 2)), totals, rtol=1e-12)
    np.testing.assert_allclose(np.add.reduceat(fitted, starts), cells, rtol=1e-12)
    assert (fitted >= 0).all()


def test_rake_stops_and_flags_a_departement_that_cannot_converge() -> None:
    seed_pop, parts, targets, starts, cells, *_ = synthetic()
    # one unit holding its whole département cannot differ from it: infeasible
    impossible = [t.copy() for t in targets]
    impossible[1][3:] = np.array([[0.5, 0.1, 0.1, 0.2, 0.1]]) * impossible[0][3:]
    impossible[1][4:] = 0.0
    impossible[0][4] = 0.0
    impossible[0][3] = cells[1].sum()
    fitted, converged = mod.rake(seed_pop, parts, impossible, starts, cells, max_iterations=50)
    assert converged.tolist() == [True, False]


def test_negative_target_is_refused() -> None:
    seed_pop, parts, targets, starts, cells, *_ = synthetic()
    targets[1][0, 0] = -1.0
    with pytest.raises(DataError, match="marge locale impossible"):
        mod.rake(seed_pop, parts, targets, starts, cells)


def test_communes_add_up_to_their_departement(local) -> None:
    for dep in ("71", "13", "75", "2A"):
        np.testing.assert_allclose(local.of(communes_of(dep)), dep_population(dep), rtol=1e-12)


def test_margins_of_a_large_commune_are_reproduced(local) -> None:
    # Saône-et-Loire has room for its communes: the census targets are kept exactly
    data = open_data()
    census = data.table("communes_census").set_index("code").loc["71270"]
    macon = local.of(("71270",))
    dep = dep_population("71")
    index = mod.marginal_shares(dep) / mod.marginal_shares(
        demographic_base(data).population_in(mod.CENSUS_YEAR)[
            demographic_base(data).dep_index(["71"])[0]
        ]
    )
    wanted = np.array([census[f"rp2018_{n}"] for n in mod.MARGINALS]) / census["rp2018_total"]
    np.testing.assert_allclose(mod.marginal_shares(macon), wanted * index, rtol=1e-9)
    assert mod.marginal_shares(macon)[3] < mod.marginal_shares(dep)[3]  # fewer aged 75+


def test_small_communes_take_the_remainder(local) -> None:
    small = [c for c in communes_of("71") if not local.marginal[local.codes.get_loc(c)]]
    one, two = local.of((small[0],)), local.of((small[1],))
    np.testing.assert_allclose(one / one.sum(), two / two.sum(), rtol=1e-12)
    big = [c for c in communes_of("71") if local.marginal[local.codes.get_loc(c)]]
    rest = dep_population("71") - local.of(tuple(big))
    np.testing.assert_allclose(local.of(tuple(small)), rest, rtol=1e-9, atol=1e-9)


def test_flag_and_fallback(local) -> None:
    data = open_data()
    _, flag = mod.local_base(get_territory("COM-71270", data), data)
    assert flag == STRUCTURE_LOCAL
    stuck = local.codes[~local.fitted]
    assert set(data.table("communes").set_index("code").loc[stuck, "dep"]) <= {"94", "976"}
    commune = get_territory(f"COM-{stuck[0]}", data)
    population, flag = mod.local_base(commune, data)
    assert flag == STRUCTURE_SHARE
    dep = dep_population(commune.departements[0])
    np.testing.assert_allclose(population / population.sum(), dep / dep.sum(), rtol=1e-12)


def test_no_communes_is_refused(local) -> None:
    with pytest.raises(DataError, match="aucune commune"):
        local.of(())
