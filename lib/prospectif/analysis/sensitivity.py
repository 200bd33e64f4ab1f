"""Sensitivity (tornado): how much each key assumption moves the key outputs.

Each key assumption is moved from the low to the high end of its *plausible* range (declared
in the schema, :func:`~prospectif.scenario.ranges.plausible_bounds`), the others held at the
scenario's values, and the key outputs are read in 2050 (or the horizon, if earlier). The
variants are computed in one pass (:func:`~prospectif.pipeline.variant_chains`): those that move
a demographic assumption are projected together, stacked in one call of the engine; the others
reuse the scenario's projection. Only the models an assumption can move
(:data:`~prospectif.pipeline.MODELS_OF_SECTION`) are run again; an output of another model keeps
the scenario's value exactly.

>>> result = sensitivity(run_chain(get_territory("DEP-71"), load_preset("tendanciel")))
>>> result.bars("Emissions|Inventory")[0]   # the assumption that moves emissions the most
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..pipeline import MODELS_OF_SECTION, ChainRun, variant_chains
from ..results.registry import VARIABLES
from ..scenario import Scenario
from ..scenario.ranges import Bounds, as_number, plausible_bounds
from .outcomes import Outcomes


@dataclass(frozen=True)
class Output:
    """A key output: a result variable in a year, emitted by ``model``."""

    variable: str
    year: int
    model: str


KEY_OUTPUTS = (
    Output("Population", 2050, "demography"),
    Output("Population|Age 85+", 2050, "demography"),
    Output("Autonomy|APA Beneficiaries", 2050, "ageing"),
    Output("Autonomy|Places Needed", 2050, "ageing"),
    Output("Final Energy", 2050, "energy"),
    Output("Emissions|Inventory", 2050, "emissions"),
)
"""The outputs of the tornado: population and 85+, APA beneficiaries and care-home places,
final energy and the whole greenhouse-gas inventory, in 2050."""


@dataclass(frozen=True)
class Bar:
    """One assumption's bar of a tornado.

    Attributes
    ----------
    bounds
        The assumption (key, labels, unit, plausible range and its source).
    setting
        Its value in the scenario.
    low, high
        The output with the assumption at the low and at the high end of its plausible range
        (the output's unit).
    """

    bounds: Bounds
    setting: float
    low: float
    high: float

    @property
    def swing(self) -> float:
        """``high − low``: the effect of moving the assumption across its plausible range."""
        return self.high - self.low


@dataclass(frozen=True)
class Sensitivity:
    """The tornado of a scenario: every key output under every key assumption at each end.

    ``values[o, a, e]`` is output ``o`` with assumption ``a`` at end ``e`` (0 low, 1 high);
    ``base[o]`` the output under the scenario; ``years[o]`` the year it is read.
    """

    scenario: Scenario
    outputs: tuple[Output, ...]
    assumptions: tuple[Bounds, ...]
    base: np.ndarray
    values: np.ndarray
    years: tuple[int, ...]

    def _index(self, variable: str) -> int:
        return [o.variable for o in self.outputs].index(variable)

    def base_value(self, variable: str) -> float:
        """The output ``variable`` under the scenario."""
        return float(self.base[self._index(variable)])

    def year(self, variable: str) -> int:
        """The year the output ``variable`` is read."""
        return self.years[self._index(variable)]

    def bars(self, variable: str) -> list[Bar]:
        """The assumptions that move output ``variable``, largest effect first."""
        o = self._index(variable)
        settings = self.scenario.assumptions()
        scale = max(abs(float(self.base[o])), 1.0)
        values = self.values[o]
        bars = [
            Bar(b, as_number(settings[b.key]), float(values[a, 0]), float(values[a, 1]))
            for a, b in enumerate(self.assumptions)
        ]
        moving = [bar for bar in bars if abs(bar.swing) > 1e-9 * scale]
        return sorted(moving, key=lambda bar: -abs(bar.swing))

    def table(self, lang: str = "fr") -> pd.DataFrame:
        """Every bar of every output, ranked, as a tidy table (labels in ``lang``)."""
        rows = []
        for output, year in zip(self.outputs, self.years, strict=True):
            base = self.base_value(output.variable)
            for rank, bar in enumerate(self.bars(output.variable), start=1):
                rows.append(
                    {
                        "variable": output.variable,
                        "year": year,
                        "unit": VARIABLES[output.variable].unit,
                        "rank": rank,
                        "assumption": bar.bounds.key,
                        "label": bar.bounds.label_in(lang),
                        "low": bar.bounds.span[0],
                        "high": bar.bounds.span[1],
                        "setting": bar.setting,
                        "value_low": bar.low,
                        "value_high": bar.high,
                        "value": base,
                        "swing": bar.swing,
                    }
                )
        return pd.DataFrame(rows)


def sensitivity(
    chain: ChainRun,
    outputs: Iterable[Output] = KEY_OUTPUTS,
    keys: Iterable[str] | None = None,
) -> Sensitivity:
    """The tornado of ``chain``'s scenario for ``outputs`` over the key assumptions (``keys``
    only, if given), computed in one pass (see the module's docstring).
    """
    outputs = tuple(outputs)
    wanted = None if keys is None else set(keys)
    models = {o.model for o in outputs}
    assumptions = tuple(
        b
        for b in plausible_bounds()
        if (wanted is None or b.key in wanted) and models & set(_moved_models(b))
    )
    horizon = chain.scenario.horizon
    years = tuple(min(o.year, horizon) for o in outputs)
    base = _read(chain, outputs, years, range(len(outputs)))
    variants = [
        chain.scenario.with_values({b.key: _typed(b, end)}) for b in assumptions for end in b.span
    ]
    chains = variant_chains(chain, variants)
    values = np.broadcast_to(base, (len(assumptions), 2, len(outputs))).copy()
    for a, b in enumerate(assumptions):
        moved = [k for k, o in enumerate(outputs) if o.model in _moved_models(b)]
        for end in (0, 1):
            values[a, end, moved] = _read(chains[2 * a + end], outputs, years, moved)
    return Sensitivity(chain.scenario, outputs, assumptions, base, np.moveaxis(values, 2, 0), years)


def _moved_models(bounds: Bounds) -> tuple[str, ...]:
    return MODELS_OF_SECTION[bounds.key.split(".")[0]]


def _typed(bounds: Bounds, value: float) -> float | int:
    return int(round(value)) if bounds.integer else float(value)


def _read(
    chain: ChainRun, outputs: tuple[Output, ...], years: tuple[int, ...], which: Iterable[int]
) -> np.ndarray:
    """Outputs ``which`` of ``chain`` in their years (their models only are computed)."""
    which = list(which)
    found = Outcomes(chain, tuple(dict.fromkeys(outputs[k].model for k in which)))
    return np.array([found.at(outputs[k].variable, years[k]) for k in which], dtype=float)
