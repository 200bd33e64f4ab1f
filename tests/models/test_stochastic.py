"""The stochastic demography model: deviations, their draws and the projection of draws."""

import dataclasses

import numpy as np
import pytest

from prospectif.errors import ModelError
from prospectif.models.demography import RatePaths, project
from prospectif.models.stochastic import Shocks, StochasticParameters, ar1, draw_shocks

PARAMS = StochasticParameters(
    tfr_phi=0.9,
    tfr_sigma=0.03,
    fertility_local_sigma=0.01,
    e0_sigma=0.2,
    e0_drift_sigma=0.02,
    e0_sensitivity=(-7.0, -8.0),
    mortality_local_sigma=0.005,
    migration_phi=0.8,
    migration_sigma=30_000.0,
    migration_local_phi=0.7,
    migration_local_sigma=0.002,
    fitted_until=2025,
)
PROFILE = np.full((2, 4), 1 / 8)


def toy_paths(steps=5, units=2):
    ages = 4
    return RatePaths(
        years=np.arange(2025, 2025 + steps),
        survival=np.full((steps, units, 2, ages), 0.98),
        birth_survival=np.full((steps, units, 2), 0.996),
        asfr=np.tile(np.array([0.0, 0.5, 0.4, 0.0]), (steps, units, 1)),
        boys_share=0.512,
        migration_rates=None,
        migration_counts=np.full((steps, units, 2, ages), 3.0),
        tfr=np.full((steps, units), 0.9),
        life_expectancy=np.full((steps, units, 2), 80.0),
    )


def test_ar1_with_phi_one_is_a_random_walk_and_has_the_stationary_variance():
    walk = ar1(np.random.default_rng(1), 1.0, 0.5, 30, (4,))
    noise = np.random.default_rng(1).standard_normal((30, 4)) * 0.5
    np.testing.assert_allclose(walk, noise.cumsum(0))
    paths = ar1(np.random.default_rng(2), 0.5, 1.0, 200, (4000,))
    assert paths[-1].std() == pytest.approx(1 / np.sqrt(1 - 0.25), rel=0.05)


def shocks_of(params, seed, local_seed):
    return draw_shocks(
        params,
        10,
        50,
        np.array([0.01, 0.02]),
        np.array([5e5, 1e6]),
        PROFILE,
        np.random.default_rng(seed),
        np.random.default_rng(local_seed),
    )


def test_the_same_seed_gives_the_same_draws():
    a, b, c = shocks_of(PARAMS, 3, 7), shocks_of(PARAMS, 3, 7), shocks_of(PARAMS, 3, 8)
    np.testing.assert_array_equal(a.fertility, b.fertility)
    np.testing.assert_array_equal(a.migration, b.migration)
    assert a.fertility.shape == (10, 50, 2) and a.mortality.shape == (10, 50, 2, 2)
    assert a.migration.shape == (10, 50, 2)
    assert not np.allclose(a.fertility, c.fertility)


def test_national_deviations_are_shared_by_units_and_chunks():
    national = dataclasses.replace(
        PARAMS, fertility_local_sigma=0.0, mortality_local_sigma=0.0, migration_local_sigma=0.0
    )
    a, c = shocks_of(national, 3, 7), shocks_of(national, 3, 8)
    np.testing.assert_array_equal(a.fertility, c.fertility)  # local generator plays no part
    np.testing.assert_array_equal(a.fertility[..., 0], a.fertility[..., 1])
    np.testing.assert_allclose(a.migration[..., 1], 2 * a.migration[..., 0])  # by share
    assert np.log(a.fertility).std() > 0.01


def test_no_draw_or_no_year_is_refused():
    with pytest.raises(ModelError, match="au moins un tirage"):
        draw_shocks(PARAMS, 5, 0, np.ones(1), np.ones(1), PROFILE, np.random.default_rng(0))


def test_neutral_shocks_reproduce_the_deterministic_projection_for_every_draw():
    paths = toy_paths()
    base = np.full((2, 2, 4), 100.0)
    draws = 3
    neutral = Shocks(
        fertility=np.ones((5, draws, 2)),
        mortality=np.ones((5, draws, 2, 2)),
        migration=np.zeros((5, draws, 2)),
        profile=PROFILE,
        e0_sensitivity=np.array([-7.0, -8.0]),
    )
    single = project(base, paths)
    many = project(base, paths, neutral)
    assert many.population.shape == (6, draws, 2, 2, 4)
    for n in range(draws):
        np.testing.assert_allclose(many.population[:, n], single.population, rtol=1e-14)
        np.testing.assert_allclose(many.births[:, n], single.births, rtol=1e-14)


def test_drawn_projections_keep_the_balance_and_move_the_right_way():
    paths = toy_paths()
    base = np.full((2, 2, 4), 100.0)
    shocks = Shocks(
        fertility=np.full((5, 2, 2), [[1.0], [1.2]]),
        mortality=np.full((5, 2, 2, 2), 1.0),
        migration=np.zeros((5, 2, 2)),
        profile=PROFILE,
        e0_sensitivity=np.array([-7.0, -8.0]),
    )
    p = project(base, paths, shocks)
    change = p.population[1:].sum((-1, -2)) - p.population[:-1].sum((-1, -2))
    flows = p.births.sum(-1) - p.deaths.sum((-1, -2)) - p.infant_deaths.sum(-1)
    np.testing.assert_allclose(change, flows + p.migration.sum((-1, -2)), rtol=1e-12)
    assert (p.births[:, 1] > p.births[:, 0]).all()
    e0 = shocks.life_expectancy(paths.life_expectancy)
    np.testing.assert_allclose(e0, 80.0)
    longer = Shocks(
        shocks.fertility, np.full((5, 2, 2, 2), 0.8), shocks.migration, PROFILE, np.array([-7, -8])
    )
    assert (project(base, paths, longer).deaths.sum() < p.deaths.sum()).all()
    assert (longer.life_expectancy(paths.life_expectancy) > 80.0).all()


def test_a_projection_without_ages_keeps_deaths_and_migration_summed_over_age():
    paths = toy_paths()
    base = np.full((2, 2, 4), 100.0)
    shocks = draw_shocks(
        PARAMS, 5, 3, np.array([0.4, 0.6]), base.sum((-1, -2)), PROFILE, np.random.default_rng(4)
    )
    full, summed = project(base, paths, shocks), project(base, paths, shocks, by_age=False)
    np.testing.assert_array_equal(summed.population, full.population)
    np.testing.assert_array_equal(summed.births, full.births)
    assert summed.deaths.shape == full.deaths.shape[:-1] == summed.migration.shape
    np.testing.assert_allclose(summed.deaths, full.deaths.sum(-1), rtol=1e-14)
    np.testing.assert_allclose(summed.migration, full.migration.sum(-1), rtol=1e-14)


def test_a_slice_of_the_shocks_projects_as_its_part_of_the_whole():
    paths = toy_paths()
    base = np.full((2, 2, 4), 100.0)
    shocks = draw_shocks(
        PARAMS, 5, 6, np.array([0.4, 0.6]), base.sum((-1, -2)), PROFILE, np.random.default_rng(5)
    )
    whole = project(base, paths, shocks)
    part = project(base[1:], paths.take(np.array([1])), shocks.take(slice(2, 5), slice(1, 2)))
    np.testing.assert_array_equal(part.population, whole.population[:, 2:5, 1:])
