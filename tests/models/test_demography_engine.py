"""Analytic checks of the cohort-component engine on synthetic inputs."""

import numpy as np
import pytest

from prospectif.models.demography import RatePaths, fertility_schedule, linear_path, project

AGES = 106


def paths(years=30, units=2, survival=0.99, fertility=0.0, rates=None, counts=0.0):
    asfr = np.zeros((years, units, AGES))
    asfr[..., 20:40] = fertility
    return RatePaths(
        years=np.arange(2025, 2025 + years),
        survival=np.full((years, units, 2, AGES), survival),
        birth_survival=np.full((years, units, 2), 0.996),
        asfr=asfr,
        boys_share=105 / 205,
        migration_rates=rates,
        migration_counts=np.full((years, units, 2, AGES), counts),
        tfr=np.full((years, units), fertility * 20),
        life_expectancy=np.full((years, units, 2), 80.0),
    )


def base(units=2):
    rng = np.random.default_rng(1)
    return rng.uniform(1_000, 5_000, size=(units, 2, AGES))


def test_without_births_and_migration_cohorts_only_shrink_and_age():
    start = base()
    result = project(start, paths(survival=0.97))
    for t in range(1, 10):
        pop = result.population[t]
        np.testing.assert_allclose(pop[..., t : AGES - 1], start[..., : AGES - 1 - t] * 0.97**t)
        assert np.all(pop[..., :t] == 0)


def test_accounting_identity_holds_in_every_cell():
    rng = np.random.default_rng(2)
    rates = rng.normal(0, 0.01, size=(2, 2, AGES))
    result = project(base(), paths(fertility=0.08, rates=rates, counts=15.0, survival=0.98))
    p, b = result.population, result.births
    for t in range(len(result.years) - 1):
        # Cohort cells: P(a+1, t+1) = P(a, t) − deaths(a) + migration(a+1).
        expected = p[t, ..., :-2] - result.deaths[t, ..., :-2] + result.migration[t, ..., 1:-1]
        np.testing.assert_allclose(p[t + 1, ..., 1:-1], expected, rtol=1e-12, atol=1e-9)
        # Open group: survivors of 104 and 105+.
        open_group = (p[t, ..., -2:] - result.deaths[t, ..., -2:]).sum(-1) + result.migration[
            t, ..., -1
        ]
        np.testing.assert_allclose(p[t + 1, ..., -1], open_group, rtol=1e-12)
        # Age 0: births minus infant deaths plus migration.
        np.testing.assert_allclose(
            p[t + 1, ..., 0],
            b[t] - result.infant_deaths[t] + result.migration[t, ..., 0],
            rtol=1e-12,
        )
        # Totals.
        total = (
            p[t].sum((-1, -2))
            - result.deaths[t].sum((-1, -2))
            - result.infant_deaths[t].sum(-1)
            + b[t].sum(-1)
            + result.migration[t].sum((-1, -2))
        )
        np.testing.assert_allclose(p[t + 1].sum((-1, -2)), total, rtol=1e-12)


def test_constant_rates_converge_to_a_stable_population():
    result = project(base(1), paths(years=1500, units=1, fertility=0.11, survival=0.985))
    total = result.population.sum((-1, -2))[:, 0]
    growth = total[1:] / total[:-1]
    shares = result.population[:, 0, 0] / result.population[:, 0, 0].sum(-1, keepdims=True)
    early, late = np.abs(np.diff(growth[:20])).max(), np.abs(np.diff(growth[-20:])).max()
    assert late < 1e-3 * early
    share_change = np.abs(np.diff(shares, axis=0)).max(-1)
    assert share_change[-1] < 1e-2 * share_change[:20].max()


def test_emigration_never_makes_a_cell_negative():
    result = project(base(), paths(counts=-1e6))
    assert result.population.min() >= 0


def test_sex_ratio_at_birth_is_applied():
    result = project(base(), paths(fertility=0.1))
    boys, girls = result.births[..., 1], result.births[..., 0]
    np.testing.assert_allclose(boys / girls, 1.05)


def test_linear_path_reaches_and_holds_the_target():
    years = np.arange(2025, 2041)
    path = linear_path(1.5, 1.8, 2025, 2030, years)
    assert path[0] == 1.5 and path[5] == pytest.approx(1.8) and path[-1] == pytest.approx(1.8)


def test_shifted_schedule_moves_the_mean_age_by_the_shift():
    ages = np.arange(12, 56)
    reference = np.exp(-0.5 * ((ages - 31) / 5.0) ** 2)
    schedules = fertility_schedule(reference, ages, np.array([0.0, 1.5]), AGES)
    mean = (schedules * (np.arange(AGES) + 0.5)).sum(-1)
    assert schedules.sum(-1) == pytest.approx([1, 1])
    assert mean[1] - mean[0] == pytest.approx(1.5, abs=0.01)
