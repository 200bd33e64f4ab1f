"""The fast path: results of many territories and scenarios computed by the library directly.

Gives the same numbers as the dashboards' notebooks (they call the same pipeline), in
milliseconds per run instead of seconds, for national maps and sweeps.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..pipeline import run, run_chains
from ..results import concat_tables
from ..scenario import Scenario
from .definition import check_populated


def run_many(
    territories: Iterable[str], scenarios: Iterable[Scenario], census: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One IAMC long table for every territory × scenario (territories outer, in order).

    Without ``census``, each scenario runs all the territories in one call
    (:func:`prospectif.pipeline.run_chains`).

    ``census`` (an INSEE census age table) applies to every territory; see
    :func:`prospectif.pipeline.run`.

    Raises
    ------
    TerritoryError
        If some territories have no population in the data.
    """
    scenarios, codes = list(scenarios), list(territories)
    check_populated(codes)
    if census is not None:
        return concat_tables(
            [run(code, scenario, census) for code in codes for scenario in scenarios]
        )
    chains = [run_chains(codes, scenario) for scenario in scenarios]
    return concat_tables(
        [by_scenario[i].table() for i in range(len(codes)) for by_scenario in chains]
    )
