"""The runs of a live session, kept by territory and scenario: the deterministic run of every
drawing, and the quantiles of the probabilistic runs while the uncertainty bands are on.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..pipeline import ChainRun, run_chain
from ..scenario import Scenario
from ..territory import get_territory
from ..uncertainty import UNCERTAIN_MODELS, VECTORISED_MODELS, run_uncertain

RUN_CACHE_SIZE = 24
"""Runs kept per session (current setting, variants, recent slider positions)."""
BAND_DRAWS = 1000
"""Draws behind the uncertainty bands of the dashboards."""
BAND_CHAIN_DRAWS = 100
"""Of them, draws run through mobility, energy and emissions (for the energy figures)."""
BAND_CACHE_SIZE = 8
"""Quantile tables kept per session."""


class RunCache:
    """The last runs computed in a session, by territory, scenario and models tabled."""

    def __init__(self, size: int = RUN_CACHE_SIZE):
        self.get = functools.lru_cache(maxsize=size)(_run)


def _run(
    territory_code: str, scenario: Scenario, models: tuple[str, ...]
) -> tuple[ChainRun, pd.DataFrame]:
    """The run and its results table (``models`` only)."""
    run = run_chain(get_territory(territory_code), scenario)
    return run, run.table(models)


class BandCache:
    """The quantile tables of the last probabilistic runs of a session, by territory and
    scenario; computed only when the bands are on (the slider path stays deterministic).
    """

    def __init__(self, models: tuple[str, ...], size: int = BAND_CACHE_SIZE):
        self.models = tuple(m for m in UNCERTAIN_MODELS if m in models)
        self.chain_draws = 0 if set(self.models) <= set(VECTORISED_MODELS) else BAND_CHAIN_DRAWS
        self.get = functools.lru_cache(maxsize=size)(self._quantiles)

    def _quantiles(self, territory_code: str, scenario: Scenario) -> pd.DataFrame:
        """The quantiles of ``BAND_DRAWS`` draws (seed 0) of the dashboard's models."""
        run = run_uncertain(territory_code, scenario, BAND_DRAWS, 0, self.chain_draws)
        return run.table(self.models)
