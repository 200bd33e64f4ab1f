"""Probabilistic runs (issue 17): 1,000 draws of one département and of every département to
2070, against the deterministic chain of the same territory in the same run."""

import pytest

from prospectif.calibration.uncertainty import stochastic_parameters
from prospectif.pipeline import run_chain
from prospectif.scenario import load_preset
from prospectif.territory import get_territory
from prospectif.uncertainty import run_uncertain


@pytest.fixture(scope="module")
def central():
    scenario = load_preset("insee-central")
    stochastic_parameters()  # estimated once per data set, like the demographic estimates
    return scenario


def test_deterministic_chain_reference(benchmark, central):
    """The reference: the deterministic demography and ageing of DEP-71 to 2070."""
    territory = get_territory("DEP-71")

    def chain():
        run = run_chain(territory, central)
        return run.ageing

    benchmark.pedantic(chain, rounds=5, iterations=1, warmup_rounds=1)


@pytest.mark.parametrize("chain_draws", [0, 100])
def test_thousand_draws_of_one_departement(benchmark, central, chain_draws):
    """Demography and ageing of 1,000 draws and their quantile table; with 100 draws also
    through mobility, energy and emissions."""
    models = ("demography", "ageing", "mobility", "energy", "emissions")

    def draws():
        return run_uncertain("DEP-71", central, 1000, 1, chain_draws).table(models)

    table = benchmark.pedantic(draws, rounds=3, iterations=1, warmup_rounds=1)
    assert table.attrs["draws"] == 1000


@pytest.mark.timeout(1800)
def test_thousand_draws_of_every_departement(benchmark, central):
    """Demography and ageing of 1,000 draws of France's 101 départements (their sum)."""

    def draws():
        return run_uncertain("FR", central, 1000, 1, 0).table(("demography", "ageing"))

    benchmark.pedantic(draws, rounds=1, iterations=1, warmup_rounds=0)
