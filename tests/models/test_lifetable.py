import numpy as np
import pytest

from prospectif.models.lifetable import (
    extend_quotients,
    life_expectancy,
    projection_survival,
    solve_mortality_multiplier,
)

pytestmark = pytest.mark.usefixtures("english_messages")  # the English texts


def gompertz_qx(scale=1.0, ages=121):
    x = np.arange(ages)
    return 1.0 - np.exp(-scale * 3e-5 * np.exp(0.095 * x))


def test_constant_hazard_table_has_the_closed_form_expectancy():
    hazard = 0.02
    qx = np.full(400, 1 - np.exp(-hazard))
    # Mid-year deaths slightly understate the exact 1/hazard = 50 years.
    assert life_expectancy(qx) == pytest.approx(1 / hazard, rel=2e-3)


def test_solved_multiplier_reaches_the_target_to_machine_precision():
    qx = np.stack([gompertz_qx(1.0), gompertz_qx(1.6)])
    targets = np.array([88.0, 84.5])
    k = solve_mortality_multiplier(qx, targets)
    assert np.abs(life_expectancy(np.minimum(qx * k[:, None], 1)) - targets).max() < 1e-9


def test_unreachable_target_is_refused():
    with pytest.raises(ValueError, match="outside the reachable range"):
        solve_mortality_multiplier(gompertz_qx()[None], np.array([0.01]))


def test_projection_survival_closes_the_open_group_with_person_years():
    qx = gompertz_qx()
    by_age, at_birth = projection_survival(qx, 105)
    assert by_age.shape == (106,)
    assert np.all((by_age > 0) & (by_age < 1))
    assert 0.99 < at_birth < 1
    # The open group survives less than the age just below it.
    assert by_age[105] < by_age[104]


def test_extension_continues_the_gompertz_line():
    qx = gompertz_qx(ages=101)
    extended = extend_quotients(qx, 120)
    assert extended.shape == (121,)
    np.testing.assert_allclose(extended[101:110], gompertz_qx()[101:110], rtol=1e-6)
