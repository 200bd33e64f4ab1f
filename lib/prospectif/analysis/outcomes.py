"""Result values of a model chain read without building its results table."""

from __future__ import annotations

import numpy as np

from ..errors import ResultsError
from ..pipeline import ChainRun
from ..results import Series


class Outcomes:
    """The result series of some models of a chain, by variable (registry names)."""

    def __init__(self, chain: ChainRun, models: tuple[str, ...]):
        self.series: dict[str, Series] = {s.variable: s for s in chain.series(models)}

    def _of(self, variable: str) -> Series:
        if variable not in self.series:
            raise ResultsError("verdict.missing", variable=variable)
        return self.series[variable]

    def at(self, variable: str, year: int) -> float:
        """The value of ``variable`` in ``year`` (its registry unit)."""
        found = self._of(variable)
        position = np.flatnonzero(np.asarray(found.years) == year)
        if not position.size:
            raise ResultsError("verdict.year", variable=variable, year=year)
        return float(found.values[position[0]])

    def first(self, variable: str) -> float:
        """The value of ``variable`` in its first year (the model's base year)."""
        return float(self._of(variable).values[0])
