"""The ageing model's shortcut for constant prevalence (used by the thousands of units of
probabilistic runs) gives the sums of the general path."""

import numpy as np

from prospectif.calibration.ageing_calibration import ageing_inputs
from prospectif.models.ageing import FIRST_AGE, base_beneficiaries, setting_prevalence
from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.territory import get_territory


def test_constant_prevalence_shortcut_equals_the_rates_summed():
    scenario = load_preset("tendanciel")
    run = run_chain(get_territory("REG-27"), scenario)
    demography = run.demography
    inputs = ageing_inputs(demography.unit_territory, demography.data)
    population = demography.projection.population[..., FIRST_AGE:]
    elapsed = (demography.years - demography.years[0]).astype(float)
    e0 = demography.paths.life_expectancy
    prevalence = scenario.ageing.prevalence
    assert prevalence.scenario == "constant"
    fast = base_beneficiaries(inputs, elapsed, e0, prevalence, population)
    rates = setting_prevalence(inputs, elapsed, e0, prevalence)
    slow = np.einsum("xtusa,tusa->xtu", rates, population)
    np.testing.assert_allclose(fast, slow, rtol=1e-12)
    trending = prevalence.model_copy(update={"annual_trend": 1.0})
    np.testing.assert_allclose(
        base_beneficiaries(inputs, elapsed, e0, trending, population),
        np.einsum("xtusa,tusa->xtu", setting_prevalence(inputs, elapsed, e0, trending), population),
        rtol=1e-12,
    )
