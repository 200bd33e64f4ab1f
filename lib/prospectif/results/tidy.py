"""The tidy results table (IAMC convention).

One long table per run with columns ``model, scenario, region, variable, unit, year, value``;
variables are hierarchical (``Population|Age 75+``) and declared in :mod:`.registry`. Stocks
are on 1 January of ``year``, flows are totals during ``year``. A table's run metadata
(:class:`~.metadata.RunMetadata`, one per run) is in ``attrs["metadata"]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import ResultsDiffer

COLUMNS = ["model", "scenario", "region", "variable", "unit", "year", "value"]
INDEX = COLUMNS[:-1]
QUANTILE = "quantile"
"""Extra index column of a probabilistic table (pyam's ``extra_cols``): the quantile of the
draws, a fraction (0.5 the median; 0.1 and 0.9 bound the 80 % band)."""
QUANTILE_COLUMNS = [*INDEX, QUANTILE, "value"]


@dataclass(frozen=True)
class Series:
    """One result variable over years (``values`` aligned with ``years``)."""

    variable: str
    unit: str
    years: np.ndarray
    values: np.ndarray


def long_table(series: Iterable[Series], model: str, scenario: str, region: str) -> pd.DataFrame:
    """Assemble series into the IAMC long table."""
    series = list(series)
    lengths = [len(s.years) for s in series]
    return pd.DataFrame(
        {
            "model": model,
            "scenario": scenario,
            "region": region,
            "variable": np.repeat([s.variable for s in series], lengths),
            "unit": np.repeat([s.unit for s in series], lengths),
            "year": np.concatenate([np.asarray(s.years, dtype="int64") for s in series]),
            "value": np.concatenate([np.asarray(s.values, dtype=float) for s in series]),
        }
    )


def quantile_table(
    series: Iterable[Series], model: str, scenario: str, region: str, levels: Iterable[float]
) -> pd.DataFrame:
    """The IAMC long table of draws' quantiles: series whose values are (draw, year) give one
    row per year and level, in the column :data:`QUANTILE` (see ``docs/variables.md``); values
    by year only are the same in every draw.
    """
    levels = np.asarray(list(levels), dtype=float)
    series = list(series)
    parts = [
        Series(s.variable, s.unit, np.tile(s.years, len(levels)), values.ravel())
        for s in series
        for values in [np.quantile(np.atleast_2d(np.asarray(s.values, float)), levels, axis=0)]
    ]
    table = long_table(parts, model, scenario, region)
    counts = [len(s.years) for s in series]
    table.insert(len(INDEX), QUANTILE, np.concatenate([np.repeat(levels, n) for n in counts]))
    return table


def concat_tables(tables: list[pd.DataFrame]) -> pd.DataFrame:
    """Stack results tables, keeping the run metadata of each and their base structures."""
    if not tables:
        return pd.DataFrame(columns=COLUMNS)
    table = pd.concat(tables, ignore_index=True)
    structures = {t.attrs.get("base_structure") for t in tables}
    table.attrs["base_structure"] = ", ".join(sorted(s for s in structures if s))
    table.attrs["metadata"] = tuple(m for t in tables for m in t.attrs.get("metadata", ()))
    return table


def compare(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """Outer merge of two results tables on the IAMC index, with ``left``, ``right``, ``diff``."""
    merged = left.merge(right, on=INDEX, how="outer", suffixes=("_left", "_right"))
    merged = merged.rename(columns={"value_left": "left", "value_right": "right"})
    merged["diff"] = merged["right"] - merged["left"]
    return merged


def assert_results_equal(
    left: pd.DataFrame, right: pd.DataFrame, rtol: float = 1e-9, atol: float = 1e-9
) -> None:
    """Fail with the differing rows when two results tables differ beyond the tolerances."""
    __tracebackhide__ = True
    merged = compare(left, right)
    missing = merged[merged["left"].isna() | merged["right"].isna()]
    if not missing.empty:
        raise ResultsDiffer("results.one_side", rows=missing.head(10))
    far = ~np.isclose(merged["left"], merged["right"], rtol=rtol, atol=atol)
    if far.any():
        raise ResultsDiffer("results.differ", count=far.sum(), rows=merged[far].head(10))
